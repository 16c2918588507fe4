"""Negation: whether a trigger's event is asserted or denied, read from its clause and the
verbs above it (the chain of governors that modality reads too)."""

from __future__ import annotations

from realpolitik.events.coder.common import SUBJECT_DEPS
from realpolitik.events.coder.tree import ClauseTree
from realpolitik.events.modality_cues import NonFactCues, default_nonfact_cues
from realpolitik.model import Polarity


class ClauseNegation(ClauseTree):
    """Polarity of a trigger, and the governors of a token that polarity and modality read."""

    def _negated_here(self, i: int) -> bool:
        g = self.grammar
        for k in self.kids(i):
            t = self.doc.tokens[k]
            lemma = t.lemma.lower()
            if t.dep == "neg" or (t.dep in ("advmod", "det", "preconj") and lemma in g.negators):
                return True
            # "longer" negates only as "no longer"
            if t.dep == "advmod" and t.lower == "longer":
                if k > 0 and self.doc.tokens[k - 1].lower == "no":
                    return True
            elif t.dep == "advmod" and lemma in g.negating_adverbs:
                return True
            if t.dep == "dobj" and any(self.doc.tokens[d].dep == "det"
                                       and self.lemma(d) == "no" for d in self.kids(k)):
                # "sent no troops", "made no attempt", "imposed no sanctions"
                return True
            if t.dep in ("nsubj", "nsubjpass") and (
                    t.lower in g.negative_pronouns or any(
                        self.doc.tokens[d].dep in ("det", "preconj")
                        and self.lemma(d) in ("no", "neither") for d in self.kids(k))):
                # "Neither France nor Germany condemned", "no troops had been sent",
                # "nobody claimed the attack"
                return True
        # "Moscow has yet to recognise": the governing "has yet" denies it so far
        tok = self.doc.tokens[i]
        return (tok.dep == "xcomp" and self.lemma(tok.head) in ("have", "be")
                and any(self.doc.tokens[k].lower == "yet" for k in self.kids(tok.head, "advmod")))

    def _governors(self, i: int) -> list[tuple[int, str]]:
        """Verbs above ``i`` whose meaning passes down to it, with the link's kind."""
        chain: list[tuple[int, str]] = []
        seen = {i}
        while True:
            tok = self.doc.tokens[i]
            head = tok.head
            if head == i or head in seen:
                break
            dep = tok.dep
            if dep == "xcomp" or (dep == "conj" and tok.tag in ("VB", "VBG", "VBN")):
                # a finite conjunct ("has not confirmed ... and emphasises") has its own tense
                chain.append((head, dep))
            elif dep == "advcl" and self.asked_for(i):
                # "called for Iran to withdraw": what is asked of another, whose negation
                # ("did not call for") is not the act's
                chain.append((head, "asked"))
                break
            elif dep == "acomp" or self._infinitival(i):
                # "is no longer able to negotiate": the copula carries the negation;
                # "called on Washington to extradite him", "will travel to Alaska to meet
                # Trump": an infinitive clause is its governor's complement
                if dep == "advcl":
                    # "it would not be possible for Greece to discuss": the adjective of
                    # the copula it hangs on governs it too
                    chain.extend((a, "xcomp") for a in self.kids(head, "acomp"))
                chain.append((head, "xcomp"))
            elif (dep in ("acl", "relcl") and tok.pos in ("VERB", "AUX")
                  and not self.kids(i, *SUBJECT_DEPS, "nsubjpass")
                  and self.to_infinitive(i)):
                # "might take new measures to support the dollar": an infinitive that
                # tells a noun's purpose shares the modality of what governs the noun
                chain.append((head, "xcomp"))
            elif dep in ("ccomp",):
                if i < head and any(self.doc.tokens[k].text == ";" for k in range(i, head)):
                    # "protesters stormed parliament; he said ...": a clause of its own
                    break
                chain.append((head, "ccomp"))
                break
            elif (dep in ("acl", "ccomp") and self.doc.tokens[head].pos == "NOUN"
                  and (self.lemma(head) in self.grammar.report_nouns
                       or self._condition_noun(head))
                  and any(self.lemma(m) == "that" for m in self.kids(i, "mark"))):
                # "claims that Russian forces had shelled the plant": only claimed (but
                # in "a claim Kerry rejected" the rejection is real)
                chain.append((head, "claim"))
                break
            elif dep in ("pcomp", "pobj") and self.doc.tokens[head].pos == "ADP":
                prep = head
                head = self.doc.tokens[prep].head
                if head == prep:
                    break
                chain.append((head, f"prep:{self.lemma(prep)}"))
                seen.add(prep)
            elif dep in ("dobj", "nsubjpass", "attr") and self.doc.tokens[i].pos in (
                    "NOUN", "PROPN"):
                chain.append((head, "object"))
            elif dep == "compound":
                chain.append((head, "compound"))
            else:
                break
            seen.add(head)
            i = head
            if len(chain) > 6:
                break
        return chain

    def _infinitival(self, v: int) -> bool:
        """An adverbial clause "to VERB" with no subject of its own, or with one only in a
        "for X to" under a copula's adjective of possibility ("it would not be possible for
        Greece to discuss"; not "did not wait for Congress to approve")."""
        tok = self.doc.tokens[v]
        if tok.dep != "advcl" or not self.to_infinitive(v):
            return False
        if not self.kids(v, *SUBJECT_DEPS, "nsubjpass"):
            return True
        return (self._marked_for(v) and self.lemma(tok.head) == "be"
                and any(self.lemma(a) in self.grammar.hypothetical_governors
                        for a in self.kids(tok.head, "acomp")))

    def asked_for(self, v: int) -> bool:
        """A "for X to" clause of a verb of demand: "called for Iran to withdraw"."""
        tok = self.doc.tokens[v]
        return (tok.head != v and self.lemma(tok.head) in self.grammar.demand_governors
                and self._marked_for(v) and self.to_infinitive(v))

    def _marked_for(self, v: int) -> bool:
        """Whether clause ``v`` opens with "for": "for Iran to withdraw"."""
        return any(self.lemma(m) == "for" for m in self.kids(v, "mark"))

    def _is_means_gerund(self, t: int, link: str) -> bool:
        """Whether ``t`` is the gerund telling how its governor is done: "will retaliate by
        imposing tariffs", "did not respond by expelling diplomats" (its tense and its
        negation are the governor's)."""
        tok = self.doc.tokens[t]
        return link == "prep:by" and tok.dep == "pcomp" and tok.tag == "VBG"

    def _cooperative(self, t: int) -> bool:
        return self.codes_at.get(t, "99")[:2] in ("03", "04", "05", "06", "07", "08")

    def polarity(self, t: int) -> Polarity:
        if self._negated_here(t):
            return "negated"
        g = self.grammar
        for gov, link in self._governors(t):
            lemma = self.lemma(gov)
            if link == "ccomp":
                # "denied that it supplied missiles": the denied act did not happen (but in
                # "India accused Pakistan ...; Pakistan denied any role" the denial has
                # its own object and the accusation stands)
                if (lemma in g.negating_governors and gov < t
                        and not self.kids(gov, "dobj")):
                    return "negated"
                break
            if link.startswith("prep:") and link[5:] in g.negating_prepositions:
                return "negated"
            if (link == "claim" or (link == "prep:of" and self._report_noun(gov))) \
                    and self._denied(gov):
                # "denied reports that it had sent troops", "refuted rumours of an
                # invasion": the reported act did not happen as far as the denier says
                return "negated"
            if link in ("prep:to", "prep:in"):
                verb = gov
                if self.doc.tokens[gov].dep == "dobj":
                    # "did not send a delegation to the talks"
                    verb = self.doc.tokens[gov].head
                # only what one joins is denied: "did not send a delegation to the
                # talks", never "has not sent troops to the war"
                if (self.lemma(verb) in g.participation_verbs and self._negated_here(verb)
                        and self._cooperative(t)):
                    return "negated"
            if (link in ("xcomp", "object", "compound", "conj") or self._is_means_gerund(t, link)) \
                    and self._negated_here(gov):
                if link == "conj" and self.kids(t, *SUBJECT_DEPS):
                    break
                if lemma in g.report_governors and lemma not in g.negating_governors:
                    # "never acknowledged carrying out the attack": the attack is open
                    break
                if link == "object" and lemma not in g.light_verbs | g.participation_verbs:
                    # "did not condemn the coup": the coup still happened
                    break
                return "negated"
            if ((link == "xcomp" or link.startswith("prep:")) and lemma in g.negating_governors
                    and not (lemma in g.pausing_verbs
                             and self.to_infinitive(t))):
                return "negated"
            if link.startswith("prep:") and link != "prep:from":
                break
        return "asserted"

    @property
    def cues(self) -> NonFactCues:
        return default_nonfact_cues()

    def _condition_noun(self, n: int) -> bool:
        if self.doc.tokens[n].pos != "NOUN" or self.lemma(n) not in self.cues.condition_nouns:
            return False
        return self.lemma(n) != "case" or not self.kids(n, "det")

    def _report_noun(self, n: int) -> bool:
        return self.doc.tokens[n].pos == "NOUN" and self.lemma(n) in self.grammar.report_nouns

    def _denied(self, n: int) -> bool:
        """A report noun that the clause denies: "denied reports", "dismissed rumours"."""
        tok = self.doc.tokens[n]
        if tok.dep not in ("dobj", "nsubjpass") or tok.head == n:
            return False
        verb = tok.head
        return (self.lemma(verb) in self.cues.denying_verbs
                and not self._negated_here(verb))
