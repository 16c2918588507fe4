"""The example article end to end: the ties and figures the design says a model must know."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.model import Quantity, Relation
from realpolitik.nlp import NlpStage
from realpolitik.quantities import QuantityExtractor
from realpolitik.relations import RelationExtractor
from realpolitik.timex import TimeResolver

pytestmark = [pytest.mark.eval, pytest.mark.shared]


@pytest.fixture(scope="module")
def article(shared_dir: Path, nlp_stage: NlpStage, config: Config, actor_resolver: ActorResolver,
            time_resolver: TimeResolver) -> tuple[list[Relation], list[Quantity]]:
    text = (shared_dir / "examples" / "2026-03-05-russia-iran.txt").read_text(encoding="utf-8")
    text = re.sub(r"\A\s*date \S+\s+", "", text)
    doc = nlp_stage.parse_text(text, when=date(2026, 3, 5))
    mentions = actor_resolver.resolve_document(doc)
    return (RelationExtractor(config).extract(doc, mentions, [], time_resolver),
            QuantityExtractor(config).extract(doc, mentions, time_resolver))


def _one(relations: list[Relation], kind: str, parties: tuple[str, ...],
         polarity: str = "asserted") -> Relation:
    found = [r for r in relations if (r.kind, r.parties, r.polarity) == (kind, parties, polarity)]
    assert len(found) == 1, [(r.kind, r.parties, r.polarity) for r in relations]
    return found[0]


def test_russia_iran_partnership_with_its_only_obligation(article: Any) -> None:
    treaty = _one(article[0], "treaty", ("IRN", "RUS"))
    assert treaty.name == "Strategic Partnership Agreement"
    assert treaty.date is not None and (treaty.date.start, treaty.date.precision) == (
        date(2025, 1, 1), "month")
    assert treaty.obligations.neutrality is True
    assert treaty.obligations.defense is False and treaty.obligations.offense is False


def test_russia_venezuela_partnership_signed_last_may(article: Any) -> None:
    treaty = _one(article[0], "treaty", ("RUS", "VEN"))
    assert treaty.date is not None and (treaty.date.start, treaty.date.precision) == (
        date(2025, 5, 1), "month")


def test_arms_troops_support_and_membership(article: Any) -> None:
    relations = article[0]
    drones = _one(relations, "arms_transfer", ("IRN", "RUS"))
    assert "Shahed-136 drones" in drones.attributes["system"]
    _one(relations, "troop_deployment", ("PRK",), "asserted")
    _one(relations, "troop_deployment", ("IRN",), "negated")
    support = _one(relations, "diplomatic_support", ("RUS", "IRN"))
    assert "UN Security Council" in support.attributes["forums"]
    _one(relations, "membership", ("IRN", "SCO"))
    _one(relations, "alliance_claim", ("IRN", "RUS"), "negated")
    _one(relations, "alliance_claim", ("RUS", "SYR"))


def test_uae_figures_and_the_iran_range(article: Any) -> None:
    quantities = article[1]
    figures = {(q.measure, q.parties, q.value, q.low, q.high, q.unit, q.year, q.change_pct,
                q.forecast, q.comparator) for q in quantities}
    assert ("trade", ("ARE", "RUS"), 9e9, None, None, "USD", 2022, 68.0, False, "eq") in figures
    assert ("trade", ("ARE", "RUS"), 12e9, None, None, "USD", 2025, None, True, "gt") in figures
    assert ("economic_relations", ("IRN", "RUS"), None, 4e9, 5e9, "USD", None, None, False,
            "range") in figures
