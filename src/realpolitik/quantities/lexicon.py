"""The figure-writing conventions of ``data/quantities/*.yaml``, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from realpolitik.errors import DataFileError
from realpolitik.relations.lexicon import load_data_yaml, words_of

_NUMBERS = "quantities/numbers.yaml"
_CURRENCIES = "quantities/currencies.yaml"
_MEASURES = "quantities/measures.yaml"


def _mapping(table: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = table.get(key)
    if not isinstance(value, dict) or not value:
        raise DataFileError(f"{where}: '{key}' must be a non-empty mapping")
    return {str(k): v for k, v in value.items()}


def _floats(table: dict[str, Any], key: str, where: str) -> dict[str, float]:
    out: dict[str, float] = {}
    for k, v in _mapping(table, key, where).items():
        if isinstance(v, bool) or not isinstance(v, int | float):
            raise DataFileError(f"{where}: {key}.{k} must be a number")
        out[k.lower()] = float(v)
    return out


@dataclass(frozen=True, slots=True)
class CountUnit:
    unit: str
    measure: str


@dataclass(frozen=True, slots=True)
class AmountLexicon:
    """What the figure parser needs: currencies, scales, comparators, units."""

    prefixes: dict[str, str]
    suffixes: dict[str, str]
    scales: dict[str, float]
    short_scales: frozenset[str]
    number_words: dict[str, float]
    comparators: dict[str, str]
    percent_words: tuple[str, ...]
    count_units: dict[str, CountUnit]


@lru_cache(maxsize=1)
def amount_lexicon() -> AmountLexicon:
    numbers = load_data_yaml("quantities", "numbers.yaml")
    currencies = load_data_yaml("quantities", "currencies.yaml")
    comparators: dict[str, str] = {}
    for name, words in _mapping(numbers, "comparators", _NUMBERS).items():
        if name not in ("gt", "lt", "approx") or not isinstance(words, list):
            raise DataFileError(f"{_NUMBERS}: comparators.{name} is not gt/lt/approx")
        comparators.update({str(w).lower(): name for w in words})
    units: dict[str, CountUnit] = {}
    for word, spec in _mapping(numbers, "count_units", _NUMBERS).items():
        if not isinstance(spec, dict) or not {"unit", "measure"} <= set(spec):
            raise DataFileError(f"{_NUMBERS}: count_units.{word} needs unit and measure")
        units[word.lower()] = CountUnit(str(spec["unit"]), str(spec["measure"]))
    return AmountLexicon(
        prefixes={k: str(v) for k, v in _mapping(currencies, "prefixes", _CURRENCIES).items()},
        suffixes={k: str(v) for k, v in _mapping(currencies, "suffixes", _CURRENCIES).items()},
        scales=_floats(numbers, "scales", _NUMBERS),
        short_scales=words_of(numbers, "short_scales", _NUMBERS),
        number_words=_floats(numbers, "number_words", _NUMBERS),
        comparators=comparators,
        percent_words=tuple(sorted(words_of(numbers, "percent_words", _NUMBERS), key=len,
                                   reverse=True)),
        count_units=units,
    )


@dataclass(frozen=True, slots=True)
class MeasureLexicon:
    keywords: dict[str, str]
    directed: frozenset[str]
    casualty_cues: frozenset[str]
    increase_verbs: frozenset[str]
    decrease_verbs: frozenset[str]
    increase_nouns: frozenset[str]
    decrease_nouns: frozenset[str]
    forecast_verbs: frozenset[str]
    forecast_auxiliaries: frozenset[str]
    anaphoric_subjects: frozenset[str]
    superlatives: frozenset[str]
    ordinals: dict[str, float]
    period_openers: frozenset[str]
    contract_words: frozenset[str]
    #: measure → words that say what a deal covers
    contract_contexts: dict[str, frozenset[str]]
    price_words: frozenset[str]
    share_words: frozenset[str]
    #: measures that are rates: a percentage is their level, never a price
    rate_measures: frozenset[str]
    #: measures a count of people can be ("2.6 million unemployed")
    people_measures: frozenset[str]
    needs_party: frozenset[str]
    #: prepositions whose object receives what is measured ("aid to Ukraine")
    receiving_preps: frozenset[str]
    #: prepositions whose object is a party of the figure (the receiving ones included)
    party_preps: frozenset[str]
    #: verbs whose subject receives ("India imported ... Russian crude")
    receiving_verbs: frozenset[str]


@lru_cache(maxsize=1)
def measure_lexicon() -> MeasureLexicon:
    table = load_data_yaml("quantities", "measures.yaml")
    keywords: dict[str, str] = {}
    for measure, words in _mapping(table, "keywords", _MEASURES).items():
        if not isinstance(words, list):
            raise DataFileError(f"{_MEASURES}: keywords.{measure} must be a list")
        keywords.update({str(w).lower(): measure for w in words})

    def w(key: str) -> frozenset[str]:
        return words_of(table, key, _MEASURES)

    return MeasureLexicon(
        keywords=keywords, directed=w("directed"), casualty_cues=w("casualty_cues"),
        increase_verbs=w("increase_verbs"), decrease_verbs=w("decrease_verbs"),
        increase_nouns=w("increase_nouns"), decrease_nouns=w("decrease_nouns"),
        forecast_verbs=w("forecast_verbs"), forecast_auxiliaries=w("forecast_auxiliaries"),
        anaphoric_subjects=w("anaphoric_subjects"), superlatives=w("superlatives"),
        ordinals=_floats(table, "ordinals", _MEASURES), period_openers=w("period_openers"),
        contract_words=w("contract_words"),
        contract_contexts={m: frozenset(str(x).lower() for x in words) for m, words in
                           _mapping(table, "contract_contexts", _MEASURES).items()},
        price_words=w("price_words"), share_words=w("share_words"),
        rate_measures=w("rate_measures"), people_measures=w("people_measures"),
        needs_party=w("needs_party"),
        receiving_preps=w("receiving_preps"),
        party_preps=w("party_preps") | w("receiving_preps"),
        receiving_verbs=w("receiving_verbs"),
    )
