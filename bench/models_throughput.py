"""What the learned models cost: the pipeline with each model configuration against spaCy.

    python bench/models_throughput.py --stories 1000

Measures, in one run on a sample of ../shared/bench/reuters21578.jsonl, as
``bench/throughput.py`` does: spaCy alone (same model, same batches), then realpolitik's
analysis stages (parse → actors → events → time → relations → quantities, no store) four
times: rules alone, with the event-class model, with the participant model, with both (the
models run inside the coder, once per document, on the sentences with a coded event).
Times are CPU seconds of this process (``time.process_time``), not wall time: on a machine
shared with other jobs the wall clock measures the neighbours as much as the code. Each
configuration runs ``--rounds`` times, interleaved, and keeps its best rate; spaCy
alone is timed before and after each round and its best rate is the reference. Prints
sentences per second and the ratio of each against spaCy alone. Machines are noisy:
compare ratios from one run.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

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
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--configs", nargs="*", default=list(CONFIGURATIONS),
                        choices=[*CONFIGURATIONS, "default"],
                        help="which model configurations to time (default: the four)")
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
    pipelines = {name: Pipeline(with_models(base, name), nlp=stage) for name in args.configs}
    for pipeline in pipelines.values():
        pipeline.analyse_text("Warm-up: Russia criticised the United States on Monday.")

    def spacy_alone() -> float:
        started = time.process_time()
        sentences = 0
        for spacy_doc in stage.nlp.pipe((d.text for d in docs), batch_size=args.batch_size):
            sentences += sum(1 for _ in spacy_doc.sents)
        return sentences / (time.process_time() - started)

    spacy_alone()  # warm-up: the first pass over new text fills spaCy's vocabulary
    spacy_rates = [spacy_alone()]
    rates: dict[str, float] = dict.fromkeys(pipelines, 0.0)
    for _ in range(args.rounds):
        for name, pipeline in pipelines.items():
            started = time.process_time()
            analysed = sum(len(a.parsed.sentences) for a in pipeline.analyse(docs))
            rates[name] = max(rates[name], analysed / (time.process_time() - started))
        spacy_rates.append(spacy_alone())
    # the best of the rounds for each; spaCy alone is timed before and after each round
    spacy_rate = max(spacy_rates)
    print(f"stories: {len(docs)}")
    print("spaCy alone: " + ", ".join(f"{r:.1f}" for r in spacy_rates)
          + " sentences/s (the best is the reference)")
    for name, rate in rates.items():
        print(f"models {name:<14} {rate:8.1f} sentences/s  ratio {rate / spacy_rate:.3f}",
              flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
