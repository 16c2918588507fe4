"""The cues of non-facts: conditions, schedules, proposals, allegations and denied reports.

Read from the non-facts section of ``data/events/grammar.yaml``; kept apart from
:class:`~realpolitik.events.grammar.Grammar` so that the modality rules can grow without
touching the word lists the rest of the coder reads.
"""

from __future__ import annotations

from dataclasses import dataclass, fields
from functools import lru_cache
from typing import Any

from realpolitik.datafiles import data_file, read_yaml_mapping
from realpolitik.errors import DataFileError
from realpolitik.model import Modality

#: the modalities a modifier may give (the others belong to the verbs that govern an event)
_MODIFIER_MODALITIES: tuple[Modality, ...] = ("reported", "future", "hypothetical")


@dataclass(frozen=True, slots=True)
class NonFactCues:
    condition_markers: frozenset[str]
    condition_nouns: frozenset[str]
    temporal_markers: frozenset[str]
    future_time_words: frozenset[str]
    future_frames: frozenset[str]
    proposal_nouns: frozenset[str]
    adopting_verbs: frozenset[str]
    possibility_nouns: frozenset[str]
    presupposing_verbs: frozenset[str]
    vetoing_verbs: frozenset[str]
    preventing_verbs: frozenset[str]
    pending_states: frozenset[str]
    schedule_predicates: frozenset[str]
    proposal_predicates: frozenset[str]
    proposing_verbs: frozenset[str]
    denying_verbs: frozenset[str]
    telling_verbs: frozenset[str]
    #: word as written → the modality it gives the event it modifies
    modifiers: dict[str, Modality]


_KEYS = tuple(f.name for f in fields(NonFactCues) if f.type == "frozenset[str]")


@lru_cache(maxsize=1)
def default_nonfact_cues() -> NonFactCues:
    data = read_yaml_mapping(data_file("events", "grammar.yaml"), "grammar.yaml")
    missing = [k for k in _KEYS if not isinstance(data.get(k), list)]
    if missing:
        raise DataFileError(f"grammar.yaml: missing word lists {missing}")
    return NonFactCues(
        **{k: frozenset(str(w).lower() for w in data[k]) for k in _KEYS},
        modifiers=_modifiers(data.get("nonfact_modifiers")),
    )


def _modifiers(value: Any) -> dict[str, Modality]:
    if not isinstance(value, dict) or set(value) - set(_MODIFIER_MODALITIES):
        raise DataFileError("grammar.yaml: 'nonfact_modifiers' must map "
                            f"{', '.join(_MODIFIER_MODALITIES)} to word lists")
    out: dict[str, Modality] = {}
    for modality in _MODIFIER_MODALITIES:
        for word in value.get(modality) or ():
            out[str(word).lower()] = modality
    return out
