"""Does merging stay near O(batch) as the store grows? (issue #15)

Times ``Store.write_rows`` (insert + merge, one transaction) of the same kind of synthetic
batches into an empty store and into one already holding ``--events`` synthetic events
(default 1,000,000), and prints the ratio of the medians. Candidates are found through the
``events_dedup`` index, so the ratio should stay near 1; a scan per batch would make it
grow with the store. Times are reported, never asserted.

    python bench/dedup_scale.py [--events 1000000] [--batches 20] [--batch 64]
"""

from __future__ import annotations

import argparse
import random
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from realpolitik.store import Store
from realpolitik.store.rows import COLUMNS, RowBatch

COUNTRIES = [f"C{i:02d}" for i in range(60)]
ROOTS = [f"{i:02d}" for i in range(1, 21)]
FIRST = date(2000, 1, 1)
DAYS = 3650


def synthetic_batch(rnd: random.Random, tag: str, docs: int) -> RowBatch:
    """``docs`` documents of 3 events each, some repeating a happening of the batch."""
    batch = RowBatch()
    names = [n for n, _ in COLUMNS["events"]]
    for d in range(docs):
        doc_id = f"{tag}-d{d}"
        when = FIRST + timedelta(days=rnd.randrange(DAYS))
        batch.tables["documents"].append((doc_id, when, "t", f"src{d % 5}", None, None, "x"))
        for k in range(3):
            root = rnd.choice(ROOTS)
            src, tgt = rnd.sample(COUNTRIES, 2)
            values = dict.fromkeys(names)
            values.update(id=f"{doc_id}-e{k}", document_id=doc_id, pub_date=when,
                          date_start=when, date_end=when, date_precision="day", code=root + "0",
                          root=root, source_country=src, target_country=tgt, polarity="asserted",
                          modality="actual", sentence=k, is_root=k == 0,
                          cluster_id=f"{doc_id}-e{k}",
                          dedup_key=f"{root}|{src}|{tgt}|{when.isoformat()}")
            batch.tables["events"].append(tuple(values[n] for n in names))
    return batch


def fill(store: Store, events: int) -> None:
    """``events`` synthetic events (and their documents) in one bulk statement each."""
    store.con.execute(f"""INSERT INTO documents (id, date, source)
        SELECT 'bulk-' || i, DATE '{FIRST}' + CAST(i % {DAYS} AS INTEGER), 'bulk'
        FROM range({events // 3}) t(i)""")
    store.con.execute(f"""INSERT INTO events (id, document_id, pub_date, date_start, date_end,
            date_precision, code, root, source_country, target_country, polarity, modality,
            sentence, is_root, cluster_id, dedup_key)
        WITH g AS (
            SELECT i, DATE '{FIRST}' + CAST((i // 3) % {DAYS} AS INTEGER) AS day,
                   lpad(CAST(1 + hash(i) % 20 AS VARCHAR), 2, '0') AS root,
                   'C' || lpad(CAST(hash(i * 7) % 60 AS VARCHAR), 2, '0') AS src,
                   'C' || lpad(CAST(hash(i * 13) % 60 AS VARCHAR), 2, '0') AS tgt
            FROM range({events}) t(i))
        SELECT 'bulk-e' || i, 'bulk-' || (i // 3), day, day, day, 'day', root || '0', root,
               src, tgt, 'asserted', 'actual', 0, true, 'bulk-e' || i,
               root || '|' || src || '|' || tgt || '|' || strftime(day, '%Y-%m-%d')
        FROM g""")


def time_batches(store: Store, batches: int, size: int, seed: int) -> list[float]:
    rnd = random.Random(seed)
    store.write_rows(synthetic_batch(rnd, f"warm{seed}", size))  # caches, not measured
    times = []
    for b in range(batches):
        batch = synthetic_batch(rnd, f"s{seed}-b{b}", size)
        started = time.perf_counter()
        store.write_rows(batch)
        times.append(time.perf_counter() - started)
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--batches", type=int, default=20)
    parser.add_argument("--batch", type=int, default=64)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        with Store(Path(tmp) / "empty.duckdb") as empty:
            small = time_batches(empty, args.batches, args.batch, 1)
        with Store(Path(tmp) / "full.duckdb") as full:
            started = time.perf_counter()
            fill(full, args.events)
            print(f"filled {args.events:,} events in {time.perf_counter() - started:.1f} s")
            large = time_batches(full, args.batches, args.batch, 1)
            held = full.query("SELECT count(*) FROM events")[0][0]
    a, b = statistics.median(small), statistics.median(large)
    print(f"per batch of {args.batch} documents ({args.batch * 3} events), write + merge:")
    print(f"  empty store:                {a * 1000:8.1f} ms (median of {args.batches})")
    print(f"  store of {held:>9,} events: {b * 1000:8.1f} ms")
    print(f"  ratio full / empty:         {b / a:8.2f}")


if __name__ == "__main__":
    main()
