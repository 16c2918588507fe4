"""The compiled phrase dictionary: spaCy-identical tokenisation, casing rules, longest match."""

from __future__ import annotations

import random
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.actors import KnowledgeBase
from realpolitik.actors.lexicon import Lexicon, normalise, surnames
from realpolitik.config import Config
from realpolitik.model import Token


@pytest.fixture(scope="module")
def lexicon(kb: KnowledgeBase) -> Lexicon:
    return kb.lexicon


def tokens_of(words: list[str]) -> list[Token]:
    out, idx = [], 0
    for i, word in enumerate(words):
        out.append(Token(i=i, text=word, lemma=word.lower(), pos="PROPN", tag="NNP",
                         dep="nsubj", head=i, idx=idx, ent_type="", ent_iob="O", sent=0,
                         whitespace=True))
        idx += len(word) + 1
    return out


def test_phrases_split_like_the_parsing_model(lexicon: Lexicon) -> None:
    """A name inside a sentence tokenises to exactly the key the lexicon stores for it."""
    import spacy

    from realpolitik.actors.lexicon import _surfaces

    tokenizer = spacy.blank("en").tokenizer
    surfaces = sorted({s for s, _, _ in _surfaces(KnowledgeBase.load(Config()))})
    for surface in random.Random(7).sample(surfaces, 500):
        words = [t.text for t in tokenizer(f"{surface} said it.")][:-3]
        assert tuple(normalise(w) for w in words) in lexicon.phrases, surface


@pytest.mark.parametrize(("words", "expected"), [
    (["the", "Russian", "Foreign", "Ministry"], [(1, 2), (2, 4)]),
    (["United", "States", "of", "America"], [(0, 4)]),
    (["Guinea", "-", "Bissau"], [(0, 3)]),
    (["South", "Sudan", "and", "Sudan"], [(0, 2), (3, 4)]),
])
def test_longest_leftmost_matches(lexicon: Lexicon, words: list[str],
                                  expected: list[tuple[int, int]]) -> None:
    found = [(m.start, m.end) for m in lexicon.matches(tokens_of(words))]
    assert found == expected


@pytest.mark.parametrize(("word", "matches"), [
    ("US", True), ("us", False), ("Us", False),
    ("Chad", True), ("chad", False),
    ("Iran", True), ("IRAN", True), ("iran", False),
])
def test_casing_rules(lexicon: Lexicon, word: str, matches: bool) -> None:
    found = [m for m in lexicon.matches(tokens_of([word]))
             if m.first("state", "adj") is not None]
    assert bool(found) is matches


@given(st.lists(st.sampled_from(["Iran", "and", "the", "Russian", "president", "Moscow",
                                 "-", "Israeli", "Kremlin", "chief", "x"]), max_size=12))
def test_matches_are_ordered_and_disjoint(lexicon: Lexicon, words: list[str]) -> None:
    matches = list(lexicon.matches(tokens_of(words)))
    for first, second in pairwise(matches):
        assert first.end <= second.start
    assert all(0 <= m.start < m.end <= len(words) for m in matches)


@pytest.mark.parametrize(("name", "aliases", "expected"), [
    ("Vladimir Putin", [], {"Putin"}),
    ("Bashar al-Assad", [], {"Assad"}),
    ("George W. Bush Jr.", ["Dubya"], {"Bush", "Dubya"}),
    ("Suharto", [], {"Suharto"}),
])
def test_surnames(name: str, aliases: list[str], expected: set[str]) -> None:
    vocabulary = KnowledgeBase.load(Config()).vocabulary
    assert surnames(name, aliases, vocabulary) == expected
