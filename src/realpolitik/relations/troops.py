"""Troop deployments: "North Korea sent troops to Russia", "Russian troops are stationed in
Tajikistan", "Unlike X, Y has not sent troops" (X did)."""

from __future__ import annotations

from realpolitik.relations.context import SentenceContext
from realpolitik.relations.directed import (
    contrasted,
    covered_by,
    directed,
    noun_in,
    polarity_of,
    states_at,
)
from realpolitik.relations.findings import Finding
from realpolitik.relations.syntax import (
    children,
    dep,
    head,
    lemma,
    prep_objects,
    subjects,
)
from realpolitik.relations.transfer_lexicon import TransferLexicon


def troop_deployments(ctx: SentenceContext, lex: TransferLexicon) -> list[Finding]:
    doc = ctx.doc
    troops = covered_by(ctx, lex.troop_phrases)
    if not troops:
        return []
    found: list[Finding] = []
    for v in ctx.token_range():
        if doc.tokens[v].pos in ("VERB", "AUX") and lemma(doc, v) in lex.presence_verbs:
            found += _troop_presence(ctx, lex, v, troops)
            continue
        if doc.tokens[v].pos == "VERB" and lemma(doc, v) in lex.hosting_verbs:
            found += _troop_hosting(ctx, v, troops)
            continue
        if doc.tokens[v].pos != "VERB" or lemma(doc, v) not in lex.troop_verbs:
            continue
        unit: int | None = None
        for obj in children(doc, v, ("dobj", "nsubjpass")):
            unit = unit or noun_in(ctx, obj, troops)
        if dep(doc, v) == "acl":
            unit = unit or noun_in(ctx, head(doc, v), troops)
        if unit is None:
            continue
        # "troops stationed in Poland" is passive, "plans to send troops" is not
        passive = bool(children(doc, v, ("nsubjpass",))) or (
            dep(doc, v) == "acl" and doc.tokens[v].tag == "VBN")
        if passive:
            givers = states_at(ctx, prep_objects(doc, v, ("by",))) or ctx.modifier_parties(unit)
        else:
            givers = states_at(ctx, subjects(doc, v)) or ctx.modifier_parties(unit)
        destinations = prep_objects(doc, v, lex.destination_preps) + \
            prep_objects(doc, unit, lex.destination_preps)
        receivers = [p for p in states_at(ctx, destinations) if p not in givers]
        polarity = polarity_of(ctx, v)
        found += directed(ctx, "troop_deployment", givers, receivers, v, polarity, {}, True)
        found += contrasted(ctx, v, "troop_deployment", receivers, polarity, {}, True)
    return found


def _troop_presence(ctx: SentenceContext, lex: TransferLexicon, v: int, troops: set[int]) \
        -> list[Finding]:
    """"Some 2,000 American troops remain in Syria": troops of one state in another."""
    doc = ctx.doc
    givers = _unit_owners(ctx, children(doc, v, ("nsubj",)), troops)
    if givers is None:
        return []
    destinations = prep_objects(doc, v, lex.destination_preps)
    receivers = [p for p in states_at(ctx, destinations) if p not in givers]
    if not receivers:
        return []
    return directed(ctx, "troop_deployment", givers, receivers, v, polarity_of(ctx, v), {})


def _troop_hosting(ctx: SentenceContext, v: int, troops: set[int]) -> list[Finding]:
    """"Belarus has hosted Russian troops since 2022"."""
    doc = ctx.doc
    givers = _unit_owners(ctx, children(doc, v, ("dobj",)), troops)
    if givers is None:
        return []
    receivers = [p for p in states_at(ctx, subjects(doc, v)) if p not in givers]
    return directed(ctx, "troop_deployment", givers, receivers, v, polarity_of(ctx, v), {})


def _unit_owners(ctx: SentenceContext, nouns: list[int], troops: set[int]) -> list[str] | None:
    """The states whose troops the first of ``nouns`` naming a unit are ("Russian troops",
    "Russia's soldiers"); None when none of ``nouns`` names a unit."""
    unit = next((u for n in nouns if (u := noun_in(ctx, n, troops)) is not None), None)
    if unit is None:
        return None
    givers = ctx.modifier_parties(unit)
    if not givers and ctx.mention_at(unit) is not None:
        givers = states_at(ctx, [unit])
    return givers
