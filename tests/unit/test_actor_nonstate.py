"""Country words that name no state's government: firms and businesses of a country (BUS,
the country kept) and places used as labels (no actor at all)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.model import Mention
from realpolitik.nlp import NlpStage


def _mentions(nlp_stage: NlpStage, resolver: ActorResolver, text: str,
              when: str = "1988-06-01") -> list[Mention]:
    parsed = nlp_stage.parse_text(text, when=date.fromisoformat(when))
    return resolver.resolve_document(parsed)


def _covering(mentions: list[Mention], text: str, word: str) -> Mention | None:
    start = text.index(word)
    end = start + len(word)
    return next((m for m in mentions if m.start_char < end and start < m.end_char), None)


@pytest.mark.parametrize(("text", "word", "country"), [
    ("Korean shipbuilders won three tanker orders from Norway.", "Korean", "KOR"),
    ("Japanese chipmakers agreed to curb exports to Europe.", "Japanese", "JPN"),
    ("Italian carmakers asked Brussels for quotas.", "Italian", "ITA"),
    ("Brazilian banks rejected the rescheduling terms.", "Brazilian", "BRA"),
    ("A Chilean copper mine halted shipments to China.", "Chilean", "CHL"),
    ("A U.S. oil company signed an exploration deal with Angola.", "U.S.", "USA"),
    ("West German chemical firms protested against the levy.", "German", "DEU"),
    ("Canadian steelmakers complained about dumping by Brazil.", "Canadian", "CAN"),
    ("Swedish exporters welcomed the accord with Finland.", "Swedish", "SWE"),
])
def test_country_word_before_a_business_noun_is_that_country_s_business(
        nlp_stage: NlpStage, actor_resolver: ActorResolver, text: str, word: str,
        country: str) -> None:
    found = _covering(_mentions(nlp_stage, actor_resolver, text), text, word)
    assert found is not None and found.actor is not None
    assert (found.actor.country, found.actor.role) == (country, "BUS")


@pytest.mark.parametrize(("text", "firm", "country"), [
    ("British Airways said it would cancel flights to Lagos.", "British Airways", "GBR"),
    ("Japan Airlines cut fares on its routes to Seoul.", "Japan Airlines", "JPN"),
    ("Texaco Canada Inc said it would sell its refinery.", "Canada", "CAN"),
    ("Korea Exchange Bank lent 50 mln dlrs to Poland.", "Korea", "KOR"),
])
def test_named_firm_is_never_the_state(nlp_stage: NlpStage, actor_resolver: ActorResolver,
                                       text: str, firm: str, country: str) -> None:
    found = _covering(_mentions(nlp_stage, actor_resolver, text), text, firm)
    assert found is None or found.actor is None or (
        found.actor.country == country and found.actor.role == "BUS")


@pytest.mark.parametrize("text", [
    "Mobil raised its posted crude prices by 50 cts.",
    "Exxon Corp said it would close the plant.",
    "Chevron Corp denied the report.",
])
def test_company_without_a_country_word_is_no_actor(nlp_stage: NlpStage,
                                                    actor_resolver: ActorResolver,
                                                    text: str) -> None:
    mentions = _mentions(nlp_stage, actor_resolver, text)
    assert all(m.actor is None or m.actor.kind not in ("state", "government")
               for m in mentions)


@pytest.mark.parametrize(("text", "word"), [
    ("Ministers met to revive the Uruguay round of trade talks.", "Uruguay"),
    ("Negotiators said the Doha round was close to collapse.", "Doha"),
    ("The Tokyo summit ended with a statement on terrorism.", "Tokyo"),
    ("Delegates recalled the Helsinki accords on human rights.", "Helsinki"),
    ("A Geneva-based group criticised the trial in Ankara.", "Geneva"),
    ("A London-based agency reported the arrests.", "London"),
    ("France hosted the Paris conference on Lebanon.", "Paris conference"),
    # a state's adjective after a regional word names a region
    ("He opened a Latin American tour in Lima.", "American"),
    ("South American ministers met in Brasilia.", "American ministers"),
    ("Central American delegates walked out.", "American delegates"),
    ("North African states met in Tunis.", "African"),
])
def test_place_used_as_a_label_is_no_actor(nlp_stage: NlpStage, actor_resolver: ActorResolver,
                                           text: str, word: str) -> None:
    found = _covering(_mentions(nlp_stage, actor_resolver, text), text, word)
    assert found is None or found.actor is None


@pytest.mark.parametrize(("text", "word", "code"), [
    ("The Paris Club agreed to reschedule Peru's debt.", "Paris Club", "PRC"),
    ("Japanese policymakers met in Tokyo.", "Tokyo", "JPN"),
    ("Tokyo rejected the American demand.", "Tokyo", "JPNGOV"),
    ("Uruguay rejected the proposal.", "Uruguay", "URY"),
    ("Iranian mines damaged a tanker.", "Iranian", "IRN"),
    ("South African troops crossed the border.", "South African troops", "ZAFMIL"),
    ("North Korean envoys left Seoul.", "North Korean envoys", "PRKGOV"),
    ("East German guards fired on the crowd.", "East German", "DDR"),
])
def test_actors_beside_the_families_are_unchanged(nlp_stage: NlpStage,
                                                  actor_resolver: ActorResolver, text: str,
                                                  word: str, code: str) -> None:
    found = _covering(_mentions(nlp_stage, actor_resolver, text), text, word)
    assert found is not None and found.actor is not None and found.actor.code == code
