"""What resolving one time expression yields, and the context it is resolved in."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from realpolitik.model import DateInterval
from realpolitik.timex.window import Window

ROLES: tuple[str, ...] = ("point", "since", "by", "range", "window")


class Unresolvable(Exception):
    """Raised inside the grammar when an expression names no date in this context."""


class Context:
    """The publication date and previous event date an expression is read against.

    Records whether either was consulted, so that a caller knows whether the result
    depends on them (an absolute "5 March 2026" does not; "yesterday" does).
    """

    __slots__ = ("_anchor", "_publication", "future", "used_anchor", "used_publication")

    def __init__(self, publication: date, anchor: DateInterval | None = None,
                 future: bool | None = False) -> None:
        self._publication = publication
        self._anchor = anchor
        #: which occurrence a bare recurring date means: True the next, False the last,
        #: None the nearest (see :mod:`realpolitik.timex.anchoring`)
        self.future = future
        self.used_publication = False
        self.used_anchor = False

    @property
    def publication(self) -> date:
        self.used_publication = True
        return self._publication

    @property
    def anchor(self) -> DateInterval:
        """The previous event's date; unresolvable without one."""
        if self._anchor is None:
            raise Unresolvable("no previous date to count from")
        self.used_anchor = True
        return self._anchor


@dataclass(frozen=True, slots=True)
class Resolution:
    """An expression read: its interval (if it names one), window (if a duration), role."""

    interval: DateInterval | None
    window: Window | None
    role: str
    #: the date named before a role applies ("last year" inside "since last year's war")
    point: DateInterval | None
    #: True when it counted from the previous event's date ("two weeks later")
    anaphoric: bool = False
    #: True when it counted from the publication date ("yesterday", "in May")
    relative: bool = False
