"""Event dates the store refuses, as a pure function over one document's events.

A date before 1800 or more than a year after the document's publication is a misreading
(a clock time such as "1100 GMT" taken for a year, a page number, a forecast horizon read
as a fact), not news. Such a date is replaced by the publication-date fallback, marked as
inferred, and the refusal is returned with its reason so the caller can report it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from realpolitik.model import DateInterval, DocumentAnalysis, Event

#: the earliest event date the store accepts
EARLIEST = date(1800, 1, 1)
#: how far after its publication an event may be dated (a scheduled summit, a deadline)
MAX_AHEAD = timedelta(days=366)


@dataclass(frozen=True, slots=True)
class DateRejection:
    event_id: str
    document_id: str
    start: date
    end: date
    reason: str

    def __str__(self) -> str:
        return f"event {self.event_id} of document {self.document_id}: {self.reason}"


def date_problem(interval: DateInterval, published: date | None) -> str | None:
    """Why the store refuses this event date, or None when it is plausible."""
    if interval.start < EARLIEST:
        return (f"date {interval.start.isoformat()} is before {EARLIEST.year} (a clock time or "
                "a number read as a year)")
    if published is not None and interval.start > published + MAX_AHEAD:
        return (f"date {interval.start.isoformat()} is more than a year after the "
                f"publication date {published.isoformat()}")
    return None


def _fallback(published: date | None) -> DateInterval | None:
    if published is None:
        return None
    return DateInterval(start=published, end=published, precision="day", inferred=True)


def check_event_dates(analysis: DocumentAnalysis
                      ) -> tuple[DocumentAnalysis, list[DateRejection]]:
    """The analysis with refused event dates replaced, and the refusals."""
    published = analysis.document.date
    rejected: list[DateRejection] = []
    events: list[Event] = []
    for event in analysis.events:
        reason = date_problem(event.date, published) if event.date is not None else None
        if reason is None or event.date is None:
            events.append(event)
            continue
        rejected.append(DateRejection(event.id, analysis.document.id, event.date.start,
                                      event.date.end, reason))
        events.append(replace(event, date=_fallback(published)))
    if not rejected:
        return analysis, []
    return replace(analysis, events=events), rejected
