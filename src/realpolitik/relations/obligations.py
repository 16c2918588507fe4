"""Obligation cues in ATOP's five types, with their explicit absence."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from realpolitik.errors import DataFileError
from realpolitik.model import OBLIGATION_TYPES, Obligations
from realpolitik.relations.context import SentenceContext
from realpolitik.relations.lexicon import load_data_yaml, words_of
from realpolitik.relations.phrases import (
    Phrase,
    PhraseMatch,
    PhraseSet,
    longest_non_overlapping,
    match_all,
)
from realpolitik.relations.syntax import children, is_negated, lemma

_WHERE = "relations/obligations.yaml"


@dataclass(frozen=True, slots=True)
class ObligationCue:
    phrase: Phrase
    types: tuple[str, ...]
    #: counts without a treaty word or commitment verb in the sentence
    standalone: bool
    #: a bare verb cue ("defend") counts only with an object
    needs_object: bool


@dataclass(frozen=True, slots=True)
class ObligationLexicon:
    cues: dict[str, ObligationCue]
    exclusive_markers: PhraseSet
    #: every cue's phrase, for one scan per sentence
    cue_phrases: PhraseSet
    exclusive_implies_false: tuple[str, ...]
    commitment_verbs: frozenset[str]

    @classmethod
    def load(cls) -> ObligationLexicon:
        table = load_data_yaml("relations", "obligations.yaml")
        raw = table.get("cues")
        if not isinstance(raw, list):
            raise DataFileError(f"{_WHERE}: 'cues' must be a list")
        cues: dict[str, ObligationCue] = {}
        for n, entry in enumerate(raw, 1):
            if not isinstance(entry, dict) or not isinstance(entry.get("words"), str):
                raise DataFileError(f"{_WHERE}: cue {n} needs 'words'")
            types = entry.get("types")
            if not isinstance(types, list) or not types or \
                    any(t not in OBLIGATION_TYPES for t in types):
                raise DataFileError(f"{_WHERE}: cue {n} has unknown obligation types {types!r}")
            cues[entry["words"]] = ObligationCue(
                Phrase(entry["words"]), tuple(types), bool(entry.get("standalone", False)),
                bool(entry.get("needs_object", False)),
            )
        falses = table.get("exclusive_implies_false", [])
        if not isinstance(falses, list) or any(t not in OBLIGATION_TYPES for t in falses):
            raise DataFileError(f"{_WHERE}: bad 'exclusive_implies_false'")
        return cls(
            cues=cues,
            exclusive_markers=PhraseSet(words_of(table, "exclusive_markers", _WHERE)),
            cue_phrases=PhraseSet(c.phrase for c in cues.values()),
            exclusive_implies_false=tuple(falses),
            commitment_verbs=words_of(table, "commitment_verbs", _WHERE),
        )


@lru_cache(maxsize=1)
def obligation_lexicon() -> ObligationLexicon:
    return ObligationLexicon.load()


@dataclass(frozen=True, slots=True)
class ObligationStatement:
    """The obligations one sentence states, and where."""

    obligations: Obligations
    #: the syntactic head of each cue that contributed
    cue_heads: tuple[int, ...]


def _span_head(ctx: SentenceContext, match: PhraseMatch) -> int:
    """The token of a phrase match whose head lies outside the match."""
    doc = ctx.doc
    for i in range(match.first, match.last + 1):
        h = doc.tokens[i].head
        if h == i or not match.first <= h <= match.last:
            return i
    return match.first


def has_commitment(ctx: SentenceContext, lexicon: ObligationLexicon) -> bool:
    return any(lemma(ctx.doc, i) in lexicon.commitment_verbs for i in ctx.token_range())


def find_obligations(ctx: SentenceContext, lexicon: ObligationLexicon,
                     treaty_in_sentence: bool) -> ObligationStatement | None:
    """The obligation types a sentence states as present (True) or absent (False)."""
    doc = ctx.doc
    stream = ctx.stream
    matches = longest_non_overlapping(match_all(lexicon.cue_phrases, stream))
    if not matches:
        return None
    context = treaty_in_sentence or has_commitment(ctx, lexicon)
    values: dict[str, bool] = {}
    heads: list[int] = []
    for match in matches:
        cue = lexicon.cues[match.phrase]
        if not cue.standalone and not context:
            continue
        head = _span_head(ctx, match)
        if cue.needs_object and not children(doc, head, ("dobj",)):
            continue
        inside = frozenset(range(match.first, match.last + 1))
        present = not is_negated(doc, head, lexicon.commitment_verbs, ignore=inside)
        for t in cue.types:
            values[t] = present
        heads.append(head)
    if not values:
        return None
    exclusive = bool(match_all(lexicon.exclusive_markers, stream))
    if exclusive and any(values.values()):
        for t in lexicon.exclusive_implies_false:
            values.setdefault(t, False)
    return ObligationStatement(Obligations(**values), tuple(heads))
