"""Ownership: whose measure a noun is ("the tax" the EC proposed, a domestic bill) and
when a side of the event is a private party (creditor banks, debt service)."""

from __future__ import annotations

from collections.abc import Iterator

from realpolitik.events.coder.agents import ClauseAgents
from realpolitik.events.coder.common import (
    unique,
)
from realpolitik.model import Mention

#: how many sentences back "the tax" looks for the tax someone was named with
_MEASURE_WINDOW = 4


class ClauseOwnership(ClauseAgents):
    """Whose measure a noun names, and when a side is no state but a private party."""

    def private_side(self, t: int, side: str) -> bool:
        """Whether the text gives the ``side`` ("source" or "target") of the event at
        trigger ``t`` to an actor that is no state: "halted payments owed to foreign
        banks", "talks with its creditor banks", "negotiations between Argentina and the
        banks", "Chile and its creditors reached agreement" (the story's partner state is
        not who the banks are)."""
        subjects = self.kids(t, "nsubj", "nsubjpass")
        if side == "source":
            words = list(subjects)
        elif self._halts_debt_service(t):
            return True
        else:
            # a party conjoined to the subject is the other side of a joint act
            words = [c for s in subjects for c in self.kids(s, "conj")]
            words += self.kids(t, "dobj") + [o for p in self.kids(t, "prep")
                                             if self.lemma(p) in ("to", "with", "from", "on",
                                                                  "between")
                                             for o in self.kids(p, "pobj")]
            # "halted payment of interest owed to banks": a "to" or "with" inside the object
            below = list(words)
            while below:
                w = below.pop()
                for k in self.kids(w):
                    below.append(k)
                    if self.lemma(w) in ("to", "with") and self.doc.tokens[k].dep == "pobj":
                        words.append(k)
        words += [c for w in words for c in self.kids(w, "conj")]
        return any(self._private_party(w) for w in words)

    def _private_party(self, w: int) -> bool:
        """Whether word ``w`` names a private party: "banks", "its creditors", "the
        14-bank advisory committee", "the steering committee for its creditor banks"."""
        if w in self.mention_at:
            return False
        lemma = self.lemma(w)
        if lemma.rsplit("-", 1)[-1] in self.grammar.private_nouns:
            return True
        if lemma not in self.grammar.private_bodies:
            return False
        members = self.kids(w, "compound", "amod", "nmod", "poss") + [
            o for p in self.kids(w, "prep") if self.lemma(p) in ("for", "of")
            for o in self.kids(p, "pobj")]
        return any(self._private_party(m) for m in members)

    def _halts_debt_service(self, t: int) -> bool:
        """Whether the trigger halts what a debtor pays its creditors: "suspended interest
        payments", "halt payments on its debt", "the suspension of debt servicing"."""
        lemma, noun = self.lemma(t), self.doc.tokens[t].pos in ("NOUN", "PROPN")
        if noun and lemma in self.grammar.halting_nouns:
            halted = [o for p in self.kids(t, "prep") if self.lemma(p) in ("of", "on")
                      for o in self.kids(p, "pobj")]
        elif not noun and lemma in self.grammar.halting_verbs:
            halted = self.kids(t, "dobj", "nsubjpass")
        else:
            return False
        words = [w for h in halted for w in (h, *self.kids(h, "compound", "nmod", "amod"), *(
            o for p in self.kids(h, "prep") if self.lemma(p) == "on"
            for o in self.kids(p, "pobj")))]
        return any(self.lemma(w) in self.grammar.debt_service_words for w in words)

    def own_measure(self, t: int, considered: bool = False) -> int | None:
        """The domestic measure that the reaction at trigger ``t`` is about, when nothing
        in the text gives it an owner: "would veto any protectionist legislation",
        "criticised the sales tax bill" (a bill or a budget with no other state's name is
        the reacting actor's own country's, the gold's domestic convention). With
        ``considered``, an option weighed counts too ("is considering proposals to ease
        currency rules", "is studying measures to reform its banks")."""
        tok = self.doc.tokens[t]
        if tok.pos in ("VERB", "AUX"):
            measures = [o for o in (self.object_of(t),) if o is not None]
        else:
            measures = [o for p in self.kids(t, "prep") if self.lemma(p) in ("to", "of", "on")
                        for o in self.kids(p, "pobj")]
        for m in measures:
            if self.lemma(m) not in self.grammar.domestic_measures and not (
                    considered and self._own_option(m)):
                continue
            named = [k for k in self._left_modifiers(m) if k in self.mention_at] + [
                o for p in self.kids(m, "prep")
                if self.lemma(p) in ("by", "from", "of") for o in self.kids(p, "pobj")
                if self.actors_at(o)]
            if not named and not self.measure_owners(m) and not self._told_before(m):
                return m
        return None

    def _own_option(self, m: int) -> bool:
        """Whether the option weighed at ``m`` may be the weigher's own: an option word,
        neither definite ("the proposal" is someone's told before) nor one against another
        ("retaliatory measures", "counter measures")."""
        tokens = self.doc.tokens
        return (self.lemma(m) in self.grammar.considered_options
                and not any(tokens[d].lower in ("the", "this", "that", "these", "those")
                            for d in self.kids(m, "det"))
                and not any(self.lemma(k) in self.grammar.hostile_options
                            for k in self.kids(m, "amod", "compound")))

    def _told_before(self, n: int) -> bool:
        """Whether "the bill" refers back to a bill the story told of in its last few
        sentences, whose owner the earlier telling may give in ways not read here ("the
        U.S. Congress passed a trade bill ... Japan criticised the bill")."""
        return next(self._earlier_tellings(n), None) is not None

    def _earlier_tellings(self, n: int) -> Iterator[int]:
        """The earlier mentions of the same noun a definite noun ("the tax", "this bill")
        may refer back to, nearest first, within the story's last few sentences."""
        tokens = self.doc.tokens
        if not any(tokens[d].lower in ("the", "this", "that") for d in self.kids(n, "det")):
            return
        lemma, sent = self.lemma(n), tokens[n].sent
        for j in range(n - 1, -1, -1):
            if tokens[j].sent < sent - _MEASURE_WINDOW:
                return
            if self.lemma(j) == lemma and tokens[j].pos == "NOUN":
                yield j

    def measure_owners(self, n: int) -> list[Mention]:
        """Whose measure "the tax" is: "the EC proposed a tax on oils ... Britain and
        Denmark oppose the tax" aims at the EC, as "a tax proposed by the EC" does. A
        definite measure noun with no actor of its own takes the actors of the last earlier
        mention of the same noun that names some (its modifiers, possessor or "by"), within
        the story's last few sentences."""
        tokens = self.doc.tokens
        if self.lemma(n) not in self.grammar.owned_measures:
            return []
        # the parser may hang the participle on the measure's complement ("a tax on oils
        # and fats proposed by the EC")
        proposers = [m for acl in self.doc.subtree(n) if tokens[acl].dep == "acl"
                     for a in self.kids(acl, "agent") for o in self.kids(a, "pobj")
                     for m in self.actors_at(o)]
        if proposers:
            # "any new tax proposed by the European Community"
            return unique(proposers)
        for j in self._earlier_tellings(n):
            owners = [self.mention_at[k] for k in self._left_modifiers(j)
                      if k in self.mention_at and self.mention_at[k].actor is not None]
            owners += [m for p in self.kids(j, "prep", "agent") if self.lemma(p) == "by"
                       for o in self.kids(p, "pobj") for m in self.actors_at(o)]
            head = tokens[j].head
            if not owners and tokens[j].dep == "dobj" and (
                    self.lemma(head) in self.grammar.making_verbs
                    or self.lemma(head) in self.grammar.imposing_verbs):
                # "the EC proposed a tax", "Washington imposed tariffs": the maker's
                subjects, _ = self.subjects(head)
                owners = [m for m in subjects if m.actor is not None]
            if owners:
                return unique(owners)
        return []
