"""The DuckDB store: one file, one transaction per document batch.

DuckDB 2.0 streams results and a connection with an unfinished result refuses other work,
so every read here drains its result with ``fetchall`` before returning.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from realpolitik.config import DedupRule
from realpolitik.errors import StoreError
from realpolitik.model import DocumentAnalysis
from realpolitik.store.rows import (
    WRITE_ORDER,
    Row,
    RowBatch,
    arrow_table,
    column_names,
    event_row,
    quantity_row,
    relation_row,
)
from realpolitik.store.sanity import DateRejection
from realpolitik.store.schema import MIGRATIONS, SCHEMA_VERSION, TABLES

if TYPE_CHECKING:
    import pyarrow as pa

__all__ = ["Row", "Store", "event_row", "first_line", "open_store", "quantity_row",
           "relation_row"]

#: ids per index lookup: a long literal list costs more to plan than it saves
_LOOKUP_CHUNK = 512

#: how long opening a store waits for another process's lock on the file
DEFAULT_LOCK_TIMEOUT = 60.0
_LOCK_WORDS = ("lock", "Conflicting")


def is_interrupt(exc: BaseException) -> bool:
    """Whether DuckDB says a statement was stopped by Ctrl-C: its own exception, or, from
    some statements (DDL, an Arrow scan), a plain RuntimeError "Query interrupted"."""
    return isinstance(exc, duckdb.InterruptException) or (
        isinstance(exc, RuntimeError) and "query interrupted" in str(exc).lower())


def newer_schema(path: Path, version: int) -> str:
    return (f"{path}: this store was written by a newer realpolitik (schema {version}, this "
            f"one reads up to {SCHEMA_VERSION}); upgrade realpolitik to use it")


def connect_waiting(path: Path, *, read_only: bool, timeout: float
                    ) -> duckdb.DuckDBPyConnection:
    """Connect, retrying while another process holds a conflicting lock on the file."""
    deadline = time.monotonic() + timeout
    pause = 0.02
    while True:
        try:
            con = duckdb.connect(str(path), read_only=read_only)
            # no progress bar: DuckDB draws one on stdout for a statement running over 2 s,
            # inside the table or JSON a command prints (seen under load on 10M events)
            con.execute("SET enable_progress_bar = false")
            return con
        except duckdb.Error as exc:
            message = first_line(exc)
            if not any(w in message for w in _LOCK_WORDS):
                raise StoreError(f"{path}: cannot open the store ({message})") from None
            if time.monotonic() >= deadline:
                raise StoreError(f"{path}: another process has held the store for over "
                                 f"{timeout:.0f} s ({message})") from None
        time.sleep(pause)
        pause = min(pause * 2, 0.5)


class Store:
    """A realpolitik DuckDB file. Use :func:`open_store` to open one.

    DuckDB lets one process write a file, or many read it, never both at once. A writer
    opened with ``shared=True`` (what ``ingest`` does) holds the file only while it runs a
    statement or a transaction and releases it in between, so queries can read the store
    while an ingest is parsing its next batch. Opening waits up to ``lock_timeout`` seconds
    for another process's lock before giving up with one line.

    Every write merges the new event mentions with the stored ones by ``dedup`` (the
    rule of :class:`~realpolitik.config.DedupRule`; see :mod:`realpolitik.dedup`), in the
    write's transaction.
    """

    def __init__(self, path: Path | str, *, read_only: bool = False, shared: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
                 dedup: DedupRule | None = None) -> None:
        self.path = Path(path)
        self.dedup = dedup if dedup is not None else DedupRule()
        self.read_only = read_only
        self.shared = shared and str(path) != ":memory:"
        self.lock_timeout = lock_timeout
        self._con: duckdb.DuckDBPyConnection | None = None
        self._depth = 0
        #: event dates refused by :meth:`write_batch` since the store was opened
        self.date_rejections: list[DateRejection] = []
        if read_only and str(path) != ":memory:" and not self.path.exists():
            raise StoreError(f"{self.path}: no store here (run 'realpolitik ingest' first)")
        if str(path) != ":memory:" and self.path.is_dir():
            raise StoreError(f"{self.path}: is a directory, not a store file")
        self._connect()
        try:
            if read_only:
                self._check_version()
            else:
                self.migrate()
        except BaseException as exc:
            self.close()
            if is_interrupt(exc):  # Ctrl-C while the tables are made: rolled back
                raise KeyboardInterrupt from None
            raise
        self._release()

    # -- lifecycle ---------------------------------------------------------------
    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The open connection, reopened (waiting for the file's lock) if it was released."""
        if self._con is None:
            self._connect()
        assert self._con is not None
        return self._con

    def _connect(self) -> None:
        self._con = connect_waiting(self.path, read_only=self.read_only,
                                    timeout=self.lock_timeout)

    def _release(self) -> None:
        """A shared writer lets go of the file between statements and transactions."""
        if self.shared and self._depth == 0 and self._con is not None:
            self._con.close()
            self._con = None

    def close(self) -> None:
        if self._con is not None:
            self._con.close()
            self._con = None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[Row]:
        try:
            return list(self.con.execute(sql, params or []).fetchall())
        except duckdb.InterruptException:
            raise KeyboardInterrupt from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({first_line(exc)})") from None
        finally:
            self._release()

    def query_dicts(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self.con.execute(sql, params or [])
            names = [d[0] for d in result.description or []]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        except duckdb.InterruptException:
            raise KeyboardInterrupt from None
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({first_line(exc)})") from None
        finally:
            self._release()

    def schema_version(self) -> int:
        """The store's schema version; 0 for an empty file.

        A DuckDB file of another program (tables, but no realpolitik ``meta`` row) is
        refused here, before any statement could touch or misread its tables.
        """
        tables = {r[0] for r in self.query(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'")}
        if not tables:
            return 0
        rows = self.query("SELECT value FROM meta WHERE key = 'schema_version'"
                          ) if "meta" in tables else []
        if not rows or not str(rows[0][0]).isdigit():
            raise StoreError(f"{self.path}: not a realpolitik store (a DuckDB file with "
                             f"other tables: {', '.join(sorted(tables)[:5])})")
        return int(rows[0][0])

    def _check_version(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(newer_schema(self.path, version))
        if version == 0:
            raise StoreError(f"{self.path}: empty store (run 'realpolitik ingest' first)")
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version}, this realpolitik needs "
                f"{SCHEMA_VERSION}; open it once for writing (e.g. 'realpolitik ingest') "
                "to migrate",
            )

    def migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(newer_schema(self.path, version))
        # a shared writer keeps the file for the whole path: released between two steps,
        # another process would open a store half way (a reader refuses version 2 of 5)
        self._depth += 1
        try:
            while version < SCHEMA_VERSION:
                with self.transaction():
                    for statement in MIGRATIONS[version]:
                        self.con.execute(statement)
                    version += 1
                    self.con.execute("INSERT OR REPLACE INTO meta VALUES "
                                     "('schema_version', ?)", [str(version)])
        finally:
            self._depth -= 1
            self._release()

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """All or nothing: a failure rolls back every row written inside."""
        self._depth += 1
        try:
            try:
                self.con.execute("BEGIN TRANSACTION")
            except duckdb.Error as exc:
                raise StoreError(f"{self.path}: cannot start a transaction "
                                 f"({first_line(exc)})") from None
            try:
                yield
            except BaseException:
                with suppress(duckdb.Error):
                    self.con.execute("ROLLBACK")
                raise
            try:
                self.con.execute("COMMIT")
            except duckdb.InterruptException:
                raise KeyboardInterrupt from None
            except duckdb.Error as exc:
                with suppress(duckdb.Error):
                    self.con.execute("ROLLBACK")
                raise StoreError(f"{self.path}: commit failed ({first_line(exc)})") from None
        finally:
            self._depth -= 1
            self._release()

    # -- writing -----------------------------------------------------------------
    def known_documents(self, ids: Iterable[str]) -> set[str]:
        """Which of ``ids`` are stored, answered from the primary-key index.

        One placeholder per id: DuckDB looks such an ``IN`` list up in the index, while a
        list parameter or a subquery makes it scan every stored id (slower as the store grows).
        """
        wanted = sorted(set(ids))
        found: set[str] = set()
        for at in range(0, len(wanted), _LOOKUP_CHUNK):
            chunk = wanted[at:at + _LOOKUP_CHUNK]
            rows = self.query(f"SELECT id FROM documents WHERE id IN ({_marks(len(chunk))})",
                              chunk)
            found.update(r[0] for r in rows)
        return found

    def write_batch(self, analyses: Sequence[DocumentAnalysis]) -> int:
        """Store a batch of analysed documents in one transaction; returns how many were new.

        Documents already stored (same id) are skipped, so re-ingesting is a no-op.
        """
        return self.write_rows(RowBatch.of(analyses))

    def write_rows(self, batch: RowBatch) -> int:
        """Store rows of analysed documents in bulk, in one transaction; returns how many
        documents were new.

        Idempotence is a staged anti-join, not a per-row ``INSERT OR IGNORE``: the batch's
        document ids are looked up in the primary-key index, the rows of documents not yet
        stored are staged as Arrow tables (the first of repeated keys kept, as the row-wise
        insert kept the first) and each table gets one ``INSERT ... SELECT``. Row ids derive
        from their document's id, so the rows of a new document are new.
        """
        try:
            with self.transaction():
                known = self.known_documents(batch.document_ids)
                staged = _stage(batch, known, self.path)
                if not staged["documents"].num_rows:
                    return 0
                for table, data in staged.items():
                    if data.num_rows:
                        self._insert_arrow(table, data)
                if staged["events"].num_rows:
                    from realpolitik.dedup.merge import merge_new

                    events = staged["events"]
                    merge_new(self, zip(events.column("dedup_key").to_pylist(),
                                        events.column("date_end").to_pylist(), strict=True),
                              self.dedup)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: batch not stored ({first_line(exc)})") from None
        self.date_rejections.extend(r for r in batch.rejections if r.document_id not in known)
        return int(staged["documents"].num_rows)

    def _insert_arrow(self, table: str, data: pa.Table) -> None:
        name = f"_staged_{table}"
        columns = ", ".join(column_names(table))
        self.con.register(name, data)
        try:
            self.con.execute(f"INSERT INTO {table} ({columns}) SELECT {columns} FROM {name}")
        finally:
            self.con.unregister(name)

    def insert_relations(self, rows: Sequence[Row]) -> None:
        self.con.executemany(f"INSERT OR IGNORE INTO relations VALUES ({_marks(19)})", rows)

    # -- reading -----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: int(self.query(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


def _marks(n: int) -> str:
    return ", ".join("?" * n)


#: primary key of each table, by column position; mentions have none
_KEYS: dict[str, tuple[int, ...]] = {
    "documents": (0,), "sentences": (0, 1), "events": (0,), "relations": (0,),
    "quantities": (0,),
}


def _stage(batch: RowBatch, known: set[str], path: Path) -> dict[str, pa.Table]:
    """The batch's rows of documents not in ``known``, one Arrow table per table."""
    import pyarrow as pa

    fresh = {i for i in batch.document_ids if i not in known}
    staged: dict[str, pa.Table] = {}
    for table in WRITE_ORDER:
        # documents carry their id first, every other table its document_id second
        doc_col = 1 if table in ("events", "relations", "quantities") else 0
        rows = [r for r in batch.tables[table] if r[doc_col] in fresh]
        key = _KEYS.get(table)
        if key is not None:
            seen: set[tuple[Any, ...]] = set()
            unique: list[Row] = []
            for r in rows:
                k = tuple(r[i] for i in key)
                if k not in seen:
                    seen.add(k)
                    unique.append(r)
            rows = unique
        try:
            staged[table] = arrow_table(table, rows)
        except (pa.ArrowException, TypeError, ValueError) as exc:
            raise StoreError(f"{path}: batch not stored (a {table} row has a value of the wrong "
                             f"type: {first_line(exc)})") from None
    return staged


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (DuckDB's run to many), else its type."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def open_store(path: Path | str, *, read_only: bool = False, shared: bool = False,
               lock_timeout: float = DEFAULT_LOCK_TIMEOUT, dedup: DedupRule | None = None
               ) -> Store:
    if read_only and Path(path).is_dir():
        # the Parquet output of 'realpolitik spark ingest', read in place
        from realpolitik.store.attach import open_parquet_dir

        return open_parquet_dir(Path(path))
    return Store(path, read_only=read_only, shared=shared, lock_timeout=lock_timeout,
                 dedup=dedup)
