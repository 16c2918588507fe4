"""Spark ingest throughput: local[1] against local[2] and against one-process ingest.

    python bench/spark_throughput.py [--stories 4000] [--masters local[1],local[2]]
                                     [--no-ingest] [--repeat N]

Runs, each in a new process on the same sample of ../shared/bench/reuters21578.jsonl,
``realpolitik ingest --workers 1`` into a fresh store and ``realpolitik spark ingest
--master M`` into a fresh folder for each master, and prints wall time, stories per
second and the speed-up over local[1] and over the one-process ingest. Spark's times
include starting the JVM and loading the pipeline once per Python worker.

Because the machine is shared and wall times are noisy, each run also reports CPU
seconds two ways: the command's own process tree (driver, JVM, Spark's Python daemon and
workers; each process's user+system time, sampled from /proc every 0.2 s, so a process
that ends between samples loses at most that much) and the whole machine's busy time
from /proc/stat (which includes other jobs). It counts Spark's Python workers (processes
forked by the daemon), whether the daemon preloaded the pipeline before forking them
(``realpolitik.spark.daemon`` does: its resident set passes 250 MB, where PySpark's own stays
near 60 MB; its CPU then includes the load), and the largest private memory (not shared
with the daemon) any worker reached. ``--repeat`` runs the list of commands N times,
interleaved, and prints every run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, write_sample

TICK = os.sysconf("SC_CLK_TCK")
PAGE = os.sysconf("SC_PAGE_SIZE")
#: a daemon above this resident size has loaded spaCy and the knowledge base
LOADED_RSS = 250 * 2**20
#: the module names of Spark's Python daemon (PySpark's own, or realpolitik's preloading one)
DAEMONS = ("pyspark.daemon", "realpolitik.spark.daemon")


def _is_daemon(cmd: str) -> bool:
    return any(f"-m {name}" in cmd for name in DAEMONS)


def _private_bytes(pid: int) -> int:
    """Memory of the process that no other process shares (from smaps_rollup)."""
    try:
        with open(f"/proc/{pid}/smaps_rollup", encoding="ascii") as fh:
            return sum(int(line.split()[1]) * 1024 for line in fh
                       if line.startswith(("Private_Clean:", "Private_Dirty:")))
    except OSError:
        return 0


@dataclass
class Run:
    label: str
    wall: float = 0.0
    tree_cpu: float = 0.0
    machine_cpu: float = 0.0
    workers: int = 0
    preloaded: bool = False
    worker_private_mb: float = 0.0
    load: str = ""
    cpu_by_pid: dict[int, float] = field(default_factory=dict)
    kind_of_pid: dict[int, str] = field(default_factory=dict)

    def cpu_of(self, kind: str) -> float:
        return sum(c for p, c in self.cpu_by_pid.items() if self.kind_of_pid.get(p) == kind)


def _machine_busy() -> float:
    """Busy CPU seconds of the whole machine since boot (all but idle and iowait)."""
    with open("/proc/stat", encoding="ascii") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    return (sum(values[:8]) - values[3] - values[4]) / TICK


def _processes() -> dict[int, tuple[int, float, int, str]]:
    """pid → (parent pid, CPU seconds, resident bytes, command line) for every process."""
    out: dict[int, tuple[int, float, int, str]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                stat = fh.read()
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmd = fh.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2:].split()
        out[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK,
                           int(fields[21]) * PAGE, cmd)
    return out


def _watch(root: int, run: Run, done: threading.Event) -> None:
    tree = {root}
    workers: set[int] = set()
    while not done.is_set():
        procs = _processes()
        for pid in sorted(procs):  # parents are usually older, so lower pids: two passes
            if procs[pid][0] in tree:
                tree.add(pid)
        for pid in sorted(procs):
            if procs[pid][0] in tree:
                tree.add(pid)
        for pid in tree & procs.keys():
            parent, cpu, rss, cmd = procs[pid]
            run.cpu_by_pid[pid] = cpu
            if _is_daemon(cmd) and _is_daemon(procs.get(parent, (0, 0, 0, ""))[3]):
                workers.add(pid)  # forked by the daemon; stays a worker once seen as one
                run.worker_private_mb = max(run.worker_private_mb, _private_bytes(pid) / 2**20)
            elif _is_daemon(cmd) and rss > LOADED_RSS:
                run.preloaded = True
            if run.kind_of_pid.get(pid, "driver") != "driver" and pid not in workers:
                continue  # an exiting process's command line reads empty: keep its kind
            run.kind_of_pid[pid] = ("worker" if pid in workers else
                                    "java" if "java" in cmd.split(" ")[0] else
                                    "daemon" if _is_daemon(cmd) else "driver")
        done.wait(0.2)
    run.workers = len(workers)


def timed(label: str, cmd: list[str]) -> Run:
    run = Run(label)
    busy = _machine_busy()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    done = threading.Event()
    watcher = threading.Thread(target=_watch, args=(proc.pid, run, done))
    watcher.start()
    _, err = proc.communicate()
    run.wall = time.perf_counter() - started
    run.machine_cpu = _machine_busy() - busy
    done.set()
    watcher.join()
    run.tree_cpu = sum(run.cpu_by_pid.values())
    run.load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{err[-2000:]}")
    return run


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=4000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--masters", default="local[1],local[2]")
    parser.add_argument("--no-ingest", action="store_true",
                        help="skip the one-process ingest (ratios against local[1] only)")
    parser.add_argument("--repeat", type=int, default=1,
                        help="run the list of commands this many times, interleaved")
    args = parser.parse_args()
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 1
    exe = str(Path(sys.executable).parent / "realpolitik")
    runs: list[Run] = []
    with tempfile.TemporaryDirectory(prefix="realpolitik-bench-") as folder:
        sample = Path(folder) / "sample.jsonl"
        n = write_sample(args.corpus, args.stories, sample)
        print(f"stories: {n}; load average before: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        for round_no in range(args.repeat):
            if not args.no_ingest:
                runs.append(timed("realpolitik ingest --workers 1", [
                    exe, "ingest", str(sample), "--db", f"{folder}/one{round_no}.duckdb",
                    "--workers", "1", "--quiet"]))
                _print_run(runs[-1], n)
            for master in args.masters.split(","):
                runs.append(timed(f"realpolitik spark ingest --master {master}", [
                    exe, "spark", "ingest", str(sample), "--out",
                    f"{folder}/{master}-{round_no}", "--master", master]))
                _print_run(runs[-1], n)
    print()
    print(f"{'command':44s} {'wall s':>7s} {'stories/s':>9s} {'vs local[1]':>11s} "
          f"{'vs ingest':>9s} {'tree CPU s':>10s} {'machine CPU s':>13s} {'workers':>7s} "
          f"{'preloaded':>9s} {'worker MB':>9s}  load after")
    for i, run in enumerate(runs):
        same_round = runs[i - i % (len(runs) // args.repeat):][:len(runs) // args.repeat]
        ingest = next((r for r in same_round if "spark" not in r.label), None)
        local1 = next((r for r in same_round if "spark" in r.label), run)
        print(f"{run.label:44s} {run.wall:7.1f} {n / run.wall:9.2f} "
              f"{local1.wall / run.wall:11.2f} "
              f"{(ingest.wall / run.wall if ingest else float('nan')):9.2f} "
              f"{run.tree_cpu:10.1f} {run.machine_cpu:13.1f} {run.workers:7d} "
              f"{'yes' if run.preloaded else 'no':>9s} {run.worker_private_mb:9.0f}  {run.load}")
    return 0


def _print_run(run: Run, n: int) -> None:
    print(f"  {run.label}: {run.wall:.1f} s wall, {n / run.wall:.1f} stories/s, tree CPU "
          f"{run.tree_cpu:.1f} s, machine CPU {run.machine_cpu:.1f} s, Python workers "
          f"{run.workers} (pipeline preloaded in the daemon: {'yes' if run.preloaded else 'no'};"
          f" largest private memory of a worker {run.worker_private_mb:.0f} MB); load "
          f"{run.load}\n"
          f"    CPU s by process: driver {run.cpu_of('driver'):.1f}, JVM {run.cpu_of('java'):.1f},"
          f" Python workers {run.cpu_of('worker'):.1f}, daemon {run.cpu_of('daemon'):.1f}"
          " (the daemon's includes the pipeline load it does before forking)",
          flush=True)


if __name__ == "__main__":
    sys.exit(main())
