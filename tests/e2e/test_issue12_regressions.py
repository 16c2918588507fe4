"""The failures of issue #12, each as a regression test through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from tests.e2e.conftest import Run

pytestmark = pytest.mark.e2e

GOOD = "date 2024-03-02\n\nTurkey condemned the Israeli strikes on Gaza."


def _count(db: Path, table: str = "documents") -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return int(con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0])


def test_a_document_over_spacy_max_length_is_analysed_in_pieces(run_cli: Run,
                                                                tmp_path: Path) -> None:
    # over Config.piece_chars (20,000): parsed in pieces, as a 50 MB document would be
    # (tests/unit/test_pieces.py checks that no piece ever reaches spaCy's max_length)
    paragraph = "Russia criticised Japan over the fishing talks. " * 40
    long_text = "\n\n".join(paragraph for _ in range(12))
    records = [json.dumps({"id": str(n), "date": "2024-01-02", "text": f"Egypt met Jordan {n}."})
               for n in range(5)]
    records.insert(2, json.dumps({"id": "long", "date": "2024-01-02", "text": long_text}))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = run_cli("ingest", str(corpus), "--db", str(db), "--quiet")
    assert result.returncode == 0, result.stderr
    assert "E088" not in result.stderr and "Traceback" not in result.stderr
    assert _count(db) == 6
    with duckdb.connect(str(db), read_only=True) as con:
        (n, last) = con.execute(
            "SELECT count(*), max(end_char) FROM sentences s JOIN documents d "
            "ON d.id = s.document_id WHERE d.external_id = 'long'").fetchall()[0]
    assert n >= 12 * 40 and last > 20_000  # offsets are the whole document's


def test_over_max_bytes_is_refused_alone(run_cli: Run, tmp_path: Path) -> None:
    records = [json.dumps({"text": "Egypt met Jordan."}),
               json.dumps({"text": "Chile praised Peru. " * 100}),
               json.dumps({"text": "Iran thanked Iraq."})]
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(records) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = run_cli("ingest", str(corpus), "--db", str(db), "--quiet", "--max-bytes", "500")
    assert result.returncode == 1
    assert "c.jsonl:2" in result.stderr and _count(db) == 2


@pytest.mark.parametrize("name", ["x[/red].duckdb", "[/x].duckdb", "empty[bold]x.duckdb"])
def test_markup_in_a_path_prints_as_written(run_cli: Run, tmp_path: Path, name: str) -> None:
    (tmp_path / "in.txt").write_text(GOOD, encoding="utf-8")
    result = run_cli("ingest", "in.txt", "--db", name, "--quiet")
    assert name in result.stderr and "Traceback" not in result.stderr
    if "/" in name:  # a directory "x[" that does not exist: one line, printed as written
        assert result.returncode == 1
        assert next(x for x in result.stderr.splitlines() if x.strip()).startswith("error:")
    else:
        assert result.returncode == 0, result.stderr


def test_markup_in_data_and_arguments(run_cli: Run, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text(json.dumps({"date": "[/x]", "text": "Egypt met Jordan."}) + "\n"
                      + json.dumps({"text": "Iran thanked Iraq."}) + "\n", encoding="utf-8")
    (tmp_path / "empty[bold]x.txt").write_text("", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = run_cli("ingest", str(corpus), "empty[bold]x.txt", "--db", str(db), "--quiet")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "[/x]" in result.stderr and "empty[bold]x.txt" in result.stderr
    assert _count(db) == 1
    answer = run_cli("dyad", "[/x]", "RUS", "--db", str(db))
    assert answer.returncode == 1 and "[/x]" in answer.stderr
    assert "Traceback" not in answer.stderr


def test_csv_bad_byte_costs_only_its_row(run_cli: Run, tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    corpus.write_bytes(b"id,date,text\n1,2024-01-01,Egypt met Jordan.\n"
                       b"2,2024-01-01,Caf\xe9 talks.\n3,2024-01-01,Iran thanked Iraq.\n")
    db = tmp_path / "s.duckdb"
    result = run_cli("ingest", str(corpus), "--db", str(db), "--quiet")
    assert result.returncode == 1 and "c.csv:3" in result.stderr
    assert _count(db) == 2


def test_jsonl_object_fields_are_rejected_per_record(run_cli: Run, tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in (
        {"id": {"a": 1}, "text": "Egypt met Jordan."},
        {"title": ["x"], "text": "Chile met Peru."},
        {"url": {"u": 1}, "text": "Iran met Iraq."},
        {"id": "ok", "text": "Japan met China."})) + "\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = run_cli("ingest", str(corpus), "--db", str(db), "--quiet")
    assert result.returncode == 1
    assert all(f"c.jsonl:{n}" in result.stderr for n in (1, 2, 3))
    assert _count(db) == 1


def test_another_programs_duckdb_file(run_cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE events (x INTEGER)")
    for args in (["events", "--db", str(db)], ["ingest", "-", "--db", str(db)]):
        result = run_cli(*args, input_text="Egypt met Jordan.")
        assert result.returncode == 1 and "Traceback" not in result.stderr
        assert "not a realpolitik store" in result.stderr
    with duckdb.connect(str(db), read_only=True) as con:  # and it was left untouched
        assert con.execute("SELECT count(*) FROM information_schema.tables").fetchall() == [(1,)]


def test_newer_schema_says_a_newer_realpolitik_wrote_it(run_cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "s.duckdb"
    (tmp_path / "in.txt").write_text(GOOD, encoding="utf-8")
    assert run_cli("ingest", "in.txt", "--db", str(db), "--quiet").returncode == 0
    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    for args in (["events", "--db", str(db)], ["ingest", "in.txt", "--db", str(db)]):
        result = run_cli(*args)
        assert result.returncode == 1 and "newer realpolitik" in result.stderr
        assert "migrate" not in result.stderr


@pytest.fixture
def store(run_cli: Run, tmp_path: Path) -> Path:
    db = tmp_path / "s.duckdb"
    (tmp_path / "in.txt").write_text(
        "date 2024-03-02\n\nTurkey condemned the Saudi strikes on Yemen. Lula met Erdogan.",
        encoding="utf-8")
    assert run_cli("ingest", "in.txt", "--db", str(db), "--quiet").returncode == 0
    return db


def test_export_refuses_existing_outputs_and_stray_directories(run_cli: Run, tmp_path: Path,
                                                               store: Path) -> None:
    existing = tmp_path / "exists.csv"
    existing.write_text("keep", encoding="utf-8")
    result = run_cli("export", "--db", str(store), "--table", "all", "--format", "csv",
                     "--out", str(existing))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    result = run_cli("export", "--db", str(store), "--format", "csv", "--out", str(existing))
    assert result.returncode == 1 and "--force" in result.stderr
    assert existing.read_text(encoding="utf-8") == "keep"
    forced = run_cli("export", "--db", str(store), "--format", "csv", "--out", str(existing),
                     "--force")
    assert forced.returncode == 0 and existing.read_text(encoding="utf-8") != "keep"
    stray = run_cli("export", "--db", str(store), "--format", "csv", "--out",
                    "a/../b/../c/out.csv")
    assert stray.returncode == 1
    assert not any((tmp_path / d).exists() for d in ("a", "b", "c"))


def test_events_options_resolve_names_and_reject_bad_values(run_cli: Run,
                                                            store: Path) -> None:
    by_name = run_cli("events", "--db", str(store), "--country", "Turkey", "-f", "json")
    by_code = run_cli("events", "--db", str(store), "--country", "TUR", "-f", "json")
    assert by_name.returncode == 0 and json.loads(by_name.stdout)
    assert json.loads(by_name.stdout) == json.loads(by_code.stdout)
    bad = run_cli("events", "--db", str(store), "--polarity", "maybe")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    for wildcard in ("_", "%"):
        result = run_cli("events", "--db", str(store), "--actor", wildcard, "-f", "json")
        assert result.returncode == 0 and json.loads(result.stdout) == []


@pytest.mark.parametrize("args", [["nosuch"], ["events", "--format", "xml"],
                                  ["eval", "missing.jsonl"], ["events", "--limit", "x"]])
def test_usage_errors_exit_2_in_one_line(run_cli: Run, args: list[str]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_min_confidence_hides_but_keeps(run_cli: Run, store: Path) -> None:
    everything = json.loads(run_cli("events", "--db", str(store), "--min-confidence", "0",
                                    "-f", "json").stdout)
    assert everything
    top = max(e["confidence"] for e in everything)
    confident = json.loads(run_cli("events", "--db", str(store), "--min-confidence",
                                   str(top), "-f", "json").stdout)
    assert confident and all(e["confidence"] >= top for e in confident)
    assert len(confident) <= len(everything)
    assert run_cli("events", "--db", str(store), "--min-confidence", "1.5").returncode == 2
    roots = json.loads(run_cli("events", "--db", str(store), "--root-only", "-f",
                               "json").stdout)
    assert all(e["is_root"] for e in roots)


def test_tables_fit_80_columns(run_cli: Run, store: Path) -> None:
    result = run_cli("events", "--db", str(store), env={"COLUMNS": "80"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert all(len(line) <= 80 for line in lines), result.stdout
    header = next(line for line in lines if "date_start" in line)
    assert "source_actor" in header and "modality" in header
    wide = run_cli("events", "--db", str(store), "--wide", env={"COLUMNS": "80"})
    assert "document_id" in wide.stdout


def test_limit_says_how_many_rows_were_left_out(run_cli: Run, store: Path) -> None:
    total = len(json.loads(run_cli("events", "--db", str(store), "-f", "json").stdout))
    assert total > 1
    result = run_cli("events", "--db", str(store), "--limit", "1")
    assert f"{total - 1} more row(s) not shown" in result.stderr


def test_analyze_table_is_a_compact_summary(run_cli: Run, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(
        "date 2024-03-02\n\nTurkey condemned the Saudi strikes on Yemen. Lula met Erdogan.",
        encoding="utf-8")
    result = run_cli("analyze", "a.txt", "--format", "table", env={"COLUMNS": "80"})
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert "events" in lines[1] and all(len(line) <= 80 for line in lines)
    assert len(lines) < 15
