"""Durations such as "within eighteen months" or the CLI's ``--within 15m``.

A :class:`Window` is an amount of calendar units, not a date: the analysis layer turns it
into a date range by counting back from an as-of date with :meth:`Window.before`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from realpolitik.errors import QueryError
from realpolitik.timex.calendar import add_months
from realpolitik.timex.lexicon import Lexicon, load_lexicon
from realpolitik.timex.numbers import parse_number

WINDOW_UNITS: tuple[str, ...] = ("day", "week", "month", "year")
_APPROX_DAYS: dict[str, float] = {"day": 1.0, "week": 7.0, "month": 30.436875, "year": 365.2425}
_SHORT = re.compile(r"(\d{1,6})\s*(d|w|m|mo|y)", re.IGNORECASE)
_SHORT_UNITS = {"d": "day", "w": "week", "m": "month", "mo": "month", "y": "year"}
#: a unit word maps to (window unit, multiplier)
_UNIT_SCALE: dict[str, tuple[str, int]] = {
    "day": ("day", 1), "week": ("week", 1), "fortnight": ("week", 2), "month": ("month", 1),
    "year": ("year", 1), "decade": ("year", 10),
}


@dataclass(frozen=True, slots=True)
class Window:
    """``amount`` calendar ``unit``s (unit in day, week, month, year)."""

    amount: int
    unit: str

    def __post_init__(self) -> None:
        if self.unit not in WINDOW_UNITS:
            raise QueryError(f"window unit must be one of {', '.join(WINDOW_UNITS)}, "
                             f"got {self.unit!r}")
        if self.amount < 1:
            raise QueryError(f"window amount must be at least 1, got {self.amount}")

    def to_days(self) -> int:
        """Approximate length in days (a month counts 30.44 days, a year 365.24)."""
        return round(self.amount * _APPROX_DAYS[self.unit])

    def before(self, d: date) -> date:
        """``d`` minus the window, calendar-correct for months and years."""
        if self.unit == "day":
            return d - timedelta(days=self.amount)
        if self.unit == "week":
            return d - timedelta(weeks=self.amount)
        months = self.amount if self.unit == "month" else 12 * self.amount
        try:
            return add_months(d, -months)
        except (ValueError, OverflowError) as exc:
            raise QueryError(f"{self} before {d.isoformat()} is outside the calendar") from exc

    def after(self, d: date) -> date:
        """``d`` plus the window, calendar-correct for months and years."""
        if self.unit == "day":
            return d + timedelta(days=self.amount)
        if self.unit == "week":
            return d + timedelta(weeks=self.amount)
        months = self.amount if self.unit == "month" else 12 * self.amount
        try:
            return add_months(d, months)
        except (ValueError, OverflowError) as exc:
            raise QueryError(f"{self} after {d.isoformat()} is outside the calendar") from exc

    def __str__(self) -> str:
        return f"{self.amount} {self.unit}{'' if self.amount == 1 else 's'}"


def window_from_words(amount_text: str, unit_text: str, lexicon: Lexicon) -> Window | None:
    """A window from an amount and a unit word, or None when either is not one."""
    amount = parse_number(amount_text, lexicon)
    unit_word = lexicon.units.get(unit_text.lower())
    if amount is None or unit_word is None or amount < 1:
        return None
    unit, scale = _UNIT_SCALE[unit_word]
    return Window(amount * scale, unit)


def parse_window(text: str) -> Window:
    """``"15m"``, ``"2y"``, ``"90d"``, ``"6w"``, ``"eighteen months"``, ``"two years"``.

    Raises :class:`~realpolitik.errors.QueryError` for anything else.
    """
    if not isinstance(text, str):
        raise QueryError(f"a window must be text such as '15m', got {text!r}")
    cleaned = " ".join(text.strip().split())
    short = _SHORT.fullmatch(cleaned)
    if short:
        return Window(int(short.group(1)), _SHORT_UNITS[short.group(2).lower()])
    lexicon = load_lexicon()
    parts = cleaned.rsplit(" ", 1)
    if len(parts) == 2:
        window = window_from_words(parts[0], parts[1], lexicon)
        if window is not None:
            return window
    raise QueryError(
        f"cannot read the window {text!r}: use an amount and a unit, "
        "e.g. 15m, 2y, 90d, 6w, 'eighteen months'"
    )
