"""What the coder's modules share: the trigger record, preposition sets and small helpers."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from realpolitik.model import Mention, Modality

#: prepositions that introduce a target when a pattern names none
FALLBACK_TARGET_PREPS = ("against", "on", "to", "with", "toward", "towards", "at", "into",
                         "upon", "over", "from", "between")

#: prepositions of an object noun that name the other party: "calls from the UN"
OBJECT_TARGET_PREPS = (*FALLBACK_TARGET_PREPS, "between", "from", "for")

#: prepositions that give an event's purpose or setting rather than a second event
SETTING_PREPS = ("for", "during", "out", "amid", "at")

#: places as a last resort: "massed troops near Ukraine's borders", "an attack in Gaza"
LOCATIVE_PREPS = ("in", "near", "inside", "across", "along", "outside", "around", "within")

SUBJECT_DEPS = {"nsubj", "csubj"}

LEFT_MODIFIER_DEPS = {"amod", "compound", "poss", "nmod", "npadvmod"}

YEAR = re.compile(r"(?:19|20)\d\d")

QUOTES = frozenset({'"', "\u201c", "\u201d", "``", "''"})

FIRST_PERSON = frozenset({"we", "i", "us", "me"})

RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})

#: words that open an indirect question: "asked whether", "asked which countries"
QUESTION_WORDS = frozenset({"if", "whether", "why", "what", "which", "who", "how", "when",
                            "where"})

_SCALE_WORDS = {"hundreds": 100, "thousands": 1000, "thousand": 1000, "millions": 1000000,
                "million": 1000000, "hundred": 100, "dozens": 12, "tens": 10}



@dataclass(frozen=True, slots=True)
class Trigger:
    """A matched verb or noun with its code and how sure the pattern is."""

    token: int
    code: str
    confidence: float
    sources: tuple[Mention | None, ...]
    targets: tuple[Mention | None, ...]
    #: the pattern fixed the code by an object or complement: families do not re-code it
    specific: bool = False
    #: complement verbs the pattern's code already covers ("declined to comment" is 011)
    complement: frozenset[str] = frozenset()
    #: modality fixed by the construction rather than read from the clause
    modality: Modality | None = None



def count_of(word: str) -> int:
    """'800,000' → 800000, 'thousands' → 1000; 0 for a word that counts nothing."""
    digits = word.replace(",", "")
    if digits.isdigit():
        return int(digits)
    return _SCALE_WORDS.get(word, 0)



def unique(items: Iterable[Mention]) -> list[Mention]:
    out: list[Mention] = []
    for m in items:
        if m not in out:
            out.append(m)
    return out



def or_none(items: Iterable[Mention]) -> tuple[Mention | None, ...]:
    found = tuple(items)
    return found if found else (None,)

def sides(mentions: Iterable[Mention | None]) -> set[str]:
    """The sides the resolved mentions act for (``Actor.side``), a leader and his state
    counting as one."""
    return {m.actor.side for m in mentions if m is not None and m.actor is not None}


def same_actors(a: tuple[Mention | None, ...], b: tuple[Mention | None, ...]) -> bool:
    """Both sides name the same actors, a leader and his state counting as one:
    "Macron announced that France will recognise ..." is France's act."""
    return bool(sides(a)) and sides(a) == sides(b)
