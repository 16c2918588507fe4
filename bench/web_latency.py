"""Page and API latency of ``realpolitik serve`` over a store (a benchmark, not a test).

Starts the real server on 127.0.0.1 (a subprocess, as a user runs it), then sends a bounded
loop of sequential requests per view: the overview, the events explorer's first page, the
dyad view (the store's most active dyad) and the document view (documents with events,
taken in turn), the map (every place of the store; the events of one place; the store's
busiest country as ``in``), each as a page and as its API route, and the GeoJSON export.
Prints p50 / p95 / max per view and writes them as JSON with ``--out``.

    python bench/web_latency.py --db reuters.duckdb --requests 200
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlencode

import httpx


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise SystemExit(f"the server exited with status {proc.returncode}")
        try:
            if httpx.get(url + "/api/overview", timeout=30).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("the server did not come up")


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    k = max(0, min(len(ordered) - 1, round(q * (len(ordered) - 1))))
    return ordered[k]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True)
    parser.add_argument("--requests", type=int, default=200, help="per view (bounded loop)")
    parser.add_argument("--warmup", type=int, default=5)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    exe = Path(sys.executable).parent / "realpolitik"
    proc = subprocess.Popen([str(exe), "serve", "--db", str(args.db), "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_up(base, proc)
        with httpx.Client(base_url=base, timeout=60) as http:
            overview = http.get("/api/overview").json()
            counts = overview["counts"]
            top = overview["top_dyads"][0]
            dyad = urlencode({"a": top["source"], "b": top["target"]})
            docs = [e["document_id"] for e in http.get(
                "/api/events", params={"limit": 500}).json()]
            docs = list(dict.fromkeys(docs))[:100]
            places = http.get("/api/places").json()["places"] or [{"key": "0", "country": "USA"}]
            keys = [p["key"] for p in places][:100]
            country = next((p["country"] for p in places if p["country"]), "USA")
            views = {
                "overview page": lambda i: "/",
                "overview API": lambda i: "/api/overview",
                "explorer page (first page)": lambda i: "/events",
                "events API (first page)": lambda i: "/api/events?limit=50",
                f"dyad page ({top['source']}-{top['target']})": lambda i: f"/dyad?{dyad}",
                "dyad API": lambda i: f"/api/dyad?{dyad}",
                "document page": lambda i: f"/documents/{docs[i % len(docs)]}",
                "document API": lambda i: f"/api/documents/{docs[i % len(docs)]}",
                "map page": lambda i: "/map",
                "places API (the map)": lambda i: "/api/places",
                f"map page (in={country})": lambda i: f"/map?in={country}",
                "events API (one place, at=)": lambda i: f"/api/events?at={keys[i % len(keys)]}"
                                                         "&limit=200",
                f"GeoJSON export (in={country})": lambda i: f"/api/export/geojson?in={country}",
            }
            results = {}
            for name, path_of in views.items():
                for i in range(args.warmup):
                    http.get(path_of(i)).raise_for_status()
                times = []
                for i in range(args.requests):
                    started = time.perf_counter()
                    http.get(path_of(i)).raise_for_status()
                    times.append((time.perf_counter() - started) * 1000)
                results[name] = {"p50_ms": round(statistics.median(times), 1),
                                 "p95_ms": round(percentile(times, 0.95), 1),
                                 "max_ms": round(max(times), 1), "requests": len(times)}
                r = results[name]
                print(f"{name:42s} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  "
                      f"max {r['max_ms']:7.1f} ms", flush=True)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    report = {"store": str(args.db), "counts": counts, "views": results}
    print(f"store: {counts['documents']} documents, {counts['events']} events")
    if args.out:
        args.out.write_text(json.dumps(report, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
