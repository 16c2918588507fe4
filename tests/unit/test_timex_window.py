"""Windows: durations such as the CLI's ``--within 15m`` or "within fifteen months"."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.errors import QueryError
from realpolitik.timex import Window, parse_window


@pytest.mark.parametrize(
    ("text", "amount", "unit"),
    [("15m", 15, "month"), ("2y", 2, "year"), ("90d", 90, "day"), ("6w", 6, "week"),
     ("15mo", 15, "month"), (" 3 M ", 3, "month"), ("fifteen months", 15, "month"),
     ("two years", 2, "year"), ("a year", 1, "year"), ("15 months", 15, "month"),
     ("twenty-four months", 24, "month"), ("a decade", 10, "year"),
     ("two decades", 20, "year"), ("a fortnight", 2, "week"), ("1 day", 1, "day")],
)
def test_parse_window(text: str, amount: int, unit: str) -> None:
    assert parse_window(text) == Window(amount, unit)


@pytest.mark.parametrize(
    "text", ["", "15", "m", "15x", "0m", "-3m", "fifteen", "many months", "15 hours",
             "two yeers", "15m ago", "1.5y"])
def test_bad_windows_raise_query_error(text: str) -> None:
    with pytest.raises(QueryError):
        parse_window(text)


def test_window_rejects_bad_units_and_amounts() -> None:
    with pytest.raises(QueryError):
        Window(3, "fortnight")
    with pytest.raises(QueryError):
        Window(0, "day")


@pytest.mark.parametrize(
    ("window", "as_of", "expected"),
    [(Window(15, "month"), date(2026, 3, 5), date(2024, 12, 5)),
     (Window(1, "month"), date(2026, 3, 31), date(2026, 2, 28)),
     (Window(1, "year"), date(2024, 2, 29), date(2023, 2, 28)),
     (Window(2, "week"), date(2026, 3, 5), date(2026, 2, 19)),
     (Window(90, "day"), date(2026, 3, 5), date(2025, 12, 5))],
)
def test_before_is_calendar_correct(window: Window, as_of: date, expected: date) -> None:
    assert window.before(as_of) == expected


def test_after_and_days() -> None:
    assert Window(1, "month").after(date(2026, 1, 31)) == date(2026, 2, 28)
    assert Window(15, "month").to_days() == 457
    assert Window(2, "week").to_days() == 14
    assert Window(1, "year").to_days() == 365
    assert str(Window(15, "month")) == "15 months"


def test_before_outside_the_calendar_raises_query_error() -> None:
    with pytest.raises(QueryError):
        Window(5, "year").before(date(2, 1, 1))
