"""Reading figures out of text: money, percentages and counts, with ranges and comparators.

``parse_amounts`` works on plain text and never raises: "$9 billion", "9 billion US dollars",
"€1.2bn", "$4 to $5 billion" (a range), "between $10 billion and $12 billion", "less than
100 million euros" (comparator lt), "68 per cent", "12%", "12,000 North Korean troops",
"1.9 million barrels per day". Anything without a currency, a percent sign or a counted unit
("in 2022", "F-16", "71 years") is not an amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from realpolitik.model import Comparator
from realpolitik.quantities.lexicon import AmountLexicon, amount_lexicon

AmountKind = Literal["money", "percent", "count"]
_YEARS = range(1900, 2101)
#: words that may sit between a count and its unit: "12,000 North Korean troops"
_BETWEEN_WORDS = r"(?:(?:of\s+)?(?:its|their|the|his|her|our)\s+)?(?:[A-Za-z][\w'’.-]*\s+){0,2}?"


@dataclass(frozen=True, slots=True)
class Amount:
    """A figure found in text, with character offsets into that text."""

    kind: AmountKind
    value: float | None
    low: float | None
    high: float | None
    unit: str
    comparator: Comparator
    start: int
    end: int
    #: for counts, the measure their unit implies ("troops" → troops)
    measure: str | None = None
    #: a range written "from X to Y", which after a verb of change is a before and after
    from_to: bool = False


def _alternation(words: list[str] | tuple[str, ...] | set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@dataclass(frozen=True, slots=True)
class _Figure:
    """One number with its currency prefix and scale word, as matched."""

    start: int
    end: int
    number: float
    scale: float | None
    short_scale: bool
    prefix: str | None
    #: the number alone, for telling a year from an amount
    bare: bool


class AmountParser:
    """Regular expressions compiled from an :class:`AmountLexicon`."""

    def __init__(self, lexicon: AmountLexicon) -> None:
        self.lexicon = lexicon
        words = _alternation(tuple(lexicon.number_words))
        digits = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+"
        prefix = _alternation(tuple(lexicon.prefixes))
        scales = _alternation(tuple(lexicon.scales))
        self._figure = re.compile(
            rf"(?:(?P<prefix>{prefix})\.?\s?)?(?<![\w.,])(?P<number>{digits}|(?i:{words})\b)"
            rf"(?:\s?(?P<scale>(?i:{scales}))(?![A-Za-z]))?"
        )
        self._suffix = re.compile(rf"\s?(?P<suffix>{_alternation(tuple(lexicon.suffixes))})"
                                  r"(?![A-Za-z])")
        self._percent = re.compile(rf"\s?(?i:{_alternation(lexicon.percent_words)})"
                                   r"(?![A-Za-z])")
        self._unit = re.compile(rf"\s+{_BETWEEN_WORDS}(?P<unit>(?i:"
                                rf"{_alternation(tuple(lexicon.count_units))}))(?![A-Za-z])")
        self._connector = re.compile(r"\s*(?:to|-|–|—|and)\s*\Z", re.IGNORECASE)
        comparators = _alternation(tuple(lexicon.comparators))
        self._comparator = re.compile(rf"(?:^|[^\w])(?P<word>{comparators})\s*\Z",
                                      re.IGNORECASE)

    # ------------------------------------------------------------------ figures
    def _figures(self, text: str) -> list[_Figure]:
        out: list[_Figure] = []
        for m in self._figure.finditer(text):
            number = self._number(m.group("number"))
            if number is None:
                continue
            scale_word = (m.group("scale") or "").lower()
            scale = self.lexicon.scales.get(scale_word) if scale_word else None
            out.append(_Figure(
                start=m.start(), end=m.end(), number=number, scale=scale,
                short_scale=scale_word in self.lexicon.short_scales,
                prefix=m.group("prefix"), bare=not m.group("prefix") and not scale_word,
            ))
        return out

    def _number(self, text: str) -> float | None:
        word = text.lower()
        if word in self.lexicon.number_words:
            return self.lexicon.number_words[word]
        try:
            return float(text.replace(",", ""))
        except ValueError:
            return None

    # ------------------------------------------------------------------ amounts
    def parse(self, text: str) -> list[Amount]:
        figures = self._figures(text)
        amounts: list[Amount] = []
        i = 0
        while i < len(figures):
            first = figures[i]
            second = figures[i + 1] if i + 1 < len(figures) else None
            pair = second is not None and self._joins(text, first, second)
            amount = self._amount(text, first, second if pair else None)
            if amount is None and pair:
                amount = self._amount(text, first, None)
                pair = False
            if amount is not None:
                amounts.append(amount)
            i += 2 if pair and amount is not None else 1
        return amounts

    def _joins(self, text: str, first: _Figure, second: _Figure) -> bool:
        between = text[first.end:second.start]
        if not self._connector.match(between):
            return False
        if between.strip().lower() == "and":
            return text[:first.start].rstrip().lower().endswith("between")
        return True

    def _amount(self, text: str, first: _Figure, second: _Figure | None) -> Amount | None:
        last = second or first
        tail = text[last.end:]
        suffix = self._suffix.match(tail)
        currency = (first.prefix and self.lexicon.prefixes.get(first.prefix)) or \
            (second and second.prefix and self.lexicon.prefixes.get(second.prefix)) or \
            (suffix and self.lexicon.suffixes.get(suffix.group("suffix")))
        end = last.end
        unit: str
        measure: str | None = None
        kind: AmountKind
        if currency:
            kind, unit = "money", currency
            end += suffix.end() if suffix else 0
        elif (percent := self._percent.match(tail)) is not None:
            kind, unit = "percent", "percent"
            end += percent.end()
        elif (count := self._unit.match(tail)) is not None:
            spec = self.lexicon.count_units[count.group("unit").lower()]
            kind, unit, measure = "count", spec.unit, spec.measure
            end += count.end()
        else:
            return None
        if kind != "money" and any(f.short_scale for f in (first, second) if f):
            return None
        if kind == "count" and last.bare and last.number in _YEARS and "," not in \
                text[last.start:last.end]:
            return None
        scale = last.scale or first.scale or 1.0
        high = last.number * (last.scale or scale)
        low = first.number * (first.scale or scale)
        if second is not None:
            if (first.bare and first.number in _YEARS and not second.bare) or low > high:
                return None
            from_to = text[:first.start].rstrip().lower().endswith("from")
            return Amount(kind, None, low, high, unit, "range", first.start, end, measure,
                          from_to)
        return Amount(kind, high, None, None, unit, self._comparator_before(text, first.start),
                      first.start, end, measure)

    def _comparator_before(self, text: str, start: int) -> Comparator:
        before = text[max(0, start - 30):start]
        m = self._comparator.search(before)
        if m is None:
            return "eq"
        found = self.lexicon.comparators[m.group("word").lower()]
        return "gt" if found == "gt" else "lt" if found == "lt" else "approx"


@lru_cache(maxsize=1)
def default_parser() -> AmountParser:
    return AmountParser(amount_lexicon())


def parse_amounts(text: str) -> list[Amount]:
    """Every money amount, percentage and count in ``text``, in text order."""
    return default_parser().parse(text)
