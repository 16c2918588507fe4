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

PUTIN = person("vladimir-putin", "Vladimir Putin", "RUS")
MFA = body("rus-mfa", "Russian Foreign Ministry", "RUS")
PEZESHKIAN = person("masoud-pezeshkian", "Masoud Pezeshkian", "IRN")
KHAMENEI = person("ali-khamenei", "Ali Khamenei", "IRN")
US = ("the US", "USA", "USA", None)
ISRAEL = ("Israel", "ISR", "ISR", None)
IRAN = ("Iran", "IRN", "IRN", None)


def corpus() -> list[Doc]:
    main = Doc(date(2026, 3, 5), [
        "The American-Israeli attack on Iran puts Russia in a difficult position.",
        "The Russian Foreign Ministry condemned the actions of the US and Israel.",
        "Putin responded to the assassination of Khamenei in a condolence telegram to "
        "his Iranian counterpart Pezeshkian.",
        "He did not, however, name the assassins.",
        "Moscow is negotiating with Washington.",
        "Putin refrained from commenting on the abduction of the Venezuelan president.",
        "Russia and Iran signed a partnership treaty.",
        "Syria and Iran have long been allies.",
        "Last year, Russia praised Iran's response to the strikes.",
        "Russia wants to support Iran after the attack.",
    ])
    main.mention(1, "The Russian Foreign Ministry", MFA, "body")
    main.mention(2, "Putin", PUTIN).mention(2, "Khamenei", KHAMENEI)
    main.mention(2, "his Iranian counterpart Pezeshkian", PEZESHKIAN, "counterpart")
    main.mention(3, "He", PUTIN, "pronoun").mention(5, "Putin", PUTIN)
    main.event(0, "190", ("American", "USA", "USA", None), IRAN, trigger="attack")
    main.event(0, "190", ("Israeli", "ISR", "ISR", None), IRAN, trigger="attack")
    main.event(1, "111", ("The Russian Foreign Ministry", "RUSGOV", "RUS", "GOV"), US,
               trigger="condemned")
    main.event(1, "111", ("The Russian Foreign Ministry", "RUSGOV", "RUS", "GOV"), ISRAEL,
               trigger="condemned")
    main.event(2, "186", None, ("Khamenei", "IRNGOV", "IRN", "GOV"), trigger="assassination")
    main.event(2, "018", ("Putin", "RUSGOV", "RUS", "GOV"),
               ("his Iranian counterpart Pezeshkian", "IRNGOV", "IRN", "GOV"),
               trigger="condolence")
    main.event(3, "112", ("He", "RUSGOV", "RUS", "GOV"), ("the assassins", None, None, None),
               trigger="name", polarity="negated")
    main.event(4, "046", ("Moscow", "RUSGOV", "RUS", "GOV"), ("Washington", "USAGOV", "USA",
                                                              "GOV"), trigger="negotiating")
    main.event(5, "181", None, ("the Venezuelan president", "VENGOV", "VEN", "GOV"),
               trigger="abduction")
    main.event(5, "010", ("Putin", "RUSGOV", "RUS", "GOV"), None, trigger="commenting",
               polarity="negated")
    main.relation(6, "treaty", ("RUS", "IRN"))
    main.relation(7, "alliance_claim", ("SYR", "IRN"))
    main.event(8, "051", ("Russia", "RUS", "RUS", None), IRAN, trigger="praised",
               when=date(2025, 1, 1), end=date(2025, 12, 31), precision="year")
    main.event(9, "051", ("Russia", "RUS", "RUS", None), IRAN, trigger="support",
               modality="hypothetical")

    later = Doc(date(2026, 3, 8), [
        "China condemned the US strikes on Iran as a violation of sovereignty.",
        "China condemned the US over tariffs.",
        "Iran vowed revenge against Israel.",
        "Iran fired missiles at Israeli cities after the attack.",
    ])
    later.event(0, "111", ("China", "CHN", "CHN", None), US, trigger="condemned")
    later.event(1, "111", ("China", "CHN", "CHN", None), US, trigger="condemned")
    later.event(2, "138", IRAN, ISRAEL, trigger="vowed")
    later.event(3, "195", IRAN, ISRAEL, trigger="fired")

    too_late = Doc(date(2026, 6, 1), ["Brazil condemned the US attack on Iran."])
    too_late.event(0, "111", ("Brazil", "BRA", "BRA", None), US, trigger="condemned")
    return [main, later, too_late]


@pytest.fixture
def responses_store(fresh_db: Path) -> Store:
    store = open_store(fresh_db)
    write(store, *corpus())
    return store


def _by_reactor(answer: object) -> dict[str, object]:
    return {r.reactor: r for r in answer.rows}  # type: ignore[attr-defined]


def test_reactions_to_attacks_on_iran(responses_store: Store) -> None:
    answer = responses(responses_store, attack_on="IRN")
    assert answer.victims == ("IRN",) and answer.perpetrators == ("ISR", "USA")
    assert [a.code for a in answer.attacks] == ["190", "190", "186"]
    rows = {r.reactor: r for r in answer.rows}
    assert set(rows) == {"Russian Foreign Ministry", "Vladimir Putin", "China", "Iran", "SYR"}
    mfa, putin = rows["Russian Foreign Ministry"], rows["Vladimir Putin"]
    assert mfa.stance == ("condemned",) and mfa.named_perpetrator
    assert mfa.describe() == "condemned ISR, USA"
    # condolences, and the negated "did not name the assassins": not named
    assert putin.stance == ("expressed condolences",) and not putin.named_perpetrator
    assert putin.actor_id == "person:vladimir-putin" and putin.side == "third party"
    assert [(r.code, r.polarity) for r in putin.reactions] == [("018", "asserted"),
                                                               ("112", "negated")]
    assert "He did not, however, name the assassins." in [e.text for e in putin.evidence]
    # a later document referring to the strikes links; the one about tariffs does not
    china = rows["China"]
    assert [e.text for e in china.evidence] == [
        "China condemned the US strikes on Iran as a violation of sovereignty."]
    assert china.named_perpetrator
    iran = rows["Iran"]
    assert iran.side == "victim" and iran.stance == ("threatened", "retaliated")
    # Iran's ally said nothing: reported as silent, with the tie as evidence
    syria = rows["SYR"]
    assert syria.stance == ("silent",) and syria.evidence[0].supports == "expected"


def test_unrelated_and_other_attacks_are_not_reactions(responses_store: Store) -> None:
    answer = responses(responses_store, attack_on="IRN")
    texts = {e.text for r in answer.rows for e in r.evidence}
    assert "Moscow is negotiating with Washington." not in texts
    assert ("Putin refrained from commenting on the abduction of the Venezuelan president."
            not in texts)
    assert "Brazil condemned the US attack on Iran." not in texts
    assert "Last year, Russia praised Iran's response to the strikes." not in texts  # before
    assert "Russia wants to support Iran after the attack." not in texts  # only wished


def test_one_event_and_expected_silence(responses_store: Store) -> None:
    attack = responses(responses_store, attack_on="IRN").attacks[2]
    answer = responses(responses_store, event_id=attack.event_id, expect=["BLR", "CHN"])
    assert [a.code for a in answer.attacks] == ["186"]
    # the agentless assassination's perpetrators come from the attacks reported beside it
    assert answer.perpetrators == ("ISR", "USA")
    rows = {r.reactor: r for r in answer.rows}
    assert rows["BLR"].stance == ("silent",) and rows["BLR"].evidence == ()
    assert "China" in rows and "CHN" not in rows


def test_date_range(responses_store: Store) -> None:
    assert responses(responses_store, attack_on="Iran", end=date(2026, 1, 1)).rows == ()
    later = responses(responses_store, attack_on="IRN", start=date(2026, 3, 6))
    assert later.attacks == ()


def test_json(responses_store: Store) -> None:
    data = json.loads(json.dumps(responses(responses_store, attack_on="IRN").to_json()))
    assert set(data) == {"query", "attacks", "victims", "perpetrators", "rows"}
    row = next(r for r in data["rows"] if r["reactor"] == "Vladimir Putin")
    assert row["named_perpetrator"] is False and row["stance"] == ["expressed condolences"]
    assert row["reactions"][1]["polarity"] == "negated"


@pytest.mark.parametrize("kwargs", [{}, {"event_id": "x", "attack_on": "IRN"},
                                    {"event_id": "nope"}, {"attack_on": "Atlantis"}])
def test_bad_queries(responses_store: Store, kwargs: dict[str, str]) -> None:
    with pytest.raises(QueryError):
        responses(responses_store, **kwargs)  # type: ignore[arg-type]
