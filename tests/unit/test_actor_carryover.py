"""What a first mention says carries over: a person's description ("Brazilian Finance
Minister Ruy Marandola", an invented name) to their surname alone, even when the knowledge
base does not know them; "it" and "they" opening a one-sentence paragraph to the state or
body just before."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.model import Mention
from realpolitik.nlp import NlpStage


def _mentions(nlp_stage: NlpStage, resolver: ActorResolver, text: str,
              when: str) -> list[Mention]:
    parsed = nlp_stage.parse_text(text, when=date.fromisoformat(when))
    return resolver.resolve_document(parsed)


def _last(mentions: list[Mention], text: str) -> Mention:
    found = [m for m in mentions if m.text == text]
    assert found, f"no mention {text!r} in {[m.text for m in mentions]}"
    return found[-1]


@pytest.mark.parametrize(("text", "when", "surname", "code"), [
    ("Brazilian Finance Minister Ruy Marandola arrived in Washington. Marandola said his "
     "country would not pay.", "1987-02-25", "Marandola", "BRAGOV"),
    ("Chile's Economy Minister Alejandro Foxley met bankers in London. Later Foxley said "
     "talks had gone well.", "1990-05-03", "Foxley", "CHLGOV"),
    ("Thai Foreign Minister Somchai Prasert flew to Hanoi.\n\nPrasert told reporters the "
     "border was calm.", "1988-11-02", "Prasert", "THAGOV"),
    ("U.S. Treasury Secretary James Baker met Japanese officials. Baker said the dollar had "
     "fallen enough.", "1987-02-20", "Baker", "USAGOV"),
    ("Nigerian Army Commander Musa Bello inspected the troops. Bello said the rebels had "
     "fled.", "1995-07-01", "Bello", "NGAMIL"),
    # the full name again is the person described, not another of the name's tenures
    ("Deputy U.S. Trade Representative Michael Smith met Kuroda. Michael Smith said the "
     "talks were useful.", "1987-04-08", "Michael Smith", "USAGOV"),
])
def test_surname_carries_the_first_description(nlp_stage: NlpStage,
                                               actor_resolver: ActorResolver, text: str,
                                               when: str, surname: str, code: str) -> None:
    found = _last(_mentions(nlp_stage, actor_resolver, text, when), surname)
    assert found.actor is not None and found.actor.code == code


@pytest.mark.parametrize(("text", "when", "name"), [
    # no office in the description: a businessman is no official
    ("A Brazilian businessman, Joao Silva, criticised the plan. Silva left.", "1987-02-25",
     "Silva"),
    # no country in the description: whose minister is not said
    ("Finance Minister Ruy Marandola arrived. Marandola said no.", "1987-02-25", "Marandola"),
])
def test_surname_stays_unknown_without_country_and_office(nlp_stage: NlpStage,
                                                          actor_resolver: ActorResolver,
                                                          text: str, when: str,
                                                          name: str) -> None:
    mentions = _mentions(nlp_stage, actor_resolver, text, when)
    assert all(m.actor is None or m.actor.kind == "state" for m in mentions
               if m.text == name)


@pytest.mark.parametrize(("text", "pronoun", "code"), [
    ("Brazil suspended interest payments on its debt.\n\nIt said the moratorium would last "
     "until a deal.", "It", "BRA"),
    ("Japanese officials met the American delegation.\n\nThey said talks would resume in "
     "May.", "They", "JPNGOV"),
    ("The Soviet Union expelled two diplomats.\n\nIt said they had been spying.", "It", "USR"),
    ("Argentina recalled its ambassador from London.\n\nIt said the decision was final.", "It",
     "ARG"),
    # a demonym on a plural noun is a plural group
    ("Australian unions called a strike.\n\nThey said it would last a week.", "They", "AUS"),
])
def test_pronoun_opening_a_paragraph_looks_back(nlp_stage: NlpStage,
                                                actor_resolver: ActorResolver, text: str,
                                                pronoun: str, code: str) -> None:
    found = _last(_mentions(nlp_stage, actor_resolver, text, "1987-03-01"), pronoun)
    assert found.actor is not None and found.actor.code == code


@pytest.mark.parametrize(("text", "code"), [
    ("Bolivian President Tomas Ferrer was toppled by the army.", "BOLMIL"),
    ("Malian President Oumar Traore was detained by the army.", "MLIMIL"),
    ("Beijing watched closely. Thai Prime Minister Somchai Prasert was ousted by the army.",
     "THAMIL"),
])
def test_bare_body_is_the_state_of_the_person_in_its_sentence(
        nlp_stage: NlpStage, actor_resolver: ActorResolver, text: str, code: str) -> None:
    found = _last(_mentions(nlp_stage, actor_resolver, text, "2027-02-10"), "the army")
    assert found.actor is not None and found.actor.code == code
