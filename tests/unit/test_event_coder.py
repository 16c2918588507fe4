"""The event coder on short sentences written for these tests: negation, modality,
participants, and the evidence every event carries.

Events are compared as (code, source country, target country, polarity, modality) keys; a
two-digit code in an expected key stands for the CAMEO root, so a case can pin the exact
code where CAMEO leaves no doubt and only the root where it allows several.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from typing import Any

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.events import EventCoder
from realpolitik.model import Event, ParsedDoc
from realpolitik.nlp import NlpStage

#: every sentence is read on this date (it decides who holds which office)
DAY = date(2024, 6, 1)

Key = tuple[str, str | None, str | None, str, str]
Coded = tuple[ParsedDoc, list[Event]]
CodeText = Callable[[str], Coded]


@pytest.fixture(scope="module")
def coder(config: Config) -> EventCoder:
    return EventCoder(config)


@pytest.fixture(scope="module")
def resolver(actor_resolver: ActorResolver) -> ActorResolver:
    return actor_resolver


@pytest.fixture(scope="module")
def code_text(nlp_stage: NlpStage, resolver: ActorResolver, coder: EventCoder) -> CodeText:
    """Parse, resolve and code a text once per module, however many tests ask for it."""
    cache: dict[str, Coded] = {}

    def run(text: str) -> Coded:
        if text not in cache:
            doc = nlp_stage.parse_text(text, when=DAY)
            cache[text] = (doc, coder.code(doc, resolver.resolve_document(doc)))
        return cache[text]

    return run


def _country(participant: object) -> str | None:
    return getattr(participant, "country", None)


def exact_keys(events: list[Event]) -> set[Key]:
    return {(e.code, _country(e.source), _country(e.target), e.polarity, e.modality)
            for e in events}


def keys(events: list[Event]) -> set[Key]:
    """Each event keyed by its code and by its root, so expectations may name either."""
    return exact_keys(events) | {
        (e.root, _country(e.source), _country(e.target), e.polarity, e.modality)
        for e in events}


def shown(events: list[Event]) -> str:
    return "\n".join(
        f"  {e.code} {e.trigger!r} {_country(e.source)}->{_country(e.target)} "
        f"{e.polarity} {e.modality}" for e in events) or "  (no events)"


def params(cases: Sequence[tuple[Any, ...]], known_bugs: dict[str, str] | None = None
           ) -> list[Any]:
    """Cases as pytest params named by their text; a text in ``known_bugs`` is a strict
    xfail with that reason: a CAMEO-correct expectation the coder does not meet yet."""
    bugs = known_bugs or {}
    return [pytest.param(*case, id=str(case[0]), marks=[
        pytest.mark.xfail(strict=True, reason=bugs[case[0]])] if case[0] in bugs else [])
        for case in cases]


def assert_has(events: list[Event], *expected: Key) -> None:
    found = keys(events)
    missing = [k for k in expected if k not in found]
    assert not missing, f"missing {missing}; the coder gave:\n{shown(events)}"


# -- polarity ---------------------------------------------------------------------------------

#: every form of negation the coder reads, with the event it must report as not having happened
NEGATED: list[tuple[str, Key]] = [
    ("Egypt has not sent troops to Libya.", ("15", "EGY", "LBY", "negated", "actual")),
    ("France did not condemn Algeria.", ("111", "FRA", "DZA", "negated", "actual")),
    ("Turkey did not attack Greece.", ("190", "TUR", "GRC", "negated", "actual")),
    ("Germany refrained from criticising Turkey.", ("111", "DEU", "TUR", "negated", "actual")),
    ("Russia no longer supplies gas to Moldova.", ("061", "RUS", "MDA", "negated", "actual")),
    ("Germany no longer buys gas from Russia.", ("061", "DEU", "RUS", "negated", "actual")),
    ("Spain never recognised Kosovo.", ("054", "ESP", "KSV", "negated", "actual")),
    ("Spain has never recognised Kosovo.", ("054", "ESP", "KSV", "negated", "actual")),
    ("Japan declined to condemn China.", ("111", "JPN", "CHN", "negated", "actual")),
    ("Serbia left the talks without signing the agreement with Kosovo.",
     ("057", "SRB", "KSV", "negated", "actual")),
    ("Israel struck Lebanon without consulting the United States.",
     ("040", "ISR", "USA", "negated", "actual")),
    # a denial negates what it denies, and what is denied is only reported
    ("Pakistan denied that it supplied drones to Azerbaijan.",
     ("072", "PAK", "AZE", "negated", "reported")),
    ("Poland has yet to recognise Kosovo.", ("054", "POL", "KSV", "negated", "actual")),
    ("Neither Spain nor Greece recognised Kosovo.", ("054", "ESP", "KSV", "negated", "actual")),
    ("Egypt sent no troops to Libya.", ("15", "EGY", "LBY", "negated", "actual")),
    ("Officials said no Chadian troops had been sent to Sudan.",
     ("15", "TCD", "SDN", "negated", "reported")),
    # a refusal CAMEO has no code for is the refused act, negated
    ("India refused to condemn Russia.", ("111", "IND", "RUS", "negated", "actual")),
]

#: the same events plainly asserted
ASSERTED: list[tuple[str, Key]] = [
    ("Egypt sent troops to Libya.", ("15", "EGY", "LBY", "asserted", "actual")),
    ("France condemned Algeria.", ("111", "FRA", "DZA", "asserted", "actual")),
    ("Turkey attacked Greece.", ("190", "TUR", "GRC", "asserted", "actual")),
    ("Germany criticised Turkey.", ("111", "DEU", "TUR", "asserted", "actual")),
    ("Russia supplies gas to Moldova.", ("061", "RUS", "MDA", "asserted", "actual")),
    ("Germany buys gas from Russia.", ("061", "DEU", "RUS", "asserted", "actual")),
    ("Spain recognised Kosovo.", ("054", "ESP", "KSV", "asserted", "actual")),
    ("Serbia signed the agreement with Kosovo.", ("057", "SRB", "KSV", "asserted", "actual")),
    ("Israel struck Lebanon after consulting the United States.",
     ("040", "ISR", "USA", "asserted", "actual")),
    ("Pakistan supplied drones to Azerbaijan.", ("072", "PAK", "AZE", "asserted", "actual")),
]


@pytest.mark.parametrize(("text", "expected"), params(NEGATED))
def test_negation_forms(code_text: CodeText, text: str, expected: Key) -> None:
    _, events = code_text(text)
    assert_has(events, expected)


@pytest.mark.parametrize(("text", "expected"), params(ASSERTED))
def test_plain_assertion(code_text: CodeText, text: str, expected: Key) -> None:
    _, events = code_text(text)
    assert_has(events, expected)
    assert all(e.polarity == "asserted" for e in events), shown(events)


@pytest.mark.parametrize(("text", "code"), [
    ("Israeli jets struck Hezbollah positions in southern Lebanon.", "195"),
    ("Russia attacked Odesa with missiles.", "194"),
    ("Russia attacked Odesa.", "190"),
])
def test_the_weapon_names_the_kind_of_force(code_text: CodeText, text: str, code: str) -> None:
    _, events = code_text(text)
    assert [e.code for e in events if e.root == "19"] == [code], shown(events)


@pytest.mark.parametrize("text", [
    "Negotiations on a new trade agreement between Chile and Peru stalled.",
    "Trade between Chile and Peru doubled last year.",
    "Under their 1953 defence treaty, the United States must defend South Korea.",
    "The 2015 nuclear deal between Iran and Germany collapsed.",
])
def test_background_nouns_are_no_news(code_text: CodeText, text: str) -> None:
    _, events = code_text(text)
    assert not [e for e in events if e.code in ("057", "061")], shown(events)


@pytest.mark.parametrize(("text", "roots"), [
    ("Chile said Peru was violating the bilateral fishing agreement.", ("02", "05")),
    ("Officials said Ghana and Togo were abiding by the Lome accord.", ("02", "05")),
    ("Norway opposed the Danish proposal for a quota.", ("02", "05")),
    ("Kenya took exception to Ugandan proposals to cut tariffs.", ("02", "05")),
])
def test_a_named_document_or_proposal_is_no_signing(code_text: CodeText, text: str,
                                                      roots: tuple[str, ...]) -> None:
    _, events = code_text(text)
    assert not [e for e in events if e.root in roots], shown(events)


@pytest.mark.parametrize("text", [
    "Chile and Peru signed a fishing agreement.",
    "An accord between Ghana and Togo was concluded on Friday.",
    "Norway announced that the treaty with Denmark signed last year had lapsed.",
    "Ghana honoured a July agreement with Togo on fishing.",
    "A proposed treaty between Peru and Chile would cut tariffs.",
])
def test_a_document_made_or_dated_in_the_text_is_a_signing(code_text: CodeText,
                                                            text: str) -> None:
    _, events = code_text(text)
    assert [e for e in events if e.code == "057"], shown(events)


@pytest.mark.parametrize(("text", "root"), [
    ("The European Community approved a tax on soybean imports. "
     "Washington said it would retaliate against the Community.", "16"),
    ("Iraqi troops shelled Iranian positions near Basra. "
     "Iran said it would retaliate against Iraq.", "19"),
])
def test_retaliation_is_read_in_its_story(code_text: CodeText, text: str, root: str) -> None:
    _, events = code_text(text)
    # the threat itself is 13x either way; the act threatened is the sanction or the force
    acts = {e.root for e in events if e.trigger == "retaliate"} - {"13"}
    assert acts == {root}, shown(events)


@pytest.mark.parametrize(("text", "roots"), [
    ("Shells from an exchange of fire between Iran and Iraq fell on Kuwait.", {"19"}),
    ("Iran and Iraq agreed to an exchange of prisoners.", {"08"}),
])
def test_an_exchange_is_read_by_what_is_exchanged(code_text: CodeText, text: str,
                                                  roots: set[str]) -> None:
    _, events = code_text(text)
    assert {e.root for e in events} == roots, shown(events)


@pytest.mark.parametrize(("text", "pairs"), [
    ("The finance ministers of Britain, France and Japan met in Paris.",
     {("GBR", "FRA"), ("GBR", "JPN"), ("FRA", "JPN")}),
    ("Officials of Chile and Peru held talks in Lima.", {("CHL", "PER")}),
    ("Delegates from Ghana and Togo met in Accra.", {("GHA", "TGO")}),
])
def test_an_office_owned_by_several_states_is_each_of_theirs(code_text: CodeText, text: str,
                                                            pairs: set[tuple[str, str]]
                                                            ) -> None:
    _, events = code_text(text)
    met = {(_country(e.source), _country(e.target)) for e in events if e.root == "04"}
    assert met == pairs | {(b, a) for a, b in pairs}, shown(events)


@pytest.mark.parametrize("text", [
    "Russia withdrew its forces from Ukraine.",
    "Moscow recalled its ambassador from Kyiv.",
])
def test_from_after_a_verb_names_no_owner(code_text: CodeText, text: str) -> None:
    _, events = code_text(text)
    # the forces and the ambassador are Russia's, whatever they leave
    assert all(_country(e.source) == "RUS" for e in events), shown(events)
    assert events, shown(events)


@pytest.mark.parametrize(("text", "code"), [
    ("Japan broke the 1986 agreement with the United States.", "128"),
    ("Washington said Tokyo had violated the semiconductor pact.", "128"),
    ("The alleged Japanese breach of the agreement angered Washington.", "128"),
    ("Israel and Hamas violated the ceasefire agreement.", "196"),
    ("Iran broke off talks with Iraq.", "164"),
    ("Japan and the United States committed themselves to stabilising the dollar.", "030"),
])
def test_defying_an_agreement_is_not_ending_it(code_text: CodeText, text: str,
                                               code: str) -> None:
    _, events = code_text(text)
    assert code in {e.code for e in events}, shown(events)


@pytest.mark.parametrize(("text", "expected"), [
    ("Germany proposed a tax on vegetable oils. Britain opposes the tax.",
     ("120", "GBR", "DEU", "asserted", "actual")),
    ("The German proposed tax on oils angered Washington. Denmark will vote against the tax.",
     ("120", "DNK", "DEU", "asserted", "future")),
    ("Washington imposed tariffs on Japanese chips. Tokyo criticised the tariffs.",
     ("111", "JPN", "USA", "asserted", "actual")),
    ("France is opposed to the German proposal.", ("120", "FRA", "DEU", "asserted", "actual")),
    ("Japan opposed the United States.", ("110", "JPN", "USA", "asserted", "actual")),
])
def test_opposing_a_measure_rejects_it_and_aims_at_its_owner(code_text: CodeText, text: str,
                                                            expected: Key) -> None:
    _, events = code_text(text)
    assert_has(events, expected)


@pytest.mark.parametrize("text", [
    "President Reagan imposed sanctions on Japan. Reagan defended the sanctions.",
    "Washington announced tariffs on Japanese chips. Washington defended the tariffs.",
])
def test_a_measure_is_not_aimed_at_its_own_maker(code_text: CodeText, text: str) -> None:
    _, events = code_text(text)
    assert not [e for e in events if _country(e.source) == _country(e.target)], shown(events)


@pytest.mark.parametrize(("text", "expected"), [
    ("Prime Minister Nakasone might have to step down before the summit.",
     ("0831", "JPN", "JPN", "asserted", "hypothetical")),
    ("Italy's prime minister resigned on Monday.", ("0831", "ITA", "ITA", "asserted", "actual")),
])
def test_yielding_office_is_done_to_ones_own_state(code_text: CodeText, text: str,
                                                  expected: Key) -> None:
    _, events = code_text(text)
    assert_has(events, expected)


@pytest.mark.parametrize(("text", "trigger"), [
    ("Brazil's finance minister flew to Japan for talks. Brazil halted payment of interest "
     "on its debt owed to foreign commercial banks.", "halted"),
    ("Brazil's finance minister flew to Japan for talks. Brazil resumed talks with its "
     "creditor banks.", "resumed"),
])
def test_a_side_given_to_banks_is_not_filled_from_the_story(code_text: CodeText, text: str,
                                                            trigger: str) -> None:
    _, events = code_text(text)
    acts = [e for e in events if e.trigger == trigger]
    # the story's pair is Brazil and Japan, but the banks are who the act is aimed at: the
    # banks' side stays empty (a reciprocal act with them is coded both ways, Brazil and none)
    assert acts and all(None in (e.source, e.target) for e in acts), shown(events)


@pytest.mark.parametrize("text", [
    "Moscow stayed neutral in the war between Iran and Iraq.",
    "Fighting between Iranian and Iraqi troops continued near Basra.",
    "The Iran-Iraq war entered its seventh year.",
])
def test_an_act_between_two_parties_goes_both_ways(code_text: CodeText, text: str) -> None:
    _, events = code_text(text)
    fights = {(_country(e.source), _country(e.target)) for e in events if e.root == "19"}
    assert fights == {("IRN", "IRQ"), ("IRQ", "IRN")}, shown(events)


@pytest.mark.parametrize(("text", "kept"), [
    ("Mitsotakis was speaking to reporters in Athens.", None),
    ("The Polish minister spoke with West German journalists on Monday.", None),
    ("The Polish minister spoke with the West German chancellor on Monday.",
     ("040", "POL", "DEU", "asserted", "actual")),
])
def test_speaking_to_the_press_is_no_meeting(code_text: CodeText, text: str,
                                             kept: Key | None) -> None:
    _, events = code_text(text)
    if kept is None:
        assert not [e for e in events if e.root == "04"], shown(events)
    else:
        assert_has(events, kept)


@pytest.mark.parametrize(("text", "expected"), [
    ("Russia called the American sanctions illegal.", ("111", "RUS", "USA", "asserted", "actual")),
    ("Beijing described the Japanese move as a dangerous provocation.",
     ("111", "CHN", "JPN", "asserted", "actual")),
    ("Turkey said Syria was responsible for the attack.",
     ("112", "TUR", "SYR", "asserted", "actual")),
    ("Spain said Russia had crossed an unacceptable line.",
     ("111", "ESP", "RUS", "asserted", "actual")),
])
def test_condemning_labels_and_blame(code_text: CodeText, text: str, expected: Key) -> None:
    _, events = code_text(text)
    assert_has(events, expected)


def test_both_sides_are_the_last_two_parties_named(code_text: CodeText) -> None:
    _, events = code_text("Egypt and Sudan resumed talks in Cairo. Both sides signed an "
                          "agreement on the Nile waters.")
    assert_has(events, ("057", "EGY", "SDN", "asserted", "actual"),
               ("057", "SDN", "EGY", "asserted", "actual"))


@pytest.mark.parametrize(("text", "expected"), [
    # an infinitive clause under an appeal is the demanded act of the one called on
    ("Ankara called on Washington to extradite the cleric.",
     ("063", "USA", "TUR", "asserted", "demanded")),
    # what others are expected to do has not happened yet
    ("Diplomats expect Beijing to resist new sanctions.",
     ("12", "CHN", None, "asserted", "future")),
])
def test_infinitive_and_expected_clauses(code_text: CodeText, text: str, expected: Key) -> None:
    _, events = code_text(text)
    assert_has(events, expected)


@pytest.mark.parametrize(("text", "code"), [
    ("Canada approved $500 million in military aid to Ukraine.", "072"),
    ("Japan provided $20 million in humanitarian aid to Syria.", "073"),
    ("China lent $5 billion to Pakistan.", "071"),
])
def test_what_an_amount_counts_decides_the_aid(code_text: CodeText, text: str,
                                               code: str) -> None:
    _, events = code_text(text)
    assert [e.code for e in events] == [code], shown(events)


def test_second_act_after_a_statement_keeps_the_speaker(code_text: CodeText) -> None:
    _, events = code_text("Japan said the drills were unacceptable and lodged a protest "
                          "with Beijing.")
    assert_has(events, ("114", "JPN", "CHN", "asserted", "actual"))


def test_both_sides_are_the_pair_named_together(code_text: CodeText) -> None:
    _, events = code_text("Armenian and Azerbaijani envoys met in talks hosted by Russia. "
                          "Both sides signed an agreement on prisoners.")
    signed = [e for e in events if e.code == "057"]
    assert {(_country(e.source), _country(e.target)) for e in signed} == {
        ("ARM", "AZE"), ("AZE", "ARM")}, shown(events)


def test_the_object_of_a_negated_reaction_still_happened(code_text: CodeText) -> None:
    """"did not condemn the Saudi strike": the strike took place all the same."""
    _, events = code_text("France did not condemn the Saudi strike on Yemen.")
    assert_has(events, ("111", "FRA", "SAU", "negated", "actual"),
               ("190", "SAU", "YEM", "asserted", "actual"))


def test_rejected_claims_are_only_reported(code_text: CodeText) -> None:
    _, events = code_text("The Kremlin rejected claims that Russian forces had shelled Kharkiv.")
    shelling = [e for e in events if e.root == "19"]
    assert shelling and all(e.modality == "reported" for e in shelling), shown(events)


def test_what_one_says_another_will_not_do_is_no_refusal_by_the_other(
        code_text: CodeText) -> None:
    _, events = code_text("Moscow insisted that no Turkish peacekeepers would be sent to Armenia.")
    assert not [e for e in events if e.root == "12" and _country(e.source) == "TUR"], \
        shown(events)
    sent = [e for e in events if _country(e.source) == "TUR"]
    assert sent and all(e.polarity == "negated" for e in sent), shown(events)


def test_declining_an_act_is_a_refusal(code_text: CodeText) -> None:
    """"declined to send troops": CAMEO codes the refusal (12), which did happen; the
    sending did not."""
    _, events = code_text("Japan declined to send troops to Ukraine.")
    assert_has(events, ("12", "JPN", "UKR", "asserted", "actual"))


#: sentences whose event did not (or not yet) happen, with the roots of that event
NOT_HAPPENED: list[tuple[str, tuple[str, ...]]] = [
    *[(text, (key[0][:2],)) for text, key in NEGATED],
    ("Iraq was to surrender its missiles to the inspectors.", ("08",)),
    ("China blocked a statement condemning the Japanese government.", ("11",)),
    ("Iran would sign the agreement with France if Europe kept buying its oil.", ("05",)),
    ("Japan declined to send troops to Ukraine.", ("07", "15")),
    ("India could impose sanctions on Pakistan.", ("16",)),
    ("Russia might attack Moldova.", ("19",)),
    ("Israel will attack Iran.", ("19",)),
    ("North Korea would strike Japan if attacked.", ("19",)),
    ("Iran would retaliate if attacked by Israel.", ("19",)),
    ("Iran said it would retaliate if Israel attacked it.", ("19",)),
    ("China threatened to impose sanctions on Lithuania.", ("16",)),
    ("Iran threatened to attack Israel.", ("19",)),
    ("France will not sign the agreement with Italy.", ("05",)),
]


@pytest.mark.parametrize(("text", "roots"), params(NOT_HAPPENED))
def test_negated_or_hypothetical_never_comes_out_as_fact(
        code_text: CodeText, text: str, roots: tuple[str, ...]) -> None:
    _, events = code_text(text)
    facts = [e for e in events if e.root in roots
             and e.polarity == "asserted" and e.modality == "actual"]
    assert not facts, f"reported as a fact:\n{shown(facts)}"


# -- modality ---------------------------------------------------------------------------------

MODALITY: list[tuple[str, tuple[Key, ...]]] = [
    # a future cooperative act is coded by CAMEO as the intent (03x), which is a fact now
    ("The Japanese prime minister will visit India next week.",
     (("036", "JPN", "IND", "asserted", "actual"),)),
    ("Turkey plans to visit Armenia.", (("036", "TUR", "ARM", "asserted", "actual"),)),
    # ... and a refused one ("will not sign") the rejection (12x)
    ("France will not sign the agreement with Italy.",
     (("12", "FRA", "ITA", "asserted", "actual"),)),
    # a future hostile act stays the act, in the future
    ("Israel will attack Iran.", (("190", "ISR", "IRN", "asserted", "future"),)),
    # modal auxiliaries make the act hypothetical
    ("India could impose sanctions on Pakistan.",
     (("163", "IND", "PAK", "asserted", "hypothetical"),)),
    ("Russia might attack Moldova.", (("190", "RUS", "MDA", "asserted", "hypothetical"),)),
    # the consequent of a condition is hypothetical, and saying it is a threat (138x)
    ("North Korea would strike Japan if attacked.",
     (("190", "PRK", "JPN", "asserted", "hypothetical"),
      ("1384", "PRK", "JPN", "asserted", "actual"))),
    # a threat is coded by what is threatened; the threatened act itself is hypothetical
    ("China threatened to impose sanctions on Lithuania.",
     (("1312", "CHN", "LTU", "asserted", "actual"),
      ("163", "CHN", "LTU", "asserted", "hypothetical"))),
    ("Iran threatened to attack Israel.",
     (("13", "IRN", "ISR", "asserted", "actual"),
      ("190", "IRN", "ISR", "asserted", "hypothetical"))),
    # an appeal by the caller, and the appealed-for act demanded of the one called on
    ("The United States called on Russia to withdraw its forces from Ukraine.",
     (("0256", "USA", "RUS", "asserted", "actual"),
      ("0874", "RUS", "UKR", "asserted", "demanded"))),
    ("France urged Serbia to withdraw its troops from Kosovo.",
     (("0256", "FRA", "SRB", "asserted", "actual"),
      ("0874", "SRB", "KSV", "asserted", "demanded"))),
    # an accusation is a fact; what it accuses of is only reported
    ("Ukraine accused Russia of shelling Kharkiv.",
     (("112", "UKR", "RUS", "asserted", "actual"),
      ("194", "RUS", "UKR", "asserted", "reported"))),
    ("China will provide humanitarian aid to Pakistan.",
     (("0333", "CHN", "PAK", "asserted", "actual"),)),
]
@pytest.mark.parametrize(("text", "expected"), params(MODALITY))
def test_modality(code_text: CodeText, text: str, expected: tuple[Key, ...]) -> None:
    _, events = code_text(text)
    assert_has(events, *expected)


def test_future_visit_is_no_meeting_yet(code_text: CodeText) -> None:
    _, events = code_text("The Japanese prime minister will visit India next week.")
    meetings = [e for e in events if e.root == "04"]
    assert all(e.modality != "actual" or e.polarity != "asserted" for e in meetings), \
        shown(meetings)


def test_demanded_act_is_done_by_the_one_called_on(code_text: CodeText) -> None:
    _, events = code_text("The United States called on Russia to withdraw its forces from Ukraine.")
    demanded = [e for e in events if e.modality == "demanded"]
    assert demanded, shown(events)
    assert {_country(e.source) for e in demanded} == {"RUS"}, shown(demanded)
    assert all(e.code.startswith("02") for e in events if e.modality == "actual"), shown(events)


def test_demand_that_someone_acts(code_text: CodeText) -> None:
    """"demanded that Belarus release ...": a demand on Belarus, and the release demanded
    of Belarus (for whom is a convention, so only its source is pinned)."""
    _, events = code_text("Germany demanded that Belarus release the political prisoners.")
    assert_has(events, ("1053", "DEU", "BLR", "asserted", "actual"))
    demanded = [e for e in events if e.modality == "demanded"]
    assert {(e.code, _country(e.source), e.polarity) for e in demanded} == {
        ("0841", "BLR", "asserted")}, shown(events)


def test_conditional_retaliation_is_a_threat(code_text: CodeText) -> None:
    _, events = code_text("Iran would retaliate if attacked by Israel.")
    threats = [e for e in events if e.root == "13" and _country(e.source) == "IRN"
               and e.polarity == "asserted" and e.modality == "actual"]
    assert threats, shown(events)


def test_conditional_passive_keeps_its_agent(code_text: CodeText) -> None:
    _, events = code_text("Iran would retaliate if attacked by Israel.")
    assert_has(events, ("190", "ISR", "IRN", "asserted", "hypothetical"))
    assert not [e for e in events if e.trigger == "attacked" and _country(e.source) == "IRN"], \
        shown(events)


def test_conditional_agentless_passive_has_no_source(code_text: CodeText) -> None:
    """"would strike Japan if attacked": whoever attacks is unknown, North Korea is the one
    attacked (the coder may leave the unattributed condition out)."""
    _, events = code_text("North Korea would strike Japan if attacked.")
    attacked = [e for e in events if e.trigger == "attacked"]
    assert exact_keys(attacked) <= {("190", None, "PRK", "asserted", "hypothetical")}, \
        shown(attacked)


# -- participants -----------------------------------------------------------------------------

PARTICIPANTS: list[tuple[str, tuple[Key, ...]]] = [
    # passive with an agent: the agent acts on the subject
    ("Armenia was attacked by Azerbaijan.", (("190", "AZE", "ARM", "asserted", "actual"),)),
    ("Kyiv was shelled by Russian forces.", (("194", "RUS", "UKR", "asserted", "actual"),)),
    # the possessor of an event noun is its agent, its patient when "by" names the agent
    ("Egypt's strike on Libya was condemned by Turkey.",
     (("190", "EGY", "LBY", "asserted", "actual"),
      ("111", "TUR", "EGY", "asserted", "actual"))),
    ("Japan condemned Russia's invasion of Ukraine.",
     (("192", "RUS", "UKR", "asserted", "actual"),
      ("111", "JPN", "RUS", "asserted", "actual"))),
    ("Ukraine's invasion by Russia began in 2022.",
     (("192", "RUS", "UKR", "asserted", "actual"),)),
    # adjectival actors: each is a source
    ("The Saudi-Emirati strike on Yemen began at dawn.",
     (("190", "SAU", "YEM", "asserted", "actual"),
      ("190", "ARE", "YEM", "asserted", "actual"))),
    ("The Saudi and Emirati strikes on Yemen began at dawn.",
     (("190", "SAU", "YEM", "asserted", "actual"),
      ("190", "ARE", "YEM", "asserted", "actual"))),
    ("Turkey condemned the Saudi-Emirati strike on Yemen.",
     (("190", "SAU", "YEM", "asserted", "actual"),
      ("190", "ARE", "YEM", "asserted", "actual"),
      ("111", "TUR", "SAU", "asserted", "actual"),
      ("111", "TUR", "ARE", "asserted", "actual"))),
    # ... also when the strike is the subject of what it did
    ("The Saudi-Emirati strike on Yemen killed dozens.",
     (("19", "SAU", "YEM", "asserted", "actual"),
      ("19", "ARE", "YEM", "asserted", "actual"))),
    ("The Saudi and Emirati strikes on Yemen killed dozens.",
     (("19", "SAU", "YEM", "asserted", "actual"),
      ("19", "ARE", "YEM", "asserted", "actual"))),
    # "between A and B": each acts on the other
    ("Talks between India and Pakistan resumed.",
     (("046", "IND", "PAK", "asserted", "actual"),
      ("046", "PAK", "IND", "asserted", "actual"))),
    ("Tensions rose after clashes between India and Pakistan.",
     (("190", "IND", "PAK", "asserted", "actual"),
      ("190", "PAK", "IND", "asserted", "actual"))),
    ("Egypt's condemnation of Ethiopia was swift.",
     (("111", "EGY", "ETH", "asserted", "actual"),)),
    # a possessive pronoun is the owner of its event noun ...
    ("Egypt said its strike on Libya was a success.",
     (("190", "EGY", "LBY", "asserted", "actual"),)),
    ("Egypt said its forces attacked Libya.",  # a party telling its own act
     (("190", "EGY", "LBY", "asserted", "actual"),)),
    # ... but what the actor does to its own things is not aimed at itself
    ("Japan cut its tariffs on American rice.",
     (("085", "JPN", "USA", "asserted", "actual"),)),
]


@pytest.mark.parametrize(("text", "expected"), params(PARTICIPANTS))
def test_participants(code_text: CodeText, text: str, expected: tuple[Key, ...]) -> None:
    _, events = code_text(text)
    assert_has(events, *expected)


#: texts whose events are known exactly: conjuncts expand to one event per pair, mutual
#: acts go both ways, an agentless passive keeps no source
EXACT: list[tuple[str, set[Key]]] = [
    ("Sudan's president was overthrown.", {("180", None, "SDN", "asserted", "actual")}),
    ("France and Germany condemned Russia.",
     {("111", "FRA", "RUS", "asserted", "actual"), ("111", "DEU", "RUS", "asserted", "actual")}),
    ("France, Germany and Italy condemned Russia.",
     {("111", "FRA", "RUS", "asserted", "actual"), ("111", "DEU", "RUS", "asserted", "actual"),
      ("111", "ITA", "RUS", "asserted", "actual")}),
    ("France and Germany condemned Russia and Belarus.",
     {("111", "FRA", "RUS", "asserted", "actual"), ("111", "DEU", "RUS", "asserted", "actual"),
      ("111", "FRA", "BLR", "asserted", "actual"), ("111", "DEU", "BLR", "asserted", "actual")}),
    ("The United States and Britain attacked Yemen.",
     {("190", "USA", "YEM", "asserted", "actual"), ("190", "GBR", "YEM", "asserted", "actual")}),
    ("China and Russia met in Beijing.",
     {("040", "CHN", "RUS", "asserted", "actual"), ("040", "RUS", "CHN", "asserted", "actual")}),
    ("Xi Jinping met Vladimir Putin in Beijing.",
     {("040", "CHN", "RUS", "asserted", "actual"), ("040", "RUS", "CHN", "asserted", "actual")}),
    ("Armenia and Azerbaijan clashed on the border.",
     {("190", "ARM", "AZE", "asserted", "actual"), ("190", "AZE", "ARM", "asserted", "actual")}),
    ("India and Pakistan agreed to a ceasefire.",
     {("0871", "IND", "PAK", "asserted", "actual"),
      ("0871", "PAK", "IND", "asserted", "actual")}),
]


@pytest.mark.parametrize(("text", "expected"), params(EXACT))
def test_exact_events(code_text: CodeText, text: str, expected: set[Key]) -> None:
    _, events = code_text(text)
    assert exact_keys(events) == expected, shown(events)


def test_agentless_passive_keeps_source_none(code_text: CodeText) -> None:
    _, events = code_text("Sudan's president was overthrown.")
    assert events, "no event"
    for e in events:
        assert e.source is None, shown(events)
        assert e.target is not None and e.target.actor == "SDNGOV"


#: partners acting together are never each other's target
CO_SOURCES: list[tuple[str, frozenset[str]]] = [
    ("The Saudi-Emirati strike on Yemen killed dozens.", frozenset({"SAU", "ARE"})),
    ("The United States and Britain launched air strikes overnight.",
     frozenset({"USA", "GBR"})),
    ("The United States and Britain attacked Yemen.", frozenset({"USA", "GBR"})),
    ("Canada and Norway voiced approval of the sanctions.", frozenset({"CAN", "NOR"})),
    ("Sweden and Denmark sent aid to the flood victims.", frozenset({"SWE", "DNK"})),
]
@pytest.mark.parametrize(("text", "partners"), params(CO_SOURCES))
def test_partners_never_target_each_other(
        code_text: CodeText, text: str, partners: frozenset[str]) -> None:
    _, events = code_text(text)
    between = [e for e in events if {_country(e.source), _country(e.target)} == partners]
    assert not between, shown(between)


def test_condemned_attack_targets_the_attacker(code_text: CodeText) -> None:
    _, events = code_text("The attack by Russia on Ukraine was condemned.")
    assert_has(events, ("190", "RUS", "UKR", "asserted", "actual"),
               ("111", None, "RUS", "asserted", "actual"))
    assert ("111", None, "UKR", "asserted", "actual") not in exact_keys(events), shown(events)


# -- evidence -----------------------------------------------------------------------------

STORY = (
    "Turkey condemned Syria on Monday. Egypt and Jordan met in Amman on Tuesday.\n\n"
    "Poland accused Belarus of shelling its border posts, and Lithuania did not criticise "
    "Latvia. The United States called on Russia to withdraw its forces from Ukraine."
)

ALL_TEXTS = sorted({STORY, *(t for t, _ in NEGATED), *(t for t, _ in ASSERTED),
                    *(t for t, _ in NOT_HAPPENED), *(t for t, _ in MODALITY),
                    *(t for t, _ in PARTICIPANTS), *(t for t, _ in EXACT),
                    *(t for t, _ in CO_SOURCES)})


@pytest.mark.parametrize("text", ALL_TEXTS)
def test_every_event_carries_its_evidence(code_text: CodeText, text: str) -> None:
    doc, events = code_text(text)
    assert events, "no event"
    for e in events:
        sentence = doc.sentences[e.sentence]
        assert e.evidence == sentence.text
        start, end = e.span
        assert doc.document.text[start:end] == e.trigger
        assert sentence.start_char <= start < end <= sentence.end_char
        assert e.trigger in e.evidence
        assert doc.tokens[e.trigger_token].idx == start


def test_story_events_point_at_their_own_sentences(code_text: CodeText) -> None:
    doc, events = code_text(STORY)
    assert len(doc.sentences) == 4
    by_sentence = {(e.sentence, e.code, _country(e.source), _country(e.target))
                   for e in events}
    assert {(0, "111", "TUR", "SYR"), (1, "040", "EGY", "JOR"), (1, "040", "JOR", "EGY"),
            (2, "112", "POL", "BLR"), (3, "0256", "USA", "RUS")} <= by_sentence, shown(events)
    evidence = {e.sentence: e.evidence for e in events}
    assert evidence[0] == "Turkey condemned Syria on Monday."
    assert evidence[3].startswith("The United States called on Russia")
    negated = [e for e in events if e.polarity == "negated"]
    assert {(e.sentence, e.code, _country(e.source), _country(e.target)) for e in negated} \
        == {(2, "111", "LTU", "LVA")}, shown(events)
