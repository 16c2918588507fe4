"""Modality: how an event is asserted (actual, reported, future, hypothetical, demanded)."""

from __future__ import annotations

from realpolitik.events.coder.common import sides
from realpolitik.events.coder.negation import ClauseNegation
from realpolitik.events.grammar import Families, Grammar
from realpolitik.model import Mention, Modality, ParsedDoc

#: question words: a question that asks one of them takes its event for granted ("why did
#: Iraq invade?"), a yes-no question does not ("will Iraq withdraw?")
_WH_WORDS = frozenset({"what", "why", "how", "who", "whom", "whose", "where", "when", "which"})
#: dependents that place a clause in time
_TIME_DEPS = ("npadvmod", "advmod", "tmod", "prep")
#: links along which a proposal's content hangs under it: "a draft calling for an embargo",
#: "a bill that would impose quotas", "a proposal to lift the sanctions", "an embargo proposal"
_CONTENT_DEPS = frozenset({"prep", "pobj", "pcomp", "dobj", "xcomp", "acl", "relcl",
                           "compound", "nsubjpass"})


class ClauseModality(ClauseNegation):
    """Modality of a trigger, read from its clause and the verbs that govern it."""

    def __init__(self, doc: ParsedDoc, mentions: list[Mention], grammar: Grammar) -> None:
        super().__init__(doc, mentions, grammar)
        #: triggers whose future comes from a schedule or a time still to come ("talks are
        #: set for Monday", "visits Washington next week", "when he arrives for talks"), not
        #: from anyone's stated will: they stay the event itself, in the future, rather than
        #: an expression of intent (03)
        self.scheduled: set[int] = set()

    # -- modality ---------------------------------------------------------------------
    def modality(self, t: int) -> Modality:
        g = self.grammar
        own = self._questioned(t) or self._aux_modality(t)
        if own:
            return own
        own = self._own_nonfact(t)
        if own:
            if own == "future":
                self.scheduled.add(t)
            return own
        if self.doc.tokens[t].pos == "NOUN" and any(
                self.doc.tokens[d].lower == "any" for d in self.kids(t, "det")):
            # "would respond to any attack": no attack has happened
            return "hypothetical"
        # what a verb finds there ("would condemn the attack", "tried to explain the
        # suspension", "said it would not honour the agreement") is there already, whatever
        # is said or supposed of the verb itself
        presupposed = paved = False

        def settle(found: Modality) -> Modality:
            return "actual" if presupposed else found

        for gov, link in self._governors(t):
            lemma = self.lemma(gov)
            if link == "ccomp" and self.kids(gov, "dobj") and gov > t:
                # "India accused Pakistan ...; Pakistan denied any role": the denial's
                # content is its object, not the clause before it
                break
            if link == "ccomp" and lemma in self.cues.proposing_verbs:
                # "proposed that talks resume": put forward, not (yet) held
                return settle("hypothetical")
            if link == "ccomp" and lemma in g.future_governors | g.hypothetical_governors:
                # "Diplomats expect Beijing to resist": not yet done
                return settle("future" if lemma in g.future_governors else "hypothetical")
            if link == "ccomp":
                if lemma in g.demand_governors and lemma not in g.report_governors:
                    # "demanded that Beijing lift the bans" (but "told reporters that ...")
                    return settle("demanded")
                if lemma in g.report_governors:
                    return settle("reported")
                return settle(self._aux_modality(gov, t) or "actual")
            if link == "asked" or (link == "prep:for" and lemma in g.demand_governors
                                   and self.doc.tokens[gov].pos == "VERB"):
                # "called for Iran to withdraw", "called for sanctions against Iran": what
                # is called for is asked of someone, not done
                return settle("demanded")
            if link == "xcomp":
                if lemma in g.report_governors and lemma not in g.demand_governors:
                    # "acknowledged carrying out the attack", "admitted supplying drones"
                    return settle("reported")
                if lemma in g.demand_governors and (
                        self.kids(gov, "dobj") or self._has_prep(gov, ("on", "upon"))):
                    return settle("demanded")
                if lemma in g.future_governors:
                    return settle("future")
                if lemma in g.hypothetical_governors:
                    return settle("hypothetical")
            if link == "claim" and self._condition_noun(gov):
                # "will release them on condition that Israel ends the blockade"
                return settle("hypothetical")
            if (link == "prep:of" and (lemma in g.report_governors or self._report_noun(gov))
                    ) or link == "claim" or (link == "prep:with" and lemma in g.accusing_verbs):
                # "accused Iran of violating", "charged Japan with dumping": alleged
                return settle("reported")
            if link.startswith("prep:") and self._condition_noun(gov):
                # "will free them on condition of a truce"
                return settle("hypothetical")
            if link in ("prep:for", "prep:to") and lemma in g.path_nouns:
                # "would pave the way for talks", "could open the door to sanctions": the
                # verb that opens the way says whether they come, and they are not planned
                paved = True
                continue
            if link in ("prep:for", "prep:to") and any(
                    self.lemma(o) in g.path_nouns for o in self.kids(gov, "dobj")):
                # the same with "to" parsed on the verb: "open (the door) to sanctions"
                paved, link = True, "object"
            direct = self.doc.tokens[t].head == gov
            if (direct and link in ("object", "compound") and lemma in self.cues.vetoing_verbs
                    and self.codes_at.get(t, "99")[:2] not in g.violent_roots):
                # "vetoed an arms embargo", "sanctions were blocked": never imposed (but
                # "air defences blocked the attack": it was made all the same)
                return settle("hypothetical")
            if (direct and link == "object" and lemma in self.cues.proposing_verbs
                    and self.codes_at.get(t, "99")[:2] not in g.violent_roots):
                # "proposed sanctions on Eritrea", "is considering a ban": not yet imposed
                return settle("hypothetical")
            if direct and link == "object" and lemma in self.cues.preventing_verbs and (
                    lemma not in ("ward", "stave", "head")
                    or any(self.lemma(k) == "off" for k in self.kids(gov, "prt", "advmod"))):
                # "averted a war", "to ward off sanctions": it never came
                return settle("hypothetical")
            if link == "object" and lemma not in g.light_verbs and (
                    lemma in self.cues.presupposing_verbs
                    # praise, criticism, rejection (but a statement or a consideration,
                    # root 01, may be of what is still to come)
                    or self.codes_at.get(gov, "99")[:2] in g.reaction_roots - {"01"}):
                # a verb that makes its object passes its modality on ("could impose
                # sanctions", "would hold talks"), one that finds it there does not
                presupposed = True
                continue
            aux = self._aux_modality(gov, t)
            cue = None if aux else self._own_nonfact(gov)
            found = aux or cue
            if paved and found == "future":
                found = cue = "hypothetical"
            if found and (link in ("xcomp", "object", "compound", "conj") or (
                    (aux == "hypothetical" or cue in ("hypothetical", "future")
                     or (aux == "future" and (link == "prep:for"
                                              or self._is_means_gerund(t, link))))
                    and link.startswith("prep:"))):
                # "Iran would stay in the deal if ...": nothing in the consequent is fact;
                # "when he arrives for talks on Wednesday", "would go to Moscow for talks":
                # the talks are still to come (but "will stay in the deal": it exists)
                if cue == "future" and not presupposed:
                    self.scheduled.add(t)
                return settle(found)
            if link.startswith("prep:"):
                break
        # "paved the way for talks": made possible, not held
        return "hypothetical" if paved and not presupposed else "actual"

    def obligation_root(self, v: int, families: Families) -> str | None:
        """The family of what a verb of obligation asks: an appeal ("02": 'should act',
        'ought to act'), a demand ("10": 'must act', 'has to act'), or None."""
        auxiliaries = [self.lemma(k) for k in self.kids(v, "aux")]
        if any(a in families.obligation_auxiliaries for a in auxiliaries):
            return "02" if all(a in families.advice_auxiliaries for a in auxiliaries
                               if a in families.obligation_auxiliaries) else "10"
        for k in self.kids(v, "xcomp"):
            if self.lemma(v) in families.obligation_governors and self.to_infinitive(k):
                return "10"
        return None

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

    def _aux_modality(self, v: int, event: int | None = None) -> Modality | None:
        """The modality ``v``'s auxiliaries and conditions give the event at ``event``
        (``v`` itself by default)."""
        g = self.grammar
        conditional = any(
            self.lemma(m) in g.hypothetical_markers
            for k in self.kids(v, "advcl") for m in self.kids(k, "mark"))
        # the consequent of a condition is no fact ("the EC will retaliate if Congress
        # passes the bill"), but a stated plan to cooperate is an expression of intent (03)
        # even with one ("he will seek further talks if these fail", "said they would
        # meet the mediator if he gave them a veto"): below, a reported "would" is a plan
        # and any other a hypothetical
        if conditional and not self._cooperative(v if event is None else event) and any(
                self.lemma(a) in g.hypothetical_auxiliaries | g.future_auxiliaries
                or self.doc.tokens[a].lower in g.future_auxiliaries
                for a in self.kids(v, "aux")):
            return "hypothetical"
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
        return None

    # -- non-facts ---------------------------------------------------------------------
    def _own_nonfact(self, t: int) -> Modality | None:
        """What the event's own words and clause say against its being a fact: a modifier
        ("the alleged shelling", "reportedly invaded", "the planned visit"), a condition or
        a time still to come ("until Iraq withdraws", "when he arrives"), a proposal that
        carries it ("a draft calling for an embargo"), a schedule it is the subject of
        ("talks are set for Monday")."""
        cues = self.cues
        tok = self.doc.tokens[t]
        for k in self.kids(t, "amod", "compound", "advmod", "nmod", "npadvmod"):
            found = cues.modifiers.get(self.doc.tokens[k].lower)
            if found:
                return found
        if tok.pos in ("VERB", "AUX"):
            found = self._clause_nonfact(t)
            if found:
                return found
        elif tok.dep in ("nsubj", "nsubjpass") and tok.head != t:
            found = self._scheduled(tok.head)
            if found:
                return found
        elif self._labelled(t):
            return "reported"
        elif (tok.dep == "pobj" and self.doc.tokens[tok.head].lower in cues.condition_markers
              and not self._past(self._main_verb(t))):
            # "will keep its troops there pending a ceasefire", "before next week's talks"
            # (but "made it clear before the start of today's talks": they began)
            return "hypothetical"
        elif tok.dep == "pobj" and self.lemma(tok.head) == "of" and (
                self.doc.tokens[tok.head].head != tok.head
                and self.doc.tokens[self.doc.tokens[tok.head].head].lower in cues.future_frames):
            # "ahead of talks with China", "on the eve of the summit"
            return "future"
        elif tok.dep == "pobj" and self.lemma(tok.head) in ("of", "for") and (
                self.doc.tokens[tok.head].head != tok.head
                and self.doc.tokens[self.doc.tokens[tok.head].head].pos == "NOUN"
                and self.lemma(self.doc.tokens[tok.head].head) in cues.possibility_nouns):
            # "the threat of sanctions", "fears of an invasion", "hopes for a ceasefire"
            return "hypothetical"
        return self._proposed(t)

    def _labelled(self, n: int) -> bool:
        """"in retaliation for what he called Japan's violation of the pact", "over what it
        sees as Tokyo's failure": a free relative names the act as its speaker sees it."""
        tok = self.doc.tokens[n]
        verb = tok.head
        if tok.dep == "pobj" and self.lemma(verb) == "as":
            verb = self.doc.tokens[verb].head
        elif tok.dep != "oprd":
            return False
        return verb != n and any(self.doc.tokens[k].lower == "what"
                                 for k in self.kids(verb, "dobj"))

    def _clause_nonfact(self, v: int) -> Modality | None:
        cues = self.cues
        tok = self.doc.tokens[v]
        # a clause's own tense tells whether it happened; a clause without one ("before
        # meeting Bush") takes the tense of the clause it is part of
        past = self._past(v) if self._finite(v) else self._past(self._main_verb(v))
        markers = self.kids(v, "mark", "advmod")
        if tok.dep == "conj" and tok.head != v and self.doc.tokens[tok.head].dep == "advcl" \
                and not self.kids(v, "mark"):
            # "until Ankara recognises Greek rights and withdraws its troops": the second
            # verb is under the first one's "until" too
            markers += self.kids(tok.head, "mark")
        for m in markers:
            word = self.doc.tokens[m].lower
            if self.doc.tokens[m].dep == "advmod" and self.doc.tokens[m].tag != "WRB":
                continue
            if word in cues.condition_markers and not past:
                # "until Iraq withdraws", "provided that Israel ends the blockade"
                return "hypothetical"
            if (word in cues.temporal_markers and not past and not self._past(tok.head)
                    and not any(self.lemma(a) == "have" for a in self.kids(v, "aux"))):
                # "when he arrives for talks", "once the troops withdraw", "this week when
                # he visits Washington" (but "the date when the banks have said": done)
                return "future"
        if tok.dep in ("ccomp", "advcl", "pcomp") and tok.head != v:
            head = self.doc.tokens[tok.head]
            if (head.lower in cues.condition_markers and not past
                    and not self.kids(tok.head, "nsubj", "nsubjpass", "dobj")):
                # "provided that Israel ends the blockade", "pending Iraq's withdrawal"
                return "hypothetical"
        if self._according_to(v):
            # "according to Greece, Turkish jets bombed Cyprus": only Greece says so
            return "reported"
        if tok.tag in ("VBZ", "VBP") and not self.kids(v, "aux", "auxpass") \
                and self._future_time(v):
            # wire copy's scheduled present: "visits Washington next week", "leaves on
            # Saturday for talks"
            return "future"
        return None

    def _finite(self, v: int) -> bool:
        """A verb with a tense of its own ("withdraws", "will withdraw", "had withdrawn"),
        not a gerund, participle or infinitive."""
        return self.doc.tokens[v].tag in ("VBD", "VBZ", "VBP") or any(
            self.doc.tokens[a].tag in ("MD", "VBD", "VBZ", "VBP")
            for a in self.kids(v, "aux", "auxpass"))

    def _main_verb(self, i: int) -> int:
        """The nearest verb above token ``i`` (``i`` itself at the top)."""
        for _ in range(8):
            head = self.doc.tokens[i].head
            if head == i:
                return i
            i = head
            if self.doc.tokens[i].pos in ("VERB", "AUX"):
                return i
        return i

    def _past(self, v: int) -> bool:
        """A verb in a past tense ("withdrew", "had withdrawn", "was sent")."""
        return self.doc.tokens[v].tag == "VBD" or any(
            self.doc.tokens[a].tag == "VBD" for a in self.kids(v, "aux", "auxpass"))

    def _future_time(self, v: int) -> bool:
        words = self.cues.future_time_words
        for k in self.kids(v, *_TIME_DEPS):
            heads = [k] if self.doc.tokens[k].dep != "prep" else self.kids(k, "pobj")
            for h in heads:
                head = self.doc.tokens[h].lower
                near = {head} | {
                    self.doc.tokens[d].lower for d in self.kids(h, "amod", "det")}
                if near & words == {"this"} and head == "year":
                    # "imports more rice this year": the year is under way
                    continue
                if near & words:
                    return True
        return False

    def _scheduled(self, head: int) -> Modality | None:
        """The modality an event noun takes from the predicate it is the subject of:
        "talks are scheduled for Monday", "the visit is due next week" (future); "sanctions
        were proposed", "a visit is under consideration" (hypothetical)."""
        cues = self.cues
        lemma, word = self.lemma(head), self.doc.tokens[head].lower
        if lemma in cues.schedule_predicates or word in cues.schedule_predicates or any(
                self.lemma(a) in cues.schedule_predicates for a in self.kids(head, "acomp")):
            return "future"
        if (lemma in cues.proposal_predicates or word in cues.proposal_predicates) \
                and not self.kids(head, "acomp", "oprd", "xcomp", "attr"):
            # (but "the invasion was considered illegal" judges a fact)
            return "hypothetical"
        if lemma == "be" and any(self.lemma(o) in cues.pending_states
                                 for p in self.kids(head, "prep") if self.lemma(p) == "under"
                                 for o in self.kids(p, "pobj")):
            return "hypothetical"
        return None

    def _proposed(self, t: int) -> Modality | None:
        """An event that is the content of a proposal not adopted: "a draft calling for an
        arms embargo", "a bill that would impose quotas", "vetoed a resolution demanding a
        ceasefire" (but "adopted a resolution imposing an embargo" imposes it)."""
        g = self.grammar
        i = t
        for _ in range(8):
            tok = self.doc.tokens[i]
            head = tok.head
            if head == i or tok.dep not in _CONTENT_DEPS:
                return None
            if tok.dep == "compound" and i != t:
                return None
            if tok.dep == "prep" and self.lemma(i) not in ("for", "of", "on"):
                # "a plan to coincide with the visit", "an alternative to the proposal":
                # no content of the proposal
                return None
            if (tok.dep in ("dobj", "nsubjpass")
                    and self.doc.tokens[head].pos in ("VERB", "AUX")
                    and not self._is_proposal(head)
                    and self.lemma(head) not in g.light_verbs | g.demand_governors):
                # the object of a proposed act is no part of it: "a resolution condemning
                # its annexation" (the annexation happened), unlike "imposing an embargo"
                return None
            if tok.dep == "relcl" and any(
                    self.lemma(s) not in ("that", "which", "who")
                    for s in self.kids(i, "nsubj", "nsubjpass")):
                # "a proposal Amman rejected": the rejection is Amman's own act
                return None
            i = head
            if self._is_proposal(i):
                return None if self._adopted(i) else "hypothetical"
        return None

    def _is_proposal(self, n: int) -> bool:
        cues = self.cues
        tok = self.doc.tokens[n]
        if tok.pos == "NOUN" and self.lemma(n) in cues.proposal_nouns:
            return True
        # "a draft calling for ...", read as a compound of the participle
        return any(self.doc.tokens[k].lower == "draft" for k in self.kids(n, "compound", "amod"))

    def _adopted(self, n: int) -> bool:
        """A proposal that the clause says was adopted: "adopted a resolution", "a plan
        approved by the cabinet"."""
        if any(self.doc.tokens[k].lower in ("draft", "proposed")
               for k in self.kids(n, "compound", "amod")):
            return False
        tok = self.doc.tokens[n]
        verb = tok.head
        if tok.dep in ("dobj", "nsubjpass") and verb != n:
            return (self.lemma(verb) in self.cues.adopting_verbs
                    and not self._negated_here(verb) and self._aux_modality(verb) is None)
        return any(self.lemma(k) in self.cues.adopting_verbs for k in self.kids(n, "acl"))

    def _questioned(self, t: int) -> Modality | None:
        """A yes-no question: "Will Paris ease the embargo?"."""
        sent = self.doc.sentences[self.doc.tokens[t].sent]
        last = sent.end - 1
        while last > sent.start and self.doc.tokens[last].lower in ('"', "'", "\u201d", "’"):
            last -= 1
        if self.doc.tokens[last].text != "?":
            return None
        if any(self.doc.tokens[k].lower in _WH_WORDS for k in range(sent.start, last)):
            return None
        return "hypothetical"

    def _according_to(self, v: int) -> list[int]:
        """The sources a clause is told "according to": "according to Greece, ..."."""
        return [o for p in self.kids(v, "prep") if self.doc.tokens[p].lower == "according"
                for q in [p, *self.kids(p, "prep")] for o in self.kids(q, "pobj")]

    def told_by_a_party(self, t: int, parties: tuple[Mention | None, ...]) -> bool:
        """"Kenya's army struck the camp, a Kenyan army spokesman said": a party telling its
        own act asserts it; only what one tells of others is merely reported."""
        acting = sides(parties)
        according = self._according_to(t)
        if according:
            return bool(acting & self._countries_under(according))
        for gov, link in self._governors(t):
            if link in ("xcomp", "conj"):
                continue
            if link != "ccomp" or self.lemma(gov) not in self.cues.telling_verbs:
                return False
            return bool(acting & self._countries_under(self.kids(gov, "nsubj")))
        return False

    def _countries_under(self, heads: list[int]) -> set[str]:
        """The actors named in the phrases headed by ``heads``, by country or code."""
        return sides(self.mention_at.get(k) for h in heads for k in self.doc.subtree(h))
