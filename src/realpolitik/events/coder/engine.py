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
from collections.abc import Sequence

from realpolitik.events.coder.assembly import EventAssembly
from realpolitik.events.coder.common import (
    SETTING_PREPS,
    SUBJECT_DEPS,
    Trigger,
)
from realpolitik.events.coder.folding import dedupe, drop_underspecified, fill_repeated
from realpolitik.events.coder.participants import Clause
from realpolitik.events.coder.story import (
    complete_reciprocal,
    fill_from_story,
    group_acts,
    individual_sources,
    own_unrest,
)
from realpolitik.events.salience import mark_root_events
from realpolitik.model import Event, Mention, ParsedDoc, Participant, party

#: the prepositions that name whom a meeting is with ("spoke to both ministers")
PARTNER_PREPS = ("with", "between", "among", "amongst", "to")


class EventCoder(EventAssembly):
    """Codes events in parsed documents; load once, call :meth:`code` per document."""

    # -- public ------------------------------------------------------------------
    def code(self, doc: ParsedDoc, mentions: list[Mention]) -> list[Event]:
        return self.code_many([(doc, mentions)])[0]

    def code_many(self, items: Sequence[tuple[ParsedDoc, list[Mention]]]
                  ) -> list[list[Event]]:
        """:meth:`code` for several documents: the learned models, if any are on, run once
        over the coded sentences of them all (see ``realpolitik.learned.stage``)."""
        return [events for events, _ in self.code_with_agreements(items)]

    def code_with_agreements(self, items: Sequence[tuple[ParsedDoc, list[Mention]]]
                             ) -> list[tuple[list[Event], list[Event]]]:
        """:meth:`code_many`, and with each document's events the agreements it names
        without telling their signing ("violating its pact with Japan"): no events, but
        coded as signings would be, their sides are the agreement's parties for the
        relations stage."""
        ruled = [self._rules(doc, mentions) for doc, mentions in items]
        coded = [events for events, _ in ruled]
        if self.models is not None:
            coded = self.models.apply_many(
                [(doc, mentions, events) for (doc, mentions), events
                 in zip(items, coded, strict=True)])
        if self.confidence is not None:
            coded = [self.confidence.calibrate(doc, events)
                     for (doc, _), events in zip(items, coded, strict=True)]
        return [(events, agreements) for events, (_, agreements)
                in zip(coded, ruled, strict=True)]

    def _rules(self, doc: ParsedDoc, mentions: list[Mention]
               ) -> tuple[list[Event], list[Event]]:
        clause = Clause(doc, mentions, self.grammar)
        events: list[Event] = []
        named_only: set[int] = set()
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
                        if self._unmade_document(clause, i):
                            # "abiding by the Paris accord": the thing, not its making;
                            # coded along (its sides fill others as a signing's would)
                            # and set apart at the end
                            named_only.add(trigger.token)
                        events.extend(self._events(clause, trigger))
        events = fill_repeated(doc, events, self.grammar.symmetric_codes)
        events = drop_underspecified(dedupe(events))
        private = {(ev.id, side) for ev in events for side in ("source", "target")
                   if getattr(ev, side) is None
                   and clause.private_side(ev.trigger_token, side)}
        events = self._own_measures(clause, events)
        groups = (self.grammar.group_act_codes, self.grammar.collective_bodies)
        # a bloc's collective act is its own before the story can pair it with a partner
        # ("EC ministers held a joint session"); one member's or official's ("De Clercq
        # signed an agreement") may still be with the story's partner
        events = group_acts(events, *groups, private, individual_sources(
            doc, events, mentions, self.grammar.official_nouns))
        events = fill_from_story(events, private, self.grammar.story_unfilled)
        events = complete_reciprocal(doc, group_acts(events, *groups, private),
                                     self.grammar.symmetric_codes, self.grammar.one_sided_verbs,
                                     private)
        if self.require_actor:
            # (a coder that keeps actorless events keeps unrest as it found it)
            events = own_unrest(events, mentions)
            # a plain statement still about and told to no other actor, after the story's
            # dyad was tried, is no event: "the minister said growth would slow"; nor is
            # one whose speaker is no political actor ("the association's president told
            # Reuters the ministry must act")
            events = [e for e in events if not (
                e.code == "010" and (party(e.target) is None or party(e.source) is None
                                     or party(e.source) == party(e.target)))]
            # a material act with no doer in the text is a flow, not an act (flow_roots)
            events = [e for e in events
                      if party(e.source) is not None or e.root not in self.grammar.flow_roots
                      or self._has_doer(clause, e.trigger_token)]
            # a meeting or talks with no second party anywhere in the text is an internal
            # procedure: "the cabinet discussed the budget", "chaired a ministerial meeting"
            events = [e for e in events
                      if e.code not in self.grammar.symmetric_codes or e.root != "04"
                      or party(e.target) is not None or party(e.source) is None
                      or self._has_partner(clause, e.trigger_token, e.code)]
        events = dedupe(events)
        agreements = [e for e in events if e.trigger_token in named_only]
        events = [e for e in events if e.trigger_token not in named_only]
        return mark_root_events(doc, events), agreements

    def _own_measures(self, c: Clause, events: list[Event]) -> list[Event]:
        """A state's reaction to a domestic measure that names no other owner is aimed at
        its own state ("Reagan vetoed the trade bill", "the opposition criticised the sales
        tax bill": USA→USA, JPN→JPN, the gold's convention), before the story's partner
        is tried; so is its weighing of an option of its own ("Taiwan is considering
        proposals to ease currency rules")."""
        out: list[Event] = []
        for e in events:
            source = e.source
            considered = e.code in self.grammar.considering_codes
            if (source is not None and source.country is not None
                    and party(e.target) is None
                    and (e.root in self.grammar.reaction_roots - {"01"} or considered)):
                measure = c.own_measure(e.trigger_token, considered)
                if measure is not None:
                    start = min([measure, *c.kids(measure, "compound", "amod", "det")])
                    words = c.doc.text_of(start, measure + 1)
                    e = dataclasses.replace(e, target=Participant(
                        text=words, actor=source.country, country=source.country, role=None))
            out.append(e)
        return out

    def _has_doer(self, c: Clause, t: int) -> bool:
        """Whether the text says who does the act of trigger ``t`` at all, actor or not."""
        tok = c.doc.tokens[t]
        if tok.pos in ("VERB", "AUX"):
            return c.subjects(t)[1] or bool(c.kids(t, "agent"))
        if tok.dep == "dobj" and c.doc.tokens[tok.head].pos in ("VERB", "AUX") \
                and c.subjects(tok.head)[1]:
            # "Ukraine completed the transfer": the doer of the verb does the act
            return True
        return bool(c.kids(t, "poss", "agent")) or any(
            c.lemma(p) == "by" and c.kids(p, "pobj") for p in c.kids(t, "prep")) or any(
            c.doc.tokens[k].pos == "PROPN" for k in c.kids(t, "compound", "amod", "nmod"))

    def _has_partner(self, c: Clause, t: int, code: str) -> bool:
        """Whether the text names whom the meeting or talks of trigger ``t`` are with,
        actor or not: "talks with the banks", "met the committee", "talks between X and Y",
        "Peru and Mexico met" (but what is discussed, 046's object, is the topic)."""
        tok = c.doc.tokens[t]
        objects = c.kids(t, "dobj")
        heads = [t, *objects] + ([tok.head] if tok.dep in ("dobj", "pobj", "nsubj",
                                                            "nsubjpass") else [])
        if any(c.lemma(p) in PARTNER_PREPS and c.kids(p, "pobj")
               for h in heads for p in c.kids(h, "prep")):
            return True
        if tok.pos in ("VERB", "AUX") and objects and code != "046" and not any(
                c.lemma(o) in self.patterns.nouns for o in objects):
            # "met the committee" (but "held a meeting": the object is the act)
            return True
        return any(c.kids(s, "conj") for h in heads for s in c.kids(h, *SUBJECT_DEPS))
