"""Events from triggers: one event per source and target, with code, polarity and modality."""

from __future__ import annotations

import dataclasses

from realpolitik.events.codebook import CameoCode
from realpolitik.events.coder.common import Trigger, sides
from realpolitik.events.coder.folding import Folding
from realpolitik.events.coder.participants import Clause
from realpolitik.model import (
    Actor,
    Event,
    Mention,
    Modality,
    Participant,
    Polarity,
    stable_id,
)


def _same_state(a: Mention | None, b: Mention | None) -> bool:
    return (a is not None and b is not None and a.actor is not None and b.actor is not None
            and a.actor.country is not None and a.actor.country == b.actor.country)


def _business(actor: Actor | None) -> bool:
    return actor is not None and actor.role == "BUS"


def _political(actor: Actor | None) -> bool:
    return actor is not None and not _business(actor)


class EventAssembly(Folding):
    """Turns a trigger into events, one per pair of participants."""

    # -- events ------------------------------------------------------------------
    def _events(self, c: Clause, trigger: Trigger) -> list[Event]:
        noun = c.doc.tokens[trigger.token].pos in ("NOUN", "PROPN")
        cameo = self.codebook[trigger.code]
        c.codes_at[trigger.token] = trigger.code
        polarity = c.polarity(trigger.token)
        modality = trigger.modality or c.modality(trigger.token)
        if modality == "reported" and c.told_by_a_party(trigger.token, trigger.sources + (
                trigger.targets if self.grammar.is_reciprocal(trigger.code) else ())):
            # "X met Y, a spokesman for X said": X tells its own act
            modality = "actual"
        if polarity == "negated" and self._withheld(c, trigger):
            # "gave no details", "declined to give details", "had no comment": the refusal
            # is the event, and it happened
            cameo = self.codebook["011"]
            polarity, modality = "asserted", "actual"
        if self._visitor_after(c, trigger):
            # "Deng told visiting U.S. Secretary of State Shultz": Shultz is the visitor,
            # the one he told his host
            trigger = dataclasses.replace(trigger, sources=trigger.targets,
                                          targets=trigger.sources)
        if (cameo.root == "04" and noun and not any(trigger.sources)
                and any(trigger.targets)):
            # "Lawson said progress had been made in talks with Japan": the speaker's side
            # holds the talks
            speakers = [m for m in c.reporting_speakers(trigger.token)
                        if not sides((m,)) & sides(trigger.targets)]
            if speakers:
                trigger = dataclasses.replace(trigger, sources=tuple(speakers))
        announced = c.governed_by(trigger.token, self.families.intent_governors)
        scheduled = modality == "future" and trigger.token in c.scheduled
        if (cameo.root in self.families.intent_roots
                and ((modality == "future" and not scheduled) or announced)
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
        if (self.require_actor and cameo.code in self.grammar.addressed_codes
                and not any(trigger.targets)):
            # a statement is news between actors only when it is about another one: "voiced
            # doubt about Hanoi's offer"; "the ministry said the talks went well" is none
            if not any(m is not None and m.actor for m in trigger.sources):
                return []
            about = c.about(trigger.token, trigger.sources, content=cameo.code != "010")
            if about:
                trigger = dataclasses.replace(trigger, targets=tuple(about))
            elif c.attribution(trigger.token) or c.self_report(trigger.token, trigger.sources):
                # an attribution, or the speaker's account of its own state's doings
                # ("Tokyo said Japan had no plans to ..."): news only as that act
                return []
        lemma = c.lemma(trigger.token)
        if (self.require_actor and noun and not any(trigger.targets)
                and (lemma in self.grammar.flow_nouns or lemma in self.grammar.addressed_nouns)):
            # "Japanese exports rose": a flow, no act between actors; "were also submitting
            # proposals", "the Australian proposals": a proposal to no one names no appeal
            return []
        own = not any(trigger.targets) and (
            lemma in self.grammar.self_directed_verbs
            or trigger.code == "0831"
            or (trigger.code in self.grammar.symmetric_codes and len(trigger.sources) == 1
                and trigger.sources[0] is not None and (
                    self._members(c, trigger.sources[0])
                    or (trigger.code == "040" and modality == "actual"
                        and self._group_owner(c, trigger.sources[0], trigger.token)))))
        if own:
            # "the prime minister resigned", "might have to step down" (0831, yielding office):
            # a domestic act, done to the actor's own state; "EC farm ministers held talks",
            # "Belgian coalition parties reached an agreement": among themselves
            trigger = dataclasses.replace(trigger, targets=trigger.sources)
        out: list[Event] = []
        for source in trigger.sources:
            for target in trigger.targets:
                src_actor = source.actor if source else None
                tgt_actor = target.actor if target else None
                if self.require_actor and src_actor is None and tgt_actor is None \
                        and cameo.root == "14" and not any(
                            c.lemma(k) in self.armed_doers
                            for k in c.kids(trigger.token, "nsubj")):
                    # "led to widespread riots", "an opposition boycott": unrest with no
                    # actor named is the country's own; the engine gives it the country
                    # the story is about, or drops it (but "tanks blocked the bridges" is
                    # no protest)
                    out.append(self._event(c, trigger, cameo, None, None, polarity, modality))
                    continue
                if self.require_actor and (
                        (src_actor is None and tgt_actor is None)
                        or (_business(src_actor) and not _political(tgt_actor))):
                    # "Bank of Tokyo officials made no comment": a company that acts toward
                    # no political actor makes no political event (but "Pemex cut exports
                    # to Japan" is one toward Japan, and an attack on Aramco one against it)
                    continue
                if (source is not None and target is not None and source.start == target.start
                        and cameo.root != "14" and not own):
                    continue
                if (cameo.root == "10" and lemma in self.grammar.directive_verbs
                        and (target is None or target.actor is None
                             or _same_state(source, target))):
                    continue
                code = self._person_code(c, trigger, cameo, target)
                out.append(self._event(c, trigger, code, source, target, polarity, modality))
                if threat is not None:
                    out.append(self._event(c, trigger, threat, source, target, "asserted",
                                           "actual"))
                if (source is not None and target is not None
                        and (cameo.code in self.grammar.symmetric_codes
                             or self.grammar.mutual_verb(lemma, cameo.quad_class))
                        and lemma not in self.grammar.one_sided_verbs):
                    # "Li met Albanese": Albanese met Li as well
                    out.append(self._event(c, trigger, cameo, target, source, polarity,
                                           modality))
        return out

    def _visitor_after(self, c: Clause, trigger: Trigger) -> bool:
        """Is the trigger a subjectless "visiting" before the official it describes?"""
        tok = c.doc.tokens[trigger.token]
        return (tok.tag == "VBG" and c.lemma(trigger.token) == "visit"
                and not c.kids(trigger.token, "nsubj", "nsubjpass", "aux")
                and any(trigger.targets)
                and all(m is not None and m.actor is not None and m.start == trigger.token + 1
                        and (m.actor.kind == "person" or m.actor.role is not None)
                        for m in trigger.targets))

    def _withheld(self, c: Clause, trigger: Trigger) -> bool:
        """Is the trigger the giving of details or comment ("gave no details")?"""
        return (trigger.code in self.grammar.withholding_codes
                and any(c.lemma(k) in self.grammar.information_nouns
                        for k in c.kids(trigger.token, "dobj")))

    def _members(self, c: Clause, mention: Mention) -> bool:
        """Does the mention name members of one body or state, in the plural ("EC farm
        ministers", "Belgian coalition parties", "GATT members")?"""
        tok = c.doc.tokens[mention.head]
        noun = tok.head if tok.dep in ("compound", "amod", "nmod", "poss") else tok.i
        return (c.doc.tokens[noun].tag in ("NNS", "NNPS")
                and c.lemma(noun) in self.grammar.member_nouns)

    def _group_owner(self, c: Clause, mention: Mention, noun: int) -> bool:
        """Is the mention an organisation whose own meeting the trigger is ("last month's
        G-6 meeting", "the OPEC conference", "the Group of Five met"): held among its
        members, the group on both sides? (Not its talks: "a new round of IMF talks" are
        with a borrower; and only a meeting held: "next week's IMF meetings", named in
        the leads of stories on other news, would merge them as one.)"""
        actor = mention.actor
        if actor is None or actor.kind not in ("organisation", "group") or actor.country:
            return False
        head = c.doc.tokens[mention.head]
        # "the G-6 meeting", "OPEC's conference"; "the Group of Five met"
        return head.head == noun and head.dep in ("poss", "compound", "nmod", "nsubj")

    def _person_code(self, c: Clause, trigger: Trigger, cameo: CameoCode,
                     target: Mention | None) -> CameoCode:
        """Seizing a named person is an abduction, killing one an assassination, killing
        thousands a mass killing."""
        g = self.grammar
        if (cameo.root in ("18", "19") and c.lemma(trigger.token) in g.killing_verbs
                and c.victims(trigger.token) >= g.mass_killing_victims
                and not c.casualties_of_battle(trigger.token, g.combatant_nouns,
                                               g.battle_words)):
            # thousands of soldiers killed in an offensive are combat (190), not a massacre
            return self.codebook["202"]
        if target is None or target.actor is None or target.actor.kind != "person":
            return cameo
        code = g.person_target_codes.get(cameo.code)
        if code is None and cameo.root in ("18", "19") and (
                c.lemma(trigger.token) in g.killing_verbs):
            code = "186"
        return self.codebook[code] if code else cameo

    def _event(self, c: Clause, trigger: Trigger, cameo: CameoCode, source: Mention | None,
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

