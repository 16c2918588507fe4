"""Table-driven tests of resolving one time-expression string (no spaCy needed)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.model import DateInterval
from realpolitik.timex import analyse_expression, resolve_expression

PUB = date(2026, 3, 5)  # a Thursday


def d(text: str) -> date:
    return date.fromisoformat(text)


# (expression, publication, start, end, precision)
ABSOLUTE = [
    ("5 March 2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("March 5, 2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("March 5th 2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("the 5th of March 2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("Thursday, 5 March 2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("Mar. 5, 2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("2026-03-05", PUB, "2026-03-05", "2026-03-05", "day"),
    ("2026/03/05", PUB, "2026-03-05", "2026-03-05", "day"),
    ("05.03.2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("3/5/2026", PUB, "2026-03-05", "2026-03-05", "day"),
    ("25/12/2025", PUB, "2025-12-25", "2025-12-25", "day"),
    ("in January 2025", PUB, "2025-01-01", "2025-01-31", "month"),
    ("Jan 2025", PUB, "2025-01-01", "2025-01-31", "month"),
    ("September of 2019", PUB, "2019-09-01", "2019-09-30", "month"),
    ("in 2011", PUB, "2011-01-01", "2011-12-31", "year"),
    ("2011", PUB, "2011-01-01", "2011-12-31", "year"),
    ("the year 2001", PUB, "2001-01-01", "2001-12-31", "year"),
    ("the 1990s", PUB, "1990-01-01", "1999-12-31", "decade"),
    ("the 1990's", PUB, "1990-01-01", "1999-12-31", "decade"),
    ("the '90s", PUB, "1990-01-01", "1999-12-31", "decade"),
    ("the 90s", PUB, "1990-01-01", "1999-12-31", "decade"),
    ("the nineties", PUB, "1990-01-01", "1999-12-31", "decade"),
    ("the twenties", PUB, "2020-01-01", "2029-12-31", "decade"),
    ("the early 1990s", PUB, "1990-01-01", "1993-12-31", "year"),
    ("the late 1980s", PUB, "1987-01-01", "1989-12-31", "year"),
    ("the 20th century", PUB, "1901-01-01", "2000-12-31", "decade"),
    ("the summer of 2024", PUB, "2024-06-01", "2024-08-31", "month"),
    ("winter 2024", PUB, "2023-12-01", "2024-02-29", "month"),
    ("Q1 2025", PUB, "2025-01-01", "2025-03-31", "month"),
    ("2025 Q3", PUB, "2025-07-01", "2025-09-30", "month"),
    ("the third quarter of 2024", PUB, "2024-07-01", "2024-09-30", "month"),
    ("the second half of 2025", PUB, "2025-07-01", "2025-12-31", "month"),
    ("H1 2024", PUB, "2024-01-01", "2024-06-30", "month"),
    ("mid-2024", PUB, "2024-05-01", "2024-08-31", "month"),
    ("early 2025", PUB, "2025-01-01", "2025-04-30", "month"),
    ("late 2023", PUB, "2023-09-01", "2023-12-31", "month"),
    ("the end of 2025", PUB, "2025-12-01", "2025-12-31", "month"),
    ("the beginning of 2024", PUB, "2024-01-01", "2024-01-31", "month"),
    ("mid-March 2024", PUB, "2024-03-11", "2024-03-20", "month"),
    ("Christmas 2024", PUB, "2024-12-25", "2024-12-25", "day"),
    ("Easter 2024", PUB, "2024-03-31", "2024-03-31", "day"),
    ("Good Friday 2025", PUB, "2025-04-18", "2025-04-18", "day"),
]

RELATIVE = [
    ("today", PUB, "2026-03-05", "2026-03-05", "day"),
    ("Today", PUB, "2026-03-05", "2026-03-05", "day"),
    ("now", PUB, "2026-03-05", "2026-03-05", "day"),
    ("yesterday", PUB, "2026-03-04", "2026-03-04", "day"),
    ("yesterday evening", PUB, "2026-03-04", "2026-03-04", "day"),
    ("last night", PUB, "2026-03-04", "2026-03-04", "day"),
    ("tomorrow", PUB, "2026-03-06", "2026-03-06", "day"),
    ("the day before yesterday", PUB, "2026-03-03", "2026-03-03", "day"),
    ("this time last year", PUB, "2025-03-05", "2025-03-05", "day"),
    ("on Monday", PUB, "2026-03-02", "2026-03-02", "day"),
    ("Monday", PUB, "2026-03-02", "2026-03-02", "day"),
    ("on Thursday", PUB, "2026-03-05", "2026-03-05", "day"),
    ("on Friday", PUB, "2026-02-27", "2026-02-27", "day"),
    ("last Thursday", PUB, "2026-02-26", "2026-02-26", "day"),
    ("last Monday", PUB, "2026-03-02", "2026-03-02", "day"),
    ("next Monday", PUB, "2026-03-09", "2026-03-09", "day"),
    ("this Monday", PUB, "2026-03-02", "2026-03-02", "day"),
    ("the weekend", PUB, "2026-02-28", "2026-03-01", "day"),
    ("last weekend", PUB, "2026-02-28", "2026-03-01", "day"),
    ("next weekend", PUB, "2026-03-07", "2026-03-08", "day"),
    ("last week", PUB, "2026-02-23", "2026-03-01", "day"),
    ("this week", PUB, "2026-03-02", "2026-03-08", "day"),
    ("next week", PUB, "2026-03-09", "2026-03-15", "day"),
    ("the week before last", PUB, "2026-02-16", "2026-02-22", "day"),
    ("last month", PUB, "2026-02-01", "2026-02-28", "month"),
    ("this month", PUB, "2026-03-01", "2026-03-31", "month"),
    ("next month", PUB, "2026-04-01", "2026-04-30", "month"),
    ("last year", PUB, "2025-01-01", "2025-12-31", "year"),
    ("this year", PUB, "2026-01-01", "2026-12-31", "year"),
    ("next year", PUB, "2027-01-01", "2027-12-31", "year"),
    ("the year before last", PUB, "2024-01-01", "2024-12-31", "year"),
    ("this decade", PUB, "2020-01-01", "2029-12-31", "decade"),
    ("the current year", PUB, "2026-01-01", "2026-12-31", "year"),
    ("first-quarter", PUB, "2026-01-01", "2026-03-31", "month"),
    ("last decade", PUB, "2010-01-01", "2019-12-31", "decade"),
    ("last May", PUB, "2025-05-01", "2025-05-31", "month"),
    ("last March", PUB, "2025-03-01", "2025-03-31", "month"),
    ("last February", PUB, "2026-02-01", "2026-02-28", "month"),
    ("next May", PUB, "2026-05-01", "2026-05-31", "month"),
    ("this May", PUB, "2026-05-01", "2026-05-31", "month"),
    ("May last year", PUB, "2025-05-01", "2025-05-31", "month"),
    ("in May", PUB, "2025-05-01", "2025-05-31", "month"),
    ("in February", PUB, "2026-02-01", "2026-02-28", "month"),
    ("in March", PUB, "2026-03-01", "2026-03-31", "month"),
    ("March 3", PUB, "2026-03-03", "2026-03-03", "day"),
    ("March 10", PUB, "2025-03-10", "2025-03-10", "day"),
    ("12 December", PUB, "2025-12-12", "2025-12-12", "day"),
    ("earlier this month", PUB, "2026-03-01", "2026-03-04", "month"),
    ("later this month", PUB, "2026-03-06", "2026-03-31", "month"),
    ("earlier this year", PUB, "2026-01-01", "2026-03-04", "year"),
    ("later this year", PUB, "2026-03-06", "2026-12-31", "year"),
    ("earlier this week", PUB, "2026-03-02", "2026-03-04", "day"),
    ("so far this year", PUB, "2026-01-01", "2026-03-05", "year"),
    ("early this year", PUB, "2026-01-01", "2026-04-30", "month"),
    ("late last year", PUB, "2025-09-01", "2025-12-31", "month"),
    ("the end of last year", PUB, "2025-12-01", "2025-12-31", "month"),
    ("the end of the month", PUB, "2026-03-21", "2026-03-31", "month"),
    ("early February", PUB, "2026-02-01", "2026-02-10", "month"),
    ("late February", PUB, "2026-02-21", "2026-02-28", "month"),
    ("ten years ago", PUB, "2016-01-01", "2016-12-31", "year"),
    ("a decade ago", PUB, "2016-01-01", "2016-12-31", "year"),
    ("two decades ago", PUB, "2006-01-01", "2006-12-31", "year"),
    ("a year ago", PUB, "2025-01-01", "2025-12-31", "year"),
    ("about 20 years ago", PUB, "2006-01-01", "2006-12-31", "year"),
    ("three months ago", PUB, "2025-12-01", "2025-12-31", "month"),
    ("two weeks ago", PUB, "2026-02-16", "2026-02-22", "day"),
    ("a fortnight ago", PUB, "2026-02-16", "2026-02-22", "day"),
    ("five days ago", PUB, "2026-02-28", "2026-02-28", "day"),
    ("twenty-five years ago", PUB, "2001-01-01", "2001-12-31", "year"),
    ("last winter", PUB, "2025-12-01", "2026-02-28", "month"),
    ("last summer", PUB, "2025-06-01", "2025-08-31", "month"),
    ("this summer", PUB, "2026-06-01", "2026-08-31", "month"),
    ("next spring", PUB, "2027-03-01", "2027-05-31", "month"),  # spring has begun
    ("in the autumn", PUB, "2025-09-01", "2025-11-30", "month"),
    ("the first quarter", PUB, "2026-01-01", "2026-03-31", "month"),
    ("the fourth quarter", PUB, "2025-10-01", "2025-12-31", "month"),
    ("last quarter", PUB, "2025-10-01", "2025-12-31", "month"),
    ("this quarter", PUB, "2026-01-01", "2026-03-31", "month"),
    ("the first half of the year", PUB, "2026-01-01", "2026-06-30", "month"),
    ("the second half of last year", PUB, "2025-07-01", "2025-12-31", "month"),
    ("the third quarter of last year", PUB, "2025-07-01", "2025-09-30", "month"),
    ("Christmas", PUB, "2025-12-25", "2025-12-25", "day"),
    ("last Christmas", PUB, "2025-12-25", "2025-12-25", "day"),
    ("New Year's Day", PUB, "2026-01-01", "2026-01-01", "day"),
    ("New Year’s Eve", PUB, "2025-12-31", "2025-12-31", "day"),
    ("the '20s", PUB, "2020-01-01", "2029-12-31", "decade"),
]

ROLES = [
    ("since 2022", PUB, "2022-01-01", "2026-03-05", "year", "since"),
    ("since May", PUB, "2025-05-01", "2026-03-05", "month", "since"),
    ("ever since 2014", PUB, "2014-01-01", "2026-03-05", "year", "since"),
    ("since last year's war", PUB, "2025-01-01", "2026-03-05", "year", "since"),
    ("since last year’s war", PUB, "2025-01-01", "2026-03-05", "year", "since"),
    ("since the start of 2025", PUB, "2025-01-01", "2026-03-05", "month", "since"),
    ("from 2019 onwards", PUB, "2019-01-01", "2026-03-05", "year", "since"),
    ("after 2020", PUB, "2021-01-01", "2026-03-05", "year", "since"),
    ("by 2025", PUB, "2025-01-01", "2025-12-31", "year", "by"),
    ("by 2030", PUB, "2030-01-01", "2030-12-31", "year", "by"),
    ("until 2028", PUB, "2028-01-01", "2028-12-31", "year", "by"),
    ("by the end of the year", PUB, "2026-12-01", "2026-12-31", "month", "by"),
    ("between 2019 and 2021", PUB, "2019-01-01", "2021-12-31", "year", "range"),
    ("from 2014 to 2018", PUB, "2014-01-01", "2018-12-31", "year", "range"),
    ("2019-2021", PUB, "2019-01-01", "2021-12-31", "year", "range"),
    ("2019–21", PUB, "2019-01-01", "2021-12-31", "year", "range"),
    ("2024/25", PUB, "2024-01-01", "2025-12-31", "year", "range"),
    ("from May to July", PUB, "2025-05-01", "2025-07-31", "month", "range"),
    ("from November to February", PUB, "2025-11-01", "2026-02-28", "month", "range"),
    ("between March and May 2024", PUB, "2024-03-01", "2024-05-31", "month", "range"),
    ("from 5 to 7 March 2024", PUB, "2024-03-05", "2024-03-07", "day", "range"),
    ("5-7 March 2024", PUB, "2024-03-05", "2024-03-07", "day", "range"),
    ("March 5-7, 2024", PUB, "2024-03-05", "2024-03-07", "day", "range"),
    ("May–July 2024", PUB, "2024-05-01", "2024-07-31", "month", "range"),
    ("in the past two years", PUB, "2024-03-05", "2026-03-05", "year", "range"),
    ("over the past three months", PUB, "2025-12-05", "2026-03-05", "month", "range"),
    ("the past week", PUB, "2026-02-26", "2026-03-05", "day", "range"),
    ("in the last decade", PUB, "2016-03-05", "2026-03-05", "year", "range"),
    ("over the next six months", PUB, "2026-03-05", "2026-09-05", "month", "range"),
    ("in January 2025", PUB, "2025-01-01", "2025-01-31", "month", "point"),
    ("last year's", PUB, "2025-01-01", "2025-12-31", "year", "point"),
]

# anchored on the previous event's date
ANCHORED = [
    ("two weeks later", "2026-02-03", "2026-02-03", "day", "2026-02-17", "2026-02-17", "day"),
    ("a year later", "2024-05-01", "2024-05-31", "month", "2025-05-01", "2025-05-31", "month"),
    ("three months later", "2021-03-01", "2021-03-31", "month", "2021-06-01", "2021-06-30",
     "month"),
    ("five days earlier", "2022-12-03", "2022-12-03", "day", "2022-11-28", "2022-11-28", "day"),
    ("two years on", "2011-01-01", "2011-12-31", "year", "2013-01-01", "2013-12-31", "year"),
    ("the next day", "2024-10-02", "2024-10-02", "day", "2024-10-03", "2024-10-03", "day"),
    ("the following week", "2025-06-10", "2025-06-10", "day", "2025-06-16", "2025-06-22", "day"),
    ("the previous month", "2025-06-10", "2025-06-10", "day", "2025-05-01", "2025-05-31",
     "month"),
    ("the following year", "2019-03-01", "2019-03-31", "month", "2020-01-01", "2020-12-31",
     "year"),
    ("the same day", "2022-02-24", "2022-02-24", "day", "2022-02-24", "2022-02-24", "day"),
    ("that year", "2019-01-01", "2019-12-31", "year", "2019-01-01", "2019-12-31", "year"),
    ("at that time", "2016-01-01", "2016-12-31", "year", "2016-01-01", "2016-12-31", "year"),
    ("at the time", "2016-01-01", "2016-12-31", "year", "2016-01-01", "2016-12-31", "year"),
    ("later that year", "2011-03-01", "2011-05-31", "month", "2011-06-01", "2011-12-31", "year"),
    ("earlier that month", "2020-06-15", "2020-06-15", "day", "2020-06-01", "2020-06-14",
     "month"),
    ("the day before", "2020-06-15", "2020-06-15", "day", "2020-06-14", "2020-06-14", "day"),
]

# nothing to resolve: vague wording, durations, things that are not dates at all
NO_INTERVAL = [
    "", "   ", "in recent years", "recently", "the end", "in the end", "for years",
    "within fifteen months", "for two years", "fifteen months", "a two-year",
    "two weeks later", "at that time", "the next day", "2026-02-30", "30 February 2026",
    "13/13/2026", "the President", "Moscow", "ten", "the 32nd of March", "a few years ago",
    "Q5 2025", "the 45th century",
]


@pytest.mark.parametrize(("text", "pub", "start", "end", "precision"), ABSOLUTE + RELATIVE)
def test_point_expressions(text: str, pub: date, start: str, end: str, precision: str
                           ) -> None:
    assert resolve_expression(text, pub) == DateInterval(d(start), d(end), precision)


@pytest.mark.parametrize(("text", "pub", "start", "end", "precision", "role"), ROLES)
def test_roles(text: str, pub: date, start: str, end: str, precision: str, role: str
               ) -> None:
    found = analyse_expression(text, pub)
    assert found is not None
    assert found.interval == DateInterval(d(start), d(end), precision)
    assert found.role == role


@pytest.mark.parametrize(
    ("text", "a_start", "a_end", "a_precision", "start", "end", "precision"), ANCHORED)
def test_anchored_expressions(text: str, a_start: str, a_end: str, a_precision: str,
                              start: str, end: str, precision: str) -> None:
    anchor = DateInterval(d(a_start), d(a_end), a_precision)  # type: ignore[arg-type]
    found = analyse_expression(text, PUB, anchor)
    assert found is not None and found.anaphoric
    assert found.interval == DateInterval(d(start), d(end), precision)


@pytest.mark.parametrize("text", NO_INTERVAL)
def test_no_interval(text: str) -> None:
    assert resolve_expression(text, PUB) is None


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [("within fifteen months", 15, "month"), ("for two years", 2, "year"),
     ("a two-year", 2, "year"), ("15-month", 15, "month"), ("within a decade", 10, "year"),
     ("for about six weeks", 6, "week"), ("within 90 days", 90, "day"),
     ("within a fortnight", 2, "week")],
)
def test_durations_are_windows(text: str, amount: int, unit: str) -> None:
    found = analyse_expression(text, PUB)
    assert found is not None
    assert found.interval is None and found.role == "window"
    assert found.window is not None
    assert (found.window.amount, found.window.unit) == (amount, unit)


@pytest.mark.parametrize(
    ("text", "past", "future"),
    [("on Sunday", "2026-03-01", "2026-03-08"), ("in July", "2025-07-01", "2026-07-01"),
     ("March 10", "2025-03-10", "2026-03-10"), ("the summer", "2025-06-01", "2026-06-01"),
     ("Christmas", "2025-12-25", "2026-12-25"), ("the third quarter", "2025-07-01",
                                                 "2026-07-01")],
)
def test_tense_chooses_the_occurrence(text: str, past: str, future: str) -> None:
    back = resolve_expression(text, PUB, future=False)
    ahead = resolve_expression(text, PUB, future=True)
    assert back is not None and back.start == d(past)
    assert ahead is not None and ahead.start == d(future)


@pytest.mark.parametrize(
    ("text", "nearest"),
    [("on Friday", "2026-03-06"), ("on Monday", "2026-03-02"), ("in April", "2026-04-01"),
     ("in December", "2025-12-01"), ("March 10", "2026-03-10"), ("the weekend", "2026-03-07")],
)
def test_present_tense_takes_the_nearest(text: str, nearest: str) -> None:
    found = resolve_expression(text, PUB, future=None)
    assert found is not None and found.start == d(nearest)


def test_relative_and_absolute_are_told_apart() -> None:
    relative = analyse_expression("last May", PUB)
    absolute = analyse_expression("5 March 2026", PUB)
    assert relative is not None and relative.relative
    assert absolute is not None and not absolute.relative


def test_leap_day_recurs() -> None:
    found = resolve_expression("29 February", date(2026, 3, 5))
    assert found == DateInterval(date(2024, 2, 29), date(2024, 2, 29), "day")


@pytest.mark.parametrize("pub", [date(1, 1, 1), date(9999, 12, 31)])
@pytest.mark.parametrize("text", ["ten years ago", "next year", "last May", "tomorrow",
                                  "the 90s", "in the past two years", "since May"])
def test_calendar_edges_give_none_or_a_date(pub: date, text: str) -> None:
    found = resolve_expression(text, pub)
    assert found is None or found.start <= found.end
