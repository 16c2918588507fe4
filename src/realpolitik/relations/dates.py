"""The one thing the relation and quantity stages need from the time stage."""

from __future__ import annotations

from typing import Protocol

from realpolitik.model import DateInterval, ParsedDoc


class DateSource(Protocol):
    """Anything that can date a token of a parsed document (the time stage's resolver).

    The interval is marked ``inferred`` when no expression dated the token and the
    publication date stood in for one.
    """

    def date_for(self, doc: ParsedDoc, token: int) -> DateInterval: ...
