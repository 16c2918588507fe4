"""The packaged models: they load from the installed package and behave on invented text."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.learned.combine import choose_class, rank_codes, vetoed
from realpolitik.learned.event_class import CLASS_NAMES, CLASS_ROOTS, EventClassModel
from realpolitik.learned.loading import packaged_model
from realpolitik.learned.participants import ParticipantModel, choose_participants

SENTENCES = [
    "Ruritanian troops shelled Osterlich positions near the border.",
    "Ruritania and Osterlich signed a trade agreement on Monday.",
    "Sylvania released twelve Freedonian prisoners.",
    "Osterlich accused Ruritania of lying and threatened to expel its diplomats.",
    "A government spokesman said the cabinet would meet on Tuesday.",
]


@pytest.fixture(scope="module")
def event_model() -> EventClassModel:
    return EventClassModel.load()


@pytest.fixture(scope="module")
def participant_model() -> ParticipantModel:
    return ParticipantModel.load()


@pytest.mark.parametrize("name", ["event_class", "participants"])
def test_packaged_model_has_provenance_and_is_small(name: str) -> None:
    folder = packaged_model(name)
    assert (folder / "config.cfg").is_file()
    provenance = (folder / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "10.1145/3514094.3534178" in provenance and "GPL-3.0" in provenance
    record = json.loads((folder / "provenance.json").read_text(encoding="utf-8"))
    assert isinstance(record["settings"]["seed"], int)
    size = sum(p.stat().st_size for p in Path(folder).rglob("*") if p.is_file())
    assert size < 25_000_000


def test_event_class_shapes_and_probabilities(event_model: EventClassModel) -> None:
    probs = event_model.predict_proba(SENTENCES)
    assert len(probs) == len(SENTENCES)
    for p in probs:
        assert len(p) == 5 and abs(sum(p) - 1.0) < 1e-4 and min(p) >= 0.0
    assert event_model.predict_proba([]) == []
    assert tuple(event_model.nlp.get_pipe("textcat").labels) == CLASS_NAMES
    assert sorted(CLASS_ROOTS) == [0, 1, 2, 3, 4]


def test_event_class_is_deterministic_and_batch_independent(
        event_model: EventClassModel) -> None:
    together = event_model.predict_proba(SENTENCES)
    alone = [event_model.predict_proba([s])[0] for s in SENTENCES]
    assert together == event_model.predict_proba(SENTENCES)
    for a, b in zip(together, alone, strict=True):
        assert a == pytest.approx(b, abs=1e-5)


def test_event_class_gets_clear_cases_right(event_model: EventClassModel) -> None:
    predicted = event_model.predict(SENTENCES)
    # shelling, signing, releasing prisoners, accusing and threatening
    assert predicted[:4] == [4, 1, 2, 3]


def test_participants_shapes_and_determinism(participant_model: ParticipantModel) -> None:
    predicted = participant_model.predict(SENTENCES)
    assert len(predicted) == len(SENTENCES)
    for text, spans in zip(SENTENCES, predicted, strict=True):
        for s in spans:
            assert 0 <= s.start_char < s.end_char <= len(text)
            assert s.label in {"source", "target"} and 0.0 <= s.score <= 1.0
    assert predicted == participant_model.predict(SENTENCES)
    assert participant_model.predict([""]) == [[]]


def test_participants_find_a_clear_source_and_target(
        participant_model: ParticipantModel) -> None:
    text = SENTENCES[0]
    spans = participant_model.predict([text])[0]
    candidates = [(0, 10, "RUR"), (26, 35, "OST")]
    choice = choose_participants(spans, candidates)
    assert (choice.source, choice.target) == ("RUR", "OST")


def test_combine_helpers() -> None:
    probs = (0.05, 0.1, 0.05, 0.3, 0.5)
    assert rank_codes(["111", "190", "040"], probs) == [1, 0, 2]
    assert vetoed("040", probs, below=0.2) and not vetoed("190", probs, below=0.2)
    assert choose_class(["111", "040"], probs) == 3
    assert choose_class(["040"], probs, fallback_below=0.2) == 4
    assert choose_class([], probs) == 4
