"""Quantity extraction, table-driven, with hand-made mentions and a stand-in date source."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from realpolitik.config import Config
from realpolitik.nlp import NlpStage
from realpolitik.quantities import QuantityExtractor
from tests.relq_support import (
    PublicationDates,
    YearDates,
    gazetteer_mentions,
)

EXTRACTOR = QuantityExtractor(Config())
B = 1e9


@pytest.fixture
def quantities(nlp_stage: NlpStage) -> Callable[..., list[dict[str, Any]]]:
    def run(text: str, when: date = date(2026, 3, 5)) -> list[dict[str, Any]]:
        doc = nlp_stage.parse_text(text, when=when)
        return [q.to_json() for q in EXTRACTOR.extract(doc, gazetteer_mentions(doc),
                                                       YearDates())]
    return run


@pytest.fixture
def only(quantities: Callable[..., list[dict[str, Any]]]) -> Callable[[str], dict[str, Any]]:
    def run(text: str) -> dict[str, Any]:
        found = quantities(text)
        assert len(found) == 1, found
        return found[0]
    return run


@pytest.mark.parametrize(("text", "expected"), [
    ("Turkish exports to Qatar rose by 45 per cent to 7 billion US dollars in 2022.",
     {"measure": "trade", "parties": ["QAT", "TUR"], "value": 7 * B, "unit": "USD",
      "year": 2022, "change_pct": 45.0, "forecast": False, "comparator": "eq"}),
    ("Economic ties between Turkey and Kazakhstan are worth a modest $3 to $4 billion.",
     {"measure": "economic_relations", "parties": ["KAZ", "TUR"], "value": None,
      "low": 3 * B, "high": 4 * B, "comparator": "range"}),
    ("EU exports to Russia fell 12% in 2023.",
     {"measure": "trade", "unit": "percent", "value": None, "change_pct": -12.0,
      "year": 2023}),
    ("Chinese investment in Serbia totalled less than 100 million euros.",
     {"measure": "investment", "parties": ["CHN", "SRB"], "value": 1e8, "unit": "EUR",
      "comparator": "lt"}),
    ("Germany pledged €1.2bn in humanitarian aid for Syria.",
     {"measure": "aid", "parties": ["DEU", "SYR"], "unit": "EUR", "forecast": True}),
    ("Russia's arms exports to India were worth about $3 billion in 2021.",
     {"measure": "arms_sales", "parties": ["RUS", "IND"], "comparator": "approx"}),
    ("About 12,000 North Korean troops have been sent to Russia.",
     {"measure": "troops", "parties": ["PRK", "RUS"], "value": 12000.0, "unit": "troops",
      "comparator": "approx"}),
    ("Russia has lost an estimated 150,000 soldiers in the war.",
     {"measure": "casualties", "unit": "people", "value": 150000.0}),
    ("India imported 1.9 million barrels per day of Russian crude oil in 2023.",
     {"measure": "energy", "parties": ["RUS", "IND"], "unit": "barrels_per_day"}),
    ("Qatar is now one of Ankara's ten largest trading partners.",
     {"measure": "trade", "parties": ["QAT", "TUR"], "unit": "rank", "low": 1.0,
      "high": 10.0, "comparator": "range"}),
    ("Russian trade with India grew from $13 billion to $65 billion in two years.",
     {"measure": "trade", "value": 65 * B, "low": None, "comparator": "eq"}),
    ("Trade between Kazakhstan and China is expected to exceed 40 billion dollars next year.",
     {"measure": "trade", "year": 2027, "forecast": True, "comparator": "gt"}),
    # a state's own economy: debt, deficits and rates, whose percentage is their level
    ("Argentina's foreign debt stood at 14 billion dollars at the end of last year.",
     {"measure": "debt", "parties": ["ARG"], "value": 14 * B, "unit": "USD"}),
    ("Inflation in Poland slowed to 9.4 pct in 1986.",
     {"measure": "inflation", "parties": ["POL"], "value": 9.4, "unit": "percent",
      "year": 1986}),
    ("Greece aims to cut its budget deficit to 7 pct of national income.",
     {"measure": "budget_deficit", "parties": ["GRC"], "value": 7.0, "unit": "percent",
      "forecast": True}),
    ("Unemployment in Finland reached 250,000 people, the government said.",
     {"measure": "unemployment", "parties": ["FIN"], "value": 250000.0, "unit": "people"}),
    ("Taiwan's foreign reserves rose to 2.1 billion dollars.",
     {"measure": "reserves", "parties": ["TWN"], "value": 2.1 * B}),
])
def test_quantities(text: str, expected: dict[str, Any], only: Any) -> None:
    found = only(text)
    assert {k: found[k] for k in expected} == expected


def test_anaphoric_figure_takes_the_previous_measure_and_parties(quantities: Any) -> None:
    first, second = quantities(
        "Turkish exports to Qatar rose by 45 per cent to 7 billion US dollars in 2022. "
        "By 2025, the figure is expected to exceed $10 billion.")
    assert second["measure"] == "trade" and second["parties"] == ["QAT", "TUR"]
    assert (second["value"], second["year"], second["forecast"], second["comparator"]) == (
        10 * B, 2025, True, "gt")
    assert first["sentence"] == 0 and second["sentence"] == 1


@pytest.mark.parametrize("text", [
    "The bridge cost $2 billion to build.",
    "The minister spoke for 20 minutes.",
    "The company's shares rose 5% on Monday.",
    "Some 10,000 people protested in the capital.",
    "Oil prices rose to $90 a barrel.",
    "In 2022, the war began.",
    # a firm's debt or a rate with no state named is no figure of the model
    "The company said its debt rose to 3 billion dollars.",
    "Inflation was running at 5 pct, the bank's economists said.",
])
def test_no_quantity(text: str, quantities: Any) -> None:
    assert quantities(text) == []


@pytest.mark.parametrize("text", [
    "US arms sales to Taiwan totalled $18 billion between 2017 and 2022.",
    "The United States has provided more than $60 billion in military aid to Ukraine since 2022.",
])
def test_period_years_are_not_the_figure_year(text: str, nlp_stage: NlpStage) -> None:
    doc = nlp_stage.parse_text(text, when=date(2026, 3, 5))
    [found] = EXTRACTOR.extract(doc, gazetteer_mentions(doc), PublicationDates())
    assert found.year is None


def test_currency_names_are_not_parties(only: Any) -> None:
    assert only("Bilateral trade reached a record 240 billion US dollars.")["parties"] == []


def test_ids_are_deterministic(quantities: Any) -> None:
    text = "Trade between Russia and China fell by 8.5% to $228 billion in 2024."
    assert [q["id"] for q in quantities(text)] == [q["id"] for q in quantities(text)]
