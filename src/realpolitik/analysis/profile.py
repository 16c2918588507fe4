"""profile: one actor at a glance — leader on the date, people seen, ties, activity, recent
events and figures, each with its evidence."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from realpolitik.actors.cameo import iso_country
from realpolitik.analysis.events import once_per_event, one_row_per_event
from realpolitik.analysis.evidence import Evidence, evidence_from_row
from realpolitik.analysis.goldstein import GOLDSTEIN_MEAN
from realpolitik.analysis.late import events_by_id, events_by_rowid, is_table
from realpolitik.analysis.leaders import PERSON_PREFIX, LeaderBook
from realpolitik.analysis.names import actor_filter, country_name
from realpolitik.analysis.rules import TieRules, default_tie_rules
from realpolitik.analysis.ties import Tie, find_ties, strongest_ties
from realpolitik.analysis.timeline import TimelineEntry, event_entry
from realpolitik.model import Actor
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause

QUADS = ("verbal_cooperation", "material_cooperation", "verbal_conflict", "material_conflict")


@dataclass(frozen=True, slots=True)
class Leader:
    """The state's leader on the date, from the knowledge base."""

    name: str
    actor_id: str
    title: str | None
    role: str | None
    valid_from: date | None
    valid_to: date | None

    @classmethod
    def from_actor(cls, actor: Actor) -> Leader:
        return cls(actor.name, actor.id, actor.title, actor.role, actor.valid_from,
                   actor.valid_to)

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "actor_id": self.actor_id, "title": self.title,
                "role": self.role,
                "valid_from": self.valid_from.isoformat() if self.valid_from else None,
                "valid_to": self.valid_to.isoformat() if self.valid_to else None}


@dataclass(frozen=True, slots=True)
class PersonSeen:
    """A person of this state the corpus mentions."""

    name: str
    actor_id: str
    role: str | None
    mentions: int
    last_seen: date | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "actor_id": self.actor_id, "role": self.role,
                "mentions": self.mentions,
                "last_seen": self.last_seen.isoformat() if self.last_seen else None}


@dataclass(frozen=True, slots=True)
class Figure:
    measure: str
    parties: tuple[str, ...]
    value: float | None
    low: float | None
    high: float | None
    unit: str
    year: int | None
    change_pct: float | None
    forecast: bool
    comparator: str
    evidence: Evidence

    def to_json(self) -> dict[str, Any]:
        return {"measure": self.measure, "parties": list(self.parties), "value": self.value,
                "low": self.low, "high": self.high, "unit": self.unit, "year": self.year,
                "change_pct": self.change_pct, "forecast": self.forecast,
                "comparator": self.comparator, "evidence": self.evidence.to_json()}


@dataclass(frozen=True, slots=True)
class Profile:
    actor: str
    name: str | None
    on: date
    leader: Leader | None
    people: tuple[PersonSeen, ...]
    #: counterpart -> its ties, strongest first (the strongest few where the query capped them)
    ties: dict[str, list[Tie]]
    #: "as_source"/"as_target" -> quad class name -> count, plus "goldstein_mean"
    activity: dict[str, dict[str, float | int | None]]
    recent_events: tuple[TimelineEntry, ...]
    figures: tuple[Figure, ...]
    #: counterpart -> how many ties it has, listed or not
    tie_counts: dict[str, int] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "actor": self.actor, "name": self.name, "on": self.on.isoformat(),
            "leader": self.leader.to_json() if self.leader else None,
            "people": [p.to_json() for p in self.people],
            "ties": [{"counterpart": c, "name": country_name(c),
                      "tie_count": self.tie_counts.get(c, len(ts)),
                      "ties": [t.to_json() for t in ts],
                      "evidence": [t.evidence.to_json() for t in ts]}
                     for c, ts in self.ties.items()],
            "activity": self.activity,
            "recent_events": [e.to_json() for e in self.recent_events],
            "figures": [f.to_json() for f in self.figures],
        }


def profile(store: Store, actor: str, on: date, *, kb: LeaderBook | None = None,
            tie_rules: TieRules | None = None, recent: int = 10,
            people: int = 8, min_confidence: float = 0.0, mentions: bool = False,
            ties_per_counterpart: int | None = 5) -> Profile:
    """What the store and the knowledge base know about ``actor`` on ``on``; events below
    ``min_confidence`` are left out of its ties, activity and recent events. An event
    reported by several stories counts and is listed once unless ``mentions``. Each
    counterpart lists its ``ties_per_counterpart`` strongest ties (None: all) and counts
    them all."""
    kind, code = actor_filter(actor)
    country = iso_country(code[:3])
    rules = tie_rules or default_tie_rules()
    if ties_per_counterpart is None:
        ties = find_ties(store, country, rules, as_of=on, active_since=on,
                         min_confidence=min_confidence)
        tie_counts = {c: len(ts) for c, ts in ties.items()}
    else:
        ties, tie_counts = strongest_ties(store, country, rules, ties_per_counterpart,
                                          as_of=on, active_since=on,
                                          min_confidence=min_confidence)
    confident, confident_params = confidence_clause(min_confidence)
    column = "actor" if kind == "actor" else "country"
    when = "coalesce(date_start, pub_date)"
    recent_rows = _recent_events(
        store, f"{when} <= ? AND {confident}", [on, *confident_params], recent,
        mentions, either=[
            (f"source_{column} = ?", [code]),
            (f"target_{column} = ? AND source_{column} IS DISTINCT FROM ?", [code, code])])
    figures = store.query_dicts(
        """SELECT q.*, d.date AS doc_date FROM quantities q
           LEFT JOIN documents d ON d.id = q.document_id
           WHERE list_contains(q.parties, ?) AND (d.date IS NULL OR d.date <= ?)
           ORDER BY q.year DESC NULLS LAST, q.id""", [country, on])
    # asked last: a knowledge base still loading (the CLI's) loads while the queries run
    leader = kb.leader_of(country, on) if kb is not None else None
    return Profile(
        actor=code, name=country_name(country), on=on,
        leader=Leader.from_actor(leader) if leader else None,
        people=_people(store, country, on, people), ties=ties,
        activity=_activity(store, column, code, on, min_confidence, mentions),
        recent_events=tuple(event_entry(r) for r in recent_rows),
        figures=tuple(Figure(
            f["measure"], tuple(f["parties"]), f["value"], f["low"], f["high"], f["unit"],
            f["year"], f["change_pct"], bool(f["forecast"]), f["comparator"],
            evidence_from_row(f, "figure")) for f in figures),
        tie_counts=tie_counts)


_WHEN = "coalesce(date_start, pub_date)"


def _recent_events(store: Store, where: str, params: list[Any], limit: int,
                   mentions: bool = True, either: Sequence[tuple[str, list[Any]]] = ()
                   ) -> list[dict[str, Any]]:
    """The ``limit`` newest events matching ``where``, all columns: one row per merged
    event (the row :func:`once_per_event` keeps: its own mention where that matches, else
    its earliest matching report) or, with ``mentions``, every row. ``either`` are
    disjoint conditions with their parameters, one of which a match also meets.

    One ``ORDER BY ... LIMIT`` over the whole sort key (two strings among them) costs a
    top-N over every match (255,331 for IRN on the 10M-event bench store, 0.2-0.4 s). The
    newest ``limit`` rows all date on or after the ``limit``-th newest date, so the row ids
    of the matches dated that late (a top-N over one date column), then a full sort of those
    few rows, give the same answer (0.08 s). Views over Parquet have no row ids: one query.

    ``either`` is asked as a ``UNION ALL``, not an ``OR``: each branch's equality is a filter
    the table scan applies itself (0.37-0.42 -> 0.24-0.28 s for IRN on that store). One row
    per merged event is kept with the ``duplicate`` flag, not a window over every match
    partitioned by its string ids (the window over IRN's matches took 0.25 s, reading the
    ids as much again): the matches that are no duplicate, and the reports
    :func:`_lone_reports` keeps where few reports match (else that window).
    """
    order = f"{_WHEN} DESC, document_id, sentence DESC, id"
    branches = [(f"{where} AND ({cond})", [*params, *more]) for cond, more in either] \
        or [(where, params)]
    every = [p for _, ps in branches for p in ps]
    if not is_table(store, "events"):
        any_of = " OR ".join(f"({cond})" for cond, _ in branches)
        return store.query_dicts(
            f"SELECT * FROM (SELECT * FROM events WHERE {any_of}{once_per_event(mentions)}) "
            f"ORDER BY {order} LIMIT ?", [*every, limit])
    newest = "SELECT r FROM m WHERE w >= (SELECT min(w) FROM (SELECT w FROM m ORDER BY w " \
        "DESC LIMIT ?))"
    reports = [] if mentions else _lone_reports(store, branches)
    if reports is None:  # many reports: one window over every match keeps one row each
        matches = " UNION ALL ".join(
            f"SELECT rowid AS r, {_WHEN} AS w, cluster_id, id, pub_date FROM events "
            f"WHERE {cond}" for cond, _ in branches)
        ids = [r[0] for r in store.query(
            f"WITH m AS MATERIALIZED (SELECT r, w FROM ({matches}){once_per_event()}) "
            f"{newest}", [*every, limit])]
        return events_by_rowid(store, "*", ids, order=order, limit=limit)
    own = "" if mentions else "NOT duplicate AND "
    matches = " UNION ALL ".join(
        f"SELECT rowid AS r, {_WHEN} AS w FROM events WHERE {own}{cond}" for cond, _ in branches)
    ids = [r[0] for r in store.query(
        f"""WITH o AS MATERIALIZED ({matches}),
            m AS MATERIALIZED (
                SELECT r, w FROM o
                UNION ALL
                SELECT r, w FROM (SELECT unnest(?::BIGINT[]) AS r, unnest(?::DATE[]) AS w,
                                         unnest(?::BIGINT[]) AS own) AS _l
                WHERE own IS NULL OR own NOT IN (SELECT r FROM o))
            {newest}""",
        [*every, [r for r, _, _ in reports], [w for _, w, _ in reports],
         [o for _, _, o in reports], limit])]
    return events_by_rowid(store, "*", ids, order=order, limit=limit)


#: the most reports (duplicates) among the matches :func:`_lone_reports` handles; with more,
#: the window over every match is the cheaper way to keep one row per merged event
_LONE_REPORTS = 256


def _lone_reports(store: Store, branches: Sequence[tuple[str, list[Any]]]
                  ) -> list[tuple[int, date | None, int | None]] | None:
    """The earliest matching report (a ``duplicate``) of each merged event, as (row id,
    date, row id of the event's own mention or None): the query keeps a report where its
    event's own mention is no match. None when more than ``_LONE_REPORTS`` reports match.

    Reports are found through the narrow flag (row groups with none are skipped), at most
    one more than the limit read; own mentions by primary key. On a store whose
    duplicates match by the thousand, reading their ids (as any way of choosing among
    them does) costs as much as the window over every match: the caller falls back to it
    (IRN on a copy of the 10M store with one mention in seven a report: 36,326)."""
    found = store.query("SELECT * FROM (" + " UNION ALL ".join(
        f"SELECT rowid, {_WHEN}, cluster_id, pub_date, id FROM events WHERE duplicate AND {cond}"
        for cond, _ in branches) + ") LIMIT ?",
        [*(p for _, ps in branches for p in ps), _LONE_REPORTS + 1])
    if len(found) > _LONE_REPORTS:
        return None
    earliest: dict[str, tuple[Any, ...]] = {}
    for row in sorted(found, key=lambda r: (r[3] is None, r[3] or date.min, r[4])):
        earliest.setdefault(row[2], row)
    own = {r["id"]: r["rowid"] for r in events_by_id(store, "rowid, id, cluster_id",
                                                       sorted(earliest))
           if r["cluster_id"] == r["id"]}
    return [(row[0], row[1], own.get(cluster)) for cluster, row in earliest.items()]


def _people(store: Store, country: str, on: date, limit: int) -> tuple[PersonSeen, ...]:
    rows = store.query(
        """SELECT first(m.name ORDER BY length(m.name) DESC, m.name), m.actor_id, min(m.role),
                  count(*), max(d.date)
           FROM mentions m JOIN documents d ON d.id = m.document_id
           WHERE m.country = ? AND m.actor_id LIKE ? AND (d.date IS NULL OR d.date <= ?)
           GROUP BY m.actor_id ORDER BY count(*) DESC, m.actor_id LIMIT ?""",
        [country, f"{PERSON_PREFIX}%", on, limit])
    return tuple(PersonSeen(name or actor_id, actor_id, role, int(n), last)
                 for name, actor_id, role, n, last in rows)


def _activity(store: Store, column: str, code: str, on: date, min_confidence: float = 0.0,
              mentions: bool = False) -> dict[str, dict[str, float | int | None]]:
    out: dict[str, dict[str, float | int | None]] = {}
    confident, confident_params = confidence_clause(min_confidence)
    for side in ("source", "target"):
        matches, params = one_row_per_event(
            "quad_class, goldstein",
            f"""{side}_{column} = ? AND polarity = 'asserted'
                AND coalesce(date_start, pub_date) <= ? AND {confident}""",
            [code, on, *confident_params], mentions)
        (row,) = store.query(
            f"""SELECT count(*) FILTER (WHERE quad_class = 1),
                       count(*) FILTER (WHERE quad_class = 2),
                       count(*) FILTER (WHERE quad_class = 3),
                       count(*) FILTER (WHERE quad_class = 4), {GOLDSTEIN_MEAN}, count(*)
                FROM {matches}""", params)
        counts: dict[str, float | int | None] = {q: int(n) for q, n in zip(QUADS, row[:4],
                                                                            strict=True)}
        counts["events"] = int(row[5])
        counts["goldstein_mean"] = round(float(row[4]), 3) if row[4] is not None else None
        out[f"as_{side}"] = counts
    return out
