"""Country words that do not name a state's government (issue #11, families 1 and 2).

- A country word inside a firm's name ("British Airways", "Texaco Canada Inc") or before a
  business noun ("Japanese chipmakers", "a U.S. oil company") names that country's business:
  CAMEO's BUS role, the country kept, never the state.
- A city or capital before a label noun ("the Tokyo summit", "the Helsinki accords", "the
  Paris club") and a state's name before a few ("the Uruguay round") name a venue or a
  label: no actor at all; so do "Geneva-based", "London-listed".

The word lists are ``grammar`` entries of ``data/actors/roles.yaml``.
"""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.actors.compose import Draft
from realpolitik.actors.lexicon import Entry, Match
from realpolitik.actors.records import Vocabulary
from realpolitik.model import ParsedDoc

BUSINESS = "BUS"
_BUSINESS_ENTRY = Entry("role", BUSINESS, BUSINESS)
#: country words that may be a place's name
_PLACE_KINDS = frozenset({"capital", "state"})


def business_matches(doc: ParsedDoc, lowers: Sequence[str], taken: set[int],
                     vocabulary: Vocabulary) -> list[Match]:
    """Nouns named for what a business makes ("chipmakers", "shipbuilders") as BUS roles."""
    suffixes = vocabulary.words("business_suffixes")
    exceptions = vocabulary.words("business_suffix_exceptions")
    out: list[Match] = []
    for i, low in enumerate(lowers):
        if i in taken or doc.tokens[i].pos != "NOUN" or low in exceptions:
            continue
        if any(low.endswith(s) and len(low) > len(s) + 2 for s in suffixes):
            out.append(Match(i, i + 1, (_BUSINESS_ENTRY,)))
    return out


def company_span(doc: ParsedDoc, draft: Draft, vocabulary: Vocabulary) -> tuple[int, int] | None:
    """The ORG entity around a bare country word when the entity names a firm."""
    markers = vocabulary.words("company_markers")
    for ent in doc.entities:
        if ent.label != "ORG" or not (ent.start <= draft.start and draft.end <= ent.end):
            continue
        if ent.end - ent.start <= draft.end - draft.start:
            return None
        words = {doc.tokens[i].lower for i in range(ent.start, ent.end)
                 if not draft.start <= i < draft.end}
        return (ent.start, ent.end) if words & markers else None
    return None


def is_place_label(doc: ParsedDoc, draft: Draft, head: int, vocabulary: Vocabulary) -> bool:
    """ "the Tokyo summit", "the Uruguay round": the country word only names the label."""
    entry = draft.country
    if entry is None or entry.kind not in _PLACE_KINDS:
        return False
    tok = doc.tokens[head]
    if tok.dep != "compound" or tok.head <= head:
        return False
    # the noun the place names, past other compound nouns ("the Uruguay round trade talks")
    noun = tok.head
    labels = vocabulary.words("place_labels") if entry.kind == "capital" \
        else vocabulary.words("state_labels")
    words = {doc.tokens[noun].lower, doc.tokens[noun].lemma.lower()}
    return bool(words & labels)
