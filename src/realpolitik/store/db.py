"""The DuckDB store: one file, one transaction per document batch.

DuckDB 2.0 streams results and a connection with an unfinished result refuses other work,
so every read here drains its result with ``fetchall`` before returning.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import duckdb

from realpolitik.errors import StoreError
from realpolitik.model import DocumentAnalysis, Event, Quantity, Relation
from realpolitik.store.sanity import DateRejection, check_event_dates
from realpolitik.store.schema import MIGRATIONS, SCHEMA_VERSION, TABLES

Row = tuple[Any, ...]

#: how long opening a store waits for another process's lock on the file
DEFAULT_LOCK_TIMEOUT = 60.0
_LOCK_WORDS = ("lock", "Conflicting")


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
            return duckdb.connect(str(path), read_only=read_only)
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
    """

    def __init__(self, path: Path | str, *, read_only: bool = False, shared: bool = False,
                 lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> None:
        self.path = Path(path)
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
        except BaseException:
            self.close()
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
        while version < SCHEMA_VERSION:
            with self.transaction():
                for statement in MIGRATIONS[version]:
                    self.con.execute(statement)
                version += 1
                self.con.execute(
                    "INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", [str(version)])

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
        wanted = list(set(ids))
        if not wanted:
            return set()
        rows = self.query("SELECT id FROM documents WHERE id IN (SELECT unnest(?))", [wanted])
        return {r[0] for r in rows}

    def write_batch(self, analyses: Sequence[DocumentAnalysis]) -> int:
        """Store a batch of analysed documents in one transaction; returns how many were new.

        Documents already stored (same id) are skipped, so re-ingesting is a no-op.
        """
        fresh: list[DocumentAnalysis] = []
        try:
            with self.transaction():
                # looked up inside the transaction: another writer sharing the file may have
                # stored some of these documents since this batch was parsed
                known = self.known_documents(a.document.id for a in analyses)
                seen: set[str] = set()
                for analysis in analyses:
                    doc_id = analysis.document.id
                    if doc_id not in known and doc_id not in seen:
                        fresh.append(analysis)
                        seen.add(doc_id)
                for analysis in fresh:
                    self._insert(self._sane_dates(analysis))
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: batch not stored ({first_line(exc)})") from None
        return len(fresh)

    def _sane_dates(self, analysis: DocumentAnalysis) -> DocumentAnalysis:
        """Event dates the store refuses (see :mod:`realpolitik.store.sanity`) fall back to
        the publication date; each refusal is kept, with its reason, for the caller."""
        sane, rejected = check_event_dates(analysis)
        self.date_rejections.extend(rejected)
        return sane

    def _insert(self, analysis: DocumentAnalysis) -> None:
        doc = analysis.document
        c = self.con
        c.execute("INSERT INTO documents (id, date, title, source, url, external_id, text) "
                  "VALUES (?, ?, ?, ?, ?, ?, ?)",
                  [doc.id, doc.date, doc.title, doc.source, doc.url, doc.external_id, doc.text])
        sentences = [(doc.id, s.index, s.paragraph, s.start_char, s.end_char, s.text)
                     for s in analysis.parsed.sentences]
        if sentences:
            c.executemany("INSERT INTO sentences VALUES (?, ?, ?, ?, ?, ?)", sentences)
        mentions = [
            (doc.id, m.sentence, m.start_char, m.end_char, m.text,
             m.actor.id if m.actor else None, m.actor.code if m.actor else None,
             m.actor.name if m.actor else None, m.actor.country if m.actor else None,
             m.actor.role if m.actor else None, m.kind)
            for m in analysis.mentions
        ]
        if mentions:
            c.executemany("INSERT INTO mentions VALUES (?,?,?,?,?,?,?,?,?,?,?)", mentions)
        events = [event_row(doc.id, doc.date, e) for e in analysis.events]
        if events:
            c.executemany(f"INSERT OR IGNORE INTO events VALUES ({_marks(29)})", events)
        relations = [relation_row(doc.id, "text", r) for r in analysis.relations]
        if relations:
            self.insert_relations(relations)
        quantities = [quantity_row(doc.id, q) for q in analysis.quantities]
        if quantities:
            c.executemany(f"INSERT OR IGNORE INTO quantities VALUES ({_marks(14)})", quantities)

    def insert_relations(self, rows: Sequence[Row]) -> None:
        self.con.executemany(f"INSERT OR IGNORE INTO relations VALUES ({_marks(19)})", rows)

    # -- reading -----------------------------------------------------------------
    def counts(self) -> dict[str, int]:
        return {t: int(self.query(f"SELECT count(*) FROM {t}")[0][0]) for t in TABLES}


def _marks(n: int) -> str:
    return ", ".join("?" * n)


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message (DuckDB's run to many), else its type."""
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__


def event_row(document_id: str, pub_date: Any, e: Event) -> Row:
    d = e.date
    s, t = e.source, e.target
    return (
        e.id, document_id, pub_date,
        d.start if d else None, d.end if d else None, d.precision if d else None,
        d.inferred if d else None,
        s.text if s else None, s.actor if s else None, s.country if s else None,
        s.role if s else None,
        t.text if t else None, t.actor if t else None, t.country if t else None,
        t.role if t else None,
        e.code, e.root, e.quad_class, e.goldstein, e.plover, e.polarity, e.modality,
        e.sentence, e.evidence, e.confidence, e.span[0], e.span[1], e.trigger, e.is_root,
    )


def relation_row(document_id: str | None, origin: str, r: Relation) -> Row:
    d = r.date
    o = r.obligations
    return (
        r.id, document_id, origin, r.kind, list(r.parties), r.name,
        d.start if d else None, d.end if d else None, d.precision if d else None,
        d.inferred if d else None,
        o.defense, o.offense, o.neutrality, o.non_aggression, o.consultation,
        r.polarity, r.sentence, r.evidence, json.dumps(r.attributes, sort_keys=True),
    )


def quantity_row(document_id: str, q: Quantity) -> Row:
    return (
        q.id, document_id, q.measure, list(q.parties), q.value, q.low, q.high, q.unit, q.year,
        q.change_pct, q.forecast, q.comparator, q.sentence, q.evidence,
    )


def open_store(path: Path | str, *, read_only: bool = False, shared: bool = False,
               lock_timeout: float = DEFAULT_LOCK_TIMEOUT) -> Store:
    return Store(path, read_only=read_only, shared=shared, lock_timeout=lock_timeout)
