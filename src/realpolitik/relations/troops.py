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
    units = [u for s in children(doc, v, ("nsubj",)) if (u := noun_in(ctx, s, troops))
             is not None]
    if not units:
        return []
    givers = ctx.modifier_parties(units[0])
    if not givers and ctx.mention_at(units[0]) is not None:
        givers = states_at(ctx, [units[0]])
    destinations = prep_objects(doc, v, lex.destination_preps)
    receivers = [p for p in states_at(ctx, destinations) if p not in givers]
    if not receivers:
        return []
    return directed(ctx, "troop_deployment", givers, receivers, v, polarity_of(ctx, v), {})


def _troop_hosting(ctx: SentenceContext, v: int, troops: set[int]) -> list[Finding]:
    """"Belarus has hosted Russian troops since 2022"."""
    doc = ctx.doc
    units = [u for o in children(doc, v, ("dobj",)) if (u := noun_in(ctx, o, troops))
             is not None]
    if not units:
        return []
    givers = ctx.modifier_parties(units[0])
    if not givers and ctx.mention_at(units[0]) is not None:
        givers = states_at(ctx, [units[0]])
    receivers = [p for p in states_at(ctx, subjects(doc, v)) if p not in givers]
    return directed(ctx, "troop_deployment", givers, receivers, v, polarity_of(ctx, v), {})
