"""One sentence with the actor mentions in it: who is named where, as party codes."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from realpolitik.model import Mention, ParsedDoc, Sentence
from realpolitik.relations.phrases import WordStream, word_stream
from realpolitik.relations.syntax import children, conjuncts

#: modifiers through which a noun names a state: "Russia's Kursk region", "Iranian drones"
_NAMING_MODIFIERS = ("poss", "compound", "amod", "nmod")


def party_code(mention: Mention) -> str | None:
    """A mention as a relation party: the state's ISO3 code, else the organisation's code."""
    return (mention.actor.side or None) if mention.actor is not None else None


def is_organisation(mention: Mention) -> bool:
    return mention.actor is not None and mention.actor.country is None and bool(mention.actor.code)


@dataclass
class SentenceContext:
    """The tokens of one sentence and the resolved mentions inside it."""

    doc: ParsedDoc
    sentence: Sentence
    mentions: list[Mention]
    _by_token: dict[int, Mention] = field(default_factory=dict, repr=False)
    _stream: WordStream | None = field(default=None, repr=False)

    def __post_init__(self) -> None:
        # the smallest mention wins a token, so "Russian" inside "the Russian Foreign
        # Ministry" is not hidden by the longer one; a mention's own head wins outright
        for m in sorted(self.mentions, key=lambda m: m.end - m.start, reverse=True):
            for i in range(m.start, m.end):
                self._by_token[i] = m
        for m in self.mentions:
            self._by_token[m.head] = m

    @classmethod
    def build(cls, doc: ParsedDoc, sentence: Sentence, mentions: Iterable[Mention],
              antecedents: Iterable[Mention] = ()) -> SentenceContext:
        """The sentence's resolved mentions; pronouns the resolver left open are read as
        the nearest fitting subject before them, in the sentence or in ``antecedents``
        (the paragraph's earlier mentions)."""
        inside = [m for m in mentions
                  if m.actor is not None and sentence.start <= m.head < sentence.end
                  and party_code(m) is not None]
        inside += _open_pronouns(doc, sentence, inside, list(antecedents))
        return cls(doc, sentence, sorted(inside, key=lambda m: (m.start, m.end)))

    @property
    def stream(self) -> WordStream:
        """The sentence's words for phrase matching, built once."""
        if self._stream is None:
            self._stream = word_stream(self.doc, self.start, self.end)
        return self._stream

    @property
    def start(self) -> int:
        return self.sentence.start

    @property
    def end(self) -> int:
        return self.sentence.end

    def mention_at(self, i: int) -> Mention | None:
        return self._by_token.get(i)

    def party_at(self, i: int, deep: bool = True, depth: int = 2) -> str | None:
        """The party a token names, itself or (``deep``) through its naming modifiers
        ("Russia's Kursk region", "Russian central bank assets")."""
        m = self.mention_at(i)
        if m is not None:
            return party_code(m)
        if deep and depth > 0:
            for k in children(self.doc, i, _NAMING_MODIFIERS):
                found = self.party_at(k, deep=True, depth=depth - 1)
                if found is not None:
                    return found
        return None

    def parties_at(self, i: int, deep: bool = True) -> list[str]:
        """Parties named by ``i`` and its conjuncts, in text order, without repeats."""
        out: list[str] = []
        for j in conjuncts(self.doc, i):
            p = self.party_at(j, deep)
            if p is not None and p not in out:
                out.append(p)
        return out

    def modifier_parties(self, i: int) -> list[str]:
        """Parties in the modifiers of a noun: "Russian-Iranian", "Russia's", "US"."""
        out: list[str] = []
        for k in children(self.doc, i, _NAMING_MODIFIERS):
            for j in [k, *children(self.doc, k, ("amod", "compound", "conj"))]:
                p = self.party_at(j, deep=False)
                if p is not None and p not in out:
                    out.append(p)
        return out

    def organisation_parties(self) -> set[str]:
        """Codes of the organisations named in the sentence."""
        return {code for m in self.mentions if is_organisation(m)
                if (code := party_code(m)) is not None}

    def state_parties(self) -> list[str]:
        """Distinct state parties named in the sentence, in text order."""
        out: list[str] = []
        for m in self.mentions:
            if m.actor is not None and m.actor.country and m.actor.country not in out:
                out.append(m.actor.country)
        return out

    def mentions_between(self, first: int, last: int) -> list[Mention]:
        return [m for m in self.mentions if first <= m.head <= last]

    def is_org_at(self, i: int) -> bool:
        m = self.mention_at(i)
        return m is not None and is_organisation(m)

    def token_range(self) -> range:
        return range(self.sentence.start, self.sentence.end)


_PERSONAL = frozenset({"he", "she", "him", "his", "her", "hers"})
_NEUTER = frozenset({"it", "its"})
_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def _fits(pronoun: str, mention: Mention) -> bool:
    actor = mention.actor
    if actor is None:
        return False
    personal = actor.kind == "person" or mention.kind in ("title", "counterpart")
    if pronoun in _PERSONAL:
        return personal or (mention.kind == "pronoun" and actor.role is not None)
    return not personal


def _open_pronouns(doc: ParsedDoc, sentence: Sentence, inside: list[Mention],
                   antecedents: list[Mention]) -> list[Mention]:
    """Stand-in mentions for "he"/"his"/"it"/"its" tokens the resolver did not resolve."""
    covered = {i for m in inside for i in range(m.start, m.end)}
    out: list[Mention] = []
    for tok in doc.tokens[sentence.start:sentence.end]:
        word = tok.text.lower()
        if tok.pos != "PRON" or tok.i in covered or word not in _PERSONAL | _NEUTER:
            continue
        # only subjects, and "it" only within its sentence: in "Trade between Russia and the
        # UAE grew ... By 2025, it is expected to exceed $12 billion" it is the trade
        earlier = antecedents if word in _PERSONAL else []
        pool = [m for m in earlier + inside + out
                if m.head < tok.i and _fits(word, m) and party_code(m) is not None
                and doc.tokens[m.head].dep in _SUBJECT_DEPS]
        if not pool:
            continue
        chosen = pool[-1]
        out.append(Mention(
            sentence=sentence.index, start=tok.i, end=tok.i + 1, start_char=tok.idx,
            end_char=tok.idx + len(tok.text), text=tok.text, actor=chosen.actor,
            kind="pronoun", head=tok.i,
        ))
    return out


class DocumentMentions:
    """A document's mentions grouped by sentence, handing out sentence contexts."""

    def __init__(self, doc: ParsedDoc, mentions: Iterable[Mention]) -> None:
        from realpolitik.nlp import paragraph_starts

        self.doc = doc
        self.by_sentence: dict[int, list[Mention]] = defaultdict(list)
        for m in mentions:
            self.by_sentence[doc.tokens[m.head].sent].append(m)
        self._starts = paragraph_starts(doc.document.text)
        self._contexts: dict[int, SentenceContext] = {}

    def context(self, sentence: Sentence) -> SentenceContext:
        """The sentence's context, built once: the relation and quantity stages share it."""
        ctx = self._contexts.get(sentence.index)
        if ctx is None:
            ctx = SentenceContext.build(self.doc, sentence,
                                        self.by_sentence.get(sentence.index, []),
                                        self._antecedents(sentence))
            self._contexts[sentence.index] = ctx
        return ctx

    def _antecedents(self, sentence: Sentence) -> list[Mention]:
        """Mentions before the sentence in its paragraph, in text order (by character
        offset: a heading and the paragraph after it can share one parsed sentence)."""
        begin = max(p for p in self._starts if p <= sentence.start_char)
        out: list[Mention] = []
        index = sentence.index - 1
        while index >= 0 and self.doc.sentences[index].end_char > begin:
            out = [m for m in self.by_sentence.get(index, []) if m.start_char >= begin] + out
            index -= 1
        return [m for m in out if m.actor is not None]
