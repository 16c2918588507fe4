"""dyad: what two actors did to each other, per period and direction.

Counts per quad class, Goldstein sum and mean, both directions, over asserted events that
happened (actual or reported). Each period carries the sentences of its most intense events
(largest absolute Goldstein) as evidence. Two aggregate queries over the events table; the
counts and each period's top event ids come from one pass, the sentences from the id index.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal

from realpolitik.analysis.events import cluster_evidence
from realpolitik.analysis.evidence import Evidence, evidence_from_row, unique_evidence
from realpolitik.analysis.goldstein import GOLDSTEIN_MEAN, GOLDSTEIN_SUM
from realpolitik.analysis.late import events_by_key, is_table
from realpolitik.analysis.names import actor_filter
from realpolitik.errors import QueryError
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause

Period = Literal["month", "quarter", "year"]
PERIODS: tuple[str, ...] = ("month", "quarter", "year")
OCCURRED = ("actual", "reported")
QUAD_NAMES = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
              "material_conflict")


@dataclass(frozen=True, slots=True)
class DyadPeriod:
    """One direction of a dyad over one period."""

    period: date
    source: str
    target: str
    events: int
    verbal_cooperation: int
    material_cooperation: int
    verbal_conflict: int
    material_conflict: int
    goldstein_sum: float
    goldstein_mean: float
    evidence: tuple[Evidence, ...]

    @property
    def direction(self) -> str:
        return f"{self.source}->{self.target}"

    def table_row(self) -> dict[str, Any]:
        return {
            "period": self.period, "direction": self.direction, "events": self.events,
            # short headers keep the table readable in a terminal; JSON has the full names
            "v.coop": self.verbal_cooperation, "m.coop": self.material_cooperation,
            "v.confl": self.verbal_conflict, "m.confl": self.material_conflict,
            "G.sum": round(self.goldstein_sum, 2), "G.mean": round(self.goldstein_mean, 2),
            "evidence": self.evidence[0].text if self.evidence else None,
        }

    def to_json(self) -> dict[str, Any]:
        return {
            "period": self.period.isoformat(), "direction": self.direction,
            "source": self.source, "target": self.target, "events": self.events,
            "quad_classes": {name: getattr(self, name) for name in QUAD_NAMES},
            "goldstein_sum": round(self.goldstein_sum, 3),
            "goldstein_mean": round(self.goldstein_mean, 3),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Dyad:
    a: str
    b: str
    start: date | None
    end: date | None
    by: str
    rows: tuple[DyadPeriod, ...]

    def direction_rows(self, source: str) -> list[DyadPeriod]:
        return [r for r in self.rows if r.source == source]

    def totals(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for source, target in ((self.a, self.b), (self.b, self.a)):
            rows = self.direction_rows(source)
            n = sum(r.events for r in rows)
            total = sum(r.goldstein_sum for r in rows)
            out[f"{source}->{target}"] = {
                "events": n,
                **{name: sum(getattr(r, name) for r in rows) for name in QUAD_NAMES},
                "goldstein_sum": round(total, 3),
                "goldstein_mean": round(total / n, 3) if n else None,
            }
        return out

    def to_json(self) -> dict[str, Any]:
        return {
            "query": {"a": self.a, "b": self.b, "by": self.by,
                      "from": self.start.isoformat() if self.start else None,
                      "to": self.end.isoformat() if self.end else None},
            "totals": self.totals(),
            "rows": [r.to_json() for r in self.rows],
        }


def _side(column: str, spec: tuple[str, str]) -> tuple[str, str]:
    """A WHERE fragment matching one side of an event against an actor."""
    kind, code = spec
    if kind == "actor":
        return f"{column}_actor = ?", code
    return f"{column}_country = ?", code


def dyad(store: Store, a: str, b: str, *, start: date | None = None, end: date | None = None,
         by: str = "month", evidence_per_period: int = 3, min_confidence: float = 0.0,
         mentions: bool = False) -> Dyad:
    """Events between ``a`` and ``b`` (ISO3, organisation or actor codes, or names); events
    below ``min_confidence`` are left out. An event reported by several stories counts
    once (its earliest matching mention stands for it) unless ``mentions``."""
    if by not in PERIODS:
        raise QueryError(f"--by must be one of {', '.join(PERIODS)}, got {by!r}")
    if start and end and end < start:
        raise QueryError(f"--to {end} is before --from {start}")
    spec_a, spec_b = actor_filter(a), actor_filter(b)
    if spec_a == spec_b:
        raise QueryError("a dyad needs two different actors")
    a_src, a_val = _side("source", spec_a)
    b_tgt, b_val = _side("target", spec_b)
    b_src, _ = _side("source", spec_b)
    a_tgt, _ = _side("target", spec_a)
    when = "coalesce(date_start, pub_date)"
    # only the filters asked for: an "? IS NULL OR ..." test would keep DuckDB from pushing
    # the others into its scan
    common = ["polarity = 'asserted'", f"modality IN ('{OCCURRED[0]}', '{OCCURRED[1]}')",
              f"{when} IS NOT NULL"]
    dates: list[Any] = []
    if start:
        common.append(f"{when} >= ?")
        dates.append(start)
    if end:
        common.append(f"{when} <= ?")
        dates.append(end)
    confident, confident_params = confidence_clause(min_confidence)
    if min_confidence > 0:
        common.append(confident)
        dates.extend(confident_params)
    bucket = f"CAST(date_trunc('{by}', {when}) AS DATE)"
    # the top events are named by row id where events is a table (one lookup for all of
    # them), by event id where it is a view over Parquet
    key = "rowid" if is_table(store, "events") else "id"
    # one scan per direction with plain equality filters, which DuckDB pushes into the scan;
    # an event matching both directions counts once, as a to b
    once = "" if mentions else (
        " QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY id = cluster_id DESC, "
        "pub_date NULLS LAST, id) = 1")
    legs = (
        f"SELECT 0 AS dir, id, {key} AS k, quad_class, goldstein, {bucket} AS period FROM events "
        f"WHERE {a_src} AND {b_tgt} AND {' AND '.join(common)}{once}",
        f"SELECT 1 AS dir, id, {key} AS k, quad_class, goldstein, {bucket} AS period FROM events "
        f"WHERE {b_src} AND {a_tgt} AND {' AND '.join(common)} "
        f"AND NOT coalesce({a_src} AND {b_tgt}, false){once}",
    )
    params = [a_val, b_val, *dates, b_val, a_val, *dates, a_val, b_val]
    top = max(evidence_per_period, 1)
    # the period's most intense events, largest |Goldstein| first, ties by id, picked in the
    # same pass as the counts; their sentences are then fetched by id from the index
    counts = store.query(
        f"""SELECT dir, period, count(*),
                   count(*) FILTER (WHERE quad_class = 1), count(*) FILTER (WHERE quad_class = 2),
                   count(*) FILTER (WHERE quad_class = 3), count(*) FILTER (WHERE quad_class = 4),
                   coalesce({GOLDSTEIN_SUM}, 0), coalesce({GOLDSTEIN_MEAN}, 0),
                   min_by(k, struct_pack(g := -abs(goldstein), i := id), {top})
            FROM ({legs[0]} UNION ALL {legs[1]})
            GROUP BY dir, period ORDER BY period, dir""", params)
    evidence = _evidence(store, counts, evidence_per_period, by_rowid=key == "rowid",
                         mentions=mentions)
    code_a, code_b = spec_a[1], spec_b[1]
    rows = tuple(
        DyadPeriod(
            period=period, source=code_a if d == 0 else code_b,
            target=code_b if d == 0 else code_a, events=int(n), verbal_cooperation=int(q1),
            material_cooperation=int(q2), verbal_conflict=int(q3), material_conflict=int(q4),
            goldstein_sum=float(gsum), goldstein_mean=float(gmean),
            evidence=tuple(evidence.get((d, period), ())))
        for d, period, n, q1, q2, q3, q4, gsum, gmean, _ in counts)
    return Dyad(code_a, code_b, start, end, by, rows)


def _evidence(store: Store, counts: list[tuple[Any, ...]], per_period: int,
              by_rowid: bool = False, mentions: bool = False
              ) -> dict[tuple[int, date], list[Evidence]]:
    """The sentences of each period's top events (the last column of ``counts``: row ids
    where ``by_rowid``, else event ids); unless ``mentions``, every report's sentence of
    each top merged event, earliest report first."""
    if per_period < 1:
        return {}
    wanted = [key for row in counts for key in row[-1] or ()]
    key = "rowid" if by_rowid else "id"
    found = {hit["k"]: hit for hit in events_by_key(
        store, f"{key} AS k, evidence, document_id, sentence, pub_date, cluster_id", wanted,
        by_rowid)}
    reports = {} if mentions else cluster_evidence(
        store, (hit["cluster_id"] for hit in found.values()), "event")
    out: dict[tuple[int, date], list[Evidence]] = defaultdict(list)
    for row in counts:
        for event_id in row[-1] or ():
            if event_id in found:
                hit = found[event_id]
                out[(row[0], row[1])].extend(unique_evidence(
                    [evidence_from_row(hit, "event"), *reports.get(hit["cluster_id"], ())]))
    return out

