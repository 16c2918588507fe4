"""Dependency-tree helpers: clause paths, conjuncts, prepositional objects, negation."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from realpolitik.model import ParsedDoc
from realpolitik.relations.lexicon import load_data_yaml, words_of

#: a token with one of these relations starts its own clause: negation above it does not
#: reach into it ("Iran has not confirmed that it is supplying ..." asserts the supplying)
CLAUSE_BOUNDARIES = frozenset({"ROOT", "ccomp", "advcl", "relcl", "conj", "parataxis",
                               "csubj"})
#: complement clauses through which a governing verb's negation can reach
_COMPLEMENTS = frozenset({"ccomp", "xcomp", "advcl", "acl"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
#: a "no"/"neither" subject negates its verb ("neither party is obliged", "no country sent")
_NEGATABLE_SUBJECTS = frozenset({"nsubj", "nsubjpass"})


@dataclass(frozen=True, slots=True)
class NegationCues:
    negators: frozenset[str]
    negative_determiners: frozenset[str]
    negating_verbs: frozenset[str]
    contrast_preps: frozenset[str]
    similarity_preps: frozenset[str]


@lru_cache(maxsize=1)
def negation_cues() -> NegationCues:
    table = load_data_yaml("relations", "negation.yaml")
    where = "relations/negation.yaml"
    return NegationCues(
        negators=words_of(table, "negators", where),
        negative_determiners=words_of(table, "negative_determiners", where),
        negating_verbs=words_of(table, "negating_verbs", where),
        contrast_preps=words_of(table, "contrast_preps", where),
        similarity_preps=words_of(table, "similarity_preps", where),
    )


def lower(doc: ParsedDoc, i: int) -> str:
    return doc.tokens[i].text.lower().replace("’", "'")


def lemma(doc: ParsedDoc, i: int) -> str:
    return doc.tokens[i].lemma.lower()


def dep(doc: ParsedDoc, i: int) -> str:
    return doc.tokens[i].dep


def head(doc: ParsedDoc, i: int) -> int:
    return doc.tokens[i].head


def children(doc: ParsedDoc, i: int, deps: Iterable[str] | None = None) -> list[int]:
    kids = doc.children(i)
    if deps is None:
        return kids
    wanted = set(deps)
    return [k for k in kids if doc.tokens[k].dep in wanted]


def clause_path(doc: ParsedDoc, i: int) -> list[int]:
    """Token ``i`` and its ancestors up to and including the head of its clause."""
    path = [i]
    cur = i
    while doc.tokens[cur].dep not in CLAUSE_BOUNDARIES and doc.tokens[cur].head != cur:
        cur = doc.tokens[cur].head
        path.append(cur)
    return path


def clause_head(doc: ParsedDoc, i: int) -> int:
    return clause_path(doc, i)[-1]


def governing_verb(doc: ParsedDoc, i: int) -> int | None:
    """The nearest verb (or auxiliary used as a main verb) above token ``i`` in its clause."""
    for j in clause_path(doc, i)[1:]:
        if doc.tokens[j].pos in ("VERB", "AUX"):
            return j
    return None


def conjuncts(doc: ParsedDoc, i: int) -> list[int]:
    """Token ``i`` and the tokens conjoined to it ("Russia and Iran", "A, B and C")."""
    out = [i]
    stack = [i]
    while stack:
        cur = stack.pop()
        for k in children(doc, cur, ("conj", "appos")):
            if k not in out:
                out.append(k)
                stack.append(k)
    return sorted(out)


def prep_objects(doc: ParsedDoc, i: int, preps: Iterable[str]) -> list[int]:
    """Objects (with their conjuncts) of the prepositions in ``preps`` attached to ``i``."""
    wanted = {p.lower() for p in preps}
    out: list[int] = []
    for p in children(doc, i, ("prep", "agent", "dative")):
        if lower(doc, p) not in wanted:
            continue
        for obj in children(doc, p, ("pobj", "pcomp")):
            out.extend(conjuncts(doc, obj))
    return out


_RELATIVE_PRONOUNS = frozenset({"which", "who", "that", "whom"})


def subjects(doc: ParsedDoc, verb: int) -> list[int]:
    """The subjects of a verb with their conjuncts; for an open complement ("began buying",
    "refused to send", "has no plans to send") the subject of the verb it complements; for
    a relative clause with a relative-pronoun subject ("Qatar, which belongs to") the noun
    the clause hangs on."""
    cur = verb
    for _ in range(5):
        found = children(doc, cur, _SUBJECTS)
        if found:
            out: list[int] = []
            for s in found:
                if lower(doc, s) in _RELATIVE_PRONOUNS and doc.tokens[cur].dep == "relcl":
                    out.extend(conjuncts(doc, doc.tokens[cur].head))
                else:
                    out.extend(conjuncts(doc, s))
            return out
        d = doc.tokens[cur].dep
        up = doc.tokens[cur].head
        if up == cur:
            break
        # "accused Beijing of supplying", "stopped Iran from sending": the object acts
        if d == "pcomp" and doc.tokens[up].dep == "prep":
            controller = children(doc, doc.tokens[up].head, ("dobj",))
            if controller:
                return conjuncts(doc, controller[0])
        if d in ("xcomp", "conj", "acl", "advcl", "pcomp"):
            cur = up
            continue
        # "has no plans to send": from the noun an infinitive hangs on, to its verb
        if d in ("dobj", "attr") and doc.tokens[cur].pos in ("NOUN", "PROPN") and cur != verb:
            cur = up
            continue
        break
    return []


def _negative_child(doc: ParsedDoc, t: int, path: set[int], cues: NegationCues) -> bool:
    for c in doc.children(t):
        if c in path:
            continue
        d = doc.tokens[c].dep
        word = lower(doc, c)
        if d == "neg" or (d in ("advmod", "preconj") and word in cues.negators):
            return True
        if d == "det" and word in cues.negative_determiners:
            return True
        if d in _NEGATABLE_SUBJECTS and any(
            doc.tokens[g].dep in ("det", "preconj") and lower(doc, g) in cues.negative_determiners
            for g in doc.children(c)
        ):
            return True
    return False


def negation_path(doc: ParsedDoc, i: int, transparent: frozenset[str] = frozenset()) -> list[int]:
    """The clause path of ``i``, continued into the governing clause when that clause's verb
    is a negating verb ("denies supplying") or one of ``transparent`` ("does not oblige
    Moscow to defend")."""
    cues = negation_cues()
    reach = transparent | cues.negating_verbs
    path = clause_path(doc, i)
    for _ in range(3):
        top = path[-1]
        up = doc.tokens[top].head
        if up == top or doc.tokens[top].dep not in _COMPLEMENTS or lemma(doc, up) not in reach:
            break
        path.extend(j for j in clause_path(doc, up) if j not in path)
    return path


def negation_count(doc: ParsedDoc, i: int, transparent: frozenset[str] = frozenset(),
                   ignore: frozenset[int] = frozenset()) -> int:
    """How many negations govern token ``i`` within its clause.

    Counts "not"/"never" on the path, "no"/"neither" determiners of the path's nouns and of
    their subjects and objects ("obliges neither party to defend"), "without", and verbs such
    as "deny" and "refuse" above ``i``.
    """
    cues = negation_cues()
    path = negation_path(doc, i, transparent)
    on_path = set(path) | set(ignore)
    count = 0
    for k, t in enumerate(path):
        if _negative_child(doc, t, on_path, cues):
            count += 1
        # "obliges neither country to defend": the object controls the complement
        if k > 0 and doc.tokens[path[k - 1]].dep in ("xcomp", "ccomp") and any(
            lower(doc, g) in cues.negative_determiners
            for o in children(doc, t, ("dobj",)) if o not in on_path
            for g in children(doc, o, ("det", "preconj"))
        ):
            count += 1
        if t != i and lower(doc, t) == "without":
            count += 1
        if t != i and lemma(doc, t) in cues.negating_verbs:
            count += 1
    return count


def is_negated(doc: ParsedDoc, i: int, transparent: frozenset[str] = frozenset(),
               ignore: frozenset[int] = frozenset()) -> bool:
    """Whether an odd number of negations govern token ``i``; tokens in ``ignore`` (a
    negation that is part of the cue itself, "not to take sides") do not count."""
    return negation_count(doc, i, transparent, ignore) % 2 == 1


#: a noun in these positions describes its head ("NATO member Turkey", "Israel, America's
#: ally"): the clause's negation is about something else
_DESCRIPTIVE = frozenset({"compound", "appos", "amod", "nmod", "poss"})


def is_negated_role(doc: ParsedDoc, i: int) -> bool:
    """Negation of a role noun ("member", "ally"): the clause's, unless the noun only
    describes another one, when just its own "no"/"not" counts."""
    if doc.tokens[i].dep in _DESCRIPTIVE:
        return _negative_child(doc, i, {i}, negation_cues())
    return is_negated(doc, i)


def contrast_objects(doc: ParsedDoc, verb: int) -> tuple[list[int], list[int]]:
    """Objects of "unlike X" (opposite polarity) and "like X" (same) attached to ``verb``."""
    cues = negation_cues()
    return (prep_objects(doc, verb, cues.contrast_preps),
            prep_objects(doc, verb, cues.similarity_preps))


def compound_chain(doc: ParsedDoc, i: int) -> list[int]:
    """Token ``i`` with its compound and adjectival modifiers, in text order."""
    out = [i]
    stack = [i]
    while stack:
        cur = stack.pop()
        for k in children(doc, cur, ("compound", "amod", "nmod", "nummod")):
            out.append(k)
            stack.append(k)
    return sorted(out)
