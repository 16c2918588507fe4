"""Event places through the real CLI: ingest, events --in/--near, GeoJSON and GDELT export."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import Run

pytestmark = pytest.mark.e2e

TEXT = ("date 2024-03-02\n\nIsraeli jets struck a convoy near Aleppo on Friday.\n\n"
        "Iran condemned the strike.")


def test_places_through_the_cli(run_cli: Run, tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(TEXT, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    assert run_cli("ingest", str(src), "--db", str(db), "--quiet").returncode == 0
    near = run_cli("events", "--db", str(db), "--near", "Aleppo", "--km", "50",
                   "--format", "json")
    assert near.returncode == 0, near.stderr
    rows = json.loads(near.stdout)
    assert rows and all(r["place_name"] == "Aleppo" for r in rows)
    inside = run_cli("events", "--db", str(db), "--in", "Syria", "--format", "json")
    assert {r["id"] for r in json.loads(inside.stdout)} >= {r["id"] for r in rows}
    unknown = run_cli("events", "--db", str(db), "--in", "Qqqxyzzy")
    assert unknown.returncode == 1 and "no such place" in unknown.stderr
    out = tmp_path / "e.geojson"
    assert run_cli("export", "--db", str(db), "--format", "geojson", "--out",
                   str(out)).returncode == 0
    names = {f["properties"]["place_name"] for f in json.loads(out.read_text())["features"]}
    assert "Aleppo" in names
    analysed = run_cli("analyze", str(src), "--format", "json")
    events = json.loads(analysed.stdout)["events"]
    assert any(e["place"] and e["place"]["basis"] == "trigger" for e in events)
