"""The events explorer's query: every filter an analyst narrows a listing with, one page at a
time, with the number of rows the whole filter matches.

It extends :class:`~realpolitik.analysis.events.EventFilter` (actor, country, code or root
prefix, dates, polarity) with quad class, modality, a confidence floor, words of the evidence
sentence and paging. Every value reaches DuckDB as a bound parameter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.analysis.events import EVENT_COLUMNS, EventFilter, merged_events_sql
from realpolitik.errors import NotFoundError, QueryError
from realpolitik.store import Store

POLARITIES = ("asserted", "negated")
MODALITIES = ("actual", "future", "hypothetical", "reported", "demanded")
QUAD_CLASSES = (1, 2, 3, 4)
#: the explorer's page sizes are bounded so one request never drains a large store
MAX_PAGE = 1000
#: a download of the whole filter is bounded too (CSV/JSON of the current filter)
MAX_DOWNLOAD = 100_000
_LIKE_SPECIAL = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})


@dataclass(frozen=True, slots=True)
class EventQuery:
    actor: str | None = None
    country: str | None = None
    #: a CAMEO code or prefix: "19" is every fight, "1951" one kind of air strike
    code: str | None = None
    quad_class: int | None = None
    polarity: str | None = None
    modality: str | None = None
    start: date | None = None
    end: date | None = None
    min_confidence: float = 0.0
    #: words that must appear in the evidence sentence (case-insensitive, as written)
    text: str | None = None
    #: only the sentence's main event (GDELT's IsRootEvent)
    root_only: bool = False
    #: every report of an event (a mention), not each merged event once (issue #15)
    mentions: bool = False
    offset: int = 0
    limit: int = 50

    def __post_init__(self) -> None:
        if self.quad_class is not None and self.quad_class not in QUAD_CLASSES:
            raise QueryError(f"quad_class must be 1, 2, 3 or 4, got {self.quad_class}")
        if self.polarity is not None and self.polarity not in POLARITIES:
            raise QueryError(f"polarity must be one of {', '.join(POLARITIES)}, "
                             f"got {self.polarity!r}")
        if self.modality is not None and self.modality not in MODALITIES:
            raise QueryError(f"modality must be one of {', '.join(MODALITIES)}, "
                             f"got {self.modality!r}")
        if not 0.0 <= self.min_confidence <= 1.0:
            raise QueryError(f"min_confidence must be between 0 and 1, got {self.min_confidence}")
        if self.start and self.end and self.end < self.start:
            raise QueryError(f"to {self.end} is before from {self.start}")
        if self.offset < 0:
            raise QueryError(f"offset must not be negative, got {self.offset}")
        if not 1 <= self.limit <= MAX_DOWNLOAD:
            raise QueryError(f"limit must be between 1 and {MAX_DOWNLOAD}, got {self.limit}")
        if self.code is not None and not self.code.isdigit():
            raise QueryError(f"code must be a CAMEO code or prefix of digits, got {self.code!r}")

    def where(self) -> tuple[str, list[Any]]:
        # the actor prefix is matched literally (starts_with); the evidence text is
        # escaped: "%" or "_" in a parameter are letters, never wildcards
        base = EventFilter(country=self.country, code=self.code, start=self.start,
                           end=self.end, polarity=self.polarity)
        where, params = base.where()
        clauses = [where.removeprefix(" WHERE ")] if where else []
        if self.actor:
            clauses.append("(starts_with(source_actor, ?) OR starts_with(target_actor, ?))")
            params += [self.actor.upper()] * 2
        if self.quad_class is not None:
            clauses.append("quad_class = ?")
            params.append(self.quad_class)
        if self.modality:
            clauses.append("modality = ?")
            params.append(self.modality)
        if self.min_confidence > 0:
            clauses.append("confidence >= ?")
            params.append(self.min_confidence)
        if self.text and self.text.strip():
            clauses.append("evidence ILIKE ? ESCAPE '\\'")
            params.append(f"%{self.text.strip().translate(_LIKE_SPECIAL)}%")
        if self.root_only:
            clauses.append("is_root")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params


@dataclass(frozen=True, slots=True)
class EventPage:
    query: EventQuery
    #: how many events the whole filter matches
    total: int
    rows: list[dict[str, Any]]


def explore_events(store: Store, query: EventQuery) -> EventPage:
    """One page of the events matching ``query``, newest first, and the filter's total:
    each merged event once (its earliest matching report, with its counts) or, with
    ``query.mentions``, every report."""
    where, params = query.where()
    what = "count(*)" if query.mentions else "count(DISTINCT cluster_id)"
    total = int(store.query(f"SELECT {what} FROM events{where}", params)[0][0])
    listing = merged_events_sql(where, (*EVENT_COLUMNS, "is_root"), mentions=query.mentions)
    rows = store.query_dicts(
        f"SELECT * FROM ({listing}) "
        "ORDER BY date_start DESC NULLS LAST, document_id, sentence, id LIMIT ? OFFSET ?",
        [*params, query.limit, query.offset])
    return EventPage(query, total, rows)


def get_event(store: Store, event_id: str) -> dict[str, Any]:
    """One stored event by id; :class:`NotFoundError` when there is none."""
    rows = store.query_dicts(
        f"SELECT {', '.join(EVENT_COLUMNS)}, is_root FROM events WHERE id = ?", [event_id])
    if not rows:
        raise NotFoundError(f"no event with id {event_id!r}")
    return rows[0]
