"""Verb and event-noun pattern dictionaries: English constructions mapped to CAMEO codes.

The dictionaries are data (``data/events/verbs.yaml`` and ``nouns.yaml``); this module
loads them, checks every code against the codebook and indexes them by lemma. Users can
add YAML files in the same format or PETRARCH/TABARI verb dictionaries (``Config.pattern_files``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from realpolitik.datafiles import data_file, read_yaml, read_yaml_mapping
from realpolitik.errors import DataFileError
from realpolitik.events.codebook import Codebook, default_codebook

DEFAULT_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    lemma: str
    particle: frozenset[str] = frozenset()
    object: frozenset[str] = frozenset()
    prep: tuple[str, ...] = ()
    xcomp: frozenset[str] = frozenset()
    #: only without a direct object ("protesters marched", not "marched troops")
    intransitive: bool = False
    #: lemma(s) of the noun under the preposition: "went ON STRIKE", "took TO THE STREETS"
    pobj: frozenset[str] = frozenset()
    confidence: float = DEFAULT_CONFIDENCE
    origin: str = ""

    @property
    def specificity(self) -> int:
        """More constraints make a pattern win over a bare verb."""
        return (2 * bool(self.object) + bool(self.particle) + bool(self.prep)
                + 2 * bool(self.xcomp) + 2 * bool(self.pobj))


#: the code of a blocking pattern: the construction it matches is no event at all
#: ("met its commitments", "a striking result"), as PETRARCH's ``[---]``
NO_EVENT = "---"


@dataclass(frozen=True, slots=True)
class NounPattern:
    code: str
    lemma: str
    prep: tuple[str, ...] = ()
    #: a modifier the noun must have: "hunger strike", "general strike"
    modifier: frozenset[str] = frozenset()
    #: what its "of" or "on" complement must name: "an exchange of fire" (not "of
    #: prisoners"), "a ban on exports"
    of: frozenset[str] = frozenset()
    #: what its infinitival complement must be: "a failure TO HONOUR the pact"
    xcomp: frozenset[str] = frozenset()
    confidence: float = DEFAULT_CONFIDENCE
    origin: str = ""

    @property
    def patient_possessor(self) -> bool:
        """'X's abduction': when the target comes with 'of', a possessor is the patient."""
        return self.prep == ("of",) or (bool(self.prep) and self.prep[0] == "of")


class PatternSet:
    """Patterns indexed by lemma, most specific first."""

    def __init__(self, verbs: Iterable[VerbPattern], nouns: Iterable[NounPattern]) -> None:
        by_verb: dict[str, list[VerbPattern]] = defaultdict(list)
        for vp in verbs:
            by_verb[vp.lemma].append(vp)
        by_noun: dict[str, list[NounPattern]] = defaultdict(list)
        for np_ in nouns:
            by_noun[np_.lemma].append(np_)
        self.verbs = {k: sorted(v, key=lambda p: -p.specificity) for k, v in by_verb.items()}
        self.nouns = {k: sorted(v, key=lambda p: (-bool(p.modifier or p.of), -len(p.prep)))
                      for k, v in by_noun.items()}

    def __len__(self) -> int:
        return sum(map(len, self.verbs.values())) + sum(map(len, self.nouns.values()))

    def extended(self, other: PatternSet) -> PatternSet:
        """``other``'s patterns take precedence over ours for the same constraints."""
        verbs = [p for ps in other.verbs.values() for p in ps]
        verbs += [p for ps in self.verbs.values() for p in ps]
        nouns = [p for ps in other.nouns.values() for p in ps]
        nouns += [p for ps in self.nouns.values() for p in ps]
        return PatternSet(verbs, nouns)


def _words(value: Any, field: str, where: str) -> list[str]:
    if value is None:
        return []
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise DataFileError(f"{where}: '{field}' must be a string or a list of strings")
    return [v.strip().lower() for v in items if v.strip()]


def _entries(data: Any, where: str) -> list[dict[str, Any]]:
    if data is None:
        return []
    if not isinstance(data, list) or not all(isinstance(e, dict) for e in data):
        raise DataFileError(f"{where}: expected a list of pattern entries")
    return data


def _code(entry: dict[str, Any], codebook: Codebook, where: str) -> str:
    code = str(entry.get("code", "")).strip()
    if code != NO_EVENT and code not in codebook:
        raise DataFileError(f"{where}: unknown CAMEO code {code!r}")
    return code


def _confidence(entry: dict[str, Any], where: str) -> float:
    try:
        value = float(entry.get("confidence", DEFAULT_CONFIDENCE))
    except (TypeError, ValueError):
        raise DataFileError(f"{where}: confidence must be a number") from None
    if not 0 < value <= 1:
        raise DataFileError(f"{where}: confidence must be in (0, 1]")
    return value


def _lemma_entries(data: Any, codebook: Codebook, origin: str, key: str
                   ) -> Iterator[tuple[str, str, dict[str, Any], str]]:
    """(code, lemma, entry, where) for every lemma of every entry, checked."""
    for n, entry in enumerate(_entries(data, origin), start=1):
        where = f"{origin}: entry {n}"
        code = _code(entry, codebook, where)
        lemmas = _words(entry.get(key), key, where)
        if not lemmas:
            raise DataFileError(f"{where}: a {key} pattern needs '{key}'")
        for lemma in lemmas:
            yield code, lemma, entry, where


def parse_verb_entries(data: Any, codebook: Codebook, origin: str) -> list[VerbPattern]:
    return [
        VerbPattern(
            code=code, lemma=lemma,
            particle=frozenset(_words(entry.get("particle"), "particle", where)),
            object=frozenset(_words(entry.get("object"), "object", where)),
            prep=tuple(_words(entry.get("prep"), "prep", where)),
            xcomp=frozenset(_words(entry.get("xcomp"), "xcomp", where)),
            intransitive=bool(entry.get("intransitive", False)),
            pobj=frozenset(_words(entry.get("pobj"), "pobj", where)),
            confidence=_confidence(entry, where), origin=origin,
        )
        for code, lemma, entry, where in _lemma_entries(data, codebook, origin, "verb")
    ]


def parse_noun_entries(data: Any, codebook: Codebook, origin: str) -> list[NounPattern]:
    return [
        NounPattern(
            code=code, lemma=lemma, prep=tuple(_words(entry.get("prep"), "prep", where)),
            modifier=frozenset(_words(entry.get("modifier"), "modifier", where)),
            of=frozenset(_words(entry.get("of"), "of", where)),
            xcomp=frozenset(_words(entry.get("xcomp"), "xcomp", where)),
            confidence=_confidence(entry, where), origin=origin,
        )
        for code, lemma, entry, where in _lemma_entries(data, codebook, origin, "noun")
    ]


@lru_cache(maxsize=1)
def default_patterns() -> PatternSet:
    """The bundled dictionaries, parsed and checked once per process."""
    codebook = default_codebook()
    verbs = parse_verb_entries(read_yaml(data_file("events", "verbs.yaml")), codebook,
                               "verbs.yaml")
    nouns = parse_noun_entries(read_yaml(data_file("events", "nouns.yaml")), codebook,
                               "nouns.yaml")
    return PatternSet(verbs, nouns)


def load_pattern_file(path: Path, codebook: Codebook | None = None) -> PatternSet:
    """A user file: YAML with ``verbs:``/``nouns:`` lists, or a PETRARCH verb dictionary."""
    codebook = codebook or default_codebook()
    if path.suffix.lower() in (".yaml", ".yml"):
        data = read_yaml_mapping(path)
        return PatternSet(parse_verb_entries(data.get("verbs"), codebook, str(path)),
                          parse_noun_entries(data.get("nouns"), codebook, str(path)))
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read pattern file ({exc})") from None
    from realpolitik.events.petrarch import parse_petrarch_verbs

    return PatternSet(parse_petrarch_verbs(text, codebook, str(path)), [])
