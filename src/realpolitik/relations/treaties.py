"""Treaties and agreements: trigger nouns, their parties, names and signing verbs."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from realpolitik.model import Obligations
from realpolitik.relations.context import SentenceContext
from realpolitik.relations.findings import Finding, symmetric
from realpolitik.relations.lexicon import load_data_yaml, words_of
from realpolitik.relations.obligations import ObligationStatement
from realpolitik.relations.syntax import (
    children,
    clause_path,
    compound_chain,
    is_negated,
    lemma,
    lower,
    negation_cues,
    prep_objects,
    subjects,
)

_WHERE = "relations/treaties.yaml"
_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "pobj", "conj", "appos"})


@dataclass(frozen=True, slots=True)
class TreatyLexicon:
    strong_nouns: frozenset[str]
    weak_nouns: frozenset[str]
    party_verbs: frozenset[str]
    signing_verbs: frozenset[str]
    party_preps: frozenset[str]
    anaphors: frozenset[str]
    collective_nouns: frozenset[str]
    non_treaty_modifiers: frozenset[str]
    treaty_modifiers: frozenset[str]
    obliging_verbs: frozenset[str]


@lru_cache(maxsize=1)
def treaty_lexicon() -> TreatyLexicon:
    t = load_data_yaml("relations", "treaties.yaml")
    return TreatyLexicon(*(words_of(t, key, _WHERE) for key in (
        "strong_nouns", "weak_nouns", "party_verbs", "signing_verbs", "party_preps",
        "anaphors", "collective_nouns", "non_treaty_modifiers", "treaty_modifiers",
        "obliging_verbs")))


@dataclass
class TreatyMention:
    """A treaty noun in a sentence with what the sentence says about it."""

    trigger: int
    parties: list[str]
    name: str | None
    description: str
    #: the verb that dates it ("signed"), if any
    signing_verb: int | None
    #: "the pact", "the agreement": refers back to the last treaty when it names no parties
    anaphoric: bool
    negated: bool


def _is_capitalised(text: str) -> bool:
    return text[:1].isupper()


def _word(ctx: SentenceContext, i: int) -> set[str]:
    return {lower(ctx.doc, i), lemma(ctx.doc, i)}


def _is_collective(ctx: SentenceContext, lex: TreatyLexicon, i: int) -> bool:
    """"the two countries", "both sides": a subject that means the treaty's parties."""
    return ctx.mention_at(i) is None and bool(_word(ctx, i) & lex.collective_nouns)


def treaty_triggers(ctx: SentenceContext, lex: TreatyLexicon, obligations_here: bool) -> \
        list[int]:
    """Tokens of the sentence that name a treaty."""
    doc = ctx.doc
    found: list[int] = []
    for i in ctx.token_range():
        tok = doc.tokens[i]
        if tok.pos not in ("NOUN", "PROPN"):
            continue
        words = _word(ctx, i)
        strong = bool(words & lex.strong_nouns)
        weak = bool(words & lex.weak_nouns)
        if not (strong or weak):
            continue
        # a modifier of a longer name: "partnership" in "partnership agreement", "Treaty"
        # in "Collective Security Treaty Organization", "treaty allies"
        if tok.dep == "compound" or ctx.is_org_at(i):
            continue
        modifiers = {lower(doc, k) for k in children(doc, i, ("compound", "amod", "nmod"))}
        if modifiers & lex.non_treaty_modifiers:
            continue
        if weak and not strong and not _weak_context(ctx, lex, i, obligations_here):
            continue
        found.append(i)
    return found


def _weak_context(ctx: SentenceContext, lex: TreatyLexicon, i: int, obligations_here: bool) \
        -> bool:
    doc = ctx.doc
    if obligations_here or _signing_verb(ctx, lex, i) is not None:
        return True
    if prep_objects(doc, i, ("between",)):
        return True
    modifiers = {lower(doc, k) for k in children(doc, i, ("amod", "compound"))}
    if modifiers & lex.treaty_modifiers:
        return True
    return _is_capitalised(doc.tokens[i].text) and i != ctx.start


def _signing_verb(ctx: SentenceContext, lex: TreatyLexicon, i: int) -> int | None:
    """The verb that signs, concludes or upgrades to the treaty at ``i``."""
    doc = ctx.doc
    for k in children(doc, i, ("acl", "relcl")):
        if lemma(doc, k) in lex.signing_verbs:
            return k
    cur = i
    for j in clause_path(doc, i)[1:]:
        if doc.tokens[cur].dep not in _OBJECT_DEPS and doc.tokens[cur].dep != "prep":
            break
        if doc.tokens[j].pos in ("VERB", "AUX"):
            return j if lemma(doc, j) in lex.signing_verbs else None
        cur = j
    return None


def _party_verb(ctx: SentenceContext, lex: TreatyLexicon, i: int) -> int | None:
    """A verb whose subject is a party of the treaty at ``i`` ("Russia signed a pact",
    "China and North Korea are bound by a treaty", "the pact which Iran signed")."""
    doc = ctx.doc
    for k in children(doc, i, ("acl", "relcl")):
        if lemma(doc, k) in lex.party_verbs:
            return k
    cur = i
    for j in clause_path(doc, i)[1:]:
        if doc.tokens[cur].dep not in _OBJECT_DEPS and doc.tokens[cur].dep not in \
                ("prep", "agent"):
            return None
        if doc.tokens[j].pos in ("VERB", "AUX"):
            return j if lemma(doc, j) in lex.party_verbs else None
        if doc.tokens[j].dep == "prep" and lower(doc, j) not in ("to", "by", "into", "on"):
            return None
        cur = j
    return None


def _name_span(ctx: SentenceContext, i: int) -> tuple[int, int] | None:
    """The treaty's proper name when the text gives one: "Strategic Partnership Agreement",
    "Treaty of Friendship", "Shusha Declaration"."""
    doc = ctx.doc
    if not _is_capitalised(doc.tokens[i].text):
        return None
    first = i
    while first - 1 >= ctx.start and doc.tokens[first - 1].head in (i, first) and \
            doc.tokens[first - 1].pos != "DET" and ctx.mention_at(first - 1) is None and \
            (_is_capitalised(doc.tokens[first - 1].text) or doc.tokens[first - 1].text == "-"):
        first -= 1
    last = i
    if last + 2 < ctx.end and lower(doc, last + 1) == "of" and \
            _is_capitalised(doc.tokens[last + 2].text) and ctx.mention_at(last + 2) is None:
        last += 2
        while last + 1 < ctx.end and (
            _is_capitalised(doc.tokens[last + 1].text)
            or (lower(doc, last + 1) in (",", "and") and last + 2 < ctx.end
                and _is_capitalised(doc.tokens[last + 2].text))
        ) and ctx.mention_at(last + 1) is None:
            last += 1
    if first == last:
        return None
    return first, last


def _description(ctx: SentenceContext, i: int) -> str:
    doc = ctx.doc
    parts = [k for k in compound_chain(doc, i) if ctx.mention_at(k) is None]
    first = min([i, *parts])
    words = [doc.tokens[k].text for k in range(first, i + 1)
             if ctx.mention_at(k) is None and doc.tokens[k].pos not in ("DET", "PUNCT", "NUM")]
    return " ".join(words).lower()


def _between_parties(ctx: SentenceContext, i: int, last_name_token: int) -> list[str]:
    doc = ctx.doc
    out: list[str] = []
    for b in ctx.token_range():
        if lower(doc, b) not in ("between", "among") or doc.tokens[b].dep != "prep":
            continue
        h = doc.tokens[b].head
        if h == i or i <= h <= last_name_token or doc.tokens[h].head == i:
            for obj in children(doc, b, ("pobj",)):
                out.extend(ctx.parties_at(obj))
    return out


def read_treaty(ctx: SentenceContext, lex: TreatyLexicon, i: int,
                obligations_stated: bool = False) -> TreatyMention:
    """Parties, name and signing verb of the treaty noun at ``i``; ``obligations_stated``
    says the sentence states obligations (which makes its two states likely parties)."""
    doc = ctx.doc
    span = _name_span(ctx, i)
    name = doc.text_of(span[0], span[1] + 1) if span else None
    name_end = span[1] if span else i
    parties: list[str] = []
    parties.extend(_between_parties(ctx, i, name_end))
    parties.extend(ctx.modifier_parties(i))
    parties.extend(p for obj in prep_objects(doc, i, ("with",)) for p in ctx.parties_at(obj))
    verb = _party_verb(ctx, lex, i)
    collective = False
    if verb is not None:
        for s in subjects(doc, verb):
            collective = collective or _is_collective(ctx, lex, s)
            parties.extend(ctx.parties_at(s))
        parties.extend(p for obj in prep_objects(doc, verb, ("with", "between", "by"))
                       for p in ctx.parties_at(obj))
    # "the accord commits Russia and North Korea to ...": the obliged are the parties
    if doc.tokens[i].dep == "nsubj" and lemma(doc, doc.tokens[i].head) in lex.obliging_verbs:
        for obj in children(doc, doc.tokens[i].head, ("dobj",)):
            parties.extend(ctx.parties_at(obj))
    parties = list(dict.fromkeys(parties))
    determiners = {lower(doc, k) for k in children(doc, i, ("det", "poss"))}
    if len(parties) < 2 and not collective and (obligations_stated or
                                                 _fillable(ctx, lex, i, verb)):
        parties = fill_from_sentence(ctx, parties)
    anaphoric = collective or (len(parties) < 2 and bool(determiners & lex.anaphors))
    return TreatyMention(
        trigger=i, parties=parties, name=name, description=_description(ctx, i),
        signing_verb=_signing_verb(ctx, lex, i), anaphoric=anaphoric,
        negated=_treaty_negated(ctx, i),
    )


#: prepositions that put a clause under a treaty: "Under the treaty, Washington must ..."
_FRAMING_PREPS = frozenset({"under", "to", "by", "in"})


def _fillable(ctx: SentenceContext, lex: TreatyLexicon, i: int, verb: int | None) -> bool:
    """Whether the sentence's two states may be taken as the parties of the treaty noun at
    ``i``: it is signed or concluded, framed ("under the treaty", "according to the
    agreement"), or named — not a passing mention ("the pricing agreement")."""
    doc = ctx.doc
    if verb is not None or _signing_verb(ctx, lex, i) is not None:
        return True
    if _is_capitalised(doc.tokens[i].text) and i != ctx.start:
        return True
    h = doc.tokens[i].head
    return doc.tokens[i].dep == "pobj" and lower(doc, h) in _FRAMING_PREPS and \
        doc.tokens[h].dep == "prep" and doc.tokens[doc.tokens[h].head].pos in ("VERB", "AUX")


def _treaty_negated(ctx: SentenceContext, i: int) -> bool:
    """Whether the text denies the treaty itself ("no formal alliance", "did not sign the
    pact"), not one of its terms ("the agreement does not oblige ...")."""
    doc = ctx.doc
    cues = negation_cues()
    if any(lower(doc, k) in cues.negative_determiners for k in children(doc, i, ("det",))):
        return True
    if doc.tokens[i].dep not in ("dobj", "attr"):
        return False
    # "did not sign the pact", "failed to conclude an agreement"
    return is_negated(doc, doc.tokens[i].head)


def fill_from_sentence(ctx: SentenceContext, parties: list[str]) -> list[str]:
    """Complete a party list from the sentence's states when that gives exactly two."""
    if len(parties) >= 2:
        return parties
    states = ctx.state_parties()
    combined = list(dict.fromkeys([*parties, *states]))
    return combined if len(combined) == 2 else parties


def obligation_parties(ctx: SentenceContext, lex: TreatyLexicon, statement: ObligationStatement) \
        -> tuple[list[str], bool]:
    """Parties of an obligation stated without a treaty noun ("Moscow has no military
    obligations to Tehran"); the flag says the subject was "the two countries"."""
    doc = ctx.doc
    parties: list[str] = []
    collective = False
    for cue in statement.cue_heads:
        for obj in prep_objects(doc, cue, ("to", "toward", "towards", "with")):
            parties.extend(ctx.parties_at(obj))
        verb = cue if doc.tokens[cue].pos == "VERB" else None
        for j in clause_path(doc, cue)[1:]:
            if doc.tokens[j].pos in ("VERB", "AUX"):
                verb = j
                break
        if verb is not None:
            for s in subjects(doc, verb):
                collective = collective or _is_collective(ctx, lex, s)
                parties.extend(ctx.parties_at(s))
    return list(dict.fromkeys(parties)), collective


def treaty_finding(ctx: SentenceContext, mention: TreatyMention, obligations: Obligations) \
        -> Finding:
    attributes = {"description": mention.description} if mention.description else {}
    return Finding(
        kind="treaty", parties=symmetric(mention.parties), sentence=ctx.sentence.index,
        date_token=mention.signing_verb if mention.signing_verb is not None else mention.trigger,
        polarity="negated" if mention.negated else "asserted", obligations=obligations,
        name=mention.name, attributes=attributes,
        dated_by_verb=mention.signing_verb is not None,
    )


def nearest(items: list[int], target: int) -> int:
    return min(items, key=lambda t: abs(t - target))

