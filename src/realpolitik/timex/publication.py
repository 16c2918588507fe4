"""Publication dates: the ``date`` header, corpus fields and HTML metadata.

A publication date anchors every relative expression of its document, so a malformed or
impossible one ("2026-02-30") is an error naming where it was found, never a guess.
Numeric dates whose day and month could be swapped ("04/05/2026") are refused too.
"""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

from realpolitik.errors import DateHeaderError
from realpolitik.timex.lexicon import load_lexicon

_ISO = re.compile(
    r"(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})"
    r"(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC|GMT)?)?"
)
_COMPACT = re.compile(r"(?P<y>\d{4})(?P<m>\d{2})(?P<d>\d{2})")
_SLASHED_YMD = re.compile(r"(?P<y>\d{4})[/.](?P<m>\d{1,2})[/.](?P<d>\d{1,2})")
_NUMERIC_DMY = re.compile(r"(?P<a>\d{1,2})[/.](?P<b>\d{1,2})[/.](?P<y>\d{4})")
_RFC_2822 = re.compile(r"(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}.*")
_DAY_MONTH_YEAR = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<d>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>[A-Za-z]+\.?),?"
    r"\s+(?P<y>\d{4})", re.IGNORECASE)
_MONTH_DAY_YEAR = re.compile(
    r"(?:[A-Za-z]+,?\s+)?(?P<mon>[A-Za-z]+\.?)\s+(?P<d>\d{1,2})(?:st|nd|rd|th)?,?\s+"
    r"(?P<y>\d{4})", re.IGNORECASE)


def _build(location: str, text: str, year: int, month: int, day: int) -> date:
    if not 1 <= month <= 12:
        raise DateHeaderError(location, f"impossible date {text!r}: there is no month {month}")
    if year < 1:
        raise DateHeaderError(location, f"impossible date {text!r}: year {year}")
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        raise DateHeaderError(
            location, f"impossible date {text!r}: {calendar.month_name[month]} {year} "
            f"has {last} days")
    return date(year, month, day)


def _month_number(word: str) -> int | None:
    return load_lexicon().months.get(word.lower())


def parse_publication_date(text: str, location: str) -> date:
    """The date of a ``date`` header or corpus field.

    Accepts ``YYYY-MM-DD`` (optionally with a time), ``YYYYMMDD``, ``YYYY/MM/DD``,
    ``5 March 2026``, ``March 5, 2026``, RFC 2822 feed dates (``Thu, 05 Mar 2026
    10:00:00 +0000``) and ``DD/MM/YYYY`` when the order is unambiguous. Raises
    :class:`~realpolitik.errors.DateHeaderError` otherwise, naming ``location``.
    """
    if not isinstance(text, str):
        raise DateHeaderError(location, f"a date must be text, got {type(text).__name__}")
    cleaned = " ".join(text.strip().split())
    if not cleaned:
        raise DateHeaderError(location, "empty date")
    for pattern in (_ISO, _COMPACT, _SLASHED_YMD):
        match = pattern.fullmatch(cleaned)
        if match:
            return _build(location, cleaned, int(match["y"]), int(match["m"]), int(match["d"]))
    match = _NUMERIC_DMY.fullmatch(cleaned)
    if match:
        return _numeric(location, cleaned, int(match["a"]), int(match["b"]), int(match["y"]))
    for pattern in (_DAY_MONTH_YEAR, _MONTH_DAY_YEAR):
        match = pattern.fullmatch(cleaned)
        if match:
            number = _month_number(match["mon"])
            if number is not None:
                return _build(location, cleaned, int(match["y"]), number, int(match["d"]))
    if _RFC_2822.fullmatch(cleaned):
        try:
            return parsedate_to_datetime(cleaned).date()
        except (TypeError, ValueError, IndexError, OverflowError) as exc:
            raise DateHeaderError(location, f"impossible date {cleaned!r}: {exc}") from exc
    raise DateHeaderError(
        location, f"cannot read the date {cleaned!r}: use YYYY-MM-DD, e.g. 2026-03-05")


def _numeric(location: str, text: str, a: int, b: int, year: int) -> date:
    if a > 12 and b <= 12:
        return _build(location, text, year, b, a)
    if b > 12 and a <= 12:
        return _build(location, text, year, a, b)
    if a == b:
        return _build(location, text, year, a, b)
    if a > 12 and b > 12:
        raise DateHeaderError(location, f"impossible date {text!r}")
    raise DateHeaderError(
        location, f"ambiguous date {text!r}: day and month could be swapped; use YYYY-MM-DD")


def publication_date_from_html(html: str, location: str) -> date | None:
    """The publication date in an HTML page's metadata (via trafilatura), if it has one.

    Only metadata is read (meta tags, JSON-LD, time elements), not dates guessed from
    the running text. Raises :class:`~realpolitik.errors.DateHeaderError` when the page
    declares a date that is impossible.
    """
    try:
        from trafilatura import extract_metadata
    except ImportError:  # trafilatura is a declared dependency; be robust all the same
        return None
    try:
        metadata = extract_metadata(html, extensive=False)
    except Exception:  # trafilatura raises assorted errors on broken markup
        return None
    value = getattr(metadata, "date", None) if metadata is not None else None
    if not value:
        return None
    if isinstance(value, datetime):
        return value.date()
    return parse_publication_date(str(value), location)
