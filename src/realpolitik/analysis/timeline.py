"""timeline: what happened to an actor, or between two, in date order — events, dated
relations (treaties, memberships, transfers) and figures, each with its sentence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.actors.cameo import iso_country
from realpolitik.analysis.events import once_per_event
from realpolitik.analysis.evidence import Evidence, evidence_from_row
from realpolitik.analysis.names import actor_filter
from realpolitik.errors import QueryError
from realpolitik.events.codebook import default_codebook
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause

KINDS = ("event", "relation", "figure")


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    date: date | None
    precision: str | None
    #: event, relation or figure
    kind: str
    #: a one-line account: "RUSGOV -> USA  Criticize or denounce (111)"
    what: str
    #: CAMEO code, relation kind or figure measure
    code: str
    source: str | None
    target: str | None
    polarity: str
    #: the event or relation id
    id: str
    evidence: Evidence

    def table_row(self) -> dict[str, Any]:
        return {"date": self.date, "kind": self.kind, "what": self.what,
                "polarity": self.polarity, "evidence": self.evidence.text}

    def to_json(self) -> dict[str, Any]:
        return {
            "date": self.date.isoformat() if self.date else None,
            "precision": self.precision, "kind": self.kind, "what": self.what,
            "code": self.code, "source": self.source, "target": self.target,
            "polarity": self.polarity, "id": self.id, "evidence": self.evidence.to_json(),
        }


@dataclass(frozen=True, slots=True)
class Timeline:
    a: str
    b: str | None
    start: date | None
    end: date | None
    entries: tuple[TimelineEntry, ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "query": {"a": self.a, "b": self.b,
                      "from": self.start.isoformat() if self.start else None,
                      "to": self.end.isoformat() if self.end else None},
            "rows": [e.to_json() for e in self.entries],
        }


def event_entry(row: dict[str, Any]) -> TimelineEntry:
    """A timeline line from an events row."""
    cameo = default_codebook().get(row["code"])
    name = cameo.name if cameo else "event"
    source = row["source_actor"] or row["source_country"] or row["source_text"] or "?"
    target = row["target_actor"] or row["target_country"] or row["target_text"]
    negated = "NOT " if row["polarity"] == "negated" else ""
    modal = f", {row['modality']}" if row["modality"] not in (None, "actual") else ""
    what = f"{source} -> {target or '-'}  {negated}{name} ({row['code']}){modal}"
    return TimelineEntry(
        date=row["date_start"] or row["pub_date"], precision=row["date_precision"],
        kind="event", what=what, code=row["code"], source=row["source_actor"],
        target=row["target_actor"], polarity=row["polarity"], id=row["id"],
        evidence=evidence_from_row(row, "event"))


def _relation_entry(row: dict[str, Any]) -> TimelineEntry:
    parties = "-".join(row["parties"] or ())
    name = f' "{row["name"]}"' if row["name"] else ""
    negated = "NOT " if row["polarity"] == "negated" else ""
    return TimelineEntry(
        date=row["date_start"] or row["doc_date"], precision=row["date_precision"],
        kind="relation", what=f"{negated}{row['kind'].replace('_', ' ')} {parties}{name}",
        code=row["kind"], source=(row["parties"] or [None])[0],
        target=(row["parties"] or [None, None])[-1], polarity=row["polarity"], id=row["id"],
        evidence=evidence_from_row(row, "relation"))


def _figure_entry(row: dict[str, Any]) -> TimelineEntry:
    parties = "-".join(row["parties"] or ())
    if row["value"] is not None:
        amount = f"{row['value']:,.0f}"
    elif row["low"] is not None or row["high"] is not None:
        amount = f"{row['low'] or 0:,.0f}-{row['high'] or 0:,.0f}"
    else:
        amount = "?"
    change = f" ({row['change_pct']:+.0f}%)" if row["change_pct"] is not None else ""
    forecast = " forecast" if row["forecast"] else ""
    when = date(row["year"], 1, 1) if row["year"] else row["doc_date"]
    return TimelineEntry(
        date=when, precision="year" if row["year"] else "day", kind="figure",
        what=f"{row['measure']} {parties}: {amount} {row['unit']}{change}{forecast}",
        code=row["measure"], source=(row["parties"] or [None])[0],
        target=(row["parties"] or [None, None])[-1], polarity="asserted", id=row["id"],
        evidence=evidence_from_row(row, "figure"))


def timeline(store: Store, a: str, b: str | None = None, *, start: date | None = None,
             end: date | None = None, limit: int | None = None,
             kinds: tuple[str, ...] = KINDS, min_confidence: float = 0.0,
             mentions: bool = False) -> Timeline:
    """Everything dated about ``a`` (or between ``a`` and ``b``), oldest first; events
    below ``min_confidence`` are left out. An event reported by several stories is
    listed once (its earliest matching report) unless ``mentions``."""
    unknown = [k for k in kinds if k not in KINDS]
    if unknown:
        raise QueryError(f"unknown timeline kind(s) {unknown}; choose from {', '.join(KINDS)}")
    spec_a = actor_filter(a)
    spec_b = actor_filter(b) if b else None
    if spec_b == spec_a:
        raise QueryError("a timeline of two actors needs two different ones")
    entries: list[TimelineEntry] = []
    if "event" in kinds:
        entries += [event_entry(r) for r in _events(store, spec_a, spec_b, start, end,
                                                    min_confidence, mentions)]
    countries = [iso_country(spec_a[1][:3]), *([iso_country(spec_b[1][:3])] if spec_b else [])]
    if "relation" in kinds:
        rows = store.query_dicts(
            """SELECT r.*, d.date AS doc_date FROM relations r
               LEFT JOIN documents d ON d.id = r.document_id
               WHERE list_has_all(r.parties, ?)""", [countries])
        entries += [_relation_entry(r) for r in rows]
    if "figure" in kinds:
        rows = store.query_dicts(
            """SELECT q.*, d.date AS doc_date FROM quantities q
               LEFT JOIN documents d ON d.id = q.document_id
               WHERE list_has_all(q.parties, ?)""", [countries])
        entries += [_figure_entry(r) for r in rows]
    entries = [e for e in entries if _inside(e.date, start, end)]
    entries.sort(key=lambda e: (e.date or date.max, KINDS.index(e.kind), e.evidence.document_id
                                or "", e.evidence.sentence or 0, e.id))
    if limit is not None:
        entries = entries[:limit]
    return Timeline(spec_a[1], spec_b[1] if spec_b else None, start, end, tuple(entries))


def _inside(when: date | None, start: date | None, end: date | None) -> bool:
    if when is None:
        return start is None and end is None
    return (start is None or when >= start) and (end is None or when <= end)


def _events(store: Store, spec_a: tuple[str, str], spec_b: tuple[str, str] | None,
            start: date | None, end: date | None, min_confidence: float = 0.0,
            mentions: bool = False) -> list[dict[str, Any]]:
    confident, confident_params = confidence_clause(min_confidence)
    col_a = "actor" if spec_a[0] == "actor" else "country"
    if spec_b is None:
        where = f"(source_{col_a} = ? OR target_{col_a} = ?)"
        params: list[Any] = [spec_a[1], spec_a[1]]
    else:
        col_b = "actor" if spec_b[0] == "actor" else "country"
        where = (f"((source_{col_a} = ? AND target_{col_b} = ?) OR "
                 f"(source_{col_b} = ? AND target_{col_a} = ?))")
        params = [spec_a[1], spec_b[1], spec_b[1], spec_a[1]]
    when = "coalesce(date_start, pub_date)"
    return store.query_dicts(
        f"""SELECT * FROM events WHERE {where}
              AND (?::DATE IS NULL OR {when} >= ?) AND (?::DATE IS NULL OR {when} <= ?)
              AND {confident}{once_per_event(mentions)}
            ORDER BY {when}, document_id, sentence, id""",
        [*params, start, start, end, end, *confident_params])
