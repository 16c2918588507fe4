"""Non-facts: events a sentence names without asserting that they happened.

Each family of constructions (questions, conditions, rumours and their denials, allegations,
schedules and plans, proposed or vetoed measures) is tried on sentences written for these
tests, with the non-asserted modality or polarity the event must get, and with near misses
that must stay facts ("recalled its ambassador after Bolivia expelled two diplomats", "asked
China for aid", "adopted a resolution imposing an embargo").

Keys are (code, source country, target country, polarity, modality); a two-digit code stands
for the CAMEO root.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.model import Event
from realpolitik.nlp import NlpStage
from tests.coding import cached_coder

DAY = date(2024, 6, 1)

Key = tuple[str, str | None, str | None, str, str]
Code = Callable[[str], list[Event]]


@pytest.fixture(scope="module")
def code(config: Config, nlp_stage: NlpStage, actor_resolver: ActorResolver) -> Code:
    return cached_coder(config, nlp_stage, actor_resolver, DAY)


def _country(participant: object) -> str | None:
    return getattr(participant, "country", None)


def keys(events: list[Event]) -> set[Key]:
    out: set[Key] = set()
    for e in events:
        for code in (e.code, e.root):
            out.add((code, _country(e.source), _country(e.target), e.polarity, e.modality))
    return out


def shown(events: list[Event]) -> str:
    return "\n".join(
        f"  {e.code} {e.trigger!r} {_country(e.source)}->{_country(e.target)} "
        f"{e.polarity} {e.modality}" for e in events) or "  (no events)"


#: family → sentences, each with the event that must come out non-asserted
NON_FACTS: dict[str, list[tuple[str, Key]]] = {
    "question": [
        ("Japan asked whether China would lift its ban on Japanese seafood.",
         ("08", "CHN", "JPN", "asserted", "hypothetical")),
        ("Ghana asked if Nigeria might reopen the border.",
         ("0872", "NGA", "GHA", "asserted", "hypothetical")),
        ("It is unclear whether Egypt will recognise Sudan's new government.",
         ("054", "EGY", "SDN", "asserted", "hypothetical")),
        ("Will Kenya send troops to Haiti?", ("15", None, "HTI", "asserted", "hypothetical")),
    ],
    "condition": [
        ("Sanctions on Niger will stay until Niger releases the president.",
         ("0841", "NER", "NER", "asserted", "hypothetical")),
        ("Turkey will block Sweden's membership until Sweden extradites the suspects.",
         ("063", "SWE", None, "asserted", "hypothetical")),
        ("Kenya will keep its troops in Somalia pending a ceasefire between Somalia and "
         "the rebels.", ("0871", "SOM", "KEN", "asserted", "hypothetical")),
        ("India will resume talks with Pakistan provided that Pakistan ends its support for "
         "the militants.", ("16", "PAK", "PAK", "asserted", "hypothetical")),
        ("Egypt will mediate on condition that Ethiopia halts its attacks on Sudan.",
         ("087", "ETH", "SDN", "asserted", "hypothetical")),
        ("In case of a Turkish attack on Cyprus, Greece will respond.",
         ("190", "TUR", "CYP", "asserted", "hypothetical")),
        ("In the event of a Turkish attack on Cyprus, Greece will respond.",
         ("190", "TUR", "CYP", "asserted", "hypothetical")),
        ("Chile will recall its ambassador unless Bolivia withdraws its troops from Peru.",
         ("0874", "BOL", "PER", "asserted", "hypothetical")),
        # the second verb of a condition clause is under its "until" too
        ("Chile will not talk to Bolivia until Bolivia apologises and withdraws its troops "
         "from Peru.", ("0874", "BOL", "PER", "asserted", "hypothetical")),
        # the consequent of a condition, with "will" as with "would"
        ("Egypt will expel the Sudanese ambassador if Sudan closes the border.",
         ("161", "EGY", "SDN", "asserted", "hypothetical")),
    ],
    "one chamber's vote": [
        ("The U.S. Senate voted to cut military aid to Pakistan.",
         ("16", "USA", "PAK", "asserted", "hypothetical")),
        ("The Italian parliament voted to impose sanctions on Libya.",
         ("163", "ITA", "LBY", "asserted", "hypothetical")),
    ],
    "as its accuser calls it": [
        ("Chile recalled its envoy over what it called Peru's violation of the treaty.",
         ("128", "PER", None, "asserted", "reported")),
        ("Kenya closed the border in response to what it sees as Somalia's failure to honour "
         "the accord.", ("128", "SOM", None, "asserted", "reported")),
    ],
    "temporal clause still to come": [
        ("When Lula arrives in Paris next week, he will meet Macron.",
         ("042", "BRA", "FRA", "asserted", "future")),
        ("Once Ethiopia withdraws its troops, Eritrea will reopen the border.",
         ("0874", "ETH", None, "asserted", "future")),
        ("Modi's main demand when he arrives for talks with Biden on Wednesday will be the "
         "lifting of tariffs.", ("046", "IND", "USA", "asserted", "future")),
    ],
    "rumour or report": [
        ("According to Greece, Turkish jets bombed Cyprus.",
         ("195", "TUR", "CYP", "asserted", "reported")),
        ("Chad is believed to have sent troops to Sudan.",
         ("15", "TCD", "SDN", "asserted", "reported")),
        ("There were rumours that Thailand invaded Cambodia.",
         ("192", "THA", "KHM", "asserted", "reported")),
        ("Reports that Chad had expelled the French ambassador circulated in Paris.",
         ("161", "TCD", "FRA", "asserted", "reported")),
    ],
    "denied rumour": [
        ("Peru denied reports that it had sent troops to Ecuador.",
         ("15", "PER", "ECU", "negated", "reported")),
        ("Kenya denied rumours that its forces had attacked Somalia.",
         ("190", "KEN", "SOM", "negated", "reported")),
        ("The Thai army refuted rumours of a Thai attack on Cambodia.",
         ("190", "THA", "KHM", "negated", "reported")),
    ],
    "allegation": [
        ("Greece accused Turkey of shelling Cyprus.",
         ("194", "TUR", "CYP", "asserted", "reported")),
        ("Turkey allegedly shelled Cyprus.", ("194", "TUR", "CYP", "asserted", "reported")),
        ("Turkish forces reportedly shelled Cyprus.",
         ("194", "TUR", "CYP", "asserted", "reported")),
        ("Greece condemned the alleged Turkish shelling of Cyprus.",
         ("194", "TUR", "CYP", "asserted", "reported")),
        ("India alleged that Pakistan had attacked its border posts.",
         ("190", "PAK", None, "asserted", "reported")),
        ("Greece charged Turkey with shelling Cyprus.",
         ("194", "TUR", "CYP", "asserted", "reported")),
    ],
    "schedule or plan": [
        ("Modi visits Washington next week.", ("042", "IND", "USA", "asserted", "future")),
        ("Lula meets Macron in Paris on Thursday.", ("040", "BRA", "FRA", "asserted", "future")),
        ("Kenya condemned the planned visit of the Ugandan president to Sudan.",
         ("042", None, "SDN", "asserted", "future")),
        ("Ghana welcomed the upcoming talks between Nigeria and Niger.",
         ("046", "NGA", "NER", "asserted", "future")),
        ("A Japanese visit to Taiwan is under consideration.",
         ("042", "JPN", "TWN", "asserted", "hypothetical")),
        ("Japan released two Chinese fishermen ahead of talks with China.",
         ("046", None, "CHN", "asserted", "future")),
        ("Kenya freed prisoners on the eve of the summit with Uganda.",
         ("040", "KEN", "UGA", "asserted", "future")),
    ],
    "proposed or vetoed measure": [
        ("China blocked a draft calling for an arms embargo on Myanmar.",
         ("163", None, "MMR", "asserted", "hypothetical")),
        ("Japan vetoed sanctions on Myanmar.", ("163", None, "MMR", "asserted", "hypothetical")),
        ("Congress debated a bill that would impose tariffs on Chinese steel.",
         ("163", None, "CHN", "asserted", "hypothetical")),
        ("Pakistan warned against a possible Indian strike on its territory.",
         ("190", "IND", None, "asserted", "hypothetical")),
        ("Canada proposed sanctions on Eritrea.",
         ("163", None, "ERI", "asserted", "hypothetical")),
    ],
    "prevented": [
        ("Japan cut exports to ward off American sanctions on Japan.",
         ("163", "USA", "JPN", "asserted", "hypothetical")),
        ("The Indian army prevented a Pakistani attack on Kashmir.",
         ("190", "PAK", None, "asserted", "hypothetical")),
        ("Diplomats averted a war between Peru and Ecuador.",
         ("190", "PER", "ECU", "asserted", "hypothetical")),
    ],
    "made by a verb that is not a fact": [
        ("India could impose sanctions on Pakistan.",
         ("163", "IND", "PAK", "asserted", "hypothetical")),
        # (told to Japan: a statement to nobody is no event at all)
        ("The plan was unveiled one day before Modi tells Japan the date of the visit.",
         ("010", "IND", "JPN", "asserted", "hypothetical")),
    ],
    "purpose of a possible measure": [
        ("Japan might take new measures to support Thailand.",
         ("051", None, "THA", "asserted", "hypothetical")),
    ],
    "what may or may not come": [
        ("China warned of the threat of sanctions against Lithuania.",
         ("163", None, "LTU", "asserted", "hypothetical")),
        ("Fears of an Indian invasion of Pakistan grew.",
         ("192", "IND", "PAK", "asserted", "hypothetical")),
        ("Hopes for a ceasefire between Sudan and Chad faded.",
         ("0871", "SDN", "TCD", "asserted", "hypothetical")),
        ("The prospect of talks between Serbia and Kosovo improved.",
         ("046", "SRB", "KSV", "asserted", "hypothetical")),
    ],
    "made possible, not done": [
        ("The accord paved the way for talks between Serbia and Kosovo.",
         ("046", "SRB", "KSV", "asserted", "hypothetical")),
        ("Germany said the vote would open the door to sanctions against Iran.",
         ("163", None, "IRN", "asserted", "hypothetical")),
    ],
}

#: near misses: the same words where the event did happen
FACTS: list[tuple[str, Key]] = [
    # a question word asks about a fact
    ("Why did Peru expel the Mexican ambassador?", ("161", "PER", "MEX", "asserted", "actual")),
    # asking for something is an appeal, which happened
    ("Japan asked China for aid.", ("020", "JPN", "CHN", "asserted", "actual")),
    ("Japan asked whether China would lift its ban on Japanese seafood.",
     ("02", "JPN", "CHN", "asserted", "actual")),
    # a past tense in a clause of time or condition tells what happened
    ("Turkey blocked Sweden's membership until Sweden extradited the suspects.",
     ("063", "SWE", None, "asserted", "actual")),
    ("Chile recalled its ambassador after Bolivia expelled two diplomats.",
     ("161", "BOL", None, "asserted", "actual")),
    ("When Lula arrived in Paris, he met Macron.", ("040", "BRA", "FRA", "asserted", "actual")),
    ("Modi visited Washington last week.", ("042", "IND", "USA", "asserted", "actual")),
    ("Japan buys more gas from Qatar this year.", ("06", "JPN", "QAT", "asserted", "actual")),
    ("Japan released two Chinese fishermen after talks with China.",
     ("046", "JPN", "CHN", "asserted", "actual")),
    # what stays in force until a condition is met is in force now
    ("Sanctions on Niger will stay until Niger releases the president.",
     ("163", None, "NER", "asserted", "actual")),
    # the accusation and the denial are acts of their own
    ("Greece accused Turkey of shelling Cyprus.", ("112", "GRC", "TUR", "asserted", "actual")),
    ("Peru denied reports that it had sent troops to Ecuador.",
     ("016", "PER", None, "asserted", "actual")),
    # the veto of a measure is the event (129), not the measure
    ("China blocked a draft calling for an arms embargo on Myanmar.",
     ("129", "CHN", None, "asserted", "actual")),
    ("Japan vetoed sanctions on Myanmar.", ("129", "JPN", "MMR", "asserted", "actual")),
    # an event a proposal reacts to happened; an adopted measure is taken
    ("China vetoed a resolution condemning the Ethiopian attack on Eritrea.",
     ("190", "ETH", "ERI", "asserted", "actual")),
    ("The Security Council adopted a resolution imposing an arms embargo on Sudan.",
     ("163", None, "SDN", "asserted", "actual")),
    ("Canada imposed sanctions on Eritrea.", ("163", "CAN", "ERI", "asserted", "actual")),
    ("Greece condemned the Turkish shelling of Cyprus.",
     ("194", "TUR", "CYP", "asserted", "actual")),
    # a rejection that a proposal's relative clause tells is a fact
    ("Ghana made a proposal that Togo rejected.", ("12", "TGO", None, "asserted", "actual")),
    # the purpose of measures taken is told as done; of measures not taken, as not done
    ("Japan took new measures to support Thailand.",
     ("051", None, "THA", "asserted", "actual")),
    ("Japan took no measures to support Thailand.", ("051", None, "THA", "negated", "actual")),
    # a protest by blocking is no blocked protest
    ("Greek farmers blocked motorways to protest against the new rules.",
     ("14", "GRC", None, "asserted", "actual")),
    # a clause of time without a tense of its own takes the tense of its sentence
    ("Before meeting with Biden, the Saudi crown prince paid a brief call on Harris.",
     ("040", "SAU", "USA", "asserted", "actual")),
    ("Japan made it clear before the start of today's talks with China that it expected "
     "nothing.", ("046", "JPN", "CHN", "asserted", "actual")),
    # what a verb finds there (honour, explain, renegotiate) is a fact, whatever the verb's
    # own modality; the object of a verb that makes it is not
    ("Peru said it would not honour the May agreement with Chile.",
     ("057", "PER", "CHL", "asserted", "actual")),
    ("Brazil sent envoys in an attempt to explain the Brazilian suspension of payments to "
     "Japan.", ("16", "BRA", None, "asserted", "actual")),
    # what a conditional reaction reacts to is there already
    ("Japan would condemn the attack by China on Taiwan.",
     ("190", "CHN", "TWN", "asserted", "actual")),
    ("The threat posed by the Chinese invasion of Tibet worried India.",
     ("192", "CHN", None, "asserted", "actual")),
    # a party telling its own act asserts it
    ("Kenyan jets struck a camp in Somalia, a Kenyan army spokesman said.",
     ("195", "KEN", "SOM", "asserted", "actual")),
    ("The Egyptian foreign minister met his Sudanese counterpart in Cairo, an Egyptian "
     "official said.", ("040", "SDN", "EGY", "asserted", "actual")),
    ("Peru said it sent aid to Ecuador.", ("070", "PER", "ECU", "asserted", "actual")),
    ("According to the Greek army, Greek jets bombed Turkish positions in Cyprus.",
     ("195", "GRC", "TUR", "asserted", "actual")),
    # a plan to cooperate is an intent even under a condition
    ("Japan will seek new talks with China if the first round fails.",
     ("036", "JPN", "CHN", "asserted", "actual")),
    # a vote is a fact, what it votes for is not yet
    ("Chile recalled its envoy over Peru's violation of the treaty.",
     ("128", "PER", None, "asserted", "actual")),
    # "in the case of" only says what it is about
    ("In the case of Cyprus, the Turkish attack was condemned by Greece.",
     ("190", "TUR", None, "asserted", "actual")),
]

#: what a party tells of others, or claims, stays reported
REPORTED: list[tuple[str, Key]] = [
    ("Greece said Turkish jets had bombed Cyprus.", ("195", "TUR", "CYP", "asserted", "reported")),
    ("Officials said Chad had sent troops to Sudan.", ("15", "TCD", "SDN", "asserted", "reported")),
    ("Peru claimed it had sent aid to Ecuador.", ("070", "PER", "ECU", "asserted", "reported")),
    ("Kenya denied that its troops had attacked Somalia.",
     ("190", "KEN", "SOM", "negated", "reported")),
]


def _cases() -> list[object]:
    return [pytest.param(family, text, key, id=f"{family}: {text}")
            for family, cases in NON_FACTS.items() for text, key in cases]


@pytest.mark.parametrize(("family", "text", "expected"), _cases())
def test_non_fact_gets_its_modality(code: Code, family: str, text: str,
                                    expected: Key) -> None:
    events = code(text)
    assert expected in keys(events), f"{family}: missing {expected}; got\n{shown(events)}"


@pytest.mark.parametrize(("family", "text", "expected"), _cases())
def test_non_fact_is_never_also_a_fact(code: Code, family: str, text: str,
                                       expected: Key) -> None:
    """The non-fact does not come out a second time as an asserted, actual event."""
    events = code(text)
    code_, source, target = expected[:3]
    facts = [e for e in events if (e.code == code_ or e.root == code_)
             and (_country(e.source), _country(e.target)) == (source, target)
             and e.polarity == "asserted" and e.modality == "actual"]
    assert not facts, f"{family}: asserted as a fact\n{shown(facts)}"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(text, key, id=text) for text, key in FACTS])
def test_near_misses_stay_facts(code: Code, text: str, expected: Key) -> None:
    events = code(text)
    assert expected in keys(events), f"missing {expected}; got\n{shown(events)}"


@pytest.mark.parametrize(("text", "expected"), [
    pytest.param(text, key, id=text) for text, key in REPORTED])
def test_what_others_tell_stays_reported(code: Code, text: str, expected: Key) -> None:
    events = code(text)
    assert expected in keys(events), f"missing {expected}; got\n{shown(events)}"
