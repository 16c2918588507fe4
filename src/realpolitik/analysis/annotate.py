"""A document with everything the pipeline decided about it marked on its text.

Each mark is a character range of one kind (event trigger, actor mention, date expression,
relation, figure) with the record that explains it: CAMEO code and label, Goldstein,
polarity, modality, how the date was found, confidence. The same answer is built from a
stored document (:func:`annotate_stored`) and from a fresh analysis that was never stored
(:func:`annotate_analysis`), so the browser shows both the same way.

Relations and figures are stored per sentence, not per word: a relation is marked on its
name where the sentence contains it, otherwise (like a figure) on the whole sentence.
Stored documents keep no time expressions, so their dates are found again in each sentence
with the time grammar and read against the publication date; a fresh analysis has the time
stage's own expressions.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from realpolitik.analysis.corpus import QUAD_NAMES
from realpolitik.errors import NotFoundError
from realpolitik.events.codebook import default_codebook
from realpolitik.model import DocumentAnalysis, Event, Mention, Quantity, Relation
from realpolitik.store import Store
from realpolitik.timex import TimeExpression
from realpolitik.timex.resolve import apply_rule, default_grammar
from realpolitik.timex.scan import scan

KINDS = ("event", "mention", "date", "relation", "figure")


@dataclass(frozen=True, slots=True)
class Mark:
    kind: str
    id: str
    start: int
    end: int
    sentence: int | None
    #: a few words for a tooltip: "111 Criticize or denounce", "RUSGOV", "last May"
    label: str
    record: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, "id": self.id, "start": self.start, "end": self.end,
                "sentence": self.sentence, "label": self.label, "record": self.record}


@dataclass(frozen=True, slots=True)
class Segment:
    """A stretch of text inside one sentence covered by the same marks."""

    text: str
    sentence: int | None
    marks: tuple[str, ...]
    kinds: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class AnnotatedDocument:
    document: dict[str, Any]
    text: str
    #: (index, start_char, end_char) of each sentence
    sentences: tuple[tuple[int, int, int], ...]
    marks: tuple[Mark, ...]

    def segments(self) -> list[Segment]:
        """The text cut at every sentence and mark boundary, each piece with its marks."""
        # a sentence ends at its last visible character: the blank lines after it are
        # between sentences, not part of the one a reader is pointed to
        sentence_at = sorted(((i, s, s + len(self.text[s:e].rstrip()))
                              for i, s, e in self.sentences), key=lambda x: x[1])
        cuts = {0, len(self.text)}
        for _, start, end in sentence_at:
            cuts.update((start, end))
        for mark in self.marks:
            cuts.update((mark.start, mark.end))
        points = sorted(c for c in cuts if 0 <= c <= len(self.text))
        out: list[Segment] = []
        for start, end in itertools.pairwise(points):
            if start == end:
                continue
            sentence = next((i for i, s, e in sentence_at if s <= start < e), None)
            covering = [m for m in self.marks if m.start <= start and end <= m.end]
            out.append(Segment(self.text[start:end], sentence, tuple(m.id for m in covering),
                               tuple(dict.fromkeys(m.kind for m in covering))))
        return out

    def counts(self) -> dict[str, int]:
        return {kind: sum(1 for m in self.marks if m.kind == kind) for kind in KINDS}

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "text": self.text,
                "sentences": [{"index": i, "start": s, "end": e} for i, s, e in self.sentences],
                "marks": [m.to_json() for m in self.marks]}


# -- records ---------------------------------------------------------------------------
def _date_basis(precision: str | None, inferred: bool | None) -> str:
    if precision is None:
        return "undated"
    if inferred:
        return "publication date (nothing in the sentence dates it)"
    return f"from the text, to the {precision}"


def event_mark(row: dict[str, Any]) -> Mark:
    """A mark from an event in the store's column names."""
    cameo = default_codebook().get(row["code"])
    label = cameo.name if cameo else "unknown code"
    start, end = row.get("span_start"), row.get("span_end")
    record = {
        "code": row["code"], "label": label, "root": row["root"],
        "quad_class": f"{row['quad_class']} ({QUAD_NAMES.get(row['quad_class'], '?')})",
        "goldstein": row["goldstein"], "plover": row["plover"],
        "source": _who(row, "source"), "target": _who(row, "target"),
        "polarity": row["polarity"], "modality": row["modality"],
        "date": _interval(row["date_start"], row["date_end"], row["date_precision"]),
        "date_basis": _date_basis(row["date_precision"], row["date_inferred"]),
        "confidence": round(float(row["confidence"]), 3),
        "main_event": bool(row.get("is_root")), "trigger": row.get("trigger"),
        "sentence": row["sentence"], "id": row["id"],
    }
    return Mark("event", f"event:{row['id']}", int(start or 0), int(end or 0), row["sentence"],
                f"{row['code']} {label}", record)


def _who(row: dict[str, Any], side: str) -> str | None:
    text, actor, country = (row[f"{side}_text"], row[f"{side}_actor"], row[f"{side}_country"])
    if text is None and actor is None:
        return None
    code = actor or country or "unresolved"
    return f"{code} ({text})" if text else code


def _interval(start: date | None, end: date | None, precision: str | None) -> str | None:
    if start is None:
        return None
    span = start.isoformat() if end in (None, start) else f"{start} to {end}"
    return f"{span} ({precision})" if precision else span


def _mention_mark(n: int, row: dict[str, Any]) -> Mark:
    resolved = row["actor"] is not None
    record = {"text": row["text"], "actor": row["actor"], "name": row["name"],
              "country": row["country"], "role": row["role"], "kind": row["kind"],
              "resolved": "yes" if resolved else "no: the knowledge base does not know it"}
    return Mark("mention", f"mention:{n}", row["start_char"], row["end_char"], row["sentence"],
                row["actor"] or "unresolved", record)


def _relation_record(row: dict[str, Any]) -> dict[str, Any]:
    obligations = [k for k in ("defense", "offense", "neutrality", "non_aggression",
                               "consultation") if row.get(k)]
    denied = [k for k in ("defense", "offense", "neutrality", "non_aggression",
                          "consultation") if row.get(k) is False]
    return {"kind": row["kind"], "parties": ", ".join(row["parties"] or ()),
            "name": row["name"], "polarity": row["polarity"],
            "date": _interval(row["date_start"], row["date_end"], row["date_precision"]),
            "obligations": ", ".join(obligations) or None,
            "explicitly_absent": ", ".join(denied) or None, "id": row["id"]}


def _figure_record(row: dict[str, Any]) -> dict[str, Any]:
    return {"measure": row["measure"], "parties": ", ".join(row["parties"] or ()),
            "value": row["value"], "low": row["low"], "high": row["high"], "unit": row["unit"],
            "year": row["year"], "change_pct": row["change_pct"],
            "forecast": bool(row["forecast"]), "comparator": row["comparator"], "id": row["id"]}


def _sentence_level(kind: str, row: dict[str, Any], record: dict[str, Any], label: str,
                    text: str, sentences: dict[int, tuple[int, int]]) -> Mark | None:
    bounds = sentences.get(row["sentence"])
    if bounds is None:
        return None
    start, end = bounds
    name = row.get("name")
    if name:
        at = text.find(name, start, end)
        if at >= 0:
            start, end = at, at + len(name)
    return Mark(kind, f"{kind}:{row['id']}", start, end, row["sentence"], label, record)


def _date_mark(n: int, sentence: int, start: int, end: int, text: str,
               interval: str | None, how: str) -> Mark:
    return Mark("date", f"date:{n}", start, end, sentence, text,
                {"text": text, "reads_as": interval or "a duration or an unreadable date",
                 "how": how})


def _scanned_dates(text: str, sentences: Sequence[tuple[int, int, int]],
                   published: date | None) -> list[Mark]:
    grammar = default_grammar()
    marks: list[Mark] = []
    for index, start, end in sentences:
        for cand in scan(text[start:end], grammar):
            if cand.needs_date_entity:
                continue
            reading = (apply_rule(grammar, cand.rule, cand.match, published, None)
                       if published else None)
            interval = reading.interval if reading else None
            marks.append(_date_mark(
                len(marks), index, start + cand.start, start + cand.end,
                text[start + cand.start:start + cand.end],
                _interval(interval.start, interval.end, interval.precision) if interval else None,
                "found again by the time grammar, read against the publication date"))
    return marks


def _assemble(document: dict[str, Any], text: str, sentences: Sequence[tuple[int, int, int]],
              groups: Iterable[Iterable[Mark | None]]) -> AnnotatedDocument:
    marks = [m for group in groups for m in group
             if m is not None and 0 <= m.start < m.end <= len(text)]
    return AnnotatedDocument(document, text, tuple(sentences), tuple(marks))


# -- from the store ----------------------------------------------------------------------
def annotate_stored(store: Store, document_id: str) -> AnnotatedDocument:
    docs = store.query_dicts(
        "SELECT id, date, title, source, url, external_id, text FROM documents WHERE id = ?",
        [document_id])
    if not docs:
        raise NotFoundError(f"no document with id {document_id!r}")
    doc = docs[0]
    text = str(doc.pop("text") or "")
    sentences = [(int(i), int(s), int(e)) for i, s, e in store.query(
        "SELECT idx, start_char, end_char FROM sentences WHERE document_id = ? ORDER BY idx",
        [document_id])]
    bounds = {i: (s, e) for i, s, e in sentences}
    events = store.query_dicts(
        "SELECT * FROM events WHERE document_id = ? ORDER BY sentence, span_start, id",
        [document_id])
    mentions = store.query_dicts(
        "SELECT * FROM mentions WHERE document_id = ? ORDER BY sentence, start_char",
        [document_id])
    relations = store.query_dicts(
        "SELECT * FROM relations WHERE document_id = ? ORDER BY sentence, id", [document_id])
    figures = store.query_dicts(
        "SELECT * FROM quantities WHERE document_id = ? ORDER BY sentence, id", [document_id])
    return _assemble(doc, text, sentences, [
        (event_mark(r) for r in events),
        (_mention_mark(n, r) for n, r in enumerate(mentions)),
        _scanned_dates(text, sentences, doc["date"]),
        (_sentence_level("relation", r, _relation_record(r), r["kind"], text, bounds)
         for r in relations),
        (_sentence_level("figure", r, _figure_record(r), r["measure"], text, bounds)
         for r in figures),
    ])


# -- from a fresh analysis ----------------------------------------------------------------
def _event_row(e: Event) -> dict[str, Any]:
    row: dict[str, Any] = {
        "id": e.id, "code": e.code, "root": e.root, "quad_class": e.quad_class,
        "goldstein": e.goldstein, "plover": e.plover, "polarity": e.polarity,
        "modality": e.modality, "sentence": e.sentence, "confidence": e.confidence,
        "span_start": e.span[0], "span_end": e.span[1], "trigger": e.trigger,
        "is_root": e.is_root, "evidence": e.evidence,
        "date_start": e.date.start if e.date else None,
        "date_end": e.date.end if e.date else None,
        "date_precision": e.date.precision if e.date else None,
        "date_inferred": e.date.inferred if e.date else None,
    }
    for side, who in (("source", e.source), ("target", e.target)):
        row.update({f"{side}_text": who.text if who else None,
                    f"{side}_actor": who.actor if who else None,
                    f"{side}_country": who.country if who else None})
    return row


def _mention_row(m: Mention) -> dict[str, Any]:
    a = m.actor
    return {"sentence": m.sentence, "start_char": m.start_char, "end_char": m.end_char,
            "text": m.text, "actor": a.code if a else None, "name": a.name if a else None,
            "country": a.country if a else None, "role": a.role if a else None,
            "kind": m.kind}


def _relation_row(r: Relation) -> dict[str, Any]:
    d = r.date
    return {"id": r.id, "kind": r.kind, "parties": list(r.parties), "name": r.name,
            "polarity": r.polarity, "sentence": r.sentence,
            "date_start": d.start if d else None, "date_end": d.end if d else None,
            "date_precision": d.precision if d else None, **r.obligations.to_json()}


def _figure_row(q: Quantity) -> dict[str, Any]:
    return {"id": q.id, "measure": q.measure, "parties": list(q.parties), "value": q.value,
            "low": q.low, "high": q.high, "unit": q.unit, "year": q.year,
            "change_pct": q.change_pct, "forecast": q.forecast, "comparator": q.comparator,
            "sentence": q.sentence}


def annotate_analysis(analysis: DocumentAnalysis,
                      expressions: Sequence[TimeExpression] = ()) -> AnnotatedDocument:
    """The same marks for an analysis that was never stored; ``expressions`` are the time
    stage's own (``TimeResolver.expressions``)."""
    parsed = analysis.parsed
    doc = parsed.document
    text = doc.text
    sentences = [(s.index, s.start_char, s.end_char) for s in parsed.sentences]
    bounds = {i: (s, e) for i, s, e in sentences}
    dates: list[Mark] = []
    for x in expressions:
        if not (0 <= x.start < x.end <= len(parsed.tokens)):
            continue
        first, last = parsed.tokens[x.start], parsed.tokens[x.end - 1]
        interval = x.interval
        dates.append(_date_mark(
            len(dates), x.sentence, first.idx, last.idx + len(last.text), x.text,
            _interval(interval.start, interval.end, interval.precision) if interval else None,
            f"time stage ({x.role})"))
    document = {"id": doc.id, "date": doc.date, "title": doc.title, "source": doc.source,
                "url": doc.url, "external_id": doc.external_id}
    return _assemble(document, text, sentences, [
        (event_mark(_event_row(e)) for e in analysis.events),
        (_mention_mark(n, _mention_row(m)) for n, m in enumerate(analysis.mentions)),
        dates,
        (_sentence_level("relation", row, _relation_record(row), r.kind, text, bounds)
         for r in analysis.relations for row in [_relation_row(r)]),
        (_sentence_level("figure", row, _figure_record(row), q.measure, text, bounds)
         for q in analysis.quantities for row in [_figure_row(q)]),
    ])
