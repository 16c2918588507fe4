"""The figure parser: money, percentages, counts, ranges, comparators; never raises."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.quantities import parse_amounts

B, M = 1e9, 1e6


@pytest.mark.parametrize(("text", "kind", "value", "low", "high", "unit", "comparator"), [
    ("grew to 7 billion US dollars in 2021", "money", 7 * B, None, None, "USD", "eq"),
    ("expected to exceed $15 billion", "money", 15 * B, None, None, "USD", "gt"),
    ("is only $3 to $6 billion", "money", None, 3 * B, 6 * B, "USD", "range"),
    ("$4-5 billion", "money", None, 4 * B, 5 * B, "USD", "range"),
    ("between $10 billion and $12 billion", "money", None, 10 * B, 12 * B, "USD", "range"),
    ("pledged €1.2bn in aid", "money", 1.2 * B, None, None, "EUR", "eq"),
    ("less than 100 million euros", "money", 100 * M, None, None, "EUR", "lt"),
    ("a £500m package", "money", 500 * M, None, None, "GBP", "eq"),
    ("EUR 254 billion", "money", 254 * B, None, None, "EUR", "eq"),
    ("USD 3 bn", "money", 3 * B, None, None, "USD", "eq"),
    ("A$15 billion", "money", 15 * B, None, None, "AUD", "eq"),
    ("4.5 trillion roubles", "money", 4.5e12, None, None, "RUB", "eq"),
    ("1.7 trillion yuan", "money", 1.7e12, None, None, "CNY", "eq"),
    ("nearly €210 billion", "money", 210 * B, None, None, "EUR", "approx"),
    ("some $300 billion", "money", 300 * B, None, None, "USD", "approx"),
    ("nine billion dollars", "money", 9 * B, None, None, "USD", "eq"),
    ("by 45 per cent", "percent", 45, None, None, "percent", "eq"),
    ("fell 12%", "percent", 12, None, None, "percent", "eq"),
    ("10-15%", "percent", None, 10, 15, "percent", "range"),
    ("about 12,000 North Korean troops", "count", 12000, None, None, "troops", "approx"),
    ("31,000 of its soldiers", "count", 31000, None, None, "troops", "eq"),
    ("at least 10,000 people", "count", 10000, None, None, "people", "gt"),
    ("up to 100,000 troops", "count", 100000, None, None, "troops", "lt"),
    ("1.9 million barrels per day", "count", 1.9 * M, None, None, "barrels_per_day", "eq"),
    ("22 billion cubic metres", "count", 22 * B, None, None, "cubic_metres", "eq"),
    # currencies the euro replaced keep their ISO 4217 historic codes
    ("5.6 billion marks", "money", 5.6 * B, None, None, "DEM", "eq"),
    ("120 mln French francs", "money", 120 * M, None, None, "FRF", "eq"),
    ("40 mln Swiss francs", "money", 40 * M, None, None, "CHF", "eq"),
    ("2.5 billion guilders", "money", 2.5 * B, None, None, "NLG", "eq"),
    ("900 billion lire", "money", 900 * B, None, None, "ITL", "eq"),
    ("15 mln Canadian dlrs", "money", 15 * M, None, None, "CAD", "eq"),
])
def test_amounts(text: str, kind: str, value: float | None, low: float | None,
                 high: float | None, unit: str, comparator: str) -> None:
    [amount] = parse_amounts(text)
    assert (amount.kind, amount.unit, amount.comparator) == (kind, unit, comparator)
    assert amount.value == pytest.approx(value) if value is not None else amount.value is None
    assert amount.low == pytest.approx(low) if low is not None else amount.low is None
    assert amount.high == pytest.approx(high) if high is not None else amount.high is None


@pytest.mark.parametrize("text", [
    "In 2022, the war began.", "F-16 fighter jets", "He is 71 years old.",
    "The minister spoke for 20 minutes.", "the 32nd member", "Bayraktar TB2 drones", "",
])
def test_no_amount(text: str) -> None:
    assert parse_amounts(text) == []


def test_a_year_before_a_range_connector_is_not_a_range() -> None:
    [amount] = parse_amounts("rose in 2022 to $5 billion")
    assert amount.value == 5 * B and amount.comparator == "eq"


def test_from_to_is_flagged() -> None:
    [amount] = parse_amounts("grew from $13 billion to $65 billion")
    assert amount.from_to and (amount.low, amount.high) == (13 * B, 65 * B)


def test_offsets_cover_the_amount() -> None:
    text = "Trade reached 9 billion US dollars last year."
    [amount] = parse_amounts(text)
    assert text[amount.start:amount.end] == "9 billion US dollars"


_PIECES = st.sampled_from([
    *"0123456789$€£%.,- abmnkt", " billion", " million", " per cent", " dollars", " euros",
    " troops", " to ", " and ", "between ", "more than ", "US$", "bn"])


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.lists(_PIECES, max_size=20).map("".join), st.text(max_size=60)))
def test_never_raises(text: str) -> None:
    for amount in parse_amounts(text):
        assert 0 <= amount.start < amount.end <= len(text)
        assert amount.value is not None or (amount.low is not None and amount.high is not None)


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=1, max_value=999_999).map(lambda n: n / 100),
       st.sampled_from([("billion", 1e9), ("million", 1e6), ("trillion", 1e12)]),
       st.sampled_from([("$", "USD"), ("€", "EUR"), ("£", "GBP")]))
def test_money_round_trips(number: float, scale: tuple[str, float],
                           currency: tuple[str, str]) -> None:
    text = f"{currency[0]}{number:g} {scale[0]}"
    [amount] = parse_amounts(text)
    assert amount.unit == currency[1]
    assert amount.value == pytest.approx(number * scale[1])


@settings(max_examples=200, deadline=None)
@given(st.integers(min_value=0, max_value=100_000).map(lambda n: n / 10),
       st.sampled_from(["%", " per cent", " percent"]))
def test_percent_round_trips(number: float, sign: str) -> None:
    [amount] = parse_amounts(f"rose {number:g}{sign} last year")
    assert amount.unit == "percent" and amount.value == pytest.approx(number)
