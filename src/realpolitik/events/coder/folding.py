"""Folding and deduplication: one event where a sentence says one thing in several words."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from realpolitik.events.coder.common import (
    Trigger,
    unique,
)
from realpolitik.events.coder.participants import Clause
from realpolitik.events.coder.triggers import TriggerFinder
from realpolitik.model import Event, ParsedDoc, Participant


class Folding(TriggerFinder):
    """Folds demands into protests and instruments into their attacks."""

    def _fold_protest_demands(self, c: Clause, verbs: dict[int, Trigger],
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

    def _protest_code(self, protest: str, demand: str) -> str:
        """141 + "1041" (demand leadership change) → 1411, and so on for 141–145."""
        if demand.startswith("104") and len(demand) == 4:
            code = protest[:3] + demand[3]
            if code in self.codebook:
                return code
        return protest

    def _merge_instruments(self, c: Clause, verbs: dict[int, Trigger],
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
                    trigger, code=code, sources=tuple(unique(sources)) or (None,),
                    targets=targets)
                consumed.add(subj)





def drop_underspecified(events: list[Event]) -> list[Event]:
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



def fill_repeated(doc: ParsedDoc, events: list[Event],
                  symmetric: frozenset[str]) -> list[Event]:
    """An event noun that names one party of an act the story has already told with both
    takes the other party from it: after "Ruritania's minister arrived in Lisbon for talks
    with Portugal", "the talks ended on Friday" and "the minister's visit" are that act
    again, not an act of Ruritania's with nobody. The nearest earlier event of the same
    root whose party on the named side (either side, for a symmetric act) is the same is
    taken; a noun that finds none is left as it is."""
    def actor(p: Participant | None) -> str | None:
        return p.actor if p is not None else None

    out: list[Event] = []
    for i, e in enumerate(events):
        src, tgt = actor(e.source), actor(e.target)
        if (src is None) == (tgt is None) or doc.tokens[e.trigger_token].pos not in (
                "NOUN", "PROPN"):
            out.append(e)
            continue
        filled = e
        for f in reversed(events[:i]):
            if f.sentence >= e.sentence or f.root != e.root:
                continue
            fs, ft = actor(f.source), actor(f.target)
            if fs is None or ft is None or fs == ft:
                continue
            mutual = f.code in symmetric or e.code in symmetric
            if src is not None and (src == fs or (mutual and src == ft)):
                filled = dataclasses.replace(e, target=f.target if src == fs else f.source)
            elif tgt is not None and (tgt == ft or (mutual and tgt == fs)):
                filled = dataclasses.replace(e, source=f.source if tgt == ft else f.target)
            else:
                continue
            break
        out.append(filled)
    return out


def dedupe(events: Iterable[Event]) -> list[Event]:
    """One event per trigger, code and pair of actor codes: "fired missiles at a base in
    Syria's Homs province" names Syria twice but strikes it once."""
    seen: set[tuple[object, ...]] = set()
    out = []
    for e in events:
        key = (e.trigger_token, e.code, e.polarity, e.modality,
               party_key(e.source), party_key(e.target))
        if key not in seen:
            seen.add(key)
            out.append(e)
    return out



def party_key(p: Participant | None) -> str | None:
    if p is None:
        return None
    return p.actor or f"text:{p.text}"

