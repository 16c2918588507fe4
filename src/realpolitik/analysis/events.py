"""Filtered event listings."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.analysis.evidence import Evidence, evidence_from_row, unique_evidence
from realpolitik.analysis.late import events_by_id, is_table
from realpolitik.analysis.names import country_code
from realpolitik.errors import QueryError
from realpolitik.model import Place
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause
from realpolitik.store.schema import MERGED_EVENTS_SELECT

POLARITIES = ("asserted", "negated")
MODALITIES = ("actual", "future", "hypothetical", "reported", "demanded")


def _choice(value: str | None, allowed: tuple[str, ...], name: str) -> str | None:
    if value is None:
        return None
    cleaned = value.strip().lower()
    if cleaned not in allowed:
        raise QueryError(f"unknown {name} {value!r}; choose one of {', '.join(allowed)}")
    return cleaned


@dataclass(frozen=True, slots=True)
class EventFilter:
    #: an actor code or its prefix on either side ("RUS" matches RUSGOV and RUSMIL)
    actor: str | None = None
    #: a country on either side: ISO3, actor code or name, resolved as ``dyad`` does
    country: str | None = None
    #: a CAMEO code or prefix ("19" matches every fight)
    code: str | None = None
    start: date | None = None
    end: date | None = None
    polarity: str | None = None
    limit: int | None = None
    modality: str | None = None
    #: events below this confidence are left out (0 keeps all)
    min_confidence: float = 0.0
    #: only each sentence's main event
    root_only: bool = False
    #: events placed inside this place: a country (ISO3) or a named place, by GeoNames id
    #: or by name (``--in``)
    within: Place | None = None
    #: events placed within ``radius_km`` of this place's point (``--near``)
    near: Place | None = None
    radius_km: float = 100.0
    #: count and list every mention (a report of an event in one story) rather than each
    #: merged event once (issue #15, see realpolitik.dedup)
    mentions: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor is not None:
            actor = self.actor.strip().upper()
            if not actor:
                raise QueryError("--actor needs a code, e.g. RUS or RUSGOV")
            # starts_with takes the prefix literally and costs half a LIKE on a large store
            clauses.append("(starts_with(source_actor, ?) OR starts_with(target_actor, ?))")
            params += [actor] * 2
        if self.country is not None:
            country = country_code(self.country)
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [country] * 2
        if self.code is not None:
            code = self.code.strip()
            if not code.isdigit() or len(code) > 4:
                raise QueryError(f"unknown CAMEO code {self.code!r}; give digits such as "
                                 "19 or 111")
            clauses.append("starts_with(code, ?)")
            params.append(code)
        if self.start:
            clauses.append("date_end >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("date_start <= ?")
            params.append(self.end)
        polarity = _choice(self.polarity, POLARITIES, "polarity")
        if polarity:
            clauses.append("polarity = ?")
            params.append(polarity)
        modality = _choice(self.modality, MODALITIES, "modality")
        if modality:
            clauses.append("modality = ?")
            params.append(modality)
        if self.min_confidence:
            clause, values = confidence_clause(self.min_confidence)
            clauses.append(clause)
            params += values
        if self.root_only:
            clauses.append("is_root")
        if self.within is not None:
            clause, more = _within(self.within)
            clauses.append(clause)
            params += more
        if self.near is not None and self.near.lat is not None and self.near.lon is not None:
            # great-circle distance (haversine, Earth radius 6371 km)
            clauses.append(
                "place_lat IS NOT NULL AND 2 * 6371 * asin(sqrt("
                "pow(sin(radians(place_lat - ?) / 2), 2) + cos(radians(?)) * "
                "cos(radians(place_lat)) * pow(sin(radians(place_lon - ?) / 2), 2))) <= ?")
            params += [self.near.lat, self.near.lat, self.near.lon, self.radius_km]
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _within(place: Place) -> tuple[str, list[Any]]:
    """Events whose place lies inside ``place``: its country, its ADM1, or the place itself."""
    if place.feature == "country":
        return "place_country = ?", [place.country]
    if place.feature == "adm1" and place.adm1:
        return "(place_country = ? AND place_adm1 = ?)", [place.country, place.adm1]
    if place.geonames_id is not None:
        return "place_geonames_id = ?", [place.geonames_id]
    return "place_name = ?", [place.name]


EVENT_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "date_inferred", "source_actor",
    "source_country", "source_text", "code", "root", "quad_class", "goldstein", "plover",
    "target_actor", "target_country", "target_text", "polarity", "modality", "confidence",
    "is_root", "evidence", "document_id", "sentence", "place_name", "place_country",
    "place_feature", "place_basis",
)


#: what each listed event says of its merged event (GDELT's NumMentions, NumSources,
#: NumArticles; first_seen is the first report's publication date)
MERGED_COLUMNS = ("cluster_id", "num_mentions", "num_sources", "num_articles", "first_seen")


def merged_events_sql(where: str, columns: tuple[str, ...] = EVENT_COLUMNS,
                      mentions: bool = False) -> str:
    """A SELECT of ``columns`` of the events matching ``where``, each with its merged
    event's counts: one row per merged event (its earliest matching mention: the merged
    event's own id when it matches) or, with ``mentions``, one row per mention."""
    cols = ", ".join(f"h.{c}" for c in columns)
    merged = ", ".join(f"m.{c}" for c in MERGED_COLUMNS[1:])
    rank = ("" if mentions else ", row_number() OVER (PARTITION BY cluster_id ORDER BY "
            "id = cluster_id DESC, pub_date NULLS LAST, id) AS _rank")
    keep = "" if mentions else " WHERE h._rank = 1"
    # the counts of the matching clusters only: joined to the merged_events view, DuckDB
    # aggregated every event of the store first (20-31 s for one month of one actor on
    # 10,000,000 events, even with the filter on the view's group key)
    counts = MERGED_EVENTS_SELECT.format(
        where=" WHERE e.cluster_id IN (SELECT cluster_id FROM h)")
    return (f"WITH h AS (SELECT *{rank} FROM events{where}), m AS ({counts}) "
            f"SELECT {cols}, h.cluster_id, {merged} FROM h "
            f"JOIN m ON m.cluster_id = h.cluster_id{keep}")


#: the order events are listed in (``id`` is unique: a total order)
EVENT_ORDER = "date_start, document_id, sentence, id"
#: the largest ``limit`` :func:`find_events` answers in steps (row ids first); above it, or
#: with no limit, one query over every match is cheaper than looking the rows up
LATE_LIMIT = 5000


def find_events(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    """Events the filter matches: each merged event once (with its counts) or, with
    ``flt.mentions``, every mention."""
    where, params = flt.where()
    if flt.limit is not None and flt.limit < 0:
        raise QueryError(f"limit must not be negative, got {flt.limit}")
    if flt.limit and flt.limit <= LATE_LIMIT and is_table(store, "events"):
        return _first_events(store, where, params, flt.limit, flt.mentions)
    limit = f" LIMIT {int(flt.limit)}" if flt.limit else ""
    return store.query_dicts(
        f"SELECT * FROM ({merged_events_sql(where, mentions=flt.mentions)}) "
        f"ORDER BY {EVENT_ORDER}{limit}", params)


def _first_events(store: Store, where: str, params: list[Any], limit: int,
                  mentions: bool) -> list[dict[str, Any]]:
    """:func:`find_events`'s first ``limit`` rows in three narrow steps: the row ids of
    the rows listed (the filter, one row per merged event and the order over the narrow
    columns), the row ids of every mention of their merged events (reports through the
    ``duplicate`` flag, own mentions by primary key), then the listed rows' columns and
    their merged events' counts from those rows alone.

    One query carried every column of every match through the window and the sort, and
    counted the matching merged events over a scan of ``cluster_id`` (all 10M rows of the
    bench store): 0.68 s for IRNGOV's 1,105 events of one month, 0.28 s in steps. A row
    whose ``cluster_id`` is NULL is in no merged event and is left out, as the join of
    the one query leaves it out."""
    known = f"{where} AND cluster_id IS NOT NULL" if where else " WHERE cluster_id IS NOT NULL"
    shown = store.query(
        f"SELECT rowid, id, cluster_id FROM events{known}{once_per_event(mentions)} "
        f"ORDER BY {EVENT_ORDER} LIMIT ?", [*params, limit])
    if not shown:
        return []
    clusters = sorted({c for _, _, c in shown})
    # a merged event's own mention is its row whose id is the cluster's (the primary key)
    own = {c: r for r, i, c in shown if i == c}
    missing = [c for c in clusters if c not in own]
    rowids = [*own.values(), *(r["rowid"] for r in events_by_id(
        store, "rowid, id, cluster_id", missing) if r["cluster_id"] == r["id"])]
    rowids += [r[0] for r in store.query(
        "SELECT rowid FROM events "
        "WHERE duplicate AND cluster_id IN (SELECT unnest(?::VARCHAR[]))", [clusters])]
    cols = ", ".join(f"h.{c}" for c in EVENT_COLUMNS)
    merged = ", ".join(f"m.{c}" for c in MERGED_COLUMNS[1:])
    counts = MERGED_EVENTS_SELECT.format(
        where=" WHERE e.rowid IN (SELECT unnest(?::BIGINT[]))")
    return store.query_dicts(
        f"WITH h AS (SELECT * FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[]))), "
        f"m AS ({counts}) SELECT {cols}, h.cluster_id, {merged} FROM h "
        f"JOIN m ON m.cluster_id = h.cluster_id ORDER BY {EVENT_ORDER}",
        [[r for r, _, _ in shown], sorted(set(rowids))])


def count_events(store: Store, flt: EventFilter) -> int:
    """How many events (merged events, or mentions with ``flt.mentions``) the filter
    matches, whatever its limit."""
    where, params = flt.where()
    what = "count(*)" if flt.mentions else "count(DISTINCT cluster_id)"
    return int(store.query(f"SELECT {what} FROM events{where}", params)[0][0])


def once_per_event(mentions: bool = False) -> str:
    """A QUALIFY clause keeping one row per merged event (its own mention when it
    matches, else the earliest matching report), or nothing with ``mentions``: the
    queries' default of counting and listing events, not reports (issue #15)."""
    if mentions:
        return ""
    return (" QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY id = cluster_id "
            "DESC, pub_date NULLS LAST, id) = 1")


def one_row_per_event(select: str, where: str, params: Sequence[Any] = (),
                      mentions: bool = False) -> tuple[str, list[Any]]:
    """``(SELECT {select} FROM events WHERE {where})`` keeping the row :func:`once_per_event`
    keeps of each merged event, or every row with ``mentions``; returns the subquery and
    its parameters (``where``'s ``params``, as often as the subquery asks ``where``).

    Every mention that is no ``duplicate`` is kept (a merged event's own row, where it
    matches), and of the duplicates (reports of a merged event whose own row is another)
    the earliest of each event whose own row does not match. The flag spares reading the
    two string ids of every match: network's totals over 2.8M conflict events of the 10M
    bench store took 0.50-0.57 s with them and 0.23 s without (the earlier window over
    every match sorted by cluster took 1.1-2.1 s under load).
    """
    if mentions:
        return f"(SELECT {select} FROM events WHERE {where})", list(params)
    sql = f"""(SELECT {select} FROM events WHERE NOT duplicate AND ({where})
               UNION ALL
               SELECT * EXCLUDE (_cl, _pd, _id) FROM (
                   SELECT {select}, cluster_id AS _cl, pub_date AS _pd, id AS _id
                   FROM events WHERE duplicate AND ({where})
                   QUALIFY row_number() OVER (PARTITION BY cluster_id
                                              ORDER BY pub_date NULLS LAST, id) = 1) AS _d
               WHERE NOT EXISTS (SELECT 1 FROM events _o
                                 WHERE _o.id = _d._cl AND NOT _o.duplicate AND ({where})))"""
    return sql, [*params, *params, *params]


def cluster_evidence(store: Store, cluster_ids: Iterable[str | None], supports: str
                     ) -> dict[str, tuple[Evidence, ...]]:
    """Every mention's sentence of each merged event reported more than once, earliest
    report first: a merged event listed once carries all its evidence. An event reported
    once is not in the answer (its caller holds its only sentence).

    The reports are found through the narrow ``duplicate`` flag, so a store with few merged
    events pays next to nothing (row groups without a duplicate are skipped); the own
    mentions of the events that have reports are then looked up by id in the primary key.
    """
    wanted = sorted({c for c in cluster_ids if c is not None})
    if not wanted:
        return {}
    columns = "cluster_id, id, evidence, document_id, sentence, pub_date"
    rows = store.query_dicts(
        f"SELECT {columns} FROM events "
        "WHERE duplicate AND cluster_id IN (SELECT unnest(?::VARCHAR[]))", [wanted])
    rows += events_by_id(store, columns, sorted({r["cluster_id"] for r in rows}))
    rows.sort(key=lambda r: (r["cluster_id"], r["pub_date"] is None, r["pub_date"] or date.min,
                             r["document_id"], r["sentence"], r["id"]))
    out: dict[str, list[Evidence]] = {}
    for row in rows:
        out.setdefault(row["cluster_id"], []).append(evidence_from_row(row, supports))
    return {k: unique_evidence(v) for k, v in out.items()}
