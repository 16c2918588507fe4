"""Relation extraction, table-driven, with hand-made mentions and a stand-in date source."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from realpolitik.config import Config
from realpolitik.model import Relation
from realpolitik.nlp import NlpStage
from realpolitik.relations import RelationExtractor
from tests.relq_support import YearDates, gazetteer_mentions

EXTRACTOR = RelationExtractor(Config())


@pytest.fixture
def relations(nlp_stage: NlpStage) -> Callable[..., list[Relation]]:
    def run(text: str, when: date = date(2026, 3, 5)) -> list[Relation]:
        doc = nlp_stage.parse_text(text, when=when)
        return EXTRACTOR.extract(doc, gazetteer_mentions(doc), [], YearDates())
    return run


@pytest.fixture
def keys(relations: Callable[..., list[Relation]]) -> Callable[[str], set[Any]]:
    def run(text: str) -> set[Any]:
        return {(r.kind, r.parties, r.polarity) for r in relations(text)}
    return run


@pytest.fixture
def treaty(relations: Callable[..., list[Relation]]) -> Callable[[str], Relation]:
    def run(text: str) -> Relation:
        found = [r for r in relations(text) if r.kind == "treaty"]
        assert len(found) == 1, found
        return found[0]
    return run


@pytest.mark.parametrize(("text", "parties", "obligations"), [
    ("Brazil and Nigeria signed a strategic partnership treaty.", ("BRA", "NGA"), {}),
    ("The mutual defence treaty between the Philippines and the United States obliges each "
     "side to come to the other's aid.", ("PHL", "USA"), {"defense": True}),
    ("Japan and Australia signed an access agreement that contains no mutual defence clause.",
     ("AUS", "JPN"), {"defense": False}),
    ("Ankara is bound by no military obligations toward Baku.", ("AZE", "TUR"),
     {"defense": False, "offense": False}),
    ("Under the Cooperation Agreement between India and Vietnam, the only duty of each side if "
     "war breaks out is not to help the other side's enemy.", ("IND", "VNM"),
     {"neutrality": True, "defense": False, "offense": False}),
    ("Pakistan and India signed a non-aggression agreement in 1988.", ("IND", "PAK"),
     {"non_aggression": True}),
    ("The treaty between Turkey and Iran obliges neither country to defend the other.",
     ("IRN", "TUR"), {"defense": False}),
    ("The partnership agreement between France and Senegal does not oblige Paris to defend "
     "Dakar.", ("FRA", "SEN"), {"defense": False}),
    ("The pact between Azerbaijan and Pakistan includes regular consultations on security.",
     ("AZE", "PAK"), {"consultation": True}),
])
def test_treaty_obligations(text: str, parties: tuple[str, ...],
                            obligations: dict[str, bool], treaty: Any) -> None:
    found = treaty(text)
    assert found.parties == parties
    assert found.polarity == "asserted"
    expected = {k: obligations.get(k) for k in found.obligations.to_json()}
    assert found.obligations.to_json() == expected


def test_later_sentences_enrich_the_same_treaty(relations: Any) -> None:
    found = relations(
        "Brasília is bound by no military obligations toward Abuja. Brazil and Nigeria signed "
        "the Atlantic Partnership Agreement in 2025. Under the pact, the only duty of each "
        "side if war breaks out is not to help the other side's enemy.")
    [record] = [r for r in found if r.kind == "treaty"]
    assert record.parties == ("BRA", "NGA")
    assert record.name == "Atlantic Partnership Agreement"
    assert record.obligations.neutrality is True and record.obligations.defense is False
    assert record.sentence == 1  # the sentence that names it, not the obligation-only one
    assert record.attributes["sentences"] == "0,1,2"
    assert record.date is not None and record.date.start == date(2025, 1, 1)


def test_anaphoric_pact_refers_to_the_last_treaty(relations: Any) -> None:
    found = relations("Armenia and India signed a strategic partnership agreement in 2024. "
                      "The agreement obliges neither party to defend the other.")
    [record] = found
    assert record.parties == ("ARM", "IND") and record.obligations.defense is False


def test_treaty_without_a_signing_verb_or_date_is_undated(treaty: Any) -> None:
    record = treaty("Ankara is bound by no military obligations toward Baku.")
    assert record.date is None


def test_named_treaty_and_description(treaty: Any) -> None:
    record = treaty("The Treaty of Friendship between Russia and North Korea provides for "
                    "mutual military assistance.")
    assert record.name == "Treaty of Friendship"
    assert record.obligations.defense is True


def test_ids_are_deterministic_and_distinct(relations: Any) -> None:
    text = "Pakistan has supplied Azerbaijan with drones. Egypt sent troops to Sudan."
    first, second = relations(text), relations(text)
    assert [r.id for r in first] == [r.id for r in second]
    assert len({r.id for r in first}) == len(first) == 2


@pytest.mark.parametrize(("text", "expected"), [
    ("Poland is a member of NATO.", {("membership", ("NAT", "POL"), "asserted")}),
    ("Ukraine is not a member of NATO.", {("membership", ("NAT", "UKR"), "negated")}),
    ("Finland joined NATO in April 2023.", {("membership", ("FIN", "NAT"), "asserted")}),
    ("India, a member of the Shanghai Cooperation Organisation, sent a delegation.",
     {("membership", ("IND", "SCO"), "asserted")}),
    ("NATO member Turkey has refused to join the sanctions.",
     {("membership", ("NAT", "TUR"), "asserted")}),
    ("Georgia wants to join the European Union.", set()),
    ("North Korea withdrew from the IAEA in 1994.", {("membership", ("IAE", "PRK"), "negated")}),
    ("Djibouti has long been Ethiopia's closest ally.",
     {("alliance_claim", ("DJI", "ETH"), "asserted")}),
    ("Paris has now lost a third ally in the Sahel.",
     {("alliance_claim", ("FRA",), "asserted")}),
    ("India is not an ally of the United States.", {("alliance_claim", ("IND", "USA"), "negated")}),
    ("Turkish-Azerbaijani cooperation is not a military alliance.",
     {("alliance_claim", ("AZE", "TUR"), "negated")}),
    ("Officials said the alliance was stronger than ever.", set()),
])
def test_memberships_and_alliance_claims(text: str, expected: set[object], keys: Any) -> None:
    assert keys(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Israel is now Azerbaijan's main arms supplier.",
     {("arms_transfer", ("ISR", "AZE"), "asserted")}),
    ("Baku is now purchasing Turkish Bayraktar TB2 drones.",
     {("arms_transfer", ("TUR", "AZE"), "asserted")}),
    ("Germany has not sent Taurus cruise missiles to Kyiv.",
     {("arms_transfer", ("DEU", "UKR"), "negated")}),
    ("Ankara denies supplying ballistic missiles to Baku.",
     {("arms_transfer", ("TUR", "AZE"), "negated")}),
    ("India bought S-400 air defence systems from Russia.",
     {("arms_transfer", ("RUS", "IND"), "asserted")}),
    ("Serbia has never officially admitted that it is supplying Kyiv with shells.",
     {("arms_transfer", ("SRB", "UKR"), "asserted")}),
    ("Weapons were found in the car.", set()),
    ("North Korea sent troops to Russia's Kursk region.",
     {("troop_deployment", ("PRK", "RUS"), "asserted")}),
    ("Unlike Chad, Mali has not deployed troops to the fighting in Sudan.",
     {("troop_deployment", ("TCD",), "asserted"), ("troop_deployment", ("MLI",), "negated")}),
    ("Washington has no plans to send troops to Ukraine.",
     {("troop_deployment", ("USA", "UKR"), "negated")}),
    ("Russian troops are stationed in Tajikistan.",
     {("troop_deployment", ("RUS", "TJK"), "asserted")}),
    ("The troops returned to their barracks.", set()),
    ("Managua has relied on Chinese diplomatic support in the UN Security Council.",
     {("diplomatic_support", ("CHN", "NIC"), "asserted")}),
    ("Russia vetoed a Security Council resolution condemning Syria.",
     {("diplomatic_support", ("RUS", "SYR"), "asserted")}),
    ("Beijing did not support Moscow in the Security Council vote.",
     {("diplomatic_support", ("CHN", "RUS"), "negated")}),
    ("She supported the proposal at the meeting.", set()),
])
def test_transfers_deployments_and_support(text: str, expected: set[object], keys: Any) -> None:
    assert keys(text) == expected


def test_arms_transfer_names_the_system(relations: Any) -> None:
    [found] = relations("Baku is now purchasing Turkish Bayraktar TB2 drones.")
    assert found.attributes["system"] == "Bayraktar TB2 drones"


def test_diplomatic_support_names_the_forums(relations: Any) -> None:
    [found] = relations("Managua has relied on Chinese diplomatic support in forums "
                        "including the UN Security Council and the IAEA.")
    assert found.attributes["forums"] == "UN Security Council; IAEA"


def test_relations_carry_their_evidence(relations: Any) -> None:
    text = "The weather was fine. Pakistan has supplied Azerbaijan with drones."
    [found] = relations(text)
    assert found.sentence == 1
    assert found.evidence == "Pakistan has supplied Azerbaijan with drones."


def test_sign_agreement_events_supply_missing_parties(nlp_stage: NlpStage) -> None:
    from realpolitik.model import Event, Participant

    doc = nlp_stage.parse_text("The two leaders signed the accord on Friday in Moscow.")
    event = Event(
        id="e", source=Participant("Russia", "RUS", "RUS", None),
        target=Participant("Iran", "IRN", "IRN", None), code="057", root="05", quad_class=1,
        goldstein=8.0, plover=None, polarity="asserted", modality="actual", sentence=0,
        evidence="", confidence=1.0, span=(0, 1), trigger="signed", trigger_token=3)
    found = EXTRACTOR.extract(doc, [], [event], YearDates())
    assert [(r.kind, r.parties) for r in found] == [("treaty", ("IRN", "RUS"))]
