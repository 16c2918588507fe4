"""Negation and modality: whether an event happened, and how it is asserted."""

from __future__ import annotations

from realpolitik.events.coder.common import (
    SUBJECT_DEPS,
)
from realpolitik.events.coder.tree import ClauseTree
from realpolitik.events.grammar import Families
from realpolitik.model import Modality, Polarity


class ClauseModality(ClauseTree):
    """Polarity and modality of a trigger, read from its clause and the verbs that govern it."""

    # -- polarity and modality -----------------------------------------------------
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
            elif dep == "acomp" or self._infinitival(i):
                # "is no longer able to negotiate": the copula carries the negation;
                # "called on Washington to extradite him", "will travel to Alaska to meet
                # Trump": an infinitive clause is its governor's complement
                chain.append((head, "xcomp"))
            elif dep in ("ccomp",):
                if i < head and any(self.doc.tokens[k].text == ";" for k in range(i, head)):
                    # "protesters stormed parliament; he said ...": a clause of its own
                    break
                chain.append((head, "ccomp"))
                break
            elif (dep in ("acl", "ccomp") and self.doc.tokens[head].pos == "NOUN"
                  and self.lemma(head) in self.grammar.report_nouns
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
        """An adverbial clause "to VERB" with no subject of its own."""
        tok = self.doc.tokens[v]
        return (tok.dep == "advcl" and not self.kids(v, *SUBJECT_DEPS, "nsubjpass")
                and any(self.lemma(a) == "to" for a in self.kids(v, "aux")))

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
            if link in ("xcomp", "object", "compound", "conj") and self._negated_here(gov):
                if link == "conj" and self.kids(t, *SUBJECT_DEPS):
                    break
                if lemma in g.report_governors and lemma not in g.negating_governors:
                    # "never acknowledged carrying out the attack": the attack is open
                    break
                if link == "object" and lemma not in g.light_verbs | g.participation_verbs:
                    # "did not condemn the coup": the coup still happened
                    break
                return "negated"
            if (link == "xcomp" or link.startswith("prep:")) and lemma in g.negating_governors:
                return "negated"
            if link.startswith("prep:") and link != "prep:from":
                break
        return "asserted"

    def modality(self, t: int) -> Modality:
        g = self.grammar
        own = self._aux_modality(t)
        if own:
            return own
        if self.doc.tokens[t].pos == "NOUN" and any(
                self.doc.tokens[d].lower == "any" for d in self.kids(t, "det")):
            # "would respond to any attack": no attack has happened
            return "hypothetical"
        for gov, link in self._governors(t):
            lemma = self.lemma(gov)
            if link == "ccomp" and self.kids(gov, "dobj") and gov > t:
                # "India accused Pakistan ...; Pakistan denied any role": the denial's
                # content is its object, not the clause before it
                break
            if link == "ccomp" and lemma in g.future_governors | g.hypothetical_governors:
                # "Diplomats expect Beijing to resist": not yet done
                return "future" if lemma in g.future_governors else "hypothetical"
            if link == "ccomp":
                if lemma in g.demand_governors and lemma not in g.report_governors:
                    # "demanded that Beijing lift the bans" (but "told reporters that ...")
                    return "demanded"
                if lemma in g.report_governors:
                    return "reported"
                return self._aux_modality(gov) or "actual"
            if link == "xcomp":
                if lemma in g.report_governors and lemma not in g.demand_governors:
                    # "acknowledged carrying out the attack", "admitted supplying drones"
                    return "reported"
                if lemma in g.demand_governors and (
                        self.kids(gov, "dobj") or self._has_prep(gov, ("on", "upon"))):
                    return "demanded"
                if lemma in g.future_governors:
                    return "future"
                if lemma in g.hypothetical_governors:
                    return "hypothetical"
            if (link == "prep:of" and lemma in g.report_governors) or link == "claim":
                return "reported"
            aux = self._aux_modality(gov)
            if aux and link in ("xcomp", "object", "compound", "conj"):
                return aux
            if aux == "hypothetical" and link.startswith("prep:"):
                # "Iran would stay in the deal if ...": nothing in the consequent is fact
                return aux
            if link.startswith("prep:"):
                break
        return "actual"

    def obliged(self, v: int, families: Families) -> bool:
        """'must act', 'should act', 'has to act', 'needs to act'."""
        if any(self.lemma(k) in families.obligation_auxiliaries
               for k in self.kids(v, "aux")):
            return True
        for k in self.kids(v, "xcomp"):
            if self.lemma(v) in families.obligation_governors and any(
                    self.lemma(a) == "to" for a in self.kids(k, "aux")):
                return True
        return False

    def governed_by(self, t: int, lemmas: frozenset[str]) -> bool:
        for gov, link in self._governors(t):
            if link == "xcomp":
                return self.lemma(gov) in lemmas or self.governed_by(gov, lemmas)
            if link != "conj":
                return False
        return False

    def conditional_or_announced(self, t: int) -> bool:
        """A conflict act under a condition ("if", "unless") or announced in reported
        speech with a modal ("said it would", "warned it could")."""
        g = self.grammar
        tok = self.doc.tokens[t]
        if tok.pos not in ("VERB", "AUX"):
            return False
        modal = any(self.lemma(a) in g.hypothetical_auxiliaries | g.future_auxiliaries
                    for a in self.kids(t, "aux"))
        condition = any(self.lemma(m) in g.hypothetical_markers
                        for k in self.kids(t, "advcl") for m in self.kids(k, "mark"))
        return modal and (condition or self._reported(t))

    def _reported(self, v: int) -> bool:
        tok = self.doc.tokens[v]
        return (tok.dep == "ccomp" and tok.head != v
                and self.lemma(tok.head) in self.grammar.report_governors)

    def _aux_modality(self, v: int) -> Modality | None:
        g = self.grammar
        for k in self.kids(v, "aux", "auxpass", "mark"):
            lemma = self.lemma(k)
            text = self.doc.tokens[k].lower
            if lemma == "would" and self._reported(v):
                # reported speech shifts "will" to "would": "said it would lift the ban"
                return "future"
            if lemma in g.future_auxiliaries or text in g.future_auxiliaries:
                return "future"
            if lemma in g.hypothetical_auxiliaries or text in g.hypothetical_auxiliaries:
                return "hypothetical"
            if self.doc.tokens[k].dep == "mark" and lemma in g.hypothetical_markers:
                return "hypothetical"
        conditional = any(
            self.lemma(m) in g.hypothetical_markers
            for k in self.kids(v, "advcl") for m in self.kids(k, "mark"))
        if conditional and any(
                self.lemma(a) in g.hypothetical_auxiliaries for a in self.kids(v, "aux")):
            # the consequent of a condition: "X would retaliate if Y attacked"
            return "hypothetical"
        return None

