"""Reading the dependency parse: children, lemmas, objects, what a pattern's constraints need."""

from __future__ import annotations

from collections.abc import Collection

from realpolitik.events.coder.common import (
    QUOTES,
    count_of,
)
from realpolitik.events.grammar import Grammar
from realpolitik.events.patterns import (
    VerbPattern,
)
from realpolitik.model import Mention, ParsedDoc


class ClauseTree:
    """Parse-reading helpers over one document and its mentions."""

    def __init__(self, doc: ParsedDoc, mentions: list[Mention], grammar: Grammar) -> None:
        self.doc = doc
        self.grammar = grammar
        #: the code matched at each trigger token, for rules that depend on the event kind
        self.codes_at: dict[int, str] = {}
        self.mention_at: dict[int, Mention] = {}
        #: each token's dependency label, read once: kids() filters children by it (192,233
        #: calls for 270 stories)
        self._deps = [tok.dep for tok in doc.tokens]
        self._sentence_lemmas: dict[int, frozenset[str]] = {}
        for m in mentions:
            for i in range(m.start, m.end):
                self.mention_at[i] = m

    # -- parse navigation --------------------------------------------------------
    def kids(self, i: int, *deps: str) -> list[int]:
        kids = self.doc.children(i)
        if not deps:
            return kids
        dep = self._deps
        return [k for k in kids if dep[k] in deps]

    def lemma(self, i: int) -> str:
        return self.doc.tokens[i].lemma.lower()

    def prep_lemmas(self, i: int) -> set[str]:
        return {self.lemma(p) for p in self.kids(i, "prep", "agent", "dative")}

    def object_of(self, v: int) -> int | None:
        objs = self.kids(v, "dobj")
        if objs:
            return objs[0]
        passive = self.kids(v, "nsubjpass")
        if passive:
            return passive[0]
        tok = self.doc.tokens[v]
        if (tok.dep == "acl" and tok.tag == "VBN" and tok.head != v
                and self.doc.tokens[tok.head].pos in ("NOUN", "PROPN")
                and self.kids(v, "agent")):
            # "the agreement signed by India and the United States": a passive participle
            # with its doer acts on the noun it describes
            return tok.head
        return None

    def satisfies(self, v: int, pattern: VerbPattern) -> bool:
        if pattern.intransitive and self.kids(v, "dobj", "nsubjpass", "auxpass", "ccomp"):
            return False
        if pattern.pobj and not self.idiom_nouns(v, pattern):
            return False
        if pattern.particle and not any(
                self.lemma(k) in pattern.particle for k in self.kids(v, "prt")):
            return False
        if pattern.object and not self.object_words(v, pattern.prep) & pattern.object:
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
        """Lemmas and words of a noun's modifiers: "hunger strike", "24-hour strike", and
        the verb of its infinitive: "an attempt to assassinate"."""
        words: set[str] = set()
        for k in self.kids(n, "compound", "amod", "nmod", "nummod"):
            words.add(self.lemma(k))
            words.add(self.doc.tokens[k].lower)
        words.update(self.lemma(k) for k in self.infinitives(n))
        return words

    def sentence_lemmas(self, i: int) -> frozenset[str]:
        """Lemmas of the sentence of token ``i`` (read once per sentence)."""
        index = self.doc.tokens[i].sent
        found = self._sentence_lemmas.get(index)
        if found is None:
            sentence = self.doc.sentences[index]
            found = frozenset(self.lemma(k) for k in range(sentence.start, sentence.end))
            self._sentence_lemmas[index] = found
        return found

    def complement_words(self, n: int, preps: tuple[str, ...] = ("of", "on", "to")
                         ) -> set[str]:
        """Lemmas of what a noun's complements with ``preps`` name: "an exchange of
        (artillery) fire", "a ban on (Danish meat) exports", "opposition to the tax"."""
        return {self.lemma(o) for p in self.kids(n, "prep") if self.lemma(p) in preps
                for o in self.kids(p, "pobj")}

    def infinitives(self, n: int) -> list[int]:
        """A noun's infinitival complements: "a failure to honour the pact"."""
        return [k for k in self.kids(n, "acl") if self.to_infinitive(k)]

    def to_infinitive(self, v: int) -> bool:
        """Whether verb ``v`` is an infinitive: "to" among its auxiliaries."""
        return any(self.lemma(a) == "to" for a in self.kids(v, "aux"))

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

    def object_words(self, v: int, preps: Collection[str] = ()) -> set[str]:
        """Lemmas that can fill a pattern's object slot: the object and its compounds,
        the thing counted in "hundreds of drones", and "supplied X with drones"; ``preps``
        are the pattern's own prepositions."""
        heads: list[int] = []
        obj = self.object_of(v)
        if obj is not None:
            heads.append(obj)
            heads += self.counted_by(obj)
        heads += [o for p in self.kids(v, "prep") if self.lemma(p) == "with"
                  for o in self.kids(p, "pobj")]
        # "contributed troops to a peacekeeping force": what the object joins; with no
        # object the phrase is a destination or purpose ("leaves for talks" halts nothing)
        # unless the pattern asks for that preposition ("called for restraint")
        joining = ("to", "for") if obj is not None else tuple(
            p for p in ("to", "for") if p in preps)
        heads += [o for p in self.kids(v, "prep") if self.lemma(p) in joining
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

    def words_under(self, i: int, depth: int = 2) -> set[str]:
        """Lemmas of token ``i`` and of its dependents down to ``depth`` levels."""
        words = {self.lemma(i)}
        if depth > 0:
            for k in self.kids(i):
                words |= self.words_under(k, depth - 1)
        return words

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

    def quoted(self, i: int) -> bool:
        """Is token ``i`` inside quotation marks within its sentence?"""
        sentence = self.doc.sentences[self.doc.tokens[i].sent]
        marks = sum(1 for k in range(sentence.start, i) if self.doc.tokens[k].text in QUOTES)
        return marks % 2 == 1

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

    def casualties_of_battle(self, v: int, combatants: frozenset[str],
                             battle: frozenset[str]) -> bool:
        """Are those ``v`` kills fighters, or counted in a battle ("killed 1,269 Libyan
        soldiers", "killed or wounded in fighting near Basra")?"""
        obj = self.object_of(v)
        heads = [obj] if obj is not None else []
        heads += [o for h in list(heads) for p in self.kids(h, "prep") if self.lemma(p) == "of"
                  for o in self.kids(p, "pobj")]
        if any(self.lemma(h) in combatants for h in heads):
            return True
        if any(self.lemma(k) in ("wound", "injure", "capture") for k in self.kids(v, "conj")):
            return True
        return bool(self.sentence_lemmas(v) & battle)

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
            best = max(best, count_of(self.doc.tokens[k].lower))
        return best

