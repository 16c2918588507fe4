"""ATOP dyad-year reading: spells, direction, malformed rows, the COW→ISO3 mapping."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.errors import InputError
from realpolitik.model import Obligations
from realpolitik.relations import ReferenceAlliance, read_atop_dyad_years
from realpolitik.relations.cow_codes import (
    MAPPING_FILE,
    derive_mapping,
    load_mapping,
    render_mapping,
)

HEADER = "ccode1,ccode2,year,atop_defense,atop_offense,atop_neutral,atop_nonagg,atop_consul\n"
SHARED = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference"


def write(tmp_path: Path, rows: str, header: str = HEADER) -> Path:
    path = tmp_path / "atop.csv"
    path.write_text(header + rows, encoding="utf-8")
    return path


def spells(path: Path) -> list[ReferenceAlliance]:
    return list(read_atop_dyad_years(path))


def test_consecutive_years_collapse_into_one_mutual_spell(tmp_path: Path) -> None:
    rows = "".join(f"365,630,{y},0,0,1,1,1\n630,365,{y},0,0,1,1,1\n" for y in range(2001, 2019))
    [spell] = spells(write(tmp_path, rows))
    assert spell.parties == ("IRN", "RUS")
    assert (spell.first_year, spell.last_year) == (2001, 2018)
    assert spell.obligor is None
    assert spell.obligations == Obligations(False, False, True, True, True)


def test_a_gap_or_a_change_of_obligations_starts_a_new_spell(tmp_path: Path) -> None:
    rows = ("2,20,1950,1,0,0,0,0\n2,20,1951,1,0,0,0,0\n2,20,1953,1,0,0,0,0\n"
            "2,20,1954,1,0,0,0,1\n")
    found = [(s.first_year, s.last_year, s.obligations.consultation) for s in
             spells(write(tmp_path, rows))]
    assert found == [(1950, 1951, False), (1953, 1953, False), (1954, 1954, True)]


def test_asymmetric_obligations_stay_directed(tmp_path: Path) -> None:
    rows = "2,235,1944,1,1,0,0,0\n235,2,1944,0,1,0,0,0\n"
    found = {(s.obligor, s.obligations.defense) for s in spells(write(tmp_path, rows))}
    assert found == {("USA", True), ("PRT", False)}


def test_states_without_a_code_are_skipped(tmp_path: Path) -> None:
    # 245 is Bavaria: no ISO or CAMEO code
    assert spells(write(tmp_path, "245,255,1850,1,0,0,0,0\n")) == []


@pytest.mark.parametrize(("row", "reason"), [
    ("2,20,1950,1,0,0,0\n", "expected 8 fields"),
    ("2,x,1950,1,0,0,0,0\n", "ccode2 must be a whole number"),
    ("2,20,1950,2,0,0,0,0\n", "atop_defense must be 0 or 1"),
    ("2,20,3050,1,0,0,0,0\n", "out of range"),
    ("2,2,1950,1,0,0,0,0\n", "cannot ally with itself"),
])
def test_malformed_rows_name_file_and_line(tmp_path: Path, row: str, reason: str) -> None:
    path = write(tmp_path, "2,20,1949,1,0,0,0,0\n" + row)
    with pytest.raises(InputError) as caught:
        spells(path)
    assert caught.value.location == f"{path}:3"
    assert reason in caught.value.reason


def test_missing_columns_are_reported_on_line_one(tmp_path: Path) -> None:
    path = write(tmp_path, "2,20,1950\n", header="ccode1,ccode2,year\n")
    with pytest.raises(InputError, match="missing columns"):
        spells(path)


def test_spell_becomes_a_dated_reference_treaty(tmp_path: Path) -> None:
    rows = "2,290,1999,1,0,0,1,1\n290,2,1999,1,0,0,1,1\n"
    [spell] = spells(write(tmp_path, rows))
    relation = spell.to_relation()
    assert relation.kind == "treaty"
    assert relation.parties == ("POL", "USA")
    assert relation.date is not None and relation.date.start.year == 1999
    assert relation.attributes["reference"] == "atop"
    assert relation.id == spell.to_relation().id


def test_bundled_mapping_covers_the_modern_states() -> None:
    mapping = load_mapping()
    assert mapping[365] == "RUS" and mapping[630] == "IRN" and mapping[2] == "USA"
    assert mapping[731] == "PRK" and mapping[696] == "ARE" and mapping[265] == "DDR"
    assert 245 not in mapping


@pytest.mark.shared
def test_bundled_mapping_is_derived_from_the_cow_state_list() -> None:
    states = SHARED / "leaders" / "peacesciencer_cow_states.csv"
    if not states.exists():
        pytest.skip("../shared reference data not present")
    assert render_mapping(derive_mapping(states)) == MAPPING_FILE.read_text(encoding="utf-8")


@pytest.mark.shared
def test_reads_the_reference_atop_file() -> None:
    path = SHARED / "alliances" / "peacesciencer_atop_alliance.csv"
    if not path.exists():
        pytest.skip("../shared reference data not present")
    latest = [s for s in read_atop_dyad_years(path) if s.parties == ("IRN", "RUS")][-1]
    assert (latest.first_year, latest.last_year) == (2001, 2018)
    assert latest.obligations.defense is False and latest.obligations.neutrality is True
