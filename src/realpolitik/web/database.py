"""One DuckDB database per server, one cursor per request.

DuckDB runs many readers at once inside one process (each on its own cursor, under MVCC),
and a write transaction does not block them: readers see the last committed state. So the
server opens the file once — read-only unless ingest is allowed — and gives every request
a :class:`Store` on a fresh cursor. Another process cannot write the file while the server
holds it (DuckDB locks the file per process): ingest through the server (``--allow-ingest``)
or stop it first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from realpolitik.errors import StoreError
from realpolitik.store import Store, open_store
from realpolitik.store.db import first_line


class CursorStore(Store):
    """A :class:`Store` on a cursor of another store's database (shares its file)."""

    def __init__(self, parent: Store) -> None:  # no super().__init__: nothing to open
        self.path = parent.path
        self.read_only = parent.read_only
        # the cursor is never released between statements: the parent holds the file
        self.shared = False
        self.lock_timeout = parent.lock_timeout
        self.dedup = parent.dedup
        self._depth = 0
        self.date_rejections = []
        try:
            self._con = parent.con.cursor()
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open a cursor ({first_line(exc)})") from None


class Database:
    def __init__(self, path: Path, *, writable: bool) -> None:
        self.path = path
        self.writable = writable
        self.root = open_store(path, read_only=not writable)

    @contextmanager
    def store(self) -> Iterator[Store]:
        cursor = CursorStore(self.root)
        try:
            yield cursor
        finally:
            cursor.close()

    def close(self) -> None:
        self.root.close()
