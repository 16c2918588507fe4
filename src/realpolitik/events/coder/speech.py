"""Speech acts: appeals, demands, threats and judgements, and the events they are about."""

from __future__ import annotations

import dataclasses

from realpolitik.events.coder.base import CoderBase
from realpolitik.events.coder.common import (
    Trigger,
    same_actors,
)
from realpolitik.events.coder.participants import Clause
from realpolitik.model import Mention


class SpeechActs(CoderBase):
    """What an appeal asks for, what a threat threatens, whose act a judgement condemns."""

    def _demands_by_obligation(self, c: Clause, verbs: dict[int, Trigger]) -> None:
        """"declared that China must drop its barriers": a statement that someone else
        must act is a demand on them, even when the act itself is not in the dictionary."""
        for v, gov in list(verbs.items()):
            if self.codebook[gov.code].root != "01":
                continue
            for comp in c.kids(v, "ccomp"):
                family = None if comp in verbs else c.obligation_root(comp, self.families)
                if family is None:
                    continue
                subjects, _ = c.subjects(comp)
                heads = c.kids(comp, "nsubj", "nsubjpass")
                if heads and not any(m.start <= h < m.end for m in subjects for h in heads) \
                        and not any(c.lemma(h) in self.grammar.agent_nouns for h in heads):
                    # "Honda's U.S. output would have to be adjusted", "an agreement must be
                    # reached": what must happen to a thing asks no actor to act (but "the EC
                    # members have to make a choice" asks the members)
                    continue
                if subjects and not same_actors(gov.sources, tuple(subjects)):
                    verbs[v] = dataclasses.replace(gov, code=self.families.generic[family],
                                                   targets=tuple(subjects))

    def _asked_event(self, c: Clause, v: int, gov: Trigger, consumed: set[int]
                     ) -> Trigger | None:
        """"asked India for closer cooperation", "demanded reparations from Germany": the
        event an appeal or demand asks for, done by the one asked for the one asking."""
        if self.codebook[gov.code].root == "13":
            return self._threatened_event(c, v, gov, consumed)
        if self.codebook[gov.code].root not in self.grammar.asked_roots:
            return None
        obj = c.object_of(v)
        nouns = [o for p in c.kids(v, "prep") if c.lemma(p) == "for"
                 for o in c.kids(p, "pobj")]
        if obj is not None and obj not in c.mention_at:
            nouns.insert(0, obj)
        for n in nouns:
            pattern = self._noun_pattern(c, n)
            if pattern is None or self.codebook[pattern.code].root in self.grammar.asked_roots:
                continue
            consumed.add(n)
            sources, targets = c.noun_participants(n, pattern)
            if not sources:
                addressees = [m for o in c.kids(v, "dobj") if o != n for m in c.actors_at(o)]
                sources = addressees or c.prep_objects(v, ("from", "to", "on", "upon"))
            if not targets and not (len(sources) >= 2
                                    and self.grammar.is_reciprocal(pattern.code)):
                # "asked India for cooperation": done for the one who asks (but "a truce
                # between Israel and Hamas" is between them)
                targets = [m for m in gov.sources if m and m not in sources]
            trigger = self._trigger(c, n, pattern.code, pattern.confidence * 0.85,
                                    sources, targets)
            return dataclasses.replace(trigger, modality="demanded")
        return None

    def _threatened_event(self, c: Clause, v: int, gov: Trigger, consumed: set[int]
                          ) -> Trigger | None:
        """"threatened India with secondary sanctions": the threatened act, by the one
        who threatens against the one threatened, is hypothetical."""
        for p in c.kids(v, "prep"):
            if c.lemma(p) != "with":
                continue
            for n in c.kids(p, "pobj"):
                pattern = self._noun_pattern(c, n)
                if pattern is None or pattern.code[:2] in ("13", *self.grammar.asked_roots):
                    continue
                consumed.add(n)
                trigger = self._trigger(c, n, pattern.code, pattern.confidence * 0.85,
                                        [m for m in gov.sources if m],
                                        [m for m in gov.targets if m])
                return dataclasses.replace(trigger, modality="hypothetical")
        return None

    def _absorb_complements(self, c: Clause, verbs: dict[int, Trigger]) -> None:
        """Fold a complement's event into the speech act that governs it.

        An appeal, intent, demand, rejection or threat takes its family code from what it
        is about ("urged X to release" → 0253) and, lacking one, its target; a statement
        that someone else "must" act becomes a demand on them; a speaker's statement of
        its own act is that act.
        """
        self._attitudes(c, verbs)
        for i in sorted(verbs, reverse=True):
            trigger = verbs.get(i)
            tok = c.doc.tokens[i]
            head = tok.head
            if trigger is None or head not in verbs or not (
                    tok.dep in ("xcomp", "ccomp") or c.asked_for(i)):
                continue
            gov = verbs[head]
            gov_root = self.codebook[gov.code].root
            if (c.lemma(i) in gov.complement
                    and gov_root not in self.grammar.absorbing_roots):
                # the pattern's code is about the complement: "declined to comment" is 011,
                # "tried to assassinate X" 185 against X
                if not any(gov.targets):
                    verbs[head] = dataclasses.replace(gov, targets=trigger.targets)
                del verbs[i]
            elif (gov_root == "12" and not gov.specific
                  and self.families.specific_code("12", trigger.code) is None):
                # "refused to condemn Russia": CAMEO has no refusal code for it, so it is
                # the condemnation, negated (the negating governor negates it)
                del verbs[head]
            elif gov_root in self.grammar.absorbing_roots:
                code = gov.code if gov.specific else (
                    self.families.code_for(gov_root, trigger.code) or gov.code)
                if (gov_root == "13" and gov.specific and c.lemma(i) in gov.complement
                        and trigger.code[:2] not in self.grammar.violent_roots):
                    # "vowed to fight the U.S. action": a fight the complement's own
                    # pattern reads as no force threatens none
                    code = self.families.code_for(gov_root, trigger.code) or "130"
                targets = gov.targets if any(gov.targets) else trigger.targets
                verbs[head] = dataclasses.replace(gov, code=code, targets=targets)
                if gov_root in self.grammar.consuming_roots:
                    del verbs[i]
                elif gov_root in self.grammar.asked_roots and not any(trigger.targets):
                    # "urged Mugabe to step down": the one who asked is who it is done for
                    asker = tuple(m for m in gov.sources if m and m not in trigger.sources)
                    if asker:
                        verbs[i] = dataclasses.replace(trigger, targets=asker)
            elif gov_root == "01" and tok.dep == "ccomp":
                family = c.obligation_root(i, self.families)
                if family is not None:
                    # "Russia said Sudan must return the helicopter": a demand on Sudan
                    # ("should return it": an appeal)
                    code = self.families.code_for(family, trigger.code) \
                        or self.families.generic[family]
                    targets = tuple(m for m in trigger.sources if m) or gov.targets
                    verbs[head] = dataclasses.replace(gov, code=code, targets=targets)
                    del verbs[i]
                elif (same_actors(gov.sources, trigger.sources)
                      and c.modality(i) in ("future", "hypothetical")):
                    # "Kazakhstan said it would lift the emergency": announcing one's own
                    # act is the act (an intent); a statement about what one did is news too
                    del verbs[head]

    def _attitudes(self, c: Clause, verbs: dict[int, Trigger]) -> None:
        """"said he was optimistic that Hanoi would sign": a statement of the speaker's own
        hope or worry is an optimistic (013) or pessimistic (012) comment."""
        for v, gov in list(verbs.items()):
            if gov.code != "010":
                continue
            for comp in c.kids(v, "ccomp"):
                # "was optimistic", "was concerned" (parsed as a passive participle)
                words = [c.doc.tokens[a].lower for a in (comp, *c.kids(comp, "acomp"))]
                code = next((self.grammar.attitude_codes[w] for w in words
                             if w in self.grammar.attitude_codes), None)
                speaker = [m for s in c.kids(comp, "nsubj", "nsubjpass")
                           for m in c.actors_at(s)]
                if code and (not speaker or same_actors(gov.sources, tuple(speaker))):
                    verbs[v] = dataclasses.replace(gov, code=code)
                    break

    def _judgement(self, c: Clause, v: int, code: str) -> tuple[str, list[Mention]] | None:
        """A statement or a label that condemns: "called the raid an act of aggression"
        and "branded the sanctions illegal" criticise (111); "said Russia was responsible
        for the attack" accuses (112). Returns the code and whom it is aimed at."""
        g = self.grammar
        lemma = c.lemma(v)
        if lemma in g.labelling_verbs:
            complements = c.kids(v, "oprd", "ccomp", "xcomp", "attr") + [
                o for p in c.kids(v, "prep") if c.lemma(p) == "as" for o in c.kids(p, "pobj")]
            if any(c.words_under(k) & g.condemning_labels for k in complements):
                aimed = [m for o in c.kids(v, "dobj") for m in c.actors_at(o)]
                aimed += [m for k in complements for s in c.kids(k, "nsubj")
                          for m in c.actors_at(s)]
                return "111", aimed
        if self.codebook[code].root == "01":
            for comp in c.kids(v, "ccomp"):
                subjects = [m for s in c.kids(comp, "nsubj") for m in c.actors_at(s)]
                if c.words_under(comp, depth=1) & g.blame_words:
                    if c.kids(comp, "nsubj") and not subjects:
                        # "said the shortage of farmland was responsible for high prices":
                        # blame laid on a thing, no actor, accuses nobody
                        continue
                    return "112", subjects
                if c.words_under(comp) & g.condemning_labels:
                    # "said the bombing crossed an unacceptable line"
                    return "111", subjects
                if code == "010" and c.lemma(comp) in g.wrongdoing_verbs and subjects:
                    # "said Iran had exaggerated reports of fighting", "said Greek
                    # activities contravened the Berne agreement": an accusation
                    return "112", subjects
        return None

