"""Where events happened, for the workbench: the explorer's query with the CLI's place
filters (``in``, ``near`` + ``km``, and ``at``: one point of the map), the map's per-place
counts, GeoJSON of a filter, and place marks on the document view.

Nothing here decides where an event happened: the places stage did, and the store keeps it
(schema v3). Places a user names are found with :func:`realpolitik.places.geo.find_place`
and turned into SQL by :class:`realpolitik.analysis.events.EventFilter`, as ``realpolitik
events --in/--near`` does; every value reaches DuckDB as a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from realpolitik.analysis.annotate import AnnotatedDocument, Mark
from realpolitik.analysis.events import EventFilter, once_per_event
from realpolitik.analysis.explore import MAX_DOWNLOAD, EventQuery
from realpolitik.model import DocumentAnalysis, Place
from realpolitik.places.geo import geojson_feature
from realpolitik.store import Store

#: half the Earth's circumference: no radius is wider
MAX_KM = 20_038.0
#: how the places stage chose an event's place, as a reader is told
BASES = {
    "trigger": "a place phrase of the event's words",
    "sentence": "a place named in the event's sentence",
    "dateline": "the article's dateline",
    "actor_country": "the country of the event's actors (nothing in the text placed it)",
}
#: columns the explorer's rows lack (it lists name, country, feature and basis)
PLACE_DETAIL = ("place_geonames_id", "place_adm1", "place_lat", "place_lon", "place_text")
GEOJSON_COLUMNS = (
    "id", "document_id", "date_start", "date_end", "date_precision", "code", "root",
    "quad_class", "goldstein", "source_actor", "source_country", "target_actor",
    "target_country", "polarity", "modality", "evidence", "place_name", "place_geonames_id",
    "place_feature", "place_country", "place_adm1", "place_basis", "place_text", "place_lat",
    "place_lon",
)


@dataclass(frozen=True, slots=True)
class PlacedQuery(EventQuery):
    """:class:`EventQuery` narrowed to events placed inside ``within``, within
    ``radius_km`` of ``near``, or exactly at one place (``at``: a GeoNames id or, for the
    few seas and regions without one, the place's name)."""

    within: Place | None = None
    near: Place | None = None
    radius_km: float = 100.0
    at: str | None = None

    def where(self) -> tuple[str, list[Any]]:
        # EventQuery.where by name: a slotted dataclass has no zero-argument super()
        where, params = EventQuery.where(self)
        clauses = [where.removeprefix(" WHERE ")] if where else []
        more, extra = EventFilter(within=self.within, near=self.near,
                                  radius_km=self.radius_km).where()
        if more:
            clauses.append(more.removeprefix(" WHERE "))
            params = [*params, *extra]
        if self.at is not None:
            if self.at.isdigit():
                clauses.append("place_geonames_id = ?")
                params.append(int(self.at))
            else:
                clauses.append("place_geonames_id IS NULL AND place_name = ?")
                params.append(self.at)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


def _listed(where: str, mentions: bool) -> str:
    """The filter's events as a subquery: one row per merged event unless ``mentions``."""
    return f"(SELECT * FROM events{where}{once_per_event(mentions)}) AS listed"


def place_key(geonames_id: int | None, name: str | None) -> str:
    """What ``at`` takes for a point of the map."""
    return str(geonames_id) if geonames_id is not None else str(name or "")


def with_place_details(store: Store, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The explorer's rows with the rest of their place: GeoNames id, ADM1, point, the
    words of the text it rests on, and the basis in words."""
    ids = [r["id"] for r in rows if r.get("place_name") is not None]
    found: dict[str, dict[str, Any]] = {}
    if ids:
        for extra in store.query_dicts(
                f"SELECT id, {', '.join(PLACE_DETAIL)} FROM events WHERE list_contains(?, id)",
                [ids]):
            found[extra.pop("id")] = extra
    out = []
    for row in rows:
        detail = found.get(row["id"], dict.fromkeys(PLACE_DETAIL))
        basis = row.get("place_basis")
        out.append({**row, **detail, "place_basis_text": BASES.get(basis) if basis else None})
    return out


def place_counts(store: Store, query: EventQuery) -> dict[str, Any]:
    """Per place of the filter: how many events, per quad class, the most frequent quad
    class, and how many of the filter's events have no point to draw. A merged event
    counts once, at its earliest matching report's place, unless ``query.mentions``."""
    where, params = query.where()
    events = _listed(where, query.mentions)
    total = int(store.query(f"SELECT count(*) FROM {events}", params)[0][0])
    rows = store.query_dicts(
        "SELECT place_name AS name, place_geonames_id AS geonames_id, "
        "place_feature AS feature, place_country AS country, place_adm1 AS adm1, "
        "place_lat AS lat, place_lon AS lon, count(*) AS events, "
        "count(*) FILTER (WHERE quad_class = 1) AS q1, "
        "count(*) FILTER (WHERE quad_class = 2) AS q2, "
        "count(*) FILTER (WHERE quad_class = 3) AS q3, "
        "count(*) FILTER (WHERE quad_class = 4) AS q4, "
        "min(date_start) AS first, max(date_end) AS last "
        f"FROM {events} WHERE place_lat IS NOT NULL AND place_lon IS NOT NULL "
        "GROUP BY ALL ORDER BY events DESC, name", params)
    places = []
    for r in rows:
        quads = {q: int(r.pop(f"q{q}")) for q in (1, 2, 3, 4)}
        top = max(quads, key=lambda q: (quads[q], -q))
        places.append({**r, "key": place_key(r["geonames_id"], r["name"]),
                       "quad_classes": {str(q): n for q, n in quads.items()},
                       "quad_class": top})
    placed = sum(int(p["events"]) for p in places)
    return {"total": total, "placed": placed, "unplaced": total - placed, "places": places}


def geojson(store: Store, query: EventQuery, limit: int = MAX_DOWNLOAD) -> dict[str, Any]:
    """The filter's placed events as a GeoJSON FeatureCollection (RFC 7946), as
    ``realpolitik export --format geojson`` writes them (a merged event once unless
    ``query.mentions``)."""
    where, params = query.where()
    rows = store.query_dicts(
        f"SELECT {', '.join(GEOJSON_COLUMNS)} FROM {_listed(where, query.mentions)} "
        "WHERE place_lat IS NOT NULL AND place_lon IS NOT NULL "
        "ORDER BY date_start, id LIMIT ?", [*params, limit])
    features = [f for f in (geojson_feature(r) for r in rows) if f is not None]
    return {"type": "FeatureCollection", "features": features}


# -- the document view ---------------------------------------------------------------------
def _place_label(name: str | None, feature: str | None, country: str | None) -> str:
    where = ", ".join(x for x in (feature, country) if x)
    return f"{name} ({where})" if where else str(name or "")


def _place_mark(n: int, row: dict[str, Any]) -> Mark:
    record = {"text": row["text"], "place": row["name"], "feature": row["feature"],
              "country": row["country"], "adm1": row["adm1"], "geonames_id":
              row["geonames_id"], "lat": row["lat"], "lon": row["lon"],
              "chosen_by": row["reason"]}
    return Mark("place", f"place:{n}", int(row["start_char"]), int(row["end_char"]),
                row["sentence"], _place_label(row["name"], row["feature"], row["country"]),
                record)


def _event_place(record: dict[str, Any], place: dict[str, Any] | None) -> dict[str, Any]:
    """The event's record with its place after its date, or a word that it has none."""
    out: dict[str, Any] = {}
    for key, value in record.items():
        out[key] = value
        if key == "date_basis":
            if place is None or place.get("name") is None:
                out["place"] = "none: nothing in the text places it"
            else:
                out["place"] = _place_label(place["name"], place["feature"], place["country"])
                out["place_basis"] = BASES.get(place["basis"], place["basis"])
                out["place_text"] = place["text"]
    return out


def _with(annotated: AnnotatedDocument, places: list[Mark],
          event_places: dict[str, dict[str, Any]]) -> AnnotatedDocument:
    marks = [replace(m, record=_event_place(m.record, event_places.get(m.id)))
             if m.kind == "event" else m for m in annotated.marks]
    text_length = len(annotated.text)
    marks += [m for m in places if 0 <= m.start < m.end <= text_length]
    return replace(annotated, marks=tuple(marks))


def place_marks_stored(store: Store, annotated: AnnotatedDocument) -> AnnotatedDocument:
    """A stored document's marks with its place mentions and each event's place."""
    doc_id = annotated.document["id"]
    mentions = store.query_dicts(
        "SELECT sentence, start_char, end_char, text, name, geonames_id, feature, country, "
        "adm1, lat, lon, reason FROM places WHERE document_id = ? "
        "ORDER BY sentence, start_char", [doc_id])
    events = store.query_dicts(
        "SELECT id, place_name AS name, place_feature AS feature, place_country AS country, "
        "place_basis AS basis, place_text AS text FROM events WHERE document_id = ?",
        [doc_id])
    return _with(annotated, [_place_mark(n, r) for n, r in enumerate(mentions)],
                 {f"event:{e.pop('id')}": e for e in events})


def place_marks_analysis(analysis: DocumentAnalysis,
                         annotated: AnnotatedDocument) -> AnnotatedDocument:
    """The same for an analysis that was never stored."""
    mentions = []
    for m in analysis.places:
        p = m.place
        if p is None:
            continue
        mentions.append({"sentence": m.sentence, "start_char": m.start_char,
                         "end_char": m.end_char, "text": m.text, "name": p.name,
                         "geonames_id": p.geonames_id, "feature": p.feature,
                         "country": p.country, "adm1": p.adm1, "lat": p.lat, "lon": p.lon,
                         "reason": m.reason})
    events = {f"event:{e.id}": {"name": e.place.place.name, "feature": e.place.place.feature,
                                "country": e.place.place.country, "basis": e.place.basis,
                                "text": e.place.text}
              for e in analysis.events if e.place is not None}
    return _with(annotated, [_place_mark(n, r) for n, r in enumerate(mentions)], events)


def mark_counts(annotated: AnnotatedDocument) -> dict[str, int]:
    """Marks per kind for the legend, places included."""
    counts = annotated.counts()
    counts["place"] = sum(1 for m in annotated.marks if m.kind == "place")
    return counts
