"""One store per session (the bundled demo corpus plus a hostile article), the app over it
through a TestClient, and a live server on 127.0.0.1 for the browser."""

from __future__ import annotations

import shutil
import socket
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from realpolitik.config import Config

if TYPE_CHECKING:
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    from realpolitik.pipeline import Pipeline

pytest.importorskip("fastapi", reason="the web extra is not installed")

#: text that must show as text and never run: script tags, attribute break-outs and quotes
#: that would end a JSON string or a Plotly spec if embedded carelessly
HOSTILE_TITLE = '<img src=x onerror="window.__pwned=1;alert(5)">Hostile "title"'
HOSTILE_TEXT = (
    "date 2024-03-04\n\n"
    "Russia condemned the United States on Monday after the talks "
    "<script>window.__pwned=1;alert(1)</script> collapsed in Geneva.\n\n"
    'France criticised Germany for the "><img src=x onerror="window.__pwned=1;alert(2)"> '
    "deal, a spokesman said.\n\n"
    "Iran accused Israel of an attack on its embassy, calling it '); alert(3); // "
    'and "}]}</script><script>window.__pwned=1;alert(4)</script> a crime.\n'
)

#: an invented article whose events happen at named places (the map's tests)
PLACED_TEXT = (
    "Kenyan troops shelled rebel positions in Mombasa on Tuesday, the army said.\n\n"
    "Uganda condemned Kenya over the shelling in Mombasa, a spokesman said in Kampala.\n\n"
    "Tanzania sent aid convoys to Mombasa on Wednesday.\n"
)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass(frozen=True)
class WebStore:
    path: Path
    hostile_id: str


@pytest.fixture(scope="session")
def web_store(tmp_path_factory: pytest.TempPathFactory, pipeline: Pipeline) -> WebStore:
    """The demo corpus and the hostile article, ingested by the real pipeline."""
    from realpolitik.cli.ingest_cmd import demo_corpus_dir
    from realpolitik.ingest import make_document
    from realpolitik.pipeline import ingest
    from realpolitik.store import open_store

    folder = tmp_path_factory.mktemp("web")
    hostile = folder / "hostile.jsonl"
    import json

    hostile.write_text(json.dumps({"id": "hostile-1", "date": "2024-03-04",
                                   "title": HOSTILE_TITLE,
                                   "text": HOSTILE_TEXT.split("\n\n", 1)[1]}) + "\n"
                       + json.dumps({"id": "placed-1", "date": "2025-06-10",
                                     "title": "Shelling in Mombasa", "text": PLACED_TEXT})
                       + "\n")
    path = folder / "web.duckdb"
    with open_store(path) as store:
        report = ingest([*sorted(demo_corpus_dir().glob("*.txt")), hostile], pipeline, store)
    assert report.failed == 0, report.failures
    doc = make_document(HOSTILE_TEXT.split("\n\n", 1)[1], source="x", title=HOSTILE_TITLE)
    return WebStore(path, doc.id)


def make_app(path: Path, pipeline: Pipeline | None = None, **settings: object) -> FastAPI:
    from realpolitik.web import ServeSettings, create_app

    return create_app(ServeSettings(config=Config(db_path=path), **settings),  # type: ignore[arg-type]
                      pipeline=pipeline)


@pytest.fixture(scope="session")
def client(web_store: WebStore, pipeline: Pipeline) -> Iterator[TestClient]:
    from fastapi.testclient import TestClient

    with TestClient(make_app(web_store.path, pipeline)) as c:
        yield c


@pytest.fixture
def writable_copy(web_store: WebStore, tmp_path: Path) -> Path:
    """A copy of the store that a test may write to."""
    copy = tmp_path / "copy.duckdb"
    shutil.copy(web_store.path, copy)
    return copy


class LiveServer:
    """uvicorn in a thread on a free port of 127.0.0.1."""

    def __init__(self, app: FastAPI) -> None:
        import uvicorn

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=self.port,
                                                    log_level="warning", workers=1))
        self.thread = threading.Thread(target=self.server.run, daemon=True)

    def __enter__(self) -> LiveServer:
        self.thread.start()
        deadline = time.monotonic() + 30
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
