"""Ingestion through the real CLI and the real DuckDB file, good and bad inputs."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests.e2e.conftest import Run

pytestmark = pytest.mark.e2e

GOOD = "date 2024-03-02\n\nTurkey condemned the Israeli strikes on Gaza.\n\nEgypt met Jordan."


def table_counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("documents", "sentences", "events", "mentions")}
    finally:
        con.close()


@pytest.fixture
def bad_dir(tmp_path: Path) -> Path:
    d = tmp_path / "inbox"
    (d / "nested").mkdir(parents=True)
    (d / "good.txt").write_text(GOOD, encoding="utf-8")
    (d / "nested" / "good2.txt").write_text(
        "date 2023-01-10 Russia criticised Japan.", encoding="utf-8")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)))
    (d / "latin1.txt").write_bytes("date 2020-01-01 Caf\xe9 talks in Paris.".encode("latin-1"))
    (d / "baddate.txt").write_text("date 2021-02-30 Chile met Peru.", encoding="utf-8")
    (d / "broken.html").write_text("<html><body><div><script>x()</script>", encoding="utf-8")
    (d / "corpus.jsonl").write_text(
        json.dumps({"id": "1", "date": "2022-05-05", "text": "India thanked Japan."}) + "\n"
        + "{broken json\n", encoding="utf-8")
    return d


def test_bad_inputs_one_line_each_and_nothing_stored(run_cli: Run, bad_dir: Path,
                                                      tmp_path: Path) -> None:
    db = tmp_path / "store.duckdb"
    result = run_cli("ingest", str(bad_dir), "--db", str(db), "--quiet")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    failed = [line for line in result.stderr.splitlines() if line.startswith("failed:")]
    reasons = "\n".join(failed)
    for name in ("empty.txt", "binary.txt", "latin1.txt", "baddate.txt", "broken.html",
                 "corpus.jsonl:2"):
        assert name in reasons, f"{name} not reported in:\n{result.stderr}"
    assert len(failed) == 6
    counts = table_counts(db)
    assert counts["documents"] == 3  # good.txt, nested/good2.txt, corpus.jsonl:1
    again = run_cli("ingest", str(bad_dir), "--db", str(db), "--quiet")
    assert again.returncode == 1
    assert table_counts(db) == counts


def test_reingest_is_a_no_op(run_cli: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    first = run_cli("ingest", str(f), "--db", str(db))
    assert first.returncode == 0, first.stderr
    counts = table_counts(db)
    assert counts["events"] >= 1
    second = run_cli("ingest", str(f), "--db", str(db))
    assert second.returncode == 0
    assert "skipped" in second.stderr
    assert table_counts(db) == counts


def test_large_file_is_refused(run_cli: Run, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as fh:
        fh.truncate(100 * 1024 * 1024)  # a sparse 100 MB file of NUL bytes
    db = tmp_path / "s.duckdb"
    result = run_cli("ingest", str(big), "--db", str(db))
    assert result.returncode == 1
    assert "big.txt" in result.stderr and "too large" in result.stderr
    assert "Traceback" not in result.stderr


def test_stdin_and_env_db(run_cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "env.duckdb"
    result = run_cli("ingest", "-", input_text=GOOD, env={"REALPOLITIK_DB": str(db)})
    assert result.returncode == 0, result.stderr
    assert table_counts(db)["documents"] == 1


def test_events_query_and_exports(run_cli: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", str(f), "--db", str(db)).returncode == 0
    listed = run_cli("events", "--db", str(db), "--country", "TUR", "--format", "json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert any(r["code"].startswith("11") and r["source_country"] == "TUR" for r in rows)
    assert all(r["evidence"] for r in rows)
    out = tmp_path / "gdelt.tsv"
    exported = run_cli("export", "--db", str(db), "--format", "gdelt", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert all(len(line.split("\t")) == 61 for line in out.read_text().splitlines())
    pq = tmp_path / "pq"
    assert run_cli("export", "--db", str(db), "--format", "parquet", "--table", "all",
                   "--out", str(pq)).returncode == 0
    assert (pq / "events.parquet").exists() and (pq / "documents.parquet").exists()


def test_errors_are_one_line(run_cli: Run, tmp_path: Path) -> None:
    missing = run_cli("events", "--db", str(tmp_path / "none.duckdb"))
    assert missing.returncode == 1
    assert missing.stderr.strip().startswith("error:") and "Traceback" not in missing.stderr
    bad_date = run_cli("analyze", "-", "--date", "2020-02-30", input_text="Iran met Iraq.")
    assert bad_date.returncode == 1 and "impossible date" in bad_date.stderr


def test_analyze_contract(run_cli: Run, tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text(GOOD, encoding="utf-8")
    result = run_cli("analyze", str(f), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"document", "events", "relations", "quantities"}
    assert data["document"]["date"] == "2024-03-02"
    event = data["events"][0]
    for key in ("id", "source", "target", "code", "root", "quad_class", "goldstein", "plover",
                "date", "polarity", "modality", "sentence", "evidence", "confidence"):
        assert key in event
    assert set(event["date"]) == {"start", "end", "precision", "inferred"}
