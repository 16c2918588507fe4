"""The sentence's main event (is_root) and the calibrated confidence of every event."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.config import Config, fitted_threshold
from realpolitik.errors import DataFileError
from realpolitik.events import EventCoder
from realpolitik.events.calibration import (
    FEATURES,
    ConfidenceModel,
    default_confidence_model,
    event_class,
    feature_vector,
)
from realpolitik.events.salience import tree_depth
from realpolitik.ingest import make_document
from realpolitik.model import Event, ParsedDoc
from realpolitik.nlp import NlpStage

DAY = date(2024, 6, 1)
Code = Callable[[str], tuple[ParsedDoc, list[Event]]]


@pytest.fixture(scope="module")
def code(nlp_stage: NlpStage, actor_resolver: ActorResolver, config: Config
         ) -> Code:
    coder = EventCoder(config)

    def run(text: str) -> tuple[ParsedDoc, list[Event]]:
        doc = next(nlp_stage.parse([make_document(text, source="t", when=DAY)]))
        return doc, coder.code(doc, actor_resolver.resolve_document(doc))

    return run


@pytest.fixture(scope="module")
def rules_code(nlp_stage: NlpStage, actor_resolver: ActorResolver, config: Config) -> Code:
    """The rules alone: the event-class model may move the main event (README, "Learned
    models": "After talks with Egypt, Israel agreed ..." becomes the talks)."""
    coder = EventCoder(config.with_changes(event_class_model=False, participant_model=False))

    def run(text: str) -> tuple[ParsedDoc, list[Event]]:
        doc = next(nlp_stage.parse([make_document(text, source="t", when=DAY)]))
        return doc, coder.code(doc, actor_resolver.resolve_document(doc))

    return run


@pytest.mark.parametrize(("text", "root_trigger"), [
    ("France condemned the Russian attack on Ukraine.", "condemned"),
    ("Germany said that Iran had attacked a tanker.", "said"),
    ("Japan accused China of violating its airspace and summoned its ambassador.",
     "accused"),
    ("After talks with Egypt, Israel agreed to a ceasefire with Hamas.", "agreed"),
])
def test_one_main_event_per_sentence(rules_code: Code, text: str,
                                     root_trigger: str) -> None:
    doc, events = rules_code(text)
    roots = [e for e in events if e.is_root]
    assert len(roots) == 1, [(e.trigger, e.is_root) for e in events]
    assert roots[0].trigger == root_trigger
    depth = tree_depth(doc, roots[0].trigger_token)
    assert all(tree_depth(doc, e.trigger_token) >= depth for e in events)


def test_every_sentence_with_events_has_a_root(code: Code) -> None:
    _, events = code("Russia invaded Ukraine. Poland condemned the invasion. It rained.")
    assert {e.sentence for e in events if e.is_root} == {e.sentence for e in events}
    assert all(e.to_json()["is_root"] in (True, False) for e in events)


def test_confidence_is_a_probability(code: Code) -> None:
    doc, events = code("Iran and Iraq exchanged fire, and Washington said nothing.")
    assert events and all(0.0 < e.confidence < 1.0 for e in events)
    model = default_confidence_model()
    raw = EventCoder(Config(), calibrated=False)
    assert model.default_threshold == fitted_threshold()
    assert 0.0 < model.default_threshold < 1.0
    for e in raw.code(doc, []):
        assert len(feature_vector(doc, e)) == len(FEATURES)


def test_a_resolved_target_makes_an_event_more_likely_right(
        code: Code) -> None:
    _, with_target = code("Canada condemned Denmark.")
    _, without = code("Canada condemned the decision.")
    assert with_target[0].confidence > without[0].confidence


@pytest.mark.parametrize(("root", "cls"), [("01", 0), ("02", 0), ("03", 1), ("05", 1),
                                           ("06", 2), ("08", 2), ("09", 3), ("13", 3),
                                           ("14", 4), ("20", 4)])
def test_event_classes(root: str, cls: int) -> None:
    assert event_class(root) == cls


@pytest.mark.parametrize("content", [
    "not json", "{}", json.dumps({"intercept": 0, "weights": {"pattern": 1},
                                  "default_threshold": 0.5}),
])
def test_bad_model_file_is_a_data_error(tmp_path: Path, content: str) -> None:
    path = tmp_path / "confidence.json"
    path.write_text(content)
    with pytest.raises(DataFileError, match=r"confidence\.json"):
        ConfidenceModel.read(path)
