"""Country recognition on Reuters-21578: precision and recall against the stories' places.

Each story's recognised countries (the countries of every resolved actor mention, on the
story's date) are compared with its Reuters ``places`` labels, a silver truth: indexers
labelled the places a story is about, which is not always every country it names. Stories
without place labels are skipped. Also reports the cost of the actor stage next to spaCy's.

Usage: python bench/actors_recall.py [--limit 2000] [--shared ../shared]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import Counter
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from realpolitik.actors import ActorResolver, KnowledgeBase
from realpolitik.config import Config
from realpolitik.ingest.normalise import make_document
from realpolitik.model import Document
from realpolitik.nlp import NlpStage

REPO = Path(__file__).resolve().parents[1]

# Reuters place labels that are not a state name of the knowledge base once hyphens become
# spaces (labels are lower-case, "west-germany" -> "west germany" is found by name).
LABEL_EXCEPTIONS = {
    "trinidad-tobago": "TTO", "yemen-arab-republic": "YEM", "yemen-demo-republic": "YMD",
    "congo": "COG", "us-virgin-islands": "VIR", "antigua": "ATG",
}


def label_map(kb: KnowledgeBase, labels: set[str], when: date) -> dict[str, str]:
    """Reuters place label -> ISO3 (or CAMEO historic) code, via the knowledge base's names."""
    by_name: dict[str, str] = {}
    for state in kb.states.values():
        for name in (*state.names, state.name):
            by_name.setdefault(name.lower(), state.code)
    out: dict[str, str] = {}
    for label in labels:
        code = LABEL_EXCEPTIONS.get(label) or by_name.get(label.replace("-", " "))
        if code is None:
            continue
        record = kb.states.get(code)
        out[label] = record.code_on(when) if record else code
    return out


def stories(path: Path, limit: int) -> Iterator[tuple[Document, list[str]]]:
    count = 0
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if not record.get("places") or not record.get("text", "").strip():
                continue
            when = date.fromisoformat(record["date"]) if record.get("date") else None
            text = f"{record.get('title') or ''}\n\n{record['text']}"
            yield make_document(text, source=record["id"], when=when), record["places"]
            count += 1
            if count >= limit:
                return


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=2000, help="stories to read")
    parser.add_argument("--shared", type=Path, default=REPO.parent / "shared")
    parser.add_argument("--show", type=int, default=0, help="print this many worst misses")
    args = parser.parse_args()
    corpus = args.shared / "bench" / "reuters21578.jsonl"
    if not corpus.is_file():
        sys.exit(f"no corpus at {corpus}")

    config = Config()
    kb = KnowledgeBase.load(config)
    resolver = ActorResolver(kb)
    _ = kb.lexicon
    stage = NlpStage(config)
    pairs = list(stories(corpus, args.limit))
    mapping = label_map(kb, {p for _, places in pairs for p in places}, date(1987, 6, 1))
    unmapped = sorted({p for _, places in pairs for p in places} - set(mapping))

    tp = fp = fn = 0
    parse_seconds = resolve_seconds = 0.0
    missed: Counter[str] = Counter()
    extra: Counter[str] = Counter()
    started = time.perf_counter()
    documents = (doc for doc, _ in pairs)
    for (_, places), parsed in zip(pairs, stage.parse(documents), strict=True):
        parse_done = time.perf_counter()
        parse_seconds += parse_done - started
        mentions = resolver.resolve_document(parsed)
        started = time.perf_counter()
        resolve_seconds += started - parse_done
        found = {m.actor.country for m in mentions if m.actor and m.actor.country}
        gold = {mapping[p] for p in places if p in mapping}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        missed.update(gold - found)
        extra.update(found - gold)

    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    print(f"stories: {len(pairs)} (with place labels); labels not mapped: {unmapped or 'none'}")
    print(f"precision {precision:.3f}  recall {recall:.3f}  F1 {f1:.3f}  "
          f"(tp {tp}, fp {fp}, fn {fn})")
    print(f"spaCy parse {parse_seconds:.1f} s, actor resolution {resolve_seconds:.1f} s: "
          f"parse+actors at {parse_seconds / (parse_seconds + resolve_seconds):.1%} "
          f"of parse-only speed")
    if args.show:
        print("most missed:", missed.most_common(args.show))
        print("most extra:", extra.most_common(args.show))


if __name__ == "__main__":
    main()
