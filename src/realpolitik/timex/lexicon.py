"""The word lists of the time stage, loaded from ``data/timex/*.yaml``.

Everything language-specific (month names, number words, seasons, holidays, the dependency
labels that bound a clause) lives in those files; this module only validates and freezes
them so that the grammar and the resolver can rely on their shape.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from realpolitik.datafiles import data_file, read_yaml_mapping, word_list
from realpolitik.errors import DataFileError


@dataclass(frozen=True, slots=True)
class Lexicon:
    #: every spelling of a month (lower case) -> month number 1..12
    months: dict[str, int]
    ambiguous_months: frozenset[str]
    #: weekday name -> 0 (Monday) .. 6 (Sunday)
    weekdays: dict[str, int]
    day_parts: tuple[str, ...]
    numbers: dict[str, int]
    ordinals: dict[str, int]
    units: dict[str, str]
    approximators: tuple[str, ...]
    #: season -> first month
    seasons: dict[str, int]
    decade_words: dict[str, int]
    year_parts: dict[str, tuple[int, int]]
    month_parts: dict[str, tuple[int, int]]
    holidays_fixed: dict[str, tuple[int, int]]
    holidays_easter: dict[str, int]


@dataclass(frozen=True, slots=True)
class Discourse:
    clause_boundaries: frozenset[str]
    simultaneity_markers: frozenset[str]
    noun_dating_clauses: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    past_tags: frozenset[str]
    carry_blockers: tuple[str, ...]
    vague: frozenset[str]


def _data_dir() -> Path:
    return Path(str(data_file("timex")))


def _int_map(raw: dict[str, Any], key: str, path: Path) -> dict[str, int]:
    value = raw.get(key)
    if not isinstance(value, dict) or not all(
        isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)
        for k, v in value.items()
    ):
        raise DataFileError(f"{path}: {key!r} must map words to integers")
    return {k.lower(): v for k, v in value.items()}


def _pair_map(raw: dict[str, Any], key: str, path: Path) -> dict[str, tuple[int, int]]:
    value = raw.get(key)
    if not isinstance(value, dict):
        raise DataFileError(f"{path}: {key!r} must map words to [int, int] pairs")
    out: dict[str, tuple[int, int]] = {}
    for k, v in value.items():
        if not (isinstance(v, list) and len(v) == 2 and all(isinstance(x, int) for x in v)):
            raise DataFileError(f"{path}: {key}.{k} must be a pair of integers")
        out[str(k).lower()] = (v[0], v[1])
    return out


def parse_lexicon(raw: dict[str, Any], path: Path) -> Lexicon:
    months_raw = raw.get("months")
    if not isinstance(months_raw, dict) or len(months_raw) != 12:
        raise DataFileError(f"{path}: 'months' must list the twelve months")
    months: dict[str, int] = {}
    for number, (name, spellings) in enumerate(months_raw.items(), start=1):
        if not isinstance(spellings, list):
            raise DataFileError(f"{path}: months.{name} must be a list of spellings")
        for spelling in spellings:
            months[str(spelling).lower()] = number
    weekdays = word_list(raw, "weekdays", path)
    if len(weekdays) != 7:
        raise DataFileError(f"{path}: 'weekdays' must list seven days, Monday first")
    units = raw.get("units")
    allowed_units = {"day", "week", "fortnight", "month", "year", "decade"}
    if not isinstance(units, dict) or not set(units.values()) <= allowed_units:
        raise DataFileError(f"{path}: 'units' must map words to {sorted(allowed_units)}")
    seasons = _int_map(raw, "seasons", path)
    if not all(1 <= m <= 12 for m in seasons.values()):
        raise DataFileError(f"{path}: season months must be 1..12")
    return Lexicon(
        months=months,
        ambiguous_months=frozenset(word_list(raw, "ambiguous_months", path)),
        weekdays={w: i for i, w in enumerate(weekdays)},
        day_parts=word_list(raw, "day_parts", path),
        numbers=_int_map(raw, "numbers", path),
        ordinals=_int_map(raw, "ordinals", path),
        units={str(k).lower(): str(v) for k, v in units.items()},
        approximators=word_list(raw, "approximators", path),
        seasons=seasons,
        decade_words=_int_map(raw, "decade_words", path),
        year_parts=_pair_map(raw, "year_parts", path),
        month_parts=_pair_map(raw, "month_parts", path),
        holidays_fixed=_pair_map(raw, "holidays_fixed", path),
        holidays_easter=_int_map(raw, "holidays_easter", path),
    )


def parse_discourse(raw: dict[str, Any], path: Path) -> Discourse:
    return Discourse(
        clause_boundaries=frozenset(word_list(raw, "clause_boundaries", path)),
        simultaneity_markers=frozenset(word_list(raw, "simultaneity_markers", path)),
        noun_dating_clauses=frozenset(word_list(raw, "noun_dating_clauses", path)),
        future_auxiliaries=frozenset(word_list(raw, "future_auxiliaries", path)),
        future_governors=frozenset(word_list(raw, "future_governors", path)),
        past_tags=frozenset(t.upper() for t in word_list(raw, "past_tags", path)),
        carry_blockers=word_list(raw, "carry_blockers", path),
        vague=frozenset(word_list(raw, "vague", path)),
    )


@lru_cache(maxsize=4)
def load_lexicon(directory: Path | None = None) -> Lexicon:
    """The grammar's word lists; ``directory`` overrides the bundled data (for tests)."""
    path = (directory or _data_dir()) / "lexicon.yaml"
    return parse_lexicon(read_yaml_mapping(path), path)


@lru_cache(maxsize=4)
def load_discourse(directory: Path | None = None) -> Discourse:
    path = (directory or _data_dir()) / "discourse.yaml"
    return parse_discourse(read_yaml_mapping(path), path)
