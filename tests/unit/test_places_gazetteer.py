"""The offline gazetteer: name folding, homonyms, points, the packaged regions."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.places.gazetteer import fold, load_gazetteer
from realpolitik.places.resolver import known_abroad, score


def looked_up(name: str) -> list[tuple[str, str | None, str]]:
    """(feature, country, name) of each gazetteer entry of ``name``."""
    return [(e.place.feature, e.place.country, e.place.name)
            for e in load_gazetteer().lookup(name)]


@pytest.mark.parametrize(("text", "key"), [
    ("St. Petersburg", "saint petersburg"),
    ("Brasília", "brasilia"),
    ("the U.S.", "us"),
    ("Nagorno-Karabakh", "nagorno karabakh"),
    ("  The   Gulf ", "gulf"),
    ("Paris", "paris"),
])
def test_fold(text: str, key: str) -> None:
    assert fold(text) == key


@given(st.text(max_size=30))
def test_fold_is_idempotent_and_case_blind(text: str) -> None:
    once = fold(text)
    assert fold(once) == once
    assert fold(text.upper()) == fold(text.lower()) or not text.isascii()


@pytest.mark.parametrize(("name", "feature", "country", "best"), [
    ("Paris", "city", "FRA", "Paris"),
    ("Moscow", "city", "RUS", "Moscow"),
    ("New Delhi", "city", "IND", "New Delhi"),
    ("Mexico", "country", "MEX", "Mexico"),
    ("Washington", "city", "USA", "Washington"),
    ("New York", "city", "USA", "New York City"),
    ("Texas", "adm1", "USA", "Texas"),
    ("Red Sea", "region", None, "Red Sea"),
    ("Europe", "region", None, "Europe"),
    ("Britain", "country", "GBR", "United Kingdom"),
    # a US state's name is the state, not a foreign town's or a smaller US city's ...
    ("Florida", "adm1", "USA", "Florida"),
    ("Virginia", "adm1", "USA", "Virginia"),
    ("Oklahoma", "adm1", "USA", "Oklahoma"),
    # (unless a capital or a city of a million of its country answers to it: "New York"
    # and "Washington" above)
])
def test_best_entry_without_context(name: str, feature: str, country: str | None,
                                    best: str) -> None:
    gaz = load_gazetteer()
    entries = gaz.lookup(name)
    top = max(entries, key=lambda e: score(e, set(), fold(name), gaz.city_first)).place
    assert (top.feature, top.country, top.name) == (feature, country, best)


def test_context_prefers_a_town_of_the_documents_country_among_similar_sizes() -> None:
    entries = [e for e in load_gazetteer().lookup("Paris") if e.iso2 in ("FR", "US")]
    us = next(e for e in entries if e.iso2 == "US")
    fr = next(e for e in entries if e.iso2 == "FR")
    assert score(us, {"US"}, "paris") > score(us, set(), "paris")
    # a small town never beats a capital ten times larger on context alone
    assert score(fr, set(), "paris") > score(us, {"US"}, "paris")


def test_country_points_are_inside_plausible_bounds() -> None:
    gaz = load_gazetteer()
    for iso, (lat_lo, lat_hi, lon_lo, lon_hi) in {
        "US": (25, 50, -125, -65), "RU": (41, 78, 20, 180), "FR": (41, 51, -5, 10),
        "JP": (30, 46, 128, 146),
    }.items():
        place = gaz.by_country[iso].place
        assert place.lat is not None and place.lon is not None
        assert lat_lo <= place.lat <= lat_hi and lon_lo <= place.lon <= lon_hi, iso
        assert place.geonames_id is not None


@pytest.mark.parametrize(("name", "feature", "country"), [
    ("Mindanao", "region", "PHL"),
    ("Kharg Island", "region", "IRN"),
    ("Kharg", "region", "IRN"),
    # "Island" is added to a name that lacks it, not to one that has it
    ("Sumatra Island", "region", "IDN"),
    ("Canary Islands", "region", "ESP"),
    # an island that is a first-level division under another ISO name
    ("Sicily", "adm1", "ITA"),
])
def test_islands_are_in_the_gazetteer(name: str, feature: str, country: str) -> None:
    entries = load_gazetteer().lookup(name)
    assert [(e.place.feature, e.place.country) for e in entries] == [(feature, country)]
    assert entries[0].place.lat is not None


def test_an_island_never_takes_a_name_a_city_has() -> None:
    gaz = load_gazetteer()
    # Zanzibar the city keeps its name; the island answers to "Zanzibar Island"
    assert {e.place.feature for e in gaz.lookup("Zanzibar")} == {"city"}
    assert [e.place.feature for e in gaz.lookup("Zanzibar Island")] == ["region"]


def test_every_island_is_in_known_countries() -> None:
    from realpolitik.datafiles import data_file, read_yaml

    gaz = load_gazetteer()
    for island in read_yaml(data_file("places", "places.yaml"))["islands"]:
        assert all(c in gaz.alpha3 for c in island["countries"]), island["name"]
        assert -90 <= island["lat"] <= 90 and -180 <= island["lon"] <= 180, island["name"]


@pytest.mark.parametrize(("name", "country"), [
    # provinces under an ISO 3166-2 region, the unit news names
    ("Misamis Occidental", "PHL"),
    ("Davao del Sur", "PHL"),
    ("Aceh", "IDN"),
])
def test_a_province_under_a_region_is_a_division(name: str, country: str) -> None:
    entries = load_gazetteer().lookup(name)
    assert [(e.place.feature, e.place.country) for e in entries] == [("adm1", country)]


@pytest.mark.parametrize("name", ["Ra", "Ba", "Lau"])
def test_a_provinces_short_name_is_no_division(name: str) -> None:
    # Fiji's provinces "Ra" and "Ba" would make words of every text places
    assert all(e.place.feature != "adm1" for e in load_gazetteer().lookup(name))


@pytest.mark.parametrize(("name", "features"), [
    # a city's alternate name does not keep a division out ...
    ("Rio Grande do Sul", {"city", "adm1"}),
    # ... its own name does ("Homs" is the city; "Homs province" is read from the city)
    ("Homs", {"city"}),
    ("Sao Paulo", {"city"}),
])
def test_a_division_beside_a_city_of_its_name(name: str, features: set[str]) -> None:
    assert {e.place.feature for e in load_gazetteer().lookup(name)} == features


@pytest.mark.parametrize(("name", "country"), [
    # a city of another country does not keep a division out: the resolver weighs both
    ("Ontario", "CAN"),
    ("New Brunswick", "CAN"),
    ("Yukon", "CAN"),
])
def test_a_division_beside_a_foreign_city_of_its_name(name: str, country: str) -> None:
    entries = load_gazetteer().lookup(name)
    assert ("adm1", country) in {(e.place.feature, e.place.country) for e in entries}
    assert ("city", "USA") in {(e.place.feature, e.place.country) for e in entries}


@pytest.mark.parametrize("name", ["North", "Center", "Far"])
def test_a_citys_alternate_name_of_words_only_is_no_key(name: str) -> None:
    # GeoNames gives North Salt Lake "North" and Ozd "Center": words, not its names
    assert load_gazetteer().lookup(name) == []


def test_a_citys_own_name_of_words_is_kept() -> None:
    assert {e.place.country for e in load_gazetteer().lookup("Central")} >= {"BRA", "USA"}


@pytest.mark.parametrize(("name", "country"), [
    # a city named in many languages beside namesakes named in few
    ("Venice", "ITA"),
    ("Florence", "ITA"),
    # none: a capital has its own bonus; namesakes both known (Lincoln, England and
    # Nebraska); a single city of the name
    ("Paris", None),
    ("Lincoln", None),
    ("Springfield", None),
    ("Kirkuk", None),
])
def test_a_city_known_abroad_among_its_namesakes(name: str, country: str | None) -> None:
    found = known_abroad(load_gazetteer().lookup(name), fold(name))
    assert (found.place.country if found else None) == country


@pytest.mark.parametrize(("name", "region"), [
    # a continent's part named by a compass word: a region in no country, without a point
    ("Western Europe", "Western Europe"),
    ("East Asia", "East Asia"),
    ("north-east Asia", "Northeast Asia"),
    # a name the data has keeps its entry
    ("Southeast Asia", "Southeast Asia"),
    ("South America", "South America"),
])
def test_a_continents_part_is_a_region(name: str, region: str) -> None:
    assert looked_up(name) == [("region", None, region)]


@pytest.mark.parametrize(("text", "name"), [
    # a division with an Arabic article is named as the text names it, with or without
    ("Anbar", "Anbār"),
    ("Al Anbar", "Al Anbār"),
    ("Qadisiyah", "Qādisīyah"),
    ("Al-Qadisiyah", "Al Qādisīyah"),
])
def test_a_division_without_its_article_is_named_without(text: str, name: str) -> None:
    assert looked_up(text) == [("adm1", "IRQ", name)]


@pytest.mark.parametrize(("text", "division"), [
    ("Ont.", "Ontario"),
    ("B.C.", "British Columbia"),
    ("Que.", "Quebec"),
    ("N.S.W.", "New South Wales"),
])
def test_abbreviations_of_divisions_outside_the_us(text: str, division: str) -> None:
    entry = load_gazetteer().state_abbreviation(text)
    assert entry is not None and (entry.place.feature, entry.place.name) == ("adm1", division)


def test_an_abbreviation_without_a_period_is_a_name() -> None:
    assert looked_up("NSW") == [("adm1", "AUS", "New South Wales")]
