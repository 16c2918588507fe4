"""Agents: the subjects of a verb (raised, relative, decided, accused, judged) and who an
accusation or judgement names."""

from __future__ import annotations

from realpolitik.events.coder.common import (
    LOCATIVE_PREPS,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    unique,
)
from realpolitik.events.coder.referents import ClauseReferents
from realpolitik.model import Mention


class ClauseAgents(ClauseReferents):
    """Who does what a verb says: subjects, deciders, the accused and the judged."""

    def subjects(self, v: int, seen: int = 0) -> tuple[list[Mention], bool]:
        """(subject mentions, found a subject token at all) for verb ``v``."""
        tok = self.doc.tokens[v]
        subj = self.kids(v, *SUBJECT_DEPS)
        if not subj and tok.dep == "xcomp" and tok.head != v:
            # "The Turkish president is expected to travel": the raised subject
            raised = self.kids(tok.head, "nsubjpass")
            if raised:
                return self.actors_at(raised[0]), True
        if subj and self.doc.tokens[subj[0]].lower in RELATIVE_PRONOUNS and tok.dep == "relcl":
            # "Pelosi, who arrived in Taipei": the relative pronoun stands for Pelosi (but
            # not for a place: "its consulate in Damascus, which killed ...")
            antecedent = self.doc.tokens[tok.head]
            named = self.mention_at.get(tok.head)
            if named is None and antecedent.dep == "appos":
                # "the GCC, an alliance which has supported Iraq": the apposition's
                # noun describes the named actor
                named = self.mention_at.get(antecedent.head)
            place = antecedent.dep == "pobj" and self.lemma(antecedent.head) in LOCATIVE_PREPS
            return ([named] if named is not None and not place else []), True
        if subj:
            return self.actors_at(subj[0]), True
        if seen > 4 or tok.head == v:
            return [], False
        head = tok.head
        if tok.dep == "acomp":
            return self.subjects(head, seen + 1)
        if tok.dep == "conj" or tok.dep == "xcomp" or self._infinitival(v):
            if tok.dep != "conj" and self.lemma(head) in self.grammar.demand_governors:
                # "called on Iran to withdraw": the demanded actor does it
                objs = self.kids(head, "dobj") or [
                    o for p in self.kids(head, "prep", "prt") for o in self.kids(p, "pobj")]
                if objs:
                    return self.actors_at(objs[0]), True
            found = self.subjects(head, seen + 1)
            head_tok = self.doc.tokens[head]
            if (tok.dep == "conj" and not found[0] and head_tok.dep == "ccomp"
                    and tok.tag == "VBD"):
                # "Japan said the drills were unacceptable and lodged a protest": the
                # parser hangs the second act on the reported clause
                return self.subjects(head_tok.head, seen + 1)
            return found
        if tok.dep == "relcl":
            return self.actors_at(head), True
        if self.is_decision_infinitive(v):
            # "Canada's decision to impose duties", "the decision of Germany to lower
            # rates", "Washington announced a move to raise tariffs": the decider acts
            return self.deciders(head), True
        if tok.dep in ("pcomp", "pobj") or (tok.dep == "advcl" and not subj):
            prep = head
            if self.doc.tokens[prep].pos == "ADP":
                governor = self.doc.tokens[prep].head
                if self._accusing_prep(prep):
                    # "accused Russia of restricting", "charged Japan with violating": the
                    # accused did it
                    objs = self.kids(governor, "dobj")
                    if objs:
                        return self.actors_at(objs[0]), True
                punished = self.punished_for(v)
                if punished is not None:
                    # "criticised Japan for failing", "sanctions on Iran for supporting
                    # terrorism": the one judged or punished did it
                    return punished[1], True
                return self.subjects(governor, seen + 1)
            return self.subjects(head, seen + 1)
        return [], False

    def is_decision_infinitive(self, v: int) -> bool:
        """Whether verb ``v`` is the infinitive of a decision noun: "the decision to impose
        duties", "a move to raise tariffs"."""
        tok = self.doc.tokens[v]
        if not (self.lemma(tok.head) in self.grammar.decision_nouns
                and v in self.infinitives(tok.head)):
            return False
        noun = self.doc.tokens[tok.head]
        governor = self.lemma(noun.head)
        # "in a move to protect its exports" is a purpose; "defeated a move to block aid"
        # a decision never taken
        return not ((noun.dep == "pobj" and governor == "in")
                    or (noun.dep == "dobj" and (governor in self.grammar.blocking_verbs
                                                or governor == "defeat")))

    def deciders(self, n: int) -> list[Mention]:
        """Who made the decision noun ``n``: its possessor or modifier ("Canada's", "a
        U.S."), its "of" or "by" ("the decision of Germany"), else the subject of a verb
        that takes or announces it ("Washington announced a move"); none otherwise ("China
        criticised the decision to send troops" says nothing of who decided)."""
        named = [m for k in self._left_modifiers(n) if (m := self.mention_at.get(k))]
        named += self.prep_objects(n, ("of", "by"))
        if named:
            return unique(named)
        tok = self.doc.tokens[n]
        if tok.dep == "dobj" and self.lemma(tok.head) in self.grammar.deciding_verbs:
            return self.subjects(tok.head)[0]
        return []

    def _accusing_prep(self, prep: int) -> bool:
        """Does preposition ``prep`` introduce what its verb's object is said to have done:
        "accused X of", or "with" under a verb of charging ("charged X with")?"""
        lemma = self.lemma(prep)
        return lemma == "of" or (lemma == "with" and self.lemma(self.doc.tokens[prep].head)
                                 in self.grammar.accusing_verbs)

    def punished_for(self, v: int) -> tuple[int, list[Mention]] | None:
        """For a gerund an act is done "for" ("imposed sanctions on Iran for supporting
        terrorism"): that act's verb and the actors it acts on, or None."""
        tok = self.doc.tokens[v]
        if tok.dep != "pcomp" or tok.tag != "VBG" or self.lemma(tok.head) != "for":
            return None
        governor = self.doc.tokens[tok.head].head
        judged = self.judged_for(governor)
        return (governor, judged) if judged else None

    def judged_for(self, governor: int) -> list[Mention]:
        """The actor a verb acts on, as the doer of what it is acted on "for": its object,
        else the object of an "on" or "against" of the verb or its object ("imposed
        sanctions on Iran for ...")."""
        objects = self.kids(governor, "dobj")
        for obj in objects:
            found = self.actors_at(obj)
            if found:
                return found
        for head in (governor, *objects):
            for prep in self.kids(head, "prep"):
                if self.lemma(prep) in ("on", "against"):
                    for obj in self.kids(prep, "pobj"):
                        found = self.actors_at(obj)
                        if found:
                            return found
        return []

    def accused_of(self, n: int) -> list[Mention]:
        tok = self.doc.tokens[n]
        if tok.dep != "pobj" or not self._accusing_prep(tok.head):
            return []
        governor = self.doc.tokens[tok.head].head
        if self.lemma(governor) not in self.grammar.report_governors:
            return []
        objs = self.kids(governor, "dobj")
        return self.actors_at(objs[0]) if objs else []

    def clause_subjects(self, n: int) -> list[Mention]:
        """Subject of the verb that an event noun sits under (through prepositions)."""
        i, hops = n, 0
        while hops < 7:
            tok = self.doc.tokens[i]
            if tok.head == i:
                break
            below, i = i, tok.head
            hops += 1
            if self.doc.tokens[i].pos in ("VERB", "AUX"):
                if (self.doc.tokens[i].lemma.lower() in self.grammar.report_governors
                        and not (self.doc.tokens[below].dep == "prep" and below < i)):
                    # what is said is not the speaker's act ("said the visit went well"),
                    # but the frame set before the verb is ("X, on a visit to Y, said")
                    return []
                subj, _ = self.subjects(i)
                return subj
            if self.doc.tokens[i].pos not in ("NOUN", "PROPN", "ADP"):
                break
            if (self.doc.tokens[i].dep in ("nsubj", "nsubjpass")
                    and self.doc.tokens[below].dep == "prep"
                    and self.doc.tokens[below - 1].text == ","):
                # a frame set off after the subject: "The minister, on a visit to Peru,
                # said ..." is the minister's visit
                return self.actors_at(i)
        return []
