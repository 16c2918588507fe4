"""A meeting of a group of states is a meeting among its member states.

"A meeting of the Group of Seven was in progress" tells that the seven finance ministers
met one another: the gold guide codes it as a meeting between each pair of the member
states (each way, as every meeting is coded), not as an act of the group with nobody. Only
the groups whose meetings are meetings of their members' governments are read so
(``convening_groups`` in grammar.yaml: the Group of Seven and the Group of Eight); an
organisation with a secretariat of its own (the IMF, the EC's Commission) meets as itself.

A group meeting held in a member's city ("met in Rome") is, as the guide codes a
multilateral meeting in one member's capital, a visit (042) by each other member to the
host, and no meeting between the guests.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence

from realpolitik.actors.cameo import cameo_country
from realpolitik.events.codebook import CameoCode
from realpolitik.events.coder.participants import Clause
from realpolitik.model import Event, Participant, party, stable_id

#: the prepositions of a meeting's venue
VENUE_PREPS = ("in", "at")


def expand_group_meetings(events: list[Event], members: Callable[[str], Sequence[str]],
                          codes: frozenset[str], venues: Callable[[Event], set[str]],
                          visit: CameoCode) -> list[Event]:
    """Each event of a code in ``codes`` (the mutual ones: meetings, talks) whose one side
    is a group with members (``members`` gives their ISO codes; none for other actors) and
    whose other side is empty or the group again becomes one event per ordered pair of
    members; or, when ``venues`` (the countries of the places the event is held in) names
    one member, a ``visit`` by each other member to it."""
    out: list[Event] = []
    for e in events:
        src, tgt = party(e.source), party(e.target)
        group = src if src is not None and tgt in (None, src) else (
            tgt if tgt is not None and src is None else None)
        states = sorted(set(members(group))) if group is not None and e.code in codes else []
        if len(states) < 2:
            out.append(e)
            continue
        side = e.source if src == group else e.target
        assert side is not None
        hosts = venues(e) & set(states)
        host = next(iter(hosts)) if len(hosts) == 1 else None
        if host is not None:
            e = dataclasses.replace(e, code=visit.code, root=visit.root,
                                    quad_class=visit.quad_class, goldstein=visit.goldstein,
                                    plover=visit.plover)
        for a in states:
            for b in states:
                if a != b and b == (host or b) and a != host:
                    out.append(dataclasses.replace(
                        e, id=stable_id(e.id, a, b),
                        source=Participant(side.text, cameo_country(a), a, None),
                        target=Participant(side.text, cameo_country(b), b, None)))
    return out


def venue_countries(c: Clause, t: int) -> set[str]:
    """The countries of the places an event is held in: the objects of "in" or "at" under
    its trigger, the trigger's verb, its object or the group it is "of" ("met in Rome",
    "held talks in Paris", "a meeting of the Group of Seven in Tokyo")."""
    named = [t, *c.kids(t, "dobj")]
    heads = [c.doc.tokens[t].head, *named] + [
        o for h in named for p in c.kids(h, "prep") if c.lemma(p) == "of"
        for o in c.kids(p, "pobj")]
    return {m.actor.country for h in heads for p in c.kids(h, "prep")
            if c.lemma(p) in VENUE_PREPS for o in c.kids(p, "pobj")
            for m in c.actors_at(o) if m.actor is not None and m.actor.country}
