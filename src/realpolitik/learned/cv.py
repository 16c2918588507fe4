"""k-fold cross-validation of the learned components, and the measures it reports.

Event class: macro-F1 over the five classes and accuracy. Participants, on token sets of
the sentence (spaCy's English tokenizer):

- a predicted span **matches** a gold span of the same label when they share at least half
  of the tokens of the longer of the two (``|p ∩ g| ≥ 0.5 · max(|p|, |g|)``);
- a sentence has the **right source and target** when the model's best-scoring source span
  matches one of its gold source spans and its best-scoring target span matches one of its
  gold target spans; the share is over sentences that have both a gold source and target;
- span precision / recall / F1 count one-to-one matches, exact (same tokens) and lenient
  (the match rule above).

The out-of-fold predictions are returned too, so rules-plus-model combinations can be
cross-validated on the same folds without a sentence ever being scored by a model that
saw it in training.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from realpolitik.learned.data import ClassExample, SpanExample
from realpolitik.learned.event_class import EventClassModel, Probabilities
from realpolitik.learned.participants import ParticipantModel, ParticipantSpan
from realpolitik.learned.training import (
    TrainSettings,
    stratified_folds,
    train_event_class,
    train_participants,
)

Log = Callable[[str], None]


def macro_f1(gold: Sequence[int], pred: Sequence[int], n_classes: int = 5) -> float:
    """Unweighted mean of the per-class F1 (a class absent from gold and pred counts 0)."""
    f1s = []
    for c in range(n_classes):
        tp = sum(1 for g, p in zip(gold, pred, strict=True) if g == p == c)
        wrong = sum(1 for g, p in zip(gold, pred, strict=True) if (g == c) != (p == c))
        f1s.append(2 * tp / (2 * tp + wrong) if tp else 0.0)
    return sum(f1s) / n_classes


def accuracy(gold: Sequence[int], pred: Sequence[int]) -> float:
    return sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))


def argmax(p: Sequence[float]) -> int:
    return max(range(len(p)), key=lambda i: (p[i], -i))


@dataclass
class FoldFigures:
    """The measures of one fold (``figures``) and its training time in seconds."""

    figures: dict[str, float]
    seconds: float


@dataclass
class CVResult:
    folds: list[FoldFigures] = field(default_factory=list)
    #: out-of-fold predictions, aligned with the data
    predictions: list[Any] = field(default_factory=list)

    def summary(self) -> dict[str, tuple[float, float]]:
        """Mean and (sample) standard deviation of each measure over the folds."""
        names = self.folds[0].figures if self.folds else {}
        out = {}
        for name in names:
            values = [f.figures[name] for f in self.folds]
            sd = statistics.stdev(values) if len(values) > 1 else 0.0
            out[name] = (statistics.fmean(values), sd)
        return out


def cross_validate_event_class(data: Sequence[ClassExample], settings: TrainSettings,
                               k: int = 5, extra_train: Sequence[ClassExample] = (),
                               log: Log | None = None, save_to: Path | None = None
                               ) -> CVResult:
    """Stratified k-fold CV on ``data``; ``extra_train`` joins every fold's training set.
    With ``save_to``, fold ``n``'s model is written to ``save_to/fold<n>`` (see
    :func:`fold_models`)."""
    folds = stratified_folds([x.label for x in data], k, settings.seed)
    result = CVResult(predictions=[None] * len(data))
    for number, test in enumerate(folds, start=1):
        held = set(test)
        train = [x for i, x in enumerate(data) if i not in held] + list(extra_train)
        started = time.perf_counter()
        model = EventClassModel(train_event_class(train, settings))
        seconds = time.perf_counter() - started
        _save(model.nlp, save_to, number)
        probs: list[Probabilities] = model.predict_proba([data[i].text for i in test])
        for i, p in zip(test, probs, strict=True):
            result.predictions[i] = p
        gold = [data[i].label for i in test]
        pred = [argmax(p) for p in probs]
        figures = {"macro_f1": macro_f1(gold, pred), "accuracy": accuracy(gold, pred)}
        result.folds.append(FoldFigures(figures, seconds))
        if log is not None:
            log(f"fold {number}: " + _fmt(figures) + f" (trained in {seconds:.0f} s)")
    return result


def _save(nlp: Any, save_to: Path | None, number: int) -> None:
    if save_to is not None:
        save_to.mkdir(parents=True, exist_ok=True)
        nlp.to_disk(save_to / f"fold{number}")


def _fmt(figures: dict[str, float]) -> str:
    return ", ".join(f"{k} {v:.3f}" for k, v in figures.items())


def token_set(offsets: list[tuple[int, int]], start: int, end: int) -> frozenset[int]:
    return frozenset(i for i, (s, e) in enumerate(offsets) if s < end and start < e)


def spans_match(a: frozenset[int], b: frozenset[int]) -> bool:
    """The match rule: the spans share at least half of the tokens of the longer one."""
    return bool(a and b) and 2 * len(a & b) >= max(len(a), len(b))


def participant_figures(data: Sequence[SpanExample],
                        predicted: Sequence[Sequence[ParticipantSpan]],
                        tokenizer: Any) -> dict[str, float]:
    """The participant measures of the module docstring over a set of sentences."""
    both = right = 0
    counts = {"exact": [0, 0, 0], "lenient": [0, 0, 0]}  # matched, predicted, gold
    for example, spans in zip(data, predicted, strict=True):
        offsets = [(t.idx, t.idx + len(t)) for t in tokenizer(example.text)]
        ok = {}
        for label in ("source", "target"):
            gold = [token_set(offsets, s, e) for s, e in example.spans_of(label)]
            pred = sorted((p for p in spans if p.label == label), key=lambda p: -p.score)
            pred_sets = [token_set(offsets, p.start_char, p.end_char) for p in pred]
            ok[label] = bool(gold and pred_sets) and any(spans_match(pred_sets[0], g)
                                                         for g in gold)
            for kind, same in (("exact", frozenset.__eq__), ("lenient", spans_match)):
                unused = list(gold)
                for p in pred_sets:
                    hit = next((g for g in unused if same(p, g)), None)
                    if hit is not None:
                        unused.remove(hit)
                        counts[kind][0] += 1
                counts[kind][1] += len(pred_sets)
                counts[kind][2] += len(gold)
        if example.spans_of("source") and example.spans_of("target"):
            both += 1
            right += ok["source"] and ok["target"]
    figures = {"source_and_target_right": right / max(1, both)}
    for kind, (matched, n_pred, n_gold) in counts.items():
        precision, recall = matched / max(1, n_pred), matched / max(1, n_gold)
        figures[f"{kind}_p"], figures[f"{kind}_r"] = precision, recall
        total = precision + recall
        figures[f"{kind}_f1"] = 2 * precision * recall / total if total else 0.0
    return figures


def cross_validate_participants(data: Sequence[SpanExample], settings: TrainSettings,
                                k: int = 5, log: Log | None = None,
                                save_to: Path | None = None) -> CVResult:
    """Seeded k-fold CV of the participant model on ``data`` (random folds); ``save_to``
    as in :func:`cross_validate_event_class`."""
    folds = stratified_folds([0] * len(data), k, settings.seed)
    result = CVResult(predictions=[None] * len(data))
    for number, test in enumerate(folds, start=1):
        held = set(test)
        train = [x for i, x in enumerate(data) if i not in held]
        started = time.perf_counter()
        model = ParticipantModel(train_participants(train, settings))
        seconds = time.perf_counter() - started
        _save(model.nlp, save_to, number)
        predicted = model.predict([data[i].text for i in test])
        for i, spans in zip(test, predicted, strict=True):
            result.predictions[i] = spans
        figures = participant_figures([data[i] for i in test], predicted,
                                      model.nlp.tokenizer)
        result.folds.append(FoldFigures(figures, seconds))
        if log is not None:
            log(f"fold {number}: " + _fmt(figures) + f" (trained in {seconds:.0f} s)")
    return result
