"""What a store holds at a glance: counts, the dates it covers, events per month by quad
class, the most active dyads and the latest events; plus the stored documents list."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.analysis.events import EVENT_COLUMNS
from realpolitik.analysis.overview import top_dyads
from realpolitik.store import Store

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict",
              4: "material conflict"}
_COUNTED = ("documents", "events", "relations", "quantities", "mentions")


@dataclass(frozen=True, slots=True)
class CorpusSummary:
    counts: dict[str, int]
    #: earliest and latest publication dates of the stored documents
    published: tuple[date | None, date | None]
    #: earliest and latest event dates (as the text dates them)
    happened: tuple[date | None, date | None]
    #: (month, quad class, events) for asserted events
    per_month: list[tuple[date, int, int]]
    top_dyads: list[dict[str, Any]]
    recent_events: list[dict[str, Any]]

    def to_json(self) -> dict[str, Any]:
        def iso(d: date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "counts": self.counts,
            "published": {"from": iso(self.published[0]), "to": iso(self.published[1])},
            "happened": {"from": iso(self.happened[0]), "to": iso(self.happened[1])},
            "per_month": [{"month": m.isoformat(), "quad_class": q, "events": n}
                          for m, q, n in self.per_month],
            "top_dyads": self.top_dyads,
            "recent_events": self.recent_events,
        }


def corpus_summary(store: Store, *, dyads: int = 10, recent: int = 10) -> CorpusSummary:
    counts = {t: int(store.query(f"SELECT count(*) FROM {t}")[0][0]) for t in _COUNTED}
    published = store.query("SELECT min(date), max(date) FROM documents")[0]
    happened = store.query("SELECT min(date_start), max(date_end) FROM events")[0]
    per_month = [(m, int(q), int(n)) for m, q, n in store.query(
        """SELECT CAST(date_trunc('month', date_start) AS DATE) AS month, quad_class, count(*)
           FROM events WHERE polarity = 'asserted' AND date_start IS NOT NULL
           GROUP BY ALL ORDER BY month, quad_class""")]
    latest = store.query_dicts(
        f"SELECT {', '.join(EVENT_COLUMNS)} FROM events "
        "ORDER BY date_start DESC NULLS LAST, document_id, sentence, id LIMIT ?", [recent])
    return CorpusSummary(counts, (published[0], published[1]), (happened[0], happened[1]),
                         per_month, top_dyads(store, limit=dyads), latest)


DOCUMENT_COLUMNS = ("id", "date", "title", "source", "url", "external_id")


def list_documents(store: Store, *, text: str | None = None, offset: int = 0,
                   limit: int = 50) -> tuple[int, list[dict[str, Any]]]:
    """Stored documents, newest first, with their event counts; optionally those whose
    title contains ``text``. Returns the total and one page."""
    where, params = "", []
    if text and text.strip():
        special = str.maketrans({"\\": "\\\\", "%": "\\%", "_": "\\_"})
        where = " WHERE d.title ILIKE ? ESCAPE '\\'"
        params.append(f"%{text.strip().translate(special)}%")
    total = int(store.query(f"SELECT count(*) FROM documents d{where}", params)[0][0])
    columns = ", ".join(f"d.{c}" for c in DOCUMENT_COLUMNS)
    rows = store.query_dicts(
        f"""SELECT {columns}, (SELECT count(*) FROM events e WHERE e.document_id = d.id)
                   AS events
            FROM documents d{where} ORDER BY d.date DESC NULLS LAST, d.id
            LIMIT ? OFFSET ?""", [*params, limit, offset])
    return total, rows
