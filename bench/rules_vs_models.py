"""Rules alone against rules plus each learned model, on Multi-CoPED (cross-validated).

    python scripts/cv_multicoped.py event_class --oof /tmp/oof_class.jsonl
    python scripts/cv_multicoped.py participants --oof /tmp/oof_participants.jsonl
    python bench/rules_vs_models.py --oof-class /tmp/oof_class.jsonl \
        --oof-participants /tmp/oof_participants.jsonl

Runs realpolitik's pipeline (the rule coder) on every Multi-CoPED training sentence and
scores, with out-of-fold model predictions only (no sentence is scored by a model that was
trained on it):

- event class (macro-F1, accuracy): the rules' class (of the first event coded; none
  coded counts as wrong), the model alone, the rules re-ranked by the model (the coded
  event whose class the model finds most probable, the model's own class when nothing is
  coded), and that with a fallback to the model under a probability floor;
- participants (share of the sentences with a gold source and target): some coded event
  whose source and target texts match the gold spans (rules), and the resolved mentions
  chosen by ``choose_participants`` (rules' mentions plus the model). Spans match as in
  ``realpolitik.learned.cv`` (half of the longer span's tokens).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]


def _analyse(texts: list[str]) -> list[Any]:
    from realpolitik.config import Config
    from realpolitik.ingest import make_document
    from realpolitik.pipeline import Pipeline

    pipeline = Pipeline(Config())
    docs = [make_document(t, source=f"s{i}") for i, t in enumerate(texts)]
    return list(pipeline.analyse(docs))


def _oof(path: Path) -> dict[str, Any]:
    return {r["origin"]: r for r in map(json.loads, path.read_text("utf-8").splitlines())}


def event_class(folder: Path, oof_path: Path) -> None:
    from realpolitik.learned.combine import best_class, choose_class
    from realpolitik.learned.cv import accuracy, macro_f1
    from realpolitik.learned.data import read_class_tsv, root_class

    data = read_class_tsv(folder / "cameo_class_train.tsv")
    oof = _oof(oof_path)
    analyses = _analyse([x.text for x in data])
    gold = [x.label for x in data]
    codes = [[e.code for e in a.events] for a in analyses]
    probs = [oof[x.origin]["proba"] for x in data]
    systems = {
        "rules (first coded event)": [root_class(c[0]) if c else -1 for c in codes],
        "model alone": [best_class(p) for p in probs],
        "rules re-ranked by model": [choose_class(c, p) for c, p in zip(codes, probs,
                                                                        strict=True)],
    }
    for floor in (0.2, 0.4, 0.6):
        systems[f"re-ranked, model below {floor}"] = [
            choose_class(c, p, fallback_below=floor) for c, p in zip(codes, probs, strict=True)]
    print(f"event class on {len(data)} sentences; the rules code something in "
          f"{sum(1 for c in codes if c)}")
    for name, pred in systems.items():
        print(f"  {name:<34} macro-F1 {macro_f1(gold, pred):.3f}  "
              f"accuracy {accuracy(gold, pred):.3f}")


def participants(folder: Path, oof_path: Path) -> None:
    import spacy

    from realpolitik.learned.cv import spans_match, token_set
    from realpolitik.learned.data import read_class_tsv, read_ner_conll
    from realpolitik.learned.participants import ParticipantSpan, choose_participants

    raw = [x.text for x in read_class_tsv(folder / "cameo_class_train.tsv")]
    data = [x for x in read_ner_conll(folder / "cameo_ner_train.conll", raw)
            if x.spans_of("source") and x.spans_of("target")]
    oof = _oof(oof_path)
    analyses = _analyse([x.text for x in data])
    tokenizer = spacy.blank("en").tokenizer
    rules = model = either = 0
    for x, analysis in zip(data, analyses, strict=True):
        offsets = [(t.idx, t.idx + len(t)) for t in tokenizer(x.text)]
        golds = {side: [token_set(offsets, s, e) for s, e in x.spans_of(side)]
                 for side in ("source", "target")}

        def right(side: str, start: int, end: int, golds: Any = golds,
                  offsets: Any = offsets) -> bool:
            return any(spans_match(token_set(offsets, start, end), g) for g in golds[side])

        def located(text: str | None, x: Any = x) -> tuple[int, int]:
            at = x.text.find(text) if text else -1
            return (at, at + len(text or "")) if at >= 0 else (-1, -1)

        rule_ok = any(
            e.source and e.target and right("source", *located(e.source.text))
            and right("target", *located(e.target.text)) for e in analysis.events)
        spans = [ParticipantSpan(**s) for s in oof[x.origin]["spans"]]
        candidates = [(m.start_char, m.end_char, i) for i, m in enumerate(analysis.mentions)]
        choice = choose_participants(spans, candidates)
        model_ok = choice.source is not None and choice.target is not None and right(
            "source", *candidates[int(str(choice.source))][:2]) and right(
            "target", *candidates[int(str(choice.target))][:2])
        rules += rule_ok
        model += model_ok
        either += rule_ok or model_ok
    n = len(data)
    print(f"participants on {n} sentences with a gold source and target: right source and "
          f"target in one event")
    print(f"  rules alone                        {rules / n:.3f}")
    print(f"  model's choice among the mentions  {model / n:.3f}")
    print(f"  either (upper bound of combining)  {either / n:.3f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=REPO / ".." / "shared")
    parser.add_argument("--oof-class", type=Path)
    parser.add_argument("--oof-participants", type=Path)
    args = parser.parse_args()
    folder = args.shared / "bench" / "gold" / "multicoped"
    if args.oof_class:
        event_class(folder, args.oof_class)
    if args.oof_participants:
        participants(folder, args.oof_participants)
    return 0


if __name__ == "__main__":
    sys.exit(main())
