"""What ties states to an actor: relations (text or reference data) and cooperation events.

Which relation kinds and event codes count, and how strongly, is ``data/analysis/ties.yaml``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.analysis.evidence import Evidence, evidence_from_row
from realpolitik.analysis.late import events_by_key, is_table, late_event_dicts
from realpolitik.analysis.rules import TieRules, strength_rank
from realpolitik.events.codebook import default_codebook
from realpolitik.model import OBLIGATION_TYPES
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause

#: event modalities that say something happened (not planned, wished or demanded)
OCCURRED = ("actual", "reported")


@dataclass(frozen=True, slots=True)
class Tie:
    """One reason to call a state tied to the actor."""

    counterpart: str
    #: a relation kind (treaty, alliance_claim, ...), "shared_membership" or "event"
    kind: str
    strength: str
    #: "text", a reference data set ("reference:atop") or "event"
    origin: str
    name: str | None
    date: date | None
    #: the CAMEO code of an event tie, the organisation of a shared membership
    code: str | None
    #: obligation type -> True/False where the relation states it
    obligations: dict[str, bool]
    evidence: Evidence

    def describe(self) -> str:
        """A short phrase for tables: ``treaty "Strategic Partnership" 2025-01``."""
        label = self.kind.replace("_", " ")
        if self.kind == "event" and self.code:
            cameo = default_codebook().get(self.code)
            label = f"event {self.code}" + (f" ({cameo.name.lower()})" if cameo else "")
        elif self.kind == "shared_membership" and self.code:
            label = f"both members of {self.code}"
        parts = [label]
        if self.name:
            parts.append(f'"{self.name}"')
        if self.date:
            parts.append(self.date.isoformat()[:7])
        if self.origin.startswith("reference"):
            parts.append(f"({self.origin})")
        return " ".join(parts)

    def to_json(self) -> dict[str, Any]:
        return {
            "kind": self.kind,
            "strength": self.strength,
            "origin": self.origin,
            "name": self.name,
            "date": self.date.isoformat() if self.date else None,
            "code": self.code,
            "obligations": dict(self.obligations),
            "description": self.describe(),
        }


def _obligations(row: dict[str, Any]) -> dict[str, bool]:
    return {name: bool(row[name]) for name in OBLIGATION_TYPES if row.get(name) is not None}


def _reference_coverage(store: Store) -> dict[str, date]:
    """The last date each reference data set covers (its latest spell end)."""
    rows = store.query("SELECT origin, max(date_end) FROM relations "
                       "WHERE origin <> 'text' AND date_end IS NOT NULL GROUP BY origin")
    return {origin: end for origin, end in rows}


def _relation_ties(store: Store, actor: str, wanted: set[str] | None, as_of: date | None,
                   active_since: date | None, rules: TieRules) -> list[Tie]:
    rows = store.query_dicts(
        """SELECT r.id, r.kind, r.parties, r.name, r.origin, r.date_start, r.date_end,
                  r.document_id, r.sentence, r.evidence, r.defense, r.offense, r.neutrality,
                  r.non_aggression, r.consultation, d.date AS doc_date
           FROM relations r LEFT JOIN documents d ON d.id = r.document_id
           WHERE r.polarity = 'asserted' AND list_contains(r.parties, ?)
             AND (r.date_start IS NULL OR ? IS NULL OR r.date_start <= ?)
           ORDER BY r.date_start NULLS LAST, r.id""", [actor, as_of, as_of])
    coverage = _reference_coverage(store) if active_since else {}
    ties: list[Tie] = []
    for row in rows:
        strength = rules.relations.get(row["kind"])
        if strength is None:
            continue
        origin = row["origin"] or "text"
        end = row["date_end"]
        # a reference spell is a period in force: one that ended before the period asked
        # about no longer ties, unless it runs to the end of what the data set covers
        if (active_since and origin != "text" and end is not None and end < active_since
                and end < coverage.get(origin, end)):
            continue
        for party in row["parties"] or ():
            if party == actor or (wanted is not None and party not in wanted):
                continue
            ties.append(Tie(
                counterpart=party, kind=row["kind"], strength=strength,
                origin=origin, name=row["name"], date=row["date_start"],
                code=None, obligations=_obligations(row),
                evidence=evidence_from_row(row, "tie")))
    return ties


def _shared_membership_ties(store: Store, actor: str, wanted: set[str] | None,
                            as_of: date | None, rules: TieRules) -> list[Tie]:
    strength = rules.relations.get("membership", "weak")
    rows = store.query_dicts(
        """SELECT r.parties, r.origin, r.date_start, r.document_id, r.sentence, r.evidence,
                  d.date AS doc_date
           FROM relations r LEFT JOIN documents d ON d.id = r.document_id
           WHERE r.kind = 'membership' AND r.polarity = 'asserted' AND len(r.parties) = 2
             AND (r.date_start IS NULL OR ? IS NULL OR r.date_start <= ?)""", [as_of, as_of])
    members: dict[str, set[str]] = defaultdict(set)
    proof: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        state, org = row["parties"]
        members[org].add(state)
        proof.setdefault((state, org), row)
    ties: list[Tie] = []
    for org, states in sorted(members.items()):
        if actor not in states:
            continue
        for state in sorted(states - {actor}):
            if wanted is not None and state not in wanted:
                continue
            row = proof[(state, org)]
            ties.append(Tie(state, "shared_membership", strength, row["origin"] or "text",
                            None, row["date_start"], org, {}, evidence_from_row(row, "tie")))
    return ties


def _event_tie_query(actor: str, wanted: set[str] | None, as_of: date | None,
                     rules: TieRules, min_confidence: float, floor: int
                     ) -> tuple[str, str, list[Any], list[Any]] | None:
    """The pieces of the event-tie query: the strength ``CASE`` (the strength of the
    longest listed prefix, as TieRules.event_strength, in SQL), the ``WHERE`` condition,
    and the parameters of each; None when no listed code is strong enough."""
    if not rules.events:
        return None
    kept = [p for p in rules.events if strength_rank(rules.events[p]) >= floor]
    if not kept:
        return None
    strength, strength_params = _by_longest_prefix(rules, lambda s: s)
    any_prefix = " OR ".join("starts_with(code, ?)" for _ in kept)
    confident, confident_params = confidence_clause(min_confidence)
    only = f"AND {_OTHER} IN (SELECT unnest(?))" if wanted is not None else ""
    only_params: list[Any] = [actor, sorted(wanted)] if wanted is not None else []
    where = f"""polarity = 'asserted' AND modality IN ({', '.join('?' * len(OCCURRED))})
            AND (source_country = ? OR target_country = ?)
            AND source_country IS NOT NULL AND target_country IS NOT NULL
            AND source_country <> target_country
            AND ({any_prefix}) {only}
            AND (? IS NULL OR coalesce(date_start, pub_date) <= ?)
            AND {confident}"""
    params = [*OCCURRED, actor, actor, *kept, *only_params,
              as_of, as_of, *confident_params]
    return strength, where, strength_params, params


def _by_longest_prefix(rules: TieRules, value: Callable[[str], Any]) -> tuple[str, list[Any]]:
    """``CASE`` giving ``value(strength)`` of the longest listed code prefix (as
    TieRules.event_strength does), and its parameters. Prefixes are tested with
    starts_with, not LIKE: the same test at half the cost on a large store."""
    prefixes = sorted(rules.events, key=lambda p: (-len(p), p))
    case = "CASE " + " ".join("WHEN starts_with(code, ?) THEN ?" for _ in prefixes) + " END"
    return case, [v for p in prefixes for v in (p, value(rules.events[p]))]


#: the state an event tie ties the actor to (the query's first parameter is the actor)
_OTHER = "CASE WHEN source_country = ? THEN target_country ELSE source_country END"
_TIE_COLUMNS = "id, code, source_country, target_country, date_start, pub_date, " \
    "document_id, sentence, evidence"


def _event_ties(store: Store, actor: str, wanted: set[str] | None, as_of: date | None,
                rules: TieRules, min_confidence: float = 0.0, floor: int = 0) -> list[Tie]:
    query = _event_tie_query(actor, wanted, as_of, rules, min_confidence, floor)
    if query is None:
        return []
    strength, where, strength_params, params = query
    rows = late_event_dicts(store, f"{_TIE_COLUMNS}, {strength} AS strength", where, params,
                            "coalesce(date_start, pub_date), id",
                            select_params=strength_params)
    return [tie for row in rows if (tie := _event_tie(actor, row, floor)) is not None]


def _event_tie(actor: str, row: dict[str, Any], floor: int) -> Tie | None:
    if strength_rank(row["strength"]) < floor:
        return None
    other_state = (row["target_country"] if row["source_country"] == actor
                   else row["source_country"])
    return Tie(other_state, "event", row["strength"], "event", None,
               row["date_start"] or row["pub_date"], row["code"], {},
               evidence_from_row(row, "tie"))


def _strongest_event_ties(store: Store, actor: str, as_of: date | None, rules: TieRules,
                          min_confidence: float, per_counterpart: int
                          ) -> tuple[list[Tie], dict[str, int]]:
    """The ``per_counterpart`` strongest (then earliest) event ties to each state, and any
    as strong and as early as the last of them, and how many event ties each has: a window
    over the narrow columns, then the evidence of the few rows kept (IRN on the 10M-event
    bench store has 29,309 tie events and keeps 295).

    The window ranks by strength and date only, keeping every event tied with the last
    one kept: the string ids that break those ties are then read for the kept rows only
    (with the evidence), not for every tie event (0.15 -> 0.10 s for IRN on that store), and
    :func:`strongest_ties` cuts each counterpart's list, ordered by strength, date and id,
    as the window did."""
    query = _event_tie_query(actor, None, as_of, rules, min_confidence, 0)
    if query is None:
        return [], {}
    _, where, _, params = query
    rank, rank_params = _by_longest_prefix(rules, strength_rank)
    table = is_table(store, "events")
    kept = store.query(
        f"""SELECT {'rowid' if table else 'id'}, {_OTHER} AS other,
                   count(*) OVER (PARTITION BY {_OTHER})
            FROM events WHERE {where}
            QUALIFY rank() OVER (PARTITION BY {_OTHER}
                ORDER BY {rank} DESC, coalesce(date_start, pub_date)) <= ?""",
        [actor, actor, *params, actor, *rank_params, per_counterpart])
    counts = {other: int(n) for _, other, n in kept}
    rows = events_by_key(store, _TIE_COLUMNS, [r[0] for r in kept], table)
    ties = []
    for row in sorted(rows, key=lambda r: (r["date_start"] or r["pub_date"] or date.max,
                                           r["id"])):
        row["strength"] = rules.event_strength(row["code"])
        if row["strength"] is not None and (tie := _event_tie(actor, row, 0)) is not None:
            ties.append(tie)
    return ties, counts


def find_ties(store: Store, actor: str, rules: TieRules, *,
              counterparts: Iterable[str] | None = None, as_of: date | None = None,
              active_since: date | None = None,
              min_strength: str = "weak", min_confidence: float = 0.0
              ) -> dict[str, list[Tie]]:
    """Ties of ``actor`` (a state or organisation code), by counterpart, strongest first.

    ``counterparts`` limits the answer to some states; ``as_of`` drops ties first dated
    after it; ``active_since`` drops reference-data alliances that ended before it (text
    relations are dated by their signing, not their end, and always count);
    ``min_strength`` drops weaker ones; events below ``min_confidence`` tie no one.
    """
    wanted = set(counterparts) if counterparts is not None else None
    if wanted is not None and not wanted:
        return {}
    floor = strength_rank(min_strength)
    found = [*_other_ties(store, actor, wanted, as_of, active_since, rules),
             *_event_ties(store, actor, wanted, as_of, rules, min_confidence, floor)]
    by_counterpart = _by_counterpart(t for t in found if strength_rank(t.strength) >= floor)
    return {c: strongest_first(ts) for c, ts in by_counterpart.items()}


def strongest_ties(store: Store, actor: str, rules: TieRules, per_counterpart: int, *,
                   as_of: date | None = None, active_since: date | None = None,
                   min_confidence: float = 0.0) -> tuple[dict[str, list[Tie]], dict[str, int]]:
    """:func:`find_ties` with at most ``per_counterpart`` ties listed for each counterpart
    (the strongest, as :func:`strongest_first` orders them), and how many ties each has:
    a profile of a busy state lists its strongest ties, not every cooperation event."""
    events, event_counts = _strongest_event_ties(store, actor, as_of, rules, min_confidence,
                                                 per_counterpart)
    by_counterpart = _by_counterpart(
        [*_other_ties(store, actor, None, as_of, active_since, rules), *events])
    counts = {c: len([t for t in ts if t.kind != "event"]) + event_counts.get(c, 0)
              for c, ts in by_counterpart.items()}
    ties = {c: strongest_first(ts)[:per_counterpart] for c, ts in by_counterpart.items()}
    return ties, counts


def _other_ties(store: Store, actor: str, wanted: set[str] | None, as_of: date | None,
                active_since: date | None, rules: TieRules) -> list[Tie]:
    """The ties that are no events: relations, and shared memberships where the rules
    count them."""
    found = _relation_ties(store, actor, wanted, as_of, active_since, rules)
    if rules.shared_membership:
        found += _shared_membership_ties(store, actor, wanted, as_of, rules)
    return found


def _by_counterpart(ties: Iterable[Tie]) -> dict[str, list[Tie]]:
    """Ties grouped by counterpart, counterparts in order, each group in the ties' order."""
    grouped: dict[str, list[Tie]] = defaultdict(list)
    for tie in ties:
        grouped[tie.counterpart].append(tie)
    return dict(sorted(grouped.items()))


def strongest_first(ties: Sequence[Tie]) -> list[Tie]:
    return sorted(ties, key=lambda t: (-strength_rank(t.strength), t.kind == "event",
                                       t.date or date.max))
