"""The story's own dyad: the other side of an act the sentence leaves open.

A wire story is about one pair of actors, and most of its sentences tell one side's act
without naming the other again: after "Japan warned the United States it would retaliate
against U.S. tariffs", "Tokyo said the sanctions were unjust" and "the talks ended on
Friday" are still between Japan and the United States. An event that names one party and
leaves the other empty or unresolved takes, for the other, the actor that party is most
often paired with in the story's events that name both. A party paired with two actors
equally often has no partner: the story is not about one pair, and the side stays empty.

The lead is left as it is. It is written to stand alone (it is the paragraph other outlets
repeat, and what the cross-story merge compares), so a side it leaves open is open in the
news itself; and a text of one sentence has no story to fill from.
"""

from __future__ import annotations

import dataclasses
from collections import Counter
from collections.abc import Collection, Sequence

from realpolitik.model import Event, Mention, ParsedDoc, Participant, party, stable_id


def story_partners(events: list[Event]) -> dict[str, Participant]:
    """Each party's one most frequent partner in the events naming two different parties
    (counted once per sentence), when no other partner is as frequent."""
    pairs: set[tuple[int, str, str]] = set()
    named: dict[str, Participant] = {}
    for e in events:
        a, b = party(e.source), party(e.target)
        if a is None or b is None or a == b:
            continue
        assert e.source is not None and e.target is not None
        pairs.add((e.sentence, min(a, b), max(a, b)))
        named.setdefault(a, e.source)
        named.setdefault(b, e.target)
    counts: dict[str, Counter[str]] = {}
    for _, a, b in pairs:
        counts.setdefault(a, Counter())[b] += 1
        counts.setdefault(b, Counter())[a] += 1
    out: dict[str, Participant] = {}
    for name, partners in counts.items():
        top = partners.most_common(2)
        if len(top) == 1 or top[0][1] > top[1][1]:
            out[name] = named[top[0][0]]
    return out


def fill_from_story(events: list[Event],
                    private: Collection[tuple[str, str]] = (),
                    unfilled: Collection[str] = ()) -> list[Event]:
    """Each event after the lead with one party named and the other open takes the named
    party's story partner for the open side (see the module docstring), unless the text
    gives that side to an actor that is no state: ``private`` holds such (event id,
    "source" or "target") pairs. Events whose code or root is in ``unfilled`` take none:
    a plain statement ("the minister said growth would slow" is told to nobody its
    sentence names, not to the partner)."""
    partners = story_partners(events)
    out: list[Event] = []
    for e in events:
        src, tgt = party(e.source), party(e.target)
        if e.sentence == 0 or e.code in unfilled or e.root in unfilled:
            pass
        elif src is not None and tgt is None and src in partners \
                and (e.id, "target") not in private:
            e = dataclasses.replace(e, target=partners[src])
        elif tgt is not None and src is None and tgt in partners \
                and (e.id, "source") not in private:
            e = dataclasses.replace(e, source=partners[tgt])
        out.append(e)
    return out


def individual_sources(doc: ParsedDoc, events: list[Event], mentions: Sequence[Mention],
                       officials: Collection[str]) -> set[str]:
    """The ids of the events whose source is one person: a named person, a title, a
    counterpart, a pronoun or a phrase headed by one official ("the OPEC president", a
    singular noun of ``officials``), not a group or body ("EC ministers", "the OPEC")."""
    def one_person(m: Mention) -> bool:
        head = doc.tokens[m.head]
        return (m.kind in ("pronoun", "title", "counterpart")
                or (m.actor is not None and m.actor.kind == "person")
                or (head.tag == "NN" and head.lemma.lower() in officials))

    persons = {(m.sentence, m.text) for m in mentions if one_person(m)}
    return {e.id for e in events
            if e.source is not None and (e.sentence, e.source.text) in persons}


def group_acts(events: list[Event], codes: Collection[str], bodies: Collection[str],
               private: Collection[tuple[str, str]] = (),
               individuals: Collection[str] = ()) -> list[Event]:
    """An organisation's or a group's own meeting, accord or decision, its other side left
    open, is the group's with itself ("the G-7 will meet in Venice", "EC ministers agreed
    on the need for cooperation", "OPEC ministers met in Vienna": GOS→GOS, EEC→EEC, OPC→OPC,
    the gold's convention for a group's collective act). ``codes`` are the CAMEO codes or
    roots of such acts, ``bodies`` the groups that act as one (not agencies: "the IMF talks" are
    with a borrower); a side the text gives to a private party (``private``) stays open, and
    the events of ``individuals`` are left as they are."""
    out: list[Event] = []
    for e in events:
        source = e.source
        if (source is not None and source.actor in bodies and source.country is None
                and e.id not in individuals
                and party(e.target) is None and (e.code in codes or e.root in codes)
                and (e.id, "target") not in private):
            e = dataclasses.replace(e, target=source)
        out.append(e)
    return out


def complete_reciprocal(doc: ParsedDoc, events: list[Event], symmetric: frozenset[str],
                        one_sided: frozenset[str],
                        private: Collection[tuple[str, str]] = ()) -> list[Event]:
    """A meeting, call, negotiation or signing is coded both ways (CAMEO's and the gold
    guide's reciprocal events); one whose second side was filled from the story, or from
    an earlier telling of the act, gets its other direction here (but "ratified the pact
    with X" is the ratifier's act alone). So does one whose other side the text gives to
    a private party, an empty side both ways ("reached agreement with its bank advisory
    committee": the banks' side is no actor, as the gold guide writes it); ``private``
    holds such (event id, "source" or "target") pairs."""
    have = {(e.sentence, e.code, party(e.source), party(e.target)) for e in events}
    out: list[Event] = []
    for e in events:
        out.append(e)
        a, b = party(e.source), party(e.target)
        with_private = (a is None) != (b is None) and (
            (e.id, "target") in private if b is None else (e.id, "source") in private)
        if (e.code not in symmetric or doc.tokens[e.trigger_token].lemma.lower() in one_sided
                or ((a is None or b is None) and not with_private) or a == b
                or (e.sentence, e.code, b, a) in have):
            continue
        have.add((e.sentence, e.code, b, a))
        out.append(dataclasses.replace(e, id=stable_id(e.id, "reverse"), source=e.target,
                                       target=e.source))
    return out


def home_country(mentions: Sequence[Mention]) -> Participant | None:
    """The state a story is about: the country its actors belong to most often, when no
    other country is named as often and it is named at least twice."""
    counts = Counter(m.actor.country for m in mentions
                     if m.actor is not None and m.actor.country is not None)
    ranked = counts.most_common(2)
    if not ranked or ranked[0][1] < 2 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    country = ranked[0][0]
    first = next(m for m in mentions if m.actor is not None and m.actor.country == country)
    return Participant(text=first.text, actor=country, country=country, role=None)


def own_unrest(events: list[Event], mentions: Sequence[Mention]) -> list[Event]:
    """Unrest no actor is named for ("led to widespread riots", "an opposition boycott
    disrupted parliament") is the country's own, both sides the state the story is about
    (the gold convention for domestic events); with no such state it is dropped."""
    def unowned(e: Event) -> bool:
        return e.root == "14" and party(e.source) is None and party(e.target) is None

    if not any(unowned(e) for e in events):
        return events
    home = home_country(mentions)
    if home is None:
        return [e for e in events if not unowned(e)]
    return [dataclasses.replace(e, source=home, target=home) if unowned(e) else e
            for e in events]
