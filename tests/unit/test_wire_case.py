"""The wire's capital after "U.S." is undone for the parse, never for the text shown."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.actors import ActorResolver
from realpolitik.config import Config
from realpolitik.nlp import NlpStage, repair_wire_case
from tests.coding import cached_coder
from tests.unit.test_wire_families import CodeText, keys, shown

WORDS = frozenset({"sanction", "attack", "tariff", "pressure"})


@pytest.fixture(scope="module")
def code_text(nlp_stage: NlpStage, actor_resolver: ActorResolver, config: Config) -> CodeText:
    return cached_coder(config, nlp_stage, actor_resolver, date(1987, 6, 1))


@pytest.mark.parametrize(("text", "repaired"), [
    ("Japan protested against the U.S. Sanctions on chips.",
     "Japan protested against the U.S. sanctions on chips."),
    ("The U.S. Attack on the platform angered Tehran.",
     "The U.S. attack on the platform angered Tehran."),
    ("Tokyo bowed to U.K. Pressure.", "Tokyo bowed to U.K. pressure."),
    # a name goes on in capitals, or the word is no common one: left as written
    ("U.S. Trade Representative Clayton Yeutter arrived.",
     "U.S. Trade Representative Clayton Yeutter arrived."),
    ("The U.S. Congress passed the bill.", "The U.S. Congress passed the bill."),
    # a capital after a full stop that is no initials' is a sentence's
    ("Japan said so. Sanctions would follow.", "Japan said so. Sanctions would follow."),
])
def test_the_wires_capital_after_initials_is_undone(text: str, repaired: str) -> None:
    assert repair_wire_case(text, WORDS) == repaired


@given(st.text(alphabet=st.sampled_from(list("U.S. AtackSnio,bc\n")), max_size=80))
def test_repair_keeps_length_and_changes_only_case(text: str) -> None:
    repaired = repair_wire_case(text, WORDS)
    assert len(repaired) == len(text)
    assert repaired.lower() == text.lower()


def test_the_event_noun_is_found_and_quoted_as_written(code_text: CodeText) -> None:
    events = code_text("The U.S. Attack on Iranian oil platforms angered Tehran.")
    assert ("190", "USA", "IRN") in keys(events), shown(events)
    attack = next(e for e in events if e.code == "190")
    assert attack.trigger == "Attack" and "U.S. Attack" in attack.evidence
