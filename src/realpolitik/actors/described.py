"""Persons described at first mention: "Brazilian Finance Minister Dilson Funaro".

The knowledge base may not know the person, or know them only in another office; the
text's own description (a country word and an office noun in front of the name) says what
they are on the document's date: that state's official, with the office's role (GOV unless
the description names a body with another role). Coreference then carries it to the
surname alone ("Funaro said ..."). Office nouns are ``grammar.office_nouns`` in
``data/actors/roles.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from realpolitik.actors.compose import span_head
from realpolitik.actors.kb import KnowledgeBase
from realpolitik.model import Actor, ParsedDoc

if TYPE_CHECKING:
    from realpolitik.actors.resolver import Resolved

#: dependencies by which a word in front of a name describes it
_DESCRIBING = frozenset({"compound", "amod", "poss", "case", "nmod", "punct"})


def describe_persons(doc: ParsedDoc, items: Sequence[Resolved],
                     kb: KnowledgeBase) -> list[Resolved]:
    """Persons with no actor (or only a former office) take the office the words in front
    of their name give; the country mention inside that description is folded into them."""
    offices = kb.vocabulary.words("office_nouns")
    by_start = {r.draft.start: r for r in items}
    dropped: set[int] = set()
    out: list[Resolved] = []
    for item in items:
        actor = item.actor
        if item.kind != "name" or not item.personal or item.draft.former \
                or (actor is not None and actor.role != "ELI"):
            out.append(item)
            continue
        found = _description(doc, item, by_start, offices)
        if found is None:
            out.append(item)
            continue
        left, described_by = found
        country = described_by.actor.country if described_by.actor else None
        if country is None:
            out.append(item)
            continue
        role = described_by.actor.role if described_by.actor and \
            described_by.actor.role not in (None, "ELI") else "GOV"
        state = kb.state_actor(country, role)
        new_actor = state if actor is None else Actor(
            id=actor.id, code=state.code, name=actor.name, country=country, role=role,
            kind="person", title=None, source=actor.source)
        dropped.add(id(described_by))
        draft = replace(item.draft, start=left)
        out.append(replace(item, draft=draft, actor=new_actor))
    return [r for r in out if id(r) not in dropped]


def _description(doc: ParsedDoc, item: Resolved, by_start: dict[int, Resolved],
                 offices: frozenset[str]) -> tuple[int, Resolved] | None:
    """(first token, country mention) of the words describing the name, if they hold an
    office noun and a mention of a state."""
    tokens = doc.tokens
    start, end = item.draft.start, item.draft.end
    name_head = tokens[span_head(doc, start, end)]
    left = start
    while left > 0:
        tok = tokens[left - 1]
        # the possessive "'s" hangs on the country word before it ("Brazil's")
        points_in = left - 1 < tok.head < end or (tok.dep == "case" and tok.head == left - 2)
        # "talks between Kuroda and Deputy U.S. Trade Representative Michael Smith": the
        # parser may make the title's last word a conjunct of its own beside the name
        split_title = (left == start and tok.dep == "conj" and name_head.dep == "conj"
                       and tok.head == name_head.head and tok.text[:1].isupper())
        if tok.sent != tokens[start].sent or tok.text in (",", "(", ")") or not (
                split_title or (tok.dep in _DESCRIBING and points_in)):
            break
        left -= 1
    if left == start:
        return None
    # the office may open the mention itself ("Secretary James Baker")
    words = {tokens[i].lower.strip(".") for i in range(left, end)
             if tokens[i].ent_type != "PERSON"}
    if not words & offices:
        return None
    for i in range(left, start):
        found = by_start.get(i)
        if found is not None and found is not item and found.draft.end <= start \
                and found.actor is not None and found.actor.country \
                and found.kind in ("demonym", "name", "body", "metonym"):
            return found.draft.start, found
    return None
