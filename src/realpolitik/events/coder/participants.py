"""Participants: who acts and who is acted upon, from subjects, objects, possessors and more."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from realpolitik.events.coder.common import (
    FALLBACK_TARGET_PREPS,
    FIRST_PERSON,
    LEFT_MODIFIER_DEPS,
    LOCATIVE_PREPS,
    OBJECT_TARGET_PREPS,
    QUOTES,
    RELATIVE_PRONOUNS,
    SUBJECT_DEPS,
    same_actors,
    sides,
    unique,
)
from realpolitik.events.coder.modality import ClauseModality
from realpolitik.events.patterns import (
    NounPattern,
)
from realpolitik.model import Mention

#: "the six" or "the seven nations": how many parties a number word stands for
GROUP_NUMBERS = {"three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                 "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}

#: how many sentences back "the tax" looks for the tax someone was named with
_MEASURE_WINDOW = 4


class Clause(ClauseModality):
    """The full reading of a clause: parse helpers, modality and participants."""

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
            found.extend(unique(described) or [m])
        elif m is not None:
            found.append(m)
            # "Armenian and Azerbaijani forces": a conjoined adjective outside the mention
            found.extend(self.mention_at[k] for k in self._left_modifiers(i)
                         if k < m.start and k in self.mention_at
                         and self.doc.tokens[k].dep == "amod" and self.kids(k, "conj"))
            # "the ministers of Iran and Iraq": states conjoined to the owner inside it
            for k in range(m.start, m.end):
                if k != i and self.doc.tokens[k].dep == "pobj":
                    for conj in self.kids(k, "conj"):
                        if conj >= m.end:
                            found.extend(self.actors_at(conj, depth))
        elif self.doc.tokens[i].lower in FIRST_PERSON and self.quoted(i):
            # '"We will not back down," the minister said': the speaker's side
            found.extend(self.speakers(i))
        elif self.lemma(i) in self.grammar.pair_nouns and any(
                self.doc.tokens[k].lower in ("both", "two") for k in self.kids(i)):
            # "the two men signed", "both sides pledged": the last two parties named
            found.extend(self.last_pair(i))
        elif size := self._group_size(i):
            # "the six nations -- Britain, Canada, ...", then "The six agreed": the last
            # six parties named together
            found.extend(self.last_group(i, size))
        elif depth < 2:
            # "Iranian officials", "Russian and Ukrainian delegations", "Iran's programme";
            # a possessive pronoun stands for its phrase only as a subject: "its forces
            # attacked" (but "Japan cut its tariffs" is not aimed at Japan)
            owned_only = self.doc.tokens[i].dep not in SUBJECT_DEPS
            found.extend(self.mention_at[k] for k in self._left_modifiers(i)
                         if k in self.mention_at
                         and not (owned_only and self.doc.tokens[k].tag == "PRP$"))
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
        return unique(found)

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
        return unique(out)

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

    def private_side(self, t: int, side: str) -> bool:
        """Whether the text gives the ``side`` ("source" or "target") of the event at
        trigger ``t`` to an actor that is no state: "halted payments owed to foreign
        banks", "talks with its creditor banks" (the story's partner state is not who the
        banks are)."""
        if side == "source":
            words = self.kids(t, "nsubj", "nsubjpass")
        elif self._halts_debt_service(t):
            return True
        else:
            words = self.kids(t, "dobj") + [o for p in self.kids(t, "prep")
                                            if self.lemma(p) in ("to", "with", "from", "on")
                                            for o in self.kids(p, "pobj")]
            # "halted payment of interest owed to banks": a "to" or "with" inside the object
            below = list(words)
            while below:
                w = below.pop()
                for k in self.kids(w):
                    below.append(k)
                    if self.lemma(w) in ("to", "with") and self.doc.tokens[k].dep == "pobj":
                        words.append(k)
        return any(self.lemma(w) in self.grammar.private_nouns and w not in self.mention_at
                   for w in words)

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

    def own_measure(self, t: int) -> int | None:
        """The domestic measure that the reaction at trigger ``t`` is about, when nothing
        in the text gives it an owner: "would veto any protectionist legislation",
        "criticised the sales tax bill" (a bill or a budget with no other state's name is
        the reacting actor's own country's, the gold's domestic convention)."""
        tok = self.doc.tokens[t]
        if tok.pos in ("VERB", "AUX"):
            measures = [o for o in (self.object_of(t),) if o is not None]
        else:
            measures = [o for p in self.kids(t, "prep") if self.lemma(p) in ("to", "of", "on")
                        for o in self.kids(p, "pobj")]
        for m in measures:
            if self.lemma(m) not in self.grammar.domestic_measures:
                continue
            named = [k for k in self._left_modifiers(m) if k in self.mention_at] + [
                o for p in self.kids(m, "prep")
                if self.lemma(p) in ("by", "from", "of") for o in self.kids(p, "pobj")
                if self.actors_at(o)]
            if not named and not self.measure_owners(m) and not self._told_before(m):
                return m
        return None

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

    def _actors_before(self, i: int) -> Iterator[tuple[int, Mention]]:
        """(head token, mention) of the resolved mentions before token ``i``, nearest first,
        back to the start of its paragraph."""
        doc = self.doc
        paragraph = doc.sentences[doc.tokens[i].sent].paragraph
        for k in range(i - 1, -1, -1):
            if doc.sentences[doc.tokens[k].sent].paragraph != paragraph:
                return
            mention = self.mention_at.get(k)
            if mention is not None and mention.actor is not None and k == mention.head:
                yield k, mention

    def last_pair(self, i: int) -> list[Mention]:
        """The last two countries named together before token ``i`` in its paragraph
        ("Egypt and Sudan", "between India and Pakistan"): what "both sides" or "the two
        leaders" stand for. Nothing when no pair was named together."""
        for k, first in self._actors_before(i):
            assert first.actor is not None
            for j in self.kids(k, "conj"):
                second = self.mention_at.get(j)
                if (second is not None and second.actor is not None
                        and second.actor.country != first.actor.country):
                    return [first, second]
        return []

    def _group_size(self, i: int) -> int:
        """N for "the N" or "the N nations" (three to twelve), else 0."""
        tok = self.doc.tokens[i]
        if not any(self.doc.tokens[d].lower == "the" for d in self.kids(i, "det")):
            return 0
        if tok.tag == "CD":
            return GROUP_NUMBERS.get(tok.lower, 0)
        if self.lemma(i) in self.grammar.pair_nouns:
            for k in self.kids(i, "nummod"):
                return GROUP_NUMBERS.get(self.doc.tokens[k].lower, 0)
        return 0

    def last_group(self, i: int, size: int) -> list[Mention]:
        """The last ``size`` parties named together (one list of conjoined states) before
        token ``i`` in its paragraph. Nothing when no list of that length was named."""
        for k, first in self._actors_before(i):
            if self.doc.tokens[k].dep == "conj":
                continue
            members, stack = [first], list(self.kids(k, "conj"))
            while stack:
                j = stack.pop(0)
                m = self.mention_at.get(j)
                if m is not None and m.actor is not None:
                    members.append(m)
                stack.extend(self.kids(j, "conj"))
            if len({m.actor.country or m.actor.code for m in members if m.actor}) == size:
                return members
        return []

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
        return unique(m for h in heads for m in self.prep_objects(h, LOCATIVE_PREPS)
                       if m.actor is not None and m.actor.kind in ("state", "government"))

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

    def _left_modifiers(self, n: int) -> list[int]:
        out: list[int] = []
        stack = [k for k in self.kids(n, *LEFT_MODIFIER_DEPS) if k < n]
        while stack:
            k = stack.pop()
            out.append(k)
            if self.doc.tokens[k].pos == "VERB" and self.lemma(k) in self.grammar.backing_verbs:
                # "a Russian-brokered deal", "the Iran-backed militia": the backer is not
                # who makes the deal or is the militia
                continue
            stack.extend(j for j in self.kids(k, *LEFT_MODIFIER_DEPS, "conj") if j < n)
        return sorted(out)

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

