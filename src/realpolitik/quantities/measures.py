"""What a figure measures and between whom: keywords near it and the states around them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from realpolitik.quantities.lexicon import MeasureLexicon
from realpolitik.relations.context import SentenceContext
from realpolitik.relations.phrases import (
    PhraseMatch,
    PhraseSet,
    longest_non_overlapping,
    match_all,
)
from realpolitik.relations.syntax import (
    children,
    conjuncts,
    dep,
    head,
    lemma,
    lower,
    prep_objects,
    subjects,
)


@dataclass(frozen=True, slots=True)
class MeasureMatch:
    measure: str
    #: the keyword's syntactic head
    token: int
    first: int
    last: int


@lru_cache(maxsize=1)
def _phrases(keywords: tuple[tuple[str, str], ...]) -> PhraseSet:
    return PhraseSet(word for word, _ in keywords)


def measure_matches(ctx: SentenceContext, lex: MeasureLexicon) -> list[MeasureMatch]:
    """Measure words of the sentence; one that only modifies another noun ("investment
    firm", "trade minister", "oil prices") names no measure."""
    phrases = _phrases(tuple(sorted(lex.keywords.items())))
    matches: list[PhraseMatch] = longest_non_overlapping(
        match_all(phrases, ctx.stream))
    out: list[MeasureMatch] = []
    for m in matches:
        token = m.last
        for i in range(m.first, m.last + 1):
            h = ctx.doc.tokens[i].head
            if h == i or not m.first <= h <= m.last:
                token = i
                break
        if dep(ctx.doc, token) == "compound" and not _is_keyword(ctx, lex, head(ctx.doc, token)):
            continue
        out.append(MeasureMatch(lex.keywords[m.phrase], token, m.first, m.last))
    return out


def _is_keyword(ctx: SentenceContext, lex: MeasureLexicon, i: int) -> bool:
    return lower(ctx.doc, i) in lex.keywords or lemma(ctx.doc, i) in lex.keywords


def nearest_measure(matches: list[MeasureMatch], anchor: int,
                    allowed: frozenset[str] | None = None) -> MeasureMatch | None:
    candidates = [m for m in matches if allowed is None or m.measure in allowed]
    if not candidates:
        return None
    return min(candidates, key=lambda m: (min(abs(m.first - anchor), abs(m.last - anchor)),
                                          m.first))


@dataclass
class PartyRoles:
    """Parties of a figure with the role the text gives them."""

    givers: list[str]
    receivers: list[str]

    def add(self, party: str, receiving: bool) -> None:
        if party in self.givers or party in self.receivers:
            return
        (self.receivers if receiving else self.givers).append(party)

    def ordered(self, directed: bool) -> tuple[str, ...]:
        if directed and self.givers and self.receivers:
            return tuple(self.givers + self.receivers)
        return tuple(sorted(self.givers + self.receivers))

    def empty(self) -> bool:
        return not self.givers and not self.receivers


def figure_parties(ctx: SentenceContext, lex: MeasureLexicon, key: int | None,
                   verb: int | None, anchor: int | None = None) -> PartyRoles:
    """States tied to the measure word ``key`` ("trade between Russia and the UAE",
    "Russian-Iranian economic relations", "aid to Ukraine") and to the figure's verb
    (its subject, its "to"/"in" objects)."""
    doc = ctx.doc
    roles = PartyRoles([], [])
    keys = [key] if key is not None else []
    if key is not None and dep(doc, key) == "compound":
        keys.append(head(doc, key))
    if anchor is not None and anchor not in keys:
        keys.append(anchor)
    for k in keys:
        if k != anchor or k == key:
            for p in ctx.modifier_parties(k):
                roles.add(p, receiving=False)
        for prep in children(doc, k, ("prep",)):
            word = lower(doc, prep)
            if word not in lex.party_preps:
                continue
            for obj in children(doc, prep, ("pobj",)):
                for j in conjuncts(doc, obj):
                    for p in ctx.parties_at(j):
                        roles.add(p, receiving=word in lex.receiving_preps)
    if verb is not None:
        receiving_subject = lemma(doc, verb) in lex.receiving_verbs
        subject_tokens = subjects(doc, verb)
        if key is None or key not in subject_tokens:
            for s in subject_tokens:
                for p in ctx.parties_at(s):
                    roles.add(p, receiving=receiving_subject)
        for obj in children(doc, verb, ("dative",)):
            for p in ctx.parties_at(obj):
                roles.add(p, receiving=True)
        for obj in prep_objects(doc, verb, lex.party_preps):
            for p in ctx.parties_at(obj):
                roles.add(p, receiving=lower(doc, head(doc, obj)) in lex.receiving_preps)
    return roles
