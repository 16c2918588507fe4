"""Rules alone against rules plus each learned model, on Multi-CoPED (cross-validated).

    python scripts/cv_multicoped.py participants --save-folds /tmp/folds/participants
    python scripts/cv_multicoped.py event_class --with-events-gold \
        --save-folds /tmp/folds/event_class
    python bench/rules_vs_models.py --folds /tmp/folds [--json figures.json]

or, instead of the event-class fold models, their out-of-fold probabilities (what
``cv_multicoped.py event_class --with-events-gold --oof oof.jsonl`` writes, much quicker to
keep than five models): ``--oof-class oof.jsonl``. A sentence then gets the probabilities of
the Multi-CoPED text it comes from (a text the coder splits in two gives both halves the
whole text's probabilities); a text with none (a participant sentence whose words are not
those of any class sentence) gets uniform probabilities, so the rules' order decides.

Runs the whole pipeline (the rule coder with the model stage of
``realpolitik.learned.stage``) on Multi-CoPED's training split once per system: rules
alone; rules + event-class model; rules + participant model filling empty or unresolved
sides with resolved mentions only (actors only: the participant model before 2026-12-06);
with the span's words for a side no actor fills and a side's words widened to the model's
span (words only: no party changes; the default); with both (actors and words:
``participant_fill_actors``); the two models together (``--only N ...`` picks systems by
number). Each sentence is coded with the fold models that were trained without it: the
event-class model of the stratified fold that holds its class example, the participant
model of the fold that holds its participant example (the folds ``realpolitik.learned.cv``
draws with the same seed); a sentence absent from one of the two sets gets that model's
fold 1, which never saw it. Scores as ``realpolitik eval`` does
(:mod:`realpolitik.learned.multicoped`): macro-F1 of the class of each sentence's main
(``is_root``) event, and the share of sentences with a gold source and target where one
coded event has both right.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def fold_of(labels: list[int], k: int, seed: int) -> list[int]:
    """The fold number (1..k) of each example, as ``realpolitik.learned.cv`` draws them."""
    from realpolitik.learned.training import stratified_folds

    out = [0] * len(labels)
    for number, members in enumerate(stratified_folds(labels, k, seed), start=1):
        for i in members:
            out[i] = number
    return out


class OofClassModel:
    """The event-class model's out-of-fold probabilities, looked up by text."""

    def __init__(self, path: Path) -> None:
        from realpolitik.learned.data import read_class_tsv

        self.by_origin = {r["origin"]: tuple(r["proba"]) for r in map(
            json.loads, path.read_text(encoding="utf-8").splitlines())}
        self.by_text: dict[str, tuple[float, ...]] = {}
        self.read_class_tsv = read_class_tsv

    def index(self, folder: Path) -> None:
        for x in self.read_class_tsv(folder / "cameo_class_train.tsv"):
            self.by_text.setdefault(x.text, self.by_origin[x.origin])

    def predict_proba(self, texts: Any) -> list[tuple[float, ...]]:
        return [self._one(t) for t in texts]

    def _one(self, text: str) -> tuple[float, ...]:
        if text in self.by_text:
            return self.by_text[text]
        stripped = text.strip()
        for whole, probs in self.by_text.items():
            if stripped and stripped in whole:
                return probs
        return (0.2, 0.2, 0.2, 0.2, 0.2)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--folds", type=Path, required=True,
                        help="directory with event_class/fold<n> and participants/fold<n>")
    parser.add_argument("-k", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--oof-class", type=Path,
                        help="out-of-fold probabilities instead of event_class/fold<n>")
    parser.add_argument("--veto", type=float, nargs="*", default=[],
                        help="also score rules + event-class with these veto thresholds")
    parser.add_argument("--only", type=int, nargs="*",
                        help="score only these systems (their numbers in the list, from 0)")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args()

    from realpolitik.config import Config
    from realpolitik.learned.data import read_ner_conll
    from realpolitik.learned.event_class import EventClassModel
    from realpolitik.learned.multicoped import (
        NER_FILE,
        MulticopedData,
        analyse_texts,
        blank_tokenizer,
        score,
    )
    from realpolitik.learned.participants import ParticipantModel
    from realpolitik.learned.stage import ModelStage
    from realpolitik.pipeline import Pipeline

    folder = args.shared / "bench" / "gold" / "multicoped"
    data = MulticopedData.read(folder)
    # the participant folds are drawn over every participant sentence, as in the CV
    spans = read_ner_conll(folder / NER_FILE, [x.text for x in data.classes])
    class_fold: dict[str, int] = {}
    for x, f in zip(data.classes, fold_of([x.label for x in data.classes], args.k, args.seed),
                    strict=True):
        class_fold.setdefault(x.text, f)
    span_fold: dict[str, int] = {}
    for x, f in zip(spans, fold_of([0] * len(spans), args.k, args.seed), strict=True):
        span_fold.setdefault(x.text, f)
    texts = data.texts()
    groups: dict[tuple[int, int], list[str]] = {}
    for t in texts:
        groups.setdefault((class_fold.get(t, 1), span_fold.get(t, 1)), []).append(t)

    # (name, event class, participants, veto, actors filled, span words and widening)
    systems: list[tuple[str, bool, bool, float, bool, bool]] = [
        ("rules alone", False, False, 0.0, False, False),
        ("rules + event class", True, False, 0.0, False, False),
        ("rules + participants, actors only", False, True, 0.0, True, False),
        ("rules + participants, words only", False, True, 0.0, False, True),
        ("rules + participants, actors and words", False, True, 0.0, True, True),
        ("rules + both, words only", True, True, 0.0, False, True),
        ("rules + both, actors and words", True, True, 0.0, True, True),
    ] + [(f"rules + event class, veto < {v}", True, False, v, False, False)
         for v in args.veto]
    if args.only:
        systems = [s for n, s in enumerate(systems) if n in args.only]
    class_models: dict[int, Any] = {}
    if any(s[1] for s in systems):
        if args.oof_class:
            oof = OofClassModel(args.oof_class)
            oof.index(folder)
            class_models = dict.fromkeys(range(1, args.k + 1), oof)
        else:
            class_models = {n: EventClassModel.load(args.folds / "event_class" / f"fold{n}")
                            for n in range(1, args.k + 1)}
    span_models = {n: ParticipantModel.load(args.folds / "participants" / f"fold{n}")
                   for n in range(1, args.k + 1)} if any(s[2] for s in systems) else {}
    config = Config()
    pipeline = Pipeline(config)
    tokenizer = blank_tokenizer()
    results: dict[str, Any] = {}
    for name, use_class, use_spans, veto, actors, words in systems:
        started = time.perf_counter()
        events: dict[str, Any] = {}
        for (cf, sf), members in sorted(groups.items()):
            pipeline.coder.models = (
                ModelStage(class_models[cf] if use_class else None,
                           span_models[sf] if use_spans else None,
                           veto_below=veto, min_score=config.participant_min_score,
                           fill_actors=actors, span_text=words, widen=words)
                if use_class or use_spans else None)
            events.update(analyse_texts(pipeline, members))
        results[name] = score(data, events, tokenizer)
        print(f"{name:<40} main-event class macro-F1 {results[name]['root_class_macro_f1']:.4f}"
              f"  accuracy {results[name]['root_class_accuracy']:.4f}"
              f"  source and target right {results[name]['source_and_target_right']:.4f}"
              f"  ({time.perf_counter() - started:.0f} s)", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
