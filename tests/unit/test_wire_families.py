"""Failure families of the coder on wire copy, each pinned by sentences written for these
tests: statements to and about nobody, economic senses of conflict and trade words,
companies and markets standing for their states, and who a meeting or visit is with.

Events are compared as (code or root, source country, target country) keys.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.events import EventCoder
from realpolitik.model import Event, party
from realpolitik.nlp import NlpStage
from tests.coding import cached_coder

#: the sentences are read on this date: wire copy of the late 1980s
DAY = date(1987, 6, 1)

Key = tuple[str, str | None, str | None]
CodeText = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def code_text(nlp_stage: NlpStage, actor_resolver: ActorResolver, config: Config) -> CodeText:
    return cached_coder(config, nlp_stage, actor_resolver, DAY)


def _country(participant: object) -> str | None:
    return getattr(participant, "country", None) or getattr(participant, "actor", None)


def keys(events: list[Event]) -> set[Key]:
    """Each event keyed by its code and by its root, so expectations may name either."""
    out: set[Key] = set()
    for e in events:
        pair = (_country(e.source), _country(e.target))
        out |= {(e.code, *pair), (e.root, *pair)}
    return out


def factuality(events: list[Event]) -> list[tuple[str, str]]:
    """Each event's (polarity, modality), in order."""
    return [(e.polarity, e.modality) for e in events]


def shown(events: list[Event]) -> str:
    return "\n".join(f"  {e.code} {e.trigger!r} {_country(e.source)}->{_country(e.target)}"
                     for e in events) or "  (no events)"


# -- statements ---------------------------------------------------------------------------

#: a statement is an event when it is about another actor, who is its target
ABOUT_ANOTHER: list[tuple[str, Key]] = [
    ("Ecuador said Peru had closed the border.", ("010", "ECU", "PER")),
    ("The Dutch government issued a statement about Belgium's new border rules.",
     ("010", "NLD", "BEL")),
    ("Norway voiced doubts about the talks with Iceland.", ("012", "NOR", "ISL")),
    # the speaker's own hope or worry is an optimistic or pessimistic comment
    ("The Swedish prime minister said she was optimistic that Finland would back the plan.",
     ("013", "SWE", "FIN")),
    ("Argentina said it was concerned about Uruguay's new pulp mill.", ("012", "ARG", "URY")),
]


@pytest.mark.parametrize(("text", "expected"), ABOUT_ANOTHER, ids=[c[0] for c in ABOUT_ANOTHER])
def test_a_statement_about_another_actor_targets_it(code_text: CodeText, text: str,
                                                    expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


@pytest.mark.parametrize(("text", "plan"), [
    ("Kohl hopes to meet President Mitterrand in late April.", ("036", "DEU", "FRA")),
    ("Chile hopes to visit Peru and Bolivia next week.", ("036", "CHL", "PER")),
])
def test_hoping_to_act_is_the_plan_not_a_comment(code_text: CodeText, text: str,
                                                 plan: Key) -> None:
    events = code_text(text)
    assert plan in keys(events), shown(events)
    assert not [e for e in events if e.code == "013"], shown(events)


@pytest.mark.parametrize("text", [
    "Kohl said he hoped the French would soon end their farm subsidies.",
    # hoping to see what no pattern codes is still the hope
    "Kohl said he hoped to see progress in the talks with France.",
])
def test_hoping_that_another_acts_is_still_a_comment(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert ("013", "DEU", "FRA") in keys(events), shown(events)


#: an attribution ("..., the ministry said", "officials said", a quotation) about nobody
#: else is no event
TO_NOBODY = [
    "The talks went well, the Chilean foreign ministry said.",
    "Kenyan officials said the harvest would be late.",
    "Inflation will slow next year, a Bank of Portugal spokesman said.",
    '"We will hold firm," the Kenyan minister told reporters.',
    # what the speaker's own state does is news only as that act
    "The Kenyan president said Kenya had met all its debt obligations.",
    # told to the speaker's own institutions: no statement between actors
    "President Moi told the Kenyan parliament the country faced a difficult year.",
]


@pytest.mark.parametrize("text", TO_NOBODY)
def test_an_attribution_to_and_about_nobody_is_no_statement(code_text: CodeText,
                                                           text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root == "01"], shown(events)


#: the public a statement is told to is no target, nor is the place where it is told
TOLD_THE_PUBLIC: list[tuple[str, str]] = [
    ("The Chilean minister told a conference of Argentine bankers that the debt was too high.",
     "ARG"),
    ('"This blockade is an outrage," Castro told a news conference in Caracas.', "VEN"),
]


@pytest.mark.parametrize(("text", "venue"), TOLD_THE_PUBLIC, ids=[c[0] for c in TOLD_THE_PUBLIC])
def test_an_audience_or_venue_is_no_target(code_text: CodeText, text: str, venue: str) -> None:
    events = code_text(text)
    assert not [e for e in events if _country(e.target) == venue], shown(events)


#: a plain statement by a named actor about no other actor (the economy, prices, its own
#: plans in general) is no event: a statement is news between actors only when it names
#: or is told to another one
ABOUT_NO_ACTOR = [
    "The Chilean finance minister said growth would reach four percent this year.",
    "Portugal's prime minister said inflation was the main problem of the economy.",
    "The Kenyan trade minister added that the budget deficit would narrow.",
    "Norway's oil minister said the market was calmer than a month ago.",
    # a speaker who is no political actor (an association's head) makes no statement event
    "The head of the Cattlemen's Association told Reuters that Argentina was dumping beef.",
    "The head of the Sugar Producers Association told Reuters that Cuba was dumping sugar.",
]


@pytest.mark.parametrize("text", ABOUT_NO_ACTOR)
def test_a_statement_about_no_other_actor_is_no_event(code_text: CodeText,
                                                      text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.code == "010"], shown(events)


# -- central banks ---------------------------------------------------------------------------

#: a state's central bank is its government (CAMEO codes it GOV), a bank named after a city
#: or a firm's name is business
@pytest.mark.parametrize(("text", "code"), [
    ("The Bank of Ghana raised rates.", "GHAGOV"),
    ("The central banks of Chile and Peru met.", "CHLGOV"),
    ("The president of the bank of Colombia resigned.", "COLGOV"),
    ("The Reserve Bank of Malawi cut rates.", "MWIGOV"),
    ("Bank of America raised rates.", "USABUS"),
    ("The Bank of Tokyo raised rates.", "JPNBUS"),
    ("Korea Exchange Bank raised rates.", "KORBUS"),
])
def test_a_bank_of_a_state_is_its_central_bank(nlp_stage: NlpStage,
                                               actor_resolver: ActorResolver, text: str,
                                               code: str) -> None:
    doc = nlp_stage.parse_text(text, when=DAY)
    mentions = actor_resolver.resolve_document(doc)
    assert mentions and mentions[0].actor is not None, mentions
    assert mentions[0].actor.code == code, [(m.text, m.actor) for m in mentions]


# -- trips ------------------------------------------------------------------------------------

#: wire copy announces a visit by the leaving or the stop on the way
TRIPS: list[tuple[str, Key]] = [
    ("The Spanish trade minister leaves for Rabat tomorrow.", ("042", "ESP", "MAR")),
    ("The Dutch prime minister departed for Jakarta on Monday.", ("042", "NLD", "IDN")),
    ("The Spanish minister stopped in Tunis on his way home.", ("042", "ESP", "TUN")),
    ("The Greek premier leaves for Ankara on Friday for talks with the Turkish premier.",
     ("042", "GRC", "TUR")),
]


@pytest.mark.parametrize(("text", "expected"), TRIPS, ids=[c[0] for c in TRIPS])
def test_leaving_for_a_capital_is_a_visit(code_text: CodeText, text: str,
                                          expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


@pytest.mark.parametrize("text", [
    "The Spanish minister left for the airport in a hurry.",
    "Peru stopped payments on its debt.",
])
def test_leaving_for_no_actor_is_no_visit(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.code == "042" and e.target is not None
                and _country(e.target)], shown(events)


# -- economic and procedural senses ----------------------------------------------------------

#: trade flows, a bare "action" and an "attempt" at policy are no events
NO_EVENT_SENSES = [
    "The government said Chilean copper exports rose sharply last year.",
    "Korea's trade surplus with Japan hit 2.1 billion dlrs last year.",
    "The central bank's action was interpreted as an attempt to curb interest rates.",
    "American investment in the Philippines doubled.",
    # a flow to a named partner is still a flow, not an act between them
    "Danish pigmeat exports to Canada were worth 106 mln crowns in 1986.",
    "The ECGD suspended its cover for exports to Nigeria in 1983.",
    "About 95 pct of the surplus was from Taiwan's trade with the United States.",
    "U.S. chip sales in Japan remained low.",
    # harm to prospects or ties is no damage to property, a business success no coup
    "A further appreciation of the mark would damage prospects for German growth.",
    "Illegal Japanese exports damaged Western security.",
    "McDonnell Douglas scored the biggest coup of the U.S. firms in January.",
    # a state's exports or imports told as trade figures
    "Canada exported 9.8 mln tonnes of potash to the United States last year.",
    "Peru exported its refined silver to Mexico at 5.40 dlrs an ounce.",
]


@pytest.mark.parametrize("text", NO_EVENT_SENSES)
def test_economic_senses_are_no_events(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root in ("06", "11", "17", "18")], shown(events)


#: the same words with the partner or the kind they name still are
EVENT_SENSES: list[tuple[str, Key]] = [
    ("Rebels made an attempt on the life of the Colombian president.", ("185", None, "COL")),
    ("Ecuador resumed exports to Peru.", ("061", "ECU", "PER")),
    ("Ghana will import crude oil from Iran under an agreement reached today.",
     ("03", "GHA", "IRN")),
    ("Iraqi jets damaged two Iranian tankers.", ("195", "IRQ", "IRN")),
    ("Army officers staged a coup in Fiji.", ("180", None, "FJI")),
    ("China agreed to expand trade with Brazil.", ("0311", "CHN", "BRA")),
    ("Peru took legal action against Chile over the border.", ("115", "PER", "CHL")),
]


@pytest.mark.parametrize(("text", "expected"), EVENT_SENSES, ids=[c[0] for c in EVENT_SENSES])
def test_event_senses_with_their_partner_stay(code_text: CodeText, text: str,
                                              expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


#: cutting one's own deficit or debt reduces no aid (16) and threatens none (13); nor does
#: a central bank holding its rates
OWN_ECONOMY = [
    "The government planned to cut its budget deficit.",
    "The Bundesbank froze interest rates.",
    "Chile plans to reduce its foreign debt.",
    "Washington wants to cut its trade deficit with Japan.",
]


@pytest.mark.parametrize("text", OWN_ECONOMY)
def test_ones_own_debt_or_deficit_is_no_reduction_of_relations(code_text: CodeText,
                                                               text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root in ("13", "16")], shown(events)


#: a debtor halting what it pays its creditors reduces relations with them (the gold's
#: 160, the creditors no state: the open side stays open, even beside a partner state)
DEBT_HALTS: list[tuple[str, Key]] = [
    ("Chile suspended interest payments on its foreign debt.", ("160", "CHL", None)),
    ("Mexico ended interest payments to its creditors.", ("160", "MEX", None)),
    ("Argentina will pause debt payments.", ("160", "ARG", None)),
    ("Peru halted payments on its foreign debt in February.", ("160", "PER", None)),
    ("Ecuador stopped repayments to its creditors last month.", ("160", "ECU", None)),
    ("Japan criticised Brazil.\n\nBrazil talked with Japan.\n\nBrazil announced the "
     "suspension of interest payments on its commercial debt.", ("160", "BRA", None)),
]


@pytest.mark.parametrize(("text", "expected"), DEBT_HALTS, ids=[c[0] for c in DEBT_HALTS])
def test_a_debtor_halting_its_debt_service_reduces_relations_with_no_state(
        code_text: CodeText, text: str, expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)
    assert not [e for e in events if e.root == "16" and e.target is not None], shown(events)


@pytest.mark.parametrize(("text", "expected"), [
    ("The United States halted aid payments to Chile.", ("162", "USA", "CHL")),
    ("Sweden cut its loans to Vietnam.", ("16", "SWE", "VNM")),
])
def test_a_cut_of_aid_to_another_stays(code_text: CodeText, text: str,
                                       expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


def test_an_attempt_to_assassinate_is_an_assassination_attempt(
        nlp_stage: NlpStage, actor_resolver: ActorResolver, config: Config) -> None:
    doc = nlp_stage.parse_text("An attempt to assassinate the minister was thwarted.", when=DAY)
    events = EventCoder(config, require_actor=False).code(
        doc, actor_resolver.resolve_document(doc))
    assert "185" in {e.code for e in events}, shown(events)


#: in a trade dispute, retaliation is trade sanctions (and threatening it a threat of
#: them); a state charged with wrongdoing is accused (112), not arrested
TRADE_DISPUTES: list[tuple[str, Key]] = [
    ("Brazil will retaliate against Argentine shoe exports if Buenos Aires raises tariffs.",
     ("163", "BRA", "ARG")),
    ("Brazil will retaliate against Argentine shoe exports if Buenos Aires raises tariffs.",
     ("1312", "BRA", "ARG")),
    ("Chile charged Peru with dumping copper on world markets.", ("112", "CHL", "PER")),
    ("The Chilean envoy charged that Peru was dumping copper.", ("112", "CHL", "PER")),
    # a commercial dispute: retaliation against firms, or over a company's control
    ("Spain was ready to retaliate against Portuguese financial groups in Madrid.",
     ("163", "ESP", "PRT")),
    ("Canada may retaliate against Mexico if Mexican officials bar Canadian construction "
     "firms.", ("163", "CAN", "MEX")),
    ("Italy may retaliate against Austria if control of the company goes to a rival.",
     ("163", "ITA", "AUT")),
    # force stays force outside a trade dispute
    ("Iran vowed to retaliate against Iraq for the missile attack.", ("190", "IRN", "IRQ")),
]


@pytest.mark.parametrize(("text", "expected"), TRADE_DISPUTES)
def test_trade_disputes_are_coded_as_trade_disputes(code_text: CodeText, text: str,
                                                    expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


def test_a_person_charged_by_the_police_faces_legal_action(code_text: CodeText) -> None:
    events = code_text("Peruvian police charged the former Chilean consul with spying.")
    assert "115" in {e.code for e in events}, shown(events)


# -- questions and economic goals -------------------------------------------------------------

#: a reporter's question is no appeal; propping up a currency or an industry, or help
#: towards a trade goal, is no endorsement, protection or aid
NOT_APPEALS_OR_AID = [
    "Asked if he was satisfied with Italian stimulus, the Dutch minister said no.",
    "Asked whether Madrid would join, the Portuguese minister declined to comment.",
    "Japan might take new measures to support the dollar.",
    "Spain is protecting its steel industry.",
    "Manila plans tariff cuts this year to help narrow its trade surplus with Tokyo.",
]


@pytest.mark.parametrize("text", NOT_APPEALS_OR_AID)
def test_questions_and_economic_goals_are_no_appeal_or_aid(code_text: CodeText,
                                                          text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root in ("02", "03", "05", "07")], shown(events)


#: appeals and aid proper stay
APPEALS_AND_AID: list[tuple[str, Key]] = [
    ("Portugal asked Spain for financial aid.", ("020", "PRT", "ESP")),
    ("Portugal asked Spain to release the fishermen.", ("0253", "PRT", "ESP")),
    ("Spain helped Morocco with food aid.", ("070", "ESP", "MAR")),
]


@pytest.mark.parametrize(("text", "expected"), APPEALS_AND_AID,
                         ids=[c[0] for c in APPEALS_AND_AID])
def test_appeals_and_aid_proper_stay(code_text: CodeText, text: str, expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


# -- whose visit: a frame set before the speech verb or after the subject ------------------
SPEAKERS_FRAMES = [
    ("The Austrian chancellor, on a three-day visit to Peru, said trade would grow.",
     ("042", "AUT", "PER")),
    ("The Danish foreign minister, in a speech on the last day of an official visit to Kenya, "
     "said the debts were a shared burden.", ("042", "DNK", "KEN")),
    ("On a two-day visit to Ghana, the Swedish premier said the loans would be extended.",
     ("042", "SWE", "GHA")),
]


@pytest.mark.parametrize(("text", "expected"), SPEAKERS_FRAMES)
def test_a_visit_framing_a_statement_is_the_speakers(code_text: CodeText, text: str,
                                                     expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


def test_a_visit_that_is_said_is_not_the_speakers(code_text: CodeText) -> None:
    events = code_text("The Austrian chancellor said the visit to Peru had gone well.")
    assert ("042", "AUT", "PER") not in keys(events), shown(events)


# -- across sentences: wire copy puts one sentence in a paragraph --------------------------
CARRIED_OVER = [
    # a subject "he" opening a paragraph is the person of the one before
    ("Portuguese Foreign Minister Joao Calheiros arrived in Lima on Monday.\n\n"
     "He met the Chilean ambassador on Tuesday.", ("040", "PRT", "CHL")),
    # an event noun that repeats an act told with both parties takes the missing one
    ("The Austrian chancellor arrived in Nairobi for talks with Kenya's president.\n\n"
     "The talks dealt with coffee prices, an Austrian official said.", None),
]


@pytest.mark.parametrize(("text", "expected"), CARRIED_OVER)
def test_parties_carry_over_to_the_next_paragraph(code_text: CodeText, text: str,
                                                  expected: Key | None) -> None:
    events = code_text(text)
    if expected is not None:
        assert expected in keys(events), shown(events)
    later = [e for e in events if e.sentence > 0]
    assert all(_country(e.source) and _country(e.target) for e in later
               if e.root == "04"), shown(events)


# -- a stop on the way: "stopped to meet" is a purpose, "stopped meeting" a halt ------------
@pytest.mark.parametrize(("text", "polarity"), [
    ("The Spanish minister stopped in Lisbon to meet Portuguese officials.", "asserted"),
    ("The Dutch envoy paused in Rabat to meet Moroccan officials.", "asserted"),
    ("Spain stopped meeting Portuguese officials.", "negated"),
])
def test_stopping_to_meet_is_a_meeting(code_text: CodeText, text: str, polarity: str) -> None:
    events = code_text(text)
    meetings = [e for e in events if e.root == "04" and e.code != "042"]
    assert meetings and all(e.polarity == polarity for e in meetings), shown(events)
    assert not [e for e in events if e.root == "12"], shown(events)


# -- an organisation's warning about its own act is aimed at the other side ------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("The EC will retaliate against U.S. textile exports, an EC official warned.",
     ("13", "EEC", "USA")),
    ("NATO will impose sanctions on Libya, a NATO spokesman warned.", ("13", "NAT", "LBY")),
])
def test_an_organisation_warns_no_one_of_itself(code_text: CodeText, text: str,
                                                expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)
    assert not [e for e in events if e.root == "13" and _country(e.source) == expected[1]
                and _country(e.target) == expected[1]], shown(events)


# -- what a warner says it will do is aimed at the warned -------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    # "it" is the warner, not one of two conjoined states, and the act is aimed at both
    ("The Kohl government has warned Spain and Portugal that it may retaliate if the steel "
     "company is sold.", ("163", "DEU", "PRT")),
    ("The Kohl government has warned Spain and Portugal that it may retaliate if the steel "
     "company is sold.", ("163", "DEU", "ESP")),
    ("The Mitterrand administration warned Italy that it may retaliate against Italian "
     "firms.", ("163", "FRA", "ITA")),
    ("Sweden warned Norway that it would retaliate.", ("19", "SWE", "NOR")),
])
def test_a_warning_is_aimed_at_the_warned(code_text: CodeText, text: str,
                                          expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


# -- a resignation is a domestic act ------------------------------------------------------------
@pytest.mark.parametrize(("text", "expected"), [
    ("The Belgian prime minister and his cabinet have resigned, officials said.",
     ("0831", "BEL", "BEL")),
    ("Greek Prime Minister Andreas Papandreou resigned on Monday.", ("0831", "GRC", "GRC")),
])
def test_a_resignation_is_done_to_ones_own_state(code_text: CodeText, text: str,
                                                 expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


# -- a material act nobody is said to do is a flow of goods or money ---------------------------
@pytest.mark.parametrize("text", [
    "Sales of wheat to Egypt continued through the winter.",
    "The granting of loans to Peru is a risky business.",
    "Grain exports to Poland were worth 80 mln dlrs in 1986.",
    "Cooperation with Kenya was praised by the bankers.",
])
def test_a_material_act_without_a_doer_is_no_event(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root in ("06", "07")], shown(events)


@pytest.mark.parametrize(("text", "expected"), [
    # the doer is named, as an actor or not: the act stays
    ("The Red Cross delivered medical aid to Somalia.", ("073", "CRC", "SOM")),
    ("Norway sent food aid to Sudan.", ("07", "NOR", "SDN")),
    ("A Swiss bank granted new loans to Peru.", ("07", "CHE", "PER")),
])
def test_a_material_act_with_a_doer_stays(code_text: CodeText, text: str,
                                          expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


# -- a meeting with nobody else, not even plural members of one body, is no event ------------
@pytest.mark.parametrize("text", [
    "The Dutch cabinet discussed the budget on Tuesday.",
    "The Greek prime minister chaired a cabinet meeting on the budget.",
    "The Belgian finance minister said on entering the meeting that rates would stay.",
])
def test_a_meeting_with_no_second_party_is_no_event(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root == "04"], shown(events)


@pytest.mark.parametrize(("text", "expected"), [
    # the partner is named, as an actor or not: the meeting stays
    ("The Chilean government held talks with its creditor banks.", ("046", "CHL", None)),
    ("The Finnish president met the committee on Monday.", ("040", "FIN", None)),
    ("Peru and Bolivia met in La Paz.", ("040", "PER", "BOL")),
    ("Talks between Chile and Peru resumed on Monday.", ("046", "CHL", "PER")),
    ("The Austrian chancellor spoke to both foreign ministers.", ("040", "AUT", None)),
])
def test_a_meeting_with_a_named_partner_stays(code_text: CodeText, text: str,
                                             expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


# -- families of stop 26: each case names its family; the key is in the events (CODED), or no
# event of that code or root is (NOT_CODED) --------------------------------------------------
CODED: list[tuple[str, str, Key]] = [
    ("destroying forces is combat", "Iraqi troops destroyed two Iranian tanks.",
     ("190", "IRQ", "IRN")),
    ("destroying forces is combat", "Iran vowed to destroy Iraq's forces.", ("190", "IRN", "IRQ")),
    ("destroying forces is combat", "Iran called for the destruction of Iraqi forces.",
     ("190", None, "IRQ")),
    ("destroying property stays 1712", "Israeli troops destroyed Palestinian homes.",
     ("1712", "ISR", "PSE")),
    ("armed forces' damage is an attack", "U.S. warships destroyed an Iranian oil platform.",
     ("190", "USA", "IRN")),
    ("armed forces' damage is an attack", "Iraqi warplanes destroyed an Iranian pumping station.",
     ("195", "IRQ", "IRN")),
    ("arms captured are seized", "The Chadian army captured Libyan weaponry.",
     ("1711", "TCD", "LBY")),
    ("posts captured are occupied", "Iranian forces captured several Iraqi defence posts.",
     ("192", "IRN", "IRQ")),
    ("people captured are arrested", "Police captured three Iranian agents.", ("173", None, "IRN")),
    ("a trade ban is an embargo", "Canada imposed a ban on Danish meat exports.",
     ("163", "CAN", "DNK")),
    ("a trade ban is an embargo", "Japan's rice import ban angered Washington.",
     ("163", "JPN", None)),
    ("a trade ban is an embargo", "President Reagan banned arms shipments to Tehran.",
     ("163", "USA", "IRN")),
    ("a ban on parties stays 172", "Japan imposed restrictions on political parties.",
     ("172", "JPN", None)),
    ("the charged did it", "The United States charged Japan with violating GATT rules.",
     ("128", "JPN", None)),
    ("a strike over pay is a labour strike",
     "Australian unions launched week-long strikes against the government's wage policy.",
     ("143", "AUS", "AUS")),
    ("a strike over pay is a labour strike",
     "Australian unions said they have launched week-long strikes in New South Wales.",
     ("143", "AUS", None)),
    ("helping a state act is aid", "The United States helped Iraq defeat Iran.",
     ("070", "USA", "IRQ")),
    ("members meet among themselves", "EC farm ministers held six hours of talks in Brussels.",
     ("046", "EEC", "EEC")),
    ("members meet among themselves",
     "Belgian coalition parties reached an agreement on the budget.", ("019", "BEL", "BEL")),
    ("members meet among themselves", "Norwegian ministers held talks on the budget deficit.",
     ("046", "NOR", "NOR")),
    ("the six are the last six named together",
     "The four nations -- Britain, Canada, France and Japan -- are abiding by the Paris "
     "accord. The four agreed to cooperate to stabilise exchange rates.", ("030", "FRA", "JPN")),
    ("the six are the last six named together",
     "Britain, Canada, France and Japan signed the accord. The four nations agreed to meet "
     "again.", ("036", "JPN", "GBR")),
    ("a strike among arms is an attack",
     "Israeli jets launched strikes against Hezbollah positions after militants killed two "
     "workers.", ("195", "ISR", "LBN")),
    ("must demands", "Russia said Sudan must return the helicopter.", ("1053", "SUN", "SDN")),
    ("must demands", "Russia said Sudan has to return the helicopter.", ("10", "SUN", "SDN")),
    ("must demands", "West German bankers said Brazil must seek an understanding with the IMF.",
     ("100", "DEU", "BRA")),
    ("should appeals", "Russia said Sudan should return the helicopter.", ("0253", "SUN", "SDN")),
    ("should appeals",
     "West German bankers said Brazil should seek an understanding with the IMF.",
     ("020", "DEU", "BRA")),
    ("a proposal is an offer", "India proposed talks with Pakistan.", ("036", "IND", "PAK")),
    ("a proposal is an offer",
     "Gorbachev proposed on Saturday that talks with the United States resume.",
     ("036", "SUN", "USA")),
    ("blame on an actor accuses it", "Iran said Iraq was responsible for the attack.",
     ("112", "IRN", "IRQ")),
    ("an aid package is aid", "The United States announced an aid package for Jordan.",
     ("070", "USA", "JOR")),
    ("a call for something is an appeal",
     "The letter answered a recent North Korean call for high-level talks.", ("020", "PRK", None)),
    ("a call for something is an appeal",
     "The EC renewed its call for a ceasefire between Iran and Iraq.", ("020", "EEC", None)),
    ("a call with someone is a telephone call", "Reagan had a telephone call with Kohl.",
     ("041", "USA", "DEU")),
    ("a raised passive subject suffers the act",
     "So far none of the Soviet ships are known to have been attacked by Iran.",
     ("190", "IRN", "SUN")),
    ("an order to another state is a demand",
     "The United States ordered Libya to close its embassy.", ("10", "USA", "LBY")),
    ("soldiers killed are combat", "Chadian troops killed 1,269 Libyan soldiers.",
     ("190", "TCD", "LBY")),
    ("people killed in their thousands are a mass killing",
     "Sudanese troops killed some 5,000 villagers in Darfur.", ("202", "SDN", "SDN")),
    ("the official described as visiting is the visitor",
     "Chinese leader Deng Xiaoping told visiting U.S. Secretary of State George Shultz that "
     "the troubles were over.", ("042", "USA", "CHN")),
    ("talks with another are the speaker's",
     "White House officials said no progress had been made in talks with Japan.",
     ("046", "USA", "JPN")),
    ("a statement that another did wrong accuses it",
     "Turkey said Greek activities in the northern Aegean contravened the Berne agreement.",
     ("112", "TUR", "GRC")),
    ("a debt moratorium reduces relations with the creditors",
     "Brazil imposed a moratorium on interest payments to foreign banks.", ("160", "BRA", None)),
    ("a debt moratorium reduces relations with the creditors",
     "On February 20, Brazil suspended servicing of its debt to foreign banks.",
     ("16", "BRA", None)),
    ("a party that has asked appeals",
     "Ecuador expects output to fall and has asked Venezuela to lend it crude oil.",
     ("02", "ECU", "VEN")),
    ("industrial action is a labour strike",
     "Australian unions launched week-long strikes and other industrial action.",
     ("143", "AUS", None)),
    ("legal action is a lawsuit", "The EC brought legal action against Britain.",
     ("115", "EEC", "GBR")),
    ("a case filed is a lawsuit", "Japan filed a case against the United States at the GATT.",
     ("115", "JPN", "USA")),
    ("withholding details declines comment",
     "The Dutch foreign minister gave no details of his talks with Belgium.",
     ("011", "NLD", None)),
    ("withholding details declines comment",
     "The Swedish finance minister declined to give details of the loan.", ("011", "SWE", None)),
    ("withholding details declines comment",
     "Norwegian officials had no comment on the Danish proposal.", ("011", "NOR", "DNK")),
    ("withholding details declines comment",
     "The Greek government declined to disclose details of the loan.", ("011", "GRC", None)),
    ("retaliatory action in a trade dispute is a sanction",
     "Reagan was ready to impose retaliatory trade action against Japan.", ("163", "USA", "JPN")),
    ("a wrong an act punishes accuses the punished",
     "Reagan was ready to impose tariffs on Japan for breaking the chip agreement.",
     ("112", "USA", "JPN")),
    ("a wrong an act punishes accuses the punished",
     "The EC condemned Israel for violating the ceasefire.", ("112", "EEC", "ISR")),
    ("a wrong an act punishes accuses the punished",
     "Britain urged the United States to impose sanctions on Libya for violating the accord.",
     ("112", "GBR", "LBY")),
    ("the one judged for an act did it",
     "The EC condemned Israel for attacking Lebanon.", ("190", "ISR", "LBN")),
    ("an assurance is a promise",
     "The IMF assured Kenya it would continue to give the country maximum help.",
     ("030", "IMF", "KEN")),
    ("an assurance is a promise",
     "Greece assured Turkey it would not start prospecting in disputed waters.",
     ("030", "GRC", "TUR")),
    ("being against a measure rejects it",
     "Britain is firmly against any new tax on oils and fats proposed by the European "
     "Community.", ("120", "GBR", "EEC")),
    ("being against a measure rejects it", "Japan is against the proposal.",
     ("120", "JPN", None)),
    ("reaching an agreement expresses accord, both ways",
     "The United States and India reached a tentative agreement in December on security "
     "precautions.", ("019", "IND", "USA")),
    ("reaching an agreement expresses accord, both ways",
     "The accord was reached between Iran and Ghana.", ("019", "GHA", "IRN")),
    ("signing an agreement is signing", "Japan and the United States signed an agreement on "
     "chips.", ("057", "USA", "JPN")),
    ("fighting a measure rejects it, one way",
     "Thatcher said Britain would fight the Japanese government's attempt to block the deal.",
     ("120", "GBR", "JPN")),
    ("armies that clash fight each other", "Iranian troops clashed with Iraqi forces near "
     "Basra.", ("190", "IRQ", "IRN")),
    ("weighing a policy option is considering it",
     "The Japanese government is considering buying U.S.-made supercomputers.",
     ("014", "JPN", "USA")),
    ("weighing a policy option is considering it", "Britain is considering sanctions against "
     "Japan.", ("014", "GBR", "JPN")),
    ("what the members must do is asked of them",
     "Britain said the EC members have to make a choice.", ("100", "GBR", "EEC")),
    ("opposition to a measure rejects it",
     "The Netherlands regretted West German opposition to radical reforms of the European "
     "Community.", ("120", "DEU", "EEC")),
]


@pytest.mark.parametrize(("family", "text", "expected"), CODED,
                         ids=[f"{c[0]}: {c[1]}" for c in CODED])
def test_coded_as_its_family(code_text: CodeText, family: str, text: str,
                             expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), f"{family}: {shown(events)}"


NOT_CODED: list[tuple[str, str, str]] = [
    ("the six need six named together",
     "Britain and France signed the accord. The four agreed to cooperate.", "03"),
    ("a purpose to help do is no aid",
     "Canada hired a lawyer to help settle its dispute over acid rain with the U.S.", "07"),
    ("a purpose to help do is no aid",
     "NATO offered to help resolve the row between Greece and Turkey.", "07"),
    ("a government voted out is not overthrown",
     "Portugal's government was ousted in a parliamentary censure vote.", "18"),
    ("blame on a thing accuses nobody",
     "Japan said the shortage of farmland was responsible for high prices.", "11"),
    ("an economic package is no aid", "Nakasone will take the economic package to Washington.",
     "07"),
    ("a call for something is no telephone call",
     "The letter answered a recent North Korean call for high-level talks.", "041"),
    ("a call for something is no telephone call",
     "The EC renewed its call for a ceasefire between Iran and Iraq.", "041"),
    ("giving details is sharing them, not declining",
     "The United States gave Pakistan details of the Soviet buildup.", "011"),
    ("a participle with no asker is the press's question",
     "Asked to comment on remarks by U.S. officials, the Japanese finance minister said "
     "the yen was stable.", "02"),
    ("a company acting toward no political actor makes no event",
     "Bank of Tokyo officials made no comment.", "01"),
    ("an order to one's own government is no demand",
     "President Kaunda had ordered the price reductions.", "10"),
    ("an order to one's own government is no demand",
     "Reagan ordered the Commerce Department to penalize the Japanese goods.", "10"),
    ("a casualty count is no massacre",
     "Iran said over 2,600 Iraqis had been killed or wounded yesterday.", "202"),
    ("fighters killed in an offensive are no massacre",
     "Iraq said its troops had killed thousands of Iranians in checking a new offensive.",
     "202"),
    ("a proposal to no one is no appeal",
     "France, West Germany and Italy were also submitting proposals.", "02"),
    ("refuting a charge is no accusation",
     "Japan sent an envoy to refute charges that Japan dumped microchips in Asia.", "112"),
    ("industrial action is no lawsuit",
     "Australian unions launched week-long strikes and other industrial action.", "115"),
    ("an argument is no lawsuit",
     "The Dutch union presented its case against the redundancies to parliament.", "115"),
    ("action against a state is any act, no lawsuit",
     "The United States took action against Japan over the chip pact.", "115"),
    ("an assurance is no optimistic comment",
     "The IMF assured Kenya it would continue to give the country maximum help.", "013"),
    ("opposition to an actor is no rejection",
     "Britain stated its opposition to Iran.", "12"),
    ("reaching an agreement is no signing",
     "South Africa reached a rescheduling agreement with its creditors.", "057"),
    ("a market's demand is no demand",
     "Honda output would have to be adjusted to meet changing U.S. demand.", "10"),
    ("a market's demand is no demand", "Tariffs would reduce demand in Japan for semiconductors.",
     "10"),
    ("a market's demand is no demand", "Japan must boost its domestic demand.", "10"),
    ("a trade war is no war",
     "Fears of a trade war between the United States and Japan pushed the dollar down.", "19"),
    ("a clash over an issue is no fighting",
     "Britain and Japan clashed today over British demands for greater access to the Tokyo "
     "Stock Exchange.", "19"),
    ("fighting a social ill is no fighting",
     "West Germany would provide 300 mln marks to help fight Bolivia's cocaine trade.", "19"),
    ("fighting a measure is no mutual act",
     "Thatcher said Britain would fight the Japanese government's attempt to block the deal.",
     "190"),
    ("what must happen to a thing asks nobody",
     "Honda's U.S. output would have to be adjusted to meet changing U.S. demand, the "
     "spokesman said.", "10"),
    ("what must happen to a thing asks nobody",
     "The U.S. decision to slap tariffs should support the dollar, he said.", "02"),
    ("a judgement is no policy option", "Greece declared it considers the accord inoperative.",
     "014"),
    ("a judgement is no policy option", "Weizsaecker is considered a key backer of more "
     "flexible terms.", "014"),
    ("a judgement is no policy option",
     "The Greek government considers the 1976 Berne protocol as inactive.", "014"),
    ("a judgement is no policy option",
     "We considered all political obstacles had been removed, Urban said.", "014"),
    ("being against an actor is no rejection", "The Netherlands is against Iran.", "12"),
    ("leaving for talks halts no talks",
     "The Greek premier leaves for Ankara on Friday for talks with the Turkish premier.", "16"),
    ("leaving for a meeting halts no meeting",
     "The Dutch minister left for the negotiations in Geneva.", "16"),
    ("withheld details are no negated sharing",
     "The Dutch foreign minister gave no details of his talks with Belgium.", "064"),
]


@pytest.mark.parametrize(("family", "text", "code"), NOT_CODED,
                         ids=[f"{c[0]}: {c[1]}" for c in NOT_CODED])
def test_not_coded_outside_its_family(code_text: CodeText, family: str, text: str,
                                      code: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.code.startswith(code)], f"{family}: {shown(events)}"


# -- what is proposed or considered is not done --------------------------------------------------
@pytest.mark.parametrize("text", [
    "Gorbachev proposed that talks with the United States resume.",
    "Canada proposed sanctions on Eritrea.",
    "Japan is considering a ban on imports from Iran.",
    "The ministers considered new tariffs on Chilean copper.",
])
def test_a_proposed_or_considered_measure_is_not_imposed(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    measures = [e for e in events if e.root in ("04", "16", "17")]
    assert all(e.modality == "hypothetical" for e in measures), shown(events)
    assert not [e for e in events if e.root == "02"], shown(events)



# -- unrest with no actor named is the country's own ------------------------------------------

#: strikes, riots and protests the text gives no actor for are the story's country's own,
#: both sides (the gold convention for domestic events)
OWN_UNREST: list[tuple[str, Key]] = [
    ("Portuguese Prime Minister Anibal Cavaco Silva spoke in Lisbon. This month Cavaco Silva "
     "imposed a freeze on wages and prices which led to widespread strikes.",
     ("143", "PRT", "PRT")),
    ("The Kenyan government raised maize prices, the Kenyan finance minister said. The move "
     "led to riots.", ("145", "KEN", "KEN")),
    ("The Chilean government has cut miners' pay. A one-day stoppage at the mines was called "
     "for Monday, Chile's labour ministry said.", ("14", "CHL", "CHL")),
    # a boycott by the opposition, industrial action: strikes by other names
    ("The Greek government wants a new tax. An opposition boycott of parliament has delayed "
     "the Greek budget.", ("143", "GRC", "GRC")),
    ("The Danish transport minister spoke of Denmark's ports. Four days of industrial action "
     "by dockers have closed them.", ("143", "DNK", "DNK")),
]


@pytest.mark.parametrize(("text", "expected"), OWN_UNREST, ids=[c[0] for c in OWN_UNREST])
def test_unrest_with_no_actor_is_the_countrys_own(code_text: CodeText, text: str,
                                                 expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


@pytest.mark.parametrize("text", [
    # no country is the story's: two named equally often
    "Peru and Chile traded accusations. The dispute led to riots.",
    # a month is no march
    "The talks began on March 9 in Geneva, Norway's foreign ministry said of Norway's plan.",
    # a shown fact is no demonstration
    "Norway's failure was also demonstrated when Norwegian officials refused to help.",
])
def test_no_unrest_without_a_home_or_a_protest(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root == "14"], shown(events)


# -- a group's own meeting ----------------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Last month's G-6 meeting agreed to stabilise the dollar.", ("040", "GOS", "GOS")),
    ("The OPEC meeting ended on Friday in Vienna.", ("040", "OPC", "OPC")),
    ("The Group of Five met at the Plaza Hotel in 1985.", ("040", "GOS", "GOS")),
])
def test_a_groups_meeting_is_among_its_members(code_text: CodeText, text: str,
                                               expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


def test_a_lenders_talks_are_not_among_its_members(code_text: CodeText) -> None:
    events = code_text("Zambia has just completed a new round of IMF talks on its exchange rate.")
    assert ("046", "IMF", "IMF") not in keys(events), shown(events)


# -- an act with a private party is coded both ways, the private side empty -----------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Mexico signed a rescheduling accord with its commercial bank creditors.",
     {("057", "MEX", None), ("057", None, "MEX")}),
    ("Argentina held talks with its creditor banks in New York.",
     {("046", "ARG", None), ("046", None, "ARG")}),
    # the private party between, conjoined to the state, or a body made of banks
    ("Negotiations between Uruguay and the banks resumed on Monday.",
     {("046", "URY", None), ("046", None, "URY")}),
    ("Ecuador and its foreign bank creditors reached agreement on the loan.",
     {("019", "ECU", None), ("019", None, "ECU")}),
    ("Bolivia held talks with the 12-bank advisory committee on Friday.",
     {("046", "BOL", None), ("046", None, "BOL")}),
    ("Chile is negotiating a loan with the steering committee for its creditor banks.",
     {("046", "CHL", None), ("046", None, "CHL")}),
])
def test_a_reciprocal_act_with_a_private_party_goes_both_ways(code_text: CodeText, text: str,
                                                             expected: set[Key]) -> None:
    events = code_text(text)
    assert expected <= keys(events), shown(events)


def test_a_one_sided_act_with_a_private_party_stays_one_way(code_text: CodeText) -> None:
    events = code_text("Chile ratified the accord with its creditor banks.")
    assert not [e for e in events if e.source is None], shown(events)


@pytest.mark.parametrize(("text", "expected", "state"), [
    # a committee of states, or one a state owns, is no private party
    ("Britain held talks with the EC's farm committee.", ("046", "EEC", "GBR"), "GBR"),
    ("Peru held talks with the committee of Andean states.", ("046", "PER", None), "PER"),
])
def test_a_body_of_states_is_no_private_party(code_text: CodeText, text: str,
                                             expected: Key, state: str) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)
    assert ("046", None, state) not in keys(events), shown(events)


# -- a commitment not kept is defied --------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("Canada cited Peru's failure to honour the fishing accord.", ("128", "PER", None)),
    ("Officials cited the failure of Norway to abide by the whaling convention.",
     ("128", "NOR", None)),
    ("Chile failed to comply with the court ruling.", ("128", "CHL", None)),
    ("Egypt neglected to implement the trade agreement.", ("128", "EGY", None)),
    ("Iraq failed to observe the ceasefire with Iran.", ("196", "IRQ", "IRN")),
    ("Syria's failure to respect the truce with Israel angered Washington.",
     ("196", "SYR", "ISR")),
])
def test_a_commitment_not_kept_is_defied(code_text: CodeText, text: str,
                                        expected: Key) -> None:
    events = code_text(text)
    assert the_event(events, expected).polarity == "asserted", shown(events)


def the_event(events: list[Event], expected: Key) -> Event:
    """The first event of the expected code and source, with the expected target unless
    that is None (the story would fill it)."""
    matching = [e for e in events if (e.code, _country(e.source)) == expected[:2]]
    assert matching, shown(events)
    assert expected[2] is None or _country(matching[0].target) == expected[2], shown(events)
    return matching[0]


@pytest.mark.parametrize("text", [
    "The two ministers failed to agree on farm prices.",
    "Chile failed to win the contract.",
    "Turkey's failure to join the bloc disappointed Ankara's allies.",
])
def test_other_failures_are_no_defiance(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root in ("12", "19")], shown(events)


@pytest.mark.parametrize(("text", "expected"), [
    ("The GCC, an alliance which has backed Iraq, met today.", ("051", "GCC", "IRQ")),
    ("Libya, a country which has supported Iran, criticised Chad.", ("051", "LBY", "IRN")),
])
def test_a_relative_clause_on_an_apposition_is_the_named_actors(code_text: CodeText, text: str,
                                                                expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


# -- retaliation named as a noun ------------------------------------------------------------

@pytest.mark.parametrize(("text", "expected"), [
    ("The tariff bill would trigger Brazilian retaliation against the United States.",
     ("163", "BRA", "USA")),
    ("Chile must lift its import quotas or face possible Argentine reprisals.",
     ("163", "ARG", None)),
])
def test_retaliation_as_a_noun_is_an_act_that_may_come(code_text: CodeText, text: str,
                                                      expected: Key) -> None:
    events = code_text(text)
    assert the_event(events, expected).modality == "hypothetical", shown(events)


#: the infinitive of a decision taken is the decider's act: the decision's owner, its "of"
#: or "by", or whoever took or announced it
DECIDED: list[tuple[str, Key]] = [
    ("Yeutter challenged Canada's decision to impose duties on U.S. corn imports.",
     ("163", "CAN", "USA")),
    ("China protested against the decision of Japan to send troops to Iraq.",
     ("15", "JPN", "IRQ")),
    ("Washington announced a move to impose sanctions on South Africa.",
     ("163", "USA", "ZAF")),
]


@pytest.mark.parametrize(("text", "expected"), DECIDED, ids=[c[0] for c in DECIDED])
def test_a_decisions_infinitive_is_the_deciders_act(code_text: CodeText, text: str,
                                                      expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


#: a move never taken, or one that is only a purpose, tells no act of its own
UNDECIDED = [
    "The Senate defeated a move to impose sanctions on South Africa.",
    "Japan rejected a move to send troops to Iraq.",
    # a reaction's subject is not who decided
    "China criticised the decision to send troops to Iraq.",
    "Japan protested against the decision to impose sanctions on South Africa.",
]


@pytest.mark.parametrize("text", UNDECIDED)
def test_a_move_defeated_is_no_act(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root in ("15", "16") and e.modality == "actual"
                and e.polarity == "asserted" and e.source is not None], shown(events)


def test_a_move_made_for_a_purpose_is_no_second_act(code_text: CodeText) -> None:
    # "in a move to protect its farmers" says why, not a second act of protecting
    events = code_text("Canada imposed duties on U.S. corn in a move to protect its "
                       "farmers.")
    assert ("163", "CAN", "USA") in keys(events), shown(events)
    assert not [e for e in events if e.trigger == "protect"], shown(events)


def test_a_bare_verb_after_a_decision_is_no_act(code_text: CodeText) -> None:
    # a bare "withdraw" is troops pulled back; a decision "to withdraw the United States
    # from the agreement" is no retreat of the United States from itself
    events = code_text("Trump's decision to withdraw the United States from the nuclear "
                       "agreement with Iran angered Tehran.")
    assert not [e for e in events if e.code == "0874"], shown(events)


#: the gerund telling how an act is done shares its tense and its negation
MEANS: list[tuple[str, Key, str, str]] = [
    ("Japan will not retaliate by imposing tariffs on U.S. goods.",
     ("163", "JPN", "USA"), "negated", "future"),
    ("Japan did not respond by expelling American diplomats.",
     ("161", "JPN", "USA"), "negated", "actual"),
    ("China will retaliate by imposing tariffs on U.S. goods.",
     ("163", "CHN", "USA"), "asserted", "future"),
    ("Japan responded by expelling American diplomats.",
     ("161", "JPN", "USA"), "asserted", "actual"),
]


@pytest.mark.parametrize(("text", "expected", "polarity", "modality"), MEANS,
                         ids=[c[0] for c in MEANS])
def test_a_means_gerund_shares_its_governors_tense_and_negation(
        code_text: CodeText, text: str, expected: Key, polarity: str, modality: str) -> None:
    events = [e for e in code_text(text) if expected in keys([e])]
    assert factuality(events) == [(polarity, modality)], shown(events)


#: an act supposed, not told: "for X to" under an adjective of possibility
POSSIBLE_FOR: list[tuple[str, Key, str, str]] = [
    ("It would not be possible for Greece to discuss the bases with the United States.",
     ("046", "GRC", "USA"), "negated", "hypothetical"),
    ("It was impossible for the EC to accept the American demands.",
     ("083", "EEC", "USA"), "asserted", "hypothetical"),
    # another verb's "for X to" takes none of its governor's negation
    ("Reagan did not wait for Congress to approve sanctions against South Africa.",
     ("163", "USA", "ZAF"), "asserted", "actual"),
    # what is called for is demanded, whether or not the call is negated
    ("Britain did not call for Iran to withdraw its troops from Iraq.",
     ("0874", "IRN", "IRQ"), "asserted", "demanded"),
    ("Britain called for Iran to withdraw its troops from Iraq.",
     ("0874", "IRN", "IRQ"), "asserted", "demanded"),
    ("Britain called for sanctions against Iran.", ("163", None, "IRN"), "asserted",
     "demanded"),
    ("The minister called for greater EC-U.S. cooperation on trade.", ("06", "EEC", "USA"),
     "asserted", "demanded"),
]


@pytest.mark.parametrize(("text", "expected", "polarity", "modality"), POSSIBLE_FOR,
                         ids=[c[0] for c in POSSIBLE_FOR])
def test_an_act_possible_for_someone_is_no_fact(code_text: CodeText, text: str,
                                                expected: Key, polarity: str,
                                                modality: str) -> None:
    events = [e for e in code_text(text) if expected in keys([e])]
    assert factuality(events)[:1] == [(polarity, modality)], shown(events)


#: a bloc's own meeting, accord or endorsement with no other side named is the bloc's with
#: itself (the gold's GOS→GOS, EEC→EEC)
GROUP_ACTS: list[tuple[str, Key]] = [
    ("Representatives of the Group of Seven will meet in Venice in June.",
     ("036", "GOS", "GOS")),
    ("EC finance ministers agreed on the need for greater monetary cooperation.",
     ("03", "EEC", "EEC")),
    ("European Community ministers backed a commission plan for farm trade reform.",
     ("051", "EEC", "EEC")),
    # in a story about the bloc and one state, the bloc's own meeting stays its own
    ("The EC warned Japan over its chip exports.\n\nJapan rejected the EC warning.\n\n"
     "EC farm ministers held a joint session in Luxembourg today.", ("040", "EEC", "EEC")),
    ("The Group of Seven urged Japan to cut its surplus.\n\nJapan rejected the call.\n\n"
     "A meeting of the Group of Seven will review progress in April.", ("040", "GOS", "GOS")),
]


@pytest.mark.parametrize(("text", "expected"), GROUP_ACTS, ids=[c[0] for c in GROUP_ACTS])
def test_a_blocs_own_act_is_with_itself(code_text: CodeText, text: str,
                                        expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


@pytest.mark.parametrize(("text", "absent"), [
    # an agency's talks are with a borrower, not a meeting of the agency
    ("Zambia said the IMF held talks on its exchange rate system.", ("04", "IMF", "IMF")),
    # a bloc's act on a named other stays on that other
    ("EC ministers backed Spain's plan for farm trade reform.", ("051", "EEC", "EEC")),
    # one official's act may be with the story's partner
    ("The EC warned China over its textile exports.\n\nChina rejected the EC warning.\n\n"
     "EC Commissioner Willy De Clercq signed an agreement on Friday.", ("057", "EEC", "EEC")),
    ("OPEC warned Britain over its oil output.\n\nBritain rejected the warning.\n\n"
     "The OPEC president signed an agreement on Friday.", ("057", "OPC", "OPC")),
])
def test_an_agency_or_an_act_on_another_is_not_the_groups_own(
        code_text: CodeText, text: str, absent: Key) -> None:
    events = code_text(text)
    assert absent not in keys(events), shown(events)


#: a reaction to a bill or a budget that names no other owner is aimed at the reacting
#: actor's own state, not at the story's foreign partner
OWN_MEASURES: list[tuple[str, Key]] = [
    ("Japan warned the United States.\n\nPresident Reagan said he would veto any "
     "protectionist legislation.", ("129", "USA", "USA")),
    ("Reagan vetoed the trade bill on Friday.", ("129", "USA", "USA")),
    ("The Japanese opposition parties criticised the sales tax bill.", ("111", "JPN", "JPN")),
    # an option weighed that names no other owner: the state's about itself
    ("Japan warned the United States.\n\nTaiwan's central bank is considering proposals to "
     "ease currency restrictions.", ("014", "TWN", "TWN")),
    ("South Korea is studying various measures to reform its bank sector.",
     ("014", "KOR", "KOR")),
]


@pytest.mark.parametrize(("text", "expected"), OWN_MEASURES,
                         ids=[c[0][-40:] for c in OWN_MEASURES])
def test_a_reaction_to_an_unowned_bill_is_domestic(code_text: CodeText, text: str,
                                                    expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


@pytest.mark.parametrize("text", [
    "Japan criticised the U.S. trade bill.",
    "France criticised the bill passed by the U.S. Congress.",
    # the bill told of before may have an owner the earlier sentence gives
    "The U.S. Congress passed a trade bill on Friday. Japan criticised the bill.",
])
def test_a_bill_with_an_owner_is_no_domestic_act(code_text: CodeText, text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.root == "11" and party(e.source) == party(e.target)
                ], shown(events)


@pytest.mark.parametrize("text", [
    "Japan said it would consider measures against the United States.",
    # retaliation, or an option told of before, is the partner's business
    "The United States imposed tariffs on Japanese chips.\n\n"
    "Japan is considering retaliatory measures.",
    "The United States imposed tariffs on Japanese chips.\n\n"
    "Japan said it was considering the proposal.",
])
def test_an_option_weighed_against_another_is_not_domestic(code_text: CodeText,
                                                           text: str) -> None:
    events = code_text(text)
    assert not [e for e in events if e.code == "014" and party(e.source) == party(e.target)
                ], shown(events)


#: a policy, a forecast or a measure is attacked or fought with words, not arms
WORDS_NOT_ARMS: list[tuple[str, Key]] = [
    ("The United States has openly attacked Japan's fiscal policy.", ("111", "USA", "JPN")),
    ("Japan has also attacked the OECD's forecasts for its economy.", ("111", "JPN", None)),
]


@pytest.mark.parametrize(("text", "expected"), WORDS_NOT_ARMS,
                         ids=[c[0] for c in WORDS_NOT_ARMS])
def test_a_policy_attacked_is_criticised(code_text: CodeText, text: str,
                                         expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)
    assert not [e for e in events if e.root in ("13", "18", "19")], shown(events)


def test_positions_attacked_are_still_attacked(code_text: CodeText) -> None:
    events = code_text("Iraqi forces attacked Iranian positions near Basra.")
    assert ("190", "IRQ", "IRN") in keys(events), shown(events)


def test_a_measure_fought_is_rejected(code_text: CodeText) -> None:
    events = code_text("Canada will fight the U.S. action against Canadian potash exports.")
    assert ("120", "CAN", "USA") in keys(events), shown(events)
    assert not [e for e in events if e.root in ("18", "19")], shown(events)


@pytest.mark.parametrize(("text", "threat"), [
    # a vow to fight a measure threatens no force
    ("Canada vowed to fight the U.S. action against its potash exports.", "130"),
    # a vow to fight a state does
    ("Syria vowed to fight Israel.", "138"),
])
def test_a_vow_to_fight_threatens_what_the_fight_is(code_text: CodeText, text: str,
                                                    threat: str) -> None:
    events = code_text(text)
    threats = {e.code for e in events if e.root == "13"}
    assert threat in threats, shown(events)
    if threat != "138":
        assert not threats & {"138", "1384"}, shown(events)


@pytest.mark.parametrize(("text", "expected"), [
    # a passive participle with its doer acts on the noun it describes
    ("It was a test of the technology agreement signed by India and the United States.",
     ("057", "IND", "USA")),
    ("Egypt has embarked on reforms sought by the International Monetary Fund.",
     ("02", "IMF", "EGY")),
])
def test_a_participle_with_its_doer_is_the_doers_act(code_text: CodeText, text: str,
                                                      expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


def test_a_participle_without_a_doer_is_no_act(code_text: CodeText) -> None:
    events = code_text("Japan criticised the agreement signed in 1985.")
    assert not [e for e in events if e.code == "057"], shown(events)


@pytest.mark.parametrize(("text", "appeal", "asked"), [
    # "called for X to do": an appeal to X, as "called on X to do" is
    ("Britain called for Iran to withdraw its troops from Iraq.", ("02", "GBR", "IRN"),
     ("0874", "IRN", "IRQ")),
    ("Chile called for Peru to reopen the border.", ("02", "CHL", "PER"), None),
])
def test_calling_for_another_to_act_appeals_to_it(code_text: CodeText, text: str,
                                                  appeal: Key, asked: Key | None) -> None:
    events = code_text(text)
    assert appeal in keys(events), shown(events)
    if asked is not None:
        assert [e.modality for e in events if asked in keys([e])] == ["demanded"], shown(events)


def test_a_plan_that_calls_for_an_act_is_no_appeal(code_text: CodeText) -> None:
    events = code_text("The government's plan calls for the ministry to cut spending.")
    assert not [e for e in events if e.root == "02"], shown(events)
