"""Seeded training and k-fold cross-validation of the learned components.

Everything that draws a random number (spaCy/Thinc initialisation, numpy, the shuffling of
batches and the fold split) is seeded from one ``seed``; the same data, settings and seed
give the same weights on the same machine.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from realpolitik.learned.data import (
    CLASS_NAMES,
    ClassExample,
    SpanExample,
    read_class_tsv,
    read_events_gold,
    read_ner_conll,
)
from realpolitik.learned.pipelines import (
    NER_LABELS,
    event_class_pipeline,
    participant_pipeline,
)

__all__ = [
    "ClassExample", "SpanExample", "TrainSettings", "add_training_arguments", "read_class_tsv",
    "read_events_gold", "read_ner_conll", "seed_everything", "settings_from_arguments",
    "stratified_folds", "train_event_class", "train_participants",
]

Log = Callable[[str], None]


@dataclass(frozen=True, slots=True)
class TrainSettings:
    """Hyperparameters of one training run."""

    arch: str
    tok2vec: str = "sm"
    epochs: int = 10
    dropout: float = 0.2
    batch_start: float = 8.0
    batch_stop: float = 32.0
    learn_rate: float = 0.001
    seed: int = 0


def add_training_arguments(parser: argparse.ArgumentParser, *, arch: str, epochs: int,
                           out: Path) -> None:
    """The options every training script takes: the settings, the seed, the CV figures to
    record in the provenance and where the model is written."""
    parser.add_argument("--arch", default=arch)
    parser.add_argument("--tok2vec", default="sm")
    parser.add_argument("--epochs", type=int, default=epochs)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cv-json", type=Path)
    parser.add_argument("--out", type=Path, default=out)


def settings_from_arguments(args: argparse.Namespace) -> TrainSettings:
    return TrainSettings(arch=args.arch, tok2vec=args.tok2vec, epochs=args.epochs,
                         dropout=args.dropout, seed=args.seed)


def seed_everything(seed: int) -> None:
    """Seed Python's and numpy's generators and spaCy/Thinc's (CPU ops)."""
    import numpy
    from thinc.api import fix_random_seed

    random.seed(seed)
    numpy.random.seed(seed)
    fix_random_seed(seed)


def stratified_folds(labels: Sequence[int], k: int, seed: int) -> list[list[int]]:
    """``k`` disjoint lists of indices covering ``labels``, each class dealt round-robin
    after a seeded shuffle so every fold has (within one) the same share of each class."""
    if k < 2:
        raise ValueError("k-fold cross-validation needs k >= 2")
    rng = random.Random(seed)
    folds: list[list[int]] = [[] for _ in range(k)]
    offset = 0
    for label in sorted(set(labels)):
        members = [i for i, lab in enumerate(labels) if lab == label]
        rng.shuffle(members)
        for j, index in enumerate(members):
            folds[(offset + j) % k].append(index)
        offset += len(members)
    return [sorted(f) for f in folds]


def _cats(label: int) -> dict[str, float]:
    return {name: float(i == label) for i, name in enumerate(CLASS_NAMES)}


def _update_loop(nlp: Any, examples: list[Any], settings: TrainSettings,
                 log: Log | None) -> Any:
    """Minibatch training with compounding batch sizes; returns the averaged-weights nlp."""
    from thinc.api import Adam, compounding

    optimizer = Adam(settings.learn_rate, L2=0.01, L2_is_weight_decay=True, grad_clip=1.0,
                     use_averages=True)
    rng = random.Random(settings.seed)
    order = list(examples)
    for epoch in range(settings.epochs):
        rng.shuffle(order)
        losses: dict[str, float] = {}
        sizes = compounding(settings.batch_start, settings.batch_stop, 1.001)
        for batch in _minibatch(order, sizes):
            nlp.update(batch, drop=settings.dropout, sgd=optimizer, losses=losses)
        if log is not None:
            log(f"epoch {epoch + 1}/{settings.epochs} losses "
                + ", ".join(f"{k} {v:.2f}" for k, v in sorted(losses.items())))
    _keep_averages(nlp, optimizer.averages)
    return nlp


def _minibatch(items: list[Any], sizes: Any) -> Iterator[list[Any]]:
    """Consecutive batches of ``items`` whose sizes are drawn from ``sizes``."""
    start = 0
    while start < len(items):
        size = max(1, int(next(sizes)))
        yield items[start:start + size]
        start += size


def _keep_averages(nlp: Any, averages: dict[tuple[int, str], Any] | None) -> None:
    """Replace each weight by its running average (what spaCy saves after training)."""
    if not averages:
        return
    for _, proc in nlp.pipeline:
        model = getattr(proc, "model", None)
        if model is None:
            continue
        for node in model.walk():
            for name in node.param_names:
                key = (node.id, name)
                if key in averages and node.has_param(name):
                    node.set_param(name, averages[key].copy())


def _initialise(nlp: Any, component: str, examples: list[Any], settings: TrainSettings) -> None:
    """Initialise the new component only: a sourced tok2vec keeps its trained weights."""
    if settings.tok2vec == "own":
        nlp.initialize(lambda: examples)
        return
    nlp.get_pipe(component).initialize(lambda: examples, nlp=nlp)
    nlp._link_components()


def train_event_class(data: Sequence[ClassExample], settings: TrainSettings,
                      log: Log | None = None) -> Any:
    """A trained spaCy pipeline whose ``textcat`` scores the five classes."""
    from spacy.training import Example

    seed_everything(settings.seed)
    nlp = event_class_pipeline(settings.arch, settings.tok2vec)
    examples = [Example.from_dict(nlp.make_doc(x.text), {"cats": _cats(x.label)}) for x in data]
    _initialise(nlp, "textcat", examples, settings)
    return _update_loop(nlp, examples, settings, log)


def _participant_example(nlp: Any, x: SpanExample, arch: str) -> Any:
    from spacy.training import Example

    doc = nlp.make_doc(x.text)
    wanted = {"source": "S", "target": "T"}
    tags = ["O"] * len(doc)
    ents: list[tuple[int, int, str]] = []
    inverse = {v: k for k, v in NER_LABELS.items()}
    for start, end, label in x.spans:
        if label not in wanted:
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            continue
        if any(span.start < e and s < span.end for s, e, _ in ents):
            continue
        ents.append((span.start, span.end, label))
        for i in range(span.start, span.end):
            tags[i] = ("B-" if i == span.start else "I-") + wanted[label]
    if arch == "tagger":
        return Example.from_dict(doc, {"tags": tags})
    return Example.from_dict(doc, {"entities": [
        (doc[s].idx, doc[e - 1].idx + len(doc[e - 1]), inverse[lab]) for s, e, lab in ents]})


def train_participants(data: Sequence[SpanExample], settings: TrainSettings,
                       log: Log | None = None) -> Any:
    """A trained spaCy pipeline whose ``participants`` component marks sources and targets."""
    seed_everything(settings.seed)
    nlp = participant_pipeline(settings.arch, settings.tok2vec)
    examples = [_participant_example(nlp, x, settings.arch) for x in data]
    _initialise(nlp, "participants", examples, settings)
    return _update_loop(nlp, examples, settings, log)
