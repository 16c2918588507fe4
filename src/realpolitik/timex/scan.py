"""Finding time expressions in running text with the grammar's patterns.

Every rule is run over the text; overlapping matches are resolved in favour of the longest
(then the earlier rule, so "since 2022" beats "2022"). Matches that are too ambiguous on
their own in running text are dropped or flagged (see :mod:`realpolitik.timex.grammar`):
a lone "May" is a modal verb far more often than a month, a lone "2000" a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from realpolitik.timex.grammar import SCAN_NEEDS_DATE_ENTITY, SCAN_NEVER_ALONE, Grammar, Rule

_POSSESSIVE = re.compile(r"['’]s(?![\w])")
_WORD = re.compile(r"[A-Za-z]+\.?")
#: a bare year or year range introduced by one of these reads as a date
_TEMPORAL_PREFIX = re.compile(
    r"(?:\b(?:in|since|by|until|till|from|during|before|after|between|of|through)\s+)$",
    re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A match in the scanned text: character range, the rule and its match."""

    start: int
    end: int
    rule: Rule
    match: re.Match[str]
    #: the match is a date only if spaCy also labels it one (a bare year, a duration)
    needs_date_entity: bool


def _months_capitalised(text: str, grammar: Grammar) -> bool:
    """Month names that are also common words ("may", "march") must be capitalised."""
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in grammar.lex.ambiguous_months and not word[0].isupper():
            return False
    return True


def scan(text: str, grammar: Grammar) -> list[Candidate]:
    """Non-overlapping expression candidates in ``text``, in text order."""
    found: list[tuple[int, int, int, Candidate]] = []
    fired = grammar.fired_triggers(text)
    any_core = any(rule.trigger in fired for rule in grammar.core_rules)
    for priority, rule in enumerate(grammar.rules):
        if rule.trigger not in fired or (rule.needs_core and not any_core):
            continue
        for match in rule.pattern.finditer(text):
            if rule.name in SCAN_NEVER_ALONE or match.end() == match.start():
                continue
            if not _months_capitalised(match.group(0), grammar):
                continue
            needs_entity = rule.name in SCAN_NEEDS_DATE_ENTITY or (
                rule.name == "year_range"
                and not _TEMPORAL_PREFIX.search(text[max(0, match.start() - 12):match.start()]))
            if rule.name == "month" and match.group(0).lower() in grammar.lex.ambiguous_months:
                continue
            found.append((match.start(), match.end(), priority, Candidate(
                match.start(), match.end(), rule, match, needs_entity)))
    found.sort(key=lambda item: (-(item[1] - item[0]), item[2], item[0]))
    chosen: list[Candidate] = []
    taken: list[tuple[int, int]] = []
    for start, end, _priority, candidate in found:
        if any(start < t_end and t_start < end for t_start, t_end in taken):
            continue
        taken.append((start, end))
        chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


def with_possessive(text: str, end: int) -> int:
    """``end`` moved past a possessive "'s" that directly follows ("last year's war")."""
    match = _POSSESSIVE.match(text, end)
    return match.end() if match else end
