"""The public record of one time expression found in a parsed document."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from realpolitik.model import DateInterval
from realpolitik.timex.window import Window


@dataclass(frozen=True, slots=True)
class TimeExpression:
    """One temporal expression of a parsed document, resolved on its publication date."""

    sentence: int
    #: token range [start, end)
    start: int
    end: int
    text: str
    #: the dates it names; None for durations ("within eighteen months")
    interval: DateInterval | None
    #: the duration it names ("within eighteen months", "for two years", "the past year")
    window: Window | None
    #: "point" | "since" | "by" (end point of a forecast or deadline) | "range" | "window"
    role: str

    def to_json(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence,
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "interval": self.interval.to_json() if self.interval else None,
            "window": ({"amount": self.window.amount, "unit": self.window.unit}
                       if self.window else None),
            "role": self.role,
        }
