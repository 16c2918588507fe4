"""Training, saving and cross-validating the learned models on a few invented sentences."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.errors import ConfigError
from realpolitik.learned.cv import (
    CVResult,
    FoldFigures,
    accuracy,
    cross_validate_event_class,
    macro_f1,
    participant_figures,
    spans_match,
)
from realpolitik.learned.data import ClassExample, SpanExample
from realpolitik.learned.event_class import EventClassModel
from realpolitik.learned.participants import ParticipantModel, ParticipantSpan
from realpolitik.learned.provenance import save_model
from realpolitik.learned.training import (
    TrainSettings,
    stratified_folds,
    train_event_class,
    train_participants,
)

TEMPLATES = [
    (0, "The spokesman of {a} commented on the election in {b}."),
    (1, "{a} praised {b} for its help and offered to mediate."),
    (2, "{a} sent food aid and medical supplies to {b}."),
    (3, "{a} condemned {b} and threatened new penalties."),
    (4, "Troops from {a} shelled villages in {b}, killing soldiers."),
]
STATES = ["Ruritania", "Osterlich", "Freedonia", "Sylvania"]
CLASS_DATA = [ClassExample(text.format(a=a, b=b), label, f"t:{i}")
              for i, (a, b) in enumerate(zip(STATES, STATES[1:] + STATES[:1], strict=True))
              for label, text in TEMPLATES]


def span_example(a: str, b: str) -> SpanExample:
    text = f"{a} shelled {b} near the border."
    return SpanExample(text, ((0, len(a), "source"),
                              (len(a) + 9, len(a) + 9 + len(b), "target")), "t")


SPAN_DATA = [span_example(a, b) for a in STATES for b in STATES if a != b] * 2

FAST = {"epochs": 2, "seed": 7}


def test_event_class_smoke_and_round_trip(tmp_path: Path) -> None:
    nlp = train_event_class(CLASS_DATA, TrainSettings(arch="bow", tok2vec="own", **FAST))
    model = EventClassModel(nlp)
    probs = model.predict_proba([x.text for x in CLASS_DATA[:3]])
    assert len(probs) == 3 and all(len(p) == 5 for p in probs)
    assert all(abs(sum(p) - 1.0) < 1e-4 and min(p) >= 0.0 for p in probs)
    save_model(nlp, tmp_path / "m", name="m", description="test", uses_events_gold=False,
               settings=TrainSettings(arch="bow", tok2vec="own", **FAST),
               data=[("invented", len(CLASS_DATA))], seconds=1.0, command="pytest",
               cv={"description": "none", "summary": {"macro_f1": [0.5, 0.1]}})
    provenance = (tmp_path / "m" / "PROVENANCE.md").read_text(encoding="utf-8")
    assert "Parolin" in provenance and "seed=7" in provenance and "| macro_f1 | 0.500 |" in (
        provenance)
    reloaded = EventClassModel.load(tmp_path / "m")
    again = reloaded.predict_proba([x.text for x in CLASS_DATA[:3]])
    assert [v for p in again for v in p] == pytest.approx([v for p in probs for v in p])


def test_event_class_training_is_deterministic() -> None:
    settings = TrainSettings(arch="ensemble", tok2vec="own", **FAST)
    texts = [x.text for x in CLASS_DATA[:4]]
    first = EventClassModel(train_event_class(CLASS_DATA, settings)).predict_proba(texts)
    second = EventClassModel(train_event_class(CLASS_DATA, settings)).predict_proba(texts)
    assert first == second


def test_event_class_learns_the_templates() -> None:
    nlp = train_event_class(CLASS_DATA, TrainSettings(arch="bow", tok2vec="own", epochs=10))
    model = EventClassModel(nlp)
    assert model.predict([x.text for x in CLASS_DATA]) == [x.label for x in CLASS_DATA]


@pytest.mark.parametrize("arch", ["tagger", "ner"])
def test_participants_smoke(arch: str) -> None:
    nlp = train_participants(SPAN_DATA, TrainSettings(arch=arch, tok2vec="own", **FAST))
    model = ParticipantModel(nlp)
    assert model.kind == arch
    texts = ["Sylvania shelled Ruritania near the border.", "", "Nothing here."]
    predicted = model.predict(texts)
    assert len(predicted) == 3 and predicted[1] == []
    for text, spans in zip(texts, predicted, strict=True):
        for s in spans:
            assert 0 <= s.start_char < s.end_char <= len(text)
            assert s.label in {"source", "target"} and 0.0 <= s.score <= 1.0


def test_participant_tagger_learns_the_pattern() -> None:
    nlp = train_participants(SPAN_DATA, TrainSettings(arch="tagger", tok2vec="own", epochs=8))
    [spans] = ParticipantModel(nlp).predict(["Freedonia shelled Osterlich near the border."])
    labelled = {s.label: "Freedonia shelled Osterlich"[s.start_char:s.end_char] for s in spans}
    assert labelled == {"source": "Freedonia", "target": "Osterlich"}


def test_unknown_architecture_is_a_config_error() -> None:
    with pytest.raises(ConfigError):
        train_event_class(CLASS_DATA, TrainSettings(arch="transformer", tok2vec="own"))
    with pytest.raises(ConfigError):
        train_participants(SPAN_DATA, TrainSettings(arch="tagger", tok2vec="glove"))


def test_loading_a_directory_without_a_model_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="no trained model"):
        EventClassModel.load(tmp_path)


def test_cross_validation_covers_every_sentence_once() -> None:
    result = cross_validate_event_class(CLASS_DATA, TrainSettings(arch="bow", tok2vec="own",
                                                                  **FAST), k=2)
    assert len(result.folds) == 2 and all(p is not None for p in result.predictions)
    summary = result.summary()
    assert set(summary) == {"macro_f1", "accuracy"}
    assert all(0.0 <= mean <= 1.0 for mean, _ in summary.values())


@given(st.lists(st.integers(0, 4), min_size=5, max_size=60), st.integers(2, 5),
       st.integers(0, 99))
def test_stratified_folds_partition_and_balance(labels: list[int], k: int, seed: int) -> None:
    folds = stratified_folds(labels, k, seed)
    assert sorted(i for f in folds for i in f) == list(range(len(labels)))
    for label in set(labels):
        sizes = [sum(1 for i in f if labels[i] == label) for f in folds]
        assert max(sizes) - min(sizes) <= 1
    assert folds == stratified_folds(labels, k, seed)


def test_macro_f1_and_accuracy() -> None:
    assert macro_f1([0, 1, 2, 3, 4], [0, 1, 2, 3, 4]) == 1.0
    # class 0: P 1/2 R 1 → F1 2/3; class 1: 0; others absent → 0
    assert macro_f1([0, 1], [0, 0]) == pytest.approx((2 / 3) / 5)
    assert accuracy([0, 1, 1], [0, 1, 2]) == pytest.approx(2 / 3)


def test_span_match_rule() -> None:
    assert spans_match(frozenset({1, 2}), frozenset({1, 2, 3, 4}))
    assert not spans_match(frozenset({1}), frozenset({1, 2, 3}))
    assert not spans_match(frozenset(), frozenset())


def test_participant_figures() -> None:
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    gold = [span_example("Ruritania", "Osterlich"), span_example("Sylvania", "Freedonia")]
    predicted = [
        [ParticipantSpan(0, 9, "source", 0.9), ParticipantSpan(18, 27, "target", 0.8)],
        [ParticipantSpan(0, 8, "source", 0.9), ParticipantSpan(17, 31, "target", 0.8)],
    ]
    figures = participant_figures(gold, predicted, tokenizer)
    # sentence 2's target "Freedonia near" shares 1 of 2 tokens: a lenient match only
    assert figures["source_and_target_right"] == 1.0
    assert figures["exact_p"] == 0.75 and figures["lenient_f1"] == 1.0


def test_cv_summary_mean_and_sd() -> None:
    result = CVResult(folds=[FoldFigures({"a": 0.5}, 1.0), FoldFigures({"a": 0.7}, 1.0)])
    mean, sd = result.summary()["a"]
    assert mean == pytest.approx(0.6) and sd == pytest.approx(0.1414, abs=1e-4)
