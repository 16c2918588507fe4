"""responses: who reacted to an attack, how, and whether they named the perpetrator.

The attacks are one stored event (``event_id``) or the asserted attack events on a country.
A reaction is an event whose code falls in a category of ``data/analysis/responses.yaml``
(condemned, expressed condolences, supported, ...) and that is linked to the attack: in the
attack's document within a few sentences of it or referring to it ("the actions of the US",
"the assassination"), or in a later document within some days when it targets the victim or
a perpetrator and refers to the attack. A reaction names the perpetrator when a naming
category (a condemnation, a demand, ...) is aimed at a perpetrator's country; a negated one
("did not name the assassins") is kept as evidence that the reactor did not. States tied to
the victim by a treaty or alliance claim that said nothing are reported as silent.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from realpolitik.analysis.events import cluster_evidence
from realpolitik.analysis.evidence import Evidence, evidence_from_row, unique_evidence
from realpolitik.analysis.mentions import MentionIndex, find_mention, mention_index
from realpolitik.analysis.names import country_code
from realpolitik.analysis.rules import ResponseRules, default_response_rules
from realpolitik.errors import QueryError
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause

SIDES = ("victim", "perpetrator", "third party")
_WORD = re.compile(r"[a-z]+")
_EVENT_COLUMNS = """id, document_id, pub_date, date_start, date_end, date_inferred, sentence,
    evidence, code, polarity, modality, source_text, source_actor, source_country, target_text,
    target_actor, target_country, cluster_id"""


@dataclass(frozen=True, slots=True)
class Attack:
    event_id: str
    code: str
    perpetrator: str | None
    perpetrator_country: str | None
    victim: str
    target: str | None
    #: the earliest the attack can have happened: its date, or, when only the publication
    #: dates it, that date less the rules' follow-up days
    earliest: date | None
    date: date | None
    document_id: str
    sentence: int
    evidence: Evidence
    #: the merged event (issue #15) and the sentence of every report of it, earliest first
    cluster_id: str | None = None
    reports: tuple[Evidence, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "code": self.code, "perpetrator": self.perpetrator,
            "perpetrator_country": self.perpetrator_country, "victim": self.victim,
            "target": self.target, "date": self.date.isoformat() if self.date else None,
            "evidence": self.evidence.to_json(),
            "cluster_id": self.cluster_id, "num_mentions": max(1, len(self.reports)),
            "reports": [e.to_json() for e in self.reports],
        }


@dataclass(frozen=True, slots=True)
class Reaction:
    category: str
    code: str
    polarity: str
    #: the reaction's target as coded (actor code) and its text
    target: str | None
    target_country: str | None
    target_text: str | None
    names_perpetrator: bool
    attack_id: str
    date: date | None
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {
            "category": self.category, "code": self.code, "polarity": self.polarity,
            "target": self.target, "target_country": self.target_country,
            "target_text": self.target_text, "names_perpetrator": self.names_perpetrator,
            "attack_id": self.attack_id,
            "date": self.date.isoformat() if self.date else None,
            "evidence": self.evidence.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Response:
    """One actor's reactions to the attacks (or its silence)."""

    reactor: str
    #: knowledge-base id when the reactor's mention resolved to one (a person, a body)
    actor_id: str | None
    actor: str | None
    country: str | None
    side: str
    #: categories of the asserted reactions in order, or ("silent",)
    stance: tuple[str, ...]
    named_perpetrator: bool
    reactions: tuple[Reaction, ...]
    evidence: tuple[Evidence, ...]

    def describe(self) -> str:
        parts: list[str] = []
        for category in self.stance:
            targets = sorted({r.target_country or r.target_text or "" for r in self.reactions
                              if r.category == category and r.polarity == "asserted"} - {""})
            parts.append(category + (f" {', '.join(targets)}" if targets else ""))
        return "; ".join(parts)

    def table_row(self) -> dict[str, Any]:
        return {
            "reactor": self.reactor, "country": self.country, "side": self.side,
            "reaction": self.describe(), "named_perpetrator": self.named_perpetrator,
            "evidence": " | ".join(e.text for e in self.evidence),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "reactor": self.reactor, "actor_id": self.actor_id, "actor": self.actor,
            "country": self.country, "side": self.side, "stance": list(self.stance),
            "reaction": self.describe(), "named_perpetrator": self.named_perpetrator,
            "reactions": [r.to_json() for r in self.reactions],
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Responses:
    query: dict[str, Any]
    attacks: tuple[Attack, ...]
    victims: tuple[str, ...]
    perpetrators: tuple[str, ...]
    rows: tuple[Response, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "query": dict(self.query),
            "attacks": [a.to_json() for a in self.attacks],
            "victims": list(self.victims),
            "perpetrators": list(self.perpetrators),
            "rows": [r.to_json() for r in self.rows],
        }


def responses(store: Store, *, event_id: str | None = None, attack_on: str | None = None,
              start: date | None = None, end: date | None = None,
              expect: Iterable[str] = (), rules: ResponseRules | None = None,
              min_confidence: float = 0.0, mentions: bool = False) -> Responses:
    """Reactions to one event (``event_id``) or to the attacks on a country (``attack_on``).

    ``expect`` names further actors (codes) whose silence should be reported. Attacks and
    reactions below ``min_confidence`` are left out (an event asked for by id never is).
    An attack or reaction reported by several stories (one merged event, issue #15) is
    listed once, with every report's sentence, unless ``mentions``; reactions in any of
    an attack's stories link to it.
    """
    confidence_clause(min_confidence)
    if (event_id is None) == (attack_on is None):
        raise QueryError("give either an event id (--event) or a country (--attack-on)")
    rules = rules or default_response_rules()
    if event_id is not None:
        rows = store.query_dicts(f"SELECT {_EVENT_COLUMNS} FROM events WHERE id = ?",
                                 [event_id])
        if rows and not mentions and rows[0]["cluster_id"] is not None:
            # every report of the merged event, the one asked for first
            rows += store.query_dicts(
                f"""SELECT {_EVENT_COLUMNS} FROM events WHERE cluster_id = ? AND id <> ?
                    ORDER BY coalesce(date_start, pub_date), document_id, sentence, id""",
                [rows[0]["cluster_id"], event_id])
        if not rows:
            raise QueryError(f"no stored event with id {event_id!r}")
        if rows[0]["target_country"] is None:
            raise QueryError(f"event {event_id} has no target country to react to")
        query: dict[str, Any] = {"event_id": event_id}
    else:
        victim = country_code(str(attack_on))
        rows = _attacks_on(store, [victim], rules, start, end, min_confidence=min_confidence)
        query = {"attack_on": victim, "from": start.isoformat() if start else None,
                 "to": end.isoformat() if end else None}
    attacks = [_attack(r, rules) for r in rows]
    victims = sorted({a.victim for a in attacks})
    scope = _attacks_on(store, victims, rules, None, None,
                        documents=sorted({a.document_id for a in attacks}),
                        min_confidence=min_confidence)
    perpetrators = sorted({r["source_country"] for r in [*rows, *scope]
                           if r["source_country"] and r["source_country"] not in victims})
    linked = _linked_reactions(store, attacks, scope, victims, perpetrators, rules,
                               min_confidence)
    listed = attacks if mentions else _merged_attacks(store, attacks)
    # a reaction to any report of a merged attack is a reaction to the listed attack
    stands_for = {a.event_id: b.event_id for b in listed for a in attacks
                  if a.event_id == b.event_id
                  or (not mentions and a.cluster_id is not None and a.cluster_id == b.cluster_id)}
    linked = [(row, replace(attack, event_id=stands_for.get(attack.event_id, attack.event_id)))
              for row, attack in linked]
    people = mention_index(store, {r["document_id"] for r, _ in linked})
    answer = _by_reactor(linked, people, victims, perpetrators, rules, mentions)
    silent = _silent(store, victims, perpetrators, answer, expect, rules,
                     max((a.date for a in attacks if a.date), default=None))
    query["expect"] = sorted(set(expect))
    return Responses(query, tuple(listed), tuple(victims), tuple(perpetrators),
                     tuple(answer + silent))


def _merged_attacks(store: Store, attacks: list[Attack]) -> list[Attack]:
    """Each merged attack once (its own report when listed, else the first listed), with
    every report's sentence."""
    groups: dict[str, list[Attack]] = {}
    for attack in attacks:
        groups.setdefault(attack.cluster_id or attack.event_id, []).append(attack)
    reports = cluster_evidence(store, groups, "attack")
    out: list[Attack] = []
    for key, members in groups.items():
        head = next((a for a in members if a.event_id == key), members[0])
        out.append(replace(head, reports=reports.get(key, (head.evidence,))))
    return out


def _attacks_on(store: Store, victims: list[str], rules: ResponseRules, start: date | None,
                end: date | None, documents: list[str] | None = None,
                min_confidence: float = 0.0) -> list[dict[str, Any]]:
    if not victims:
        return []
    confident, confident_params = confidence_clause(min_confidence)
    prefixes = " OR ".join("code LIKE ?" for _ in rules.attacks)
    when = "coalesce(date_start, pub_date)"
    return store.query_dicts(
        f"""SELECT {_EVENT_COLUMNS} FROM events
            WHERE polarity = 'asserted' AND target_country IN (SELECT unnest(?))
              AND modality IN (SELECT unnest(?)) AND ({prefixes})
              AND (?::DATE IS NULL OR coalesce(date_end, {when}) >= ?)
              AND (?::DATE IS NULL OR {when} <= ?)
              AND (?::VARCHAR[] IS NULL OR document_id IN (SELECT unnest(?::VARCHAR[])))
              AND {confident}
            ORDER BY {when}, document_id, sentence, id""",
        [victims, list(rules.modalities), *(f"{p}%" for p in rules.attacks), start, start,
         end, end, documents, documents, *confident_params])


def _attack(row: dict[str, Any], rules: ResponseRules) -> Attack:
    when = row["date_start"] or row["pub_date"]
    earliest = when
    if when is not None and (row["date_inferred"] or row["date_start"] is None):
        earliest = when - timedelta(days=rules.follow_days)
    return Attack(
        event_id=row["id"], code=row["code"], perpetrator=row["source_actor"],
        perpetrator_country=row["source_country"], victim=row["target_country"],
        target=row["target_text"], date=when, earliest=earliest,
        document_id=row["document_id"], sentence=row["sentence"],
        evidence=evidence_from_row(row, "attack"), cluster_id=row["cluster_id"],
        reports=(evidence_from_row(row, "attack"),))


def _refers(text: str, rules: ResponseRules) -> bool:
    return bool(set(_WORD.findall(text.lower())) & rules.references)


def _linked_reactions(store: Store, attacks: list[Attack], scope: list[dict[str, Any]],
                      victims: list[str], perpetrators: list[str], rules: ResponseRules,
                      min_confidence: float = 0.0) -> list[tuple[dict[str, Any], Attack]]:
    """Candidate reaction events with the attack each is linked to."""
    if not attacks:
        return []
    confident, confident_params = confidence_clause(min_confidence)
    attack_ids = {a.event_id for a in attacks} | {r["id"] for r in scope}
    by_doc: dict[str, list[Attack]] = defaultdict(list)
    for attack in attacks:
        by_doc[attack.document_id].append(attack)
    dates = [a.date for a in attacks if a.date]
    first = min(dates) if dates else None
    last = max(dates) + timedelta(days=rules.follow_days) if dates else None
    parties = sorted(set(victims) | set(perpetrators))
    rows = store.query_dicts(
        f"""SELECT {_EVENT_COLUMNS} FROM events
            WHERE (source_actor IS NOT NULL OR source_country IS NOT NULL)
              AND modality IN (SELECT unnest(?))
              AND (document_id IN (SELECT unnest(?))
                   OR (?::DATE IS NOT NULL AND pub_date BETWEEN ? AND ?
                       AND target_country IN (SELECT unnest(?))))
              AND {confident}
            ORDER BY pub_date, document_id, sentence, id""",
        [list(rules.reaction_modalities), sorted(by_doc), first, first, last, parties,
         *confident_params])
    other_attacks = _sentences_about_other_attacks(
        store, sorted({r["document_id"] for r in rows}), victims, rules)
    involved = set(victims) | set(perpetrators)
    linked: list[tuple[dict[str, Any], Attack]] = []
    for row in rows:
        category = rules.category(row["code"])
        if row["id"] in attack_ids or category is None:
            continue
        if category in rules.perpetrator_only and row["target_country"] not in perpetrators:
            continue
        aimed = row["target_country"] in involved
        if row["target_country"] is not None and not aimed:
            continue  # aimed at someone else: not a reaction to these attacks
        if (row["document_id"], row["sentence"]) in other_attacks and not aimed:
            continue  # the sentence is about another attack
        answered = _linked_attack(row, by_doc.get(row["document_id"]), attacks, aimed, rules)
        if answered is not None and not _before(row, answered):
            linked.append((row, answered))
    return linked


def _linked_attack(row: dict[str, Any], same_doc: list[Attack] | None, attacks: list[Attack],
                   aimed: bool, rules: ResponseRules) -> Attack | None:
    """The attack a reaction answers, or None when nothing links them."""
    refers = _refers(row["evidence"] or "", rules)
    if not same_doc:
        return _closest(attacks, row) if aimed and refers else None
    nearest = min(same_doc, key=lambda a: abs(a.sentence - row["sentence"]))
    distance = abs(nearest.sentence - row["sentence"])
    near = distance <= rules.max_sentence_distance
    if aimed and (near or refers):
        return nearest
    if not aimed and (distance <= rules.adjacent_distance or (near and refers)):
        return nearest
    return None


def _before(row: dict[str, Any], attack: Attack) -> bool:
    """A reaction its sentence dates (not the publication) to before the attack began."""
    if row["date_inferred"] or row["date_start"] is None or attack.earliest is None:
        return False
    return bool((row["date_end"] or row["date_start"]) < attack.earliest)


def _closest(attacks: list[Attack], row: dict[str, Any]) -> Attack:
    """The latest attack on the reaction's target published before it."""
    published = row["pub_date"]
    before = [a for a in attacks if a.date is None or published is None or a.date <= published]
    pool = [a for a in before if a.victim == row["target_country"]] or before or attacks
    return max(pool, key=lambda a: (a.date or date.min, a.event_id))


def _sentences_about_other_attacks(store: Store, documents: list[str], victims: list[str],
                                   rules: ResponseRules) -> set[tuple[str, int]]:
    if not documents:
        return set()
    prefixes = " OR ".join("code LIKE ?" for _ in rules.attacks)
    rows = store.query(
        f"""SELECT DISTINCT document_id, sentence FROM events
            WHERE document_id IN (SELECT unnest(?)) AND ({prefixes})
              AND target_country IS NOT NULL AND target_country NOT IN (SELECT unnest(?))""",
        [documents, *(f"{p}%" for p in rules.attacks), victims])
    return {(d, s) for d, s in rows}


def _side(country: str | None, victims: list[str], perpetrators: list[str]) -> str:
    if country in victims:
        return SIDES[0]
    if country in perpetrators:
        return SIDES[1]
    return SIDES[2]


def _by_reactor(linked: list[tuple[dict[str, Any], Attack]], people: MentionIndex,
                victims: list[str], perpetrators: list[str], rules: ResponseRules,
                mentions: bool = False) -> list[Response]:
    groups: dict[str, list[tuple[dict[str, Any], Attack, dict[str, Any] | None]]] = {}
    for row, attack in linked:
        mention = find_mention(people, row["document_id"], row["sentence"],
                               row["source_text"], row["source_country"])
        key = (mention["actor_id"] if mention and mention["actor_id"]
               else row["source_actor"] or row["source_country"])
        groups.setdefault(key, []).append((row, attack, mention))
    order = [c.name for c in rules.categories]
    out: list[Response] = []
    for key, items in groups.items():
        reactions: list[Reaction] = []
        heard: list[Evidence] = []
        seen: set[tuple[str, str]] = set()
        for row, attack, _ in items:
            heard.append(evidence_from_row(row, "reaction"))
            # one merged reaction (several stories reporting it) once, its sentences kept
            once = (str(row["cluster_id"] or row["id"]), attack.event_id)
            if not mentions and once in seen:
                continue
            seen.add(once)
            category = rules.category(row["code"]) or "commented"
            names = (row["polarity"] == "asserted" and category in rules.naming
                     and row["target_country"] in perpetrators)
            reactions.append(Reaction(
                category=category, code=row["code"], polarity=row["polarity"],
                target=row["target_actor"], target_country=row["target_country"],
                target_text=row["target_text"], names_perpetrator=names,
                attack_id=attack.event_id, date=row["date_start"] or row["pub_date"],
                evidence=evidence_from_row(row, "reaction")))
        asserted = sorted({r.category for r in reactions if r.polarity == "asserted"},
                          key=order.index)
        spoke = [c for c in asserted if c not in rules.silent]
        stance = tuple(asserted) if spoke else ("silent", *asserted)
        row, _, mention = items[0]
        named = next((m for _, _, m in items if m and m["name"]), mention)
        out.append(Response(
            reactor=(named["name"] if named and named["name"] else row["source_text"]
                     or row["source_actor"] or key),
            actor_id=named["actor_id"] if named else None,
            actor=row["source_actor"], country=row["source_country"],
            side=_side(row["source_country"], victims, perpetrators), stance=stance,
            named_perpetrator=any(r.names_perpetrator for r in reactions),
            reactions=tuple(reactions),
            evidence=unique_evidence(heard)))
    return out


def _silent(store: Store, victims: list[str], perpetrators: list[str], answered: list[Response],
            expect: Iterable[str], rules: ResponseRules, as_of: date | None) -> list[Response]:
    """Expected reactors (tied to a victim, or asked for) with nothing said in the corpus."""
    spoke = {r.country for r in answered if "silent" not in r.stance}
    spoke |= {r.actor for r in answered if "silent" not in r.stance}
    candidates: dict[str, list[Evidence]] = {country_code(e): [] for e in expect}
    if victims and rules.expected_from:
        rows = store.query_dicts(
            """SELECT r.parties, r.kind, r.origin, r.document_id, r.sentence, r.evidence,
                      d.date AS doc_date
               FROM relations r LEFT JOIN documents d ON d.id = r.document_id
               WHERE r.polarity = 'asserted' AND r.kind IN (SELECT unnest(?))
                 AND list_has_any(r.parties, ?)
                 AND (?::DATE IS NULL OR r.date_start IS NULL OR r.date_start <= ?)""",
            [list(rules.expected_from), victims, as_of, as_of])
        for row in rows:
            for party in row["parties"]:
                if party not in victims:
                    candidates.setdefault(party, []).append(evidence_from_row(row, "expected"))
    out: list[Response] = []
    for code, proof in sorted(candidates.items()):
        if code in spoke or code in victims or code in perpetrators:
            continue
        already = [r for r in answered if r.country == code]
        if already:
            continue  # listed with its declined or negated reactions
        out.append(Response(
            reactor=code, actor_id=None, actor=code, country=code, side=SIDES[2],
            stance=("silent",), named_perpetrator=False, reactions=(),
            evidence=unique_evidence(proof, limit=3)))
    return out
