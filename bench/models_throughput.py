"""What the learned models cost: the analysis stages with and without them, against spaCy.

    python bench/models_throughput.py --stories 2000

Measures, in one run on a sample of ../shared/bench/reuters21578.jsonl, as
``bench/throughput.py`` does: spaCy alone (same model, same batches), then realpolitik's
analysis stages (parse → actors → events → time → relations → quantities, no store), then
each packaged model (``realpolitik.learned``) run on every sentence that has a coded event,
batched. Prints sentences per second and the ratio against spaCy alone of the analysis
stages alone, with each model, and with all models. The models' time is added to the
analysis time: that is their cost when the coder calls them on those sentences.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, corpus_documents


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
    from realpolitik.learned.event_class import EventClassModel
    from realpolitik.learned.participants import ParticipantModel
    from realpolitik.nlp import NlpStage
    from realpolitik.pipeline import Pipeline

    docs = corpus_documents(args.corpus, args.stories)
    config = Config(batch_size=args.batch_size)
    stage = NlpStage(config)
    pipeline = Pipeline(config, nlp=stage)
    pipeline.analyse_text("Warm-up: Russia criticised the United States on Monday.")
    models: dict[str, Callable[[Sequence[str]], object]] = {
        "event_class": EventClassModel.load(batch_size=args.batch_size).predict_proba,
        "participants": ParticipantModel.load(batch_size=args.batch_size).predict,
    }
    for run in models.values():
        run(["Warm-up: Russia criticised the United States on Monday."])

    started = time.perf_counter()
    sentences = 0
    for spacy_doc in stage.nlp.pipe((d.text for d in docs), batch_size=args.batch_size):
        sentences += sum(1 for _ in spacy_doc.sents)
    spacy_seconds = time.perf_counter() - started

    started = time.perf_counter()
    analysed = 0
    coded: list[str] = []
    for analysis in pipeline.analyse(docs):
        analysed += len(analysis.parsed.sentences)
        with_events = sorted({e.sentence for e in analysis.events})
        coded.extend(analysis.parsed.sentences[i].text for i in with_events)
    full_seconds = time.perf_counter() - started

    model_seconds: dict[str, float] = {}
    for name, run in models.items():
        started = time.perf_counter()
        run(coded)
        model_seconds[name] = time.perf_counter() - started

    spacy_rate = sentences / spacy_seconds
    print(f"stories: {len(docs)}  sentences: {sentences}  with a coded event: {len(coded)}")
    print(f"spaCy alone:              {spacy_rate:8.1f} sentences/s  ({spacy_seconds:.1f} s)")
    rows = [("analysis stages", full_seconds)]
    rows += [(f"  + {name}", full_seconds + s) for name, s in model_seconds.items()]
    rows.append(("  + all models", full_seconds + sum(model_seconds.values())))
    for label, seconds in rows:
        rate = analysed / seconds
        print(f"{label:<25} {rate:8.1f} sentences/s  ({seconds:.1f} s)  "
              f"ratio {rate / spacy_rate:.3f}")
    for name, s in model_seconds.items():
        print(f"{name}: {len(coded) / s:.0f} coded sentences/s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
