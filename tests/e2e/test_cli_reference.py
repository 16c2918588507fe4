"""realpolitik reference load atop through the real CLI and DuckDB."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.e2e.conftest import Run

pytestmark = pytest.mark.e2e

ATOP = """ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul
365,710,2001,0,0,0,1,1
365,710,2002,0,0,0,1,1
710,365,2001,0,0,0,1,1
710,365,2002,0,0,0,1,1
2,20,1950,1,0,0,0,1
"""


def test_reference_load_is_idempotent_and_queryable(run_cli: Run, tmp_path: Path) -> None:
    csv = tmp_path / "atop.csv"
    csv.write_text(ATOP, encoding="utf-8")
    db = tmp_path / "s.duckdb"
    first = run_cli("reference", "load", "atop", str(csv), "--db", str(db))
    assert first.returncode == 0, first.stderr
    again = run_cli("reference", "load", "atop", str(csv), "--db", str(db))
    assert "0 new" in again.stderr
    rows = json.loads(run_cli("relations", "--db", str(db), "--actor", "CHN",
                              "--format", "json").stdout)
    (spell,) = rows
    assert spell["parties"] == "CHN,RUS" and spell["origin"] == "reference:atop"
    assert spell["non_aggression"] is True and spell["defense"] is False
    assert str(spell["date_start"]).startswith("2001")


def test_reference_load_bad_row_names_the_line(run_cli: Run, tmp_path: Path) -> None:
    csv = tmp_path / "atop.csv"
    csv.write_text(ATOP + "365,710,twenty,0,0,0,1,1\n", encoding="utf-8")
    db = tmp_path / "s.duckdb"
    result = run_cli("reference", "load", "atop", str(csv), "--db", str(db))
    assert result.returncode == 1
    assert "atop.csv:7" in result.stderr and "Traceback" not in result.stderr
