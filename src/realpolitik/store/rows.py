"""Store rows: one analysed document as plain rows per table, and their Arrow schemas.

The one place that turns :class:`~realpolitik.model.DocumentAnalysis` into table rows. The
DuckDB writer, the ingest worker processes (which send rows, not analyses, to the writer)
and the Spark job all use it, so the three can never disagree on a column.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from realpolitik.dedup.rule import dedup_key
from realpolitik.ingest.readers import IngestFailure
from realpolitik.model import DocumentAnalysis, Event, PlaceMention, Quantity, Relation
from realpolitik.store.sanity import DateRejection, check_event_dates
from realpolitik.store.schema import PLACE_COLUMNS

if TYPE_CHECKING:
    import pyarrow as pa

Row = tuple[Any, ...]

# column types by name; pyarrow is imported only when a batch is written, so that query
# commands, which never write, do not pay for importing it at start-up
_S, _I, _F, _B, _D, _L = "string", "int32", "float64", "bool", "date32", "list<string>"
_I64 = "int64"
_ARROW_OF_SQL = {"VARCHAR": _S, "BIGINT": _I64, "DOUBLE": _F}
#: where an event happened (schema v3), after the event's own columns: the schema's list,
#: so that the two can never name a different column or order
_PLACE = tuple((name, _ARROW_OF_SQL[kind]) for name, kind in PLACE_COLUMNS)

#: the columns each table is written with, in row order (``documents.ingested_at`` is the
#: store's default and not part of a row)
COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "documents": (("id", _S), ("date", _D), ("title", _S), ("source", _S), ("url", _S),
                  ("external_id", _S), ("text", _S)),
    "sentences": (("document_id", _S), ("idx", _I), ("paragraph", _I), ("start_char", _I),
                  ("end_char", _I), ("text", _S)),
    "mentions": (("document_id", _S), ("sentence", _I), ("start_char", _I), ("end_char", _I),
                 ("text", _S), ("actor_id", _S), ("actor", _S), ("name", _S), ("country", _S),
                 ("role", _S), ("kind", _S)),
    "events": (("id", _S), ("document_id", _S), ("pub_date", _D), ("date_start", _D),
               ("date_end", _D), ("date_precision", _S), ("date_inferred", _B),
               ("source_text", _S), ("source_actor", _S), ("source_country", _S),
               ("source_role", _S), ("target_text", _S), ("target_actor", _S),
               ("target_country", _S), ("target_role", _S), ("code", _S), ("root", _S),
               ("quad_class", _I), ("goldstein", _F), ("plover", _S), ("polarity", _S),
               ("modality", _S), ("sentence", _I), ("evidence", _S), ("confidence", _F),
               ("span_start", _I), ("span_end", _I), ("trigger", _S), ("is_root", _B),
               *_PLACE, ("cluster_id", _S), ("dedup_key", _S)),
    "relations": (("id", _S), ("document_id", _S), ("origin", _S), ("kind", _S),
                  ("parties", _L), ("name", _S), ("date_start", _D), ("date_end", _D),
                  ("date_precision", _S), ("date_inferred", _B), ("defense", _B),
                  ("offense", _B), ("neutrality", _B), ("non_aggression", _B),
                  ("consultation", _B), ("polarity", _S), ("sentence", _I), ("evidence", _S),
                  ("attributes", _S)),
    "quantities": (("id", _S), ("document_id", _S), ("measure", _S), ("parties", _L),
                   ("value", _F), ("low", _F), ("high", _F), ("unit", _S), ("year", _I),
                   ("change_pct", _F), ("forecast", _B), ("comparator", _S), ("sentence", _I),
                   ("evidence", _S)),
    "places": (("document_id", _S), ("sentence", _I), ("start_char", _I), ("end_char", _I),
               ("text", _S), ("name", _S), ("geonames_id", _I64), ("feature", _S),
               ("country", _S), ("adm1", _S), ("lat", _F), ("lon", _F), ("reason", _S)),
}
WRITE_ORDER: tuple[str, ...] = tuple(COLUMNS)


def column_names(table: str) -> list[str]:
    return [name for name, _ in COLUMNS[table]]


def arrow_type(name: str) -> pa.DataType:
    import pyarrow as pa

    if name == _L:
        return pa.list_(pa.string())
    return {_S: pa.string(), _I: pa.int32(), _I64: pa.int64(), _F: pa.float64(),
            _B: pa.bool_(), _D: pa.date32()}[name]


def arrow_schema(table: str) -> pa.Schema:
    import pyarrow as pa

    return pa.schema([(name, arrow_type(kind)) for name, kind in COLUMNS[table]])


def arrow_table(table: str, rows: Sequence[Row]) -> pa.Table:
    """Rows as a typed Arrow table; a value of the wrong type raises ``pa.ArrowException``."""
    import pyarrow as pa

    schema = arrow_schema(table)
    columns = list(zip(*rows, strict=True)) if rows else [()] * len(schema)
    return pa.table([pa.array(list(values), type=f.type)
                     for values, f in zip(columns, schema, strict=True)], schema=schema)


@dataclass(slots=True)
class RowBatch:
    """Rows of several documents, table by table, in document order."""

    tables: dict[str, list[Row]] = field(
        default_factory=lambda: {name: [] for name in WRITE_ORDER})
    #: per document: (events, relations, quantities) found, for the ingest report
    found: list[tuple[int, int, int]] = field(default_factory=list)
    #: event dates refused by the store's sanity check (their events keep the fallback date)
    rejections: list[DateRejection] = field(default_factory=list)
    #: documents of the chunk that could not be analysed (stored nowhere, reported)
    failures: list[IngestFailure] = field(default_factory=list)

    def add(self, analysis: DocumentAnalysis) -> None:
        analysis, rejected = check_event_dates(analysis)
        self.rejections.extend(rejected)
        for table, rows in analysis_rows(analysis).items():
            self.tables[table].extend(rows)
        self.found.append((len(analysis.events), len(analysis.relations),
                           len(analysis.quantities)))

    def extend(self, other: RowBatch) -> None:
        for table, rows in other.tables.items():
            self.tables[table].extend(rows)
        self.found.extend(other.found)
        self.rejections.extend(other.rejections)
        self.failures.extend(other.failures)

    @property
    def document_ids(self) -> list[str]:
        return [row[0] for row in self.tables["documents"]]

    @classmethod
    def of(cls, analyses: Iterable[DocumentAnalysis]) -> RowBatch:
        batch = cls()
        for analysis in analyses:
            batch.add(analysis)
        return batch


def analysis_rows(analysis: DocumentAnalysis) -> dict[str, list[Row]]:
    """Every row one analysed document contributes, per table."""
    doc = analysis.document
    return {
        "documents": [(doc.id, doc.date, doc.title, doc.source, doc.url, doc.external_id,
                       doc.text)],
        "sentences": [(doc.id, s.index, s.paragraph, s.start_char, s.end_char, s.text)
                      for s in analysis.parsed.sentences],
        "mentions": [
            (doc.id, m.sentence, m.start_char, m.end_char, m.text,
             m.actor.id if m.actor else None, m.actor.code if m.actor else None,
             m.actor.name if m.actor else None, m.actor.country if m.actor else None,
             m.actor.role if m.actor else None, m.kind)
            for m in analysis.mentions],
        "events": [event_row(doc.id, doc.date, e) for e in analysis.events],
        "relations": [relation_row(doc.id, "text", r) for r in analysis.relations],
        "quantities": [quantity_row(doc.id, q) for q in analysis.quantities],
        "places": [place_row(doc.id, p) for p in analysis.places if p.place is not None],
    }


def event_row(document_id: str, pub_date: date | None, e: Event) -> Row:
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
        # its own merged event until the store's writer merges it (realpolitik.dedup)
        e.id, dedup_key(e.root, s.country if s else None, s.actor if s else None,
                        t.country if t else None, t.actor if t else None,
                        d.start if d else None),
    )


def _event_place(e: Event) -> Row:
    """The v3 place columns, in ``_PLACE`` order."""
    if e.place is None:
        return (None,) * len(_PLACE)
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
