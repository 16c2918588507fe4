"""The model stage of the coder, with tiny fake models standing in for the learned ones."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.cli.options import with_models
from realpolitik.config import Config
from realpolitik.errors import ConfigError
from realpolitik.events import EventCoder
from realpolitik.learned.participants import ParticipantSpan
from realpolitik.learned.stage import ModelStage
from realpolitik.model import Event
from realpolitik.nlp import NlpStage

DAY = date(2024, 6, 1)
#: the rules code 111 IRN → (no target); Israel is at characters 33–39
CONDEMNED = "Iran condemned the strike, which Israel carried out near Damascus."
#: the rules code 161 DEU → (none), the main event, and 130 RUS → POL
EXPELLED = "Germany expelled two diplomats after Russia threatened Poland."


class FakeSpans:
    """Returns the same spans for every sentence, and counts its calls."""

    def __init__(self, spans: Sequence[ParticipantSpan]) -> None:
        self.spans = list(spans)
        self.calls: list[list[str]] = []

    def predict(self, texts: Sequence[str]) -> list[list[ParticipantSpan]]:
        self.calls.append(list(texts))
        return [self.spans for _ in texts]


class FakeClasses:
    """Returns the same class probabilities for every sentence."""

    def __init__(self, probs: Sequence[float]) -> None:
        self.probs = tuple(probs)

    def predict_proba(self, texts: Sequence[str]) -> list[tuple[float, ...]]:
        return [self.probs for _ in texts]


Code = Callable[[str, ModelStage | None], list[Event]]


@pytest.fixture(scope="module")
def code(nlp_stage: NlpStage, actor_resolver: ActorResolver, config: Config) -> Code:
    def run(text: str, stage: ModelStage | None) -> list[Event]:
        doc = nlp_stage.parse_text(text, when=DAY)
        # the rules alone unless the test passes a stage (the default turns the models on)
        rules = config.with_changes(event_class_model=False, participant_model=False)
        coder = EventCoder(rules, models=stage)
        return coder.code(doc, actor_resolver.resolve_document(doc))

    return run


def keys(events: list[Event]) -> list[tuple[str, str | None, str | None, bool]]:
    return [(e.code, e.source.actor if e.source else None,
             e.target.actor if e.target else None, e.is_root) for e in events]


def test_rules_alone_leave_the_target_empty(code: Code) -> None:
    assert keys(code(CONDEMNED, None)) == [("111", "IRN", None, True)]


def test_participant_model_fills_an_empty_target(code: Code) -> None:
    spans = FakeSpans([ParticipantSpan(0, 4, "source", 1.0),
                       ParticipantSpan(33, 39, "target", 1.0)])
    events = code(CONDEMNED, ModelStage(participants=spans))
    assert keys(events) == [("111", "IRN", "ISR", True)]
    assert events[0].target is not None and events[0].target.text == "Israel"
    assert spans.calls == [[CONDEMNED]]  # one call per document, coded sentences only


def test_participant_model_never_pairs_an_actor_with_itself(code: Code) -> None:
    spans = FakeSpans([ParticipantSpan(0, 4, "target", 1.0)])
    assert keys(code(CONDEMNED, ModelStage(participants=spans))) == [
        ("111", "IRN", None, True)]


def test_participant_model_needs_the_minimum_score(code: Code) -> None:
    spans = FakeSpans([ParticipantSpan(33, 39, "target", 0.4)])
    assert keys(code(CONDEMNED, ModelStage(participants=spans, min_score=0.5))) == [
        ("111", "IRN", None, True)]
    assert keys(code(CONDEMNED, ModelStage(participants=spans, min_score=0.3))) == [
        ("111", "IRN", "ISR", True)]


def test_participant_model_keeps_what_the_rules_resolved(code: Code) -> None:
    rules = keys(code(EXPELLED, None))
    spans = FakeSpans([ParticipantSpan(37, 43, "source", 1.0),
                       ParticipantSpan(55, 61, "target", 1.0)])
    events = keys(code(EXPELLED, ModelStage(participants=spans)))
    # 161 gets Poland as its target; 130 RUS → POL is left as it was
    assert rules == [("161", "DEU", None, True), ("130", "RUS", "POL", False)]
    assert events == [("161", "DEU", "POL", True), ("130", "RUS", "POL", False)]


def test_event_class_model_reranks_the_main_event(code: Code) -> None:
    verbal_conflict = FakeClasses([0.0, 0.0, 0.0, 0.9, 0.1])
    events = keys(code(EXPELLED, ModelStage(event_class=verbal_conflict)))
    assert events == [("161", "DEU", None, False), ("130", "RUS", "POL", True)]
    # no preference: the rules' order decides
    uniform = FakeClasses([0.2] * 5)
    assert keys(code(EXPELLED, ModelStage(event_class=uniform))) == keys(code(EXPELLED, None))


def test_event_class_veto_drops_unlikely_classes_only_when_asked(code: Code) -> None:
    no_material_conflict = FakeClasses([0.05, 0.05, 0.05, 0.85, 0.0])
    assert [k[0] for k in keys(code(EXPELLED, ModelStage(event_class=no_material_conflict)))
            ] == ["161", "130"]
    vetoed = keys(code(EXPELLED, ModelStage(event_class=no_material_conflict,
                                            veto_below=0.01)))
    assert vetoed == [("130", "RUS", "POL", True)]


def test_stage_is_off_unless_configured() -> None:
    assert ModelStage.from_config(Config(event_class_model=False,
                                         participant_model=False)) is None
    assert with_models(Config(), None, None) == Config()
    turned = with_models(Config(), True, False)
    assert turned.event_class_model and not turned.participant_model
    with pytest.raises(ConfigError):
        Config(class_veto_below=1.5)
    with pytest.raises(ConfigError):
        Config(participant_min_score=-0.1)


#: the rules code 190 (no source) → NGA; "Gunmen" is characters 0–6, "a police station in
#: northern Nigeria" 16–52
ATTACKED = "Gunmen attacked a police station in northern Nigeria."


def sides(events: list[Event]) -> list[tuple[str | None, str | None, str | None, str | None]]:
    return [(e.source.text if e.source else None, e.source.actor if e.source else None,
             e.target.text if e.target else None, e.target.actor if e.target else None)
            for e in events]


def test_an_empty_side_no_actor_fills_takes_the_span_words(code: Code) -> None:
    spans = FakeSpans([ParticipantSpan(0, 6, "source", 1.0)])
    assert sides(code(ATTACKED, None)) == [(None, None, "Nigeria", "NGA")]
    assert sides(code(ATTACKED, ModelStage(participants=spans, widen=False))) == [
        ("Gunmen", None, "Nigeria", "NGA")]
    # without span words the side stays empty: there is no resolved mention to fill it
    assert sides(code(ATTACKED, ModelStage(participants=spans, span_text=False,
                                           widen=False))) == [(None, None, "Nigeria", "NGA")]


def test_span_words_never_take_the_other_sides_words_or_a_low_score(code: Code) -> None:
    on_target = FakeSpans([ParticipantSpan(36, 52, "source", 1.0)])  # "northern Nigeria"
    assert sides(code(ATTACKED, ModelStage(participants=on_target))) == [
        (None, None, "Nigeria", "NGA")]
    weak = FakeSpans([ParticipantSpan(0, 6, "source", 0.3)])
    assert sides(code(ATTACKED, ModelStage(participants=weak, min_score=0.5))) == [
        (None, None, "Nigeria", "NGA")]


def test_a_side_inside_a_longer_span_takes_its_words_and_keeps_its_actor(code: Code) -> None:
    spans = FakeSpans([ParticipantSpan(0, 6, "source", 1.0),
                       ParticipantSpan(16, 52, "target", 1.0)])
    events = code(ATTACKED, ModelStage(participants=spans))
    assert sides(events) == [("Gunmen", None, "a police station in northern Nigeria", "NGA")]
    # a span of the other label, or one that does not hold the words, changes nothing
    other = FakeSpans([ParticipantSpan(16, 52, "source", 1.0)])
    assert sides(code(ATTACKED, ModelStage(participants=other, span_text=False))) == [
        (None, None, "Nigeria", "NGA")]
    apart = FakeSpans([ParticipantSpan(16, 32, "target", 1.0)])
    assert sides(code(ATTACKED, ModelStage(participants=apart))) == [
        (None, None, "Nigeria", "NGA")]


def test_without_actor_filling_no_party_changes(code: Code) -> None:
    # CONDEMNED: "the strike" is characters 15–25, Israel 33–39
    on_actor = FakeSpans([ParticipantSpan(33, 39, "target", 1.0)])
    assert sides(code(CONDEMNED, ModelStage(participants=on_actor, fill_actors=False))) == [
        ("Iran", "IRN", None, None)]  # an actor's words are never shown unresolved
    on_words = FakeSpans([ParticipantSpan(15, 25, "target", 1.0)])
    assert sides(code(CONDEMNED, ModelStage(participants=on_words, fill_actors=False))) == [
        ("Iran", "IRN", "the strike", None)]
