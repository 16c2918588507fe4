"""Resolving one time-expression string against a publication date.

The project grammar reads the expression first; dateparser is only a fallback for absolute
dates in formats the grammar does not know (it returns nothing for "last May" or "earlier
this month" and moves bare months into the future, which the grammar handles instead).
Resolution never raises on arbitrary text: anything unreadable is ``None``.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from realpolitik.model import DateInterval
from realpolitik.timex import calendar as cal
from realpolitik.timex.grammar import Grammar, Rule
from realpolitik.timex.lexicon import load_discourse, load_lexicon
from realpolitik.timex.resolution import Context, Resolution

_TRAILING = re.compile(r"[\s,.;:!?'\"’”)\]]+$")
_LEADING = re.compile(r"^[\s,;:'\"‘“(\[]+")
_POSSESSIVE = re.compile(r"['’]s\b.*$", re.DOTALL)
_MAX_LENGTH = 200
#: dateparser's periods mapped to the precision of the interval we build from them
_DATEPARSER_PERIODS = {"day": "day", "week": "day", "month": "month", "year": "year"}


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    return Grammar(load_lexicon())


def normalise_expression(text: str) -> str:
    text = " ".join(text.replace("\u00a0", " ").split())
    text = _TRAILING.sub("", _LEADING.sub("", text))
    return text


def analyse_expression(text: str, publication: date, anchor: DateInterval | None = None,
                       *, future: bool | None = False, grammar: Grammar | None = None
                       ) -> Resolution | None:
    """The full reading of an expression: interval, window, role; None if unreadable."""
    if not isinstance(text, str):
        return None
    cleaned = normalise_expression(text)
    if not cleaned or len(cleaned) > _MAX_LENGTH:
        return None
    if cleaned.lower() in load_discourse().vague:
        return None
    grammar = grammar or default_grammar()
    for candidate in _candidates(cleaned):
        ctx = Context(publication, anchor, future)
        found = grammar.read(candidate, ctx)
        if found is not None:
            return _mark(found, ctx)
    return _dateparser_fallback(cleaned, publication, future, grammar)


def _candidates(cleaned: str) -> list[str]:
    """The expression, then without a possessed noun ("last year's war" -> "last year")."""
    out = [cleaned]
    without = _POSSESSIVE.sub("", cleaned).strip()
    if without and without != cleaned:
        out.append(without)
    return out


def _mark(found: Resolution, ctx: Context) -> Resolution:
    return Resolution(found.interval, found.window, found.role, found.point,
                      anaphoric=ctx.used_anchor, relative=ctx.used_publication)


def apply_rule(grammar: Grammar, rule: Rule, match: re.Match[str], publication: date,
               anchor: DateInterval | None, *, future: bool | None = False
               ) -> Resolution | None:
    """The reading of a match found in running text (see :mod:`.scan`)."""
    ctx = Context(publication, anchor, future)
    found = grammar.apply(rule, match, ctx)
    return _mark(found, ctx) if found is not None else None


def resolve_expression(text: str, publication: date, anchor: DateInterval | None = None,
                       *, future: bool = False) -> DateInterval | None:
    """The interval one expression names, relative to ``publication``.

    ``anchor`` is the previous event's date, needed by "two weeks later" or "that year";
    bare months and weekdays mean their last occurrence up to ``publication`` (news
    reports the past), or with ``future`` their next one (the clause is in the future).
    Durations ("within eighteen months") name no interval and give None, as does any text
    that is not a time expression.
    """
    found = analyse_expression(text, publication, anchor, future=future)
    return found.interval if found is not None else None


def _dateparser_fallback(cleaned: str, publication: date, future: bool | None,
                         grammar: Grammar
                         ) -> Resolution | None:
    """Absolute dates in other formats ("Thursday 5 March 2026 10:00 GMT")."""
    if not re.search(r"(?<!\d)(1[0-9]{3}|20[0-9]{2})(?!\d)", cleaned):
        return None  # relative wording is the grammar's job; dateparser misreads it
    if not (re.search(grammar.MONTH, cleaned, re.IGNORECASE) or re.search(r"\d[/.-]\d",
                                                                          cleaned)):
        return None
    parser = _dateparser(bool(future))
    if parser is None:
        return None
    try:
        data: Any = parser.get_date_data(cleaned)
    except Exception:  # dateparser raises assorted errors on odd input; never fatal here
        return None
    found = getattr(data, "date_obj", None)
    period = _DATEPARSER_PERIODS.get(str(getattr(data, "period", "")))
    if not isinstance(found, datetime) or period is None:
        return None
    day = found.date()
    try:
        if period == "day":
            interval = cal.days(day)
        elif period == "month":
            interval = cal.month(day.year, day.month)
        else:
            interval = cal.year(day.year)
    except (ValueError, OverflowError):
        return None
    return Resolution(interval, None, "point", interval)


@lru_cache(maxsize=2)
def _dateparser(future: bool) -> Any:
    try:
        from dateparser.date import DateDataParser
    except ImportError:  # optional at run time: the grammar covers the common formats
        return None
    # a fixed base keeps the fallback deterministic; it only reads absolute dates
    return DateDataParser(languages=["en"], settings={
        "PREFER_DATES_FROM": "future" if future else "past",
        "RELATIVE_BASE": datetime(2000, 1, 1),
        "STRICT_PARSING": False,
    })
