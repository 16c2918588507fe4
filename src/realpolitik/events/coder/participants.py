"""Participants: who acts and who is acted upon, from subjects, objects, possessors and more."""

from __future__ import annotations

from collections.abc import Iterable

from realpolitik.events.coder.common import (
    FALLBACK_TARGET_PREPS,
    OBJECT_TARGET_PREPS,
    QUOTES,
    SUBJECT_DEPS,
    same_actors,
    sides,
    unique,
)
from realpolitik.events.coder.ownership import ClauseOwnership
from realpolitik.events.patterns import (
    NounPattern,
)
from realpolitik.model import Mention


class Clause(ClauseOwnership):
    """The full reading of a clause: parse helpers, modality and participants."""

    def verb_participants(self, v: int, preps: tuple[str, ...]
                          ) -> tuple[list[Mention], list[Mention]]:
        passive = self.kids(v, "nsubjpass")
        if passive and not self.kids(v, "agent") and self.lemma(v) in self.grammar.stative_passives:
            # "France is opposed to the plan": the subject holds the stance
            return self.actors_at(passive[0]), self.prep_objects(v, ("to", *preps))
        if passive:
            sources = [m for a in self.kids(v, "agent") for o in self.kids(a, "pobj")
                       for m in self.actors_at(o)]
            patients = self.actors_at(passive[0])
            if not patients:
                patients = self.prep_objects(v, preps or FALLBACK_TARGET_PREPS)
            if not patients:
                # "the deal between Riyadh and Tehran was brokered by Beijing"
                patients = self.prep_objects(passive[0], OBJECT_TARGET_PREPS)
            return sources, patients
        tok = self.doc.tokens[v]
        agents = [m for a in self.kids(v, "agent") for o in self.kids(a, "pobj")
                  for m in self.actors_at(o)]
        if tok.tag == "VBN" and agents and not self.kids(v, "nsubj"):
            # "Iran would retaliate if attacked by Israel": the clause's subject suffers it;
            # "none of the Soviet ships are known to have been attacked by Iran": the
            # raised subject does
            raised = self.kids(tok.head, "nsubjpass") if tok.dep == "xcomp" else []
            patients = (self.actors_at(raised[0]) if raised
                        else self.subjects(tok.head)[0] if tok.head != v else [])
            return agents, [m for m in patients if m not in agents]
        sources, _ = self.subjects(v)
        targets: list[Mention] = []
        if preps:
            targets = self.prep_objects(v, preps)
            obj = self.object_of(v)
            if not targets and obj is not None:
                targets = self.prep_objects(obj, preps)
        if not targets:
            for obj in self.kids(v, "dobj", "dative", "attr"):
                if (self.lemma(obj) in self.grammar.audience_nouns
                        and self.lemma(v) in self.grammar.report_governors):
                    # "told a conference of American businessmen": the public, no actor
                    continue
                targets.extend(self.actors_at(obj))
        if not targets:
            targets = self.prep_objects(v, FALLBACK_TARGET_PREPS)
        obj = self.object_of(v)
        if not targets and obj is not None:
            # "signed an agreement with X", "imposed sanctions on X", "trade between A and B"
            targets = self.prep_objects(obj, OBJECT_TARGET_PREPS)
        if not targets and (self.lemma(v) in self.grammar.demand_governors
                            or self.lemma(v) in self.grammar.verdict_verbs):
            # "demanded that Georgia carry out reforms": the one asked is the target;
            # "found Serbia responsible", "ruled that China's curbs violated": the one judged
            # an organisation is its own side too: "the EC will retaliate, an EC official
            # warned" is no warning to the EC
            own = sides(sources)
            for comp in self.kids(v, "ccomp"):
                for subj in self.kids(comp, *SUBJECT_DEPS):
                    # "Israel warned that it would respond": no warning to itself
                    targets.extend(m for m in self.actors_at(subj)
                                   if not (m.actor and m.actor.side in own))
        if not targets and any(self.doc.tokens[o].lower == "other" and any(
                self.doc.tokens[d].lower in ("each", "one") for d in self.kids(o))
                for o in self.kids(v, "dobj")):
            # "Israel and Hamas accused each other": every subject targets the others
            return sources, list(sources)
        if not targets and sources and tok.dep == "ccomp" \
                and self.lemma(tok.head) in self.grammar.warning_verbs:
            # "warned France that it may retaliate": the warner's act is aimed at the warned
            warners, _ = self.subjects(tok.head)
            own = sides(warners)
            if own and all(m.actor and m.actor.side in own for m in sources):
                targets = [m for o in self.kids(tok.head, "dobj", "dative")
                           for m in self.actors_at(o)]
        targets = [t for t in targets if t not in sources]
        return sources, targets

    def purpose_targets(self, t: int) -> list[Mention]:
        """Actors a purpose clause's act is aimed at: the object of the verb it serves
        ("called Erdogan to offer condolences"); a light verb's noun looks from its verb."""
        tok = self.doc.tokens[t]
        if tok.pos in ("NOUN", "PROPN") and tok.dep == "dobj":
            tok = self.doc.tokens[tok.head]
        if tok.dep not in ("advcl", "xcomp") or not self.to_infinitive(tok.i):
            return []
        governor = tok.head
        if self.lemma(governor) in self.grammar.demand_governors:
            return []
        return [m for o in self.kids(governor, "dobj") for m in self.actors_at(o)]

    def about(self, t: int, sources: tuple[Mention | None, ...], content: bool
              ) -> list[Mention]:
        """The other actor a statement is about: the object of its topic preposition
        ("a statement about Pashinyan's remarks"), the subject of what is said ("Quito
        said Lima had closed the border") and, when ``content``, the first other actor of
        what is said ("voiced optimism that the talks with Hanoi would ..."). The
        speaker's own state is no other actor."""
        own = sides(sources)

        def others(found: Iterable[Mention]) -> list[Mention]:
            return [m for m in unique(found) if m.actor is not None
                    and m.actor.side not in own]

        heads = [t] + [o for o in self.kids(t, "dobj") if o not in self.mention_at]
        about = others(m for h in heads for m in self.prep_objects(h, self.grammar.topic_preps))
        other_clauses = ("advcl", "conj", "parataxis", "cc")
        if content:
            queue = [k for h in heads for k in self.kids(h) if k not in heads
                     and self.doc.tokens[k].dep not in (*SUBJECT_DEPS, *other_clauses,
                                                         "nsubjpass", "agent", "punct",
                                                         "aux", "neg")]
        else:
            queue = [s for k in self.kids(t, "ccomp") for s in self.kids(k, *SUBJECT_DEPS,
                                                                         "nsubjpass")]
        seen: set[int] = set()
        while queue and not about and len(seen) < 40:
            k = queue.pop(0)
            if k not in seen:
                seen.add(k)
                about = others(self.actors_at(k))
                # not into another clause: "expressed concern, while Seoul said ..."
                queue.extend(j for j in self.kids(k)
                             if self.doc.tokens[j].dep not in other_clauses)
        return about[:1]

    def attribution(self, v: int) -> bool:
        """A speech verb that only says whose account the sentence is: it follows what is
        said ("Lima closed the border, the ministry said", a quotation), or its speaker is nobody in
        particular ("officials said", "a spokesman said")."""
        if any(k < v for k in self.kids(v, "ccomp")):
            return True
        sentence = self.doc.sentences[self.doc.tokens[v].sent]
        if any(self.doc.tokens[k].text in QUOTES and self.doc.tokens[k - 1].text in ",.!?"
               for k in range(sentence.start + 1, v)):
            # '"We will hold firm," the minister told reporters': a closing quotation mark
            return True
        return any(self.lemma(s) in self.grammar.anonymous_speakers
                   for s in self.kids(v, "nsubj", "agent"))

    def self_report(self, v: int, sources: tuple[Mention | None, ...]) -> bool:
        """"Miyazawa said Japan has no plans to ...": what the speaker's own state does."""
        said = [m for k in self.kids(v, "ccomp") for s in self.kids(k, *SUBJECT_DEPS)
                for m in self.actors_at(s) if m.actor is not None]
        known = tuple(m for m in sources if m is not None and m.actor is not None)
        return bool(said) and bool(known) and same_actors(known, tuple(said))

    def reported_by_another(self, t: int, sources: tuple[Mention | None, ...]) -> bool:
        """"the Kremlin insisted that no Turkish peacekeepers would be sent": what one
        says another will not do is no refusal by the other."""
        known = tuple(self.reporting_speakers(t))
        return bool(known) and not same_actors(known, sources)

    def reporting_speakers(self, t: int) -> list[Mention]:
        """The known speakers of the speech verb whose content ``t`` is in."""
        for gov, link in self._governors(t):
            if link == "ccomp" and self.lemma(gov) in self.grammar.report_governors:
                return [m for m in self.subjects(gov)[0] if m.actor is not None]
        return []

    def noun_participants(self, n: int, pattern: NounPattern
                          ) -> tuple[list[Mention], list[Mention]]:
        sources: list[Mention] = []
        targets: list[Mention] = []
        # "Bazoum's detention" names the patient, but "Iraq's invasion of Kuwait" the agent
        patient_possessor = pattern.patient_possessor and not self.prep_objects(n, ("of",))
        hostile = pattern.code[:2] in self.grammar.violent_roots
        for k in self._left_modifiers(n):
            m = self.mention_at.get(k)
            if m is None or m in sources or m in targets:
                continue
            is_poss = self.doc.tokens[k].dep == "poss" or self.doc.tokens[m.head].dep == "poss"
            struck_city = (hostile and m.kind == "metonym" and self.doc.tokens[k].dep ==
                           "compound" and self.doc.tokens[k].ent_type == "GPE")
            # "the Paris attacks" happened in Paris: the city is struck, not striking
            (targets if (is_poss and patient_possessor) or struck_city else sources).append(m)
        sent_by_from = pattern.code[:2] not in ("08", "14", "15", "16", "17", "18", "19", "20")
        for a in self.kids(n, "prep"):
            if self.lemma(a) == "by" or (self.lemma(a) == "from" and not sources
                                          and sent_by_from):
                # "an attack by X", "condemnation from Washington" (but a "withdrawal
                # from Mali" leaves Mali)
                for o in self.kids(a, "pobj"):
                    sources.extend(self.actors_at(o))
        head = self.doc.tokens[n].head
        if (self.doc.tokens[n].dep == "dobj" and self.lemma(head) in
                self.grammar.provoking_verbs and not self.prep_objects(n, pattern.prep or ())):
            # "Iraq's invasion drew condemnation": the reaction is aimed at the invader
            for subj in self.kids(head, "nsubj"):
                targets.extend(m for m in self.actors_at(subj) if m not in sources)
        if not sources and self.doc.tokens[n].dep == "nsubj" and self.lemma(head) in (
                "pour", "come", "flow", "arrive"):
            # "Condolences poured in from Paris and Berlin"
            sources.extend(m for p in self.kids(head, "prep") if self.lemma(p) == "from"
                           for o in self.kids(p, "pobj") for m in self.actors_at(o))
        # "the failure of Tokyo to honour the pact": the "of" names who failed
        agent_of = bool(pattern.xcomp)
        if agent_of and not sources:
            sources.extend(self.prep_objects(n, ("of",)))
        for k in self.infinitives(n) if agent_of else ():
            # "... to honour the accord with Israel": the other party to the commitment
            kept = [o for o in (self.object_of(k),) if o is not None] + [
                o for p in self.kids(k, "prep") for o in self.kids(p, "pobj")]
            targets.extend(m for o in (k, *kept) for m in self.prep_objects(o, ("with",)))
        preps = tuple(p for p in pattern.prep or FALLBACK_TARGET_PREPS
                      if p != "from" and not (agent_of and p == "of"))
        targets.extend(self.prep_objects(n, preps))
        if not targets and self.doc.tokens[n].dep == "compound" and head != n:
            # "a condolence telegram to X": the preposition hangs on the compound's head
            targets.extend(self.prep_objects(head, preps))
        between = self.prep_objects(n, ("between", "among", "amongst"))
        if between and not sources:
            sources = between
        elif between:
            targets.extend(between)
        sources = unique(sources)
        return sources, [t for t in unique(targets) if t not in sources]
