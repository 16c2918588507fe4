"""A store that stays fast as it grows: ingest into it and query it, at 10,000,000 events.

    python bench/large_store.py [--events 10000000] [--stories 512] [--db PATH] [--runs 3]

Builds a store of synthetic events the way ``bench/dyad_query.py`` does (inside DuckDB,
no Python loop), plus one document per 12 events with hash-like ids, as real ids are.

1. Ingest into it: analyses ``--stories`` Reuters stories once, then writes the same
   batches of 64 into an empty store and into the large one (``Store.write_rows``), and
   prints the median write time per batch of each. Independent of store size means no
   full-table scan per batch.
2. Query latency, start-up included: runs the installed CLI (a new process each time, the
   knowledge base loaded as a user's command loads it) for the dyad of a busy pair and a
   rare one, events filtered by actor and date, allies-lost, network on one date and
   profile; prints the median wall time of ``--runs`` runs, and ``realpolitik --help`` as
   the start-up floor.

Nothing is asserted: the numbers are the result. The machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from dyad_query import build
from realpolitik.store import Store, open_store
from realpolitik.store.rows import RowBatch

REPO = Path(__file__).resolve().parents[1]
CORPUS = REPO / ".." / "shared" / "bench" / "reuters21578.jsonl"


def add_documents(store: Store, n_events: int) -> None:
    """One document per 12 events, ids as random as real content hashes."""
    store.con.execute(
        "INSERT INTO documents (id, date, title, source, text) "
        "SELECT substr(md5(CAST(i AS VARCHAR)), 1, 16), DATE '2000-01-01' + CAST(i % 9000 AS "
        "INTEGER), NULL, 'synthetic', 'Synthetic document ' || i FROM range(?) t(i)",
        [n_events // 12])
    store.con.execute("CHECKPOINT")


def analysed_batches(n_stories: int) -> list[RowBatch]:
    from realpolitik.config import Config
    from realpolitik.ingest import read_inputs
    from realpolitik.model import Document
    from realpolitik.pipeline import Pipeline

    config = Config()
    pipeline = Pipeline(config)
    docs: list[Document] = []
    for item in read_inputs([CORPUS], config):
        if isinstance(item, Document):
            docs.append(item)
        if len(docs) >= n_stories:
            break
    return [RowBatch.of(pipeline.analyse(docs[i:i + 64])) for i in range(0, len(docs), 64)]


def write_times(db: Path, batches: list[RowBatch]) -> list[float]:
    times = []
    with open_store(db) as store:
        for batch in batches:
            started = time.perf_counter()
            store.write_rows(batch)
            times.append((time.perf_counter() - started) * 1000)
    return times


def cli_ms(args: list[str], runs: int) -> float:
    exe = str(Path(sys.executable).parent / "realpolitik")
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        proc = subprocess.run([exe, *args], capture_output=True, text=True, check=False)
        times.append((time.perf_counter() - started) * 1000)
        if proc.returncode != 0:
            raise SystemExit(f"realpolitik {' '.join(args)} failed: {proc.stderr.strip()}")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=10_000_000)
    parser.add_argument("--stories", type=int, default=512)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-ingest", action="store_true",
                        help="time the queries only (skip the write part)")
    parser.add_argument("--db", type=Path, default=None,
                        help="an existing large store to reuse, or where to build one")
    args = parser.parse_args()
    folder = tempfile.TemporaryDirectory(prefix="realpolitik-bench-")
    db = args.db or Path(folder.name) / "large.duckdb"
    if not db.exists():
        with open_store(db) as store:
            seconds = build(store, args.events)
            add_documents(store, args.events)
        print(f"built {args.events:,} events in {seconds:.0f} s at {db}")
    with open_store(db, read_only=True) as store:
        events = store.query("SELECT count(*) FROM events")[0][0]
        documents = store.query("SELECT count(*) FROM documents")[0][0]
    print(f"large store: {events:,} events, {documents:,} documents")

    if args.no_ingest:
        pass
    elif CORPUS.exists():
        batches = analysed_batches(args.stories)
        empty = write_times(Path(folder.name) / "empty.duckdb", batches)
        large_copy = Path(folder.name) / "large-ingest.duckdb"
        large_copy.write_bytes(db.read_bytes())
        large = write_times(large_copy, batches)
        large_copy.unlink()
        print(f"\nwrite time per batch of 64 analysed stories ({len(batches)} batches):")
        print(f"  into an empty store:          median {statistics.median(empty):7.1f} ms")
        print(f"  into the {events:,}-event store: median {statistics.median(large):7.1f} ms")
    else:
        print(f"no corpus at {CORPUS}: ingest part skipped")

    d = ["--db", str(db)]
    cases = [
        ("realpolitik --help (start-up floor)", ["--help"]),
        ("dyad RUS USA (busy, 5% of events)", ["dyad", "RUS", "USA", *d]),
        ("dyad FRA BRA (rare)", ["dyad", "FRA", "BRA", *d]),
        ("dyad FRA BRA --from 2020-01-01 --to 2020-12-31",
         ["dyad", "FRA", "BRA", "--from", "2020-01-01", "--to", "2020-12-31", *d]),
        ("events --actor IRNGOV --from/--to one month",
         ["events", "--actor", "IRNGOV", "--from", "2020-03-01", "--to", "2020-03-31", *d]),
        ("allies-lost RUS --within 15m", ["allies-lost", "RUS", "--within", "15m",
                                          "--as-of", "2020-03-05", *d]),
        ("network --as-of 2020-03-05", ["network", "--as-of", "2020-03-05", "--out",
                                        str(Path(folder.name) / "n.json"), *d]),
        ("profile IRN --on 2020-03-05", ["profile", "IRN", "--on", "2020-03-05", *d]),
    ]
    print(f"\nload average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'command (a new process each run)':52s} {'median ms':>10s}")
    medians: dict[str, float] = {}
    for label, cli_args in cases:
        medians[label] = cli_ms(cli_args, args.runs)
        print(f"{label:52s} {medians[label]:10.0f}")
    print(f"rare dyad / busy dyad: {medians[cases[2][0]] / medians[cases[1][0]]:.2f}")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
