"""Where each event happened: its action place.

In order of preference (the ``basis``):

1. ``trigger`` — a place in a locative phrase of the trigger or of the trigger's object
   ("struck a tanker in the Gulf", "the attack on the convoy near Erbil");
2. ``sentence`` — a place in a locative phrase elsewhere in the event's sentence, the one
   nearest the trigger;
3. ``dateline`` — the wire dateline's place ("BEIRUT, March 3 -");
4. ``actor_country`` — the country of the event's actors, at country precision: the
   target's for material conflict (an attack happens where its target is), else the
   source's, else the target's.

A place that names an actor ("Moscow condemned") is the actor, never the event's place:
only places governed by a locative preposition count as places of the action, and the
actors keep their own country in ``source``/``target``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from realpolitik.model import (
    Event,
    EventPlace,
    ParsedDoc,
    Participant,
    Place,
    PlaceBasis,
    PlaceMention,
)

CountryPlace = Callable[[str], Place | None]

#: prepositions that say where ("from" says whence, "to" whither; "on" and "over" are as
#: often about a topic, "resolutions on Syria", "a dispute over Kashmir": none places an act)
LOCATIVE = frozenset({"in", "at", "near", "off", "across", "along", "inside",
                      "outside", "around", "within", "throughout", "into", "onto", "beyond",
                      "behind", "alongside", "beside", "opposite", "amid", "among"})
#: dependency labels through which a locative phrase still belongs to the trigger's clause
_NOMINAL_LINKS = frozenset({"dobj", "obj", "pobj", "prep", "nsubjpass", "attr", "appos",
                            "compound", "dative", "oprd", "npadvmod", "conj", "acl"})
_MAX_HOPS = 4


def _head_of(parsed: ParsedDoc, mention: PlaceMention) -> int:
    """The mention's syntactic head: the token whose head lies outside the mention."""
    for i in range(mention.start, mention.end):
        head = parsed.tokens[i].head
        if head == i or not mention.start <= head < mention.end:
            return i
    return mention.end - 1


def _locative_governor(parsed: ParsedDoc, mention: PlaceMention) -> int | None:
    """The token a locative phrase holding the mention attaches to, or None if it is none.

    Climbs from the mention through nominal links ("in Syria's Homs province", "near the
    Syrian border", "in Pulwama, in Indian-administered Kashmir") to the preposition.
    """
    tokens = parsed.tokens
    i = _head_of(parsed, mention)
    for _ in range(_MAX_HOPS):
        tok = tokens[i]
        if tok.head == i:
            return None
        head = tokens[tok.head]
        if tok.dep == "pobj" and head.pos == "ADP":
            if head.lower in LOCATIVE:
                return head.head if head.head != head.i else None
            return None
        if tok.dep not in ("compound", "appos", "conj", "poss", "nmod", "amod"):
            return None
        i = tok.head
    return None


def _reaches(parsed: ParsedDoc, start: int, trigger: int) -> bool:
    """Whether ``start`` is the trigger or hangs from it through nominal links only."""
    i = start
    for _ in range(_MAX_HOPS):
        if i == trigger:
            return True
        tok = parsed.tokens[i]
        if tok.head == i or tok.dep not in _NOMINAL_LINKS:
            return False
        if tok.pos in ("VERB", "AUX") and i != start:
            return False
        i = tok.head
    return i == trigger


def _actor_country(event: Event) -> Participant | None:
    s, t = event.source, event.target
    if event.quad_class == 4 and t is not None and t.country:
        return t
    if s is not None and s.country:
        return s
    if t is not None and t.country:
        return t
    return None


def place_events(parsed: ParsedDoc, places: Sequence[PlaceMention], events: Sequence[Event],
                 dateline: PlaceMention | None, country_place: CountryPlace) -> list[Event]:
    """The events with their action place; ``country_place`` maps ISO3 to a Place."""
    located: dict[int, list[tuple[PlaceMention, int]]] = {}
    for m in places:
        if m.place is None:
            continue
        governor = _locative_governor(parsed, m)
        if governor is not None:
            located.setdefault(m.sentence, []).append((m, governor))
    out: list[Event] = []
    for event in events:
        out.append(replace(event, place=_place_of(parsed, event, located, dateline,
                                                  country_place)))
    return out


def _place_of(parsed: ParsedDoc, event: Event,
              located: dict[int, list[tuple[PlaceMention, int]]],
              dateline: PlaceMention | None, country_place: CountryPlace) -> EventPlace | None:
    # a place in a locative phrase is a place even when the coder also read it as an actor
    # ("fired missiles at a base near Erbil"); a bare "Moscow condemned" never gets here
    in_sentence = located.get(event.sentence, [])
    trigger = event.trigger_token
    for m, governor in in_sentence:
        if _reaches(parsed, governor, trigger):
            return _from_mention(m, "trigger")
    if in_sentence:
        nearest = min(in_sentence, key=lambda mg: abs(mg[0].start - trigger))[0]
        return _from_mention(nearest, "sentence")
    if dateline is not None and dateline.place is not None:
        return _from_mention(dateline, "dateline")
    who = _actor_country(event)
    if who is not None and who.country:
        place = country_place(who.country)
        if place is not None:
            return EventPlace(place, "actor_country", who.text, event.sentence, None)
    return None


def _from_mention(m: PlaceMention, basis: PlaceBasis) -> EventPlace:
    if m.place is None:  # callers pass resolved mentions only
        raise ValueError(f"unresolved place mention {m.text!r}")
    return EventPlace(m.place, basis, m.text, m.sentence, (m.start_char, m.end_char))
