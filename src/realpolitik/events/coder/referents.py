"""Referents: the actors a phrase stands for (conjuncts, modifiers, "the two", "the six",
quoted "we") and the places where an act happens."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from realpolitik.events.coder.common import (
    FIRST_PERSON,
    LEFT_MODIFIER_DEPS,
    LOCATIVE_PREPS,
    SUBJECT_DEPS,
    unique,
)
from realpolitik.events.coder.modality import ClauseModality
from realpolitik.model import Mention

#: "the six" or "the seven nations": how many parties a number word stands for
GROUP_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}


class ClauseReferents(ClauseModality):
    """Who a phrase of the clause stands for: mentions, modifiers, groups, speakers, places."""

    def actors_at(self, i: int, depth: int = 0) -> list[Mention]:
        """Actor mentions a phrase headed by token ``i`` stands for, conjuncts expanded."""
        found: list[Mention] = []
        m = self.mention_at.get(i)
        if m is not None and m.actor is None:
            # "Iranian nuclear scientist Mohsen Fakhrizadeh": an unknown person stands for
            # the actors that describe him
            described = [self.mention_at[k] for k in self._left_modifiers(i)
                         if k < m.start and k in self.mention_at
                         and self.mention_at[k].actor is not None]
            found.extend(unique(described) or [m])
        elif m is not None:
            found.append(m)
            # "Armenian and Azerbaijani forces": a conjoined adjective outside the mention
            found.extend(self.mention_at[k] for k in self._left_modifiers(i)
                         if k < m.start and k in self.mention_at
                         and self.doc.tokens[k].dep == "amod" and self.kids(k, "conj"))
            # "the ministers of Iran and Iraq": states conjoined to the owner inside it
            for k in range(m.start, m.end):
                if k != i and self.doc.tokens[k].dep == "pobj":
                    for conj in self.kids(k, "conj"):
                        if conj >= m.end:
                            found.extend(self.actors_at(conj, depth))
        elif self.doc.tokens[i].lower in FIRST_PERSON and self.quoted(i):
            # '"We will not back down," the minister said': the speaker's side
            found.extend(self.speakers(i))
        elif self.lemma(i) in self.grammar.pair_nouns and any(
                self.doc.tokens[k].lower in ("both", "two") for k in self.kids(i)):
            # "the two men signed", "both sides pledged": the last two parties named
            found.extend(self.last_pair(i))
        elif size := self._group_size(i):
            # "the six nations -- Britain, Canada, ...", then "The six agreed": the last
            # six parties named together
            found.extend(self.last_group(i, size))
        elif depth < 2:
            # "Iranian officials", "Russian and Ukrainian delegations", "Iran's programme";
            # a possessive pronoun stands for its phrase only as a subject: "its forces
            # attacked" (but "Japan cut its tariffs" is not aimed at Japan)
            owned_only = self.doc.tokens[i].dep not in SUBJECT_DEPS
            found.extend(self.mention_at[k] for k in self._left_modifiers(i)
                         if k in self.mention_at
                         and not (owned_only and self.doc.tokens[k].tag == "PRP$"))
            if not found:
                # "the actions of the US"
                for p in self.kids(i, "prep"):
                    if self.lemma(p) == "of":
                        for o in self.kids(p, "pobj"):
                            found.extend(self.actors_at(o, depth + 1))
        for conj in self.kids(i, "conj"):
            found.extend(self.actors_at(conj, depth))
        for appos in self.kids(i, "appos"):
            if not found:
                found.extend(self.actors_at(appos, depth))
        return unique(found)

    def prep_objects(self, i: int, preps: Iterable[str]) -> list[Mention]:
        wanted = tuple(preps)
        out: list[Mention] = []
        preps_here = self.kids(i, "prep", "dative", "prt")
        # "spoke with Zelensky and later with his Russian counterpart"
        preps_here += [c for p in preps_here for c in self.kids(p, "conj")
                       if self.doc.tokens[c].pos == "ADP"]
        for p in preps_here:
            if self.lemma(p) in wanted:
                for o in self.kids(p, "pobj", "dobj"):
                    out.extend(self.actors_at(o))
                if self.doc.tokens[p].dep == "dative" and p in self.mention_at:
                    out.append(self.mention_at[p])
        return unique(out)

    def _actors_before(self, i: int) -> Iterator[tuple[int, Mention]]:
        """(head token, mention) of the resolved mentions before token ``i``, nearest first,
        back to the start of its paragraph."""
        doc = self.doc
        paragraph = doc.sentences[doc.tokens[i].sent].paragraph
        for k in range(i - 1, -1, -1):
            if doc.sentences[doc.tokens[k].sent].paragraph != paragraph:
                return
            mention = self.mention_at.get(k)
            if mention is not None and mention.actor is not None and k == mention.head:
                yield k, mention

    def last_pair(self, i: int) -> list[Mention]:
        """The last two countries named together before token ``i`` in its paragraph
        ("Egypt and Sudan", "between India and Pakistan"): what "both sides" or "the two
        leaders" stand for. Nothing when no pair was named together."""
        for k, first in self._actors_before(i):
            assert first.actor is not None
            for j in self.kids(k, "conj"):
                second = self.mention_at.get(j)
                if (second is not None and second.actor is not None
                        and second.actor.country != first.actor.country):
                    return [first, second]
        return []

    def _group_size(self, i: int) -> int:
        """N for "the N" or "the N nations" (three to twelve), else 0."""
        tok = self.doc.tokens[i]
        if not any(self.doc.tokens[d].lower == "the" for d in self.kids(i, "det")):
            return 0
        if tok.tag == "CD":
            return GROUP_NUMBERS.get(tok.lower, 0)
        if self.lemma(i) in self.grammar.pair_nouns:
            for k in self.kids(i, "nummod"):
                return GROUP_NUMBERS.get(self.doc.tokens[k].lower, 0)
        return 0

    def last_group(self, i: int, size: int) -> list[Mention]:
        """The last ``size`` parties named together (one list of conjoined states) before
        token ``i`` in its paragraph. Nothing when no list of that length was named."""
        for k, first in self._actors_before(i):
            if self.doc.tokens[k].dep == "conj":
                continue
            members, stack = [first], list(self.kids(k, "conj"))
            while stack:
                j = stack.pop(0)
                m = self.mention_at.get(j)
                if m is not None and m.actor is not None:
                    members.append(m)
                stack.extend(self.kids(j, "conj"))
            if len({m.actor.country or m.actor.code for m in members if m.actor}) == size:
                return members
        return []

    def speakers(self, i: int) -> list[Mention]:
        """Who says the quotation that token ``i`` is in: the subject of a speech verb of
        the same sentence outside the quotation marks."""
        sentence = self.doc.sentences[self.doc.tokens[i].sent]
        for v in range(sentence.start, sentence.end):
            tok = self.doc.tokens[v]
            if (tok.pos == "VERB" and tok.lemma.lower() in self.grammar.report_governors
                    and not self.quoted(v)):
                for subj in self.kids(v, "nsubj"):
                    if not self.quoted(subj):
                        return self.actors_at(subj)
        return []

    def crowd_places(self, crowd: int) -> list[Mention]:
        """The state where a crowd acts: "protesters in Yerevan" are Armenia's."""
        if self.lemma(crowd) not in self.grammar.crowd_nouns:
            return []
        return self.places(crowd)[:1]

    def places(self, i: int) -> list[Mention]:
        """States named as the place of an act: on the word, on its object, or on the
        noun of one of its prepositions ("clashed with fighters in northern Syria")."""
        heads = [i] + [o for o in self.kids(i, "dobj") if o not in self.mention_at]
        heads += [o for p in self.kids(i, "prep") for o in self.kids(p, "pobj")
                  if o not in self.mention_at]
        return unique(m for h in heads for m in self.prep_objects(h, LOCATIVE_PREPS)
                       if m.actor is not None and m.actor.kind in ("state", "government"))

    def _left_modifiers(self, n: int) -> list[int]:
        out: list[int] = []
        stack = [k for k in self.kids(n, *LEFT_MODIFIER_DEPS) if k < n]
        while stack:
            k = stack.pop()
            out.append(k)
            if self.doc.tokens[k].pos == "VERB" and self.lemma(k) in self.grammar.backing_verbs:
                # "a Russian-brokered deal", "the Iran-backed militia": the backer is not
                # who makes the deal or is the militia
                continue
            stack.extend(j for j in self.kids(k, *LEFT_MODIFIER_DEPS, "conj") if j < n)
        return sorted(out)
