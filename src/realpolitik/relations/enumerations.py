"""Allies listed across sentences: "X has lost its third ally within two years. First,
A ..., then B ..., and now C" ties each of A, B and C to X (alliance claims).

The per-sentence rules of :mod:`realpolitik.relations.ties` see an ally noun with an owner
and no ally; the allies come in the next sentence, which opens an enumeration. Words are in
``data/relations/ties.yaml`` (``enumeration``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from realpolitik.model import ParsedDoc, Sentence
from realpolitik.relations.context import DocumentMentions, SentenceContext
from realpolitik.relations.directed import states_at
from realpolitik.relations.findings import Finding, symmetric
from realpolitik.relations.lexicon import load_data_yaml, section, words_of
from realpolitik.relations.syntax import dep, head, lower, subjects

_WHERE = "relations/ties.yaml"
#: how many sentences an enumeration may run over after its opener
_MAX_SENTENCES = 3


@dataclass(frozen=True, slots=True)
class EnumerationLexicon:
    nouns: frozenset[str]
    openers: tuple[tuple[str, ...], ...]
    continuations: tuple[tuple[str, ...], ...]


@lru_cache(maxsize=1)
def enumeration_lexicon() -> EnumerationLexicon:
    table = section(load_data_yaml("relations", "ties.yaml"), "enumeration", _WHERE)

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        # longest first, so "and now" is tried before "now"
        return tuple(sorted((tuple(w.split()) for w in words_of(table, key, _WHERE)),
                            key=len, reverse=True))

    return EnumerationLexicon(words_of(table, "nouns", _WHERE), phrases("openers"),
                              phrases("continuations"))


def enumerated_allies(doc: ParsedDoc, contexts: DocumentMentions,
                      lex: EnumerationLexicon) -> list[Finding]:
    found: list[Finding] = []
    sentences = doc.sentences
    for n, sentence in enumerate(sentences[:-1]):
        ctx = contexts.context(sentence)
        owner = _owner_without_allies(ctx, lex)
        if owner is None:
            continue
        following = sentences[n + 1]
        if following.paragraph != sentence.paragraph or not _opens(doc, following,
                                                                   lex.openers):
            continue
        run = [following]
        for later in sentences[n + 2:n + 1 + _MAX_SENTENCES]:
            if later.paragraph != sentence.paragraph or not _opens(doc, later,
                                                                   lex.continuations):
                break
            run.append(later)
        for part in run:
            part_ctx = contexts.context(part)
            for state in _listed_states(part_ctx):
                if state != owner:
                    found.append(Finding("alliance_claim", symmetric([owner, state]),
                                         part.index, None))
    return found


def _owner_without_allies(ctx: SentenceContext, lex: EnumerationLexicon) -> str | None:
    """The state whose allies the sentence counts without naming them: the subject of the
    verb governing the ally noun ("Beijing has lost its third ally"), else its possessor."""
    doc = ctx.doc
    for i in ctx.token_range():
        tok = doc.tokens[i]
        if tok.pos not in ("NOUN", "PROPN") or lower(doc, i) not in lex.nouns:
            continue
        owners: list[str] = []
        if dep(doc, i) in ("dobj", "nsubjpass", "attr"):
            owners = states_at(ctx, subjects(doc, head(doc, i)))
        owners = owners or ctx.modifier_parties(i)
        states = ctx.state_parties()
        if len(owners) == 1 and set(states) <= set(owners):
            return owners[0]
    return None


def _opens(doc: ParsedDoc, sentence: Sentence, phrases: tuple[tuple[str, ...], ...]) -> bool:
    words = [t.lower for t in doc.tokens[sentence.start:sentence.end] if t.pos != "PUNCT"]
    return any(tuple(words[:len(p)]) == p for p in phrases)


def _listed_states(ctx: SentenceContext) -> list[str]:
    """States the enumeration names, leaving out those acting in it: the subject of an
    active verb ("the Americans abducted ...") and a passive's "by" agent."""
    doc = ctx.doc
    out: list[str] = []
    for m in ctx.mentions:
        actor = m.actor
        if actor is None or not actor.country or actor.country in out:
            continue
        d = dep(doc, m.head)
        if d == "nsubj" or (d == "pobj" and dep(doc, head(doc, m.head)) == "agent"):
            continue
        out.append(actor.country)
    return out
