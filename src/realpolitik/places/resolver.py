"""Resolving place candidates to gazetteer entries by their context.

Among homonyms, each entry is scored (higher wins):

- feature: a country name is almost always the country (8); a sea or region 7.5; a
  first-level division 5.5; a city log10(population) plus 1.5 for a national capital, so
  Paris (France, 2.1 million, capital: 7.8) beats Paris (Texas, 25,000: 4.4);
- the name: +2 when the text is the entry's own name rather than one of its alternate
  names ("New Delhi" is New Delhi, not Delhi; "Mexico" the country, not its capital),
  except for a US state (news naming "New York" means the city);
- the document's countries (those of its actors and of its unambiguous places): +0.75 when
  the entry lies in one of them, enough between towns of similar size but not for a town
  over a city ten times larger (wire stories about the US name Geneva, Switzerland);
- a city known abroad: +1 for the one city of a name that GeoNames names in many more
  languages than its namesakes ("the summit in Venice" of a US story is Venice, Italy,
  not Venice, Florida);
- a qualifier ("Paris, Texas", "Athens, Ga.", "Tripoli, Lebanon") keeps only the entries
  inside it, and a division named after a city ("Homs province") only the cities;
- a US state's AP abbreviation names the state ("R-Miss."), and a capital the actor
  resolver read as its government ("Kyiv would not speculate") is the city even when spaCy
  took it for a person;
- a bare "North" or "South" in a story naming both halves of a divided country ("North
  Korea" and "South Korea") is that side's half;
- a name the main index lacks may be a town of GeoNames' 5,000-people list, taken only
  inside its qualifier ("Cresskill, N.J."), or after a locative word ("near Pahalgam", "the
  town of X") or in a division list in one of the document's countries.

The precision of a resolved place is its feature: a city where a city is named, an ADM1
where a province is, a country where only the country is. Nothing is resolved when no entry
fits: a place the gazetteer lacks is left unresolved and never affects anything else.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from collections.abc import Set as AbstractSet

from realpolitik.datafiles import data_file, read_yaml
from realpolitik.model import Mention, ParsedDoc, Place, PlaceMention, Token
from realpolitik.places.gazetteer import Entry, Gazetteer, fold, load_gazetteer
from realpolitik.places.mentions import (
    DATELINE,
    TOWN_WORDS,
    Candidate,
    after_locative,
    find_candidates,
)

_FEATURE_SCORE = {"country": 8.0, "region": 7.5, "adm1": 5.5}
#: the sides of a divided country's halves ("North Korea", "South Sudan")
_COMPASS = frozenset({"north", "south", "east", "west"})
_CAPITAL_BONUS = 1.5
#: a city known abroad among namesakes that are not: GeoNames names it in at least 40
#: languages and scripts (some 1,300 of its 34,000 cities of 15,000 people), four times as
#: many as any other city of its name
_KNOWN_BONUS = 1.0
_KNOWN_NAMES = 40
_KNOWN_RATIO = 4
_CONTEXT_BONUS = 0.75
_OWN_NAME_BONUS = 2.0


def _city_score(entry: Entry) -> float:
    return math.log10(max(entry.population, 10)) + (_CAPITAL_BONUS if entry.capital else 0.0)


def score(entry: Entry, context: set[str], name: str = "",
          city_first: AbstractSet[tuple[str, str]] | None = None) -> float:
    """An entry's score for a name (folded) in a document of ``context`` countries.
    ``city_first`` is :attr:`Gazetteer.city_first`; without it no division has the
    own-name bonus."""
    base = _FEATURE_SCORE.get(entry.place.feature) or _city_score(entry)
    countries = {entry.iso2, *entry.also}
    own = _OWN_NAME_BONUS if name and fold(entry.place.name) == name and (
        entry.place.feature != "adm1" or _division_first(entry, name, city_first)
        or (entry.place.geonames_id is None and entry.iso2 in context)) else 0.0
    return base + own + (_CONTEXT_BONUS if countries & context else 0.0)


def known_abroad(entries: list[Entry], name: str) -> Entry | None:
    """The city of ``name`` (folded) known abroad among namesakes that are not: Venice,
    Italy (66 names in GeoNames) beside Venice, Florida and Venice, California (11 and 15),
    whose towns, named after it, a US story's context would otherwise prefer. A capital has
    its own bonus."""
    own = [e for e in entries if e.place.feature == "city" and fold(e.place.name) == name]
    if len(own) < 2:
        return None
    top = max(own, key=lambda e: e.names)
    if top.capital or top.names < _KNOWN_NAMES or any(
            e is not top and e.names * _KNOWN_RATIO > top.names for e in own):
        return None
    return top


def _division_first(entry: Entry, name: str,
                    city_first: AbstractSet[tuple[str, str]] | None) -> bool:
    """Whether a division's own name names it first: "Florida", "Virginia" or "Oklahoma"
    are the states, not Cuba's Florida, South Africa's Virginia or Oklahoma City; but not
    where a capital or a city of a million of its country answers to the name ("New
    York", "Washington" mean the cities). Only for a division GeoNames lists (the US
    states): ISO 3166-2's are local forms that are also English names of foreign cities
    (Ethiopia's "Amara" is Iraq's Amarah in news), which :func:`score` gives the bonus
    only in a document about their country ("Ontario" in a story about Canada)."""
    return city_first is not None and entry.place.geonames_id is not None \
        and (name, entry.iso2 or "") not in city_first


def load_demonyms() -> dict[str, str]:
    """Country adjectives ("Syrian") to the country's name, from the actor states file."""
    raw = read_yaml(data_file("actors", "states.yaml"))
    out: dict[str, str] = {}
    for alpha3, record in (raw.get("states") or {}).items():
        for adj in (record or {}).get("adj") or []:
            out[str(adj)] = str(alpha3)
    return out


#: roles whose nouns name a body of the state itself (not its companies, media or people)
_STATE_ROLES = ("GOV", "MIL", "LEG", "JUD", "SPY", "COP")


def load_body_words() -> frozenset[str]:
    """Nouns of a state's bodies ("government", "legislators", "armed forces"), lower case,
    from the actor roles file."""
    roles = read_yaml(data_file("actors", "roles.yaml")).get("roles") or {}
    words: set[str] = set()
    for code in _STATE_ROLES:
        record = roles.get(code) or {}
        words.update(str(w).lower() for w in [*(record.get("words") or []),
                                               *(record.get("generic") or [])])
    return frozenset(words)


class PlaceResolver:
    """Place mentions of a document resolved against the gazetteer."""

    def __init__(self, gazetteer: Gazetteer | None = None) -> None:
        self.gaz = gazetteer or load_gazetteer()
        self._demonym_codes = load_demonyms()
        demonyms: dict[str, str] = {}
        for adj, alpha3 in self._demonym_codes.items():
            iso = self.gaz.iso2_of(alpha3)
            entry = self.gaz.country(iso) if iso else None
            if entry is not None:
                demonyms[adj] = entry.place.name
        self.demonyms = demonyms
        self.body_words = load_body_words()

    def resolve_document(self, parsed: ParsedDoc,
                         actors: Iterable[Mention] = ()) -> list[PlaceMention]:
        actors = list(actors)
        candidates = find_candidates(parsed, self.gaz, self.demonyms, self.body_words)
        context = {iso for m in actors if m.actor and m.actor.country
                   for iso in [self.gaz.iso2_of(m.actor.country)] if iso}
        options = [self._options(c) for c in candidates]
        self._halves(candidates, options)
        metonyms = self._metonyms(parsed, actors, candidates)
        for cand, entries in metonyms:
            candidates.append(cand)
            options.append(entries)
        read_as_actor = {id(cand) for cand, _ in metonyms}
        order = sorted(range(len(candidates)), key=lambda n: candidates[n].start)
        candidates = [candidates[n] for n in order]
        options = [options[n] for n in order]
        # unambiguous places and countries named set the document's countries first
        for entries in options:
            sure = entries if len(entries) == 1 else [
                e for e in entries if e.place.feature == "country"]
            if len(sure) == 1 and sure[0].iso2:
                context.add(sure[0].iso2)
        out: list[PlaceMention] = []
        for cand, entries in zip(candidates, options, strict=True):
            town = False
            if not entries and cand.kind != "border":
                entries = self._towns(cand, context, parsed.tokens)
                town = bool(entries)
            place, reason = self._choose(cand, entries, context)
            if town:
                reason = "town in a document country; " + reason
            elif id(cand) in read_as_actor:
                reason = "capital named for its government; " + reason
            if place is None and not cand.tagged:
                continue
            out.append(PlaceMention(cand.sentence, cand.start, cand.end, cand.start_char,
                                    cand.end_char, parsed.text_of(cand.start, cand.end),
                                    place, reason, len(self.gaz.lookup(cand.name))))
        return out

    def _halves(self, candidates: list[Candidate], options: list[list[Entry]]) -> None:
        """A bare "North" or "South" (also east, west) in a story naming both halves of a
        divided country ("North Korea" and "South Korea", "Sudan" and "South Sudan") is the
        half of that side: "a proposal to be made by the North". Only then: "the South"
        beside "South Africa" alone may be any country's south."""
        named: dict[str, set[str]] = {}  # the rest of a country's name -> its countries
        halves: dict[tuple[str, str], Entry] = {}
        for cand, entries in zip(candidates, options, strict=True):
            words = fold(cand.name).split()
            for e in entries:
                if e.place.feature != "country" or not e.iso2:
                    continue
                if len(words) > 1 and words[0] in _COMPASS:
                    halves[(words[0], " ".join(words[1:]))] = e
                    named.setdefault(" ".join(words[1:]), set()).add(e.iso2)
                else:
                    named.setdefault(" ".join(words), set()).add(e.iso2)
        for n, cand in enumerate(candidates):
            side = fold(cand.name)
            if side not in _COMPASS or options[n] or not cand.tagged:
                continue
            # the side's half and another country by the same rest of name
            found = {rest: e for (s, rest), e in halves.items()
                     if s == side and len(named.get(rest, set())) > 1}
            if len(found) == 1:
                options[n] = list(found.values())

    def _metonyms(self, parsed: ParsedDoc, actors: list[Mention],
                  candidates: list[Candidate]) -> list[tuple[Candidate, list[Entry]]]:
        """Capitals the actor resolver read as their government ("Kyiv would not
        speculate") that spaCy tagged as a person or left untagged: the city, as the gold
        convention has a metonym name the city it names."""
        out: list[tuple[Candidate, list[Entry]]] = []
        for m in actors:
            if m.kind != "metonym" or m.actor is None or m.actor.country is None:
                continue
            if any(c.start < m.end and m.start < c.end for c in candidates):
                continue
            # the name alone: never inside an organisation's name ("the London Interbank
            # Offered Rate", "The Washington Post") nor a person's longer name
            if any(e.start < m.end and m.start < e.end
                   and (e.label != "PERSON" or (e.start, e.end) != (m.start, m.end))
                   for e in parsed.entities):
                continue
            nxt = parsed.tokens[m.end] if m.end < len(parsed.tokens) else None
            if nxt is not None and (nxt.text[:1].isupper()
                                    or nxt.lower in self.gaz.admin_words):
                continue  # "the London Interbank Bid Rate", "Buenos Aires province"
            # and its country named by another actor of the document: a company named
            # after an old capital ("Salisbury also said") is no government
            if not any(o.text != m.text and o.actor is not None
                       and o.actor.country == m.actor.country for o in actors):
                continue
            entries = [e for e in self.gaz.lookup(m.text)
                       if e.place.feature == "city" and e.capital
                       and e.place.country == m.actor.country]
            if entries:
                out.append((Candidate(m.sentence, m.start, m.end, m.start_char, m.end_char,
                                      m.text, "name", None, tagged=False), entries))
        return out

    def _options(self, cand: Candidate) -> list[Entry]:
        if cand.kind == "state_tag":
            tagged = self.gaz.party_tag_state(cand.name)
            return [tagged] if tagged is not None else []
        # AP style on its own, "Sen. Thad Cochran, R-Miss.", "Heflin (Ala.)": the state,
        # never a town whose alternate name folds to the same letters ("Ala" is Aalen)
        state = self.gaz.state_abbreviation(cand.name) if "." in cand.name else None
        entries = [state] if state is not None else self.gaz.lookup(cand.name)
        if cand.kind == "admin":
            # "Homs province" is the division (itself where the index has it, else the one
            # named after the city); "the Gulf region" is still the Gulf
            entries = [e for e in entries if e.place.feature == "adm1"] or [
                e for e in entries if e.place.feature == "city"] or [
                e for e in entries if e.place.feature in ("region", "country")]
        elif cand.kind == "border":
            entries = [e for e in entries if e.place.feature == "country"]
        if cand.qualifier:
            inside = self._inside(entries, cand.qualifier)
            if inside is not None:
                return inside
        return entries

    def _towns(self, cand: Candidate, context: set[str], tokens: list[Token]) -> list[Entry]:
        """A name the main index lacks: the small towns of that name in one of the document's
        countries, or inside its qualifier ("Pahalgam" in a story about India)."""
        towns = self.gaz.towns(cand.name)
        if not towns:
            return []
        if cand.qualifier:
            # "Hope, British Columbia": a qualifier not read is no licence to guess
            return self._inside(towns, cand.qualifier) or []
        # only where the words say a place: "near Pahalgam", "the town of X", a division
        # list; never a bare subject or object ("River Oaks said", "an offer for Piedmont"),
        # which in wire copy is as often a company named after its town
        if cand.kind != "admin" and not after_locative(tokens, cand.start, TOWN_WORDS):
            return []
        if cand.kind != "admin" and cand.end < len(tokens) and tokens[cand.end].pos == "NOUN":
            return []  # a name modifying a noun: "direct involvement in River Oaks management"
        return [e for e in towns if e.iso2 in context]

    def _inside(self, entries: list[Entry], qualifier: str) -> list[Entry] | None:
        """The entries inside the qualifying state or country, or None if it is neither."""
        state = self.gaz.state_abbreviation(qualifier)
        within = [state] if state else [e for e in self.gaz.lookup(qualifier)
                                        if e.place.feature in ("country", "adm1")]
        if not within:
            return None
        kept = [e for e in entries if e.place.feature != "country" and any(
            e.iso2 == w.iso2 and (w.place.feature == "country" or w.place.adm1 is None
                                  or e.place.adm1 == w.place.adm1)
            for w in within)]
        return kept or None

    def _choose(self, cand: Candidate, entries: list[Entry],
                context: set[str]) -> tuple[Place | None, str]:
        if not entries:
            return None, "not in the gazetteer"
        key = fold(cand.name)
        known = known_abroad(entries, key)
        ranked = sorted(entries, key=lambda e: score(e, context, key, self.gaz.city_first)
                        + (_KNOWN_BONUS if e is known else 0.0), reverse=True)
        best = ranked[0]
        if cand.qualifier and len(self.gaz.lookup(cand.name)) > len(entries):
            reason = f"qualifier {cand.qualifier!r}"
        elif len(entries) == 1:
            reason = "only candidate"
        elif best.iso2 in context and ranked[1].iso2 not in context:
            reason = "document country"
        else:
            reason = "feature and population"
        place = best.place
        if cand.kind == "admin" and place.feature == "city":
            # the division named after its seat: the city's admin-1 code and point
            place = Place(cand.name, None, "adm1", place.country, place.adm1, place.lat,
                          place.lon)
            reason += "; division named after its seat"
        elif cand.kind == "border":
            reason += "; border of the country (country precision)"
        return place, reason

    def dateline(self, parsed: ParsedDoc) -> PlaceMention | None:
        """The place of a wire dateline ("BEIRUT, March 3 -"), resolved, if the text has one."""
        match = DATELINE.match(parsed.document.text)
        if match is None:
            return None
        name = match.group(1).strip().title()
        entries = self.gaz.lookup(name)
        if not entries:
            return None
        ranked = sorted(entries, key=lambda e: score(e, set(), fold(name), self.gaz.city_first),
                        reverse=True)
        start, end = match.span(1)
        return PlaceMention(0, 0, 0, start, end, match.group(1), ranked[0].place,
                            "dateline", len(entries))

    def country_place(self, alpha3: str) -> Place | None:
        iso = self.gaz.iso2_of(alpha3)
        entry = self.gaz.country(iso) if iso else None
        return entry.place if entry else None
