"""``realpolitik serve`` as a user runs it: the real console script in a subprocess."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.e2e.conftest import realpolitik_executable
from tests.web.conftest import WebStore, free_port

pytestmark = pytest.mark.e2e


def test_serve_answers_on_localhost(web_store: WebStore) -> None:
    port = free_port()
    proc = subprocess.Popen([realpolitik_executable(), "serve", "--db", str(web_store.path),
                             "--port", str(port)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/api/overview", timeout=5)
                break
            except httpx.TransportError:
                if proc.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(proc.stderr.read() if proc.stderr else "") from None
                time.sleep(0.2)
        assert r.status_code == 200 and r.json()["counts"]["documents"] == 22
        page = httpx.get(f"http://127.0.0.1:{port}/", timeout=10)
        assert "text/html" in page.headers["content-type"]
        assert "script-src 'self'" in page.headers["content-security-policy"]
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def test_serve_without_a_store_is_one_error_line(tmp_path: Path) -> None:
    done = subprocess.run([realpolitik_executable(), "serve", "--db",
                           str(tmp_path / "none.duckdb"), "--port", str(free_port())],
                          capture_output=True, text=True, timeout=60, check=False)
    assert done.returncode == 1
    assert "no store here" in done.stderr and len(done.stderr.strip().splitlines()) <= 2
