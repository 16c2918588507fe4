"""Choosing which occurrence of a recurring date an expression means.

"May", "Monday", "Christmas" or "the summer" name a date that recurs every year or week.
``direction`` says which occurrence a bare one means: ``False`` the most recent one up to
the publication date (a past-tense clause, and the default for a lone string: news reports
the past), ``True`` the next one (a future clause: "will meet on Monday"), ``None`` the
nearest one (a present-tense or verbless clause: "the April 1 deadline").
"last X" is the most recent occurrence strictly before the current one, "next X" the first
one strictly after it, "this X" the one of the current year (or week).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta

from realpolitik.model import DateInterval
from realpolitik.timex import calendar as cal

PAST_WORDS = frozenset({"last", "past", "previous"})
NEXT_WORDS = frozenset({"next", "coming"})
Direction = bool | None


def _distance(interval: DateInterval, publication: date) -> int:
    if interval.start <= publication <= interval.end:
        return 0
    return min(abs((interval.start - publication).days), abs((interval.end - publication).days))


def nearest(backward: DateInterval, forward: DateInterval, publication: date
            ) -> DateInterval:
    """The occurrence closer to the publication date; the past one on a tie."""
    if _distance(forward, publication) < _distance(backward, publication):
        return forward
    return backward


def month_year(month: int, publication: date, rel: str | None, direction: Direction) -> int:
    """The year of the month ``month`` meant by "[rel] <month>"."""
    current = publication.month
    if rel in PAST_WORDS:
        return publication.year if month < current else publication.year - 1
    if rel in NEXT_WORDS:
        return publication.year if month > current else publication.year + 1
    if rel == "this":
        return publication.year
    back = publication.year if month <= current else publication.year - 1
    ahead = publication.year if month >= current else publication.year + 1
    if direction is None:
        chosen = nearest(cal.month(back, month), cal.month(ahead, month), publication)
        return chosen.start.year
    return ahead if direction else back


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _scan_years(month: int, day: int, start: int, step: int,
                accept: Callable[[date], bool]) -> date | None:
    year = start
    for _ in range(9):  # 29 February recurs within eight years
        candidate = _valid(year, month, day)
        if candidate is not None and accept(candidate):
            return candidate
        year += step
    return None


def day_in_year(month: int, day: int, publication: date, rel: str | None,
                direction: Direction) -> date | None:
    """A recurring month-day ("March 5", "the 2nd of January") without a year."""
    year = publication.year
    if rel == "this":
        return _valid(year, month, day)
    if rel in PAST_WORDS:
        return _scan_years(month, day, year, -1, lambda d: d < publication)
    if rel in NEXT_WORDS:
        return _scan_years(month, day, year, 1, lambda d: d > publication)
    back = _scan_years(month, day, year, -1, lambda d: d <= publication)
    ahead = _scan_years(month, day, year, 1, lambda d: d >= publication)
    if back is None or ahead is None:
        return back or ahead
    if direction is None:
        return nearest(cal.days(back), cal.days(ahead), publication).start
    return ahead if direction else back


def weekday(target: int, publication: date, rel: str | None, direction: Direction) -> date:
    """The day of week ``target`` (0 = Monday) that "[rel] <weekday>" means."""
    today = publication.weekday()
    if rel == "this":
        return publication + timedelta(days=target - today)
    if rel in PAST_WORDS:
        return publication - timedelta(days=(today - target) % 7 or 7)
    if rel in NEXT_WORDS:
        return publication + timedelta(days=(target - today) % 7 or 7)
    back = publication - timedelta(days=(today - target) % 7)
    ahead = publication + timedelta(days=(target - today) % 7 or 7)
    if direction is None:
        return nearest(cal.days(back), cal.days(ahead), publication).start
    return ahead if direction else back


def season(first_month: int, key_year: int) -> DateInterval:
    """The three-month season starting in ``first_month``; winter belongs to its January."""
    if first_month == 12:
        return cal.months(key_year - 1, 12, 14)
    return cal.months(key_year, first_month, first_month + 2)


def season_occurrence(first_month: int, publication: date, rel: str | None,
                      direction: Direction) -> DateInterval:
    years = range(publication.year - 2, publication.year + 3)
    occurrences = [season(first_month, y) for y in years]
    containing = [o for o in occurrences if o.start <= publication <= o.end]
    if rel in PAST_WORDS:
        return [o for o in occurrences if o.end < publication][-1]
    if rel in NEXT_WORDS:
        return next(o for o in occurrences if o.start > publication)
    if rel == "this":
        if containing:
            return containing[0]
        return next(o for o in occurrences if o.start.year == publication.year)
    back = [o for o in occurrences if o.start <= publication][-1]
    ahead = next(o for o in occurrences if o.end >= publication)
    if direction is None:
        return nearest(back, ahead, publication)
    return ahead if direction else back


def period_year(first_month: int, length: int, publication: date, rel: str | None,
                direction: Direction) -> int:
    """The year of a quarter or half starting in ``first_month`` that the text means."""
    current_start = (publication.month - 1) // length * length + 1
    if rel in PAST_WORDS:
        return publication.year if first_month < current_start else publication.year - 1
    if rel in NEXT_WORDS:
        return publication.year if first_month > current_start else publication.year + 1
    if rel == "this":
        return publication.year
    back = publication.year if first_month <= publication.month else publication.year - 1
    ahead = publication.year if first_month >= current_start else publication.year + 1
    if direction is None:
        last = first_month + length - 1
        chosen = nearest(cal.months(back, first_month, last),
                         cal.months(ahead, first_month, last), publication)
        return chosen.start.year
    return ahead if direction else back


def holiday(in_year: Callable[[int], date], publication: date, rel: str | None,
            direction: Direction) -> date | None:
    """A holiday's date; ``in_year`` gives the holiday's date in a given year."""
    dates = [in_year(y) for y in range(publication.year - 1, publication.year + 2)]
    if rel == "this":
        return next((d for d in dates if d.year == publication.year), None)
    if rel in PAST_WORDS:
        return max((d for d in dates if d < publication), default=None)
    if rel in NEXT_WORDS:
        return min((d for d in dates if d > publication), default=None)
    back = max((d for d in dates if d <= publication), default=None)
    ahead = min((d for d in dates if d >= publication), default=None)
    if back is None or ahead is None:
        return back or ahead
    if direction is None:
        return nearest(cal.days(back), cal.days(ahead), publication).start
    return ahead if direction else back
