"""What the places stage costs in ingest throughput (issue #15: at most 15%).

    python bench/places_cost.py --stories 1000

Parses a sample of ../shared/bench/reuters21578.jsonl once with spaCy (timed), then runs
every stage after it twice over the same parses in one interleaved loop: the stages before
places, and the places stage. Prints sentences per second of the ingest analysis with and
without places and their ratio, measured in the same run (machines are noisy). Gazetteer
loading is timed apart: it is paid once per process.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from realpolitik.config import Config
from realpolitik.ingest import make_document
from realpolitik.pipeline import Pipeline
from realpolitik.places import PlaceStage
from realpolitik.places.gazetteer import load_gazetteer
from realpolitik.relations.context import DocumentMentions

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--stories", type=int, default=1000)
    ap.add_argument("--corpus", type=Path,
                    default=REPO / ".." / "shared" / "bench" / "reuters21578.jsonl")
    args = ap.parse_args()
    docs = []
    with args.corpus.open(encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            if rec.get("text", "").strip():
                docs.append(make_document(rec["text"], source=rec["id"]))
            if len(docs) >= args.stories:
                break
    started = time.perf_counter()
    load_gazetteer.cache_clear()
    stage = PlaceStage()
    load_seconds = time.perf_counter() - started
    pipeline = Pipeline(Config())
    started = time.perf_counter()
    parsed_docs = list(pipeline.nlp.parse(docs))
    t_nlp = time.perf_counter() - started
    sentences = sum(len(p.sentences) for p in parsed_docs)
    t_rest = t_places = 0.0
    for parsed in parsed_docs:
        t0 = time.perf_counter()
        mentions = pipeline.resolver.resolve_document(parsed)
        events = pipeline.timer.date_events(parsed, pipeline.coder.code(parsed, mentions))
        contexts = DocumentMentions(parsed, mentions)
        pipeline.relations.extract(parsed, mentions, events, pipeline.timer, contexts)
        pipeline.quantities.extract(parsed, mentions, pipeline.timer, contexts)
        t1 = time.perf_counter()
        stage.locate(parsed, mentions, events)
        t2 = time.perf_counter()
        t_rest += t1 - t0
        t_places += t2 - t1
    without = sentences / (t_nlp + t_rest)
    with_places = sentences / (t_nlp + t_rest + t_places)
    print(json.dumps({
        "stories": len(parsed_docs), "sentences": sentences,
        "sentences_per_s_without_places": round(without, 1),
        "sentences_per_s_with_places": round(with_places, 1),
        "ratio_with_to_without": round(with_places / without, 3),
        "places_share_of_analysis_time": round(t_places / (t_nlp + t_rest + t_places), 4),
        "gazetteer_load_seconds_once_per_process": round(load_seconds, 2),
    }, indent=1))


if __name__ == "__main__":
    main()
