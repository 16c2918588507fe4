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
    return events_by_rowid(store, select, ids, order=order, select_params=select_params)


def events_by_rowid(store: Store, columns: str, rowids: Sequence[int], *, order: str = "",
                    limit: int | None = None, select_params: Sequence[Any] = ()
                    ) -> list[dict[str, Any]]:
    """``SELECT {columns} FROM events`` for the rows with these row ids (one list
    parameter: DuckDB fetches the rows by id), optionally ordered and limited;
    ``select_params`` fill the placeholders of ``columns``."""
    if not rowids:
        return []
    sql = f"SELECT {columns} FROM events WHERE rowid IN (SELECT unnest(?::BIGINT[]))"
    params: list[Any] = [*select_params, list(rowids)]
    if order:
        sql += f" ORDER BY {order}"
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    return store.query_dicts(sql, params)


def events_by_key(store: Store, columns: str, keys: Sequence[Any], by_rowid: bool
                  ) -> list[dict[str, Any]]:
    """:func:`events_by_rowid` where ``keys`` are row ids (``events`` is a table), else
    :func:`events_by_id` (a view over Parquet has no row ids)."""
    return (events_by_rowid(store, columns, keys) if by_rowid
            else events_by_id(store, columns, keys))


def events_by_id(store: Store, columns: str, ids: Sequence[str]) -> list[dict[str, Any]]:
    """``SELECT {columns} FROM events`` for the events with these ids, as dicts: one
    placeholder per id, in chunks, an ``IN`` list DuckDB answers from the primary-key index
    (a list parameter or a subquery makes it scan every stored id)."""
    rows: list[dict[str, Any]] = []
    for at in range(0, len(ids), _ID_CHUNK):
        chunk = ids[at:at + _ID_CHUNK]
        rows += store.query_dicts(
            f"SELECT {columns} FROM events WHERE id IN ({', '.join('?' * len(chunk))})", chunk)
    return rows


#: event ids per primary-key lookup
_ID_CHUNK = 512
