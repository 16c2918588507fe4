"""Faults during ingest through the real CLI: kill -9, a failing disk, SIGINT, two writers
and a reader while an ingest writes. Nothing committed is lost, nothing half-written stays,
and every failure is one line with the documented exit status."""

from __future__ import annotations

import os
import resource
import shutil
import signal
import subprocess
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from realpolitik.cli.ingest_cmd import demo_corpus_dir
from realpolitik.store.schema import TABLES
from tests.e2e.conftest import Run, realpolitik_executable

pytestmark = pytest.mark.e2e


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The demo articles: enough batches to stop an ingest in the middle (with eight, a
    quiet machine stored them all before the interrupt reached the process)."""
    folder = tmp_path / "corpus"
    folder.mkdir()
    for article in sorted(demo_corpus_dir().glob("*.txt")):
        shutil.copy(article, folder / article.name)
    return folder


def _env() -> dict[str, str]:
    return {**{k: v for k, v in os.environ.items() if k != "REALPOLITIK_DB"}, "COLUMNS": "100"}


def _start(args: list[str], cwd: Path, preexec: Callable[[], None] | None = None
           ) -> subprocess.Popen[str]:
    return subprocess.Popen([realpolitik_executable(), *args], cwd=cwd, env=_env(), text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=preexec)


def tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    """Every row of every table but the ingest timestamps, sorted: equal stores are equal."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        out: dict[str, list[tuple[object, ...]]] = {}
        for table in TABLES:
            columns = [r[0] for r in con.execute(
                "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
                "ORDER BY ordinal_position", [table]).fetchall() if r[0] != "ingested_at"]
            rows = con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
            out[table] = sorted(rows, key=repr)
        return out
    finally:
        con.close()


def columns_of(db: Path, table: str) -> list[str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return [r[0] for r in con.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]).fetchall() if r[0] != "ingested_at"]
    finally:
        con.close()


def assert_same_rows(db: Path, expected: Path) -> None:
    """Equal stores, or a message naming the table, row and columns that differ (a bare
    dict comparison of thousands of rows hides which value it was)."""
    got, want = tables(db), tables(expected)
    for table in TABLES:
        # rows hold lists (parties), so they are compared by their repr
        mine = {repr(r): r for r in got[table]}
        clean = {repr(r): r for r in want[table]}
        extra = [mine[k] for k in sorted(mine.keys() - clean.keys())]
        missing = [clean[k] for k in sorted(clean.keys() - mine.keys())]
        if not extra and not missing and len(got[table]) == len(want[table]):
            continue
        names = columns_of(db, table)
        detail = f"{table}: {len(got[table])} rows vs {len(want[table])}; " \
                 f"{len(extra)} not in the clean store, {len(missing)} missing"
        if extra and missing:
            a, b = extra[0], missing[0]
            diff = {n: (x, y) for n, x, y in zip(names, a, b, strict=True) if x != y}
            detail += f"; first differing row {a[0]!r} vs {b[0]!r}: {diff}"
        raise AssertionError(detail)


def stored_documents(db: Path) -> int:
    """Documents committed so far, read while the writer may be between batches."""
    if not db.exists():
        return 0
    try:
        con = duckdb.connect(str(db), read_only=True)
    except duckdb.Error:
        return 0  # the writer holds the file this instant
    try:
        return int(con.execute("SELECT count(*) FROM documents").fetchall()[0][0])
    except duckdb.Error:
        return 0
    finally:
        con.close()


def wait_for_documents(db: Path, process: subprocess.Popen[str], at_least: int = 1) -> int:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        n = stored_documents(db)
        if n >= at_least:
            return n
        time.sleep(0.05)
    pytest.fail("the ingest stored nothing before it ended")


def wait_for_a_batch(db: Path, process: subprocess.Popen[str]) -> None:
    """Until the writer has checkpointed its first batch of documents, watched through file
    sizes: a reader cannot open the store while the writer holds it (waiting for stored
    documents saw them only at the end, after the last batch). The tables are made first
    and checkpointed (the write-ahead log comes and goes); the store file growing past that
    size is a batch committed."""
    wal = db.with_name(db.name + ".wal")
    seen_log = False
    tables_size: int | None = None
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and process.poll() is None:
        logging = wal.exists()
        size = db.stat().st_size if db.exists() else 0
        if tables_size is None:
            if seen_log and not logging and size:
                tables_size = size
        elif size > tables_size:
            return
        seen_log = seen_log or logging
        time.sleep(0.005)


@pytest.fixture
def clean_store(corpus: Path, tmp_path: Path, run_cli: Run) -> Path:
    db = tmp_path / "clean.duckdb"
    result = run_cli("ingest", str(corpus), "--db", str(db), "--quiet", "--batch-size", "2")
    assert result.returncode == 0, result.stderr
    return db


def test_kill_9_then_rerun_equals_a_clean_run(corpus: Path, tmp_path: Path, run_cli: Run,
                                              clean_store: Path) -> None:
    db = tmp_path / "killed.duckdb"
    process = _start(["ingest", str(corpus), "--db", str(db), "--quiet", "--batch-size", "1"],
                     tmp_path)
    wait_for_a_batch(db, process)
    process.send_signal(signal.SIGKILL)
    process.wait()
    if stored_documents(db) >= len(list(corpus.glob("*.txt"))):
        # a machine fast enough to store every batch between two looks at the file
        pytest.skip("the ingest stored every document before the kill reached it")
    again = run_cli("ingest", str(corpus), "--db", str(db), "--quiet", "--batch-size", "2")
    assert again.returncode == 0, again.stderr
    assert_same_rows(db, clean_store)


def test_sigint_keeps_committed_batches_and_says_so(corpus: Path, tmp_path: Path,
                                                   run_cli: Run, clean_store: Path) -> None:
    db = tmp_path / "interrupted.duckdb"
    process = _start(["ingest", str(corpus), "--db", str(db), "--quiet", "--batch-size", "1"],
                     tmp_path)
    wait_for_a_batch(db, process)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=300)
    if process.returncode in (0, -signal.SIGINT):
        # 0: done before the signal; -SIGINT: it reached the interpreter's own shutdown
        pytest.skip("the ingest finished before the interrupt reached it "
                    f"(exit status {process.returncode})")
    assert process.returncode == 130, err
    assert "Traceback" not in err
    lines = [x for x in err.splitlines() if x.startswith("interrupted")]
    assert len(lines) == 1, err
    (line,) = lines
    stored = stored_documents(db)
    assert line == f"interrupted: {stored} documents stored; re-run to continue"
    again = run_cli("ingest", str(corpus), "--db", str(db), "--quiet", "--batch-size", "2")
    assert again.returncode == 0, again.stderr
    assert_same_rows(db, clean_store)


def _small_disk() -> None:
    # a file-size limit makes writes past it fail (EFBIG) as on a full disk; Python ignores
    # SIGXFSZ, so the failure reaches DuckDB as an I/O error
    resource.setrlimit(resource.RLIMIT_FSIZE, (1_600_000, 1_600_000))


def test_a_failing_disk_is_one_line_and_leaves_whole_batches(corpus: Path, tmp_path: Path,
                                                             run_cli: Run) -> None:
    db = tmp_path / "full.duckdb"
    big = tmp_path / "big"
    big.mkdir()
    # enough distinct text that the store outgrows the limit
    for n in range(30):
        (big / f"{n:02d}.txt").write_text(
            "date 2024-01-01\n\n" + " ".join(
                f"Russia criticised Japan over talks number {n} {k}." for k in range(400)),
            encoding="utf-8")
    process = _start(["ingest", str(big), "--db", str(db), "--quiet", "--batch-size", "2"],
                     tmp_path, preexec=_small_disk)
    _, err = process.communicate(timeout=600)
    if process.returncode == 0:
        pytest.skip("the store never reached the file-size limit")
    assert process.returncode == 1, err
    assert "Traceback" not in err
    errors = [x for x in err.splitlines() if x.startswith("error:")]
    assert len(errors) == 1 and str(db) in errors[0], err
    # whatever was committed is whole: every stored document has its sentences
    if db.exists() and stored_documents(db) >= 0:
        with duckdb.connect(str(db), read_only=True) as con:
            orphans = con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS "
                                  "(SELECT 1 FROM sentences s WHERE s.document_id = d.id)"
                                  ).fetchall()[0][0]
        assert orphans == 0


def test_two_writers_and_a_reader(corpus: Path, tmp_path: Path, run_cli: Run,
                                  clean_store: Path) -> None:
    db = tmp_path / "shared.duckdb"
    args = ["ingest", str(corpus), "--db", str(db), "--quiet", "--batch-size", "2"]
    first = _start(args, tmp_path)
    second = _start(args, tmp_path)
    wait_for_documents(db, first)
    reads = 0
    while first.poll() is None or second.poll() is None:
        # a reader while the store is being written: never "Conflicting lock is held"
        result = run_cli("events", "--db", str(db), "--format", "csv", "--limit", "5")
        assert result.returncode == 0, result.stderr
        assert "lock" not in result.stderr.lower()
        reads += 1
    for process in (first, second):
        _, err = process.communicate()
        assert process.returncode == 0, err
    assert reads >= 1
    assert_same_rows(db, clean_store)
