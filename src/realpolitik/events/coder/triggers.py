"""Triggers: verbs and event nouns matched against the pattern dictionaries."""

from __future__ import annotations

import dataclasses
from functools import cached_property

from realpolitik.events.coder.common import (
    FALLBACK_TARGET_PREPS,
    LEFT_MODIFIER_DEPS,
    OBJECT_TARGET_PREPS,
    QUESTION_WORDS,
    SUBJECT_DEPS,
    YEAR,
    Trigger,
)
from realpolitik.events.coder.participants import Clause
from realpolitik.events.coder.speech import SpeechActs
from realpolitik.events.patterns import (
    NO_EVENT,
    NounPattern,
    VerbPattern,
)
from realpolitik.model import Mention, ParsedDoc


class TriggerFinder(SpeechActs):
    """Finds the trigger of a verb or noun, or decides that it is no event."""

    # -- triggers ----------------------------------------------------------------
    def _verb_trigger(self, c: Clause, v: int, consumed: set[int]) -> Trigger | None:
        tok = c.doc.tokens[v]
        if tok.dep == "acomp" and tok.tag in ("VBG", "VBN", "JJ"):
            # "Moscow's restraint was striking", "Beijing was more guarded": a quality
            return None
        if (tok.dep in ("acl", "amod") and c.lemma(tok.head) in self.grammar.message_nouns
                and c.doc.tokens[tok.head].dep == "dobj"
                and c.lemma(c.doc.tokens[tok.head].head) in self.grammar.blocking_verbs):
            # "blocked a statement condemning the coup": the statement was never made
            return None
        decided = c.is_decision_infinitive(v)
        if (tok.dep in ("acl", "amod") and not c.kids(v, "nsubj", "nsubjpass", "agent")
                and c.lemma(tok.head) not in self.grammar.message_nouns and not decided):
            # a participle describing a noun tells no event of its own: "the families of
            # those killed in the crash", "the occupied territories" (but "a declaration
            # demanding reforms" is the declaration's demand)
            return None
        pattern = self._best_verb_pattern(c, v)
        if pattern is not None and pattern.code == NO_EVENT:
            obj = c.object_of(v)
            if pattern.object and obj is not None and c.lemma(obj) in self.grammar.idiom_objects:
                # "scored a coup": the object is part of the idiom, no event noun of its own
                consumed.add(obj)
            return None
        if decided and not (pattern is not None and (pattern.object or pattern.prep)):
            # a decision's infinitive is read only where its pattern says what is done:
            # "the decision to impose duties", not "the decision to withdraw the United
            # States" (a bare "withdraw" is troops pulled back)
            return None
        if self._judgement_not_option(c, v):
            return None
        if self._question_or_service(c, v):
            return None
        lemma = c.doc.tokens[v].lemma.lower()
        obj = c.object_of(v)
        if lemma in self.grammar.halting_verbs and (
                pattern is None or not pattern.code.startswith(("16", "128"))):
            # "suspended military aid", and "withdrew from the talks" (but "broke the
            # agreement" defies it, 128, rather than ending it)
            outs = [v, *(k for k in c.kids(v, "prt", "advmod", "prep")
                         if c.lemma(k) == "out")]
            left = [obj] if obj is not None else [
                o for w in outs for p in c.kids(w, "prep") if c.lemma(p) in ("from", "of")
                for o in c.kids(p, "pobj")]
            for halted_noun in left:
                halted = self._halted_event(c, v, halted_noun, consumed)
                if halted is not None:
                    # "suspended cooperation ... on military dialogues": the dialogues
                    # are halted too, not held
                    consumed.update(o for p in c.kids(v, "prep")
                                    if c.lemma(p) in self.grammar.topic_preps
                                    for o in c.kids(p, "pobj"))
                    return halted
        if lemma in self.grammar.accepting_verbs and (pattern is None or not pattern.object):
            accepted = self._accepted_event(c, v, consumed)
            if accepted is not None:
                return accepted
        counted = c.counted_nouns(v)
        for noun in counted:
            noun_pattern = self._noun_pattern(c, noun)
            if noun_pattern is not None and noun_pattern.modifier and (
                    pattern is None or pattern.code[:2] == noun_pattern.code[:2]):
                # "approved $350 million in military aid": the kind of aid decides
                consumed.update((noun, *([obj] if obj is not None else [])))
                sources, targets = c.verb_participants(
                    v, noun_pattern.prep or FALLBACK_TARGET_PREPS)
                return self._trigger(c, v, noun_pattern.code, noun_pattern.confidence,
                                     sources, targets)
        if obj is not None and lemma in self.grammar.light_verbs:
            noun_pattern = self._noun_pattern(c, obj)
            # the noun decides when it is the more specific: "held joint exercises"
            if noun_pattern and (pattern is None or not pattern.object
                                 or noun_pattern.modifier):
                consumed.add(obj)
                return self._light_verb_trigger(c, v, obj, noun_pattern)
        if pattern is None:
            asked = [k for k in c.kids(v, "advcl") if c.asked_for(k)]
            askees = [m for k in asked[:1] for s in c.kids(k, *SUBJECT_DEPS)
                      for m in c.actors_at(s)]
            askers = c.verb_participants(v, ())[0] if askees else []
            if any(m.actor is not None for m in askers):
                # "Britain called for Iran to withdraw": an appeal to the one the "for"
                # names, whose content the complement gives (as "called on Iran to
                # withdraw" does); a plan or a pact that "calls for" something asks nothing
                return self._trigger(c, v, "020", 0.55, askers, askees)
            judged = self._judgement(c, v, "010") if lemma in self.grammar.labelling_verbs \
                else None
            if judged is None:
                return None
            sources, _ = c.verb_participants(v, ())
            return self._trigger(c, v, judged[0], 0.6, sources, judged[1])
        if pattern.code in self.grammar.symmetric_codes and self._with_the_press(c, v, pattern):
            return None
        if pattern.code in ("012", "013") and any(
                c.lemma(k) in self.patterns.verbs and c.to_infinitive(k)
                for k in c.kids(v, "xcomp")):
            # "hopes to meet Reagan", "hoped to seal an agreement": the infinitive is the
            # speaker's plan (an event of its own), the hoping no comment on anyone; "hoped
            # to see progress" stays a comment
            return None
        if obj is not None and pattern.object:
            consumed.add(obj)
            consumed.update(c.kids(obj, "compound"))
        for noun in c.idiom_nouns(v, pattern) if pattern.pobj else ():
            consumed.add(noun)
        sources, targets = c.verb_participants(v, pattern.prep)
        themes = [k for k in c.kids(v, "nsubjpass") if c.lemma(k) in pattern.object
                  and pattern.code[:2] in self.grammar.transfer_roots]
        if themes:
            # "Chadian troops were sent to Sudan": the troops are what is sent, their
            # owner the sender
            sources = sources or c.actors_at(themes[0])
            targets = c.prep_objects(v, pattern.prep or FALLBACK_TARGET_PREPS)
        reacted = self._noun_pattern(c, obj) if obj is not None and not pattern.object else None
        if obj is not None and reacted is not None:
            # "the attack by Russia on Ukraine was condemned": Russia is condemned
            agents, _ = c.noun_participants(obj, reacted)
            if agents:
                targets = [m for m in agents if m not in sources]
        code = self._economic_sense(c, v, pattern.code)
        if pattern.xcomp and self._broken_truce(c, v, pattern.xcomp):
            code = "196"
        if obj is not None and pattern.object:
            # "unions launched week-long strikes against the wage policy"
            code = self.labour_sense(c, obj, code) or code
        if (lemma in self.grammar.accusing_verbs and code == "115"
                and not any(m.actor is not None and m.actor.role in ("COP", "JUD")
                            for m in sources)
                and all(t.actor is not None and t.actor.kind in ("state", "government",
                                                                "organisation")
                        for t in targets)):
            # "charged Japan with dumping", "charged that Canada was protecting jobs": an
            # accusation (but the police and prosecutors charge persons: 115)
            code = "112"
            targets = targets or c.about(v, tuple(sources), content=True)
        blamed = self._blamed_for(c, v, code)
        if blamed is not None:
            code, sources, targets = blamed
        crowds = [k for k in c.kids(v, "nsubj") if c.lemma(k) in self.grammar.crowd_nouns]
        if crowds and not sources:
            # "protesters in Baghdad stormed the embassy": the crowd is the place's
            sources = c.crowd_places(crowds[0])
        judged = self._judgement(c, v, code)
        if judged is not None:
            code, named = judged
            targets = named or targets
        if crowds and self.codebook[code].root in self.grammar.violent_roots:
            code = "145"
        elif (code in self.grammar.property_harm_codes and not pattern.object
              and self._armed_agent(c, v)):
            # "U.S. warships destroyed an Iranian oil platform": armed forces attack (but
            # "troops destroyed Palestinian homes" is CAMEO's own 1712)
            code = c.weapon_code(v) or "190"
        elif code in self.grammar.generic_violence_codes:
            # "Israeli jets struck ...", "attacked the port with drones": the weapon says
            # which kind of force it was
            code = c.weapon_code(v) or code
        if not targets and self.codebook[code].root in self.grammar.violent_roots:
            targets = self._war_targets(c, v, consumed)
        trigger = self._trigger(c, v, code, pattern.confidence, sources, targets)
        return dataclasses.replace(trigger, specific=bool(pattern.xcomp or pattern.object
                                                          or pattern.pobj),
                                   complement=frozenset(pattern.xcomp))

    def _armed_agent(self, c: Clause, v: int) -> bool:
        """Are the doers of ``v`` (its subject, or "by" whom) armed forces or weapons?"""
        doers = c.kids(v, "nsubj") + [o for a in c.kids(v, "agent") for o in c.kids(a, "pobj")]
        return any(c.lemma(k) in self.armed_doers for k in doers)

    def _question_or_service(self, c: Clause, v: int) -> bool:
        """"Asked whether Rome would join, ...", "was asked about the talks": a question,
        no appeal; "to help narrow its trade surplus", "to help settle the dispute": help
        towards an economic goal, or a purpose "to help do", is no aid."""
        lemma = c.lemma(v)
        g = self.grammar
        if lemma in g.serving_verbs:
            doing = c.kids(v, "xcomp", "ccomp")
            tok = c.doc.tokens[v]
            asked = tok.dep == "xcomp" and c.lemma(tok.head) in g.demand_governors
            helped = [m for k in doing for o in c.kids(k, "dobj") for m in c.actors_at(o)]
            if (doing and not asked and not helped
                    and c.to_infinitive(v)):
                # "hired to help settle a dispute", "an offer to help resolve the row": the
                # purpose is the act the sentence names, no aid given (but "asked Asian
                # banks to help finance" appeals for aid, and "to help defend Saudi Arabia"
                # aids a party)
                return True
            return any(c.words_under(k, depth=3) & g.economic_context for k in doing)
        if lemma not in g.question_verbs:
            return False
        # a party that asks another whether it will act appeals to it ("Lima asked whether
        # Quito would reopen the border"); only a question put by the press, or by nobody
        # named ("Asked whether ...", "was asked about ..."), is no appeal
        tok = c.doc.tokens[v]
        if tok.tag == "VBN" and not c.kids(v, "nsubj", "nsubjpass", "agent", "aux", "auxpass"):
            # "Asked to comment on ..., Miyazawa said": a participle clause with no asker
            # is the press's question
            return True
        askers = c.kids(v, "nsubj")
        if askers and not {c.lemma(a) for a in askers} & g.press_askers:
            return False
        if any(c.lemma(p) == "about" for p in c.kids(v, "prep")):
            return True
        for comp in c.kids(v, "ccomp", "advcl", "xcomp", "dobj"):
            opening = c.doc.tokens[min(c.doc.subtree(comp))].lower
            words = {c.lemma(k) for k in c.kids(comp, "mark", "advmod", "nsubj", "dobj",
                                                "det", "attr")}
            if (words | {opening}) & QUESTION_WORDS:
                return True
        return False

    def _economic_sense(self, c: Clause, i: int, code: str) -> str:
        """"will retaliate against U.S. textile exports": in a trade dispute a word of
        force means trade sanctions (grammar.yaml economic_senses); a sentence that names
        no trade is read in its story, a trade dispute when no word of arms is in it."""
        sense = self.grammar.economic_senses.get(c.lemma(i))
        if sense is None:
            return code
        g = self.grammar
        if c.sentence_lemmas(i) & g.economic_context:
            return sense
        story = {t.lemma.lower() for t in c.doc.tokens}
        return sense if story & g.economic_context and not story & g.military_context \
            else code

    def _background(self, c: Clause, n: int) -> bool:
        """An event noun that is only background, not news: the topic of other talks
        ("negotiations on a trade agreement"), a frame ("under the treaty", "amid the
        sanctions"), an event named by its year ("the 2015 deal") or a measured quantity
        ("trade between them doubled")."""
        g = self.grammar
        tok = c.doc.tokens[n]
        head = c.doc.tokens[tok.head]
        if tok.dep == "nsubj" and head.lemma.lower() in g.measure_verbs:
            return True
        if any(YEAR.fullmatch(c.doc.tokens[k].text) for k in c.kids(n, *LEFT_MODIFIER_DEPS,
                                                                   "nummod")):
            # "the 2015 nuclear deal", "their 1953 treaty": named by the year it happened,
            # an old event recalled, not news
            return True
        if tok.dep != "pobj" or head.pos != "ADP":
            return False
        prep = head.lower
        if prep in g.frame_preps:
            return True
        governor = c.doc.tokens[head.head]
        return (prep in g.topic_preps and governor.pos == "NOUN"
                and (governor.lemma.lower() in self.patterns.nouns
                     or governor.lemma.lower() in g.message_nouns))

    def _with_the_press(self, c: Clause, v: int, pattern: VerbPattern) -> bool:
        """"was speaking to reporters", "spoke with West German journalists": a meeting
        whose only partner is the press or an audience is no meeting between actors."""
        partners = [o for p in c.kids(v, "prep") if c.lemma(p) in pattern.prep
                    for o in c.kids(p, "pobj")]
        return bool(partners) and all(c.lemma(o) in self.grammar.audience_nouns
                                      for o in partners)

    def _unmade_document(self, c: Clause, n: int) -> bool:
        """A noun of a document or proposal (``document_nouns``) that no verb of making
        governs or describes: "signed a pact", "an accord was reached", "the agreement
        signed last year", "a proposed treaty", "agreed on a pact" tell the signing, and
        so does a date of the document ("a July agreement", "the agreement last year":
        made then); "violating the trade agreement", "its pact with Japan is working" or
        "opposed to the EC proposal" only name the document."""
        g = self.grammar
        if c.lemma(n) not in g.document_nouns:
            return False
        after = n + 1
        if any(c.doc.tokens[k].ent_type == "DATE" for k in c.kids(n)) or (
                after < len(c.doc.tokens) and c.doc.tokens[after].ent_type == "DATE"
                and c.doc.tokens[after].sent == c.doc.tokens[n].sent):
            # the parser often hangs a date right after the noun on the verb
            return False
        first = n
        while c.doc.tokens[first].dep == "conj" and c.doc.tokens[first].head != first:
            first = c.doc.tokens[first].head  # "signed a treaty and an accord"
        tok = c.doc.tokens[first]
        makers = [*c.kids(n, "acl", "relcl", "amod"), *c.kids(first, "acl", "relcl", "amod")]
        if tok.dep in ("dobj", "nsubjpass", "nsubj", "attr"):
            makers.append(tok.head)
        elif tok.dep == "pobj" and tok.head != first:
            makers.append(c.doc.tokens[tok.head].head)  # "agreed on a pact"
        return not any(c.lemma(v) in g.making_verbs
                       or any(f"{c.lemma(v)} {c.lemma(p)}" in g.making_verbs
                              for p in c.kids(v, "prt", "advmod"))
                       for v in makers)

    def _war_targets(self, c: Clause, v: int, consumed: set[int]) -> list[Mention]:
        """"used nuclear weapons in its war against Ukraine": an act done in a war is
        aimed at the war's enemy, and the war is its setting, not a second event."""
        for p in c.kids(v, "prep"):
            if c.lemma(p) not in ("in", "during", "amid"):
                continue
            for n in c.kids(p, "pobj"):
                pattern = self._noun_pattern(c, n)
                if pattern is None or pattern.code[:2] not in self.grammar.violent_roots:
                    continue
                _, targets = c.noun_participants(n, pattern)
                if targets:
                    consumed.add(n)
                    return targets
        return []

    def _modifies_trigger(self, doc: ParsedDoc, i: int) -> bool:
        """A noun modifying another noun is the event only when it heads a message:
        "condolence telegram" is condolences, but "Partnership Agreement" is the
        agreement and "targeting data", "attack helicopters" are no events at all."""
        tok = doc.tokens[i]
        if tok.dep != "compound" or tok.head == i:
            return False
        head = doc.tokens[tok.head].lemma.lower()
        return head not in self.grammar.message_nouns and head not in self.grammar.carrier_nouns

    def _halted_event(self, c: Clause, v: int, obj: int, consumed: set[int]
                      ) -> Trigger | None:
        """"suspended military aid", "broke off talks", "suspended part of an aid
        programme": ending what the object names is coded by the 16 family."""
        candidates = [obj, *c.kids(obj, "compound")]
        counted = c.counted_by(obj)
        candidates += counted + [k for o in counted for k in c.kids(o, "compound")]
        for noun in candidates:
            noun_pattern = self._noun_pattern(c, noun)
            if noun_pattern is None:
                continue
            code = self.families.code_for("16", noun_pattern.code)
            if code is None or (code == "160" and not noun_pattern.code.startswith(
                    ("06", "07"))):
                continue
            consumed.update(candidates)
            sources, targets = c.verb_participants(v, noun_pattern.prep or FALLBACK_TARGET_PREPS)
            if not targets:
                targets = c.prep_objects(noun, OBJECT_TARGET_PREPS)
            return self._trigger(c, v, code, noun_pattern.confidence, sources, targets)
        return None

    def _accepted_event(self, c: Clause, v: int, consumed: set[int]) -> Trigger | None:
        """"agreed to a ceasefire": the subject takes up the event the noun names."""
        for p in c.kids(v, "prep"):
            if c.lemma(p) != "to":
                continue
            for noun in c.kids(p, "pobj"):
                pattern = self._noun_pattern(c, noun)
                if pattern is None:
                    continue
                consumed.add(noun)
                sources, _ = c.subjects(v)
                targets = c.prep_objects(noun, pattern.prep or FALLBACK_TARGET_PREPS)
                return self._trigger(c, v, pattern.code, pattern.confidence, sources, targets)
        return None

    def _light_verb_trigger(self, c: Clause, v: int, noun: int,
                            pattern: NounPattern) -> Trigger:
        sources, targets = c.verb_participants(v, pattern.prep or FALLBACK_TARGET_PREPS)
        noun_targets = c.prep_objects(noun, pattern.prep or FALLBACK_TARGET_PREPS)
        if noun_targets:
            targets = noun_targets
        elif c.object_of(v) == noun:
            # the object was the event noun itself, not an actor
            targets = [t for t in targets if t.head != noun]
        return self._trigger(c, noun, pattern.code, pattern.confidence * 0.95, sources, targets)

    def _judgement_not_option(self, c: Clause, v: int) -> bool:
        """"considers the accord inoperative", "is considered a key backer", "considered
        that all obstacles had been removed": a verb of considering with a predicate on its
        object judges it; only "is considering sanctions" or "considering buying" weighs a
        policy option (014)."""
        if c.lemma(v) not in self.grammar.judging_verbs:
            return False
        heads = [v, *c.kids(v, "dobj")]
        if c.kids(v, "oprd", "attr", "acomp") or any(
                c.lemma(p) == "as" for h in heads for p in c.kids(h, "prep")):
            return True
        clauses = c.kids(v, "ccomp")
        if clauses and not any(self._deliberated(c, k) for k in clauses):
            # "considered (that) the obstacles had been removed" (but "is considering how
            # to retaliate", "will consider what action to take": an option weighed)
            return True
        # "is considered to have been successful": a passive with a predicate
        return bool(c.kids(v, "nsubjpass", "auxpass")) and bool(c.kids(v, "xcomp"))

    @staticmethod
    def _deliberated(c: Clause, clause: int) -> bool:
        """Does a complement clause open with a question word ("how to retaliate", "what
        legal action it can take", "whether to act")?"""
        return any(c.doc.tokens[k].tag in ("WRB", "WP", "WDT", "WP$") or c.lemma(k) == "whether"
                   for k in c.doc.subtree(clause) if k < clause)

    def _market_quantity(self, c: Clause, n: int) -> bool:
        """A market's demand, not a party's: the singular noun as what a verb of quantity
        acts on ("reducing demand in Japan for semiconductors")."""
        tok = c.doc.tokens[n]
        return (c.lemma(n) in self.grammar.market_nouns and tok.tag == "NN"
                and tok.dep == "dobj" and c.lemma(tok.head) in self.grammar.market_verbs)

    def _blamed_for(self, c: Clause, v: int, code: str
                    ) -> tuple[str, list[Mention], list[Mention]] | None:
        """A wrong that another act is done "for" is that act's accusation (112) of the
        one it acts on: "ready to impose sanctions against Japan for breaking the
        accord", "criticised Iran for violating the truce". Returns the code, the judge
        and the judged."""
        if not (code == "128" or c.lemma(v) in self.grammar.wrongdoing_verbs):
            return None
        punished = c.punished_for(v)
        if punished is None:
            return None
        governor, judged = punished
        acting = c.doc.tokens[governor]
        if acting.dep == "xcomp" and c.lemma(acting.head) in self.grammar.demand_governors:
            # "urged Washington to impose sanctions on Japan for violating": the one
            # who urges the punishment accuses, not the one urged
            governor = acting.head
        return "112", c.subjects(governor)[0], judged

    def _noun_trigger(self, c: Clause, n: int) -> Trigger | None:
        pattern = self._noun_pattern(c, n)
        if pattern is None or self._market_quantity(c, n):
            return None
        sources, targets = c.noun_participants(n, pattern)
        if not sources:
            # "accused Russia of an attack": the accused is the agent
            sources = c.accused_of(n)
        tok = c.doc.tokens[n]
        praised = (tok.dep == "dobj"
                   and c.codes_at.get(tok.head, "")[:2] in self.grammar.reaction_roots)
        if not sources and self.codebook[pattern.code].quad_class == 1 and not praised:
            # "responded ... in a condolence telegram to X": the responder sent it (but
            # "Trump praised the summit" is no summit of Trump's)
            sources = c.clause_subjects(n)
        code = "196" if pattern.xcomp and self._broken_truce(c, n, pattern.xcomp) \
            else self._economic_sense(c, n, pattern.code)
        return self._trigger(c, n, code, pattern.confidence * 0.9, sources, targets)

    @cached_property
    def _truce_words(self) -> frozenset[str]:
        """What "violate" takes for a ceasefire violation (196): "truce", "ceasefire"."""
        return frozenset(w for p in self.patterns.verbs.get("violate", ()) if p.code == "196"
                         for w in p.object)

    def _broken_truce(self, c: Clause, head: int, kept: frozenset[str]) -> bool:
        """"failed to observe the ceasefire": a truce not kept is violated (196), not just
        any commitment (128)."""
        complements = [k for k in c.kids(head, "xcomp", "acl") if c.lemma(k) in kept]
        return any(c.object_words(k, ("with", "by", "to")) & self._truce_words
                   for k in complements)

