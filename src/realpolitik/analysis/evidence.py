"""Evidence: the sentences an answer rests on, and JSON conversion of answer rows."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any


@dataclass(frozen=True, slots=True)
class Evidence:
    """One sentence (or one reference-data record) that supports part of an answer."""

    text: str
    #: the stored document it comes from; None for reference data
    document_id: str | None
    #: the document's publication date
    date: date | None
    #: sentence index in the document; None for reference data
    sentence: int | None
    #: what it supports: "removal", "tie", "reaction", "attack", "event", ...
    supports: str = ""
    #: "text" or the reference data set ("reference:atop")
    origin: str = "text"

    @property
    def key(self) -> tuple[str | None, str]:
        """A sentence repeated in a document is one piece of evidence."""
        return (self.document_id, self.text)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "document_id": self.document_id,
            "date": self.date.isoformat() if self.date else None,
            "sentence": self.sentence,
            "supports": self.supports,
            "origin": self.origin,
        }


def evidence_from_row(row: Mapping[str, Any], supports: str) -> Evidence:
    """Evidence from a store row with ``evidence``, ``document_id``, ``sentence`` and a date
    column (``pub_date`` for events, ``doc_date`` where a query joined the documents)."""
    origin = str(row.get("origin") or "text")
    return Evidence(
        text=str(row.get("evidence") or ""),
        document_id=row.get("document_id"),
        date=row.get("pub_date") or row.get("doc_date"),
        sentence=row.get("sentence") if origin == "text" else None,
        supports=supports,
        origin=origin,
    )


def unique_evidence(items: Iterable[Evidence], limit: int | None = None) -> tuple[Evidence, ...]:
    """Drop repeated sentences (one sentence often yields several events), keep order."""
    seen: set[tuple[str | None, str]] = set()
    out: list[Evidence] = []
    for item in items:
        if item.key in seen or not item.text:
            continue
        seen.add(item.key)
        out.append(item)
        if limit is not None and len(out) >= limit:
            break
    return tuple(out)


def jsonable(value: Any) -> Any:
    """Dates as ISO strings, dataclasses through their ``to_json``, containers recursively."""
    if isinstance(value, date | datetime):
        return value.isoformat()
    to_json = getattr(value, "to_json", None)
    if callable(to_json):
        return to_json()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: jsonable(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Mapping):
        return {str(k): jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple | set | frozenset):
        return [jsonable(v) for v in value]
    if isinstance(value, float):
        return round(value, 4)
    return value
