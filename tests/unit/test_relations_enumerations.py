"""Allies counted in one sentence and listed in the next ("X has lost its third ally ...
First, A ..., then B ..., and now C") tie each listed state to X."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from realpolitik.analysis.allies import allies_lost
from realpolitik.pipeline import Pipeline
from realpolitik.store import Store

ARTICLE = Path(__file__).resolve().parents[1] / "data" / "enumeration" / \
    "2027-02-10-china-allies.txt"


def _alliances(pipeline: Pipeline, text: str, when: date) -> set[tuple[str, ...]]:
    analysis = pipeline.analyse_text(text, when=when)
    return {r.parties for r in analysis.relations
            if r.kind == "alliance_claim" and r.polarity == "asserted"}


@pytest.mark.parametrize(("text", "owner", "listed", "not_listed"), [
    ("Ankara has lost two allies in a year. First, Azerbaijani President Farid Aliyarov was "
     "ousted, then Qatar's emir was overthrown in a palace coup.", "TUR", ["AZE", "QAT"], []),
    ("Paris has lost its second partner in Africa within a year. Firstly, Malian President "
     "Oumar Traore was deposed by the army. Then Chad's president was toppled.", "FRA",
     ["MLI", "TCD"], []),
    ("Cairo has lost three allies since 2024. First, Libyan President Khalid Mansouri was "
     "overthrown, then the Houthi leader was killed by Saudi Arabia, and now Sudanese "
     "President Abdel Fattah al-Burhan has been kidnapped by the Ethiopians.", "EGY",
     ["LBY", "SDN"], ["SAU", "ETH"]),
])
def test_enumerated_states_are_tied_to_the_owner(pipeline: Pipeline, text: str, owner: str,
                                                 listed: list[str],
                                                 not_listed: list[str]) -> None:
    ties = _alliances(pipeline, text, date(2027, 2, 10))
    for state in listed:
        assert tuple(sorted((owner, state))) in ties
    for state in not_listed:
        assert tuple(sorted((owner, state))) not in ties


@pytest.mark.parametrize("text", [
    # no enumeration opens the next sentence
    "Ankara has lost two allies in a year. Azerbaijani President Farid Aliyarov was ousted.",
    # the enumeration is in another paragraph
    "Ankara has lost two allies in a year.\n\nFirst, Azerbaijani President Farid Aliyarov "
    "was ousted.",
    # the sentence counts no allies
    "Ankara has lost two elections in a year. First, Azerbaijani President Farid Aliyarov "
    "was ousted.",
])
def test_no_tie_without_an_enumeration_of_unnamed_allies(pipeline: Pipeline,
                                                         text: str) -> None:
    assert ("AZE", "TUR") not in _alliances(pipeline, text, date(2027, 2, 10))


def test_allies_lost_lists_the_enumerated_states(pipeline: Pipeline, store: Store) -> None:
    text = ARTICLE.read_text(encoding="utf-8")
    body = text.split(" ", 2)[2]
    store.write_batch([pipeline.analyse_text(body, when=date(2027, 2, 10))])
    result = allies_lost(store, "CHN", "15m", date(2027, 2, 10), kb=pipeline.kb)
    assert [r.country for r in result.rows] == ["BOL", "KHM", "PAK"]
    assert all(r.ties and r.ties[0].kind == "alliance_claim" for r in result.rows)


@pytest.mark.parametrize(("text", "members", "not_members"), [
    ("Iran's oil minister Gholamreza Aqazadeh visited Riyadh. Aqazadeh also visited OPEC "
     "members Gabon, Algeria and Libya.", ["GAB", "DZA", "LBY"], ["IRN"]),
    ("The envoy toured NATO members Norway and Denmark.", ["NOR", "DNK"], []),
])
def test_members_named_after_the_noun_hold_the_membership(pipeline: Pipeline, text: str,
                                                          members: list[str],
                                                          not_members: list[str]) -> None:
    analysis = pipeline.analyse_text(text, when=date(1987, 3, 1))
    held = {p for r in analysis.relations if r.kind == "membership" for p in r.parties}
    assert set(members) <= held
    assert not set(not_members) & held
