"""Where the time of ``ingest --workers N`` goes, per process: start-up, work, idle, tail.

    python bench/parallel_trace.py [--stories 2000] [--workers 1,2] [--repeat N]

Runs :func:`realpolitik.parallel.ingest_parallel` in this process (a fresh store each time)
with the worker functions wrapped so that every worker records, in wall time and its own CPU
time, when its pipeline load started and ended and when each chunk started and ended; the
writer (this process) records its CPU time and the time it spent writing. It prints, per
run: the writer's CPU before the first chunk was handed out, in writing and in total; per
worker, its start-up (process start to pipeline ready), CPU in chunks, wall idle between
chunks and its tail (last chunk done to the end of the run).

Wall figures stretch on a shared machine; the CPU figures do not, and they give a bound
that does not depend on the load: ``CPU model`` is the wall time the run would take on
idle cores, taking the serial CPU (the writer's start-up plus one pipeline load) and then
spreading the chunks' CPU over the workers in the order they ran, with the writer's CPU
for writing added to the busiest core. The ratio of those models (``--workers 1`` over N)
is what the workers can reach at best; the measured wall ratio is printed beside it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from throughput import DEFAULT_CORPUS, write_sample

_TRACE_ENV = "REALPOLITIK_TRACE_DIR"
#: the functions the traced ones wrap (a forked worker inherits the patched module, so it
#: must not look them up there)
_ORIGINAL: dict[str, Any] = {}


def _record(kind: str, **values: Any) -> None:
    folder = os.environ.get(_TRACE_ENV)
    if not folder:
        return
    with open(Path(folder) / f"{os.getpid()}.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"kind": kind, "pid": os.getpid(), **values}) + "\n")


def _process_start() -> float:
    """This process's start, wall clock (from /proc: boot time plus start ticks)."""
    with open("/proc/stat", encoding="ascii") as fh:
        boot = next(int(line.split()[1]) for line in fh if line.startswith("btime"))
    with open(f"/proc/{os.getpid()}/stat", encoding="ascii") as fh:
        stat = fh.read()
    ticks = int(stat[stat.rindex(")") + 2:].split()[19])
    return boot + ticks / os.sysconf("SC_CLK_TCK")


def traced_start(config: Any) -> None:
    import realpolitik.parallel as par

    wall, cpu = time.time(), time.process_time()
    if par._worker_pipeline is not None:  # forked from the writer, which loaded it
        _record("forked", at=wall)
        return
    _ORIGINAL.get("_start_worker", par._start_worker)(config)
    _record("load", started=_process_start(), load_wall=(wall, time.time()),
            cpu_before=cpu, cpu_after=time.process_time())


def traced_analyse(chunk: Any) -> Any:
    import realpolitik.parallel as par

    wall, cpu = time.time(), time.process_time()
    rows = _ORIGINAL.get("_analyse_in_worker", par._analyse_in_worker)(chunk)
    _record("chunk", wall=(wall, time.time()), cpu=time.process_time() - cpu, docs=len(chunk))
    return rows


def _traced_pipeline(config: Any) -> Any:
    """A pipeline loaded in the writer process (the workers are forked from it)."""
    from realpolitik.pipeline import Pipeline

    wall, cpu = time.time(), time.process_time()
    pipeline = Pipeline(config)
    _record("load", started=wall, load_wall=(wall, time.time()), cpu_before=cpu,
            cpu_after=time.process_time(), in_writer=True)
    return pipeline


def one_run(sample: Path, workers: int, batch_size: int) -> dict[str, Any]:
    import realpolitik.parallel as par
    from realpolitik.config import Config
    from realpolitik.store import open_store

    config = Config(batch_size=batch_size)
    with tempfile.TemporaryDirectory(prefix="realpolitik-trace-") as folder:
        os.environ[_TRACE_ENV] = folder
        originals = {name: getattr(par, name) for name in
                     ("_start_worker", "_analyse_in_worker", "Pipeline")}
        _ORIGINAL.update(originals)
        par._start_worker = traced_start  # type: ignore[assignment]
        par._analyse_in_worker = traced_analyse  # type: ignore[assignment]
        par.Pipeline = _traced_pipeline  # type: ignore[assignment,misc]
        writes = [0.0, 0.0]
        try:
            with open_store(Path(folder) / "t.duckdb") as store:
                write = store.write_rows

                def timed_write(rows: Any) -> int:
                    wall, cpu = time.perf_counter(), time.process_time()
                    try:
                        return write(rows)
                    finally:
                        writes[0] += time.perf_counter() - wall
                        writes[1] += time.process_time() - cpu

                store.write_rows = timed_write  # type: ignore[method-assign]
                started, cpu0 = time.time(), time.process_time()
                pipeline = None
                if workers == 1:  # as the CLI does: the pipeline loads in this process
                    from realpolitik.pipeline import Pipeline

                    load = time.process_time()
                    pipeline = Pipeline(config)
                    _record("load", started=started, load_wall=(started, time.time()),
                            cpu_before=load, cpu_after=time.process_time())
                report = par.ingest_parallel([sample], config, store, workers,
                                             pipeline=pipeline)
                ended, cpu1 = time.time(), time.process_time()
        finally:
            for name, fn in originals.items():
                setattr(par, name, fn)
            os.environ.pop(_TRACE_ENV, None)
        records = [json.loads(line) for f in Path(folder).glob("*.jsonl")
                   for line in f.read_text(encoding="utf-8").splitlines()]
    return {"workers": workers, "started": started, "ended": ended,
            "writer_cpu": cpu1 - cpu0, "write_wall": writes[0], "write_cpu": writes[1],
            "records": records, "new": report.new}


def summarise(run: dict[str, Any]) -> tuple[float, float]:
    """Print one run; return its wall seconds and its CPU model (seconds on idle cores)."""
    started, ended = run["started"], run["ended"]
    wall = ended - started
    by_pid: dict[int, list[dict[str, Any]]] = {}
    for rec in run["records"]:
        by_pid.setdefault(rec["pid"], []).append(rec)
    in_process = run["workers"] == 1
    print(f"--workers {run['workers']}: {wall:.1f} s wall, {run['new']} documents; writer "
          f"CPU {run['writer_cpu']:.1f} s (of which writing {run['write_cpu']:.1f} s CPU, "
          f"{run['write_wall']:.1f} s wall)")
    loads: list[float] = []
    chunk_cpu: list[tuple[float, int, float]] = []  # (start wall, pid, cpu)
    for pid, recs in sorted(by_pid.items()):
        load = next((r for r in recs if r["kind"] == "load"), None)
        chunks = sorted((r for r in recs if r["kind"] == "chunk"), key=lambda r: r["wall"][0])
        for c in chunks:
            chunk_cpu.append((c["wall"][0], pid, c["cpu"]))
        where = "writer" if load is not None and (in_process or load.get("in_writer")) \
            else "worker"
        line = f"  {where} {pid}:"
        ready = started
        if load is not None:
            # a spawned worker's load counts its whole start (interpreter, imports)
            load_cpu = load["cpu_after"] - (load["cpu_before"] if where == "writer" else 0.0)
            loads.append(load_cpu)
            ready = load["load_wall"][1]
            line += (f" pipeline load {ready - max(started, load['started']):.1f} s wall "
                     f"({load_cpu:.1f} s CPU), ready at {ready - started:.1f} s;")
        if chunks:
            busy = sum(c["wall"][1] - c["wall"][0] for c in chunks)
            forked = next((r for r in recs if r["kind"] == "forked"), None)
            if forked is not None:  # forked from the writer, after its load
                line += f" forked at {forked['at'] - started:.1f} s;"
            last = chunks[-1]["wall"][1]
            line += (f" {len(chunks)} chunks, {sum(c['docs'] for c in chunks)} docs, "
                     f"{sum(c['cpu'] for c in chunks):.1f} s CPU, {busy:.1f} s wall; first "
                     f"chunk at {chunks[0]['wall'][0] - started:.1f} s; idle between chunks "
                     f"{max(0.0, last - chunks[0]['wall'][0] - busy):.1f} s; tail "
                     f"{ended - last:.1f} s")
        print(line)
    # CPU model: serial start-up, then the chunks' CPU in the order they started, each on
    # the worker that ran it; the writer's writing is charged to the busiest worker
    serial = max(loads, default=0.0)
    per_worker: dict[int, float] = {}
    for _, pid, cpu in sorted(chunk_cpu):
        per_worker[pid] = per_worker.get(pid, 0.0) + cpu
    work = max(per_worker.values(), default=0.0)
    if in_process:  # one process did everything, one CPU second after another
        model = run["writer_cpu"]
    else:
        model = serial + work + run["write_cpu"] / max(1, len(per_worker))
    print(f"  CPU model: {model:.1f} s (start-up {serial:.1f}, busiest worker "
          f"{work:.1f}, chunks' CPU per worker "
          f"{' / '.join(f'{v:.1f}' for v in per_worker.values())})")
    return wall, model


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stories", type=int, default=2000)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--workers", default="1,2")
    parser.add_argument("--batch-size", type=int, default=64)
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--one", type=Path, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one is not None:  # one run, in this new process, as JSON on stdout
        print(json.dumps(one_run(args.one, int(args.workers), args.batch_size)))
        return 0
    if not args.corpus.exists():
        print(f"no corpus at {args.corpus} (give --corpus)", file=sys.stderr)
        return 1
    counts = [int(w) for w in args.workers.split(",")]
    with tempfile.TemporaryDirectory(prefix="realpolitik-trace-") as folder:
        sample = Path(folder) / "sample.jsonl"
        n = write_sample(args.corpus, args.stories, sample)
        print(f"stories: {n}; load average before: "
              f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
        for _ in range(args.repeat):
            results = {}
            for w in counts:
                # each run in a new process: a second pipeline in one process loads from
                # caches the first one filled, which would flatter the later runs
                out = subprocess.run(
                    [sys.executable, __file__, "--one", str(sample), "--workers", str(w),
                     "--batch-size", str(args.batch_size)],
                    check=True, capture_output=True, text=True).stdout
                results[w] = summarise(json.loads(out.splitlines()[-1]))
                print(f"  load average after: "
                      f"{' '.join(f'{x:.2f}' for x in os.getloadavg())}", flush=True)
            base = results[counts[0]]
            for w in counts[1:]:
                print(f"ratio --workers {counts[0]} / --workers {w}: wall "
                      f"{base[0] / results[w][0]:.2f}, CPU model {base[1] / results[w][1]:.2f}",
                      flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
