"""The compiled phrase dictionary: lower-cased token tuples to what they may name.

Every surface form in the knowledge base (state names, adjectives, capitals, seats, bodies,
organisations, persons, role nouns, titles) is tokenised once with spaCy's English tokenizer,
so it splits exactly like the documents ("Guinea-Bissau" -> Guinea, -, Bissau). Matching a
document is then a dictionary lookup per token and candidate length: no spaCy at match time.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from realpolitik.model import Token

if TYPE_CHECKING:
    from realpolitik.actors.kb import KnowledgeBase
    from realpolitik.actors.records import Vocabulary

#: how a phrase token must be written in the text: any case, Capitalised, or ACRONYM
ANY, CAPITAL, EXACT = 0, 1, 2
_PLAIN = re.compile(r"[^\W_]+( [^\W_]+)*")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})

def normalise(text: str) -> str:
    return text.lower().translate(_APOSTROPHES)


@dataclass(frozen=True, slots=True)
class Entry:
    """One thing a phrase may name.

    kind: state | adj | people | capital | seat | epithet | body | org | group | person |
    surname | role | title | former | counterpart | honorific
    """

    kind: str
    #: state code, person id, organisation id, body index, role code or title key
    target: str
    role: str | None = None
    generic: bool = False
    case: tuple[int, ...] = ()

    def accepts(self, tokens: Sequence[Token], start: int) -> bool:
        """Does the text's casing fit this phrase (capitalised names, exact acronyms)?"""
        for offset, rule in enumerate(self.case):
            if rule == ANY:
                continue
            text = tokens[start + offset].text
            if rule == CAPITAL and not (text[:1].isupper() or not text[:1].isalpha()):
                return False
            if rule == EXACT and not text.isupper():
                return False
        return True


@dataclass(frozen=True, slots=True)
class Match:
    """A longest dictionary match over tokens [start, end)."""

    start: int
    end: int
    entries: tuple[Entry, ...]

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, *kinds: str) -> Entry | None:
        for entry in self.entries:
            if entry.kind in kinds:
                return entry
        return None

    def all(self, *kinds: str) -> list[Entry]:
        return [e for e in self.entries if e.kind in kinds]


def _case_rules(words: Sequence[str]) -> tuple[int, ...]:
    rules = []
    for word in words:
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and all(c.isupper() for c in letters):
            rules.append(EXACT)
        elif letters and word[0].isupper():
            rules.append(CAPITAL)
        else:
            rules.append(ANY)
    return tuple(rules)


class Lexicon:
    """Phrase -> entries, with the longest phrase length per first token."""

    def __init__(self) -> None:
        self.phrases: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.max_len: dict[str, int] = {}

    @classmethod
    def build(cls, kb: KnowledgeBase, tokenizer: Any | None = None) -> Lexicon:
        lexicon = cls()
        surfaces = list(_surfaces(kb))
        unique = sorted({s for s, _, _ in surfaces})
        # words of letters and digits split on spaces exactly as spaCy splits them; only
        # surfaces with punctuation need the tokenizer (it is the slow part of the build)
        # (but not a word the tokenizer's special cases split: "Im" is "I" "m")
        splitter: Any = tokenizer if tokenizer is not None else _english_tokenizer()
        special = set(getattr(splitter, "rules", None) or ())
        tokenised = {text: text.split() for text in unique if _PLAIN.fullmatch(text)
                     and not any(w in special for w in text.split())}
        rest = [text for text in unique if text not in tokenised]
        if rest:
            tokenised.update({text: [t.text for t in doc] for text, doc
                              in zip(rest, splitter.pipe(rest), strict=True)})
        for surface, kind, extra in surfaces:
            words = tokenised[surface]
            if not words:
                continue
            target, role, generic = extra
            lexicon.add(tuple(normalise(w) for w in words),
                        Entry(kind, target, role, generic, _case_rules(words)))
        return lexicon

    def add(self, key: tuple[str, ...], entry: Entry) -> None:
        bucket = self.phrases[key]
        if entry not in bucket:
            bucket.append(entry)
        if len(key) > self.max_len.get(key[0], 0):
            self.max_len[key[0]] = len(key)

    def matches(self, tokens: Sequence[Token], lowers: Sequence[str] | None = None
                ) -> Iterator[Match]:
        """Leftmost-longest, non-overlapping matches whose casing fits."""
        lowered = lowers if lowers is not None else [normalise(t.text) for t in tokens]
        n = len(lowered)
        i = 0
        while i < n:
            longest = self.max_len.get(lowered[i], 0)
            found: Match | None = None
            for length in range(min(longest, n - i), 0, -1):
                bucket = self.phrases.get(tuple(lowered[i:i + length]))
                if not bucket:
                    continue
                # a phrase never crosses a sentence boundary
                if tokens[i].sent != tokens[i + length - 1].sent:
                    continue
                fitting = tuple(e for e in bucket if e.accepts(tokens, i))
                if fitting:
                    found = Match(i, i + length, fitting)
                    break
            if found is None:
                i += 1
                continue
            yield found
            i = found.end


def _english_tokenizer() -> Any:
    """spaCy's rule-based English tokenizer, the same rules the parsing model uses."""
    import spacy

    return spacy.blank("en").tokenizer


def _surfaces(kb: KnowledgeBase) -> Iterator[tuple[str, str, tuple[str, str | None, bool]]]:
    """(surface text, entry kind, (target, role, generic)) for everything nameable."""
    for state in kb.states.values():
        for name in (*state.names, state.name):
            yield name, "state", (state.code, None, False)
        for adj in state.adjectives:
            yield adj, "adj", (state.code, None, False)
        for people in _people_nouns(state.adjectives, state.people):
            yield people, "people", (state.code, None, False)
        for capital in state.capitals:
            yield capital, "capital", (state.code, "GOV", False)
        for seat, role in state.seats:
            yield seat, "seat", (state.code, role, False)
        for epithet, role in state.epithets:
            yield epithet, "epithet", (state.code, role, False)
    for index, body in enumerate(kb.bodies):
        for name in body.names:
            yield name, "body", (str(index), body.role, False)
    for org in kb.orgs.values():
        for name in (*org.names, org.name):
            yield name, org.kind if org.kind == "group" else "org", (org.id, None, False)
    yield from _person_surfaces(kb)
    vocab = kb.vocabulary
    for role, words in vocab.roles.items():
        for word in words:
            yield word, "role", (role, role, False)
    for role, words in vocab.generic_roles.items():
        for word in words:
            yield word, "role", (role, role, True)
    for title in vocab.titles.values():
        for word in title.words:
            yield word, "title", (title.key, title.role, False)
    for word in vocab.former:
        yield word, "former", ("former", None, False)
    for word in vocab.counterpart:
        yield word, "counterpart", ("counterpart", None, False)
    for word in vocab.honorifics:
        yield word, "honorific", ("honorific", None, False)


def _people_nouns(adjectives: Sequence[str], people: Sequence[str]) -> list[str]:
    """Plural people-nouns: listed ones, else adjectives in -an/-i plus s (Iranians)."""
    if people:
        return list(people)
    return [a + "s" for a in adjectives if a.endswith(("an", "i")) and " " not in a]


def _person_surfaces(kb: KnowledgeBase) -> Iterator[tuple[str, str, tuple[str, str | None,
                                                                          bool]]]:
    for person in kb.persons.values():
        names = {person.name, *person.aliases}
        names |= {plain for n in names if (plain := without_initials(n)) != n}
        for name in names:
            if " " in name.strip() or "-" in name:
                yield name, "person", (person.id, None, False)
        # only office holders may be named by surname alone ("Merkel"); the many PETRARCH2
        # persons without an office title need their full name
        if not (person.prominent or any(t.title for t in kb.tenures_of(person.id))):
            continue
        for surname in surnames(person.name, person.aliases, kb.vocabulary):
            yield surname, "surname", (person.id, None, False)


def without_initials(name: str) -> str:
    """"Clayton K. Yeutter" as the news names him, "Clayton Yeutter": middle initials
    dropped (never a first or last word)."""
    words = name.split()
    if len(words) < 3:
        return name
    middle = [w for w in words[1:-1] if not _INITIAL.fullmatch(w)]
    return " ".join([words[0], *middle, words[-1]])


_INITIAL = re.compile(r"[A-Z]\.")


def surnames(name: str, aliases: Sequence[str], vocabulary: Vocabulary) -> set[str]:
    """Forms a person may be called by alone: last name, its particle-free part, and
    one-word aliases."""
    out: set[str] = set()
    suffixes = vocabulary.words("name_suffixes")
    all_words = name.replace(",", " ").split()
    words = [w for w in all_words if w.lower() not in suffixes]
    if len(words) == 1 and len(all_words) == 1:
        # a one-word name (Suharto); never the given name of a regnal name (Charles III)
        out.add(words[0])
    if len(words) >= 3 and words[-2].lower() in vocabulary.words("surname_joiners"):
        # "Harold St. John", "Charles de Gaulle": the particle belongs to the surname
        out.add(f"{words[-2]} {words[-1]}")
    elif len(words) >= 2:
        last = words[-1]
        out.add(last)
        head, _, tail = last.partition("-")
        if tail and head.lower() in vocabulary.words("name_particles"):
            out.add(tail)
    out.update(a for a in aliases if " " not in a.strip() and a.strip())
    return {s for s in out if len(s) > 2 and (s[0].isupper() or " " in s)}
