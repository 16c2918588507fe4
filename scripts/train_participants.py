"""Train the participant model and write it, with its provenance, as package data.

Usage: python scripts/train_participants.py [--shared ../shared] [--epochs 15] [--seed 0]
       [--cv-json cv_participants.json] [--out src/realpolitik/data/models/participants]

Trains on Multi-CoPED's participant spans (../shared/bench/gold/multicoped/
cameo_ner_train.conll; sentences whose words match a sentence of cameo_class_train.tsv keep
that text), seeded. --cv-json adds the figures written by scripts/cv_multicoped.py.
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
    from realpolitik.learned.data import read_class_tsv, read_ner_conll
    from realpolitik.learned.provenance import save_model
    from realpolitik.learned.training import (
        add_training_arguments,
        settings_from_arguments,
        train_participants,
    )

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    add_training_arguments(parser, arch="ner", epochs=15,
                           out=REPO / "src" / "realpolitik" / "data" / "models" / "participants")
    args = parser.parse_args(argv)

    folder = args.shared / "bench" / "gold" / "multicoped"
    raw = [x.text for x in read_class_tsv(folder / "cameo_class_train.tsv")]
    data = read_ner_conll(folder / "cameo_ner_train.conll", raw)
    settings = settings_from_arguments(args)
    started = time.perf_counter()
    nlp = train_participants(data, settings, log=print)
    seconds = time.perf_counter() - started
    cv = json.loads(args.cv_json.read_text(encoding="utf-8")) if args.cv_json else None
    save_model(
        nlp, args.out, name="realpolitik_participants",
        description="Source and target spans of a sentence's event (spaCy NER with labels "
                    "SOURCE and TARGET over the fine-tuned en_core_web_sm tok2vec).",
        settings=settings, data=[("Multi-CoPED sentences", len(data))],
        uses_events_gold=False, seconds=seconds, cv=cv,
        command="python scripts/train_participants.py " + shlex.join(argv or sys.argv[1:]))
    print(f"trained in {seconds:.0f} s; written to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
