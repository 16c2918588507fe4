"""An invented analysis piece end to end: the ties and figures the design says a model must
know (a named treaty and its only obligation, a treaty dated "last May", arms, troops,
diplomatic support, membership, alliance claims, trade figures and a range)."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.model import Quantity, Relation
from realpolitik.nlp import NlpStage
from realpolitik.quantities import QuantityExtractor
from realpolitik.relations import RelationExtractor
from realpolitik.timex import TimeResolver

pytestmark = [pytest.mark.eval]

#: invented text about Turkey's ties, published on 5 March 2026
ARTICLE = (
    "Ankara is bound by no military obligations toward Baku. Under the Strategic "
    "Cooperation Agreement that Turkey and Azerbaijan signed in January 2025, the only duty"
    " of each side if war breaks out is not to help the other side's enemy.\n\n"
    "Erdogan is under pressure at home. Last May, he signed a strategic partnership "
    "agreement with Tokayev.\n\n"
    "Baku is now purchasing Turkish Bayraktar TB2 drones. Unlike Chad, Mali has not "
    "deployed troops to the fighting in Sudan. Azerbaijan has counted on Turkish diplomatic"
    " support at the UN Security Council.\n\n"
    "Kazakhstan, a member of the Shanghai Cooperation Organisation, has stayed neutral. "
    "Turkish-Azerbaijani cooperation is not a military alliance. Georgia has long been "
    "Turkey's closest ally.\n\n"
    "Turkish exports to Qatar rose by 45 per cent to 7 billion US dollars in 2022. By 2025,"
    " the figure is expected to exceed $10 billion. Economic ties between Turkey and "
    "Kazakhstan are worth a modest $3 to $4 billion."
)


@pytest.fixture(scope="module")
def article(nlp_stage: NlpStage, config: Config, actor_resolver: ActorResolver,
            time_resolver: TimeResolver) -> tuple[list[Relation], list[Quantity]]:
    doc = nlp_stage.parse_text(ARTICLE, when=date(2026, 3, 5))
    mentions = actor_resolver.resolve_document(doc)
    return (RelationExtractor(config).extract(doc, mentions, [], time_resolver),
            QuantityExtractor(config).extract(doc, mentions, time_resolver))


def _one(relations: list[Relation], kind: str, parties: tuple[str, ...],
         polarity: str = "asserted") -> Relation:
    found = [r for r in relations if (r.kind, r.parties, r.polarity) == (kind, parties, polarity)]
    assert len(found) == 1, [(r.kind, r.parties, r.polarity) for r in relations]
    return found[0]


def test_turkey_azerbaijan_agreement_with_its_only_obligation(article: Any) -> None:
    treaty = _one(article[0], "treaty", ("AZE", "TUR"))
    assert treaty.name == "Strategic Cooperation Agreement"
    assert treaty.date is not None and (treaty.date.start, treaty.date.precision) == (
        date(2025, 1, 1), "month")
    assert treaty.obligations.neutrality is True
    assert treaty.obligations.defense is False and treaty.obligations.offense is False


def test_turkey_kazakhstan_partnership_signed_last_may(article: Any) -> None:
    treaty = _one(article[0], "treaty", ("KAZ", "TUR"))
    assert treaty.date is not None and (treaty.date.start, treaty.date.precision) == (
        date(2025, 5, 1), "month")


def test_arms_troops_support_and_membership(article: Any) -> None:
    relations = article[0]
    drones = _one(relations, "arms_transfer", ("TUR", "AZE"))
    assert "Bayraktar TB2 drones" in drones.attributes["system"]
    _one(relations, "troop_deployment", ("TCD",), "asserted")
    _one(relations, "troop_deployment", ("MLI",), "negated")
    support = _one(relations, "diplomatic_support", ("TUR", "AZE"))
    assert "UN Security Council" in support.attributes["forums"]
    _one(relations, "membership", ("KAZ", "SCO"))
    _one(relations, "alliance_claim", ("AZE", "TUR"), "negated")
    _one(relations, "alliance_claim", ("GEO", "TUR"))


def test_qatar_figures_and_the_kazakhstan_range(article: Any) -> None:
    quantities = article[1]
    figures = {(q.measure, q.parties, q.value, q.low, q.high, q.unit, q.year, q.change_pct,
                q.forecast, q.comparator) for q in quantities}
    assert ("trade", ("QAT", "TUR"), 7e9, None, None, "USD", 2022, 45.0, False, "eq") in figures
    assert ("trade", ("QAT", "TUR"), 10e9, None, None, "USD", 2025, None, True, "gt") in figures
    assert ("economic_relations", ("KAZ", "TUR"), None, 3e9, 4e9, "USD", None, None, False,
            "range") in figures
