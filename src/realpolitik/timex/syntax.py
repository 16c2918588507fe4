"""Dependency-tree questions the time stage asks: what an expression modifies, where a
clause ends, whether a clause is past or future.

All functions read a :class:`~realpolitik.model.ParsedDoc` (plain tokens with heads and
labels) and the discourse lists of ``data/timex/discourse.yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from realpolitik.model import ParsedDoc, Token
from realpolitik.timex.lexicon import Discourse

_VERBAL = frozenset({"VERB", "AUX"})
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "expl", "csubj", "csubjpass"})
#: dependencies by which a date modifies a noun only ("the 2025 agreement", "last year's
#: war"): such a date dates that noun, never the whole sentence
NOMINAL_MODIFIERS = frozenset({"poss", "compound", "nummod", "amod", "nmod", "det"})


@dataclass(frozen=True, slots=True)
class Attachment:
    """A token an expression modifies, and how."""

    token: int
    #: the dependency label of the expression word that hangs from ``token``
    dep: str

    @property
    def nominal(self) -> bool:
        return self.dep in NOMINAL_MODIFIERS


def attachments(doc: ParsedDoc, start: int, end: int) -> list[Attachment]:
    """The words outside tokens ``[start, end)`` that the expression hangs from.

    A preposition outside the expression ("in" + "2011" when only "2011" was found) is
    climbed over, so the attachment is the verb or noun the phrase modifies.
    """
    out: list[Attachment] = []
    tokens = doc.tokens
    for i in range(start, end):
        tok = tokens[i]
        head = tok.head
        if start <= head < end or head == i:
            continue
        dep = tok.dep
        steps = 0
        while tokens[head].pos == "ADP" and tokens[head].head != head and steps < 3:
            dep = tokens[head].dep
            head = tokens[head].head
            steps += 1
        if not any(a.token == head for a in out):
            out.append(Attachment(head, dep))
    return out


def marker_words(doc: ParsedDoc, i: int) -> set[str]:
    """Lower-case subordinators of clause head ``i`` ("when", "as", "because")."""
    return {doc.tokens[c].lower for c in doc.children(i)
            if doc.tokens[c].dep in ("mark", "advmod") and c < i}


def crosses(doc: ParsedDoc, i: int, discourse: Discourse) -> bool:
    """May a date travel between token ``i`` and its head?

    Within a clause always; across a clause boundary only for clauses that happen at the
    same time as their head (a "when"/"while" clause of a verb) and for conjoined verbs
    that share their subject ("condemned and sanctioned").
    """
    tok = doc.tokens[i]
    if tok.head == i or tok.dep not in discourse.clause_boundaries:
        return True
    head = doc.tokens[tok.head]
    if tok.dep == "advcl":
        return (head.pos in _VERBAL
                and bool(marker_words(doc, i) & discourse.simultaneity_markers))
    if tok.dep == "conj":
        return tok.pos not in _VERBAL or not any(
            doc.tokens[c].dep in _SUBJECTS for c in doc.children(i))
    return False


def head_path(doc: ParsedDoc, i: int, discourse: Discourse) -> tuple[list[int], bool]:
    """Tokens from ``i`` up towards the root while dates may travel; True if it got there.

    The last token of the path is the head of the outermost clause reached.
    """
    path = [i]
    seen = {i}
    while True:
        tok = doc.tokens[path[-1]]
        if tok.head == tok.i:
            return path, True
        if not crosses(doc, tok.i, discourse) or tok.head in seen:
            return path, False
        path.append(tok.head)
        seen.add(tok.head)


def clause_head(doc: ParsedDoc, i: int, discourse: Discourse) -> int:
    """The head of the clause containing token ``i`` (the first boundary or the root)."""
    seen = {i}
    while True:
        tok = doc.tokens[i]
        if tok.head == i or tok.dep in discourse.clause_boundaries or tok.head in seen:
            return i
        i = tok.head
        seen.add(i)


def _is_past_verb(doc: ParsedDoc, tok: Token, discourse: Discourse) -> bool:
    if tok.tag in discourse.past_tags:
        return True
    return any(doc.tokens[c].dep in ("aux", "auxpass")
               and doc.tokens[c].tag in discourse.past_tags for c in doc.children(tok.i))


def is_past_clause(doc: ParsedDoc, i: int, discourse: Discourse) -> bool:
    """Is a verb on the way from ``i`` to its clause head in the past tense?

    Simple past ("signed"), past perfect ("had signed"), past passive ("was overthrown"),
    past progressive ("was supporting") and "did" support count; present perfect ("has
    sent") does not: it speaks of the present.
    """
    seen = {i}
    while True:
        tok = doc.tokens[i]
        if tok.pos in _VERBAL and _is_past_verb(doc, tok, discourse):
            return True
        if tok.head == i or tok.dep in discourse.clause_boundaries or tok.head in seen:
            return False
        i = tok.head
        seen.add(i)


def is_future(doc: ParsedDoc, i: int, discourse: Discourse) -> bool:
    """Does token ``i`` sit in a future clause ("will meet", "is expected to close")?"""
    seen = {i}
    while True:
        tok = doc.tokens[i]
        if tok.pos in _VERBAL:
            if any(doc.tokens[c].dep == "aux"
                   and doc.tokens[c].lower in discourse.future_auxiliaries
                   for c in doc.children(i)):
                return True
            if tok.lemma.lower() in discourse.future_governors and any(
                    doc.tokens[c].dep == "xcomp" for c in doc.children(i)):
                return True
        elif tok.pos == "ADJ" and tok.lemma.lower() in discourse.future_governors:
            return True  # "payment due April 23", "talks set for May"
        if tok.head == i or tok.head in seen:
            return False
        if tok.dep in discourse.clause_boundaries and tok.dep != "xcomp":
            return False
        i = tok.head
        seen.add(i)


def first_words(doc: ParsedDoc, sentence: int, count: int = 4) -> str:
    """The first words of a sentence, lower case, punctuation dropped."""
    sent = doc.sentences[sentence]
    words = [doc.tokens[i].lower for i in range(sent.start, min(sent.end, sent.start + 8))
             if doc.tokens[i].pos not in ("PUNCT", "SPACE")]
    return " ".join(words[:count])
