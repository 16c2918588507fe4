"""Actors as 1987 wire copy names them, pinned by sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.model import Mention
from realpolitik.nlp import NlpStage

DAY = date(1987, 6, 1)


def mentions_naming(nlp_stage: NlpStage, actor_resolver: ActorResolver, text: str,
                    words: str) -> list[Mention]:
    """The mentions of ``text`` (read on DAY) whose words include ``words``."""
    doc = nlp_stage.parse_text(text, when=DAY)
    return [m for m in actor_resolver.resolve_document(doc) if words in m.text]


#: "EC" is how wire copy of the 1980s names the European Community (CAMEO's EEC)
@pytest.mark.parametrize(("text", "mention"), [
    ("EC ministers condemned the new tariffs.", "EC ministers"),
    ("The tariffs are illegal, an EC official said.", "EC"),
    ("The E.C. will answer the Japanese proposal on Monday.", "E.C."),
])
def test_the_ec_is_the_european_community(nlp_stage: NlpStage, actor_resolver: ActorResolver,
                                          text: str, mention: str) -> None:
    found = mentions_naming(nlp_stage, actor_resolver, text, mention)
    assert found and found[0].actor is not None and found[0].actor.code == "EEC", found


def test_a_lower_case_ec_names_nobody(nlp_stage: NlpStage,
                                      actor_resolver: ActorResolver) -> None:
    doc = nlp_stage.parse_text("The ec figures were revised on Monday.", when=DAY)
    assert not [m for m in actor_resolver.resolve_document(doc) if m.actor is not None]


#: a surname after another given name is someone else: the knowledge base's Konstantinos
#: Mitsotakis and George Price are not a John Mitsotakis and the Peter Price of a 1987 story;
#: initials are passed over
@pytest.mark.parametrize(("text", "mention", "code"), [
    ("John Mitsotakis told reporters the plan was dead.", "Mitsotakis", None),
    ("Agriculture Secretary Richard Lyng met the Japanese minister.", "Lyng", "USAGOV"),
    ("British parliamentarian Peter Price told reporters the plan was dead.", "Price", None),
    ("Soviet leader Mikhail S. Gorbachev met the West German chancellor.", "Gorbachev",
     "USRGOV"),
    ("The West German chancellor met Ronald Reagan.", "Reagan", "USAGOV"),
])
def test_a_surname_needs_its_given_name(nlp_stage: NlpStage, actor_resolver: ActorResolver,
                                        text: str, mention: str, code: str | None) -> None:
    found = mentions_naming(nlp_stage, actor_resolver, text, mention)
    got = found[0].actor.code if found and found[0].actor else None
    assert got == code, found


#: one body carried through one-sentence paragraphs by "it" alone: each "it" takes the
#: one before when its antecedent is out of reach
def test_it_carries_one_body_through_paragraphs(nlp_stage: NlpStage,
                                                actor_resolver: ActorResolver) -> None:
    text = ("The Bank of Ghana has paid out arrears from two auctions, a spokesman said.\n\n"
            "\"We have cleared two auctions and have three left,\" the spokesman said.\n\n"
            "The bank had not paid importers since it suspended the auctions in May.\n\n"
            "It has said the auctions stopped because it planned talks with the IMF.")
    doc = nlp_stage.parse_text(text, when=DAY)
    mentions = actor_resolver.resolve_document(doc)
    last = [m for m in mentions if m.text == "It"]
    assert last and last[0].actor is not None and last[0].actor.country == "GHA", mentions


#: "the Reagan administration ... it": the leader's name names the government, which a
#: singular "it" is, and "it" is neither of two conjoined states
def test_it_is_the_leaders_government(nlp_stage: NlpStage,
                                      actor_resolver: ActorResolver) -> None:
    doc = nlp_stage.parse_text("The Reagan administration has warned France and Germany "
                               "that it may retaliate.", when=DAY)
    it = [m for m in actor_resolver.resolve_document(doc) if m.text == "it"]
    assert it and it[0].actor is not None and it[0].actor.country == "USA", it


#: the state before "-backed" backs what follows, which is not the state; a state that leads,
#: owns or flags something stands for it
@pytest.mark.parametrize(("text", "codes"), [
    ("U.S.-backed Contra rebels attacked a Nicaraguan army post.", {"NICMIL"}),
    ("Syrian-backed militiamen shelled the camps.", set()),
    ("Iran - backed gunmen seized the embassy.", set()),
    ("The U.S.-led force patrolled the Gulf.", {"USA"}),
    ("Iranian gunboats attacked a U.S.-flagged tanker.", {"IRN", "USA"}),
])
def test_a_backer_is_not_what_it_backs(nlp_stage: NlpStage, actor_resolver: ActorResolver,
                                       text: str, codes: set[str]) -> None:
    doc = nlp_stage.parse_text(text, when=DAY)
    found = {m.actor.code for m in actor_resolver.resolve_document(doc) if m.actor is not None}
    assert found == codes, found


#: a person the knowledge base holds with a middle initial ("Clayton K. Yeutter", PETRARCH2)
#: is named by the news without it; officials of the late 1980s hold their offices by date
@pytest.mark.parametrize(("text", "mention", "code"), [
    ("Clayton Yeutter met Japanese officials.", "Clayton Yeutter", "USAGOV"),
    ("Paul Volcker said rates would stay.", "Paul Volcker", "USAGOV"),
    ("Finance Minister Onno Ruding flew to Tokyo.", "Onno Ruding", "NLDGOV"),
    ("Gerhard Stoltenberg said the mark was stable.", "Gerhard Stoltenberg", "DEUGOV"),
    ("Michel Camdessus said the IMF would help.", "Michel Camdessus", "IMF"),
])
def test_officials_of_the_period_by_their_names(nlp_stage: NlpStage,
                                                 actor_resolver: ActorResolver, text: str,
                                                 mention: str, code: str) -> None:
    found = mentions_naming(nlp_stage, actor_resolver, text, mention)
    assert found and found[0].actor is not None and found[0].actor.code == code, found


def test_an_office_outside_its_tenure_is_no_longer_held(nlp_stage: NlpStage,
                                                         actor_resolver: ActorResolver) -> None:
    # Funaro left the Brazilian finance ministry on 29 April 1987, before DAY
    found = mentions_naming(nlp_stage, actor_resolver, "Dilson Funaro spoke in Sao Paulo.",
                            "Funaro")
    assert not found or found[0].actor is None or found[0].actor.role != "GOV", found


#: a title naming a state describes the name after it even where the parser splits the
#: title into a conjunct of its own ("between Kuroda and Deputy U.S. Trade Representative
#: Michael Smith"): the text's office wins over a namesake elsewhere in the dictionaries
@pytest.mark.parametrize("text", [
    "Talks were held with Deputy U.S. Trade Representative Michael Smith.",
    "A Japanese team prepared for talks between Kuroda and Deputy U.S. Trade "
    "Representative Michael Smith aimed at averting tariffs.",
])
def test_a_title_describes_the_name_after_it(nlp_stage: NlpStage,
                                             actor_resolver: ActorResolver,
                                             text: str) -> None:
    found = mentions_naming(nlp_stage, actor_resolver, text, "Michael Smith")
    assert found and found[0].actor is not None and found[0].actor.country == "USA", found
