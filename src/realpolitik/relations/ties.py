"""Memberships ("Iran, a member of the SCO") and alliance claims ("his ally", "allied with")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from realpolitik.model import ParsedDoc, Polarity
from realpolitik.relations.context import SentenceContext
from realpolitik.relations.directed import states_at
from realpolitik.relations.findings import Finding, symmetric
from realpolitik.relations.lexicon import load_data_yaml, section, words_of
from realpolitik.relations.syntax import (
    children,
    conjuncts,
    dep,
    head,
    is_negated,
    is_negated_role,
    lemma,
    lower,
    prep_objects,
    subjects,
)

_WHERE = "relations/ties.yaml"
_ROLE_DEPS = frozenset({"attr", "oprd", "dobj", "xcomp", "acomp"})


@dataclass(frozen=True, slots=True)
class TieLexicon:
    member_nouns: frozenset[str]
    join_verbs: frozenset[str]
    leave_verbs: frozenset[str]
    aspiration_verbs: frozenset[str]
    ally_nouns: frozenset[str]
    ally_adjectives: frozenset[str]


@lru_cache(maxsize=1)
def tie_lexicon() -> TieLexicon:
    table = load_data_yaml("relations", "ties.yaml")
    member = section(table, "membership", _WHERE)
    alliance = section(table, "alliance", _WHERE)
    return TieLexicon(
        member_nouns=words_of(member, "nouns", _WHERE),
        join_verbs=words_of(member, "join_verbs", _WHERE),
        leave_verbs=words_of(member, "leave_verbs", _WHERE),
        aspiration_verbs=words_of(member, "aspiration_verbs", _WHERE),
        ally_nouns=words_of(alliance, "nouns", _WHERE),
        ally_adjectives=words_of(alliance, "adjectives", _WHERE),
    )


def _role_polarity(doc: ParsedDoc, i: int) -> Polarity:
    return "negated" if is_negated_role(doc, i) else "asserted"


def _orgs(ctx: SentenceContext, tokens: list[int]) -> list[str]:
    out: list[str] = []
    for t in tokens:
        if ctx.is_org_at(t):
            p = ctx.party_at(t, deep=False)
            if p and p not in out:
                out.append(p)
    return out


def _role_anchor(ctx: SentenceContext, i: int) -> int:
    """"one of Washington's allies", "the largest member of ASEAN": the noun that carries the
    role in the clause ("one", else ``i`` itself)."""
    doc = ctx.doc
    h = head(doc, i)
    if dep(doc, i) == "pobj" and lower(doc, h) == "of" and lower(doc, head(doc, h)) in (
            "one", "some", "two", "three", "among", "each"):
        return head(doc, h)
    return i


def _holders(ctx: SentenceContext, i: int) -> list[int]:
    """Tokens that hold the role named by the noun at ``i``: the subject of "is/became/
    remains a member", the noun it is in apposition to, the name it modifies."""
    doc = ctx.doc
    anchor = _role_anchor(ctx, i)
    d = dep(doc, anchor)
    h = head(doc, anchor)
    nxt = anchor + 1
    if d == "dobj" and nxt < ctx.end and ctx.mention_at(nxt) is not None \
            and ctx.mention_at(nxt) != ctx.mention_at(anchor):
        # "visited OPEC members Gabon, Algeria and Libya": the names after the noun hold
        # the role, not the subject of the verb
        return [nxt]
    if d in _ROLE_DEPS and h != anchor:
        return subjects(doc, h)
    if d == "appos":
        return [h]
    if d == "compound" and h != anchor:
        return [h]
    # "The Philippines and Japan, both treaty allies of the United States" (parsed as conj)
    if d == "conj" and h != anchor:
        return [k for k in conjuncts(doc, h) if k != anchor]
    # "his ally Lukashenko": the name right after the role noun
    nxt = anchor + 1
    if nxt < ctx.end and ctx.mention_at(nxt) is not None and ctx.mention_at(nxt) != \
            ctx.mention_at(anchor):
        return [nxt]
    return []


def memberships(ctx: SentenceContext, lex: TieLexicon) -> list[Finding]:
    doc = ctx.doc
    found: list[Finding] = []
    # the part of speech first: most tokens are none of these, and their words need not be
    # lower-cased (every token of every sentence passes here)
    for i in ctx.token_range():
        pos = doc.tokens[i].pos
        if pos == "NOUN":
            if lower(doc, i) in lex.member_nouns or lemma(doc, i) in lex.member_nouns:
                found.extend(_member_noun(ctx, i))
        elif pos in ("VERB", "AUX"):
            base = lemma(doc, i)
            if base in lex.join_verbs:
                found.extend(_member_verb(ctx, lex, i, leaving=False))
            elif pos == "VERB" and base in lex.leave_verbs:
                found.extend(_member_verb(ctx, lex, i, leaving=True))
    return found


def _relative_antecedent(ctx: SentenceContext, i: int) -> int | None:
    """"the SCO, of which Iran is a member": the noun the relative clause hangs on."""
    doc = ctx.doc
    for j in [head(doc, i), i]:
        if dep(doc, j) == "relcl":
            return head(doc, j)
    return None


def _member_noun(ctx: SentenceContext, i: int) -> list[Finding]:
    doc = ctx.doc
    org_tokens = prep_objects(doc, i, ("of", "in", "to"))
    org_tokens += [k for k in children(doc, i, ("compound", "nmod", "poss"))
                   if ctx.is_org_at(k)]
    antecedent = _relative_antecedent(ctx, i)
    if antecedent is not None:
        org_tokens.append(antecedent)
    orgs = _orgs(ctx, org_tokens)
    if not orgs:
        return []
    holders = _holders(ctx, i)
    # "Greece's membership in NATO"
    holders += [k for k in children(doc, i, ("poss",)) if not ctx.is_org_at(k)]
    # "a member ... along with Armenia and Kazakhstan"
    for along in children(doc, i, ("prep",)):
        if lower(doc, along) in ("along", "together"):
            holders += prep_objects(doc, along, ("with",))
    members = states_at(ctx, holders)
    polarity = _role_polarity(doc, i)
    return [Finding("membership", symmetric([m, orgs[0]]), ctx.sentence.index, i, polarity)
            for m in members if m != orgs[0]]


def _member_verb(ctx: SentenceContext, lex: TieLexicon, i: int, leaving: bool) -> list[Finding]:
    doc = ctx.doc
    if dep(doc, i) in ("xcomp", "ccomp", "acl") and lemma(doc, head(doc, i)) in \
            lex.aspiration_verbs:
        return []
    objects = [c for d in children(doc, i, ("dobj",)) for c in conjuncts(doc, d)]
    objects += prep_objects(doc, i, ("to", "from", "of", "in"))
    # "joined the SCO in 2023 and BRICS six months later" (the second object as a conjunct)
    objects += [c for c in children(doc, i, ("conj",)) if ctx.is_org_at(c)]
    orgs = _orgs(ctx, objects)
    if not orgs:
        return []
    members = states_at(ctx, subjects(doc, i))
    polarity: Polarity = "negated" if is_negated(doc, i) != leaving else "asserted"
    return [Finding("membership", symmetric([m, org]), ctx.sentence.index, i, polarity)
            for m in members for org in orgs if m != org]


def alliance_claims(ctx: SentenceContext, lex: TieLexicon, taken: set[int]) -> list[Finding]:
    """Claims that states are allies; ``taken`` are tokens already read as treaties."""
    doc = ctx.doc
    found: list[Finding] = []
    for i in ctx.token_range():
        if i in taken:
            continue
        tok = doc.tokens[i]
        word = lower(doc, i)
        if (tok.pos in ("NOUN", "PROPN") and tok.dep != "compound"
                and (word in lex.ally_nouns or lemma(doc, i) in lex.ally_nouns)):
            found.extend(_ally_noun(ctx, i))
        elif word in lex.ally_adjectives and prep_objects(doc, i, ("with",)):
            finding = _allied_with(ctx, i)
            if finding is not None:
                found.append(finding)
    return found


def _ally_noun(ctx: SentenceContext, i: int) -> list[Finding]:
    doc = ctx.doc
    orgs_here = ctx.organisation_parties()
    is_alliance = lemma(doc, i) == "alliance" or lower(doc, i) == "alliance"
    polarity = _role_polarity(doc, i)
    # "Turkey, a NATO ally": a member of the alliance organisation
    orgs = _orgs(ctx, children(doc, i, ("compound", "nmod", "poss")))
    if orgs and not is_alliance:
        members = [p for p in states_at(ctx, _holders(ctx, i)) if p not in orgs]
        return [Finding("membership", symmetric([m, orgs[0]]), ctx.sentence.index, i, polarity)
                for m in members]
    # the state that has the ally: "Russia's ally", "an ally of the United States"
    owners = [p for p in ctx.modifier_parties(i) if p not in orgs_here]
    owners += states_at(ctx, prep_objects(doc, i, ("of", "between", "with")))
    if not is_alliance:
        owners += states_at(ctx, prep_objects(doc, i, ("in",)))
    holders_tokens = _holders(ctx, i)
    if is_alliance:
        # "the Russian-Iranian cooperation has not developed into a military alliance"
        if dep(doc, i) == "pobj":
            holders_tokens = subjects(doc, head(doc, head(doc, i)))
        owners += [p for h in holders_tokens for p in ctx.modifier_parties(h)]
    holders = [p for p in states_at(ctx, holders_tokens) if p not in owners]
    owners = list(dict.fromkeys(owners))
    states = ctx.state_parties()
    if is_alliance:
        parties = symmetric(owners + holders)
        if len(parties) < 2:
            return []
        return [Finding("alliance_claim", parties, ctx.sentence.index, i, polarity)]
    if owners and holders:
        return [Finding("alliance_claim", symmetric([o, h]), ctx.sentence.index, i, polarity)
                for h in holders for o in owners]
    parties = symmetric(owners + holders)
    if not any(p in states for p in parties) or (len(parties) == 1 and _personal(ctx, i)):
        return []
    return [Finding("alliance_claim", parties, ctx.sentence.index, i, polarity)]


def _personal(ctx: SentenceContext, i: int) -> bool:
    """"a key Reagan ally": the ally of a person named by name, a political ally rather
    than a state's."""
    for k in children(ctx.doc, i, ("poss", "compound", "nmod")):
        m = ctx.mention_at(k)
        if m is not None and m.actor is not None and m.actor.kind == "person" and \
                m.kind == "name":
            return True
    return False


def _allied_with(ctx: SentenceContext, i: int) -> Finding | None:
    doc = ctx.doc
    sides = states_at(ctx, prep_objects(doc, i, ("with",)))
    verb = i if doc.tokens[i].pos == "VERB" else head(doc, i)
    sides += states_at(ctx, subjects(doc, verb))
    parties = symmetric(sides)
    if len(parties) < 2:
        return None
    polarity: Polarity = "negated" if is_negated(doc, i) else "asserted"
    return Finding("alliance_claim", parties, ctx.sentence.index, i, polarity)
