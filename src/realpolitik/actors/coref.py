"""Coreference within a paragraph: pronouns, bare titles and bodies, counterparts, surnames.

Rules, each to the most recent compatible actor in the same paragraph:
- "he"/"she"/"him": a person or an office holder ("the Russian president");
- "it": a state, organisation, group or body; "they"/"them": a plural group ("Iranian
  officials", "the Russians", Hamas);
- "the president": an earlier person holding that office, else the holder of that office
  in the most recent state mentioned;
- "the ministry", "the army": an earlier body of the same role, else that role of the most
  recent state;
- "his French counterpart": the holder, in France, of the office of the person "his" points to;
- a surname after the full name: the same person, across the whole document.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from realpolitik.actors.compose import span_head
from realpolitik.actors.kb import KnowledgeBase
from realpolitik.actors.lexicon import surnames
from realpolitik.actors.nonstate import BUSINESS
from realpolitik.model import Actor, Mention, ParsedDoc

if TYPE_CHECKING:
    from realpolitik.actors.resolver import Resolved

#: how many sentences back a pronoun may look for its antecedent
_PRONOUN_WINDOW = 2
_GENDERED = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f"}
#: a subject pronoun, or a possessive one ("Nakasone said his visit ..."), refers to the
#: salient actor (the subject) before the nearest one
_SALIENT_DEPS = frozenset({"nsubj", "nsubjpass", "poss"})
#: roles of a person who holds no office at the time: a surname alone that the knowledge
#: base gives such a person yields to a full name the document used before
_OUT_OF_OFFICE_ROLES = frozenset({"ELI"})
_COLLECTIVE_KINDS = frozenset({"state", "organisation", "group", "government", "body"})
#: nouns a leader's name can modify to name the government: "the Reagan administration"
_GOVERNMENT_NOUNS = frozenset({"administration", "government", "cabinet", "regime"})


class Coreference:
    def __init__(self, kb: KnowledgeBase, doc: ParsedDoc, when: date) -> None:
        self.kb = kb
        self.doc = doc
        self.when = when
        vocab = kb.vocabulary
        self.person_pronouns = frozenset(p.lower() for p in vocab.person_pronouns)
        self.collective_pronouns = frozenset(p.lower() for p in vocab.collective_pronouns)
        self.plural_pronouns = frozenset(p.lower() for p in vocab.plural_pronouns)
        self.head_titles = vocab.head_titles
        self.pleonastic_heads = vocab.words("pleonastic_heads")
        self.pleonastic_passives = vocab.words("pleonastic_passives")

    def paragraph(self, token: int) -> int:
        return self.doc.sentences[self.doc.tokens[token].sent].paragraph \
            if self.doc.sentences else 0

    # ------------------------------------------------------------ noun phrases

    def run(self, items: list[Resolved]) -> list[Resolved]:
        """Fill in actors that depend on earlier mentions; drop what stays unresolvable."""
        out: list[Resolved] = []
        full_names: dict[str, Actor | None] = {}
        described: dict[str, Actor] = {}
        for item in items:
            draft = item.draft
            if draft.person:
                item = self._surname(item, full_names, described)
            elif item.personal and (item.kind == "name" or draft.unknown_name):
                item = self._described_surname(item, full_names, described)
            elif item.kind == "counterpart":
                item = self._counterpart(item, out)
            elif item.kind == "title" and item.actor is None:
                item = self._bare_title(item, out)
            elif item.kind == "body" and item.actor is None:
                resolved = self._bare_body(item, out)
                if resolved is None:
                    continue
                item = resolved
            out.append(item)
        return out

    def _earlier(self, items: Sequence[Resolved], start: int,
                 any_paragraph: bool = False) -> list[Resolved]:
        """Candidate antecedents: items of the same paragraph (``any_paragraph``: of any)
        before token ``start``, the nearest sentence first and, within a sentence, its
        subject before other mentions (in "Biden met Macron. The president said", the
        president is Biden)."""
        para = self.paragraph(start)
        tokens = self.doc.tokens
        found = [r for r in items if r.draft.end <= start and not r.place
                 and (any_paragraph or self.paragraph(r.draft.start) == para)]

        def salience(item: Resolved) -> tuple[int, int, int]:
            head = tokens[self._head(item)]
            if head.dep == "compound":
                # "the Reagan administration said": the phrase's role is the noun's
                head = tokens[head.head]
            subject = 1 if head.dep in ("nsubj", "nsubjpass") else 0
            return (tokens[item.draft.start].sent, subject, item.draft.start)

        return sorted(found, key=salience, reverse=True)

    def _head(self, item: Resolved) -> int:
        return span_head(self.doc, item.draft.start, item.draft.end)

    def _surname(self, item: Resolved, full_names: dict[str, Actor | None],
                 described: dict[str, Actor]) -> Resolved:
        draft = item.draft
        text = self.doc.text_of(draft.start, draft.end)
        only_surname = all(e.kind == "surname" for e in draft.person)
        for name, actor in described.items():
            if text.endswith(name) and (item.actor is None or item.actor.code != actor.code):
                # "Deputy U.S. Trade Representative Michael Smith ... Michael Smith said":
                # the person as the document described them, not a namesake or another
                # tenure the knowledge base holds under that name (an Irish minister)
                return replace(item, actor=actor)
        if only_surname:
            key = text.split()[-1]
            if key in full_names:
                known = full_names[key]
                if known is None:
                    # "Aneesuddin Ahmed ... Ahmed said": the person named in full earlier,
                    # whom we do not know, not a namesake the knowledge base holds out of
                    # office (but "Pik Botha ... Botha" may still be the president Botha)
                    return replace(item, actor=None) if item.actor is None or \
                        item.actor.role in _OUT_OF_OFFICE_ROLES else item
                if item.actor is None or item.actor.id != known.id:
                    return replace(item, actor=known)
            return item
        if item.actor is not None:
            person = self.kb.persons.get(item.actor.id.partition(":")[2])
            if person is not None:
                for name in surnames(person.name, person.aliases, self.kb.vocabulary):
                    full_names.setdefault(name, item.actor)
            # "Deputy U.S. Trade Representative Michael Smith": the name, as written, stays
            # this person's in the document (not an Irish namesake's)
            self._describe(item, described)
        return item

    def _describe(self, item: Resolved, described: dict[str, Actor]) -> None:
        """Record the person's name (the run of name words ending the mention) as theirs."""
        assert item.actor is not None
        end = item.draft.end
        first = end - 1
        while first > item.draft.start and self.doc.tokens[first - 1].pos == "PROPN" \
                and self.doc.tokens[first - 1].ent_type == "PERSON":
            first -= 1
        if first < end - 1:
            described.setdefault(self.doc.text_of(first, end), item.actor)

    def _described_surname(self, item: Resolved, full_names: dict[str, Actor | None],
                           described: dict[str, Actor]) -> Resolved:
        """A person the knowledge base does not know: their surname alone later is them
        ("Brazilian Finance Minister Dilson Funaro ... Funaro said"), and so is their full
        name, with what their first mention said they were."""
        last = self.doc.tokens[item.draft.end - 1]
        if last.pos != "PROPN":
            return item
        if item.actor is not None:
            full_names.setdefault(last.text, item.actor)
            self._describe(item, described)
            return item
        if item.draft.end - item.draft.start == 1 and full_names.get(last.text) is not None:
            return replace(item, actor=full_names[last.text])
        if item.draft.end - item.draft.start > 1:
            # a full name we do not know still owns its surname in this document
            full_names.setdefault(last.text, None)
        return item

    def _antecedent_person(self, items: Sequence[Resolved], start: int
                           ) -> Resolved | None:
        """The person "his" points to; None when that is a person we do not know."""
        for earlier in self._earlier(items, start):
            if earlier.personal:
                return earlier if earlier.actor is not None else None
        return None

    def _counterpart(self, item: Resolved, items: Sequence[Resolved]) -> Resolved:
        draft = item.draft
        if draft.country is None:
            return item
        code = self.kb.states.get(draft.country.target)
        country = code.code_on(self.when) if code else draft.country.target
        if draft.person:
            return item
        anchor = self._antecedent_person(items, draft.start)
        title = item.title
        role = "GOV"
        if anchor is None and title is None:
            # whose counterpart is unknown: the other state's government, no person
            return replace(item, actor=self.kb.state_actor(country, role))
        if anchor is not None and title is None and anchor.kind == "body" \
                and anchor.actor is not None:
            # "Ukraine's envoy ... his Russian counterpart": the same body, no person
            return replace(item, actor=self.kb.state_actor(country, anchor.actor.role or role))
        if title is None and anchor is not None:
            title = anchor.title or (anchor.actor.title if anchor.actor else None)
            if anchor.actor is not None and anchor.actor.role:
                role = anchor.actor.role
        if title and title.startswith("former"):
            title = None
        if title is None and role == "GOV":
            title = "leader"
        actor: Actor | None = None
        if title:
            found = self.kb.holder(country, title, self.when)
            if found is not None:
                actor = self.kb.tenure_actor(*found)
            else:
                record = self.kb.vocabulary.titles.get(title)
                role = record.role if record else role
        if actor is None:
            actor = self.kb.state_actor(country, role if role != "ELI" else "GOV")
        return replace(item, actor=actor, title=title)

    def _bare_title(self, item: Resolved, items: Sequence[Resolved]) -> Resolved:
        title = item.title
        # only a definite office refers back ("the president"); "leader Neil Kinnock" or
        # "a minister" does not
        if title is None or self.doc.tokens[item.draft.start].lower != "the":
            return item
        earlier = self._earlier(items, item.draft.start)
        if item.draft.former:
            # "the deposed president": an earlier former holder of that office
            for candidate in earlier:
                actor = candidate.actor
                if candidate.personal and actor is not None and actor.title in (
                        f"former_{title}", "former"):
                    return replace(item, actor=actor)
            return item
        for candidate in earlier:
            if not candidate.personal or candidate.actor is None:
                continue
            held = candidate.title or candidate.actor.title
            if held == title or (title == "leader" and held in self.head_titles):
                return replace(item, actor=candidate.actor)
        for candidate in earlier:
            actor = candidate.actor
            if actor is None or actor.country is None or candidate.personal:
                continue
            if actor.kind not in ("state", "government") and candidate.kind != "metonym":
                continue
            found = self.kb.holder(actor.country, title, self.when)
            if found is not None:
                return replace(item, actor=self.kb.tenure_actor(*found))
        return item

    def _bare_body(self, item: Resolved, items: Sequence[Resolved]) -> Resolved | None:
        draft = item.draft
        definite = self.doc.tokens[draft.start].lower == "the"
        if not definite or not draft.roles:
            return None
        specific = [r for r in draft.roles if not r.generic]
        if not specific:
            return None
        role = specific[-1].role or specific[-1].target
        if role == BUSINESS:
            # "Argentina asked the banks for new loans": the firms or banks a story names
            # without a country are as often foreign (its creditors) as the state's own
            return None
        earlier = self._earlier(items, draft.start)
        for candidate in earlier:
            actor = candidate.actor
            if actor is not None and actor.role == role and actor.kind in ("government",
                                                                            "body"):
                return replace(item, actor=actor)
        sent = self.doc.tokens[draft.start].sent
        for candidate in earlier:
            actor = candidate.actor
            if self.doc.tokens[candidate.draft.start].sent < sent - 1:
                break
            # a person of the same sentence counts too: in "President X was toppled by
            # the army" the army is X's state's
            same = self.doc.tokens[candidate.draft.start].sent == sent
            if actor is not None and actor.country and (not candidate.personal or same) \
                    and candidate.kind in ("name", "metonym", "demonym", "body", "title"):
                return replace(item, actor=self.kb.state_actor(actor.country, role))
        return None

    # ------------------------------------------------------------ pronouns

    def pronouns(self, items: Sequence[Resolved]) -> list[Mention]:
        from realpolitik.actors.resolver import make_mention

        taken = {i for r in items for i in range(r.draft.start, r.draft.end)}
        out: list[Mention] = []
        #: the last subject "it" resolved, as (sentence, actor): wire copy runs one body
        #: through paragraphs by "it" alone ("The Bank of Zambia paid ... The bank had not
        #: paid since it suspended ... It has said ..."), and the chain carries it on
        chain: tuple[int, Actor] | None = None
        for tok in self.doc.tokens:
            if tok.pos != "PRON" or tok.i in taken:
                continue
            low = tok.lower
            if low in self.person_pronouns:
                antecedent = self._pronoun_antecedent(items, tok.i, personal=True,
                                                      gender=_GENDERED.get(low))
            elif low in self.collective_pronouns:
                # an object "it" is nearly always a thing or an event, not an actor (but
                # "its" owns what follows: "Japan said its attack ...")
                if tok.dep not in _SALIENT_DEPS or self._pleonastic(tok.i):
                    continue
                antecedent = self._pronoun_antecedent(items, tok.i, collective=True)
                if antecedent is None and chain is not None \
                        and tok.sent - chain[0] <= _PRONOUN_WINDOW:
                    antecedent = chain[1]
                if antecedent is not None:
                    chain = (tok.sent, antecedent)
            elif low in self.plural_pronouns:
                antecedent = self._pronoun_antecedent(items, tok.i, plural=True)
            else:
                continue
            if antecedent is not None:
                out.append(make_mention(self.doc, tok.i, tok.i + 1, antecedent, "pronoun"))
        return out

    def _pronoun_antecedent(self, items: Sequence[Resolved], index: int,
                            personal: bool = False, collective: bool = False,
                            plural: bool = False, gender: str | None = None) -> Actor | None:
        found = self._antecedent_in(items, index, personal, collective, plural, gender,
                                    any_paragraph=False)
        if found is None and self._opens_paragraph(index) and (
                not personal or self.doc.tokens[index].dep in ("nsubj", "nsubjpass")):
            # wire copy puts one sentence in a paragraph: "it" and "they" opening one refer
            # to the state or body of the sentences just before, and a subject "he" or "she"
            # to the person they were about
            found = self._antecedent_in(items, index, personal, collective, plural, gender,
                                        any_paragraph=True)
        return found

    def _opens_paragraph(self, index: int) -> bool:
        sentences = self.doc.sentences
        sent = self.doc.tokens[index].sent
        return not sentences or sent == 0 or \
            sentences[sent - 1].paragraph != sentences[sent].paragraph

    def _antecedent_in(self, items: Sequence[Resolved], index: int, personal: bool,
                       collective: bool, plural: bool, gender: str | None,
                       any_paragraph: bool) -> Actor | None:
        sent = self.doc.tokens[index].sent
        candidates = self._earlier(items, index, any_paragraph)
        if self.doc.tokens[index].dep not in _SALIENT_DEPS:
            # an object pronoun takes the nearest antecedent, not the salient subject
            candidates.sort(key=lambda r: r.draft.start, reverse=True)
        for candidate in candidates:
            if sent - self.doc.tokens[candidate.draft.start].sent > _PRONOUN_WINDOW:
                return None
            actor = candidate.actor
            if actor is None:
                if personal and candidate.personal and candidate.kind == "name":
                    # the nearest person is one we do not know: say nothing rather than guess
                    return None
                continue
            if personal and candidate.personal:
                if gender and not self._gender_fits(actor, gender):
                    continue
                return actor
            if collective and self._leader_government(candidate):
                # "the Reagan administration warned ... that it may retaliate": the leader's
                # name names the government, which "it" is
                return actor
            if collective and not candidate.personal and not candidate.plural and (
                    actor.kind in _COLLECTIVE_KINDS or candidate.kind == "metonym"):
                if self._conjunct(candidate):
                    # "warned France and Germany that it may retaliate": a singular "it"
                    # is neither of two conjoined states
                    continue
                return actor
            if plural and candidate.plural:
                return actor
        return None

    def _leader_government(self, candidate: Resolved) -> bool:
        head = self.doc.tokens[self._head(candidate)]
        return (candidate.personal and head.dep == "compound"
                and self.doc.tokens[head.head].lemma.lower() in _GOVERNMENT_NOUNS)

    def _conjunct(self, candidate: Resolved) -> bool:
        head = self.doc.tokens[self._head(candidate)]
        return head.dep == "conj" or any(
            self.doc.tokens[k].dep == "conj" and self.doc.tokens[k].head == head.i
            for k in range(head.i + 1, min(head.i + 12, len(self.doc.tokens))))

    def _gender_fits(self, actor: Actor, gender: str) -> bool:
        if actor.kind != "person":
            return True
        person = self.kb.persons.get(actor.id.partition(":")[2])
        return person is None or person.gender is None or person.gender == gender

    def _pleonastic(self, index: int) -> bool:
        """ "it is expected to", "it seems that", "it would be desirable to": no referent."""
        tok = self.doc.tokens[index]
        if tok.dep == "expl":
            return True
        if tok.dep not in ("nsubj", "nsubjpass"):
            return False
        head = self.doc.tokens[tok.head]
        lemma = head.lemma.lower()
        if tok.dep == "nsubjpass" and lemma in self.pleonastic_passives:
            return True
        if lemma not in self.pleonastic_heads:
            return False
        for child in self.doc.subtree(head.i):
            if child <= index:
                continue
            word = self.doc.tokens[child]
            if word.dep in ("ccomp", "xcomp", "csubj") or (word.lower in ("that", "to")
                                                          and word.dep in ("mark", "aux")):
                return True
        return False
