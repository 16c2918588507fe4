"""Relations and quantities end to end with the real actor resolver and time resolver."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.model import Quantity, Relation
from realpolitik.nlp import NlpStage
from realpolitik.quantities import QuantityExtractor
from realpolitik.relations import RelationExtractor
from realpolitik.timex import TimeResolver

Run = Callable[[str, date], tuple[list[Relation], list[Quantity]]]


@pytest.fixture
def run(nlp_stage: NlpStage, actor_resolver: ActorResolver,
        time_resolver: TimeResolver) -> Run:
    def go(text: str, when: date) -> tuple[list[Relation], list[Quantity]]:
        doc = nlp_stage.parse_text(text, when=when)
        mentions = actor_resolver.resolve_document(doc)
        return (RelationExtractor(Config()).extract(doc, mentions, [], time_resolver),
                QuantityExtractor(Config()).extract(doc, mentions, time_resolver))
    return go


def test_signing_date_comes_from_the_time_stage(run: Run) -> None:
    relations, _ = run("The Brazilian president faces a hard choice. Last May, he signed a "
                       "strategic partnership agreement with Nigeria.", date(2026, 3, 5))
    [treaty] = relations
    assert treaty.parties == ("BRA", "NGA")
    assert treaty.date is not None and not treaty.date.inferred
    assert (treaty.date.start, treaty.date.end, treaty.date.precision) == (
        date(2025, 5, 1), date(2025, 5, 31), "month")


def test_organisation_codes_come_from_the_knowledge_base(run: Run) -> None:
    relations, _ = run("Finland joined NATO in April 2023.", date(2023, 6, 1))
    assert [(r.kind, r.parties) for r in relations] == [("membership", ("FIN", "NAT"))]


def test_forecast_year_from_a_relative_expression(run: Run) -> None:
    _, quantities = run("Trade between Kazakhstan and China is expected to exceed 40 billion "
                        "dollars next year.", date(2024, 5, 17))
    [q] = quantities
    assert (q.measure, q.parties, q.year, q.forecast, q.comparator) == (
        "trade", ("CHN", "KAZ"), 2025, True, "gt")
