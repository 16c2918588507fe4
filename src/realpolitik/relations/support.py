"""Diplomatic support: "Russian diplomatic support in the UN Security Council", "Russia
vetoed a resolution condemning Syria", "relies on China for diplomatic cover"."""

from __future__ import annotations

from realpolitik.relations.context import SentenceContext
from realpolitik.relations.directed import (
    directed,
    fill_one_side,
    polarity_of,
    states_at,
)
from realpolitik.relations.findings import Finding
from realpolitik.relations.phrases import longest_non_overlapping, match_all
from realpolitik.relations.syntax import (
    children,
    clause_path,
    lemma,
    prep_objects,
    subjects,
)
from realpolitik.relations.transfer_lexicon import TransferLexicon


def diplomatic_support(ctx: SentenceContext, lex: TransferLexicon) -> list[Finding]:
    doc = ctx.doc
    stream = ctx.stream
    forums = longest_non_overlapping(match_all(lex.forum_phrases, stream))
    forum_tokens = {i for m in forums for i in range(m.first, m.last + 1)}
    attributes = {"forums": "; ".join(dict.fromkeys(
        doc.text_of(m.first, m.last + 1) for m in forums))} if forums else {}
    found: list[Finding] = []
    for m in longest_non_overlapping(match_all(lex.support_phrases, stream)):
        found += _support_noun(ctx, lex, m.last, attributes)
    for v in ctx.token_range():
        if doc.tokens[v].pos != "VERB":
            continue
        word = lemma(doc, v)
        if word in lex.support_verbs and forums:
            found += _support_verb(ctx, v, forum_tokens, attributes)
        elif word in lex.veto_verbs or word in lex.vote_verbs:
            found += _veto(ctx, lex, v, attributes)
    return found


def _support_noun(ctx: SentenceContext, lex: TransferLexicon, n: int,
                  attributes: dict[str, str]) -> list[Finding]:
    doc = ctx.doc
    givers = ctx.modifier_parties(n) + states_at(ctx, prep_objects(doc, n, ("from", "by")))
    receivers = states_at(ctx, prep_objects(doc, n, ("for", "to")))
    verb = next((j for j in clause_path(doc, n)[1:] if doc.tokens[j].pos in ("VERB", "AUX")),
                None)
    if verb is not None:
        if lemma(doc, verb) in lex.giving_verbs:
            givers = givers or states_at(ctx, subjects(doc, verb))
            receivers = receivers or states_at(
                ctx, children(doc, verb, ("dative",)) + prep_objects(doc, verb, ("to", "for"))
                + [k for k in children(doc, verb, ("dobj",)) if k != n])
        elif not receivers:
            receivers = [p for p in states_at(ctx, subjects(doc, verb)) if p not in givers]
            # "Venezuela relies on Russia and China for diplomatic cover"
            if not givers:
                givers = [p for p in states_at(ctx, prep_objects(doc, verb, ("on", "upon", "to")))
                          if p not in receivers]
    fill_one_side(ctx, givers, receivers)
    return directed(ctx, "diplomatic_support", givers, receivers, n, polarity_of(ctx, n),
                    attributes)


def _support_verb(ctx: SentenceContext, v: int, forum_tokens: set[int],
                  attributes: dict[str, str]) -> list[Finding]:
    doc = ctx.doc
    givers = states_at(ctx, subjects(doc, v))
    objects = [k for k in children(doc, v, ("dobj",)) if k not in forum_tokens]
    objects += prep_objects(doc, v, ("with",))
    receivers = [p for p in states_at(ctx, objects) if p not in givers]
    return directed(ctx, "diplomatic_support", givers, receivers, v, polarity_of(ctx, v),
                    attributes)


def _veto(ctx: SentenceContext, lex: TransferLexicon, v: int, attributes: dict[str, str]) \
        -> list[Finding]:
    """"Russia vetoed a resolution condemning Syria": support for Syria."""
    doc = ctx.doc
    resolutions = children(doc, v, ("dobj",))
    if lemma(doc, v) in lex.vote_verbs:
        resolutions = prep_objects(doc, v, ("against",))
    receivers: list[str] = []
    for r in resolutions:
        if lemma(doc, r) not in lex.resolution_nouns:
            continue
        for k in children(doc, r, ("acl", "relcl")):
            if lemma(doc, k) in lex.condemn_verbs:
                receivers += states_at(ctx, children(doc, k, ("dobj",)))
        receivers += states_at(ctx, prep_objects(doc, r, ("against", "on")))
    if not receivers:
        return []
    givers = states_at(ctx, subjects(doc, v))
    return directed(ctx, "diplomatic_support", givers, receivers, v, polarity_of(ctx, v),
                    attributes)
