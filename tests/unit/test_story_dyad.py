"""An act whose other side a wire sentence leaves open takes the story's partner of the side
it names, pinned by stories written for these tests; a party with two partners as frequent
takes neither.

Events are compared as (code or root, source country, target country) keys.
"""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.events.coder.story import fill_from_story
from realpolitik.model import Event, Participant, party
from realpolitik.nlp import NlpStage
from tests.coding import CodeText, cached_coder
from tests.unit.test_wire_families import Key, keys, shown

DAY = date(1987, 6, 1)


@pytest.fixture(scope="module")
def code_text(nlp_stage: NlpStage, actor_resolver: ActorResolver, config: Config) -> CodeText:
    return cached_coder(config, nlp_stage, actor_resolver, DAY)


FILLED: list[tuple[str, Key]] = [
    # the target of a later act by the same side
    ("Norway expelled two Icelandic diplomats on Tuesday.\n\n"
     "Norway also criticised the new fishing quotas.", ("111", "NOR", "ISL")),
    ("Chile accused Bolivia of blocking the border talks.\n\n"
     "The Chilean government also suspended the rail agreement.", ("16", "CHL", "BOL")),
    # the source of a later act aimed at the same side
    ("Kenya accused Uganda of shelling its border posts.\n\n"
     "The talks with Kenya were broken off on Friday.", ("16", "UGA", "KEN")),
    # a later sentence of the story, the same pair in other words
    ("Portugal signed a fisheries pact with Morocco on Monday.\n\n"
     "Lisbon also promised new credits.", ("03", "PRT", "MAR")),
]


@pytest.mark.parametrize(("text", "expected"), FILLED, ids=[c[0][:40] for c in FILLED])
def test_an_open_side_takes_the_story_partner(code_text: CodeText, text: str,
                                              expected: Key) -> None:
    events = code_text(text)
    assert expected in keys(events), shown(events)


def test_a_plain_statement_takes_no_story_partner(code_text: CodeText) -> None:
    # a "said" with no other actor in its sentence is no statement to the story's partner
    text = ("Norway expelled two Icelandic diplomats on Tuesday.\n\n"
            "The Norwegian foreign minister said relations would recover.")
    events = code_text(text)
    assert not [e for e in events if e.code == "010" and party(e.target) == "ISL"], \
        shown(events)


def test_a_party_with_two_equal_partners_takes_neither(code_text: CodeText) -> None:
    text = ("Norway criticised Iceland over the quotas.\n\n"
            "Norway praised Denmark for its support.\n\n"
            "Norway also suspended the fishing talks.")
    events = code_text(text)
    halted = [e for e in events if e.root == "16"]
    assert halted and all(e.target is None or e.target.country is None for e in halted), \
        shown(events)


def _event(sentence: int, source: str | None, target: str | None) -> Event:
    def party(code: str | None) -> Participant | None:
        return Participant(code, code, code, None) if code else None

    return Event(id=f"e{sentence}{source}{target}", source=party(source),
                 target=party(target), code="111", root="11", quad_class=3,
                 goldstein=-2.0, plover=None, polarity="asserted", modality="actual",
                 sentence=sentence, evidence="", confidence=0.5, span=(0, 1),
                 trigger="x", trigger_token=sentence)


@pytest.mark.parametrize(("events", "filled"), [
    # the pair named twice outweighs the one named once
    ([_event(0, "NOR", "ISL"), _event(1, "ISL", "NOR"), _event(2, "NOR", "DNK"),
      _event(3, "NOR", None)], ("NOR", "ISL")),
    # one sentence naming the pair twice counts once: a tie, no partner
    ([_event(0, "NOR", "ISL"), _event(0, "ISL", "NOR"), _event(1, "NOR", "DNK"),
      _event(2, "NOR", None)], ("NOR", None)),
    # a party's act on itself names no partner
    ([_event(0, "NOR", "NOR"), _event(1, "NOR", None)], ("NOR", None)),
    ([_event(0, "NOR", "ISL"), _event(1, None, "ISL")], ("NOR", "ISL")),
    # the lead stands alone
    ([_event(1, "NOR", "ISL"), _event(0, None, "ISL")], (None, "ISL")),
])
def test_story_partner_counting(events: list[Event], filled: tuple[str | None, str | None]
                                ) -> None:
    last = fill_from_story(events)[-1]
    got = (last.source.country if last.source else None,
           last.target.country if last.target else None)
    assert got == filled


#: a meeting or negotiation filled from the story is coded both ways; a ratification is
#: the ratifier's act alone
RECIPROCAL: list[tuple[str, Key, bool]] = [
    ("Norway accused Iceland of overfishing.\n\nNorway held talks on Friday.",
     ("046", "ISL", "NOR"), True),
    ("Chile accused Bolivia of blocking the border.\n\nThe Chilean minister held a meeting "
     "on Monday.", ("040", "BOL", "CHL"), True),
    ("Norway accused Iceland of overfishing.\n\nNorway ratified the fisheries agreement.",
     ("057", "ISL", "NOR"), False),
]


@pytest.mark.parametrize(("text", "reverse", "coded"), RECIPROCAL,
                         ids=[c[0][-40:] for c in RECIPROCAL])
def test_a_filled_reciprocal_act_is_coded_both_ways(code_text: CodeText, text: str,
                                                    reverse: Key, coded: bool) -> None:
    events = code_text(text)
    assert (reverse in keys(events)) == coded, shown(events)
