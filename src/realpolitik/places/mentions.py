"""Finding place mentions in a parse: spaCy's GPE/LOC/FAC entities, place phrases such as
"the Syrian border" or "Homs province", names spaCy left untagged, and the dateline."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from realpolitik.model import ParsedDoc, Token
from realpolitik.nlp import DOTTED_INITIALS
from realpolitik.places.gazetteer import Gazetteer, fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: entities whose words are never a place of their own ("the Bank of Japan" is no Japan)
_OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP", "WORK_OF_ART", "LAW", "EVENT", "PRODUCT"})
#: entities whose words are never a place at all, not even after "in": "rose in March"
#: (March is a town in England)
_TIME_LABELS = frozenset({"DATE", "TIME"})
_DROP_FIRST = frozenset({"the"})
_DROP_LAST = frozenset({"'s", "'", "\u2019s", "\u2019"})
#: words the small model's entity spans run on into ("the Gulf on Monday" gives "the Gulf
#: on"): a name never ends in a preposition, conjunction, article or punctuation
_NOT_NAME_END = frozenset({"ADP", "CCONJ", "SCONJ", "DET", "PUNCT", "PART", "AUX"})
#: "WASHINGTON, March 3 -", "BEIRUT (Reuters) -": capitals, optional date and agency, a dash
DATELINE = re.compile(
    r"\A\s*(?:date \d{4}-\d{2}-\d{2}\s+)?([A-Z][A-Z.'\- ]{1,40}?[A-Z.])"
    r"(?:,\s*[A-Z][A-Za-z.]*\s*[A-Za-z.]*)?(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"\s*(?:\([A-Za-z ]+\)\s*)?[-\u2013\u2014]{1,2}\s")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A stretch of text that may name a place, before resolution."""

    sentence: int
    start: int
    end: int
    start_char: int
    end_char: int
    #: the name to look up (without article, possessive or admin word)
    name: str
    #: "name" | "admin" (a division named after a city) | "border" (a country's border) |
    #: "state_tag" (a US legislator's party tag, "R-NY")
    kind: str = "name"
    #: the text after a comma that qualifies it ("Paris, Texas"), if any
    qualifier: str | None = None
    #: True for an entity spaCy tagged; False for an untagged name found in the gazetteer
    tagged: bool = True


def _trim(tokens: list[Token], start: int, end: int) -> tuple[int, int]:
    while start < end and tokens[start].lower in _DROP_FIRST:
        start += 1
    # (a period is kept: split from an abbreviation, "Tex" ".", it is part of the name the
    # AP-style state lookup reads)
    while end > start and (tokens[end - 1].lower in _DROP_LAST
                           or (tokens[end - 1].pos in _NOT_NAME_END
                               and tokens[end - 1].text != ".")):
        end -= 1
    return start, end


def _span(tokens: list[Token], start: int, end: int, name: str, kind: str = "name",
          qualifier: str | None = None, tagged: bool = True) -> Candidate:
    """The candidate of tokens [start, end), looked up as ``name``."""
    return Candidate(tokens[start].sent, start, end, tokens[start].idx,
                     tokens[end - 1].idx + len(tokens[end - 1].text), name, kind, qualifier,
                     tagged)


def _leading_place(parsed: ParsedDoc, start: int, end: int,
                   accepts: Callable[[int, str], bool]) -> Candidate | None:
    """The longest leading words of tokens [start, end), short of all of them, that
    ``accepts`` (given where they end and their text) takes for a place."""
    for cut in range(end - 1, start, -1):
        name = parsed.text_of(start, cut)
        if accepts(cut, name):
            return _span(parsed.tokens, start, cut, name)
    return None


def find_candidates(parsed: ParsedDoc, gaz: Gazetteer, demonyms: dict[str, str],
                    body_words: frozenset[str] = frozenset()) -> list[Candidate]:
    """Every place candidate of the document, in text order. ``body_words`` are the nouns
    of a state's bodies ("government", "legislators"): an organisation entity that is a
    country's name before them names the country ("The U.K. Government", "U.S.
    Legislators")."""
    tokens = parsed.tokens
    out: list[Candidate] = []
    covered = [False] * len(tokens)
    for ent in parsed.entities:
        if ent.label == "ORG" and body_words:
            prefix = _country_prefix(parsed, ent.start, ent.end, gaz, body_words) \
                or _abbreviated_country(parsed, ent.start, ent.end, gaz)
            if prefix is not None:
                out.append(prefix)
        elif ent.label in ("NORP", "EVENT"):
            inner = _place_in_name(parsed, ent.start, ent.end, gaz, ent.label, demonyms)
            if inner is not None:
                out.append(inner)
        if ent.label == "ORG" and fold(parsed.text_of(*_trim(tokens, ent.start, ent.end))) \
                in gaz.landmarks:
            # "the White House said": a landmark tagged as the organisation it houses
            ent = replace(ent, label="FAC")
        if ent.label in _TIME_LABELS:
            for i in range(ent.start, ent.end):
                covered[i] = True
        if ent.label in _OTHER_LABELS:
            for i in range(ent.start, ent.end):
                covered[i] = True
            # spaCy's small model tags some towns as organisations or persons: "near Erbil",
            # "Sao Paulo, Rio de Janeiro and Minas Gerais" (a place's conjunct)
            if ent.label != "NORP" and (after_locative(tokens, ent.start, _NEAR_WORDS)
                                        or _conjoined_with_place(tokens, ent.start, ent.end)) \
                    and gaz.lookup(parsed.text_of(ent.start, ent.end)):
                cand = _entity_candidate(parsed, ent.start, ent.end, gaz, demonyms)
                if cand is not None:
                    out.append(replace(cand, tagged=False))
            elif ent.label != "NORP" and (tail := _feature_tail(parsed, gaz, ent.start,
                                                                 ent.end)) is not None:
                out.append(replace(tail, tagged=False))
        if ent.label not in PLACE_LABELS:
            continue
        end = _particle_tail(parsed, gaz, ent.start, ent.end)
        for i in range(ent.start, end):
            covered[i] = True
        cand = _entity_candidate(parsed, ent.start, end, gaz, demonyms)
        if cand is not None:
            out.append(cand)
    out.extend(_untagged(parsed, gaz, covered, demonyms))
    out.extend(_party_tags(parsed, gaz))
    borders = _borders(parsed, demonyms)
    out = [c for c in out if not any(b.start <= c.start < b.end for b in borders)] + borders
    out = _division_lists(parsed, gaz, out)
    return sorted(out, key=lambda c: c.start)


#: plural admin words that close a list of divisions ("the Agdam, Kalbajar and Lachin
#: districts"); not "states", which as often closes "the Gulf states" or "member states"
_PLURAL_ADMIN = {"provinces": "province", "governorates": "governorate",
                 "regions": "region", "prefectures": "prefecture", "oblasts": "oblast",
                 "districts": "district", "counties": "county"}


def _conjoined_with_place(tokens: list[Token], start: int, end: int) -> bool:
    """Whether tokens [start, end) are a conjunct of a place entity ("Rio de Janeiro and
    Minas Gerais", "Misamis Occidental and Bohol"): names joined by "and" or a comma are
    of one kind, so a name the parser took for a person or organisation there is a place
    when the gazetteer knows it."""
    def in_place(i: int) -> bool:
        return not start <= i < end and tokens[i].ent_type in PLACE_LABELS

    for k in range(start, end):
        tok = tokens[k]
        if tok.dep == "conj" and in_place(tok.head):
            return True  # a later conjunct: its head is the place before it
    # the first conjunct: a place after it hangs on it as "conj"
    return any(t.dep == "conj" and start <= t.head < end and in_place(t.i)
               for t in tokens[start:min(end + 8, len(tokens))])


def _country_prefix(parsed: ParsedDoc, start: int, end: int, gaz: Gazetteer,
                    body_words: frozenset[str]) -> Candidate | None:
    """The country or first-level division named by the first words of an organisation
    entity when the rest names one of its state's bodies ("The U.K. Government"), by the
    whole entity when a body's noun follows it ("The NSW government"), or by the words
    after "of" a body's noun ("the Supreme Council of the United Arab Emirates"), or before
    an office whose head noun is a state's ("the U.S. Agriculture Department"); never a
    name inside an organisation's own name ("Bank of Korea", "Amoco Canada"), whose rest
    is no body noun."""
    tokens = parsed.tokens
    start, end = _trim(tokens, start, end)

    def is_state(name: str) -> bool:
        return any(e.place.feature in ("country", "adm1") for e in gaz.lookup(name))

    if start < end < len(tokens) and tokens[end].lower in body_words \
            and is_state(parsed.text_of(start, end)):
        return _span(tokens, start, end, parsed.text_of(start, end))
    # "the Supreme Council of the United Arab Emirates", "the Government of India": a
    # body of the state named after "of" (but "Bank of Korea" is a bank's own name)
    for k in range(start + 1, end - 1):
        if tokens[k].lower == "of" and (tokens[k - 1].lower in body_words
                                        or tokens[k - 1].lower in _COUNCIL_WORDS):
            first = k + 2 if tokens[k + 1].lower == "the" else k + 1
            if first < end and is_state(parsed.text_of(first, end)):
                return _span(tokens, first, end, parsed.text_of(first, end))
    return _leading_place(parsed, start, end, lambda cut, name: is_state(name) and (
        " ".join(t.text.lower() for t in tokens[cut:end]) in body_words
        or _body_head(tokens[cut:end]) in _STATE_BODY_HEADS))


_DOTTED = re.compile(DOTTED_INITIALS)
_CURRENCY_WORDS = frozenset({"dollar", "dollars", "dlr", "dlrs", "cent", "cents", "pound",
                             "pounds"})


def _abbreviated_country(parsed: ParsedDoc, start: int, end: int, gaz: Gazetteer
                         ) -> Candidate | None:
    """A country in dotted initials that opens an organisation entity of two words ("U.S.
    Protectionism", "the U.S. Attack", "the U.S. Rose to"): wire copy capitalises the word
    after "U.S.", and the parser then takes the two for one organisation's name; the
    initials still name the country."""
    tokens = parsed.tokens
    start, end = _trim(tokens, start, end)
    if (end - start != 2 or not _DOTTED.fullmatch(tokens[start].text)
            or tokens[start + 1].lower in _CURRENCY_WORDS):
        # one capitalised word only: "the U.S. Council for International Business" is an
        # organisation's own name, "U.S. Dollars" a currency's
        return None
    name = tokens[start].text
    if not any(e.place.feature == "country" for e in gaz.lookup(name)):
        return None
    return _span(tokens, start, start + 1, name)


def _body_head(words: list[Token]) -> str:
    """The head noun of a body's name: the word before its "of" or "for" ("Department of
    Justice"), else its last word ("Agriculture Department")."""
    for i, t in enumerate(words):
        if t.lower in ("of", "for") and i > 0:
            return words[i - 1].lower
    return words[-1].lower if words else ""


def _place_in_name(parsed: ParsedDoc, start: int, end: int, gaz: Gazetteer,
                   label: str, demonyms: dict[str, str]) -> Candidate | None:
    """A sea the parser took for a people ("the Aegean" is the Aegean Sea) or the place an
    event is named after ("the Gulf war", "the Tokyo summit"): the region or place, as the
    gold convention has a place used as a label still name that place."""
    tokens = parsed.tokens
    start, end = _trim(tokens, start, end)
    if start >= end:
        return None
    if label == "NORP":
        # not a country's people: "Norwegian" or "Irish" is no Norwegian or Irish Sea
        if parsed.text_of(start, end) in demonyms:
            return None
        name = parsed.text_of(start, end) + " Sea"
        if not any(e.place.feature == "region" for e in gaz.lookup(name)):
            return None
        return _span(tokens, start, end, name)
    return _leading_place(parsed, start, end, lambda cut, name: (
        tokens[cut - 1].pos == "PROPN" and bool(gaz.lookup(name))))


def _division_lists(parsed: ParsedDoc, gaz: Gazetteer, found: list[Candidate]
                    ) -> list[Candidate]:
    """Names listed before a plural admin word are divisions: an entity among them becomes
    a division candidate when the gazetteer knows it as a city or division, and a name spaCy
    left untagged or took for a person is added (and kept only if it resolves)."""
    tokens = parsed.tokens
    by_span = {(c.start, c.end): n for n, c in enumerate(found)}
    out = list(found)
    for tok in tokens:
        if tok.lower not in _PLURAL_ADMIN or _PLURAL_ADMIN[tok.lower] not in gaz.admin_words:
            continue
        for start, end in _listed_names(tokens, tok.i):
            name = parsed.text_of(start, end)
            entries = gaz.lookup(name)
            if any(e.place.feature in ("country", "region") for e in entries):
                continue
            n = by_span.get((start, end))
            if n is not None:
                c = out[n]
                if c.kind == "name" and entries:
                    out[n] = replace(c, kind="admin")
                continue
            if any(c.start < end and start < c.end for c in out):
                continue
            out.append(_span(tokens, start, end, name, "admin", tagged=False))
    return out


def _proper_name(tok: Token) -> bool:
    """Whether a token can be a word of a place's name: a capitalised proper noun."""
    return tok.pos == "PROPN" and tok.text[:1].isupper()


#: lower-case words inside a place's name: "Davao del Sur", "Rio Grande do Sul"
_NAME_PARTICLES = frozenset({"de", "del", "do", "da", "dos", "das", "di", "la", "el"})


def _name_goes_on(tokens: list[Token], k: int) -> bool:
    """Whether token ``k`` is part of the name that starts after it, read backwards: a
    capitalised proper noun, or a particle with a capitalised word before it."""
    tok = tokens[k]
    if tok.lower in _NAME_PARTICLES and tok.text.islower():
        return k > 0 and _proper_name(tokens[k - 1])
    return _proper_name(tok)


#: nouns of a natural feature that follow its name: "the Faw peninsula", "the Khor
#: Abdullah channel", "Mindanao island"
_FEATURE_NOUNS = frozenset({"peninsula", "river", "island", "islands", "lake", "strait",
                            "straits", "waterway", "channel", "canal", "sea", "gulf", "bay"})


def _feature_tail(parsed: ParsedDoc, gaz: Gazetteer, start: int, end: int
                  ) -> Candidate | None:
    """A name the parser took for a person or organisation before a feature noun, that
    with the noun ("Iraq's Faw peninsula") or alone ("the Khor Abdullah channel") is a
    region the gazetteer knows: a person or a company is no peninsula or channel."""
    tokens = parsed.tokens
    start, end = _trim(tokens, start, end)
    if start >= end or end >= len(tokens) or tokens[end].lower not in _FEATURE_NOUNS:
        return None
    for stop in (end + 1, end):
        name = parsed.text_of(start, stop)
        if any(e.place.feature == "region" for e in gaz.lookup(name)):
            return _span(tokens, start, stop, name)
    return None


def _particle_tail(parsed: ParsedDoc, gaz: Gazetteer, start: int, end: int) -> int:
    """Where a place entity ends once the particle and words spaCy cut off are back
    ("Rio Grande" of "Rio Grande do Sul"): the longest such name the gazetteer knows."""
    tokens = parsed.tokens
    if end + 1 >= len(tokens) or tokens[end].text not in _NAME_PARTICLES:
        return end
    for stop in range(min(end + 4, len(tokens)), end + 1, -1):
        if all(_proper_name(t) for t in tokens[end + 1:stop]) \
                and gaz.lookup(parsed.text_of(start, stop)):
            return stop
    return end


def _listed_names(tokens: list[Token], admin: int) -> list[tuple[int, int]]:
    """The proper-name runs of "A, B and C" ending just before token ``admin``."""
    runs: list[tuple[int, int]] = []
    i = admin - 1
    sent = tokens[admin].sent
    while i >= 0 and tokens[i].sent == sent:
        if not _proper_name(tokens[i]):
            break
        end = i + 1
        while i - 1 >= 0 and end - i < 4 and _name_goes_on(tokens, i - 1):
            i -= 1
        if tokens[i].lower in _NAME_PARTICLES:
            i += 1  # cut off at the length limit: a name never starts with "del"
        runs.append((i, end))
        i -= 1
        # "A, B and C", "A, B, and C", "A and B": a comma or a conjunction joins the next
        if i >= 0 and tokens[i].lower in ("and", "or", "&"):
            i -= 1
            if i >= 0 and tokens[i].text == ",":
                i -= 1
        elif i >= 0 and tokens[i].text == ",":
            i -= 1
        else:
            break
    return runs


#: nouns that, after a country's adjective, name its ground: "near the Syrian border", "in
#: Kuwaiti waters", "over Turkish airspace" (the country, at country precision)
_TERRITORY_NOUNS = frozenset({"border", "frontier", "borders", "waters", "territory",
                              "airspace", "soil", "coast", "coastline", "territorial"})


def _borders(parsed: ParsedDoc, demonyms: dict[str, str]) -> list[Candidate]:
    """"near the Syrian border", "in Kuwaiti waters": the country, at country precision (a
    candidate spaCy already made of the adjective alone gives way to this one)."""
    tokens = parsed.tokens
    out: list[Candidate] = []
    for tok in tokens:
        if tok.lower not in _TERRITORY_NOUNS or tok.i == 0:
            continue
        adj = tokens[tok.i - 1]
        if adj.text in demonyms:
            out.append(Candidate(tok.sent, adj.i, tok.i + 1, adj.idx, tok.idx + len(tok.text),
                                 demonyms[adj.text], "border", None, True))
    return out


def after_locative(tokens: list[Token], i: int, words: frozenset[str]) -> bool:
    before = tokens[i - 1].lower if i > 0 else ""
    if before == "the" and i > 1:
        before = tokens[i - 2].lower
    if before == "of" and i > 1:
        return tokens[i - 2].lower in _SETTLEMENT_NOUNS
    return before in words


def _entity_candidate(parsed: ParsedDoc, start: int, end: int, gaz: Gazetteer,
                      demonyms: dict[str, str]) -> Candidate | None:
    tokens = parsed.tokens
    start, end = _trim(tokens, start, end)
    if start >= end:
        return None
    kind = "name"
    last = tokens[end - 1].lower
    nxt = tokens[end].lower if end < len(tokens) else ""
    if last in gaz.admin_words and end - start > 1:
        kind, end = "admin", end - 1
    elif (nxt in gaz.admin_words and tokens[end].sent == tokens[start].sent) or _governed(
            tokens, start, end) or _state_member(parsed, gaz, start, end):
        kind = "admin"
    if last == "border" and end - start > 1:
        words = parsed.text_of(start, end - 1)
        if words in demonyms or gaz.lookup(words):
            kind, end = "border", end - 1
    name = parsed.text_of(start, end)
    if name in demonyms and (kind == "border" or not gaz.lookup(name)):
        # "the Kuwaiti news agency" tagged as a place: the adjective names its country
        name = demonyms[name]
    return _span(tokens, start, end, name, kind, _qualifier(parsed, end))


#: a state's politicians in US copy: "a New York Democrat", "the Texas delegation"
_STATE_MEMBERS = frozenset({"democrat", "democrats", "republican", "republicans",
                            "congressman", "congresswoman", "delegation", "legislature",
                            "lawmakers", "legislators"})


def _state_member(parsed: ParsedDoc, gaz: Gazetteer, start: int, end: int) -> bool:
    """Whether the name, a division's, is followed by a noun of its politicians ("Schumer,
    a New York Democrat"): the state they stand for, not its city."""
    tokens = parsed.tokens
    return end < len(tokens) and tokens[end].lower in _STATE_MEMBERS and any(
        e.place.feature == "adm1" for e in gaz.lookup(parsed.text_of(start, end)))


#: nouns whose "of" names a division, not its seat: "the governors of Sao Paulo, Rio de
#: Janeiro and Minas Gerais" are the states'
_DIVISION_HEADS = frozenset({"governor", "governors", "governorship", "state", "province"})


def _governed(tokens: list[Token], start: int, end: int) -> bool:
    """Whether the name is (one of the conjoined names) after "governor of"."""
    i = next((k for k in range(start, end) if not start <= tokens[k].head < end), end - 1)
    while tokens[i].dep == "conj" and tokens[i].head != i:
        i = tokens[i].head
    prep = tokens[tokens[i].head]
    return (tokens[i].dep == "pobj" and prep.lower == "of"
            and tokens[prep.head].lower in _DIVISION_HEADS)


def _qualifier(parsed: ParsedDoc, end: int) -> str | None:
    """The state or country after a comma: "Paris, Texas", "Paris, Tex.", "Athens, Ga."."""
    tokens = parsed.tokens
    if end + 1 >= len(tokens) or tokens[end].text != ",":
        return None
    j = end + 1
    words: list[str] = []
    while j < len(tokens) and len(words) < 3 and tokens[j].pos == "PROPN" \
            and tokens[j].sent == tokens[end].sent:
        words.append(tokens[j].text)
        j += 1
    return parsed.text_of(end + 1, j) if words else None


def _untagged(parsed: ParsedDoc, gaz: Gazetteer, covered: list[bool],
              demonyms: dict[str, str]) -> list[Candidate]:
    """Capitalised names spaCy did not tag that the gazetteer knows as a country, a region
    or a landmark, or (after a locative preposition) a city: "near Erbil", "the Negev",
    "on Wall Street"."""
    tokens = parsed.tokens
    out: list[Candidate] = []
    i = 0
    while i < len(tokens):
        if covered[i] or not _proper_name(tokens[i]):
            i += 1
            continue
        j = i
        while j < len(tokens) and j - i < 3 and not covered[j] and tokens[j].pos == "PROPN" \
                and tokens[j].sent == tokens[i].sent:
            j += 1
        found = _longest_known(parsed, gaz, i, j)
        if found is not None:
            s, e = found
            out.append(_span(tokens, s, e, parsed.text_of(s, e), "name", _qualifier(parsed, e),
                             tagged=False))
        i = max(j, i + 1)
    return out


#: the party letters of a US legislator's tag ("Sen. Patrick Leahy, D-Vt.")
_PARTY_LETTERS = frozenset({"R", "D", "I"})


def _party_tags(parsed: ParsedDoc, gaz: Gazetteer) -> list[Candidate]:
    """The state of each party tag after a legislator's name, "(R-NY)" or ", D-Vt.": the
    parser tags none of them, and their postal codes ("NY", "IN", "ME") are only a state
    inside such a tag."""
    tokens = parsed.tokens
    out: list[Candidate] = []
    for i in range(1, len(tokens) - 2):
        letter, dash, state = tokens[i], tokens[i + 1], tokens[i + 2]
        if letter.text not in _PARTY_LETTERS or dash.text != "-" or letter.whitespace \
                or dash.whitespace or tokens[i - 1].text not in ("(", ","):
            continue
        end = i + 3
        name = state.text
        if not state.whitespace and end < len(tokens) and tokens[end].text == "." \
                and not name.endswith("."):
            name, end = name + ".", end + 1
        if gaz.party_tag_state(name) is not None:
            out.append(replace(_span(tokens, i + 2, end, name, tagged=False),
                               kind="state_tag"))
    return out


#: head nouns of a state's offices named after the state ("the U.S. Agriculture Department",
#: "the U.S. Food and Drug Administration"); not leagues, associations or councils, which a
#: country's name as often begins as a private body's ("the U.S. Council for International
#: Business")
_STATE_BODY_HEADS = frozenset({"department", "ministry", "administration", "agency", "bureau",
                               "office", "court", "commission", "treasury", "embassy",
                               "senate", "congress"})
#: the bodies of a state the body words of the actor roles leave out ("the Supreme Council
#: of the United Arab Emirates")
_COUNCIL_WORDS = frozenset({"council", "assembly"})
#: the least population of a city an accord or a meeting is named after, when it is no
#: capital ("the Venice summit"; "the Plaza accord" is no town of Plaza)
_NAMESAKE_CITY = 100_000
#: accords and meetings named after the city they were made or held in
_NAMED_AFTER_CITY = frozenset({"accord", "agreement", "summit", "conference", "declaration",
                               "treaty", "pact", "communique", "protocol", "convention"})
_LOCATIVE_BEFORE = frozenset({"in", "near", "at", "outside", "around", "from", "to", "into",
                              "of", "off"})
_NEAR_WORDS = frozenset({"in", "near", "at", "outside", "around", "off", "into", "over"})
#: words before a small town's name that say it is a place (the resolver's town fallback)
TOWN_WORDS = frozenset({"in", "near", "at", "outside", "around", "off"})
#: "the town of Shusha": "of" after these nouns introduces a place
_SETTLEMENT_NOUNS = frozenset({"town", "city", "village", "port", "province", "region",
                               "district", "capital"})


def _longest_known(parsed: ParsedDoc, gaz: Gazetteer, i: int, j: int
                   ) -> tuple[int, int] | None:
    tokens = parsed.tokens
    for end in range(j, i, -1):
        entries = gaz.lookup(parsed.text_of(i, end))
        if not entries:
            continue
        if any(e.place.feature in ("country", "region") for e in entries):
            return i, end
        if after_locative(tokens, i, _LOCATIVE_BEFORE):
            return i, end
        if end < len(tokens) and tokens[end].lemma.lower() in _NAMED_AFTER_CITY and any(
                e.place.feature == "city" and (e.capital or e.population >= _NAMESAKE_CITY)
                for e in entries):
            # "the 1976 Berne accord", "the Venice summit": an accord or a meeting named
            # after the city it was made in (the gold's convention) is that city
            return i, end
        if fold(parsed.text_of(i, end)) in gaz.landmarks and not (
                end < len(tokens) and tokens[end].pos == "NOUN"):
            # a landmark is its city after any word ("shares fell on Wall Street"), but not
            # modifying a noun ("Wall Street firms", "a Wall Street house"): a trade's name
            return i, end
    return None
