"""The analysis rule files in ``realpolitik/data/analysis``, read into typed objects.

Which events remove a leader, what ties two states, how a reaction is named and which store
rows become network edges are data, not code: each query takes its rules as an argument and
defaults to the bundled files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from realpolitik.datafiles import data_file, read_yaml_mapping
from realpolitik.errors import DataFileError

STRENGTHS: tuple[str, ...] = ("weak", "medium", "strong")


def strength_rank(name: str) -> int:
    """0 for weak, 1 for medium, 2 for strong; a :class:`DataFileError` for anything else."""
    try:
        return STRENGTHS.index(name)
    except ValueError:
        raise DataFileError(f"tie strength must be one of {', '.join(STRENGTHS)}, "
                            f"got {name!r}") from None


def _read_yaml(path: Path | None, name: str) -> tuple[dict[str, Any], str]:
    if path is None:
        return read_yaml_mapping(data_file("analysis", name), name), name
    return read_yaml_mapping(path), str(path)


def _words(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int) for v in value):
        raise DataFileError(f"{where}: expected a list of words, got {value!r}")
    return tuple(str(v).lower() for v in value)


def _codes(value: Any, where: str) -> tuple[str, ...]:
    codes = tuple(str(v) for v in (value or ()))
    for code in codes:
        if not code.isdigit():
            raise DataFileError(f"{where}: {code!r} is not a CAMEO code (quote it: \"057\")")
    return codes


def _mapping(value: Any, where: str) -> Mapping[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: expected a mapping, got {value!r}")
    return value


# -- removals ------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class RemovalCode:
    code: str
    label: str
    #: when non-empty, the event's trigger word must be one of these
    triggers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RemovalRules:
    modalities: tuple[str, ...]
    leader_titles: frozenset[str]
    leader_roles: tuple[str, ...]
    government_roles: tuple[str, ...]
    codes: Mapping[str, RemovalCode]
    #: trigger word -> label, counted under any code
    trigger_words: Mapping[str, str]
    government_triggers: frozenset[str]

    def label_for(self, code: str, trigger: str | None) -> str | None:
        """The removal's label ("assassinated"), or None when the event is not a removal."""
        word = (trigger or "").strip().lower()
        rule = self.codes.get(code)
        if rule is not None and (not rule.triggers or word in rule.triggers):
            return self.trigger_words.get(word, rule.label)
        return self.trigger_words.get(word)


def load_removal_rules(path: Path | None = None) -> RemovalRules:
    data, where = _read_yaml(path, "removals.yaml")
    codes: dict[str, RemovalCode] = {}
    for code, spec in _mapping(data.get("codes"), f"{where}: codes").items():
        spec = _mapping(spec, f"{where}: codes.{code}")
        label = spec.get("label")
        if not isinstance(label, str):
            raise DataFileError(f"{where}: codes.{code} needs a label")
        _codes([code], f"{where}: codes")
        codes[str(code)] = RemovalCode(str(code), label,
                                       _words(spec.get("triggers"), f"{where}: codes.{code}"))
    words = {str(k).lower(): str(v)
             for k, v in _mapping(data.get("trigger_words"), f"{where}: trigger_words").items()}
    return RemovalRules(
        modalities=_words(data.get("modalities"), f"{where}: modalities") or ("actual",),
        leader_titles=frozenset(_words(data.get("leader_titles"), where)),
        leader_roles=tuple(r.upper() for r in _words(data.get("leader_roles"), where)),
        government_roles=tuple(r.upper() for r in _words(data.get("government_roles"), where)),
        codes=codes,
        trigger_words=words,
        government_triggers=frozenset(_words(data.get("government_triggers"), where)),
    )


# -- ties ----------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class TieRules:
    #: relation kind -> strength
    relations: Mapping[str, str]
    #: CAMEO code prefix -> strength, for events between the two in either direction
    events: Mapping[str, str]
    shared_membership: bool

    def event_strength(self, code: str) -> str | None:
        """Strength of the longest listed prefix of ``code``, or None."""
        best: str | None = None
        best_len = -1
        for prefix, strength in self.events.items():
            if code.startswith(prefix) and len(prefix) > best_len:
                best, best_len = strength, len(prefix)
        return best


def load_tie_rules(path: Path | None = None) -> TieRules:
    data, where = _read_yaml(path, "ties.yaml")
    relations = {str(k): str(v) for k, v in _mapping(data.get("relations"), where).items()}
    events = {str(k): str(v) for k, v in _mapping(data.get("events"), where).items()}
    _codes(list(events), f"{where}: events")
    for strength in [*relations.values(), *events.values()]:
        strength_rank(strength)
    return TieRules(relations, events, bool(data.get("shared_membership", False)))


# -- responses -----------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ReactionCategory:
    name: str
    codes: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ResponseRules:
    attacks: tuple[str, ...]
    modalities: tuple[str, ...]
    reaction_modalities: tuple[str, ...]
    max_sentence_distance: int
    adjacent_distance: int
    follow_days: int
    references: frozenset[str]
    categories: tuple[ReactionCategory, ...]
    naming: frozenset[str]
    perpetrator_only: frozenset[str]
    silent: frozenset[str]
    expected_from: tuple[str, ...]

    def is_attack(self, code: str) -> bool:
        return any(code.startswith(p) for p in self.attacks)

    def category(self, code: str) -> str | None:
        for cat in self.categories:
            if any(code.startswith(p) for p in cat.codes):
                return cat.name
        return None


def load_response_rules(path: Path | None = None) -> ResponseRules:
    data, where = _read_yaml(path, "responses.yaml")
    categories: list[ReactionCategory] = []
    for n, spec in enumerate(data.get("categories") or []):
        spec = _mapping(spec, f"{where}: categories[{n}]")
        name = spec.get("name")
        if not isinstance(name, str):
            raise DataFileError(f"{where}: categories[{n}] needs a name")
        categories.append(ReactionCategory(name, _codes(spec.get("codes"), where)))
    try:
        distance = int(data.get("max_sentence_distance", 3))
        adjacent = int(data.get("adjacent_distance", 1))
        follow = int(data.get("follow_days", 14))
    except (TypeError, ValueError):
        raise DataFileError(f"{where}: max_sentence_distance, adjacent_distance and "
                            "follow_days must be integers") from None
    return ResponseRules(
        attacks=_codes(data.get("attacks"), f"{where}: attacks"),
        modalities=_words(data.get("modalities"), where) or ("actual",),
        reaction_modalities=_words(data.get("reaction_modalities"), where) or ("actual",),
        max_sentence_distance=distance,
        adjacent_distance=adjacent,
        follow_days=follow,
        references=frozenset(_words(data.get("references"), where)),
        categories=tuple(categories),
        naming=frozenset(str(v) for v in data.get("naming") or ()),
        perpetrator_only=frozenset(str(v) for v in data.get("perpetrator_only") or ()),
        silent=frozenset(str(v) for v in data.get("silent") or ()),
        expected_from=tuple(str(v) for v in data.get("expected_from") or ()),
    )


# -- network -------------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class EdgeKind:
    name: str
    relations: tuple[str, ...]
    quantities: tuple[str, ...]
    quad_classes: tuple[int, ...]
    directed: bool
    colour: str


@dataclass(frozen=True, slots=True)
class NetworkRules:
    kinds: Mapping[str, EdgeKind]
    default: tuple[str, ...]


def load_network_rules(path: Path | None = None) -> NetworkRules:
    data, where = _read_yaml(path, "network.yaml")
    kinds: dict[str, EdgeKind] = {}
    for name, spec in _mapping(data.get("kinds"), where).items():
        spec = _mapping(spec, f"{where}: kinds.{name}")
        try:
            quads = tuple(int(q) for q in spec.get("quad_classes") or ())
        except (TypeError, ValueError):
            raise DataFileError(f"{where}: kinds.{name}.quad_classes must be 1-4") from None
        kinds[str(name)] = EdgeKind(
            name=str(name),
            relations=tuple(str(v) for v in spec.get("relations") or ()),
            quantities=tuple(str(v) for v in spec.get("quantities") or ()),
            quad_classes=quads,
            directed=bool(spec.get("directed", True)),
            colour=str(spec.get("colour", "#333333")),
        )
    default = tuple(str(v) for v in data.get("default") or kinds)
    unknown = [k for k in default if k not in kinds]
    if unknown:
        raise DataFileError(f"{where}: default names unknown kinds {unknown}")
    return NetworkRules(kinds, default)


@lru_cache(maxsize=1)
def default_removal_rules() -> RemovalRules:
    return load_removal_rules()


@lru_cache(maxsize=1)
def default_tie_rules() -> TieRules:
    return load_tie_rules()


@lru_cache(maxsize=1)
def default_response_rules() -> ResponseRules:
    return load_response_rules()


@lru_cache(maxsize=1)
def default_network_rules() -> NetworkRules:
    return load_network_rules()
