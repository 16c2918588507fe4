"""Scoring the event coder against gold files.

Two gold formats are read:

* realpolitik's own: ``{"text", "date", "events": [{"source", "target", "code",
  "polarity"}]}`` where source and target are ISO3 countries or actor codes (null when the
  text names none);
* the CAMEO manual examples: ``{"cameo_code", "root", "text"}`` (code only).

Precision, recall and F1 are computed on multisets of keys per sentence: the root, the full
code, (root, source), (root, target) and (root, polarity). A negated event predicted as
asserted is counted separately because it is the worst error an event coder can make.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import GoldFormatError
from realpolitik.events.codebook import default_codebook
from realpolitik.goldfiles import jsonl_records
from realpolitik.model import Event, party

METRICS = ("root", "code", "source", "target", "polarity")


@dataclass(frozen=True, slots=True)
class GoldEvent:
    code: str
    source: str | None
    target: str | None
    polarity: str = "asserted"
    modality: str | None = None

    @property
    def root(self) -> str:
        return self.code[:2]


@dataclass(frozen=True, slots=True)
class GoldSentence:
    text: str
    date: date | None
    #: for code-only gold (CAMEO manual examples) one event with the code and no actors
    events: tuple[GoldEvent, ...]
    code_only: bool = False
    line: int = 0


@dataclass(slots=True)
class Counts:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def add(self, gold: Iterable[Any], predicted: Iterable[Any]) -> None:
        g, p = Counter(gold), Counter(predicted)
        self.tp += sum((g & p).values())
        self.gold += sum(g.values())
        self.predicted += sum(p.values())

    def scores(self) -> dict[str, float]:
        precision = self.tp / self.predicted if self.predicted else 0.0
        recall = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {"precision": round(precision, 4), "recall": round(recall, 4),
                "f1": round(f1, 4), "tp": self.tp, "predicted": self.predicted,
                "gold": self.gold}


@dataclass(slots=True)
class EventReport:
    sentences: int = 0
    counts: dict[str, Counts] = field(default_factory=lambda: {m: Counts() for m in METRICS})
    #: code-only gold: is the gold root among the predicted roots / the top prediction's?
    code_only_total: int = 0
    code_only_root_hits: int = 0
    code_only_code_hits: int = 0
    negated_as_asserted: int = 0
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses_by_code: Counter[str] = field(default_factory=Counter)
    gold_by_code: Counter[str] = field(default_factory=Counter)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"sentences": self.sentences}
        for metric, counts in self.counts.items():
            if counts.gold or counts.predicted:
                out[metric] = counts.scores()
        if self.code_only_total:
            out["code_only"] = {
                "examples": self.code_only_total,
                "root_accuracy": round(self.code_only_root_hits / self.code_only_total, 4),
                "code_accuracy": round(self.code_only_code_hits / self.code_only_total, 4),
            }
        out["negated_coded_as_asserted"] = self.negated_as_asserted
        out["root_confusion"] = [
            {"gold": g, "predicted": p, "count": n}
            for (g, p), n in sorted(self.confusion.items(), key=lambda kv: (-kv[1], kv[0]))
        ]
        out["worst_codes"] = [
            {"code": code, "missed": missed, "gold": self.gold_by_code[code],
             "recall": round(1 - missed / self.gold_by_code[code], 4)}
            for code, missed in self.misses_by_code.most_common(15)
        ]
        return out


def _party(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return str(value).upper()


def read_gold(path: Path) -> list[GoldSentence]:
    """Read either gold format; malformed lines raise :class:`GoldFormatError`."""
    out = [_gold_sentence(record, f"{path}:{number}", number)
           for number, record in jsonl_records(path)]
    if not out:
        raise GoldFormatError(f"{path}: no gold records")
    return out


def _cameo(value: Any, where: str) -> str:
    """A gold code must be one of CAMEO's: a typo would otherwise score as a miss."""
    code = str(value).strip()
    if code not in default_codebook():
        raise GoldFormatError(f"{where}: {value!r} is not a CAMEO code")
    return code


def _gold_sentence(record: Any, where: str, number: int) -> GoldSentence:
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise GoldFormatError(f"{where}: a gold record needs a 'text' string")
    when = None
    if record.get("date"):
        try:
            raw = str(record["date"])
            when = date.fromisoformat(raw if "-" in raw else f"{raw[:4]}-{raw[4:6]}-{raw[6:8]}")
        except ValueError:
            raise GoldFormatError(f"{where}: bad date {record['date']!r}") from None
    if "cameo_code" in record:
        code = _cameo(record["cameo_code"], where)
        return GoldSentence(record["text"], when, (GoldEvent(code, None, None),),
                            code_only=True, line=number)
    events = record.get("events")
    if not isinstance(events, list):
        raise GoldFormatError(f"{where}: a gold record needs an 'events' list or 'cameo_code'")
    gold: list[GoldEvent] = []
    for e in events:
        if not isinstance(e, dict) or not e.get("code"):
            raise GoldFormatError(f"{where}: each gold event needs a 'code'")
        polarity = e.get("polarity", "asserted")
        if polarity not in ("asserted", "negated"):
            raise GoldFormatError(f"{where}: polarity must be asserted or negated")
        gold.append(GoldEvent(_cameo(e["code"], where), _party(e.get("source")),
                              _party(e.get("target")),
                              polarity, e.get("modality")))
    return GoldSentence(record["text"], when, tuple(gold), line=number)


def predicted_party(event: Event, side: str) -> str | None:
    return party(event.source if side == "source" else event.target)


def _gold_party(value: str | None, predicted: str | None) -> str | None:
    # gold may give an actor code ("RUSGOV") where the prediction is a country ("RUS")
    if value and predicted and len(value) == 6 and len(predicted) == 3:
        return value[:3]
    return value


def score(gold: Sequence[GoldSentence], predict: Callable[[GoldSentence], list[Event]]
          ) -> EventReport:
    report = EventReport()
    for sentence in gold:
        report.sentences += 1
        predicted = predict(sentence)
        if sentence.code_only:
            _score_code_only(report, sentence, predicted)
        else:
            _score_full(report, sentence, predicted)
    return report


def _score_code_only(report: EventReport, sentence: GoldSentence,
                     predicted: list[Event]) -> None:
    g = sentence.events[0]
    report.code_only_total += 1
    report.gold_by_code[g.code] += 1
    roots = {e.root for e in predicted}
    if g.root in roots:
        report.code_only_root_hits += 1
    else:
        report.misses_by_code[g.code] += 1
        top = max(predicted, key=lambda e: e.confidence).root if predicted else "none"
        report.confusion[(g.root, top)] += 1
    if g.code in {e.code for e in predicted}:
        report.code_only_code_hits += 1


def _score_full(report: EventReport, sentence: GoldSentence, predicted: list[Event]) -> None:
    c = report.counts
    gold = sentence.events
    c["root"].add((g.root for g in gold), (e.root for e in predicted))
    c["code"].add((g.code for g in gold), (e.code for e in predicted))
    c["polarity"].add(((g.root, g.polarity) for g in gold),
                      ((e.root, e.polarity) for e in predicted))
    for side in ("source", "target"):
        preds = [(e.root, predicted_party(e, side)) for e in predicted]
        golds = []
        for g in gold:
            value = getattr(g, side)
            match = next((p for r, p in preds if r == g.root), None)
            golds.append((g.root, _gold_party(value, match)))
        c[side].add(golds, preds)
    predicted_roots = Counter(e.root for e in predicted)
    for g in gold:
        report.gold_by_code[g.code] += 1
        if predicted_roots[g.root]:
            predicted_roots[g.root] -= 1
        else:
            report.misses_by_code[g.code] += 1
            report.confusion[(g.root, "none")] += 1
        if g.polarity == "negated" and any(
                e.root == g.root and e.polarity == "asserted" for e in predicted):
            report.negated_as_asserted += 1
    gold_roots = Counter(g.root for g in gold)
    for e in predicted:
        if gold_roots[e.root]:
            gold_roots[e.root] -= 1
        else:
            report.confusion[("none", e.root)] += 1
