"""What the learned models cost: the pipeline with each model configuration against spaCy.

    python bench/models_throughput.py --stories 1000

Measures, in one run on a sample of ../shared/bench/reuters21578.jsonl, as
``bench/throughput.py`` does: spaCy alone (same model, same batches), then realpolitik's
analysis stages (parse → actors → events → time → relations → quantities, no store) four
times: rules alone, with the event-class model, with the participant model, with both (the
models run inside the coder, once per document, on the sentences with a coded event).
Prints sentences per second and the ratio of each against spaCy alone. Machines are noisy:
compare ratios from one run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, corpus_documents

CONFIGURATIONS = ("none", "event_class", "participants", "both")


def with_models(config: Any, models: str) -> Any:
    """``config`` with the learned models ``models`` names (``default`` leaves it)."""
    if models == "default":
        return config
    return config.with_changes(event_class_model=models in ("event_class", "both"),
                               participant_model=models in ("participants", "both"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=1000)
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
    base = Config(batch_size=args.batch_size)
    stage = NlpStage(base)
    pipelines = {name: Pipeline(with_models(base, name), nlp=stage) for name in CONFIGURATIONS}
    for pipeline in pipelines.values():
        pipeline.analyse_text("Warm-up: Russia criticised the United States on Monday.")

    started = time.perf_counter()
    sentences = 0
    for spacy_doc in stage.nlp.pipe((d.text for d in docs), batch_size=args.batch_size):
        sentences += sum(1 for _ in spacy_doc.sents)
    spacy_rate = sentences / (time.perf_counter() - started)
    print(f"stories: {len(docs)}  sentences: {sentences}")
    print(f"spaCy alone:          {spacy_rate:8.1f} sentences/s")
    for name, pipeline in pipelines.items():
        started = time.perf_counter()
        analysed = sum(len(a.parsed.sentences) for a in pipeline.analyse(docs))
        rate = analysed / (time.perf_counter() - started)
        print(f"models {name:<14} {rate:8.1f} sentences/s  ratio {rate / spacy_rate:.3f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
