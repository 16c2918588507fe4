"""Typed records passed between pipeline stages.

These dataclasses are the only things stages exchange. spaCy objects never leave the nlp
stage: it converts each parse into a :class:`ParsedDoc` made of plain :class:`Token` rows.
The ``to_json`` methods produce the public data contract of ``design.md``; their field
names are public interface and must not change.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal, NamedTuple

from realpolitik.quickpickle import quick_state

Precision = Literal["day", "month", "year", "decade"]
Polarity = Literal["asserted", "negated"]
Modality = Literal["actual", "future", "hypothetical", "reported", "demanded"]
Comparator = Literal["eq", "gt", "lt", "approx", "range"]
#: gazetteer feature classes, coarsest last: GeoNames' PCLI, ADM1, PPL*, and seas/regions
Feature = Literal["city", "adm1", "region", "country"]
#: why an event's place was chosen: a place phrase of the trigger, of its sentence, the
#: document's dateline, or (weakest) the country of the event's actors
PlaceBasis = Literal["trigger", "sentence", "dateline", "actor_country"]
RelationKind = Literal[
    "treaty", "membership", "arms_transfer", "troop_deployment", "diplomatic_support",
    "alliance_claim",
]
OBLIGATION_TYPES: tuple[str, ...] = (
    "defense", "offense", "neutrality", "non_aggression", "consultation",
)


def stable_id(*parts: object, length: int = 16) -> str:
    """A short deterministic id from its parts, so re-running yields the same ids."""
    digest = hashlib.sha256("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return digest[:length]


@dataclass(frozen=True, slots=True)
class DateInterval:
    """When something happened: a closed interval with the precision it is known to."""

    start: date
    end: date
    precision: Precision
    #: True when no expression dated it and the publication date was used instead
    inferred: bool = False
    #: where an undated event's date came from when not the publication date: "leader
    #: tenure end" (a removal dated by the knowledge base); None otherwise
    basis: str | None = None

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "start": self.start.isoformat(),
            "end": self.end.isoformat(),
            "precision": self.precision,
            "inferred": self.inferred,
        }
        if self.basis is not None:
            out["basis"] = self.basis
        return out


@dataclass(frozen=True, slots=True)
class Document:
    """One text to analyse, after ingestion and Unicode normalisation."""

    id: str
    text: str
    date: date | None
    title: str | None
    #: where it came from: a path, ``path:line`` for corpus records, a URL, or ``<stdin>``
    source: str
    url: str | None = None
    #: the record's own id in a corpus file, if it had one
    external_id: str | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "date": self.date.isoformat() if self.date else None,
            "title": self.title,
            "source": self.source,
        }


class Token(NamedTuple):
    """One token of a parse, detached from spaCy (a tuple: cheap to build by the thousand)."""

    i: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    #: index of the syntactic head; the root points at itself
    head: int
    #: character offset in the document text
    idx: int
    ent_type: str
    ent_iob: str
    sent: int
    whitespace: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass(frozen=True, slots=True)
class Span:
    """A token range ``[start, end)`` with a label (entity type, chunk, ...)."""

    start: int
    end: int
    label: str
    text: str
    start_char: int
    end_char: int


@dataclass(frozen=True, slots=True)
class Sentence:
    index: int
    #: token range [start, end)
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    #: paragraph number in the document (0-based); paragraphs are blank-line separated
    paragraph: int


@dataclass(slots=True)
class ParsedDoc:
    """A document with its tokens, sentences and named entities."""

    document: Document
    tokens: list[Token]
    sentences: list[Sentence]
    entities: list[Span]
    _children: list[list[int]] | None = field(default=None, repr=False)

    def children(self, i: int) -> list[int]:
        """Indices of the syntactic children of token ``i``, in order."""
        if self._children is None:
            kids: list[list[int]] = [[] for _ in self.tokens]
            for tok in self.tokens:
                if tok.head != tok.i:
                    kids[tok.head].append(tok.i)
            self._children = kids
        return self._children[i]

    def subtree(self, i: int) -> list[int]:
        """Sorted token indices of the subtree rooted at ``i``."""
        out = [i]
        stack = list(self.children(i))
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children(j))
        return sorted(out)

    def text_of(self, start: int, end: int) -> str:
        """Document text covered by tokens ``[start, end)``."""
        if start >= end:
            return ""
        first, last = self.tokens[start], self.tokens[end - 1]
        return self.document.text[first.idx : last.idx + len(last.text)]

    def sentence_of(self, token_index: int) -> Sentence:
        return self.sentences[self.tokens[token_index].sent]


@dataclass(frozen=True, slots=True)
class Actor:
    """An entry of the actor knowledge base, valid over a period."""

    #: stable knowledge-base id: ``state:RUS``, ``person:vladimir-putin``, ``org:NATO``...
    id: str
    #: CAMEO-style code: country plus role (``RUSGOV``) or an organisation code (``NAT``)
    code: str
    name: str
    #: ISO 3166-1 alpha-3 (CAMEO's code only where ISO has none); None for organisations
    country: str | None
    #: CAMEO role code (GOV, MIL, ELI, REB, ...) or None for a whole state
    role: str | None
    #: state | government | person | organisation | body | group
    kind: str
    title: str | None = None
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""

    @property
    def side(self) -> str:
        """The side it acts for: its country, else its own code (an organisation)."""
        return self.country or self.code


@dataclass(frozen=True, slots=True)
class Mention:
    """A stretch of text that names or describes an actor, resolved on the document date."""

    sentence: int
    #: token range [start, end)
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    #: None when the text names someone the knowledge base does not know (never guessed)
    actor: Actor | None
    #: name | demonym | metonym | title | counterpart | pronoun | organisation | body | group
    kind: str
    #: token index of the mention's syntactic head
    head: int


@dataclass(frozen=True, slots=True)
class Participant:
    """An event's source or target as the contract shows it."""

    text: str
    actor: str | None
    country: str | None
    role: str | None

    @classmethod
    def from_mention(cls, mention: Mention) -> Participant:
        a = mention.actor
        return cls(
            text=mention.text,
            actor=a.code if a else None,
            country=a.country if a else None,
            role=a.role if a else None,
        )

    def to_json(self) -> dict[str, Any]:
        return {"text": self.text, "actor": self.actor, "country": self.country,
                "role": self.role}


def party(p: Participant | None) -> str | None:
    """An event side as the coder's story rules and the scorers compare it: the country,
    else the actor code (an organisation); None for an empty or unresolved side."""
    return None if p is None else p.country or p.actor


@quick_state
@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry: a country, first-level division, city or region/sea."""

    name: str
    #: GeoNames id; None only for the few seas and regions of realpolitik's own list
    geonames_id: int | None
    feature: Feature
    #: ISO 3166-1 alpha-3 like every country in the contract; None for a region in none
    country: str | None
    #: GeoNames admin-1 code within the country ("TX", "13"), None when unknown
    adm1: str | None
    lat: float | None
    lon: float | None

    def to_json(self) -> dict[str, Any]:
        return {"name": self.name, "geonames_id": self.geonames_id, "feature": self.feature,
                "country": self.country, "adm1": self.adm1, "lat": self.lat, "lon": self.lon}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A stretch of text that names a place, resolved (or not) to a gazetteer entry."""

    sentence: int
    #: token range [start, end) and character span of the mention in the document text
    start: int
    end: int
    start_char: int
    end_char: int
    text: str
    #: None when no gazetteer entry fits (never guessed)
    place: Place | None
    #: how the entry was chosen among the candidates (``only candidate``, ``qualifier``...)
    reason: str
    #: how many gazetteer entries the text could name
    candidates: int = 0


@dataclass(frozen=True, slots=True)
class EventPlace:
    """Where an event happened, with the evidence and the basis for choosing it."""

    place: Place
    basis: PlaceBasis
    #: the place's words in the text (the mention, or the actor whose country stands in)
    text: str
    sentence: int
    span: tuple[int, int] | None

    def to_json(self) -> dict[str, Any]:
        return {**self.place.to_json(), "basis": self.basis, "text": self.text,
                "sentence": self.sentence,
                "span": list(self.span) if self.span is not None else None}


@dataclass(frozen=True, slots=True)
class Event:
    """Who did what to whom: one coded event with its evidence."""

    id: str
    source: Participant | None
    target: Participant | None
    code: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    polarity: Polarity
    modality: Modality
    sentence: int
    evidence: str
    confidence: float
    #: character span of the trigger (verb or event noun) in the document text
    span: tuple[int, int]
    trigger: str
    #: token index of the trigger, used by the time stage to find governing expressions
    trigger_token: int
    date: DateInterval | None = None
    #: the sentence's main event (GDELT's IsRootEvent), chosen after coding
    is_root: bool = False
    #: where it happened (the places stage); None when nothing in the text places it
    place: EventPlace | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "source": self.source.to_json() if self.source else None,
            "target": self.target.to_json() if self.target else None,
            "code": self.code,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "date": self.date.to_json() if self.date else None,
            "polarity": self.polarity,
            "modality": self.modality,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "confidence": round(self.confidence, 3),
            "is_root": self.is_root,
            "span": list(self.span),
            "trigger": self.trigger,
            "place": self.place.to_json() if self.place else None,
        }


@dataclass(frozen=True, slots=True)
class Obligations:
    """ATOP's five obligation types: True, False (explicitly absent) or None (unknown)."""

    defense: bool | None = None
    offense: bool | None = None
    neutrality: bool | None = None
    non_aggression: bool | None = None
    consultation: bool | None = None

    def to_json(self) -> dict[str, bool | None]:
        return {name: getattr(self, name) for name in OBLIGATION_TYPES}

    def merged(self, other: Obligations) -> Obligations:
        """Known values of ``other`` fill or override unknown ones of ``self``."""
        return Obligations(**{
            name: getattr(other, name) if getattr(other, name) is not None
            else getattr(self, name)
            for name in OBLIGATION_TYPES
        })


@dataclass(frozen=True, slots=True)
class Relation:
    """What binds actors: a treaty, membership, transfer, deployment, support or claim."""

    id: str
    kind: RelationKind
    #: ISO3 or organisation codes; for directed kinds, [giver, receiver]
    parties: tuple[str, ...]
    name: str | None
    date: DateInterval | None
    obligations: Obligations
    polarity: Polarity
    sentence: int
    evidence: str
    #: kind-specific details, e.g. {"system": "drones"} for an arms transfer
    attributes: dict[str, str] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "parties": list(self.parties),
            "name": self.name,
            "date": self.date.to_json() if self.date else None,
            "obligations": self.obligations.to_json(),
            "polarity": self.polarity,
            "sentence": self.sentence,
            "evidence": self.evidence,
            "attributes": dict(self.attributes),
        }


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure that measures a tie: trade, aid, arms sales, troops, casualties..."""

    id: str
    measure: str
    parties: tuple[str, ...]
    value: float | None
    low: float | None
    high: float | None
    unit: str
    year: int | None
    change_pct: float | None
    forecast: bool
    comparator: Comparator
    sentence: int
    evidence: str

    def to_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "measure": self.measure,
            "parties": list(self.parties),
            "value": self.value,
            "low": self.low,
            "high": self.high,
            "unit": self.unit,
            "year": self.year,
            "change_pct": self.change_pct,
            "forecast": self.forecast,
            "comparator": self.comparator,
            "sentence": self.sentence,
            "evidence": self.evidence,
        }


@dataclass(slots=True)
class DocumentAnalysis:
    """Everything the pipeline found in one document."""

    parsed: ParsedDoc
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)
    #: place mentions resolved to the gazetteer (the places stage)
    places: list[PlaceMention] = field(default_factory=list)

    @property
    def document(self) -> Document:
        return self.parsed.document

    def to_json(self) -> dict[str, Any]:
        return {
            "document": self.document.to_json(),
            "events": [e.to_json() for e in self.events],
            "relations": [r.to_json() for r in self.relations],
            "quantities": [q.to_json() for q in self.quantities],
        }
