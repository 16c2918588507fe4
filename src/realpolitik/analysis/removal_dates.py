"""Dating a leader's removal the text does not date, in every analysis (not only allies-lost).

"Mubarak was ousted" in a 2013 article has no date expression; the time stage falls back
to the publication date. When the removed person is in the knowledge base and their last
office ended on or before that date, the removal happened then: the event takes the tenure's
end, still ``inferred`` (no expression dated it), with ``basis`` "leader tenure end" (the
same basis allies-lost reports). Which events are removals is ``data/analysis/removals.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import Protocol

from realpolitik.analysis.leaders import PERSON_PREFIX
from realpolitik.analysis.rules import RemovalRules, default_removal_rules
from realpolitik.model import DateInterval, Event, Mention

TENURE_END = "leader tenure end"


class _Tenure(Protocol):
    @property
    def valid_from(self) -> date | None: ...

    @property
    def valid_to(self) -> date | None: ...


class TenureBook(Protocol):
    """The part of :class:`realpolitik.actors.KnowledgeBase` this needs."""

    def tenures_of(self, person_id: str) -> Sequence[_Tenure]: ...


def date_removals(events: Sequence[Event], mentions: Sequence[Mention], book: TenureBook,
                  rules: RemovalRules | None = None) -> list[Event]:
    """The events, with undated removals of known persons dated by their tenure's end."""
    rules = rules or default_removal_rules()
    out: list[Event] = []
    for event in events:
        end = _tenure_end(event, mentions, book, rules)
        if end is not None:
            event = replace(event, date=DateInterval(end, end, "day", inferred=True,
                                                     basis=TENURE_END))
        out.append(event)
    return out


def _tenure_end(event: Event, mentions: Sequence[Mention], book: TenureBook,
                rules: RemovalRules) -> date | None:
    when = event.date
    target = event.target
    if when is None or not when.inferred or when.basis is not None or target is None:
        return None
    if event.polarity != "asserted" or event.modality not in rules.modalities:
        return None
    if rules.label_for(event.code, event.trigger) is None:
        return None
    person = _person_id(event, mentions)
    if person is None:
        return None
    tenures = book.tenures_of(person)
    if any((t.valid_from or date.min) <= when.start and (t.valid_to is None
                                                         or when.start <= t.valid_to)
           for t in tenures):
        return None  # still in office on the date: the removal is not recorded yet
    ends = [t.valid_to for t in tenures if t.valid_to is not None and t.valid_to <= when.start]
    return max(ends, default=None)


def _person_id(event: Event, mentions: Sequence[Mention]) -> str | None:
    """The knowledge-base person the event's target text names, in its sentence."""
    target = event.target
    assert target is not None
    wanted = target.text.lower()
    for m in mentions:
        actor = m.actor
        if m.sentence != event.sentence or actor is None or m.text.lower() not in wanted:
            continue
        if actor.id.startswith(PERSON_PREFIX) and actor.country == target.country:
            return actor.id[len(PERSON_PREFIX):]
    return None
