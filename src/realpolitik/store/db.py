"""The DuckDB store: one file, one transaction per document batch.

DuckDB 2.0 streams results and a connection with an unfinished result refuses other work,
so every read here drains its result with ``fetchall`` before returning.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from realpolitik.errors import StoreError
from realpolitik.model import DocumentAnalysis, Event, PlaceMention, Quantity, Relation
from realpolitik.store.schema import MIGRATIONS, SCHEMA_VERSION, TABLES

Row = tuple[Any, ...]


class Store:
    """A realpolitik DuckDB file. Use :func:`open_store` to open one."""

    def __init__(self, path: Path | str, *, read_only: bool = False) -> None:
        self.path = Path(path)
        self.read_only = read_only
        if read_only and str(path) != ":memory:" and not self.path.exists():
            raise StoreError(f"{self.path}: no store here (run 'realpolitik ingest' first)")
        try:
            self.con = duckdb.connect(str(path), read_only=read_only)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot open the store ({first_line(exc)})") from None
        if read_only:
            self._check_version()
        else:
            self.migrate()

    # -- lifecycle ---------------------------------------------------------------
    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def query(self, sql: str, params: Sequence[Any] | None = None) -> list[Row]:
        try:
            return list(self.con.execute(sql, params or []).fetchall())
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({first_line(exc)})") from None

    def query_dicts(self, sql: str, params: Sequence[Any] | None = None) -> list[dict[str, Any]]:
        try:
            result = self.con.execute(sql, params or [])
            names = [d[0] for d in result.description or []]
            return [dict(zip(names, row, strict=True)) for row in result.fetchall()]
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: query failed ({first_line(exc)})") from None

    def schema_version(self) -> int:
        tables = {r[0] for r in self.query("SELECT table_name FROM information_schema.tables")}
        if "meta" not in tables:
            return 0
        rows = self.query("SELECT value FROM meta WHERE key = 'schema_version'")
        return int(rows[0][0]) if rows else 0

    def _check_version(self) -> None:
        version = self.schema_version()
        if version != SCHEMA_VERSION:
            raise StoreError(
                f"{self.path}: store schema version {version}, this realpolitik needs "
                f"{SCHEMA_VERSION}; open it once for writing (e.g. 'realpolitik ingest') "
                "to migrate",
            )

    def migrate(self) -> None:
        version = self.schema_version()
        if version > SCHEMA_VERSION:
            raise StoreError(f"{self.path}: store was written by a newer realpolitik "
                             f"(schema {version} > {SCHEMA_VERSION})")
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
        try:
            self.con.execute("BEGIN TRANSACTION")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: cannot start a transaction "
                             f"({first_line(exc)})") from None
        try:
            yield
        except BaseException:
            self.con.execute("ROLLBACK")
            raise
        try:
            self.con.execute("COMMIT")
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: commit failed ({first_line(exc)})") from None

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
        known = self.known_documents(a.document.id for a in analyses)
        fresh: list[DocumentAnalysis] = []
        seen: set[str] = set()
        for analysis in analyses:
            doc_id = analysis.document.id
            if doc_id not in known and doc_id not in seen:
                fresh.append(analysis)
                seen.add(doc_id)
        if not fresh:
            return 0
        try:
            with self.transaction():
                for analysis in fresh:
                    self._insert(analysis)
        except duckdb.Error as exc:
            raise StoreError(f"{self.path}: batch not stored ({first_line(exc)})") from None
        return len(fresh)

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
            c.executemany(f"INSERT OR IGNORE INTO events VALUES ({_marks(len(events[0]))})",
                          events)
        places = [place_row(doc.id, p) for p in analysis.places if p.place is not None]
        if places:
            c.executemany(f"INSERT INTO places VALUES ({_marks(13)})", places)
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
        *_event_place(e),
    )


def _event_place(e: Event) -> tuple[Any, ...]:
    """The v3 place columns (schema.PLACE_COLUMNS order)."""
    if e.place is None:
        return (None,) * 9
    p = e.place.place
    return (p.name, p.geonames_id, p.feature, p.country, p.adm1, p.lat, p.lon, e.place.basis,
            e.place.text)


def place_row(document_id: str, m: PlaceMention) -> Row:
    p = m.place
    return (document_id, m.sentence, m.start_char, m.end_char, m.text,
            p.name if p else None, p.geonames_id if p else None, p.feature if p else None,
            p.country if p else None, p.adm1 if p else None, p.lat if p else None,
            p.lon if p else None, m.reason)


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


def open_store(path: Path | str, *, read_only: bool = False) -> Store:
    return Store(path, read_only=read_only)
