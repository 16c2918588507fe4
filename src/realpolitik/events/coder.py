"""Stage 4: who did what to whom, from the dependency parse and the pattern dictionaries.

Input: a :class:`ParsedDoc` and its actor :class:`Mention` list. Output: :class:`Event` rows
without dates (the time stage dates them). Triggers are verbs and event nouns matched by the
pattern dictionaries; sources and targets come from the parse (subjects, passive agents,
possessors, adjectival actors, objects, prepositional objects), conjoined actors expand into
one event per pair, and negation and modality are read from the trigger's clause and the
verbs that govern it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable
from dataclasses import dataclass

from realpolitik.config import Config
from realpolitik.events.codebook import CameoCode, Codebook, default_codebook
from realpolitik.events.grammar import Families, Grammar, default_families, default_grammar
from realpolitik.events.patterns import (
    NO_EVENT,
    NounPattern,
    PatternSet,
    VerbPattern,
    default_patterns,
    load_pattern_file,
)
from realpolitik.model import Event, Mention, Modality, ParsedDoc, Participant, Polarity, stable_id

#: prepositions that introduce a target when a pattern names none
FALLBACK_TARGET_PREPS = ("against", "on", "to", "with", "toward", "towards", "at", "into",
                         "upon", "over", "from", "between")
#: prepositions of an object noun that name the other party: "calls from the UN"
OBJECT_TARGET_PREPS = (*FALLBACK_TARGET_PREPS, "between", "from", "for")
#: prepositions that give an event's purpose or setting rather than a second event
SETTING_PREPS = ("for", "during", "out", "amid", "at")
#: places as a last resort: "massed troops near Ukraine's borders", "an attack in Gaza"
LOCATIVE_PREPS = ("in", "near", "inside", "across", "along", "outside", "around", "within")
_SUBJECT_DEPS = {"nsubj", "csubj"}
_LEFT_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}


@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched verb or noun with its code and how sure the pattern is."""

    token: int
    code: str
    confidence: float
    sources: tuple[Mention | None, ...]
    targets: tuple[Mention | None, ...]
    #: the pattern fixed the code by an object or complement: families do not re-code it
    specific: bool = False
    #: complement verbs the pattern's code already covers ("declined to comment" is 011)
    complement: frozenset[str] = frozenset()
    #: modality fixed by the construction rather than read from the clause
    modality: Modality | None = None


class EventCoder:
    """Codes events in parsed documents; load once, call :meth:`code` per document."""

    def __init__(self, config: Config, codebook: Codebook | None = None,
                 patterns: PatternSet | None = None, grammar: Grammar | None = None,
                 require_actor: bool = True) -> None:
        self.config = config
        #: keep only events with at least one resolved actor (off for code-only evaluation)
        self.require_actor = require_actor
        self.codebook = codebook or default_codebook()
        base = patterns or default_patterns()
        for path in config.pattern_files:
            base = base.extended(load_pattern_file(path, self.codebook))
        self.patterns = base
        self.grammar = grammar or default_grammar()
        self.families: Families = default_families()

    # -- public ------------------------------------------------------------------
    def code(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Event]:
        clause = _Clause(doc, mentions, self.grammar)
        events: list[Event] = []
        consumed: set[int] = set()
        for sentence in doc.sentences:
            verbs: dict[int, Trigger] = {}
            for i in range(sentence.start, sentence.end):
                tok = doc.tokens[i]
                lemma = tok.lemma.lower()
                if tok.pos in ("VERB", "AUX") and (lemma in self.patterns.verbs
                                                   or lemma in self.grammar.halting_verbs):
                    trigger = self._verb_trigger(clause, i, consumed)
                    if trigger:
                        verbs[i] = trigger
            # an event noun that is the purpose or setting of an event verb is not news of
            # its own: "travelled for the talks", "paid a visit for the summit"
            for v, trigger in verbs.items():
                for k in clause.kids(v, "prep") + clause.kids(trigger.token, "prep"):
                    if clause.lemma(k) in SETTING_PREPS:
                        consumed.update(clause.kids(k, "pobj"))
            self._absorb_complements(clause, verbs)
            self._demands_by_obligation(clause, verbs)
            self._fold_protest_demands(clause, verbs, consumed)
            self._merge_instruments(clause, verbs, consumed)
            asked = [self._asked_event(clause, v, gov, consumed) for v, gov in verbs.items()]
            for trigger in [*verbs.values(), *(a for a in asked if a is not None)]:
                events.extend(self._events(clause, trigger))
            for i in range(sentence.start, sentence.end):
                tok = doc.tokens[i]
                if (i not in consumed and tok.pos in ("NOUN", "PROPN")
                        and tok.lemma.lower() in self.patterns.nouns
                        and tok.ent_type not in self.grammar.named_event_entities
                        and not self._modifies_trigger(doc, i)
                        and not clause.merely_asked_for(i)
                        and not self._background(clause, i)):
                    trigger = self._noun_trigger(clause, i)
                    if trigger:
                        events.extend(self._events(clause, trigger))
        return _drop_underspecified(_dedupe(events))

    def _demands_by_obligation(self, c: _Clause, verbs: dict[int, Trigger]) -> None:
        """"declared that China must drop its barriers": a statement that someone else
        must act is a demand on them, even when the act itself is not in the dictionary."""
        for v, gov in list(verbs.items()):
            if self.codebook[gov.code].root != "01":
                continue
            for comp in c.kids(v, "ccomp"):
                if comp in verbs or not c.obliged(comp, self.families):
                    continue
                subjects, _ = c.subjects(comp)
                if subjects and not _same_actors(gov.sources, tuple(subjects)):
                    verbs[v] = dataclasses.replace(gov, code="100", targets=tuple(subjects))

    def _fold_protest_demands(self, c: _Clause, verbs: dict[int, Trigger],
                              consumed: set[int]) -> None:
        """A demand made by protest is the protest's content: "went on strike to demand
        his resignation" is 1431, "crowds demanded reforms" 141x, "a general strike
        demanded the resignation" 1431 (CAMEO's 14 sub-codes follow what is demanded)."""
        g = self.grammar
        for v, demand in list(verbs.items()):
            tok = c.doc.tokens[v]
            protest = verbs.get(tok.head) if tok.dep in ("advcl", "xcomp") else None
            if (self.codebook[demand.code].root == "14" and protest is not None
                    and self.codebook[protest.code].root == "14"):
                # "blocked the gates to protest the relocation": one protest
                verbs[tok.head] = dataclasses.replace(
                    protest, targets=protest.targets if any(protest.targets)
                    else demand.targets)
                del verbs[v]
                continue
            if self.codebook[demand.code].root != "10":
                continue
            if protest is not None and self.codebook[protest.code].root == "14":
                verbs[tok.head] = dataclasses.replace(
                    protest, code=self._protest_code(protest.code, demand.code),
                    sources=protest.sources if any(protest.sources) else demand.sources,
                    targets=protest.targets if any(protest.targets) else demand.targets)
                del verbs[v]
                continue
            for subj in c.kids(v, "nsubj"):
                base = "141" if c.lemma(subj) in g.crowd_nouns else None
                noun = self._noun_pattern(c, subj) if base is None else None
                if noun is not None and self.codebook[noun.code].root == "14":
                    base = noun.code
                    consumed.add(subj)
                if base is not None:
                    sources = demand.sources if any(demand.sources) else tuple(
                        c.crowd_places(subj)) or (None,)
                    verbs[v] = dataclasses.replace(
                        demand, code=self._protest_code(base, demand.code), sources=sources)

    def _merge_instruments(self, c: _Clause, verbs: dict[int, Trigger],
                           consumed: set[int]) -> None:
        """"A Russian missile attack damaged grain silos", "a roadside bomb struck a
        convoy": an attack that is the subject of a violent verb is one event, coded by
        the attack's kind and aimed at the verb's object."""
        for v, trigger in list(verbs.items()):
            if self.codebook[trigger.code].root not in self.grammar.violent_roots:
                continue
            for subj in c.kids(v, "nsubj"):
                noun = self._noun_trigger(c, subj)
                if noun is None or self.codebook[noun.code].root not in (
                        self.grammar.violent_roots - {"17"}):
                    continue
                code = noun.code
                if (noun.code in self.grammar.generic_violence_codes
                        and self.codebook[trigger.code].root != "17"):
                    code = trigger.code
                sources = tuple(m for m in (*noun.sources, *trigger.sources) if m)
                targets = trigger.targets if any(trigger.targets) else noun.targets
                verbs[v] = dataclasses.replace(
                    trigger, code=code, sources=tuple(_unique(sources)) or (None,),
                    targets=targets)
                consumed.add(subj)

    def _protest_code(self, protest: str, demand: str) -> str:
        """141 + "1041" (demand leadership change) → 1411, and so on for 141–145."""
        if demand.startswith("104") and len(demand) == 4:
            code = protest[:3] + demand[3]
            if code in self.codebook:
                return code
        return protest

    def _asked_event(self, c: _Clause, v: int, gov: Trigger, consumed: set[int]
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

    def _threatened_event(self, c: _Clause, v: int, gov: Trigger, consumed: set[int]
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

    def _absorb_complements(self, c: _Clause, verbs: dict[int, Trigger]) -> None:
        """Fold a complement's event into the speech act that governs it.

        An appeal, intent, demand, rejection or threat takes its family code from what it
        is about ("urged X to release" → 0253) and, lacking one, its target; a statement
        that someone else "must" act becomes a demand on them; a speaker's statement of
        its own act is that act.
        """
        for i in sorted(verbs, reverse=True):
            trigger = verbs.get(i)
            tok = c.doc.tokens[i]
            head = tok.head
            if trigger is None or tok.dep not in ("xcomp", "ccomp") or head not in verbs:
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
                if c.obliged(i, self.families):
                    # "Russia said Sudan must return the helicopter": a demand on Sudan
                    code = self.families.code_for("10", trigger.code) or "100"
                    targets = tuple(m for m in trigger.sources if m) or gov.targets
                    verbs[head] = dataclasses.replace(gov, code=code, targets=targets)
                    del verbs[i]
                elif (_same_actors(gov.sources, trigger.sources)
                      and c.modality(i) in ("future", "hypothetical")):
                    # "Kazakhstan said it would lift the emergency": announcing one's own
                    # act is the act (an intent); a statement about what one did is news too
                    del verbs[head]

    # -- triggers ----------------------------------------------------------------
    def _verb_trigger(self, c: _Clause, v: int, consumed: set[int]) -> Trigger | None:
        tok = c.doc.tokens[v]
        if tok.dep == "acomp" and tok.tag in ("VBG", "VBN", "JJ"):
            # "Moscow's restraint was striking", "Beijing was more guarded": a quality
            return None
        if (tok.dep in ("acl", "amod") and c.lemma(tok.head) in self.grammar.message_nouns
                and c.doc.tokens[tok.head].dep == "dobj"
                and c.lemma(c.doc.tokens[tok.head].head) in self.grammar.blocking_verbs):
            # "blocked a statement condemning the coup": the statement was never made
            return None
        if (tok.dep in ("acl", "amod") and not c.kids(v, "nsubj", "nsubjpass", "agent")
                and c.lemma(tok.head) not in self.grammar.message_nouns):
            # a participle describing a noun tells no event of its own: "the families of
            # those killed in the crash", "the occupied territories" (but "a declaration
            # demanding reforms" is the declaration's demand)
            return None
        pattern = self._best_verb_pattern(c, v)
        if pattern is not None and pattern.code == NO_EVENT:
            return None
        lemma = c.doc.tokens[v].lemma.lower()
        obj = c.object_of(v)
        if lemma in self.grammar.halting_verbs and (
                pattern is None or not pattern.code.startswith("16")):
            # "suspended military aid", and "withdrew from the talks"
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
            judged = self._judgement(c, v, "010") if lemma in self.grammar.labelling_verbs \
                else None
            if judged is None:
                return None
            sources, _ = c.verb_participants(v, ())
            return self._trigger(c, v, judged[0], 0.6, sources, judged[1])
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
        code = pattern.code
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

    def _background(self, c: _Clause, n: int) -> bool:
        """An event noun that is only background, not news: the topic of other talks
        ("negotiations on a trade agreement"), a frame ("under the treaty", "amid the
        sanctions"), an event named by its year ("the 2015 deal") or a measured quantity
        ("trade between them doubled")."""
        g = self.grammar
        tok = c.doc.tokens[n]
        head = c.doc.tokens[tok.head]
        if tok.dep == "nsubj" and head.lemma.lower() in g.measure_verbs:
            return True
        if any(_YEAR.fullmatch(c.doc.tokens[k].text) for k in c.kids(n, *_LEFT_MODIFIER_DEPS,
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

    def _judgement(self, c: _Clause, v: int, code: str) -> tuple[str, list[Mention]] | None:
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
                    return "112", subjects
                if c.words_under(comp) & g.condemning_labels:
                    # "said the bombing crossed an unacceptable line"
                    return "111", subjects
        return None

    def _war_targets(self, c: _Clause, v: int, consumed: set[int]) -> list[Mention]:
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

    def _best_verb_pattern(self, c: _Clause, v: int) -> VerbPattern | None:
        matching = [p for p in self.patterns.verbs.get(c.doc.tokens[v].lemma.lower(), ())
                    if c.satisfies(v, p)]
        if len(matching) > 1:
            counted = c.counted_words(v)
            for pattern in matching:
                # "approved $350 million in military aid": what is counted says more than
                # the amount
                if pattern.object & counted:
                    return pattern
        return matching[0] if matching else None

    def _noun_pattern(self, c: _Clause, n: int) -> NounPattern | None:
        pattern = self._matching_noun_pattern(c, n)
        return None if pattern is None or pattern.code == NO_EVENT else pattern

    def _matching_noun_pattern(self, c: _Clause, n: int) -> NounPattern | None:
        candidates = self.patterns.nouns.get(c.doc.tokens[n].lemma.lower())
        if not candidates:
            return None
        preps = c.prep_lemmas(n)
        modifiers = c.modifier_words(n)
        plain = [p for p in candidates if not p.modifier]
        for pattern in candidates:
            if pattern.modifier and not modifiers & pattern.modifier:
                continue
            if not pattern.prep or preps.intersection(pattern.prep):
                return pattern
        return plain[-1] if plain else None

    def _halted_event(self, c: _Clause, v: int, obj: int, consumed: set[int]
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

    def _accepted_event(self, c: _Clause, v: int, consumed: set[int]) -> Trigger | None:
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

    def _light_verb_trigger(self, c: _Clause, v: int, noun: int,
                            pattern: NounPattern) -> Trigger:
        sources, targets = c.verb_participants(v, pattern.prep or FALLBACK_TARGET_PREPS)
        noun_targets = c.prep_objects(noun, pattern.prep or FALLBACK_TARGET_PREPS)
        if noun_targets:
            targets = noun_targets
        elif c.object_of(v) == noun:
            # the object was the event noun itself, not an actor
            targets = [t for t in targets if t.head != noun]
        return self._trigger(c, noun, pattern.code, pattern.confidence * 0.95, sources, targets)

    def _noun_trigger(self, c: _Clause, n: int) -> Trigger | None:
        pattern = self._noun_pattern(c, n)
        if pattern is None:
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
        return self._trigger(c, n, pattern.code, pattern.confidence * 0.9, sources, targets)

    def _trigger(self, c: _Clause, token: int, code: str, confidence: float,
                 sources: list[Mention], targets: list[Mention]) -> Trigger:
        if not sources and self.codebook[code].root == "14":
            # "riots erupted in New Caledonia", "rallied in Barcelona": a protest with no
            # named protesters is the place's people, against their own state unless the
            # text names another target
            sources = c.places(token)[:1] or c.places(c.doc.tokens[token].head)[:1]
            if sources and not targets:
                targets = list(sources)
        if not targets and self.codebook[code].quad_class >= 3:
            # the place of a hostile act is its target: "massed troops near Ukraine's
            # borders"; the place of a meeting is only where it happened
            targets = [t for t in c.places(token) if t not in sources]
        if not targets:
            # "telephoned Erdogan to offer condolences": the purpose is aimed at the object
            targets = c.purpose_targets(token)
        obj = c.object_of(token)
        mutual = (self.grammar.is_reciprocal(code)
                  or c.lemma(token) in self.grammar.symmetric_verbs
                  or (obj is not None and c.lemma(obj) in self.grammar.mutual_objects))
        if len(sources) >= 2 and mutual:
            # "A and B signed a treaty at the Kremlin": the host is no third party
            countries = {m.actor.country for m in sources if m.actor}
            targets = [t for t in targets if not (t.actor and t.actor.country in countries)]
        if not targets and len(sources) >= 2 and mutual:
            # "A and B met", "A and B exchanged fire": each acts on the other; _events
            # skips self-pairs (but "A and B launched strikes" is no fight between them)
            targets = list(sources)
        return Trigger(token, code, confidence, _or_none(sources), _or_none(targets))

    # -- events ------------------------------------------------------------------
    def _events(self, c: _Clause, trigger: Trigger) -> list[Event]:
        cameo = self.codebook[trigger.code]
        c.codes_at[trigger.token] = trigger.code
        polarity = c.polarity(trigger.token)
        modality = trigger.modality or c.modality(trigger.token)
        announced = c.governed_by(trigger.token, self.families.intent_governors)
        if (cameo.root in self.families.intent_roots and (modality == "future" or announced)
                and not (polarity == "negated"
                         and c.reported_by_another(trigger.token, trigger.sources))):
            # "will provide aid" expresses intent (03); "will not release them" refuses (12)
            family = "12" if polarity == "negated" else "03"
            cameo = self.codebook[self.families.code_for(family, cameo.code) or cameo.code]
            polarity, modality = "asserted", "actual"
        threat: CameoCode | None = None
        if cameo.root in self.families.threat_roots and polarity == "asserted" and (
                c.conditional_or_announced(trigger.token) or announced):
            # "plans to impose restrictions", "is prepared to impose martial law"
            # "would strike Iran again if it rebuilt": the strike is hypothetical, the
            # saying of it a threat
            threat = self.codebook[self.families.code_for("13", cameo.code) or "130"]
        out: list[Event] = []
        for source in trigger.sources:
            for target in trigger.targets:
                src_actor = source.actor if source else None
                tgt_actor = target.actor if target else None
                if self.require_actor and src_actor is None and tgt_actor is None:
                    continue
                if (source is not None and target is not None and source.start == target.start
                        and cameo.root != "14"):
                    continue
                code = self._person_code(c, trigger, cameo, target)
                out.append(self._event(c, trigger, code, source, target, polarity, modality))
                if threat is not None:
                    out.append(self._event(c, trigger, threat, source, target, "asserted",
                                           "actual"))
                if (source is not None and target is not None
                        and (cameo.code in self.grammar.symmetric_codes
                             or c.lemma(trigger.token) in self.grammar.symmetric_verbs)
                        and c.lemma(trigger.token) not in self.grammar.one_sided_verbs):
                    # "Li met Albanese": Albanese met Li as well
                    out.append(self._event(c, trigger, cameo, target, source, polarity,
                                           modality))
        return out

    def _person_code(self, c: _Clause, trigger: Trigger, cameo: CameoCode,
                     target: Mention | None) -> CameoCode:
        """Seizing a named person is an abduction, killing one an assassination, killing
        thousands a mass killing."""
        if (cameo.root in ("18", "19") and c.lemma(trigger.token) in self.grammar.killing_verbs
                and c.victims(trigger.token) >= self.grammar.mass_killing_victims):
            return self.codebook["202"]
        if target is None or target.actor is None or target.actor.kind != "person":
            return cameo
        g = self.grammar
        code = g.person_target_codes.get(cameo.code)
        if code is None and cameo.root in ("18", "19") and (
                c.lemma(trigger.token) in g.killing_verbs):
            code = "186"
        return self.codebook[code] if code else cameo

    def _event(self, c: _Clause, trigger: Trigger, cameo: CameoCode, source: Mention | None,
               target: Mention | None, polarity: Polarity, modality: Modality) -> Event:
        doc = c.doc
        tok = doc.tokens[trigger.token]
        resolved = (source is not None and source.actor is not None) + (
            target is not None and target.actor is not None)
        return Event(
            id=stable_id(doc.document.id, trigger.token, cameo.code,
                         source.start if source else "-", target.start if target else "-"),
            source=Participant.from_mention(source) if source else None,
            target=Participant.from_mention(target) if target else None,
            code=cameo.code, root=cameo.root, quad_class=cameo.quad_class,
            goldstein=cameo.goldstein, plover=cameo.plover,
            polarity=polarity, modality=modality, sentence=tok.sent,
            evidence=doc.sentences[tok.sent].text,
            confidence=trigger.confidence * (1.0 if resolved == 2 else 0.8),
            span=(tok.idx, tok.idx + len(tok.text)), trigger=tok.text,
            trigger_token=trigger.token,
        )


def _same_actors(a: tuple[Mention | None, ...], b: tuple[Mention | None, ...]) -> bool:
    """Both sides name the same actors, a leader and his state counting as one:
    "Macron announced that France will recognise ..." is France's act."""
    def keys(side: tuple[Mention | None, ...]) -> set[str]:
        return {m.actor.country or m.actor.code for m in side if m and m.actor}

    return bool(keys(a)) and keys(a) == keys(b)


def _drop_underspecified(events: list[Event]) -> list[Event]:
    """An event missing a party that another event of the same code and sentence names,
    with the other party the same, says nothing more: "reopened its border to Qatar,
    ending the blockade" is one 0872 against Qatar (but "arrived in Taipei and met X"
    are two events)."""
    def party(p: Participant | None) -> str | None:
        return p.actor if p is not None else None

    full = {(e.sentence, e.code, party(e.source), party(e.target)) for e in events
            if party(e.source) and party(e.target)}
    out = []
    for e in events:
        src, tgt = party(e.source), party(e.target)
        if (tgt is None and src is not None and any(
                k[:3] == (e.sentence, e.code, src) for k in full)) or (
                src is None and tgt is not None and any(
                k[:2] == (e.sentence, e.code) and k[3] == tgt for k in full)):
            continue
        out.append(e)
    return out


def _dedupe(events: Iterable[Event]) -> list[Event]:
    """One event per trigger, code and pair of actor codes: "fired missiles at a base in
    Syria's Homs province" names Syria twice but strikes it once."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for e in events:
        key = (e.trigger_token, e.code, e.polarity, e.modality,
               _party_key(e.source), _party_key(e.target))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out


def _party_key(p: Participant | None) -> str | None:
    if p is None:
        return None
    return p.actor or f"text:{p.text}"


class _Clause:
    """Parse-reading helpers over one document and its mentions."""

    def __init__(self, doc: ParsedDoc, mentions: list[Mention], grammar: Grammar) -> None:
        self.doc = doc
        self.grammar = grammar
        #: the code matched at each trigger token, for rules that depend on the event kind
        self.codes_at: dict[int, str] = {}
        self.mention_at: dict[int, Mention] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.mention_at[i] = m

    # -- parse navigation --------------------------------------------------------
    def kids(self, i: int, *deps: str) -> list[int]:
        kids = self.doc.children(i)
        return [k for k in kids if self.doc.tokens[k].dep in deps] if deps else kids

    def lemma(self, i: int) -> str:
        return self.doc.tokens[i].lemma.lower()

    def prep_lemmas(self, i: int) -> set[str]:
        return {self.lemma(p) for p in self.kids(i, "prep", "agent", "dative")}

    def object_of(self, v: int) -> int | None:
        objs = self.kids(v, "dobj")
        if objs:
            return objs[0]
        passive = self.kids(v, "nsubjpass")
        return passive[0] if passive else None

    def satisfies(self, v: int, pattern: VerbPattern) -> bool:
        if pattern.intransitive and self.kids(v, "dobj"):
            return False
        if pattern.pobj and not self.idiom_nouns(v, pattern):
            return False
        if pattern.particle and not any(
                self.lemma(k) in pattern.particle for k in self.kids(v, "prt")):
            return False
        if pattern.object and not self.object_words(v) & pattern.object:
            return False
        if pattern.prep and not self._has_prep(v, pattern.prep):
            obj = self.object_of(v)
            if obj is None or not self._has_prep(obj, pattern.prep):
                return False
        return not (pattern.xcomp and not any(
            self.lemma(k) in pattern.xcomp for k in self.kids(v, "xcomp", "ccomp", "pcomp")))

    def idiom_nouns(self, v: int, pattern: VerbPattern) -> list[int]:
        """Nouns under the pattern's preposition that fill its ``pobj`` slot (the noun or
        one of its compounds): "went on (hunger) strike", "took to the streets"."""
        found = []
        for p in self.kids(v, "prep", "prt"):
            if pattern.prep and self.lemma(p) not in pattern.prep:
                continue
            for o in self.kids(p, "pobj"):
                words = {self.lemma(o)} | {self.lemma(k) for k in self.kids(o, "compound")}
                if words & pattern.pobj:
                    found.append(o)
        return found

    def modifier_words(self, n: int) -> set[str]:
        """Lemmas and words of a noun's modifiers: "hunger strike", "24-hour strike"."""
        words: set[str] = set()
        for k in self.kids(n, "compound", "amod", "nmod", "nummod"):
            words.add(self.lemma(k))
            words.add(self.doc.tokens[k].lower)
        return words

    def counted_by(self, obj: int) -> list[int]:
        """What an amount counts: "hundreds of drones", "$350 million in military aid"
        (empty when ``obj`` is no amount)."""
        if not (self.lemma(obj) in self.grammar.quantity_nouns
                or self.doc.tokens[obj].pos == "NUM"):
            return []
        return [o for p in self.kids(obj, "prep") if self.lemma(p) in ("of", "in")
                for o in self.kids(p, "pobj")]

    def counted_nouns(self, v: int) -> list[int]:
        """What the object of ``v`` counts, if it is an amount."""
        obj = self.object_of(v)
        return [] if obj is None else self.counted_by(obj)

    def counted_words(self, v: int) -> set[str]:
        """Lemmas of the counted nouns of ``v`` and of their modifiers."""
        return {w for o in self.counted_nouns(v)
                for w in (self.lemma(o), *(self.lemma(k) for k in self.kids(o, "compound",
                                                                             "amod")))}

    def object_words(self, v: int) -> set[str]:
        """Lemmas that can fill a pattern's object slot: the object and its compounds,
        the thing counted in "hundreds of drones", and "supplied X with drones"."""
        heads: list[int] = []
        obj = self.object_of(v)
        if obj is not None:
            heads.append(obj)
            heads += self.counted_by(obj)
        heads += [o for p in self.kids(v, "prep") if self.lemma(p) == "with"
                  for o in self.kids(p, "pobj")]
        # "contributed troops to a peacekeeping force": what the object joins
        heads += [o for p in self.kids(v, "prep") if self.lemma(p) in ("to", "for")
                  for o in self.kids(p, "pobj") if o not in self.mention_at]
        heads += [k for h in heads for k in self.kids(h, "conj")]
        words: set[str] = set()
        for h in heads:
            words.add(self.lemma(h))
            words.add(self.doc.tokens[h].lower)
            words.update(self.lemma(k) for k in self.kids(h, "compound", "amod"))
        return words

    def _has_prep(self, i: int, preps: tuple[str, ...]) -> bool:
        if any(self.lemma(p) in preps for p in self.kids(i, "prep", "dative", "agent")):
            return True
        # "called on X": spaCy may parse "on" as a particle
        return any(self.lemma(p) in preps for p in self.kids(i, "prt"))

    # -- actors ------------------------------------------------------------------
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
            found.extend(_unique(described) or [m])
        elif m is not None:
            found.append(m)
            # "Armenian and Azerbaijani forces": a conjoined adjective outside the mention
            found.extend(self.mention_at[k] for k in self._left_modifiers(i)
                         if k < m.start and k in self.mention_at
                         and self.doc.tokens[k].dep == "amod" and self.kids(k, "conj"))
        elif self.doc.tokens[i].lower in _FIRST_PERSON and self.quoted(i):
            # '"We will not back down," the minister said': the speaker's side
            found.extend(self.speakers(i))
        elif self.lemma(i) in self.grammar.pair_nouns and any(
                self.doc.tokens[k].lower in ("both", "two") for k in self.kids(i)):
            # "the two men signed", "both sides pledged": the last two parties named
            found.extend(self.last_pair(i))
        elif depth < 2:
            # "Iranian officials", "Russian and Ukrainian delegations", "Iran's programme"
            found.extend(self.mention_at[k] for k in self._left_modifiers(i)
                         if k in self.mention_at)
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
        return _unique(found)

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
        return _unique(out)

    def subjects(self, v: int, seen: int = 0) -> tuple[list[Mention], bool]:
        """(subject mentions, found a subject token at all) for verb ``v``."""
        tok = self.doc.tokens[v]
        subj = self.kids(v, *_SUBJECT_DEPS)
        if not subj and tok.dep == "xcomp" and tok.head != v:
            # "The Turkish president is expected to travel": the raised subject
            raised = self.kids(tok.head, "nsubjpass")
            if raised:
                return self.actors_at(raised[0]), True
        if subj and self.doc.tokens[subj[0]].lower in _RELATIVE_PRONOUNS and tok.dep == "relcl":
            # "Pelosi, who arrived in Taipei": the relative pronoun stands for Pelosi (but
            # not for a place: "its consulate in Damascus, which killed ...")
            antecedent = self.doc.tokens[tok.head]
            named = self.mention_at.get(tok.head)
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
        if tok.dep in ("pcomp", "pobj") or (tok.dep == "advcl" and not subj):
            prep = head
            if self.doc.tokens[prep].pos == "ADP":
                governor = self.doc.tokens[prep].head
                if self.lemma(prep) == "of":
                    # "accused Russia of restricting": the accused did it
                    objs = self.kids(governor, "dobj")
                    if objs:
                        return self.actors_at(objs[0]), True
                return self.subjects(governor, seen + 1)
            return self.subjects(head, seen + 1)
        return [], False

    def verb_participants(self, v: int, preps: tuple[str, ...]
                          ) -> tuple[list[Mention], list[Mention]]:
        passive = self.kids(v, "nsubjpass")
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
            # "Iran would retaliate if attacked by Israel": the clause's subject suffers it
            patients, _ = self.subjects(tok.head) if tok.head != v else ([], False)
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
            own = {m.actor.country for m in sources if m.actor and m.actor.country}
            for comp in self.kids(v, "ccomp"):
                for subj in self.kids(comp, *_SUBJECT_DEPS):
                    # "Israel warned that it would respond": no warning to itself
                    targets.extend(m for m in self.actors_at(subj)
                                   if not (m.actor and m.actor.country in own))
        if not targets and any(self.doc.tokens[o].lower == "other" and any(
                self.doc.tokens[d].lower in ("each", "one") for d in self.kids(o))
                for o in self.kids(v, "dobj")):
            # "Israel and Hamas accused each other": every subject targets the others
            return sources, list(sources)
        targets = [t for t in targets if t not in sources]
        return sources, targets

    def words_under(self, i: int, depth: int = 2) -> set[str]:
        """Lemmas of token ``i`` and of its dependents down to ``depth`` levels."""
        words = {self.lemma(i)}
        if depth > 0:
            for k in self.kids(i):
                words |= self.words_under(k, depth - 1)
        return words

    def last_pair(self, i: int) -> list[Mention]:
        """The last two countries named together before token ``i`` in its paragraph
        ("Egypt and Sudan", "between India and Pakistan"): what "both sides" or "the two
        leaders" stand for. Nothing when no pair was named together."""
        doc = self.doc
        paragraph = doc.sentences[doc.tokens[i].sent].paragraph
        for k in range(i - 1, -1, -1):
            if doc.sentences[doc.tokens[k].sent].paragraph != paragraph:
                break
            first = self.mention_at.get(k)
            if first is None or first.actor is None or k != first.head:
                continue
            for j in self.kids(k, "conj"):
                second = self.mention_at.get(j)
                if (second is not None and second.actor is not None
                        and second.actor.country != first.actor.country):
                    return [first, second]
        return []

    def weapon_code(self, v: int) -> str | None:
        """The code a weapon named as the subject or instrument of ``v`` implies."""
        tools = self.kids(v, "nsubj") + [o for p in self.kids(v, "prep")
                                         if self.lemma(p) == "with"
                                         for o in self.kids(p, "pobj")]
        for k in tools:
            code = self.grammar.weapon_codes.get(self.lemma(k))
            if code:
                return code
        return None

    def purpose_targets(self, t: int) -> list[Mention]:
        """Actors a purpose clause's act is aimed at: the object of the verb it serves
        ("called Erdogan to offer condolences"); a light verb's noun looks from its verb."""
        tok = self.doc.tokens[t]
        if tok.pos in ("NOUN", "PROPN") and tok.dep == "dobj":
            tok = self.doc.tokens[tok.head]
        if tok.dep not in ("advcl", "xcomp") or not any(
                self.lemma(a) == "to" for a in self.kids(tok.i, "aux")):
            return []
        governor = tok.head
        if self.lemma(governor) in self.grammar.demand_governors:
            return []
        return [m for o in self.kids(governor, "dobj") for m in self.actors_at(o)]

    def reported_by_another(self, t: int, sources: tuple[Mention | None, ...]) -> bool:
        """"the Kremlin insisted that no Turkish peacekeepers would be sent": what one
        says another will not do is no refusal by the other."""
        for gov, link in self._governors(t):
            if link == "ccomp" and self.lemma(gov) in self.grammar.report_governors:
                speakers, _ = self.subjects(gov)
                known = tuple(m for m in speakers if m.actor is not None)
                return bool(known) and not _same_actors(known, sources)
        return False

    def quoted(self, i: int) -> bool:
        """Is token ``i`` inside quotation marks within its sentence?"""
        sentence = self.doc.sentences[self.doc.tokens[i].sent]
        marks = sum(1 for k in range(sentence.start, i) if self.doc.tokens[k].text in _QUOTES)
        return marks % 2 == 1

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

    def merely_asked_for(self, n: int) -> bool:
        """An event noun that only a proposal asks for has not happened: "a draft
        demanding a ceasefire", "calls from the UN for a ceasefire"."""
        tok = self.doc.tokens[n]
        head = self.doc.tokens[tok.head]
        if tok.dep == "dobj" and head.dep in ("acl", "relcl"):
            return head.lemma.lower() in self.grammar.demand_governors | {"threaten"}
        if tok.dep == "pobj" and head.lower == "for":
            asking = self.doc.tokens[head.head]
            return asking.pos == "NOUN" and asking.lemma.lower() in self.grammar.demand_governors
        return False

    def victims(self, v: int) -> int:
        """How many the object of ``v`` counts: "killed some 800,000 people" → 800000,
        "killed thousands" → 1000, "killed two soldiers" → 2 (0 when no number)."""
        obj = self.object_of(v)
        if obj is None:
            return 0
        numbers = [obj, *self.kids(obj, "nummod", "quantmod")]
        numbers += [o for p in self.kids(obj, "prep") if self.lemma(p) == "of"
                    for o in self.kids(p, "pobj")]
        best = 0
        for k in numbers:
            best = max(best, _count(self.doc.tokens[k].lower))
        return best

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
        return _unique(m for h in heads for m in self.prep_objects(h, LOCATIVE_PREPS)
                       if m.actor is not None and m.actor.kind in ("state", "government"))

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
        preps = tuple(p for p in pattern.prep or FALLBACK_TARGET_PREPS if p != "from")
        targets.extend(self.prep_objects(n, preps))
        if not targets and self.doc.tokens[n].dep == "compound" and head != n:
            # "a condolence telegram to X": the preposition hangs on the compound's head
            targets.extend(self.prep_objects(head, preps))
        between = self.prep_objects(n, ("between", "among", "amongst"))
        if between and not sources:
            sources = between
        elif between:
            targets.extend(between)
        sources = _unique(sources)
        return sources, [t for t in _unique(targets) if t not in sources]

    def _left_modifiers(self, n: int) -> list[int]:
        out: list[int] = []
        stack = [k for k in self.kids(n, *_LEFT_MODIFIER_DEPS) if k < n]
        while stack:
            k = stack.pop()
            out.append(k)
            if self.doc.tokens[k].pos == "VERB" and self.lemma(k) in self.grammar.backing_verbs:
                # "a Russian-brokered deal", "the Iran-backed militia": the backer is not
                # who makes the deal or is the militia
                continue
            stack.extend(j for j in self.kids(k, *_LEFT_MODIFIER_DEPS, "conj") if j < n)
        return sorted(out)

    def accused_of(self, n: int) -> list[Mention]:
        tok = self.doc.tokens[n]
        if tok.dep != "pobj" or self.lemma(tok.head) != "of":
            return []
        governor = self.doc.tokens[tok.head].head
        if self.lemma(governor) not in self.grammar.report_governors:
            return []
        objs = self.kids(governor, "dobj")
        return self.actors_at(objs[0]) if objs else []

    def clause_subjects(self, n: int) -> list[Mention]:
        """Subject of the verb that an event noun sits under (through prepositions)."""
        i, hops = n, 0
        while hops < 5:
            tok = self.doc.tokens[i]
            if tok.head == i:
                break
            i = tok.head
            hops += 1
            if self.doc.tokens[i].pos in ("VERB", "AUX"):
                if self.doc.tokens[i].lemma.lower() in self.grammar.report_governors:
                    return []
                subj, _ = self.subjects(i)
                return subj
            if self.doc.tokens[i].pos not in ("NOUN", "PROPN", "ADP"):
                break
        return []

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
        return (tok.dep == "advcl" and not self.kids(v, *_SUBJECT_DEPS, "nsubjpass")
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
                if link == "conj" and self.kids(t, *_SUBJECT_DEPS):
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


_YEAR = re.compile(r"(?:19|20)\d\d")
_QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})
_FIRST_PERSON = frozenset({"we", "i", "us", "me"})
_RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
_SCALE_WORDS = {"hundreds": 100, "thousands": 1000, "thousand": 1000, "millions": 1000000,
                "million": 1000000, "hundred": 100, "dozens": 12, "tens": 10}


def _count(word: str) -> int:
    """'800,000' → 800000, 'thousands' → 1000; 0 for a word that counts nothing."""
    digits = word.replace(",", "")
    if digits.isdigit():
        return int(digits)
    return _SCALE_WORDS.get(word, 0)


def _unique(items: Iterable[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in items:
        if m not in out:
            out.append(m)
    return out


def _or_none(items: Iterable[Mention]) -> tuple[Mention | None, ...]:
    found = tuple(items)
    return found if found else (None,)
