"""DuckDB's ways of reporting Ctrl-C are all read as an interrupt, nothing else is."""

from __future__ import annotations

import duckdb
import pytest

from realpolitik.store.db import is_interrupt


@pytest.mark.parametrize(("exc", "expected"), [
    (duckdb.InterruptException("INTERRUPT Error: Interrupted!"), True),
    # what a DDL statement or an Arrow scan raises when Ctrl-C stops it
    (RuntimeError("Query interrupted"), True),
    (RuntimeError("Catalog Error: Table with name x does not exist"), False),
    (ValueError("Query interrupted"), False),
    (KeyboardInterrupt(), False),
])
def test_an_interrupt_is_told_apart(exc: BaseException, expected: bool) -> None:
    assert is_interrupt(exc) is expected
