"""Spark ingest throughput: local[1] against local[2] and against one-process ingest.

    python bench/spark_throughput.py [--stories 4000] [--masters local[1],local[2]]

Runs, each in a new process on the same sample of ../shared/bench/reuters21578.jsonl,
``realpolitik ingest --workers 1`` into a fresh store and ``realpolitik spark ingest
--master M`` into a fresh folder for each master, and prints wall time, stories per
second and the speed-up over local[1] and over the one-process ingest. Spark's times
include starting the JVM and loading the pipeline once per Python worker. The machine is
shared and noisy: the ratios measured in one run are the numbers to read.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, write_sample


def timed(cmd: list[str]) -> float:
    started = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{proc.stderr[-2000:]}")
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=4000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--masters", default="local[1],local[2]")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    exe = str(Path(sys.executable).parent / "realpolitik")
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as folder:
        sample = Path(folder) / "sample.jsonl"
        n = write_sample(args.corpus, args.stories, sample)
        results: list[tuple[str, float]] = [("realpolitik ingest --workers 1", timed(
            [exe, "ingest", str(sample), "--db", f"{folder}/one.duckdb", "--workers", "1",
             "--quiet"]))]
        for master in args.masters.split(","):
            results.append((f"realpolitik spark ingest --master {master}", timed(
                [exe, "spark", "ingest", str(sample), "--out", f"{folder}/{master}",
                 "--master", master])))
    one = results[0][1]
    spark_one = results[1][1] if len(results) > 1 else one
    print(f"stories: {n}; load average after: "
          f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{'command':44s} {'wall s':>8s} {'stories/s':>10s} {'vs local[1]':>12s} "
          f"{'vs ingest':>10s}")
    for label, seconds in results:
        print(f"{label:44s} {seconds:8.1f} {n / seconds:10.2f} {spark_one / seconds:12.2f} "
              f"{one / seconds:10.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
