"""realpolitik demo through the real CLI: the bundled corpus, a fresh store, a summary."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.e2e.conftest import Run

pytestmark = pytest.mark.e2e


def test_demo_ingests_every_article_and_only_articles(run_cli: Run, tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    result = run_cli("demo", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "top dyads" in result.stdout and "evidence" in result.stdout
    con = duckdb.connect(str(db), read_only=True)
    try:
        documents = con.execute("SELECT count(*), count(date) FROM documents").fetchall()[0]
        events = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
    finally:
        con.close()
    from realpolitik.cli.ingest_cmd import demo_corpus_dir

    articles = len(list(demo_corpus_dir().glob("*.txt")))
    assert articles >= 15
    assert documents == (articles, articles)  # every article dated by its header
    assert events >= 10 * articles
