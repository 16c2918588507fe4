"""One event, many stories, through the real CLI and DuckDB: two invented stories report
one happening; it is stored as one merged event of two mentions, re-running changes
nothing, and a rebuild agrees."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import duckdb
from typer.testing import CliRunner

from realpolitik.cli.app import app
from realpolitik.store.export import GDELT_COLUMNS

STORY_A = ("Brazil recalled its ambassador from Argentina on Tuesday after a dispute over "
           "river dams, the foreign ministry said.\n")
STORY_B = ("Brazil recalled its ambassador from Argentina, officials said on Tuesday, "
           "in a sharp escalation of the quarrel over hydroelectric dams.\n")


def run(*args: str) -> str:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def groups(db: Path) -> dict[str, str]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return {r[0]: r[1] for r in con.execute("SELECT id, cluster_id FROM events").fetchall()}
    finally:
        con.close()


def test_two_stories_one_event(tmp_path: Path) -> None:
    for name, text in (("a.txt", STORY_A), ("b.txt", STORY_B)):
        (tmp_path / name).write_text(text, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    paths = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    run("ingest", *paths, "--db", str(db), "--date", "2031-06-10", "-q", "--workers", "1")
    events = json.loads(run("events", "--db", str(db), "--code", "16", "--format", "json"))
    recalls = [e for e in events if e["source_country"] == "BRA"
               and e["target_country"] == "ARG"]
    assert len(recalls) == 1, events
    merged = recalls[0]
    assert (merged["num_mentions"], merged["num_articles"], merged["num_sources"]) == (2, 2, 2)
    assert merged["first_seen"] == "2031-06-10"
    mentions = json.loads(run("events", "--db", str(db), "--mentions", "--format", "json"))
    assert len(mentions) >= 2 and len(mentions) > len(
        json.loads(run("events", "--db", str(db), "--format", "json"))) - 1
    before = groups(db)
    run("ingest", *paths, "--db", str(db), "-q", "--workers", "1")  # a re-run: nothing new
    assert groups(db) == before
    run("dedup", "--db", str(db), "--rebuild", "-q")
    assert groups(db) == before
    out = tmp_path / "e.tsv"
    run("export", "--db", str(db), "--format", "gdelt", "--out", str(out))
    rows = [dict(zip(GDELT_COLUMNS, r, strict=True))
            for r in csv.reader(out.open(encoding="utf-8"), delimiter="\t")]
    row = next(r for r in rows if r["Actor1CountryCode"] == "BRA"
               and r["Actor2CountryCode"] == "ARG")
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("2", "2", "2")
    per_mention = tmp_path / "m.tsv"
    run("export", "--db", str(db), "--format", "gdelt", "--out", str(per_mention), "--mentions")
    assert len(per_mention.read_text().splitlines()) > len(rows) - 1
