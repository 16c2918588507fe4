"""Who led a state when: questions the analyses ask the actor knowledge base.

The knowledge base answers one date at a time (``leader_of(country, on)``); a removal
question is about a period ("was this person the leader at some time in the window?",
"whose tenure ended just before?"), so these helpers probe it at regular steps. A tenure
shorter than the step can be missed; the step defaults to a week.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from realpolitik.model import Actor

#: the prefix of person ids in the knowledge base (``person:<slug of the name>``)
PERSON_PREFIX = "person:"
DEFAULT_STEP = timedelta(days=7)


class LeaderBook(Protocol):
    """The part of :class:`realpolitik.actors.KnowledgeBase` the analyses use."""

    def leader_of(self, country: str, on: date, title: str | None = None) -> Actor | None: ...

    def get(self, actor_id: str) -> Actor | None: ...


@dataclass(frozen=True, slots=True)
class LeaderSpell:
    """A leader seen in office over part of a period."""

    actor: Actor
    #: first and last probe dates on which the knowledge base gave this leader
    seen_from: date
    seen_to: date

    @property
    def tenure_end(self) -> date | None:
        return self.actor.valid_to


def is_person(actor_id: str | None) -> bool:
    return bool(actor_id) and str(actor_id).startswith(PERSON_PREFIX)


def _probe_dates(start: date, end: date, step: timedelta) -> list[date]:
    if end < start:
        return [end]
    days: list[date] = []
    d = start
    while d < end:
        days.append(d)
        d += step
    days.append(end)
    return days


def leaders_between(book: LeaderBook, country: str, start: date, end: date,
                    step: timedelta = DEFAULT_STEP) -> list[LeaderSpell]:
    """The state's leaders over [start, end], in order of office."""
    spells: list[LeaderSpell] = []
    for day in _probe_dates(start, end, step):
        actor = book.leader_of(country, day)
        if actor is None:
            continue
        if spells and spells[-1].actor.id == actor.id:
            spells[-1] = LeaderSpell(spells[-1].actor, spells[-1].seen_from, day)
        else:
            spells.append(LeaderSpell(actor, day, day))
    return spells


def spell_of(book: LeaderBook, country: str, person_id: str, start: date, end: date,
             step: timedelta = DEFAULT_STEP) -> LeaderSpell | None:
    """The person's time leading the state inside [start, end], or None if they did not."""
    for spell in leaders_between(book, country, start, end, step):
        if spell.actor.id == person_id:
            return spell
    return None


def head_spell(book: LeaderBook, country: str, person_id: str, start: date, end: date,
               titles: frozenset[str]) -> LeaderSpell | None:
    """The person's own office, when it is one of ``titles`` (head of state or government)
    of that state and overlaps [start, end]. This catches a leader the knowledge base does
    not rank as *the* effective leader (a supreme leader beside a president)."""
    actor = book.get(person_id)
    if actor is None or actor.country != country or actor.title not in titles:
        return None
    began, ended = actor.valid_from or start, actor.valid_to or end
    if began > end or ended < start:
        return None
    return LeaderSpell(actor, max(began, start), min(ended, end))


def outgoing_leader(book: LeaderBook, country: str, start: date, removal: date,
                    step: timedelta = DEFAULT_STEP) -> LeaderSpell | None:
    """The leader who left office last inside [start, removal]; failing that, the leader in
    office the day before ``removal`` (a removal the knowledge base has not recorded yet)."""
    spells = leaders_between(book, country, start, removal, step)
    ended = [s for s in spells if s.tenure_end is not None and s.tenure_end <= removal]
    if ended:
        return ended[-1]
    day_before = removal - timedelta(days=1)
    actor = book.leader_of(country, day_before)
    return LeaderSpell(actor, day_before, day_before) if actor is not None else None


def knows_leaders(book: LeaderBook, country: str, start: date, end: date,
                  step: timedelta = DEFAULT_STEP) -> bool:
    """Whether the knowledge base has any leader for the state over the period."""
    return bool(leaders_between(book, country, start, end, step))
