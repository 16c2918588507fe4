"""Places in the store (schema v3), in GDELT's ActionGeo columns, GeoJSON and --in/--near."""

from __future__ import annotations

import csv
import dataclasses
import json
from pathlib import Path

import duckdb
import pytest

from realpolitik.analysis import EventFilter, find_events
from realpolitik.model import EventPlace, Place
from realpolitik.places.geo import find_place
from realpolitik.store import open_store
from realpolitik.store.export import GDELT_COLUMNS, export
from realpolitik.store.schema import MIGRATIONS
from tests.unit.test_store import analysis

ALEPPO = Place("Aleppo", 170063, "city", "SYR", "09", 36.20124, 37.16117)


def placed(text: str, place: Place | None, basis: str = "trigger") -> object:
    a = analysis(text, code="190")
    if place is not None:
        a.events = [dataclasses.replace(
            e, place=EventPlace(place, basis, place.name, 0, (0, 6)))  # type: ignore[arg-type]
            for e in a.events]
    return a


@pytest.fixture
def db(fresh_db: Path) -> Path:
    with open_store(fresh_db) as store:
        store.write_batch([placed("Fighting in Aleppo.", ALEPPO),  # type: ignore[list-item]
                           placed("Fighting somewhere.", None)])  # type: ignore[list-item]
    return fresh_db


def test_place_columns_round_trip(db: Path) -> None:
    with open_store(db, read_only=True) as store:
        rows = store.query_dicts("SELECT place_name, place_geonames_id, place_feature, "
                                 "place_country, place_adm1, place_basis FROM events "
                                 "ORDER BY place_name NULLS LAST")
    assert rows[0] == {"place_name": "Aleppo", "place_geonames_id": 170063,
                       "place_feature": "city", "place_country": "SYR", "place_adm1": "09",
                       "place_basis": "trigger"}
    assert rows[1]["place_name"] is None


def test_v2_store_migrates_to_v3(tmp_path: Path) -> None:
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    for version in (0, 1):
        for statement in MIGRATIONS[version]:
            con.execute(statement)
    con.execute("INSERT INTO meta VALUES ('schema_version', '2')")
    con.close()
    with open_store(path) as store:
        columns = {r[0] for r in store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'events'")}
        assert {"place_name", "place_lat", "place_basis"} <= columns
        assert store.counts()["places"] == 0


@pytest.mark.parametrize(("within", "near", "km", "found"), [
    ("Syria", None, 100.0, 1),
    ("SYR", None, 100.0, 1),
    ("Aleppo", None, 100.0, 1),
    ("Iraq", None, 100.0, 0),
    (None, "Aleppo", 10.0, 1),
    (None, "Idlib", 100.0, 1),   # about 60 km away
    (None, "Damascus", 100.0, 0),  # about 310 km away
])
def test_events_in_and_near(db: Path, within: str | None, near: str | None, km: float,
                            found: int) -> None:
    flt = EventFilter(within=find_place(within) if within else None,
                      near=find_place(near) if near else None, radius_km=km)
    with open_store(db, read_only=True) as store:
        assert len(find_events(store, flt)) == found


def test_gdelt_action_geo(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.tsv"
    with open_store(db, read_only=True) as store:
        export(store, "gdelt", out, mentions=True)  # one row per mention, placed or not
    rows = [dict(zip(GDELT_COLUMNS, r, strict=True))
            for r in csv.reader(out.open(), delimiter="\t")]
    geo = next(r for r in rows if r["ActionGeo_FullName"])
    assert geo["ActionGeo_Type"] == "4"  # a world city
    assert geo["ActionGeo_FullName"] == "Aleppo, Syria"
    assert geo["ActionGeo_CountryCode"] == "SY"  # FIPS 10-4, as GDELT
    assert geo["ActionGeo_ADM1Code"] == "SY09"
    assert float(geo["ActionGeo_Lat"]) == pytest.approx(36.2012)
    assert geo["ActionGeo_FeatureID"] == "170063"
    assert sum(1 for r in rows if not r["ActionGeo_Type"]) == 1


def test_geojson_export(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "e.geojson"
    with open_store(db, read_only=True) as store:
        counts = export(store, "geojson", out)
    data = json.loads(out.read_text())
    assert counts == {"events": 1} and data["type"] == "FeatureCollection"
    feature = data["features"][0]
    assert feature["geometry"]["coordinates"] == pytest.approx([37.16117, 36.20124])
    assert feature["properties"]["place_name"] == "Aleppo"
