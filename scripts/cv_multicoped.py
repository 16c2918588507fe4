"""5-fold cross-validation of the learned models on Multi-CoPED's training split.

Usage: python scripts/cv_multicoped.py event_class|participants [--folds 5] [--seed 0]
       [--arch ...] [--tok2vec sm|own] [--epochs N] [--with-events-gold]
       [--json figures.json] [--oof predictions.jsonl] [--save-folds DIR]
       [--provenance MODEL_DIR]

Event class: stratified folds of cameo_class_train.tsv; per fold and mean ± sd of the
macro-F1 and accuracy of the textcat alone (--with-events-gold adds gold/events_dev.jsonl
to every fold's training data; it is never scored). Participants: seeded random folds of
cameo_ner_train.conll; the share of sentences whose best source span and best target span
both match gold (match: the spans share at least half of the tokens of the longer one),
and span precision / recall / F1, exact and lenient. --oof writes the out-of-fold
predictions (line of origin and probabilities or spans; no text) for rules+model CV.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULTS = {"event_class": ("ensemble", 15), "participants": ("ner", 15)}


def main(argv: list[str] | None = None) -> int:
    from realpolitik.learned.cv import cross_validate_event_class, cross_validate_participants
    from realpolitik.learned.data import read_class_tsv, read_events_gold, read_ner_conll
    from realpolitik.learned.training import TrainSettings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("model", choices=sorted(DEFAULTS))
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--folds", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--arch")
    parser.add_argument("--tok2vec", default="sm")
    parser.add_argument("--epochs", type=int)
    parser.add_argument("--dropout", type=float, default=0.2)
    parser.add_argument("--with-events-gold", action="store_true")
    parser.add_argument("--events-gold", type=Path, default=REPO / "gold" / "events_dev.jsonl")
    parser.add_argument("--json", type=Path)
    parser.add_argument("--oof", type=Path)
    parser.add_argument("--save-folds", type=Path,
                        help="write fold n's model to DIR/fold<n> (for bench/rules_vs_models.py)")
    parser.add_argument("--provenance", type=Path,
                        help="a saved model directory whose PROVENANCE.md gets these figures")
    args = parser.parse_args(argv)

    arch, epochs = DEFAULTS[args.model]
    settings = TrainSettings(arch=args.arch or arch, tok2vec=args.tok2vec,
                             epochs=args.epochs or epochs, dropout=args.dropout,
                             seed=args.seed)
    folder = args.shared / "bench" / "gold" / "multicoped"
    classes = read_class_tsv(folder / "cameo_class_train.tsv")
    print(f"{args.model}: {settings}", flush=True)
    started = time.perf_counter()
    data: list[Any]
    if args.model == "event_class":
        data = classes
        extra = read_events_gold(args.events_gold) if args.with_events_gold else []
        result = cross_validate_event_class(data, settings, args.folds, extra_train=extra,
                                            log=lambda m: print(m, flush=True),
                                            save_to=args.save_folds)
        oof = [{"origin": x.origin, "label": x.label, "proba": [round(p, 5) for p in probs]}
               for x, probs in zip(data, result.predictions, strict=True)]
        description = (f"{args.folds}-fold stratified CV on Multi-CoPED's 1,349 class "
                       "sentences" + (", events_dev.jsonl added to every fold's training"
                                      if args.with_events_gold else ""))
    else:
        data = read_ner_conll(folder / "cameo_ner_train.conll", [x.text for x in classes])
        result = cross_validate_participants(data, settings, args.folds,
                                             log=lambda m: print(m, flush=True),
                                             save_to=args.save_folds)
        oof = [{"origin": x.origin, "spans": [asdict(s) for s in spans]}
               for x, spans in zip(data, result.predictions, strict=True)]
        description = (f"{args.folds}-fold CV on Multi-CoPED's 1,153 participant sentences; "
                       "match = spans share half of the longer span's tokens")
    seconds = time.perf_counter() - started
    summary = result.summary()
    for name, (mean, sd) in summary.items():
        print(f"mean {name}: {mean:.3f} ± {sd:.3f}")
    fold_seconds = [f.seconds for f in result.folds]
    print(f"training per fold: {min(fold_seconds):.0f}–{max(fold_seconds):.0f} s; "
          f"total {seconds:.0f} s")
    figures = {
        "description": description, "settings": asdict(settings),
        "summary": summary, "folds": [f.figures for f in result.folds],
        "train_seconds": fold_seconds,
    }
    if args.json:
        args.json.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    if args.provenance:
        from realpolitik.learned.provenance import add_cv

        add_cv(args.provenance, figures)
    if args.oof:
        args.oof.write_text("".join(json.dumps(r) + "\n" for r in oof), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
