"""Dyad query speed on a store holding a million synthetic events.

    python bench/dyad_query.py [--events 1000000] [--runs 7] [--db PATH]

Builds the store inside DuckDB with ``range()`` (no Python loop): events spread over 60
states and 25 years, 5% of them between Russia and the United States (the "hot" dyad the
query asks about), codes, quad classes and Goldstein scores taken from the bundled CAMEO
codebook. Then times, in the same run, a baseline ``SELECT count(*) FROM events`` and the
library's ``dyad()`` (counts per quad class, Goldstein sum and mean per month, both
directions, plus the evidence query) for the hot dyad and for a rare one, and prints the
median and the spread of several runs. Nothing is asserted: the numbers are the result.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.analysis.dyad import dyad
from realpolitik.events.codebook import default_codebook
from realpolitik.store import Store, open_store

#: 60 states (the SQL below assumes 60); the first two make the hot dyad
STATES = (
    "RUS", "USA", "CHN", "IRN", "ISR", "UKR", "TUR", "SYR", "IRQ", "SAU", "ARE", "EGY", "IND",
    "PAK", "AFG", "DEU", "FRA", "GBR", "ITA", "ESP", "POL", "BLR", "KAZ", "JPN", "KOR", "PRK",
    "TWN", "VNM", "PHL", "IDN", "AUS", "CAN", "MEX", "BRA", "ARG", "VEN", "COL", "CUB", "NGA",
    "ETH", "KEN", "ZAF", "SDN", "LBY", "DZA", "MAR", "QAT", "JOR", "LBN", "YEM", "GEO", "ARM",
    "AZE", "SRB", "HUN", "NOR", "SWE", "FIN", "GRC", "NLD",
)
START = date(2000, 1, 1)
DAYS = 25 * 365


def build(store: Store, n: int) -> float:
    """Fill the events table with ``n`` synthetic rows; returns the seconds it took."""
    con = store.con
    codes = [(c.code, c.root, c.quad_class, c.goldstein) for c in default_codebook().codes()
             if c.level > 0]
    con.execute("CREATE TEMP TABLE bench_codes (k INTEGER, code VARCHAR, root VARCHAR, "
                "quad_class INTEGER, goldstein DOUBLE)")
    con.executemany("INSERT INTO bench_codes VALUES (?, ?, ?, ?, ?)",
                    [(k, *row) for k, row in enumerate(codes)])
    con.execute("CREATE TEMP TABLE bench_states (k INTEGER, code VARCHAR)")
    con.executemany("INSERT INTO bench_states VALUES (?, ?)", list(enumerate(STATES)))
    started = time.perf_counter()
    con.execute(
        """INSERT INTO events (id, document_id, pub_date, date_start, date_end,
               date_precision, date_inferred, source_text, source_actor, source_country,
               source_role, target_text, target_actor, target_country, target_role, code,
               root, quad_class, goldstein, plover, polarity, modality, sentence, evidence,
               confidence, span_start, span_end, trigger, is_root, cluster_id, dedup_key)
           WITH h AS (SELECT i, hash(i) AS h, hash(i + 7919) AS g FROM range(?) t(i)),
           r AS (
               -- one hash split into independent digits: source, target, code, day
               SELECT i,
                      (h // 3600) % ? AS code_k,
                      CASE WHEN i % 20 = 0 THEN (i // 20) % 2 ELSE h % 60 END AS src_k,
                      CASE WHEN i % 20 = 0 THEN 1 - (i // 20) % 2
                           WHEN (h // 60) % 60 = h % 60 THEN (h % 60 + 1) % 60
                           ELSE (h // 60) % 60 END AS tgt_k,
                      DATE '2000-01-01' + CAST(g % ? AS INTEGER) AS day,
                      (g // 10000) % 10 = 0 AS negated
               FROM h)
           SELECT 'e' || r.i, 'd' || (r.i // 12), r.day, r.day, r.day, 'day', false,
                  s.code, s.code || 'GOV', s.code, 'GOV',
                  t.code, t.code || 'GOV', t.code, 'GOV',
                  c.code, c.root, c.quad_class, c.goldstein, NULL,
                  CASE WHEN r.negated THEN 'negated' ELSE 'asserted' END, 'actual',
                  CAST(r.i % 12 AS INTEGER), 'Synthetic sentence number ' || r.i || '.',
                  0.9, 0, 10, 'did', r.i % 3 = 0,
                  -- each event its own merged event, its key as the v4 migration sets it
                  'e' || r.i, c.root || '|' || s.code || '|' || t.code || '|'
                              || strftime(r.day, '%Y-%m-%d')
           FROM r JOIN bench_codes c ON c.k = r.code_k
                  JOIN bench_states s ON s.k = r.src_k
                  JOIN bench_states t ON t.k = r.tgt_k""",
        [n, len(codes), DAYS])
    con.execute("CHECKPOINT")
    return time.perf_counter() - started


def timed(fn: Callable[[], Any], runs: int) -> tuple[float, float, float, Any]:
    """Median, min and max milliseconds of ``runs`` calls (after one warm-up call)."""
    result = fn()
    times: list[float] = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), min(times), max(times), result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--db", type=Path, default=None,
                        help="where to build the store (default: a temporary directory)")
    args = parser.parse_args(argv)
    folder = None if args.db else tempfile.TemporaryDirectory(prefix="realpolitik-bench-")
    db = args.db or Path(folder.name) / "bench.duckdb"  # type: ignore[union-attr]
    if db.exists():
        db.unlink()
    with open_store(db) as store:
        seconds = build(store, args.events)
    size = db.stat().st_size / 1e6
    print(f"store: {args.events:,} synthetic events built in {seconds:.1f} s "
          f"({size:.0f} MB) at {db}")
    with open_store(db, read_only=True) as store:
        total = store.query("SELECT count(*) FROM events")[0][0]
        print(f"events in store: {total:,}")
        cases: list[tuple[str, Callable[[], Any]]] = [
            ("baseline SELECT count(*) FROM events",
             lambda: store.query("SELECT count(*) FROM events")),
            ("baseline count(*) of the RUS-USA dyad, both directions",
             lambda: store.query(
                 "SELECT count(*) FROM events WHERE (source_country = 'RUS' AND "
                 "target_country = 'USA') OR (source_country = 'USA' AND "
                 "target_country = 'RUS')")),
            ("dyad RUS USA --by month (hot dyad, all 25 years)",
             lambda: dyad(store, "RUS", "USA", by="month")),
            ("dyad RUS USA --by year",
             lambda: dyad(store, "RUS", "USA", by="year")),
            ("dyad RUS USA --from 2020-01-01 --to 2020-12-31 --by month",
             lambda: dyad(store, "RUS", "USA", start=date(2020, 1, 1), end=date(2020, 12, 31))),
            ("dyad FRA BRA --by month (rare dyad)",
             lambda: dyad(store, "FRA", "BRA", by="month")),
            ("dyad RUSGOV USAGOV --by month (actor codes)",
             lambda: dyad(store, "RUSGOV", "USAGOV", by="month")),
        ]
        print(f"\n{'query':60s} {'median ms':>10s} {'min':>8s} {'max':>8s}  result")
        for label, fn in cases:
            median, low, high, result = timed(fn, args.runs)
            if hasattr(result, "rows"):
                n_events = sum(r.events for r in result.rows)
                what = f"{len(result.rows)} period rows, {n_events:,} events"
            else:
                what = f"{result[0][0]:,}"
            print(f"{label:60s} {median:10.1f} {low:8.1f} {high:8.1f}  {what}")
    if folder is not None:
        folder.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
