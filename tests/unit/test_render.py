"""Tables that fit the terminal: headers never cut, running text inline or folded."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from realpolitik.cli.render import fit_columns, table_lines

ROWS: list[dict[str, Any]] = [
    {"date_start": "2024-01-01", "source_actor": "RUSGOV", "code": "111",
     "target_actor": "USA", "polarity": "asserted", "modality": "actual",
     "evidence": "Russia condemned the US strikes on Iran, calling them a crime. " * 2},
]


@pytest.mark.parametrize("width", [40, 80, 120, 200])
def test_every_line_fits_and_headers_are_whole(width: int) -> None:
    layout = fit_columns(ROWS, list(ROWS[0]), width)
    lines = [line.plain for line in table_lines(ROWS, layout)]
    assert all(len(line) <= width for line in lines)
    header = lines[0].split()
    assert set(header) <= set(ROWS[0])
    assert set(header) | set(layout.hidden) | {"evidence"} == set(ROWS[0])


def test_narrow_terminals_fold_the_evidence_under_its_row() -> None:
    layout = fit_columns(ROWS, list(ROWS[0]), 80)
    assert layout.folded
    assert fit_columns(ROWS, list(ROWS[0]), 160).folded is False


def test_wide_shows_every_column() -> None:
    layout = fit_columns(ROWS, list(ROWS[0]), 40, wide=True)
    assert not layout.hidden and not layout.folded


@settings(max_examples=200, deadline=None)
@given(st.lists(st.dictionaries(st.sampled_from(["a", "bb", "evidence", "code"]),
                                st.text(max_size=60), min_size=1), min_size=1, max_size=4),
       st.integers(20, 200))
@example(rows=[{"a": "", "evidence": "0000000000000⺀𠀀"}], width=20)  # wide characters
def test_any_rows_fit(rows: list[dict[str, Any]], width: int) -> None:
    cols = sorted({k for r in rows for k in r})
    layout = fit_columns(rows, cols, width)
    for line in table_lines(rows, layout):
        assert line.cell_len <= max(width, max(len(c) for c in cols))


@pytest.mark.parametrize(("text", "width"), [
    ("0000000000000⺀𠀀", 14),
    ("一二三四五六七八九十", 5),
    ("plain words wrap at spaces", 10),
])
def test_wide_characters_wrap_by_cells(text: str, width: int) -> None:
    from rich.cells import cell_len

    from realpolitik.cli.render import wrap_cells

    parts = wrap_cells(text, width)
    assert all(cell_len(p) <= width for p in parts)
    assert "".join(parts).replace(" ", "") == text.replace(" ", "")
