"""Shared pieces of the directed relations (arms transfers, troop deployments, diplomatic
support): which noun is a weapon or a unit, who gives and who receives, "unlike X"."""

from __future__ import annotations

from realpolitik.model import Polarity, RelationKind
from realpolitik.relations.context import SentenceContext
from realpolitik.relations.findings import Finding
from realpolitik.relations.phrases import PhraseSet, match_all
from realpolitik.relations.syntax import (
    children,
    compound_chain,
    contrast_objects,
    is_negated,
    lower,
    prep_objects,
)


def covered_by(ctx: SentenceContext, phrases: PhraseSet) -> set[int]:
    """Tokens of the sentence inside a match of one of ``phrases``."""
    out: set[int] = set()
    for m in match_all(phrases, ctx.stream):
        out.update(range(m.first, m.last + 1))
    return out


def noun_in(ctx: SentenceContext, i: int, covered: set[int], depth: int = 2) -> int | None:
    """The noun at ``i`` if it (or a modifier, or an "of" object: "millions of shells",
    "most of its weapons") belongs to ``covered``."""
    doc = ctx.doc
    if i in covered or any(k in covered for k in compound_chain(doc, i)):
        return i
    if depth == 0:
        return None
    for obj in prep_objects(doc, i, ("of",)) + children(doc, i, ("appos",)):
        found = noun_in(ctx, obj, covered, depth - 1)
        if found is not None:
            return found
    return None


def states_at(ctx: SentenceContext, tokens: list[int]) -> list[str]:
    """The states (not organisations) named by ``tokens`` and their conjuncts."""
    orgs = ctx.organisation_parties()
    out: list[str] = []
    for t in tokens:
        for p in ctx.parties_at(t):
            if p not in out and p not in orgs:
                out.append(p)
    return out


def system_text(ctx: SentenceContext, noun: int, rank_words: frozenset[str]) -> str:
    """The weapon system's words: "Kh-101 cruise missiles", "Patriot air defence systems";
    ``rank_words`` ("most important") are left out."""
    doc = ctx.doc
    chain = set(compound_chain(doc, noun))
    first = noun
    # walk left over the noun's own modifiers (spaCy may tag a model name such as
    # "Kh-101" as punctuation)
    while first - 1 >= ctx.start:
        prev = doc.tokens[first - 1]
        attached = prev.i in chain or prev.head in chain
        if not attached or prev.dep in ("det", "poss", "case", "prep") or \
                ctx.mention_at(prev.i) is not None or not any(c.isalnum() for c in prev.text):
            break
        chain.add(prev.i)
        first -= 1
    words = [doc.tokens[k].text for k in range(first, noun + 1)
             if doc.tokens[k].pos not in ("DET", "ADV")
             and not (doc.tokens[k].pos == "NUM" and doc.tokens[k].text.isdigit())
             and lower(doc, k) not in rank_words]
    return " ".join(words)


def system_of(ctx: SentenceContext, noun: int, arms: set[int], rank_words: frozenset[str]) -> str:
    """The system a transfer or supplier noun is about: the noun's own words when it is a
    weapon ("drones"), else its weapon modifiers ("arms" of "arms deliveries")."""
    if noun in arms:
        return system_text(ctx, noun, rank_words)
    return " ".join(ctx.doc.tokens[k].text for k in compound_chain(ctx.doc, noun) if k in arms)


def fill_one_side(ctx: SentenceContext, givers: list[str], receivers: list[str]) -> None:
    """With one side found, take the other from the sentence's only other state."""
    if bool(givers) == bool(receivers):
        return
    known = set(givers) | set(receivers)
    others = [p for p in ctx.state_parties() if p not in known]
    if len(others) == 1:
        (receivers if givers else givers).append(others[0])


def directed(ctx: SentenceContext, kind: RelationKind, givers: list[str],
             receivers: list[str], trigger: int, polarity: Polarity,
             attributes: dict[str, str], allow_no_receiver: bool = False) -> list[Finding]:
    out: list[Finding] = []
    for g in dict.fromkeys(givers):
        targets = [r for r in dict.fromkeys(receivers) if r != g]
        if not targets and allow_no_receiver:
            out.append(Finding(kind, (g,), ctx.sentence.index, trigger, polarity,
                               attributes=dict(attributes)))
        for r in targets:
            out.append(Finding(kind, (g, r), ctx.sentence.index, trigger, polarity,
                               attributes=dict(attributes)))
    return out


def contrasted(ctx: SentenceContext, verb: int, kind: RelationKind, receivers: list[str],
               polarity: Polarity, attributes: dict[str, str],
               allow_no_receiver: bool) -> list[Finding]:
    """"Unlike North Korea, Iran has not sent troops": North Korea did."""
    opposite, same = contrast_objects(ctx.doc, verb)
    flipped: Polarity = "asserted" if polarity == "negated" else "negated"
    out = directed(ctx, kind, states_at(ctx, opposite), receivers, verb, flipped, attributes,
                   allow_no_receiver)
    out += directed(ctx, kind, states_at(ctx, same), receivers, verb, polarity, attributes,
                    allow_no_receiver)
    return out


def polarity_of(ctx: SentenceContext, i: int) -> Polarity:
    """Negated when an odd number of negations govern token ``i``."""
    return "negated" if is_negated(ctx.doc, i) else "asserted"
