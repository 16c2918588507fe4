"""Scoring relation and quantity extraction against project gold sets.

Gold formats (JSON Lines, one sentence or short passage per line)::

    {"text", "date", "relations": [{"kind", "parties", "obligations": {5 keys}, "polarity"}]}
    {"text", "date", "quantities": [{"measure", "parties", "value", "low", "high", "unit",
                                     "year", "change_pct", "forecast", "comparator"}]}

Relations match on (kind, parties, polarity); matched treaties also score their five
obligation slots. Quantities match on (measure, value or range, unit, comparator, forecast);
matched ones also score parties (as a set), year and change.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import GoldFormatError
from realpolitik.goldfiles import jsonl_records
from realpolitik.model import (
    OBLIGATION_TYPES,
    Event,
    Mention,
    ParsedDoc,
    Quantity,
    Relation,
)
from realpolitik.relations.dates import DateSource

RelationKey = tuple[str, tuple[str, ...], str]
QuantityKey = tuple[str, str | None, str | None, str | None, str, str, bool]

_RELATION_FIELDS = ("kind", "parties", "obligations", "polarity")
_QUANTITY_FIELDS = ("measure", "parties", "value", "low", "high", "unit", "year",
                    "change_pct", "forecast", "comparator")


@dataclass(frozen=True, slots=True)
class GoldItem:
    text: str
    date: date | None
    expected: tuple[dict[str, Any], ...]
    location: str


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_json(self) -> dict[str, float | int]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn,
                "precision": round(self.precision, 4), "recall": round(self.recall, 4),
                "f1": round(self.f1, 4)}


@dataclass
class Scores:
    """Overall and per-kind (or per-measure) counts, plus slot accuracies of matches."""

    overall: Counts = field(default_factory=Counts)
    by_type: dict[str, Counts] = field(default_factory=dict)
    #: name → [correct, total], e.g. "obligations", "parties", "year", "change_pct"
    slots: dict[str, list[int]] = field(default_factory=dict)
    #: per gold item: the keys missed and the keys invented
    errors: list[dict[str, Any]] = field(default_factory=list)

    def slot_accuracy(self, name: str) -> float:
        correct, total = self.slots.get(name, [0, 0])
        return correct / total if total else 1.0

    def add_slot(self, name: str, ok: bool) -> None:
        pair = self.slots.setdefault(name, [0, 0])
        pair[0] += int(ok)
        pair[1] += 1

    def to_json(self) -> dict[str, Any]:
        return {
            **self.overall.to_json(),
            "by_type": {k: v.to_json() for k, v in sorted(self.by_type.items())},
            "slots": {k: {"correct": c, "total": t, "accuracy": round(c / t, 4) if t else 1.0}
                      for k, (c, t) in sorted(self.slots.items())},
        }


# ---------------------------------------------------------------------- gold files

def load_gold(path: Path, section: str) -> list[GoldItem]:
    """Read a relations or quantities gold file; a malformed line is a GoldFormatError."""
    fields = _RELATION_FIELDS if section == "relations" else _QUANTITY_FIELDS
    items: list[GoldItem] = []
    for n, record in jsonl_records(path):
        where = f"{path}:{n}"
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise GoldFormatError(f"{where}: needs a 'text' string")
        expected = record.get(section)
        if not isinstance(expected, list):
            raise GoldFormatError(f"{where}: needs a '{section}' list")
        for entry in expected:
            missing = [f for f in fields if not isinstance(entry, dict) or f not in entry]
            if missing:
                raise GoldFormatError(f"{where}: an entry lacks {', '.join(missing)}")
        when = None
        if record.get("date"):
            try:
                when = date.fromisoformat(str(record["date"]))
            except ValueError as exc:
                raise GoldFormatError(f"{where}: bad date {record['date']!r}") from exc
        items.append(GoldItem(record["text"], when, tuple(expected), where))
    return items


# ---------------------------------------------------------------------- keys

def relation_key(r: dict[str, Any]) -> RelationKey:
    return (str(r["kind"]), tuple(str(p) for p in r["parties"]), str(r["polarity"]))


def _number(x: Any) -> str | None:
    return None if x is None else f"{float(x):.6g}"


def quantity_key(q: dict[str, Any]) -> QuantityKey:
    return (str(q["measure"]), _number(q["value"]), _number(q["low"]), _number(q["high"]),
            str(q["unit"]), str(q["comparator"]), bool(q["forecast"]))


# ---------------------------------------------------------------------- scoring

def score_relations(gold: list[GoldItem], predicted: list[list[dict[str, Any]]]) -> Scores:
    """Match predicted relation dicts (``Relation.to_json()``) to the gold, item by item."""
    scores = Scores()
    for item, found in zip(gold, predicted, strict=True):
        want = {relation_key(r): r for r in item.expected}
        got = {relation_key(r): r for r in found}
        _count(scores, item, want, got, lambda k: str(k[0]))
        for key in set(want) & set(got):
            if key[0] != "treaty":
                continue
            for name in OBLIGATION_TYPES:
                scores.add_slot("obligations",
                                want[key]["obligations"].get(name) == got[key]["obligations"]
                                .get(name))
    return scores


def score_quantities(gold: list[GoldItem], predicted: list[list[dict[str, Any]]]) -> Scores:
    """Match predicted quantity dicts (``Quantity.to_json()``) to the gold, item by item."""
    scores = Scores()
    for item, found in zip(gold, predicted, strict=True):
        want = {quantity_key(q): q for q in item.expected}
        got = {quantity_key(q): q for q in found}
        _count(scores, item, want, got, lambda k: str(k[0]))
        for key in set(want) & set(got):
            w, g = want[key], got[key]
            scores.add_slot("parties", set(w["parties"]) == set(g["parties"]))
            scores.add_slot("year", w["year"] == g["year"])
            scores.add_slot("change_pct", _number(w["change_pct"]) == _number(g["change_pct"]))
    return scores


def _count(scores: Scores, item: GoldItem, want: dict[Any, Any], got: dict[Any, Any],
           kind_of: Callable[[Any], str]) -> None:
    hits, missed, extra = set(want) & set(got), set(want) - set(got), set(got) - set(want)
    scores.overall.tp += len(hits)
    scores.overall.fn += len(missed)
    scores.overall.fp += len(extra)
    tally: Counter[tuple[str, str]] = Counter()
    for keys, what in ((hits, "tp"), (missed, "fn"), (extra, "fp")):
        for k in keys:
            tally[(kind_of(k), what)] += 1
    for (kind, what), n in tally.items():
        counts = scores.by_type.setdefault(kind, Counts())
        setattr(counts, what, getattr(counts, what) + n)
    if missed or extra:
        scores.errors.append({"location": item.location, "text": item.text,
                              "missed": sorted(map(str, missed)),
                              "extra": sorted(map(str, extra))})


# ---------------------------------------------------------------------- running

Parse = Callable[[str, date | None, str], ParsedDoc]
Mentions = Callable[[ParsedDoc], list[Mention]]
Relate = Callable[[ParsedDoc, list[Mention], list[Event], DateSource], list[Relation]]
Quantify = Callable[[ParsedDoc, list[Mention], DateSource], list[Quantity]]


def _parsed(gold: list[GoldItem], parse: Parse, mentions: Mentions) -> \
        Iterator[tuple[ParsedDoc, list[Mention]]]:
    for item in gold:
        doc = parse(item.text, item.date, item.location)
        yield doc, mentions(doc)


def evaluate_relations(path: Path, parse: Parse, mentions: Mentions, relate: Relate,
                       dates: DateSource) -> Scores:
    """Run ``relate`` over a relations gold file and score it (events are not used)."""
    gold = load_gold(path, "relations")
    predicted = [[r.to_json() for r in relate(doc, found, [], dates)]
                 for doc, found in _parsed(gold, parse, mentions)]
    return score_relations(gold, predicted)


def evaluate_quantities(path: Path, parse: Parse, mentions: Mentions, quantify: Quantify,
                        dates: DateSource) -> Scores:
    gold = load_gold(path, "quantities")
    predicted = [[q.to_json() for q in quantify(doc, found, dates)]
                 for doc, found in _parsed(gold, parse, mentions)]
    return score_quantities(gold, predicted)


def evaluate_default(relations_path: Path | None, quantities_path: Path | None,
                     config: Any) -> dict[str, Scores]:
    """Score the shipped pipeline (spaCy, actor resolver, time resolver) on gold files."""
    from realpolitik.actors import ActorResolver, KnowledgeBase
    from realpolitik.nlp import NlpStage
    from realpolitik.quantities import QuantityExtractor
    from realpolitik.relations.extractor import RelationExtractor
    from realpolitik.timex import TimeResolver

    nlp = NlpStage(config)
    resolver = ActorResolver(KnowledgeBase.load(config))
    dates = TimeResolver(config)

    def parse(text: str, when: date | None, source: str) -> ParsedDoc:
        return nlp.parse_text(text, when=when, source=source)

    out: dict[str, Scores] = {}
    if relations_path is not None:
        out["relations"] = evaluate_relations(relations_path, parse, resolver.resolve_document,
                                              RelationExtractor(config).extract, dates)
    if quantities_path is not None:
        out["quantities"] = evaluate_quantities(quantities_path, parse,
                                                resolver.resolve_document,
                                                QuantityExtractor(config).extract, dates)
    return out
