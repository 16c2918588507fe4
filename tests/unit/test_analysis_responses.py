"""responses: reactions to an attack, linked by proximity and reference, with naming."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.analysis.responses import responses
from realpolitik.errors import QueryError
from realpolitik.store import Store, open_store
from tests.unit.analysis_builders import Doc, body, person, write

LULA = person("luiz-inacio-lula-da-silva", "Luiz Inácio Lula da Silva", "BRA")
MFA = body("bra-mfa", "Brazilian Foreign Ministry", "BRA")
ABIY = person("abiy-ahmed", "Abiy Ahmed", "ETH", title="prime_minister")
DEFMIN = person("eth-defence-minister", "Ethiopian Defence Minister", "ETH",
                title="defence_minister")
SUDAN = ("Sudan", "SDN", "SDN", None)
ERITREA = ("Eritrea", "ERI", "ERI", None)
ETHIOPIA = ("Ethiopia", "ETH", "ETH", None)


def corpus() -> list[Doc]:
    """Invented reports of a strike on Ethiopia and who reacted to it."""
    main = Doc(date(2026, 3, 5), [
        "Sudanese and Eritrean jets strike the Ethiopian capital.",
        "The Brazilian Foreign Ministry condemned Sudan and Eritrea for the raid.",
        "Lula sent a condolence letter to his Ethiopian counterpart Abiy after the "
        "assassination of the defence minister.",
        "Yet he would not name the killers.",
        "Brasília is negotiating with Asmara.",
        "Lula refrained from any comment on the abduction of the Bolivian president.",
        "Brazil and Ethiopia signed a partnership treaty.",
        "Djibouti and Ethiopia have long been allies.",
        "Last year, Brazil praised Ethiopia's response to the raids.",
        "Brazil wants to support Ethiopia after the strike.",
    ])
    main.mention(1, "The Brazilian Foreign Ministry", MFA, "body")
    main.mention(2, "Lula", LULA).mention(2, "the defence minister", DEFMIN, "title")
    main.mention(2, "his Ethiopian counterpart Abiy", ABIY, "counterpart")
    main.mention(3, "He", LULA, "pronoun").mention(5, "Lula", LULA)
    main.event(0, "190", ("Sudanese", "SDN", "SDN", None), ETHIOPIA, trigger="strike")
    main.event(0, "190", ("Eritrean", "ERI", "ERI", None), ETHIOPIA, trigger="strike")
    main.event(1, "111", ("The Brazilian Foreign Ministry", "BRAGOV", "BRA", "GOV"), SUDAN,
               trigger="condemned")
    main.event(1, "111", ("The Brazilian Foreign Ministry", "BRAGOV", "BRA", "GOV"), ERITREA,
               trigger="condemned")
    main.event(2, "186", None, ("the defence minister", "ETHGOV", "ETH", "GOV"),
               trigger="assassination")
    main.event(2, "018", ("Lula", "BRAGOV", "BRA", "GOV"),
               ("his Ethiopian counterpart Abiy", "ETHGOV", "ETH", "GOV"),
               trigger="condolence")
    main.event(3, "112", ("He", "BRAGOV", "BRA", "GOV"), ("the killers", None, None, None),
               trigger="name", polarity="negated")
    main.event(4, "046", ("Brasília", "BRAGOV", "BRA", "GOV"), ("Asmara", "ERIGOV", "ERI",
                                                                "GOV"), trigger="negotiating")
    main.event(5, "181", None, ("the Bolivian president", "BOLGOV", "BOL", "GOV"),
               trigger="abduction")
    main.event(5, "010", ("Lula", "BRAGOV", "BRA", "GOV"), None, trigger="comment",
               polarity="negated")
    main.relation(6, "treaty", ("BRA", "ETH"))
    main.relation(7, "alliance_claim", ("DJI", "ETH"))
    main.event(8, "051", ("Brazil", "BRA", "BRA", None), ETHIOPIA, trigger="praised",
               when=date(2025, 1, 1), end=date(2025, 12, 31), precision="year")
    main.event(9, "051", ("Brazil", "BRA", "BRA", None), ETHIOPIA, trigger="support",
               modality="hypothetical")

    later = Doc(date(2026, 3, 8), [
        "India condemned the Sudanese strikes on Ethiopia as a violation of sovereignty.",
        "India condemned Sudan over tariffs.",
        "Ethiopia vowed revenge against Eritrea.",
        "Ethiopia fired missiles at Eritrean cities after the strike.",
    ])
    later.event(0, "111", ("India", "IND", "IND", None), SUDAN, trigger="condemned")
    later.event(1, "111", ("India", "IND", "IND", None), SUDAN, trigger="condemned")
    later.event(2, "138", ETHIOPIA, ERITREA, trigger="vowed")
    later.event(3, "195", ETHIOPIA, ERITREA, trigger="fired")

    too_late = Doc(date(2026, 6, 1), ["Kenya condemned the Sudanese strike on Ethiopia."])
    too_late.event(0, "111", ("Kenya", "KEN", "KEN", None), SUDAN, trigger="condemned")
    return [main, later, too_late]


@pytest.fixture
def responses_store(fresh_db: Path) -> Store:
    store = open_store(fresh_db)
    write(store, *corpus())
    return store


def _by_reactor(answer: object) -> dict[str, object]:
    return {r.reactor: r for r in answer.rows}  # type: ignore[attr-defined]


def test_reactions_to_attacks_on_ethiopia(responses_store: Store) -> None:
    answer = responses(responses_store, attack_on="ETH")
    assert answer.victims == ("ETH",) and answer.perpetrators == ("ERI", "SDN")
    assert [a.code for a in answer.attacks] == ["190", "190", "186"]
    rows = {r.reactor: r for r in answer.rows}
    assert set(rows) == {"Brazilian Foreign Ministry", "Luiz Inácio Lula da Silva", "India",
                         "Ethiopia", "DJI"}
    mfa, lula = rows["Brazilian Foreign Ministry"], rows["Luiz Inácio Lula da Silva"]
    assert mfa.stance == ("condemned",) and mfa.named_perpetrator
    assert mfa.describe() == "condemned ERI, SDN"
    # condolences, and the negated "would not name the killers": not named
    assert lula.stance == ("expressed condolences",) and not lula.named_perpetrator
    assert lula.actor_id == "person:luiz-inacio-lula-da-silva" and lula.side == "third party"
    assert [(r.code, r.polarity) for r in lula.reactions] == [("018", "asserted"),
                                                               ("112", "negated")]
    assert "Yet he would not name the killers." in [e.text for e in lula.evidence]
    # a later document referring to the strikes links; the one about tariffs does not
    india = rows["India"]
    assert [e.text for e in india.evidence] == [
        "India condemned the Sudanese strikes on Ethiopia as a violation of sovereignty."]
    assert india.named_perpetrator
    ethiopia = rows["Ethiopia"]
    assert ethiopia.side == "victim" and ethiopia.stance == ("threatened", "retaliated")
    # Ethiopia's ally said nothing: reported as silent, with the tie as evidence
    djibouti = rows["DJI"]
    assert djibouti.stance == ("silent",) and djibouti.evidence[0].supports == "expected"


def test_unrelated_and_other_attacks_are_not_reactions(responses_store: Store) -> None:
    answer = responses(responses_store, attack_on="ETH")
    texts = {e.text for r in answer.rows for e in r.evidence}
    assert "Brasília is negotiating with Asmara." not in texts
    assert ("Lula refrained from any comment on the abduction of the Bolivian president."
            not in texts)
    assert "Kenya condemned the Sudanese strike on Ethiopia." not in texts
    assert "Last year, Brazil praised Ethiopia's response to the raids." not in texts  # before
    assert "Brazil wants to support Ethiopia after the strike." not in texts  # only wished


def test_one_event_and_expected_silence(responses_store: Store) -> None:
    attack = responses(responses_store, attack_on="ETH").attacks[2]
    answer = responses(responses_store, event_id=attack.event_id, expect=["GHA", "IND"])
    assert [a.code for a in answer.attacks] == ["186"]
    # the agentless assassination's perpetrators come from the attacks reported beside it
    assert answer.perpetrators == ("ERI", "SDN")
    rows = {r.reactor: r for r in answer.rows}
    assert rows["GHA"].stance == ("silent",) and rows["GHA"].evidence == ()
    assert "India" in rows and "IND" not in rows


def test_date_range(responses_store: Store) -> None:
    assert responses(responses_store, attack_on="Ethiopia", end=date(2026, 1, 1)).rows == ()
    later = responses(responses_store, attack_on="ETH", start=date(2026, 3, 6))
    assert later.attacks == ()


def test_json(responses_store: Store) -> None:
    data = json.loads(json.dumps(responses(responses_store, attack_on="ETH").to_json()))
    assert set(data) == {"query", "attacks", "victims", "perpetrators", "rows"}
    row = next(r for r in data["rows"] if r["reactor"] == "Luiz Inácio Lula da Silva")
    assert row["named_perpetrator"] is False and row["stance"] == ["expressed condolences"]
    assert row["reactions"][1]["polarity"] == "negated"


@pytest.mark.parametrize("kwargs", [{}, {"event_id": "x", "attack_on": "ETH"},
                                    {"event_id": "nope"}, {"attack_on": "Atlantis"}])
def test_bad_queries(responses_store: Store, kwargs: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        responses(responses_store, **kwargs)  # type: ignore[arg-type]
