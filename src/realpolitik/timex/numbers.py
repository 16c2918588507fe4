"""Amounts written in digits or English words ("15", "fifteen", "twenty-five", "a")."""

from __future__ import annotations

import re

from realpolitik.timex.lexicon import Lexicon

_DIGITS = re.compile(r"\d{1,6}")
_SEPARATOR = re.compile(r"[\s-]+")


def number_pattern(lexicon: Lexicon) -> str:
    """A regex (no groups) matching one amount: digits, a word, or tens-units words."""
    words = sorted(lexicon.numbers, key=len, reverse=True)
    word = "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
    return rf"(?:\d{{1,6}}|(?:{word})(?:[\s-](?:{word}))?)"


def parse_number(text: str, lexicon: Lexicon) -> int | None:
    """The value of an amount, or None when it is not one ("twenty-five" -> 25)."""
    cleaned = " ".join(text.lower().split())
    if _DIGITS.fullmatch(cleaned):
        return int(cleaned)
    if cleaned in lexicon.numbers:
        return lexicon.numbers[cleaned]
    parts = _SEPARATOR.split(cleaned)
    if len(parts) == 2 and all(p in lexicon.numbers for p in parts):
        tens, units = lexicon.numbers[parts[0]], lexicon.numbers[parts[1]]
        if tens >= 20 and tens % 10 == 0 and 1 <= units <= 9:
            return tens + units
    return None
