"""Filtered event listings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.store import Store


@dataclass(frozen=True, slots=True)
class EventFilter:
    #: an actor code or its prefix on either side ("RUS" matches RUSGOV and RUSMIL)
    actor: str | None = None
    #: an ISO3 country on either side
    country: str | None = None
    #: a CAMEO code or prefix ("19" matches every fight)
    code: str | None = None
    start: date | None = None
    end: date | None = None
    polarity: str | None = None
    limit: int | None = None

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        if self.actor:
            clauses.append("(source_actor LIKE ? OR target_actor LIKE ?)")
            params += [f"{self.actor.upper()}%"] * 2
        if self.country:
            clauses.append("(source_country = ? OR target_country = ?)")
            params += [self.country.upper()] * 2
        if self.code:
            clauses.append("code LIKE ?")
            params.append(f"{self.code}%")
        if self.start:
            clauses.append("date_end >= ?")
            params.append(self.start)
        if self.end:
            clauses.append("date_start <= ?")
            params.append(self.end)
        if self.polarity:
            clauses.append("polarity = ?")
            params.append(self.polarity)
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


EVENT_COLUMNS = (
    "id", "date_start", "date_end", "date_precision", "date_inferred", "source_actor",
    "source_country", "source_text", "code", "root", "quad_class", "goldstein", "plover",
    "target_actor", "target_country", "target_text", "polarity", "modality", "confidence",
    "evidence", "document_id", "sentence",
)


def find_events(store: Store, flt: EventFilter) -> list[dict[str, Any]]:
    where, params = flt.where()
    limit = f" LIMIT {int(flt.limit)}" if flt.limit else ""
    return store.query_dicts(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events{where} "
        f"ORDER BY date_start, document_id, sentence, id{limit}", params)
