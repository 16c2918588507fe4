"""allies-lost: states tied to an actor whose leader was removed inside a window.

A removal is an asserted event whose code or trigger word ``data/analysis/removals.yaml``
lists and whose target is the state's leader (see :func:`_leader_target`). A tie is what
``data/analysis/ties.yaml`` counts (see :mod:`realpolitik.analysis.ties`). One row per
state: the leader, the removal with its date and the ties, each with its sentences.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.analysis.events import cluster_evidence
from realpolitik.analysis.evidence import Evidence, evidence_from_row, unique_evidence
from realpolitik.analysis.late import (
    events_by_id,
    events_by_rowid,
    is_table,
    late_event_dicts,
)
from realpolitik.analysis.leaders import (
    LeaderBook,
    LeaderSpell,
    head_spell,
    is_person,
    knows_leaders,
    outgoing_leader,
    spell_of,
)
from realpolitik.analysis.mentions import MentionIndex, find_mention, mention_index
from realpolitik.analysis.names import country_code, country_name
from realpolitik.analysis.rules import (
    RemovalRules,
    TieRules,
    default_removal_rules,
    default_tie_rules,
    strength_rank,
)
from realpolitik.analysis.ties import Tie, find_ties
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause
from realpolitik.timex.window import Window, parse_window

#: mention kinds that stand for one person (a name, a title, "his counterpart", "he")
PERSON_MENTION_KINDS = frozenset({"name", "title", "counterpart", "pronoun"})
#: how the date of a removal was established, best first
DATE_BASES = ("text", "leader tenure end", "publication date")


@dataclass(frozen=True, slots=True)
class Removal:
    """The event that took a leader out of office."""

    event_id: str
    code: str
    #: assassinated, overthrown, abducted, detained, ...
    label: str
    date: date
    #: "text" (the sentence dates it), "leader tenure end" (the knowledge base does) or
    #: "publication date" (nothing does: it happened by then)
    date_basis: str
    precision: str | None
    trigger: str | None
    #: who did it (actor code), None for an agentless passive ("was overthrown")
    perpetrator: str | None
    target: str | None

    def to_json(self) -> dict[str, Any]:
        return {
            "event_id": self.event_id, "code": self.code, "label": self.label,
            "date": self.date.isoformat(), "date_basis": self.date_basis,
            "precision": self.precision, "trigger": self.trigger,
            "perpetrator": self.perpetrator, "target": self.target,
        }


@dataclass(frozen=True, slots=True)
class AllyLoss:
    """A state tied to the actor that lost its leader inside the window."""

    country: str
    country_name: str | None
    leader: str | None
    leader_id: str | None
    removal: Removal
    ties: tuple[Tie, ...]
    evidence: tuple[Evidence, ...]

    @property
    def strength(self) -> str:
        return self.ties[0].strength if self.ties else "weak"

    @property
    def tie(self) -> str:
        """The strongest ties in a phrase."""
        return "; ".join(dict.fromkeys(t.describe() for t in self.ties[:3]))

    def table_row(self) -> dict[str, Any]:
        return {
            "country": self.country, "leader": self.leader,
            "removal": f"{self.removal.label} ({self.removal.code}) {self.removal.date}",
            "tie": self.tie,
            "evidence": " | ".join(e.text for e in self.evidence),
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "country": self.country,
            "country_name": self.country_name,
            "leader": self.leader,
            "leader_id": self.leader_id,
            "removal": self.removal.to_json(),
            "tie": self.tie,
            "tie_strength": self.strength,
            "ties": [t.to_json() for t in self.ties],
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class AlliesLost:
    actor: str
    window: str
    start: date
    as_of: date
    min_strength: str
    rows: tuple[AllyLoss, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "query": {"actor": self.actor, "within": self.window,
                      "from": self.start.isoformat(), "as_of": self.as_of.isoformat(),
                      "min_tie_strength": self.min_strength},
            "rows": [r.to_json() for r in self.rows],
        }


@dataclass(frozen=True, slots=True)
class _Candidate:
    row: dict[str, Any]
    removal: Removal
    leader: str | None
    leader_id: str | None


def allies_lost(store: Store, actor: str, within: Window | str, as_of: date, *,
                kb: LeaderBook | None = None, min_strength: str = "weak",
                removal_rules: RemovalRules | None = None,
                tie_rules: TieRules | None = None, max_evidence: int = 12,
                min_confidence: float = 0.0) -> AlliesLost:
    """States tied to ``actor`` whose leader was removed in the window ending at ``as_of``.

    ``kb`` (the actor knowledge base) checks that a removed person led the state and names
    the leader when the text names only the government; without it a person target counts
    when their role is a leader role. ``min_strength`` is weak, medium or strong; events
    below ``min_confidence`` neither remove a leader nor tie two states. A removal
    reported by several stories (one merged event) is listed once, its evidence every
    report's sentence.
    """
    code = country_code(actor)
    window = parse_window(within) if isinstance(within, str) else within
    start = window.before(as_of)
    strength_rank(min_strength)
    removal_rules = removal_rules or default_removal_rules()
    tie_rules = tie_rules or default_tie_rules()

    removals = _removals(store, code, start, as_of, kb, removal_rules, min_confidence)
    by_country: dict[str, list[_Candidate]] = defaultdict(list)
    for cand in removals:
        by_country[cand.row["target_country"]].append(cand)
    ties = find_ties(store, code, tie_rules, counterparts=by_country, as_of=as_of,
                     active_since=start, min_strength=min_strength,
                     min_confidence=min_confidence)
    _read_evidence(store, [c.row for country, cands in by_country.items() if country in ties
                           for c in cands])
    rows: list[AllyLoss] = []
    for country, cands in by_country.items():
        if country not in ties:
            continue
        best = min(cands, key=lambda c: (DATE_BASES.index(c.removal.date_basis),
                                         c.leader is None, c.removal.date, c.removal.event_id))
        # the chosen removal's sentences first, then other reports of removals there
        others = sorted(cands, key=lambda c: (c.leader_id != best.leader_id, c.row["pub_date"],
                                              c.row["sentence"]))
        # every report of the chosen removal's merged event (issue #15) next
        reports = cluster_evidence(store, [best.row["cluster_id"]], "removal")
        evidence = unique_evidence(
            [evidence_from_row(best.row, "removal"),
             *reports.get(best.row["cluster_id"], ()),
             *(evidence_from_row(c.row, "removal") for c in others),
             *(t.evidence for t in ties[country])], limit=max_evidence)
        rows.append(AllyLoss(country, country_name(country), best.leader, best.leader_id,
                             best.removal, tuple(ties[country]), evidence))
    rows.sort(key=lambda r: (r.removal.date, r.country))
    return AlliesLost(code, str(window), start, as_of, min_strength, tuple(rows))


#: the columns of a removal :func:`_leader_target` reads
_REMOVAL_COLUMNS = """id, document_id, pub_date, date_start, date_end, date_precision,
    date_inferred, source_actor, target_text, target_actor, target_country, target_role,
    code, trigger, sentence, cluster_id"""


def _removals(store: Store, actor: str, start: date, as_of: date, kb: LeaderBook | None,
              rules: RemovalRules, min_confidence: float = 0.0) -> list[_Candidate]:
    codes = list(rules.codes)
    words = sorted(set(rules.trigger_words) | {w for c in rules.codes.values()
                                               for w in c.triggers})
    confident, confident_params = confidence_clause(min_confidence)
    where = f"""polarity = 'asserted'
            AND modality IN ({', '.join('?' * len(rules.modalities))})
            AND target_country IS NOT NULL AND target_country <> ?
            AND (code IN (SELECT unnest(?)) OR lower(trigger) IN (SELECT unnest(?)))
            AND ((coalesce(date_inferred, false) OR date_start IS NULL)
                     AND coalesce(pub_date, date_start) >= ?
                 OR coalesce(date_end, date_start) >= ? AND date_start <= ?)
            AND {confident}"""
    params = [*rules.modalities, actor, codes, words, start, start, as_of, *confident_params]
    if is_table(store, "events"):
        rows, persons = _possible_removals(store, where, params, rules)
    else:
        rows = late_event_dicts(store, _REMOVAL_COLUMNS, where, params, "date_start, id")
        rows = [r for r in rows if rules.label_for(r["code"], r["trigger"])]
        persons = mention_index(store, (r["document_id"] for r in rows))
    found: list[_Candidate] = []
    for row in rows:
        cand = _leader_target(row, persons, start, as_of, kb, rules)
        if cand is not None:
            found.append(cand)
    return found


def _possible_removals(store: Store, where: str, params: list[Any], rules: RemovalRules
                       ) -> tuple[list[dict[str, Any]], MentionIndex]:
    """The removals matching ``where`` that :func:`_leader_target` may keep, all their
    columns, in date order, and the mentions of their documents.

    A removal is kept only if its sentence has a mention (its target may be a person) or
    its target may be the government (a government role or none) with a government
    trigger. That is decided on the few columns it takes, and the other columns are read
    for the rows that may be kept only: on the 10M-event bench store (no mentions) the
    11,755 removals of RUS's 15 months were read whole (0.21 s) to keep none; their
    deciding columns take 0.07 s."""
    ids = [r[0] for r in store.query(f"SELECT rowid FROM events WHERE {where}", params)]
    narrow = [r for r in events_by_rowid(
        store, "rowid, document_id, sentence, target_role, code, trigger", ids)
        if rules.label_for(r["code"], r["trigger"])]
    persons = mention_index(store, (r["document_id"] for r in narrow))
    kept = [r["rowid"] for r in narrow
            if (r["document_id"], r["sentence"]) in persons or _government_removal(r, rules)]
    return events_by_rowid(store, _REMOVAL_COLUMNS, kept, order="date_start, id"), persons


def _government_removal(row: dict[str, Any], rules: RemovalRules) -> bool:
    """Whether the removal's target may be the state's government (no person named)."""
    role = row["target_role"]
    return (role is None or role in rules.government_roles) and (
        (row["trigger"] or "").lower() in rules.government_triggers)


def _read_evidence(store: Store, rows: list[dict[str, Any]]) -> None:
    """The sentences of the removals kept, read by primary key: read with every removal of
    the window (11,755 on the 10M-event bench store), the sentences were most of the
    query's cost, for the few a tied state's answer shows."""
    found = {hit["id"]: hit["evidence"]
             for hit in events_by_id(store, "id, evidence", sorted({r["id"] for r in rows}))}
    for row in rows:
        row["evidence"] = found.get(row["id"])


def _event_dates(row: dict[str, Any], as_of: date) -> tuple[date, date, bool]:
    """(start, end, inferred) of the event, the end capped at ``as_of``."""
    inferred = bool(row["date_inferred"]) or row["date_start"] is None
    first = row["date_start"] or row["pub_date"]
    last = row["date_end"] or first
    return first, min(last, as_of), inferred


def _leader_target(row: dict[str, Any], persons: MentionIndex, start: date, as_of: date,
                   kb: LeaderBook | None, rules: RemovalRules) -> _Candidate | None:
    """The removal, when the event's target is the state's leader or its government."""
    label = rules.label_for(row["code"], row["trigger"])
    if label is None:
        return None
    country = row["target_country"]
    first, last, inferred = _event_dates(row, as_of)
    person = find_mention(persons, row["document_id"], row["sentence"], row["target_text"],
                          row["target_country"], PERSON_MENTION_KINDS)
    spell: LeaderSpell | None = None
    leader: str | None = None
    leader_id: str | None = None
    if person is not None and is_person(person["actor_id"]):
        leader, leader_id = person["name"] or person["text"], person["actor_id"]
        if kb is not None:
            spell = (spell_of(kb, country, leader_id, start, last)
                     or head_spell(kb, country, leader_id, start, last, rules.leader_titles))
            if spell is None and knows_leaders(kb, country, start, last):
                return None  # the knowledge base shows someone else leading the state
        if spell is None and (person["role"] or row["target_role"]) not in rules.leader_roles:
            return None
    else:
        titled = person is not None and row["target_role"] in rules.leader_roles
        if not (titled or _government_removal(row, rules)):
            return None
        if kb is not None:
            spell = outgoing_leader(kb, country, start, last)
        if spell is not None:
            leader, leader_id = spell.actor.name, spell.actor.id
    removal_date, basis = first, "text"
    if inferred:
        end = spell.tenure_end if spell is not None else None
        if end is not None and start <= end <= as_of:
            removal_date, basis = end, "leader tenure end"
        else:
            removal_date, basis = first, "publication date"
    if not start <= max(removal_date, (row["date_end"] or removal_date)) or removal_date > as_of:
        return None
    removal = Removal(
        event_id=row["id"], code=row["code"], label=label, date=removal_date,
        date_basis=basis, precision=row["date_precision"] if basis == "text" else "day",
        trigger=row["trigger"], perpetrator=row["source_actor"], target=row["target_text"])
    return _Candidate(row, removal, leader, leader_id)
