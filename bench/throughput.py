"""Throughput and memory of the whole pipeline against spaCy alone, in one run.

    python bench/throughput.py --stories 2000

Reads a sample of ../shared/bench/reuters21578.jsonl, parses it once with the bare spaCy
pipeline (same model, same components, same batch size) and once through realpolitik's
full pipeline (nlp → actors → events → time → relations → quantities, no store), and
prints sentences per second of each, their ratio, and the peak resident memory of each
phase. Machines are noisy: the ratio, measured in one run, is the number to read.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "bench" / "reuters21578.jsonl"


def load_texts(path: Path, n: int) -> list[dict[str, str]]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            record = json.loads(line)
            if record.get("text", "").strip():
                out.append(record)
            if len(out) >= n:
                break
    return out


def corpus_documents(corpus: Path, stories: int) -> list[Any]:
    """The first ``stories`` stories as documents, made as ingest makes them."""
    from datetime import date

    from realpolitik.ingest import make_document

    return [make_document(r["text"], source=r.get("id", "?"),
                          when=date.fromisoformat(r["date"]) if r.get("date") else None)
            for r in load_texts(corpus, stories)]


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--batch-size", type=int, default=64)
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1


    from realpolitik.config import Config
    from realpolitik.nlp import NlpStage
    from realpolitik.pipeline import Pipeline

    docs = corpus_documents(args.corpus, args.stories)
    config = Config(batch_size=args.batch_size)
    stage = NlpStage(config)
    pipeline = Pipeline(config, nlp=stage)
    pipeline.analyse_text("Warm-up: Russia criticised the United States on Monday.")

    # spaCy alone: the same model object, the same batches
    started = time.perf_counter()
    sentences = 0
    for spacy_doc in stage.nlp.pipe((d.text for d in docs), batch_size=args.batch_size):
        sentences += sum(1 for _ in spacy_doc.sents)
    spacy_seconds = time.perf_counter() - started
    spacy_peak = peak_rss_mb()

    started = time.perf_counter()
    counts = {"sentences": 0, "events": 0, "relations": 0, "quantities": 0, "mentions": 0}
    for analysis in pipeline.analyse(docs):
        counts["sentences"] += len(analysis.parsed.sentences)
        counts["events"] += len(analysis.events)
        counts["relations"] += len(analysis.relations)
        counts["quantities"] += len(analysis.quantities)
        counts["mentions"] += len(analysis.mentions)
    full_seconds = time.perf_counter() - started

    spacy_rate = sentences / spacy_seconds
    full_rate = counts["sentences"] / full_seconds
    print(f"stories: {len(docs)}  sentences: {sentences}")
    print(f"spaCy alone:        {spacy_rate:8.1f} sentences/s  ({spacy_seconds:.1f} s)")
    print(f"realpolitik full:   {full_rate:8.1f} sentences/s  ({full_seconds:.1f} s)")
    print(f"ratio (full/spaCy): {full_rate / spacy_rate:8.3f}")
    print(f"peak RSS after spaCy phase: {spacy_peak:.0f} MB; after full phase: "
          f"{peak_rss_mb():.0f} MB")
    print("found: " + ", ".join(f"{k} {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
