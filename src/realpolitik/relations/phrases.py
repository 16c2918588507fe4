"""Matching lexicon phrases against token runs.

A phrase word matches a token when it equals the token's lower-cased text or lemma.
Hyphens are ignored on both sides (spaCy splits "non-aggression" but keeps "S-400"),
curly apostrophes count as straight ones, ``*`` matches any one word and ``**`` up to four.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from realpolitik.errors import DataFileError
from realpolitik.model import ParsedDoc

_DASHES = re.compile(r"[-‐‑‒–—]+")
_GAP = 4


@dataclass(frozen=True, slots=True)
class WordStream:
    """The words of a token range, hyphenated tokens split, with their token indices."""

    texts: tuple[str, ...]
    lemmas: tuple[str, ...]
    tokens: tuple[int, ...]


_PLAIN = re.compile(r"[^\W_]+\Z")


@lru_cache(maxsize=16384)
def _parts(text: str) -> tuple[str, ...]:
    # cached: every token's text and lemma pass here, and most words recur
    if _PLAIN.match(text):
        return (text.lower(),)
    text = text.lower().replace("’", "'").replace("‘", "'")
    if text in ("'s", "'"):
        return (text,)
    return tuple(p for p in _DASHES.split(text) if p)


def word_stream(doc: ParsedDoc, start: int, end: int) -> WordStream:
    texts: list[str] = []
    lemmas: list[str] = []
    tokens: list[int] = []
    for tok in doc.tokens[start:end]:
        if tok.pos == "SPACE":
            continue
        text_parts = _parts(tok.text)
        lemma_parts = _parts(tok.lemma)
        if len(lemma_parts) != len(text_parts):
            lemma_parts = text_parts
        for text, lemma in zip(text_parts, lemma_parts, strict=True):
            texts.append(text)
            lemmas.append(lemma)
            tokens.append(tok.i)
    return WordStream(tuple(texts), tuple(lemmas), tuple(tokens))


def split_phrase(phrase: str) -> tuple[str, ...]:
    words: list[str] = []
    for raw in phrase.lower().replace("’", "'").split():
        if raw.endswith("'s") and raw != "'s":
            words.extend(_parts(raw[:-2]))
            words.append("'s")
        elif raw in ("*", "**"):
            words.append(raw)
        else:
            words.extend(_parts(raw))
    return tuple(words)


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    phrase: str
    #: first and last token index covered
    first: int
    last: int


class Phrase:
    """One lexicon entry ready to match."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.words = split_phrase(text)

    def matches(self, stream: WordStream) -> list[PhraseMatch]:
        found: list[PhraseMatch] = []
        for begin in range(len(stream.texts)):
            m = self.match_at(stream, begin)
            if m is not None:
                found.append(m)
        return found

    def match_at(self, stream: WordStream, begin: int) -> PhraseMatch | None:
        end = self._match_from(stream, begin, 0)
        if end is None or end <= begin:
            return None
        return PhraseMatch(self.text, stream.tokens[begin], stream.tokens[end - 1])

    def _match_from(self, stream: WordStream, pos: int, k: int) -> int | None:
        """End position (exclusive) of a match of words[k:] starting at ``pos``."""
        if k == len(self.words):
            return pos
        word = self.words[k]
        if word == "**":
            for skip in range(_GAP + 1):
                if pos + skip > len(stream.texts):
                    break
                end = self._match_from(stream, pos + skip, k + 1)
                if end is not None:
                    return end
            return None
        if pos >= len(stream.texts):
            return None
        if word == "*" or word in (stream.texts[pos], stream.lemmas[pos]):
            return self._match_from(stream, pos + 1, k + 1)
        return None


class PhraseSet:
    """Many phrases indexed by their first word, so a sentence is scanned once."""

    def __init__(self, phrases: Iterable[Phrase | str]) -> None:
        self.phrases = tuple(p if isinstance(p, Phrase) else Phrase(p) for p in phrases)
        self._by_first: dict[str, list[Phrase]] = {}
        for phrase in self.phrases:
            if not phrase.words or phrase.words[0] in ("*", "**"):
                # phrases come from the data files: a bad one is a data error
                raise DataFileError(f"a phrase must start with a word: {phrase.text!r}")
            self._by_first.setdefault(phrase.words[0], []).append(phrase)
        self._firsts = frozenset(self._by_first)

    def __len__(self) -> int:
        return len(self.phrases)

    def match(self, stream: WordStream) -> list[PhraseMatch]:
        """Every match of every phrase, longest first where two start at the same token."""
        out: list[PhraseMatch] = []
        # most sentences hold no first word of any phrase of the set: two set tests (in C)
        # instead of a dictionary lookup per word and set (13,639 scans for 270 stories)
        if self._firsts.isdisjoint(stream.texts) and self._firsts.isdisjoint(stream.lemmas):
            return out
        for begin, (text, lemma) in enumerate(zip(stream.texts, stream.lemmas, strict=True)):
            candidates = self._by_first.get(text, [])
            if lemma != text:
                candidates = candidates + self._by_first.get(lemma, [])
            for phrase in candidates:
                m = phrase.match_at(stream, begin)
                if m is not None:
                    out.append(m)
        out.sort(key=lambda m: (m.first, -(m.last - m.first)))
        return out


def match_all(phrases: PhraseSet, stream: WordStream) -> list[PhraseMatch]:
    """Every match of every phrase, longest first where two start at the same token."""
    return phrases.match(stream)


def longest_non_overlapping(matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """Keep the longest match where matches overlap (ties: the earlier one)."""
    chosen: list[PhraseMatch] = []
    for m in sorted(matches, key=lambda m: (-(m.last - m.first), m.first)):
        if all(m.last < c.first or m.first > c.last for c in chosen):
            chosen.append(m)
    chosen.sort(key=lambda m: m.first)
    return chosen


def token_words(doc: ParsedDoc, i: int) -> set[str]:
    """The lower-cased text and lemma of token ``i`` (hyphen parts included)."""
    tok = doc.tokens[i]
    words = {tok.text.lower(), tok.lemma.lower()}
    words.update(_parts(tok.text))
    return words
