"""Stage 3: recognise actor mentions in a parsed document and resolve them on its date.

Pipeline per document: dictionary matches (``lexicon``) -> phrase drafts (``compose``) ->
actors on the document date (this module) -> coreference of pronouns, bare titles, bodies
and counterparts within each paragraph (``coref``) -> unknown persons kept with no actor.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from realpolitik.actors.cameo import cameo_country
from realpolitik.actors.compose import Draft, build_drafts, lowered, span_head
from realpolitik.actors.coref import Coreference
from realpolitik.actors.described import describe_persons
from realpolitik.actors.kb import KnowledgeBase
from realpolitik.actors.lexicon import Entry, Match, normalise
from realpolitik.actors.nonstate import BUSINESS, business_matches, company_span, is_place_label
from realpolitik.model import Actor, Mention, ParsedDoc

#: how far from a person's offices a bare surname may still name them
_SURNAME_BEHIND = timedelta(days=25 * 365)
_SURNAME_AHEAD = timedelta(days=5 * 365)
#: entity labels under which a country word names a place or a thing, not an actor
#: ("the Persian Gulf", "the South China Sea", "speaks Russian")
_PLACE_OR_THING = frozenset({"LOC", "FAC", "LANGUAGE", "PRODUCT"})
#: entity labels under which a capitalised word is not a person ("last May"); spaCy's
#: small model often calls a lone surname GPE or ORG, so those do not count against it
_NOT_PERSON = frozenset({"DATE", "TIME", "MONEY", "CARDINAL", "ORDINAL", "PERCENT",
                         "QUANTITY", "LANGUAGE"})


@dataclass(slots=True)
class Resolved:
    """A draft with its actor; ``kind`` is the Mention kind."""

    draft: Draft
    actor: Actor | None
    kind: str
    #: may be the antecedent of he/she ("the German chancellor", "Merkel")
    personal: bool = False
    #: may be the antecedent of they ("Iranian officials", "the Russians")
    plural: bool = False
    #: the office key when known ("president"), for "the president" and counterparts
    title: str | None = None
    #: a capital used as a place ("talks in Moscow"): never an antecedent
    place: bool = False


class ActorResolver:
    """Finds every actor mention in a document; cheap to build once the KB is loaded."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.lexicon = kb.lexicon

    def resolve_document(self, doc: ParsedDoc) -> list[Mention]:
        when = doc.document.date or date.today()
        lowers = lowered(doc)
        matches = self._filtered_matches(doc, lowers)
        drafts = build_drafts(doc, matches, lowers, self.kb.vocabulary)
        resolved = [r for r in (self._resolve(doc, d, when) for d in drafts) if r is not None]
        # persons spaCy sees but the knowledge base does not know take part in
        # coreference as unknowns: "him" or "his counterpart" after one is not pinned on
        # an earlier known person
        resolved = sorted([*resolved, *self._unknown_persons(doc, resolved)],
                          key=lambda r: r.draft.start)
        # "Brazilian Finance Minister Dilson Funaro": the description gives the office
        resolved = describe_persons(doc, resolved, self.kb)
        coref = Coreference(self.kb, doc, when)
        resolved = [r for r in coref.run(resolved) if self._keep(doc, r)]
        mentions = [self._mention(doc, r) for r in resolved]
        mentions += coref.pronouns(resolved)
        mentions.sort(key=lambda m: m.start)
        return _non_overlapping(mentions)

    @staticmethod
    def _keep(doc: ParsedDoc, item: Resolved) -> bool:
        """What stays unresolved is kept only as an unknown person: a name spaCy too reads
        as a person ("Labour leader Neil Kinnock"); an office or body nobody holds is
        dropped."""
        if item.actor is not None:
            return True
        return any(doc.tokens[i].ent_type == "PERSON"
                   for i in range(item.draft.start, item.draft.end))

    # ------------------------------------------------------------ matching

    def _filtered_matches(self, doc: ParsedDoc, lowers: list[str]) -> list[Match]:
        """Dictionary matches minus those a spaCy entity contradicts: "Chad" inside the
        person "Chad Smith", a surname that spaCy reads as a date ("last May")."""
        tokens = doc.tokens
        ent_label = [""] * len(tokens)
        ent_span = [(0, 0)] * len(tokens)
        for ent in doc.entities:
            for i in range(ent.start, ent.end):
                ent_label[i] = ent.label
                ent_span[i] = (ent.start, ent.end)
        regional = self.kb.vocabulary.words("regional_qualifiers")
        out: list[Match] = []
        for match in self.lexicon.matches(tokens, lowers):
            entries = list(match.entries)
            if match.start > 0 and lowers[match.start - 1] in regional:
                # "a Latin American tour", "South American ministers": a region's adjective
                entries = [e for e in entries if e.kind not in ("adj", "people")]
            label = ent_label[match.start]
            start, end = ent_span[match.start]
            inside_longer = (end - start) > (match.end - match.start) \
                and start <= match.start and match.end <= end
            kept = []
            for entry in entries:
                if entry.kind in ("state", "capital", "adj", "people") and inside_longer \
                        and (label in _PLACE_OR_THING or (
                            label == "PERSON" and not self._name_continues(match, entries))):
                    continue
                if entry.kind == "adj" and label == "LANGUAGE":
                    continue
                if entry.kind == "seat" and label == "ORG" and inside_longer and any(
                        tokens[i].pos == "PROPN" for i in range(start, end)
                        if not match.start <= i < match.end):
                    # "African National Congress", "Congress of South African Trade
                    # Unions": a seat's word inside another organisation's name
                    continue
                if entry.kind == "surname" and (
                        label in _NOT_PERSON
                        or tokens[match.start].pos not in ("PROPN", "NOUN")
                        # a surname ends a person's name: "John" in "John Smith" is not one
                        or (label == "PERSON" and match.end < end)
                        or not self._given_name_fits(doc, match.start, entry.target)):
                    continue
                kept.append(entry)
            if kept:
                out.append(Match(match.start, match.end, tuple(kept)))
        out.extend(self._hyphen_compounds(doc, lowers, out))
        covered = {i for m in out for i in range(m.start, m.end)}
        out.extend(business_matches(doc, lowers, covered, self.kb.vocabulary))
        out.sort(key=lambda m: m.start)
        return out

    def _given_name_fits(self, doc: ParsedDoc, start: int, person_id: str) -> bool:
        """A surname after a given name names the person only with their given name:
        "Richard Lyng" is not John Lyng, "Peter Price" not George Price (initials
        are passed over: "Mikhail S. Gorbachev")."""
        person = self.kb.persons.get(person_id)
        if person is None:
            return True
        k = start - 1
        while k >= 0 and _is_initial(doc.tokens[k].text):
            k -= 1
        if k < 0:
            return True
        given = doc.tokens[k]
        if given.pos != "PROPN" or given.ent_type != "PERSON" or not given.text[:1].isupper():
            return True
        names = {w.lower().strip(".") for n in (person.name, *person.aliases) for w in n.split()}
        return given.lower.strip(".") in names

    @staticmethod
    def _name_continues(match: Match, entries: Sequence[Entry]) -> bool:
        return any(e.kind in ("person", "surname") for e in entries)

    def _hyphen_compounds(self, doc: ParsedDoc, lowers: list[str],
                          matches: Sequence[Match]) -> list[Match]:
        """Single tokens like "U.S.-led" or "Iran-backed": match the part before the hyphen."""
        covered = {i for m in matches for i in range(m.start, m.end)}
        extra: list[Match] = []
        for i, low in enumerate(lowers):
            if i in covered or "-" not in low.strip("-"):
                continue
            head = low.rsplit("-", 1)[0]
            bucket = self.lexicon.phrases.get((head,))
            if not bucket:
                continue
            entries = tuple(e for e in bucket if e.kind in ("state", "adj")
                            and doc.tokens[i].text[:1].isupper())
            if entries:
                extra.append(Match(i, i + 1, entries))
        return extra

    # ------------------------------------------------------------ drafts to actors

    def _resolve(self, doc: ParsedDoc, draft: Draft, when: date) -> Resolved | None:
        kb = self.kb
        head_tok = doc.tokens[span_head(doc, draft.start, draft.end)]
        plural = head_tok.tag in ("NNS", "NNPS")
        if draft.person:
            actor = self._person(draft, when)
            if actor is not None and all(e.kind == "surname" for e in draft.person) \
                    and not self._surname_fits(doc, draft, when):
                actor = None
            if actor is not None and draft.former and actor.role != "ELI" and actor.country:
                actor = Actor(id=actor.id, code=f"{cameo_country(actor.country)}ELI",
                              name=actor.name,
                              country=actor.country, role="ELI", kind="person",
                              title=f"former_{actor.title}" if actor.title else "former",
                              source=actor.source)
            if draft.roles and actor is not None and actor.country:
                # "Erdogan's spokesman": the body speaks for the person's state
                role = _choose_role(draft.roles)
                return Resolved(draft, kb.state_actor(actor.country, role), "body",
                                personal=_all_generic(draft.roles))
            title = draft.title.target if draft.title else (actor.title if actor else None)
            kind = "counterpart" if draft.counterpart else "name"
            return Resolved(draft, actor, kind, personal=True, title=title)
        if draft.org is not None:
            org = kb.orgs.get(draft.org.target)
            actor = kb.org_actor(org, when) if org else None
            kind = "group" if org is not None and org.kind == "group" else "organisation"
            return Resolved(draft, actor, kind, plural=kind == "group")
        country = self._country_code(draft.country, when) if draft.country else None
        if draft.counterpart:
            # resolved by coreference, which knows whose counterpart this is
            return Resolved(draft, None, "counterpart", personal=True, plural=plural,
                            title=draft.title.target if draft.title else None)
        if draft.title is not None:
            return self._office(draft, country, when, plural)
        if draft.roles:
            role = _choose_role(draft.roles)
            if country is None:
                return Resolved(draft, None, "body", plural=plural)
            if draft.former:
                role = "ELI"
            elif role == BUSINESS and self._central_bank(doc, draft):
                role = "GOV"
            return Resolved(draft, kb.state_actor(country, role), "body", plural=plural,
                            personal=_all_generic(draft.roles) and not plural)
        if draft.country is None or country is None:
            return None
        if is_place_label(doc, draft, head_tok.i, kb.vocabulary):
            return None
        firm = company_span(doc, draft, kb.vocabulary)
        if firm is not None and draft.country.kind in ("state", "adj", "capital", "people"):
            # "British Airways", "Texaco Canada Inc": the firm, of that country
            draft.start, draft.end = min(draft.start, firm[0]), max(draft.end, firm[1])
            return Resolved(draft, kb.state_actor(country, BUSINESS), "organisation")
        return self._country_word(doc, draft, country, plural, when)

    def _central_bank(self, doc: ParsedDoc, draft: Draft) -> bool:
        """ "the Bank of Zambia", "the bank of Mexico": a bank of a state is its central
        bank, which CAMEO codes as the government (but "Korea Exchange Bank", "the Bank of
        Tokyo" and "Bank of America" are firms)."""
        if draft.country is None or draft.country.kind != "state":
            return False
        span = [doc.tokens[i] for i in range(draft.start, draft.end)]
        words = {t.lower for t in span}
        names = [t.lower for t in span if t.pos == "PROPN" and t.lower != "bank"]
        vocabulary = self.kb.vocabulary
        if not words & {"central", "reserve"} and " ".join(names) in vocabulary.words(
                "firm_bank_places"):
            return False
        return {"of", "bank"} <= words and words - set(names) <= vocabulary.words(
            "central_bank_words")

    def _country_code(self, entry: Entry, when: date) -> str | None:
        if entry.kind == "body":
            body = self.kb.bodies[int(entry.target)]
            return body.country
        state = self.kb.states.get(entry.target)
        return state.code_on(when) if state else entry.target

    def _person(self, draft: Draft, when: date) -> Actor | None:
        ids = {e.target for e in draft.person if e.kind == "person"}
        candidates = sorted(ids) if ids else sorted({e.target for e in draft.person})
        chosen = self._pick_person(candidates, when, draft) if len(candidates) > 1 \
            else candidates[0]
        if chosen is None:
            return None
        if draft.title is not None:
            # "Chinese President Xi Jinping": the office the text names, if held that day
            named = [t for t in self.kb.tenures_of(chosen)
                     if t.title == draft.title.target and t.active(when)]
            if named:
                return self.kb.tenure_actor(self.kb.persons[chosen], named[-1])
        return self.kb.person_actor(chosen, when)

    def _surname_fits(self, doc: ParsedDoc, draft: Draft, when: date) -> bool:
        """A surname alone ("Merkel") names a known person only if they hold an office on
        the date, or spaCy reads it as a person and their offices are near the date (a
        "Price" in a 1987 commodity story is not Belize's prime minister)."""
        ids = {e.target for e in draft.person}
        tenures = [t for p in ids for t in self.kb.tenures_of(p) if t.title]
        if any(t.active(when) for t in tenures):
            return True
        if not any(doc.tokens[i].ent_type == "PERSON" for i in range(draft.start, draft.end)):
            return False
        return any(
            (t.valid_from or date.min) <= when + _SURNAME_AHEAD
            and when - _SURNAME_BEHIND <= (t.valid_to or when)
            for t in tenures)

    def _pick_person(self, candidates: Sequence[str], when: date,
                     draft: Draft) -> str | None:
        """Several persons share a name: prefer the one in office on the date, then the one
        whose office fits the title or country given, then the latest to leave office."""
        kb = self.kb
        active = [p for p in candidates
                  if any(t.active(when) for t in kb.tenures_of(p))]
        pool = active or list(candidates)
        if draft.country is not None:
            code = self._country_code(draft.country, when)
            fitting = [p for p in pool if any(t.country == code for t in kb.tenures_of(p))]
            pool = fitting or pool
        if draft.title is not None:
            fitting = [p for p in pool
                       if any(t.title == draft.title.target for t in kb.tenures_of(p))]
            pool = fitting or pool
        if len(pool) == 1:
            return pool[0]
        if active:
            return None
        countries = {t.country for p in pool for t in kb.tenures_of(p)}
        if len(countries) != 1:
            return None

        def last_end(person_id: str) -> date:
            ends = [t.valid_to or when for t in kb.tenures_of(person_id)
                    if (t.valid_from or date.min) <= when]
            return max(ends, default=date.min)

        return max(pool, key=last_end)

    def _office(self, draft: Draft, country: str | None, when: date,
                plural: bool) -> Resolved:
        kb = self.kb
        assert draft.title is not None
        title, role = draft.title.target, draft.title.role or "GOV"
        if country is None:
            return Resolved(draft, None, "title", personal=not plural, plural=plural,
                            title=title)
        if draft.country is not None and draft.country.kind == "seat" \
                and draft.country.role not in (None, "GOV") and title == "leader":
            # "the Pentagon chief" heads the Pentagon, not the state
            return Resolved(draft, kb.state_actor(country, draft.country.role), "title",
                            personal=True, title=title)
        if draft.former:
            return Resolved(draft, kb.state_actor(country, "ELI"), "title", personal=True,
                            title=title)
        if draft.past or draft.unknown_name or plural:
            return Resolved(draft, kb.state_actor(country, role), "title",
                            personal=not plural, plural=plural, title=title)
        found = kb.holder(country, title, when)
        if found is not None:
            person, tenure = found
            return Resolved(draft, kb.tenure_actor(person, tenure), "title", personal=True,
                            title=title)
        return Resolved(draft, kb.state_actor(country, role), "title", personal=True,
                        title=title)

    def _country_word(self, doc: ParsedDoc, draft: Draft, country: str,
                      plural: bool, when: date) -> Resolved | None:
        kb = self.kb
        entry = draft.country
        assert entry is not None
        if entry.kind == "body":
            body = kb.bodies[int(entry.target)]
            return Resolved(draft, kb.body_actor(body, when), "body", plural=plural)
        if entry.kind in ("seat", "epithet"):
            return Resolved(draft, kb.state_actor(country, entry.role), "metonym",
                            plural=entry.kind == "epithet")
        if entry.kind == "capital":
            if _is_compound_modifier(doc, draft):
                # "Geneva-based", "London-listed": where something is, nobody's act
                return None
            if _is_locative(doc, draft, kb.vocabulary.words("locative")):
                return Resolved(draft, kb.state_actor(country), "metonym", place=True)
            return Resolved(draft, kb.state_actor(country, "GOV"), "metonym")
        if entry.kind in ("adj", "people"):
            # "Australian unions said they ...": the adjective speaks for a plural group
            group = _modified_group(doc, draft, kb.vocabulary.words("group_nouns"))
            return Resolved(draft, kb.state_actor(country), "demonym",
                            plural=entry.kind == "people" or group)
        return Resolved(draft, kb.state_actor(country), "name")

    # ------------------------------------------------------------ output

    def _mention(self, doc: ParsedDoc, item: Resolved) -> Mention:
        draft = item.draft
        return make_mention(doc, draft.start, draft.end, item.actor, item.kind)

    @staticmethod
    def _unknown_persons(doc: ParsedDoc, items: Sequence[Resolved]) -> list[Resolved]:
        """spaCy PERSON entities the knowledge base does not know: kept, with no actor."""
        taken = {i for r in items for i in range(r.draft.start, r.draft.end)}
        out: list[Resolved] = []
        # the surname of a person named in full earlier is that person, even where spaCy
        # reads it alone as another entity ("Bello said" tagged ORG)
        surnames: dict[str, int] = {}
        for ent in doc.entities:
            if ent.label == "PERSON" and ent.end - ent.start > 1:
                surnames.setdefault(doc.tokens[ent.end - 1].text, ent.end)
        for ent in doc.entities:
            if ent.label != "PERSON" or any(i in taken for i in range(ent.start, ent.end)):
                continue
            if not any(doc.tokens[i].pos == "PROPN" for i in range(ent.start, ent.end)):
                continue
            out.append(Resolved(Draft(ent.start, ent.end), None, "name", personal=True))
            taken.update(range(ent.start, ent.end))
        for tok in doc.tokens:
            first_seen = surnames.get(tok.text)
            if first_seen is None or tok.i < first_seen or tok.i in taken \
                    or tok.pos != "PROPN" or tok.ent_type in _NOT_PERSON:
                continue
            out.append(Resolved(Draft(tok.i, tok.i + 1), None, "name", personal=True))
        return out


def make_mention(doc: ParsedDoc, start: int, end: int, actor: Actor | None,
                 kind: str) -> Mention:
    first, last = doc.tokens[start], doc.tokens[end - 1]
    return Mention(
        sentence=first.sent, start=start, end=end, start_char=first.idx,
        end_char=last.idx + len(last.text), text=doc.text_of(start, end), actor=actor,
        kind=kind, head=span_head(doc, start, end),
    )


def _is_initial(text: str) -> bool:
    """"S." or "W": a middle initial."""
    return len(text.rstrip(".")) == 1 and text[:1].isupper()


def _is_locative(doc: ParsedDoc, draft: Draft, prepositions: frozenset[str]) -> bool:
    head = doc.tokens[span_head(doc, draft.start, draft.end)]
    if head.dep != "pobj":
        return False
    return normalise(doc.tokens[head.head].text) in prepositions


def _is_compound_modifier(doc: ParsedDoc, draft: Draft) -> bool:
    """ "London-based", "Tokyo-listed": the capital is where something is, not who acts."""
    end = draft.end
    return end + 1 < len(doc.tokens) and doc.tokens[end].text == "-" \
        and not draft.led


def _choose_role(roles: Sequence[Entry]) -> str:
    """The last specific role noun wins ("government troops" is MIL); generic nouns
    ("officials") only when nothing else is said."""
    specific = [r for r in roles if not r.generic]
    chosen = specific[-1] if specific else roles[-1]
    return chosen.role or chosen.target


def _all_generic(roles: Sequence[Entry]) -> bool:
    return all(r.generic for r in roles)


def _non_overlapping(mentions: list[Mention]) -> list[Mention]:
    out: list[Mention] = []
    last_end = -1
    for mention in mentions:
        if mention.start >= last_end:
            out.append(mention)
            last_end = mention.end
    return out


def _modified_group(doc: ParsedDoc, draft: Draft, group_nouns: frozenset[str]) -> bool:
    """Does the mention modify a plural noun of people ("Australian unions", "Iranian
    forces"; not "American sanctions")?"""
    head = doc.tokens[span_head(doc, draft.start, draft.end)]
    noun = doc.tokens[head.head]
    return (head.dep in ("amod", "compound") and noun.tag in ("NNS", "NNPS")
            and noun.lemma.lower() in group_nouns)
