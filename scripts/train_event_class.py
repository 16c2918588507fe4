"""Train the event-class model and write it, with its provenance, as package data.

Usage: python scripts/train_event_class.py [--shared ../shared] [--epochs 15] [--seed 0]
       [--cv-json cv_event_class.json] [--out src/realpolitik/data/models/event_class]

Trains on Multi-CoPED's training split (../shared/bench/gold/multicoped/cameo_class_train.tsv)
plus the project's gold/events_dev.jsonl (unless --no-events-gold), seeded. --cv-json adds
the figures written by scripts/cv_multicoped.py to PROVENANCE.md.
"""

from __future__ import annotations

import argparse
import json
import shlex
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    from realpolitik.learned.data import CLASS_NAMES, read_class_tsv, read_events_gold
    from realpolitik.learned.provenance import save_model
    from realpolitik.learned.training import (
        add_training_arguments,
        settings_from_arguments,
        train_event_class,
    )

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--events-gold", type=Path, default=REPO / "gold" / "events_dev.jsonl")
    parser.add_argument("--no-events-gold", action="store_true")
    add_training_arguments(parser, arch="ensemble", epochs=15,
                           out=REPO / "src" / "realpolitik" / "data" / "models" / "event_class")
    args = parser.parse_args(argv)

    data = read_class_tsv(args.shared / "bench" / "gold" / "multicoped" / "cameo_class_train.tsv")
    counts = [("Multi-CoPED sentences", len(data))]
    if not args.no_events_gold:
        gold = read_events_gold(args.events_gold)
        data += gold
        counts.append(("events_dev.jsonl sentences", len(gold)))
    settings = settings_from_arguments(args)
    started = time.perf_counter()
    nlp = train_event_class(data, settings, log=print)
    seconds = time.perf_counter() - started
    cv = json.loads(args.cv_json.read_text(encoding="utf-8")) if args.cv_json else None
    save_model(
        nlp, args.out, name="realpolitik_event_class",
        description="Five Multi-CoPED classes of a sentence's main event: "
                    + ", ".join(f"{i} {n}" for i, n in enumerate(CLASS_NAMES)) + ".",
        settings=settings, data=counts, uses_events_gold=not args.no_events_gold,
        seconds=seconds, cv=cv,
        command="python scripts/train_event_class.py " + shlex.join(argv or sys.argv[1:]))
    print(f"trained in {seconds:.0f} s; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
