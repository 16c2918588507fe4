"""Lexicon of the grammatical cues the coder reads: negation, modality, light verbs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

from realpolitik.errors import DataFileError

_KEYS = (
    "negators", "negating_governors", "negating_adverbs", "future_auxiliaries",
    "future_governors", "hypothetical_auxiliaries", "hypothetical_markers",
    "hypothetical_governors", "demand_governors", "report_governors", "light_verbs",
    "message_nouns", "reciprocal_codes", "absorbing_roots", "named_event_entities",
)


@dataclass(frozen=True, slots=True)
class Grammar:
    negators: frozenset[str]
    negating_governors: frozenset[str]
    negating_adverbs: frozenset[str]
    future_auxiliaries: frozenset[str]
    future_governors: frozenset[str]
    hypothetical_auxiliaries: frozenset[str]
    hypothetical_markers: frozenset[str]
    hypothetical_governors: frozenset[str]
    demand_governors: frozenset[str]
    report_governors: frozenset[str]
    light_verbs: frozenset[str]
    message_nouns: frozenset[str]
    reciprocal_codes: frozenset[str]
    absorbing_roots: frozenset[str]
    named_event_entities: frozenset[str]

    def is_reciprocal(self, code: str) -> bool:
        return any(code.startswith(prefix) for prefix in self.reciprocal_codes)


@lru_cache(maxsize=1)
def default_grammar() -> Grammar:
    ref = resources.files("realpolitik") / "data" / "events" / "grammar.yaml"
    data = yaml.safe_load(ref.read_text(encoding="utf-8"))
    missing = [k for k in _KEYS if not isinstance(data.get(k), list)]
    if missing:
        raise DataFileError(f"grammar.yaml: missing word lists {missing}")
    cased = {"named_event_entities"}
    return Grammar(**{k: frozenset(str(w) if k in cased else str(w).lower() for w in data[k])
                      for k in _KEYS})
