"""Where events happened, over HTTP: the ``in``/``near``/``km``/``at`` filters of
/api/events (the CLI's ``--in/--near/--km``), the map's /api/places, GeoJSON of a filter,
and place marks on the document view. The store's placed article is invented
(conftest.PLACED_TEXT)."""

from __future__ import annotations

import math
from typing import Any

import pytest

from tests.web.test_api import INJECTIONS, error_of, event_count

pytestmark = pytest.mark.e2e


def km_between(a: tuple[float, float], b: tuple[float, float]) -> float:
    (lat1, lon1), (lat2, lon2) = (tuple(map(math.radians, p)) for p in (a, b))
    h = (math.sin((lat2 - lat1) / 2) ** 2
         + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2)
    return 2 * 6371 * math.asin(math.sqrt(h))


def test_places_aggregate_the_filter(client: Any) -> None:
    body = client.get("/api/places").json()
    assert body["total"] == event_count(client) == body["placed"] + body["unplaced"]
    places = body["places"]
    assert places and sum(p["events"] for p in places) == body["placed"]
    mombasa = next(p for p in places if p["name"] == "Mombasa")
    assert mombasa["country"] == "KEN" and mombasa["feature"] == "city"
    assert mombasa["key"] == str(mombasa["geonames_id"])
    assert sum(mombasa["quad_classes"].values()) == mombasa["events"]
    assert mombasa["quad_classes"][str(mombasa["quad_class"])] == max(
        mombasa["quad_classes"].values())
    fights = client.get("/api/places", params={"quad_class": 4}).json()
    assert 0 < fights["total"] < body["total"]
    assert all(p["quad_classes"]["4"] == p["events"] for p in fights["places"])


def test_events_in_near_and_at(client: Any) -> None:
    kenya = client.get("/api/events", params={"in": "Kenya"})
    rows = kenya.json()
    assert rows and all(e["place_country"] == "KEN" for e in rows)
    assert int(kenya.headers["X-Total-Count"]) == len(rows)
    by_code = client.get("/api/events", params={"in": "KEN"}).json()
    assert {e["id"] for e in by_code} == {e["id"] for e in rows}
    event = next(e for e in rows if e["place_name"] == "Mombasa")
    assert event["place_basis"] in ("trigger", "sentence")
    assert event["place_text"] == "Mombasa" and event["place_basis_text"]
    assert event["place_lat"] and event["place_lon"] and event["place_geonames_id"]
    near = client.get("/api/events", params={"near": "Mombasa", "km": "60"}).json()
    assert near and all(km_between((e["place_lat"], e["place_lon"]),
                                   (event["place_lat"], event["place_lon"])) <= 60
                        for e in near)
    wide = client.get("/api/events", params={"near": "Mombasa", "km": "5000"})
    assert int(wide.headers["X-Total-Count"]) > len(near)
    at = client.get("/api/events", params={"at": str(event["place_geonames_id"])}).json()
    assert at and {e["place_name"] for e in at} == {"Mombasa"}
    one = client.get(f"/api/events/{event['id']}").json()
    assert one["place_text"] == "Mombasa" and one["place_lat"] == event["place_lat"]
    csv = client.get("/api/events", params={"in": "Kenya", "format": "csv"}).text
    assert "place_text" in csv.splitlines()[0] and "Mombasa" in csv


@pytest.mark.parametrize(("params", "words"), [
    ({"in": "Nowhereville Atlantis"}, "no such place"),
    ({"near": "Nowhereville Atlantis"}, "no such place"),
    ({"near": "Mombasa", "km": "-1"}, "km"),
    ({"near": "Mombasa", "km": "far"}, "not a number"),
    ({"near": "Mombasa", "km": "30000"}, "km"),
])
def test_bad_place_parameters(client: Any, params: dict[str, str], words: str) -> None:
    for route in ("/api/events", "/api/places", "/api/export/geojson"):
        assert words in error_of(client.get(route, params=params), 400)


@pytest.mark.parametrize("value", INJECTIONS)
def test_sql_looking_places_have_no_effect(client: Any, value: str) -> None:
    before = event_count(client)
    for name in ("in", "near"):
        r = client.get("/api/events", params={name: value})
        assert r.status_code in (200, 400), r.text
        if r.status_code == 400:
            assert "place" in r.json()["error"]["message"]
    assert client.get("/api/events", params={"at": value}).json() == []
    assert client.get("/api/places", params={"at": value}).json()["places"] == []
    assert event_count(client) == before


def test_geojson_of_a_filter(client: Any) -> None:
    r = client.get("/api/export/geojson", params={"in": "Kenya"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/geo+json")
    body = r.json()
    assert body["type"] == "FeatureCollection" and body["features"]
    for f in body["features"]:
        lon, lat = f["geometry"]["coordinates"]
        assert f["type"] == "Feature" and f["geometry"]["type"] == "Point"
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        assert f["properties"]["place_country"] == "KEN" and f["properties"]["evidence"]
    same = client.get("/api/events", params={"in": "Kenya", "format": "geojson"}).json()
    assert same == body
    everything = client.get("/api/export/geojson").json()
    assert len(everything["features"]) == client.get("/api/places").json()["placed"]


def test_document_marks_places(client: Any) -> None:
    doc = client.get("/api/documents/placed-1")
    if doc.status_code == 404:  # ids are content hashes: find it by title
        docs = client.get("/api/documents", params={"q": "Mombasa"}).json()
        doc = client.get(f"/api/documents/{docs[0]['id']}")
    body = doc.json()
    places = [m for m in body["marks"] if m["kind"] == "place"]
    assert places and all(body["text"][m["start"]:m["end"]] == m["record"]["text"]
                          for m in places)
    assert any(m["record"]["place"] == "Mombasa" for m in places)
    events = [m["record"] for m in body["marks"] if m["kind"] == "event"]
    placed = [e for e in events if e.get("place_text")]
    assert placed and all(e["place"] and e["place_basis"] for e in placed)
    page = client.get(f"/documents/{body['document']['id']}")
    assert page.status_code == 200 and "k-place" in page.text


def test_map_page(client: Any) -> None:
    r = client.get("/map", params={"in": "Kenya"})
    assert r.status_code == 200
    assert "do not exist" not in r.text and "scattergeo" in r.text and "Mombasa" in r.text
    bad = client.get("/map", params={"near": "Nowhereville Atlantis"},
                     headers={"accept": "text/html"})
    assert bad.status_code == 400 and "no such place" in bad.text
    assert client.get("/events", params={"in": "Kenya"}).status_code == 200
