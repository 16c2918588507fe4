"""Calendar arithmetic on closed date intervals.

Month and year steps are calendar-correct: one month before 31 March is 28 (or 29)
February, never 3 March. Functions raise ``ValueError``/``OverflowError`` outside the
range of :class:`datetime.date`; the resolver turns those into "not resolved".
"""

from __future__ import annotations

import calendar
from datetime import date, timedelta

from dateutil.easter import easter

from realpolitik.model import DateInterval, Precision

_PRECISION_RANK: dict[str, int] = {"day": 0, "month": 1, "year": 2, "decade": 3}
#: precision that an amount of each unit is known to
UNIT_PRECISION: dict[str, Precision] = {
    "day": "day", "week": "day", "fortnight": "day", "month": "month", "year": "year",
    "decade": "year",
}


def coarser(a: Precision, b: Precision) -> Precision:
    return a if _PRECISION_RANK[a] >= _PRECISION_RANK[b] else b


def month_end(year: int, month: int) -> date:
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(d: date, months: int) -> date:
    """``d`` moved by whole calendar months, the day clamped to the target month's end."""
    index = d.year * 12 + (d.month - 1) + months
    year, month0 = divmod(index, 12)
    last = calendar.monthrange(year, month0 + 1)[1]
    return date(year, month0 + 1, min(d.day, last))


def add_years(d: date, years: int) -> date:
    return add_months(d, 12 * years)


def days(start: date, end: date | None = None, *, inferred: bool = False) -> DateInterval:
    return DateInterval(start, end or start, "day", inferred)


def month(year: int, month_number: int) -> DateInterval:
    return DateInterval(date(year, month_number, 1), month_end(year, month_number), "month")


def months(year: int, first: int, last: int) -> DateInterval:
    """Months ``first..last`` of ``year``; ``last`` past 12 runs into the next year."""
    end_year, end_month0 = divmod((year * 12 + last - 1), 12)
    return DateInterval(date(year, first, 1), month_end(end_year, end_month0 + 1), "month")


def year(y: int) -> DateInterval:
    return DateInterval(date(y, 1, 1), date(y, 12, 31), "year")


def years(first: int, last: int, precision: Precision = "year") -> DateInterval:
    return DateInterval(date(first, 1, 1), date(last, 12, 31), precision)


def week_of(d: date) -> DateInterval:
    """The Monday-to-Sunday week containing ``d``."""
    monday = d - timedelta(days=d.weekday())
    return DateInterval(monday, monday + timedelta(days=6), "day")


def unit_containing(d: date, unit: str) -> DateInterval:
    """The calendar day, week, month or year containing ``d``."""
    if unit == "day":
        return days(d)
    if unit in ("week", "fortnight"):
        return week_of(d)
    if unit == "month":
        return month(d.year, d.month)
    return year(d.year)


def step(d: date, amount: int, unit: str) -> date:
    """``d`` moved by ``amount`` units (negative moves back)."""
    if unit == "day":
        return d + timedelta(days=amount)
    if unit == "week":
        return d + timedelta(weeks=amount)
    if unit == "fortnight":
        return d + timedelta(weeks=2 * amount)
    if unit == "month":
        return add_months(d, amount)
    if unit == "year":
        return add_years(d, amount)
    if unit == "decade":
        return add_years(d, 10 * amount)
    raise ValueError(f"unknown unit {unit!r}")


def shift(interval: DateInterval, amount: int, unit: str) -> DateInterval:
    """An interval moved by an amount, known as precisely as before ("a year after May
    2024" is May 2025, "two weeks after 3 February" is 17 February)."""
    return DateInterval(
        step(interval.start, amount, unit), step(interval.end, amount, unit),
        interval.precision, interval.inferred,
    )


def easter_sunday(y: int) -> date:
    return easter(y)


def span(first: DateInterval, last: DateInterval) -> DateInterval:
    """From the start of ``first`` to the end of ``last``, at the coarser precision."""
    return DateInterval(first.start, last.end, coarser(first.precision, last.precision))
