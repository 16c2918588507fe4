"""End-to-end ingest throughput and memory against spaCy alone, in one run.

    python bench/throughput.py --stories 2000                   # both parts below
    python bench/throughput.py --stories 19043 --part workers --workers 2

Part ``profile`` (one process): parses a sample of ../shared/bench/reuters21578.jsonl once
with the bare spaCy pipeline (same model, same components, same batch size) and once
through ``ingest`` into a fresh store (read → nlp → actors → events → time → relations →
quantities → places → store), and prints sentences per second of each, their ratio, and where the
ingest's time went, stage by stage (time inside each stage, nested calls charged to the
inner stage).

Part ``workers``: runs the installed ``realpolitik ingest --workers N`` in a subprocess
for each N, on the same stories, into a fresh store each, and prints wall time, stories
per second, the speed-up over the first N, and the peak memory of the whole
process tree (the writer plus its workers), sampled every 0.1 s: the sum of resident sizes
(RSS, which counts the pipeline the forked workers share once per process) and of
proportional sizes (PSS, which counts it once).

Machines are noisy: the ratios, measured in one run, are the numbers to read.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
#: ../shared beside the checkout (or beside the folder of worktrees that holds it)
DEFAULT_CORPUS = next((c for c in (REPO / ".." / "shared" / "bench" / "reuters21578.jsonl",
                                   REPO / ".." / ".." / "shared" / "bench" / "reuters21578.jsonl")
                       if c.exists()), REPO / ".." / "shared" / "bench" / "reuters21578.jsonl")
STAGES = ("read", "nlp", "actors", "events", "time", "relations", "quantities", "places",
          "store")


def write_sample(corpus: Path, n: int, out: Path) -> int:
    """The first ``n`` stories with text, as JSONL; returns how many were written."""
    written = 0
    with corpus.open(encoding="utf-8") as src, out.open("w", encoding="utf-8") as dst:
        for line in src:
            if written >= n:
                break
            if str(json.loads(line).get("text", "")).strip():
                dst.write(line if line.endswith("\n") else line + "\n")
                written += 1
    return written


def corpus_documents(corpus: Path, stories: int) -> list[Any]:
    """The first ``stories`` stories with text as documents, made as ingest makes them."""
    from datetime import date

    from realpolitik.ingest import make_document

    documents: list[Any] = []
    with corpus.open(encoding="utf-8") as src:
        for line in src:
            if len(documents) >= stories:
                break
            record = json.loads(line)
            if str(record.get("text", "")).strip():
                when = date.fromisoformat(record["date"]) if record.get("date") else None
                documents.append(make_document(record["text"], source=record.get("id", "?"),
                                               when=when))
    return documents


class StageClock:
    """Exclusive CPU time per stage (a stage called inside another is charged to itself).

    CPU time of this process, DuckDB's threads included: on a shared, busy machine wall
    time also counts the other processes' turns.
    """

    def __init__(self) -> None:
        self.seconds: dict[str, float] = defaultdict(float)
        self._stack: list[str] = []
        self._mark = time.process_time()

    def _switch(self) -> None:
        now = time.process_time()
        if self._stack:
            self.seconds[self._stack[-1]] += now - self._mark
        self._mark = now

    def enter(self, stage: str) -> None:
        self._switch()
        self._stack.append(stage)

    def leave(self) -> None:
        self._switch()
        self._stack.pop()

    def wrap(self, stage: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        def timed(*args: Any, **kwargs: Any) -> Any:
            self.enter(stage)
            try:
                return fn(*args, **kwargs)
            finally:
                self.leave()
        return timed

    def wrap_iter(self, stage: str, items: Iterator[Any]) -> Iterator[Any]:
        while True:
            self.enter(stage)
            try:
                item = next(items)
            except StopIteration:
                return
            finally:
                self.leave()
            yield item


class Timed:
    """A stage object whose public methods are charged to one stage on the clock."""

    def __init__(self, inner: Any, stage: str, clock: StageClock) -> None:
        self._inner, self._stage, self._clock = inner, stage, clock

    def __getattr__(self, name: str) -> Any:
        value = getattr(self._inner, name)
        if callable(value) and not name.startswith("_"):
            return self._clock.wrap(self._stage, value)
        return value


def profile_part(sample: Path, n_stories: int, batch_size: int) -> None:
    from realpolitik.config import Config
    from realpolitik.ingest import read_inputs
    from realpolitik.model import Document
    from realpolitik.nlp import NlpStage
    from realpolitik.pipeline import Pipeline, ingest_with, keep_loaded
    from realpolitik.store import open_store
    from realpolitik.store.rows import RowBatch

    config = Config(batch_size=batch_size)
    stage = NlpStage(config)
    pipeline = Pipeline(config, nlp=stage)
    pipeline.analyse_text("Warm-up: Russia criticised the United States on Monday.")
    # what ingest does once its pipeline is loaded (realpolitik.parallel.ingest_parallel):
    # both runs below then see the cycle collector as a process running only them would
    keep_loaded()
    # the documents ingest will parse: repeated texts are stored (and parsed) once
    docs = list({d.id: d for d in read_inputs([sample], config)
                 if isinstance(d, Document)}.values())

    # spaCy alone: the same model object, the same batches, the same texts
    cpu_started = time.process_time()
    started = time.perf_counter()
    sentences = 0
    for spacy_doc in stage.nlp.pipe((d.text for d in docs), batch_size=batch_size):
        sentences += sum(1 for _ in spacy_doc.sents)
    spacy_seconds = time.perf_counter() - started
    spacy_cpu = time.process_time() - cpu_started

    clock = StageClock()
    pipeline.resolver = Timed(pipeline.resolver, "actors", clock)  # type: ignore[assignment]
    pipeline.coder = Timed(pipeline.coder, "events", clock)  # type: ignore[assignment]
    pipeline.timer = Timed(pipeline.timer, "time", clock)  # type: ignore[assignment]
    pipeline.relations = Timed(pipeline.relations, "relations", clock)  # type: ignore[assignment]
    pipeline.quantities = Timed(pipeline.quantities, "quantities", clock)  # type: ignore[assignment]
    pipeline.places = Timed(pipeline.places, "places", clock)  # type: ignore[assignment]

    def analyser(chunks: Iterator[list[Document]]) -> Iterator[RowBatch]:
        for chunk in clock.wrap_iter("read", chunks):
            analyses = list(clock.wrap_iter("nlp_and_rules", pipeline.analyse(chunk)))
            yield clock.wrap("store", RowBatch.of)(analyses)

    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as folder, \
            open_store(Path(folder) / "bench.duckdb") as store:
        store.write_rows = clock.wrap("store", store.write_rows)  # type: ignore[method-assign]
        store.known_documents = clock.wrap(  # type: ignore[method-assign]
            "store", store.known_documents)
        cpu_started = time.process_time()
        started = time.perf_counter()
        report = ingest_with([sample], config, store, analyser)
        ingest_seconds = time.perf_counter() - started
        cpu_seconds = time.process_time() - cpu_started
        stored_sentences = store.query("SELECT count(*) FROM sentences")[0][0]
    # what is left in the analysis generator once the rule stages are taken out is spaCy
    clock.seconds["nlp"] = clock.seconds.pop("nlp_and_rules", 0.0)
    clock.seconds["read"] += max(0.0, cpu_seconds - sum(clock.seconds.values()))

    print(f"stories: {n_stories} ({len(docs)} distinct texts)  sentences: {sentences} "
          f"(spaCy's), {stored_sentences} stored (blank ones dropped)")
    print(f"spaCy alone (n_process=1):     {sentences / spacy_seconds:8.1f} sentences/s  "
          f"({spacy_seconds:.1f} s wall, {spacy_cpu:.1f} s CPU)")
    print(f"ingest, one process, to store: {sentences / ingest_seconds:8.1f} sentences/s  "
          f"({ingest_seconds:.1f} s wall, {cpu_seconds:.1f} s CPU)")
    print(f"ratio ingest/spaCy, same texts: {spacy_seconds / ingest_seconds:.3f} by wall time, "
          f"{spacy_cpu / cpu_seconds:.3f} by CPU time")
    print(f"found: new documents {report.new}, events {report.events}, relations "
          f"{report.relations}, quantities {report.quantities}")
    print(f"\n{'stage':12s} {'CPU s':>8s} {'share':>7s}")
    for name in STAGES:
        seconds = clock.seconds.get(name, 0.0)
        print(f"{name:12s} {seconds:8.1f} {seconds / cpu_seconds:7.1%}")
    beyond = sum(clock.seconds.get(n, 0.0) for n in STAGES if n not in ("nlp", "read"))
    print(f"beyond spaCy's parse (rule stages and store): {beyond / cpu_seconds:.1%} of "
          "ingest CPU")


def tree_rss_mb(pid: int) -> float:
    """Resident memory of a process and all its descendants, from /proc (pages shared by
    forked workers are counted once per process: an upper bound)."""
    return tree_memory_mb(pid)[0]


def tree_memory_mb(pid: int) -> tuple[float, float]:
    """Resident and proportional set size (RSS, PSS) of a process and its descendants.

    PSS charges each shared page to its sharers in equal parts, so the PSS of the tree is
    the memory it really holds, with the pipeline the forked workers share counted once.
    """
    rss = pss = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        rss += int(line.split()[1])
            try:
                with open(f"/proc/{current}/smaps_rollup", encoding="ascii") as fh:
                    for line in fh:
                        if line.startswith("Pss:"):
                            pss += int(line.split()[1])
            except OSError:
                pass
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as fh:
                    todo.extend(int(c) for c in fh.read().split())
        except (OSError, ValueError):
            continue
    return rss / 1024, pss / 1024


def run_cli_ingest(sample: Path, workers: int, batch_size: int,
                   keep: Path | None = None) -> tuple[float, float, float, str]:
    """Wall seconds, peak tree RSS and peak tree PSS (MB) of one ``realpolitik ingest`` run.

    With ``keep`` the store is written there and left for later queries (for example the
    duplicate share of the corpus); otherwise it is written to a temporary folder.
    """
    exe = Path(sys.executable).parent / "realpolitik"
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as folder:
        db = keep if keep is not None else Path(folder) / "b.duckdb"
        cmd = [str(exe), "ingest", str(sample), "--db", str(db),
               "--workers", str(workers), "--batch-size", str(batch_size), "--quiet"]
        peak = peak_pss = 0.0
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)
        done = threading.Event()

        def sample_memory() -> None:
            nonlocal peak, peak_pss
            while not done.is_set():
                rss, pss = tree_memory_mb(proc.pid)
                peak, peak_pss = max(peak, rss), max(peak_pss, pss)
                time.sleep(0.1)

        sampler = threading.Thread(target=sample_memory, daemon=True)
        sampler.start()
        _, err = proc.communicate()
        seconds = time.perf_counter() - started
        done.set()
        sampler.join()
        if proc.returncode != 0:
            raise SystemExit(f"ingest --workers {workers} failed:\n{err}")
        return seconds, peak, peak_pss, err


def workers_part(sample: Path, n_stories: int, workers: list[int], batch_size: int,
                 keep_dir: Path | None = None) -> None:
    print(f"\n{'command':34s} {'wall s':>8s} {'stories/s':>10s} {'speed-up':>9s} "
          f"{'peak RSS MB (tree)':>19s} {'peak PSS MB (tree)':>19s}")
    base: float | None = None
    for n in workers:
        keep = None if keep_dir is None else keep_dir / f"ingest-workers{n}.duckdb"
        if keep is not None:
            keep.parent.mkdir(parents=True, exist_ok=True)
            keep.unlink(missing_ok=True)
        seconds, peak, peak_pss, _ = run_cli_ingest(sample, n, batch_size, keep)
        base = base or seconds
        print(f"{'realpolitik ingest --workers ' + str(n):34s} {seconds:8.1f} "
              f"{n_stories / seconds:10.2f} {base / seconds:9.2f} {peak:19.0f} "
              f"{peak_pss:19.0f}", flush=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--part", choices=("all", "profile", "workers"), default="all")
    parser.add_argument("--workers", default="1,2",
                        help="comma-separated worker counts for the workers part")
    parser.add_argument("--keep-stores", type=Path, default=None, metavar="DIR",
                        help="write the workers part's stores into DIR and keep them")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as folder:
        sample = Path(folder) / "sample.jsonl"
        n_stories = write_sample(args.corpus, args.stories, sample)
        if args.part in ("all", "profile"):
            profile_part(sample, n_stories, args.batch_size)
        if args.part in ("all", "workers"):
            workers_part(sample, n_stories, [int(w) for w in args.workers.split(",")],
                         args.batch_size, args.keep_stores)
    return 0


if __name__ == "__main__":
    sys.exit(main())
