"""Late materialisation: find the matching events first, then read their wide columns.

A filter over a large ``events`` table reads the few columns it tests for every row, but a
query that also selects wide columns (``evidence``, texts) and sorts makes DuckDB carry
them through the scan: on 10,000,000 events that is seconds for a few thousand rows. Two
queries do better: the row ids of the matches (a narrow scan), then the selected columns
of those rows only (a row-id lookup). Stores whose tables are views over Parquet
(``realpolitik attach``) have no row ids and get the one query.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from realpolitik.store import Store


def is_table(store: Store, name: str) -> bool:
    """Whether ``name`` is a table of the store (not a view over Parquet)."""
    rows = store.query("SELECT table_type FROM information_schema.tables "
                       "WHERE table_name = ? AND table_schema = 'main'", [name])
    return bool(rows) and rows[0][0] == "BASE TABLE"


def late_event_dicts(store: Store, select: str, where: str, params: Sequence[Any],
                     order: str, select_params: Sequence[Any] = ()) -> list[dict[str, Any]]:
    """``SELECT {select} FROM events WHERE {where} ORDER BY {order}`` as dicts, in two
    steps where ``events`` is a table. ``select`` and ``order`` may use any column;
    ``where`` sees only the ``events`` columns; ``select_params`` fill the placeholders of
    ``select``, ``params`` those of ``where``."""
    if not is_table(store, "events"):
        return store.query_dicts(
            f"SELECT {select} FROM events WHERE {where} ORDER BY {order}",
            [*select_params, *params])
    ids = [r[0] for r in store.query(f"SELECT rowid FROM events WHERE {where}", params)]
    if not ids:
        return []
    return store.query_dicts(
        f"SELECT {select} FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[])) "
        f"ORDER BY {order}", [*select_params, ids])
