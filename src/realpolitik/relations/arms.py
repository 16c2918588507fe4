"""Arms transfers: "Iran has supplied Russia with drones", "India bought S-400 systems
from Russia", "Iran became Russia's most important arms supplier"."""

from __future__ import annotations

from realpolitik.relations.context import SentenceContext
from realpolitik.relations.directed import (
    contrasted,
    covered_by,
    directed,
    fill_one_side,
    noun_in,
    polarity_of,
    states_at,
    system_of,
    system_text,
)
from realpolitik.relations.findings import Finding
from realpolitik.relations.syntax import (
    children,
    dep,
    head,
    lemma,
    lower,
    prep_objects,
    subjects,
)
from realpolitik.relations.transfer_lexicon import TransferLexicon


def arms_transfers(ctx: SentenceContext, lex: TransferLexicon) -> list[Finding]:
    doc = ctx.doc
    arms = covered_by(ctx, lex.system_phrases)
    if not arms:
        return []
    found: list[Finding] = []
    for i in ctx.token_range():
        tok = doc.tokens[i]
        word = lemma(doc, i)
        words = {lower(doc, i), word}
        if tok.pos == "VERB" and word in lex.giver_verbs | lex.receiver_verbs:
            found.extend(_arms_verb(ctx, lex, i, arms, word in lex.receiver_verbs))
        elif tok.pos == "NOUN" and words & (lex.transfer_nouns | lex.receiving_nouns):
            found.extend(_arms_noun(ctx, lex, i, arms, bool(words & lex.receiving_nouns)))
        elif tok.pos == "NOUN" and words & (lex.supplier_nouns | lex.buyer_nouns):
            found.extend(_supplier_noun(ctx, lex, i, arms, bool(words & lex.buyer_nouns)))
    return found


def _arms_verb(ctx: SentenceContext, lex: TransferLexicon, v: int, arms: set[int],
               receiving: bool) -> list[Finding]:
    doc = ctx.doc
    system: int | None = None
    recipient_object: list[int] = []
    for obj in children(doc, v, ("dobj", "nsubjpass")):
        system = system or noun_in(ctx, obj, arms)
    for obj in prep_objects(doc, v, ("with",)):
        hit = noun_in(ctx, obj, arms)
        if hit is not None:
            system = system or hit
            recipient_object = children(doc, v, ("dobj",))
    if dep(doc, v) == "relcl":
        system = system or noun_in(ctx, head(doc, v), arms)
    if system is None:
        return []
    passive = bool(children(doc, v, ("nsubjpass",)))
    doers = states_at(ctx, prep_objects(doc, v, ("by",))) if passive else \
        states_at(ctx, subjects(doc, v))
    origin = ctx.modifier_parties(system)
    if receiving:
        receivers = doers
        givers = states_at(ctx, prep_objects(doc, v, ("from",))
                                + prep_objects(doc, system, ("from",))) or origin
    else:
        givers = doers or origin
        receivers = states_at(ctx, prep_objects(doc, v, ("to", "for"))
                                   + prep_objects(doc, system, ("to", "for"))
                                   + children(doc, v, ("dative",)) + recipient_object)
    fill_one_side(ctx, givers, receivers)
    polarity = polarity_of(ctx, v)
    attributes = {"system": system_text(ctx, system, lex.rank_words)}
    out = directed(ctx, "arms_transfer", givers, receivers, v, polarity, attributes)
    if not receiving:
        out += contrasted(ctx, v, "arms_transfer", receivers, polarity, attributes, False)
    return out


def _arms_noun(ctx: SentenceContext, lex: TransferLexicon, n: int, arms: set[int],
               receiving: bool) -> list[Finding]:
    """"arms deliveries to Iran", "Russia's arms exports to India", "the sale of jets"."""
    doc = ctx.doc
    system = noun_in(ctx, n, arms)
    if system is None:
        return []
    own = [p for p in ctx.modifier_parties(n)]
    if system != n:
        own += [p for p in ctx.modifier_parties(system) if p not in own]
    sources = states_at(ctx, prep_objects(doc, n, ("from", "by"))
                             + prep_objects(doc, system, ("from",)))
    targets = states_at(ctx, prep_objects(doc, n, ("to", "for"))
                             + prep_objects(doc, system, ("to", "for")))
    givers, receivers = (sources, own) if receiving else (own + sources, targets)
    verb = head(doc, n) if dep(doc, n) in ("dobj", "nsubjpass") else None
    if verb is not None and doc.tokens[verb].pos == "VERB":
        if not receivers and not receiving:
            receivers = states_at(ctx, prep_objects(doc, verb, ("to", "for")))
        if not givers and not receiving and lemma(doc, verb) not in lex.receiver_verbs:
            givers = states_at(ctx, subjects(doc, verb))
    fill_one_side(ctx, givers, receivers)
    return directed(ctx, "arms_transfer", givers, receivers, n, polarity_of(ctx, n),
                    {"system": system_of(ctx, system, arms, lex.rank_words)})


def _supplier_noun(ctx: SentenceContext, lex: TransferLexicon, n: int, arms: set[int],
                   buyer: bool) -> list[Finding]:
    """"Iran became Russia's most important arms supplier"."""
    doc = ctx.doc
    system = noun_in(ctx, n, arms)
    if system is None:
        return []
    holders = []
    if dep(doc, n) in ("attr", "oprd") and head(doc, n) != n:
        holders = subjects(doc, head(doc, n))
    elif dep(doc, n) == "appos":
        holders = [head(doc, n)]
    holder_parties = states_at(ctx, holders)
    clients = [p for p in ctx.modifier_parties(n) if p not in holder_parties]
    clients += states_at(ctx, prep_objects(doc, n, ("to", "for", "of")))
    givers, receivers = (clients, holder_parties) if buyer else (holder_parties, clients)
    return directed(ctx, "arms_transfer", givers, receivers, n, polarity_of(ctx, n),
                    {"system": system_of(ctx, system, arms, lex.rank_words)})
