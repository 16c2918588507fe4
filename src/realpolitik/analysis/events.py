"""Filtered event listings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.model import Place
from realpolitik.store import Store


@dataclass(frozen=True, slots=True)
class EventFilter:
    #: an actor code or its prefix on either side ("RUS" matches RUSGOV and RUSMIL)
    actor: str | None = None
    #: an ISO3 country on either side
    country: str | None = None
    #: a CAMEO code or prefix ("19" matches every fight)
    code: str | None = None
    start: date | None = None
    end: date | None = None
    polarity: str | None = None
    limit: int | None = None
    #: events placed inside this place: a country (ISO3) or a named place, by GeoNames id
    #: or by name (``--in``)
    within: Place | None = None
    #: events placed within ``radius_km`` of this place's point (``--near``)
    near: Place | None = None
    radius_km: float = 100.0

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("(source_actor LIKE ? OR target_actor LIKE ?)")
            params += [f"{self.actor.upper()}%"] * 2
        if self.country:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.country.upper()] * 2
        if self.code:
            clauses.append("code LIKE ?")
            params.append(f"{self.code}%")
        if self.start:
            clauses.append("date_end >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("date_start <= ?")
            params.append(self.end)
        if self.polarity:
            clauses.append("polarity = ?")
            params.append(self.polarity)
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
    "evidence", "document_id", "sentence", "place_name", "place_country", "place_feature",
    "place_basis",
)


def find_events(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    where, params = flt.where()
    limit = f" LIMIT {int(flt.limit)}" if flt.limit else ""
    return store.query_dicts(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} "
        f"ORDER BY date_start, document_id, sentence, id{limit}", params)
