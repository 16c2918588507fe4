"""From dictionary matches to mention drafts: one noun phrase, one draft.

A draft gathers the pieces of a phrase that names an actor: a country word (name,
adjective, capital, seat of power, body), a possessive, role nouns, an office title, a
person's name, "former", "counterpart". ``build_drafts`` reads them left to right; the
resolver then turns each draft into an actor on the document's date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from realpolitik.actors.lexicon import Entry, Match, normalise
from realpolitik.actors.records import Vocabulary
from realpolitik.model import ParsedDoc, Token

#: entry kinds that point at a state, in the order a match's entries are preferred
COUNTRY_KINDS = ("state", "adj", "capital", "seat", "epithet", "body", "people")
_POSSESSIVE = frozenset({"'s", "'"})
_DETERMINERS = frozenset({"the"})
_POSSESSIVE_PRONOUNS = frozenset({"his", "her", "its", "their"})
#: words that may sit between a country word and its office ("Iran's powerful army")
_SKIPPABLE_POS = frozenset({"ADJ", "ADV"})
_MAX_SKIPPED = 2
#: the CAMEO role of companies and other businesses
_BUSINESS = "BUS"


@dataclass(slots=True)
class Draft:
    """The pieces of one mention, before it is resolved to an actor."""

    start: int
    end: int
    #: the first match's entry that names the country (state, adj, capital, seat, ...)
    country: Entry | None = None
    roles: list[Entry] = field(default_factory=list)
    title: Entry | None = None
    person: list[Entry] = field(default_factory=list)
    org: Entry | None = None
    former: bool = False
    #: "then Russian Prime Minister": an office at an earlier time than the document date
    past: bool = False
    counterpart: bool = False
    possessive_pronoun: int | None = None
    #: "the US-led coalition"
    led: bool = False
    #: name tokens not in the knowledge base (spaCy PERSON) following a title
    unknown_name: bool = False
    #: first token of the state after "of"/"from" that owns the office ("ministers of Iran")
    owner: int | None = None

    @property
    def bare(self) -> bool:
        """Only a country word: a state, demonym or metonym on its own."""
        return not (self.roles or self.title or self.person or self.org or self.counterpart)


def lowered(doc: ParsedDoc) -> list[str]:
    return [normalise(t.text) for t in doc.tokens]


def build_drafts(doc: ParsedDoc, matches: Sequence[Match], lowers: Sequence[str],
                 vocabulary: Vocabulary) -> list[Draft]:
    """Group consecutive matches into drafts, left to right, without overlaps."""
    tokens = doc.tokens
    by_start = {m.start: m for m in matches}
    person_tokens = _entity_tokens(doc, "PERSON")
    drafts: list[Draft] = []
    covered_until = 0
    for match in matches:
        if match.start < covered_until:
            continue
        draft = _read_phrase(doc, match, by_start, lowers, person_tokens,
                             vocabulary.words("led"), vocabulary.words("backing"))
        if draft is None:
            continue
        _extend_left(draft, tokens, lowers, vocabulary.words("past_markers"))
        drafts.append(draft)
        covered_until = draft.end
    _share_owned_offices(doc, drafts)
    return drafts


def _share_owned_offices(doc: ParsedDoc, drafts: list[Draft]) -> None:
    """ "the foreign ministers of Iran and Iraq": each state conjoined to the owner holds
    the same office or body, so its bare mention takes the owner's roles and title."""
    tokens = doc.tokens
    for draft in drafts:
        if draft.owner is None:
            continue
        closure = {draft.owner}
        sent = tokens[draft.owner].sent
        for k in range(draft.owner + 1, len(tokens)):
            if tokens[k].sent != sent:
                break
            if tokens[k].dep == "conj" and tokens[k].head in closure:
                closure.add(k)
        for other in drafts:
            if other.start >= draft.end and other.bare and other.country is not None \
                    and other.country.kind in ("state", "capital") \
                    and any(other.start <= k < other.end for k in closure):
                other.roles = list(draft.roles)
                other.title = draft.title


def span_head(doc: ParsedDoc, start: int, end: int) -> int:
    """The span token whose syntactic head lies outside the span (the last such noun)."""
    outside = [i for i in range(start, end)
               if not start <= doc.tokens[i].head < end or doc.tokens[i].head == i]
    if not outside:
        return end - 1
    nouns = [i for i in outside if doc.tokens[i].pos in ("NOUN", "PROPN", "PRON")]
    return (nouns or outside)[-1]


def _entity_tokens(doc: ParsedDoc, label: str) -> set[int]:
    out: set[int] = set()
    for ent in doc.entities:
        if ent.label == label:
            out.update(range(ent.start, ent.end))
    return out


def _read_phrase(doc: ParsedDoc, first: Match, by_start: dict[int, Match],
                 lowers: Sequence[str], person_tokens: set[int],
                 led: frozenset[str], backing: frozenset[str]) -> Draft | None:
    tokens = doc.tokens
    draft = Draft(first.start, first.end)
    match: Match | None = first
    pos = first.start
    # [former] [honorific]* [country ['s]] [skipped adjectives] [role|title|counterpart]+
    # [of COUNTRY] [person name]
    if match is not None and match.first("former"):
        draft.former = True
        pos = match.end
        match = by_start.get(pos)
    if match is not None and (entry := _country_entry(match)) is not None \
            and not match.first("person", "org", "group"):
        draft.country = entry
        pos = match.end
        draft.end = pos
        if _led_inside(lowers[pos - 1], led):
            # one token "U.S.-led"
            draft.led = True
            draft.end = _led_head(doc, pos - 2)
            return draft
        if _led_inside(lowers[pos - 1], backing) or _led_at(lowers, pos, backing):
            # "U.S.-backed Contra rebels", "Iran - backed gunmen": the state backs what
            # follows, which is not the state (but a "U.S.-flagged tanker" is American)
            return None
        if pos < len(tokens) and lowers[pos] in _POSSESSIVE:
            pos += 1
        elif _led_at(lowers, pos, led):
            draft.led = True
            draft.end = _led_head(doc, pos)
            return draft
        body = by_start.get(pos)
        if body is not None and (named := body.first("body", "seat")) is not None:
            # "Iran's Revolutionary Guards", "the Russian Duma": the body names the actor
            draft.country = named
            draft.end = body.end
            return draft
        match = _next_office(doc, pos, by_start, lowers)
        if match is None:
            return draft
        pos = match.start
    elif match is not None and match.first("org", "group") and not match.first("person"):
        draft.org = match.first("org", "group")
        pos = match.end
        draft.end = pos
        # "NATO's chief", "Hamas militants", "Houthi rebels": one mention of the organisation
        following = pos + 1 if pos < len(tokens) and lowers[pos] in _POSSESSIVE else pos
        nxt = by_start.get(following)
        if nxt is not None and nxt.first("title", "role") and not nxt.first("org", "group"):
            draft.end = nxt.end
        return draft
    if match is None:
        return draft if draft.country else None
    # offices and bodies, possibly several ("defence ministry spokesman")
    while match is not None and match.start == pos:
        if match.first("former") and not draft.roles and not draft.title:
            draft.former = True
        elif match.first("counterpart"):
            draft.counterpart = True
        elif (title := match.first("title")) is not None:
            draft.title = title
        elif (role := match.first("role")) is not None:
            if tokens[match.end - 1].pos == "ADJ":
                # "military" in "the military conflict" qualifies a noun; it names no body
                break
            draft.roles.append(role)
        elif match.first("honorific") and not draft.roles:
            pass
        else:
            break
        pos = match.end
        draft.end = pos
        match = by_start.get(pos)
    if not (draft.roles or draft.title or draft.counterpart):
        # honorific or "former" alone before a person's name
        if match is not None and match.start == pos and match.first("person", "surname"):
            draft.person = match.all("person", "surname")
            draft.end = match.end
            draft.start = first.start
        elif first.first("person", "surname"):
            draft.person = first.all("person", "surname")
            draft.end = first.end
        else:
            return draft if draft.country else None
        _possessed_office(draft, by_start, lowers)
        return draft
    # "the president of Iran", "officials from Iraq", "ministers of the United States"
    # (but in "withdrew its forces from Ukraine" the "from" is the verb's)
    if draft.country is None and pos + 1 < len(tokens) and (
            lowers[pos] == "of" or (lowers[pos] == "from"
                                    and draft.start <= tokens[pos].head < pos)):
        at = pos + 2 if lowers[pos + 1] in _DETERMINERS else pos + 1
        owner = by_start.get(at)
        if owner is not None and (entry := _country_entry(owner)) is not None \
                and owner.first("state", "capital", "seat"):
            draft.country = entry
            draft.owner = span_head(doc, owner.start, owner.end)
            pos = owner.end
            draft.end = pos
            match = by_start.get(pos)
    # a name right after the office: "French President Emmanuel Macron"
    if draft.title is not None or draft.counterpart:
        if match is not None and match.start == pos and match.first("person", "surname"):
            draft.person = match.all("person", "surname")
            draft.end = match.end
        elif pos in person_tokens and tokens[pos].pos == "PROPN":
            end = pos
            while end in person_tokens and tokens[end].sent == tokens[pos].sent:
                end += 1
            draft.unknown_name = True
            draft.end = end
    return draft


def _possessed_office(draft: Draft, by_start: dict[int, Match], lowers: Sequence[str]) -> None:
    """ "Erdogan's spokesman", "Netanyahu's office": a body of the person's state."""
    end = draft.end
    if end < len(lowers) and lowers[end] in _POSSESSIVE:
        office = by_start.get(end + 1)
        if office is not None and (role := office.first("role")) is not None \
                and not office.first("person", "org", "group"):
            draft.roles.append(role)
            draft.end = office.end


def _country_entry(match: Match) -> Entry | None:
    for kind in COUNTRY_KINDS:
        entry = match.first(kind)
        if entry is not None:
            return entry
    return None


def _led_at(lowers: Sequence[str], pos: int, led: frozenset[str]) -> bool:
    return pos + 1 < len(lowers) and lowers[pos] == "-" and lowers[pos + 1] in led


def _led_inside(lower: str, led: frozenset[str]) -> bool:
    head, _, tail = lower.rpartition("-")
    return bool(head) and tail in led


def _led_head(doc: ParsedDoc, pos: int) -> int:
    """End of "US-led coalition": through the noun the participle modifies (``pos`` is
    the hyphen; the participle follows it)."""
    participle = doc.tokens[min(pos + 1, len(doc.tokens) - 1)]
    if participle.head > participle.i and participle.head - participle.i <= 3:
        return participle.head + 1
    return pos + 2


def _next_office(doc: ParsedDoc, pos: int, by_start: dict[int, Match],
                 lowers: Sequence[str]) -> Match | None:
    """The office match after a country word, skipping a few plain adjectives."""
    tokens = doc.tokens
    skipped = 0
    noun_skipped = False
    while pos < len(tokens) and skipped <= _MAX_SKIPPED:
        match = by_start.get(pos)
        if match is not None:
            if noun_skipped:
                # "a U.S. oil company", "a Chilean copper mine": a noun in between is what
                # a business makes; before any other office it is a different phrase
                role = match.first("role")
                return match if role is not None and role.target == _BUSINESS else None
            if match.first("role", "title", "counterpart", "former"):
                return match
            return None
        tok = tokens[pos]
        # plain adjectives and participles used as such ("acting", "elected")
        skippable = tok.pos in _SKIPPABLE_POS or tok.tag in ("VBG", "VBN")
        if not skippable and tok.pos == "NOUN" and tok.dep == "compound" and tok.head > pos:
            skippable = noun_skipped = True
        if not skippable or tok.sent != tokens[max(pos - 1, 0)].sent:
            return None
        pos += 1
        skipped += 1
    return None


def _extend_left(draft: Draft, tokens: Sequence[Token], lowers: Sequence[str],
                 past_markers: frozenset[str]) -> None:
    """Take in "the", a possessive pronoun before "counterpart", "then" before an office."""
    start = draft.start
    if start > 0 and lowers[start - 1] in past_markers and (draft.title or draft.roles) \
            and not draft.person:
        draft.past = True
        start -= 1
    if draft.counterpart and start > 0 and lowers[start - 1] in _POSSESSIVE_PRONOUNS:
        draft.possessive_pronoun = start - 1
        start -= 1
    elif start > 0 and lowers[start - 1] in _DETERMINERS and not _bare_adjective(draft):
        start -= 1
    draft.start = start


def _bare_adjective(draft: Draft) -> bool:
    """A lone adjective ("the Russian weapons"): the article belongs to the noun."""
    return draft.bare and draft.country is not None and draft.country.kind == "adj"
