"""Scoring the time stage against a gold file of expressions in sentences.

Each gold line is ``{"text", "date", "expression", "start", "end", "precision"}``: a
sentence (or two, when the expression counts from an earlier date), its publication date,
the expression as written and the interval it names. An expression is correct when the
resolver finds an expression overlapping it whose interval has the same start, end and
precision. Used by ``tests/eval/test_dates_gold.py`` and available to ``realpolitik eval``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from realpolitik.errors import GoldFormatError
from realpolitik.goldfiles import jsonl_records
from realpolitik.model import ParsedDoc
from realpolitik.timex.expression import TimeExpression
from realpolitik.timex.resolver import TimeResolver

_FIELDS = ("text", "date", "expression", "start", "end", "precision")
_PRECISIONS = frozenset({"day", "month", "year", "decade"})


@dataclass(frozen=True, slots=True)
class GoldDate:
    text: str
    publication: date
    expression: str
    start: date
    end: date
    precision: str
    line: int


@dataclass(frozen=True, slots=True)
class DateMiss:
    gold: GoldDate
    #: what the resolver found there ("start..end precision"), or None
    found: str | None


@dataclass(frozen=True, slots=True)
class DateScore:
    total: int
    correct: int
    misses: tuple[DateMiss, ...]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def _date(value: object, where: str) -> date:
    if not isinstance(value, str):
        raise GoldFormatError(f"{where}: expected a YYYY-MM-DD string, got {value!r}")
    try:
        return date.fromisoformat(value)
    except ValueError as exc:
        raise GoldFormatError(f"{where}: {exc}") from exc


def load_gold(path: Path) -> list[GoldDate]:
    """The records of a dates gold file; raises GoldFormatError on a malformed line."""
    records: list[GoldDate] = []
    for number, raw in jsonl_records(path):
        where = f"{path}:{number}"
        if not isinstance(raw, dict) or any(k not in raw for k in _FIELDS):
            raise GoldFormatError(f"{where}: needs the fields {', '.join(_FIELDS)}")
        text, expression = raw["text"], raw["expression"]
        if not isinstance(text, str) or not isinstance(expression, str) or (
                expression not in text):
            raise GoldFormatError(f"{where}: 'expression' must occur in 'text'")
        if raw["precision"] not in _PRECISIONS:
            raise GoldFormatError(f"{where}: unknown precision {raw['precision']!r}")
        records.append(GoldDate(
            text=text, publication=_date(raw["date"], where), expression=expression,
            start=_date(raw["start"], where), end=_date(raw["end"], where),
            precision=raw["precision"], line=number,
        ))
    return records


def _overlap(doc: ParsedDoc, found: TimeExpression, start_char: int, end_char: int) -> int:
    first = doc.tokens[found.start].idx
    last_token = doc.tokens[found.end - 1]
    last = last_token.idx + len(last_token.text)
    return max(0, min(last, end_char) - max(first, start_char))


def score(records: Iterable[GoldDate], docs: Iterable[ParsedDoc],
          resolver: TimeResolver) -> DateScore:
    """Compare each record with the expressions the resolver finds in its parsed text.

    ``docs`` are the parses of the records' texts, in the same order.
    """
    total = correct = 0
    misses: list[DateMiss] = []
    for record, doc in zip(records, docs, strict=True):
        total += 1
        start_char = doc.document.text.find(record.expression)
        end_char = start_char + len(record.expression)
        candidates = [e for e in resolver.expressions(doc)
                      if e.interval is not None and start_char >= 0
                      and _overlap(doc, e, start_char, end_char) > 0]
        best = max(candidates, key=lambda e: _overlap(doc, e, start_char, end_char),
                   default=None)
        got = best.interval if best is not None else None
        if got is not None and (got.start, got.end, got.precision) == (
                record.start, record.end, record.precision):
            correct += 1
            continue
        misses.append(DateMiss(record, None if got is None else
                               f"{got.start}..{got.end} {got.precision} ({best and best.text})"))
    return DateScore(total, correct, tuple(misses))


def score_with(records: list[GoldDate], parse: Callable[[str, date], ParsedDoc],
               resolver: TimeResolver) -> DateScore:
    """:func:`score`, parsing each record's text with ``parse(text, publication)``."""
    return score(records, (parse(r.text, r.publication) for r in records), resolver)
