"""Hand-built stores for the analysis tests: documents with the mentions, events and
relations a perfect pipeline would find, written through ``Store.write_batch``."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from realpolitik.events.codebook import default_codebook
from realpolitik.ingest import make_document
from realpolitik.model import (
    Actor,
    DateInterval,
    Document,
    DocumentAnalysis,
    Event,
    Mention,
    Obligations,
    ParsedDoc,
    Participant,
    Precision,
    Quantity,
    Relation,
    Sentence,
    stable_id,
)
from realpolitik.store import Store

#: (text, actor code, country, role) of an event participant
Who = tuple[str, str | None, str | None, str | None]


def person(pid: str, name: str, country: str, role: str = "GOV",
           valid_from: date | None = None, valid_to: date | None = None,
           title: str | None = "president") -> Actor:
    return Actor(id=f"person:{pid}", code=f"{country}{role}", name=name, country=country,
                 role=role, kind="person", title=title, valid_from=valid_from,
                 valid_to=valid_to)


def body(bid: str, name: str, country: str, role: str = "GOV") -> Actor:
    return Actor(id=f"body:{bid}", code=f"{country}{role}", name=name, country=country,
                 role=role, kind="body")


@dataclass
class Doc:
    """One document being built; sentences are given up front."""

    when: date
    sentences: list[str]
    title: str | None = None
    mentions: list[Mention] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    quantities: list[Quantity] = field(default_factory=list)

    def __post_init__(self) -> None:
        text = " ".join(self.sentences)
        self.document: Document = make_document(text, source=f"{self.when}.txt",
                                                when=self.when, title=self.title)
        self._offsets: list[int] = []
        at = 0
        for s in self.sentences:
            self._offsets.append(at)
            at += len(s) + 1

    def _char(self, sent: int, text: str) -> int:
        found = self.sentences[sent].find(text)
        return self._offsets[sent] + max(found, 0)

    def mention(self, sent: int, text: str, actor: Actor | None, kind: str = "name") -> Doc:
        start = self._char(sent, text)
        self.mentions.append(Mention(sent, 0, 0, start, start + len(text), text, actor, kind, 0))
        return self

    def event(self, sent: int, code: str, source: Who | None, target: Who | None, *,
              trigger: str = "did", polarity: str = "asserted", modality: str = "actual",
              when: date | None = None, end: date | None = None,
              precision: Precision = "day", inferred: bool = False) -> str:
        cameo = default_codebook()[code]
        day = when or self.when
        event_id = stable_id(self.document.id, "event", len(self.events))
        start = self._char(sent, trigger)
        self.events.append(Event(
            id=event_id,
            source=Participant(*source) if source else None,
            target=Participant(*target) if target else None,
            code=code, root=cameo.root, quad_class=cameo.quad_class,
            goldstein=cameo.goldstein, plover=cameo.plover,
            polarity=polarity,  # type: ignore[arg-type]
            modality=modality,  # type: ignore[arg-type]
            sentence=sent, evidence=self.sentences[sent], confidence=0.9,
            span=(start, start + len(trigger)), trigger=trigger, trigger_token=0,
            date=DateInterval(day, end or day, precision, inferred)))
        return event_id

    def relation(self, sent: int, kind: str, parties: tuple[str, ...], *,
                 name: str | None = None, when: date | None = None,
                 polarity: str = "asserted", obligations: Obligations | None = None) -> str:
        rid = stable_id(self.document.id, "relation", len(self.relations))
        self.relations.append(Relation(
            id=rid, kind=kind,  # type: ignore[arg-type]
            parties=parties, name=name,
            date=DateInterval(when, when, "month") if when else None,
            obligations=obligations or Obligations(),
            polarity=polarity,  # type: ignore[arg-type]
            sentence=sent, evidence=self.sentences[sent]))
        return rid

    def quantity(self, sent: int, measure: str, parties: tuple[str, ...], value: float, *,
                 unit: str = "USD", year: int | None = None,
                 change_pct: float | None = None, forecast: bool = False) -> str:
        qid = stable_id(self.document.id, "quantity", len(self.quantities))
        self.quantities.append(Quantity(qid, measure, parties, value, None, None, unit, year,
                                        change_pct, forecast, "eq", sent,
                                        self.sentences[sent]))
        return qid

    def analysis(self) -> DocumentAnalysis:
        sents = [Sentence(i, 0, 0, off, off + len(s), s, 0)
                 for i, (s, off) in enumerate(zip(self.sentences, self._offsets, strict=True))]
        parsed = ParsedDoc(self.document, [], sents, [])
        return DocumentAnalysis(parsed, self.mentions, self.events, self.relations,
                                self.quantities)


def write(store: Store, *docs: Doc) -> None:
    assert store.write_batch([d.analysis() for d in docs]) == len(docs)


@dataclass
class FakeLeaders:
    """A knowledge base that knows only who led which state when (``tenures``, what
    ``leader_of`` answers) and some other office holders (``others``, for ``get``)."""

    tenures: dict[str, list[Actor]]
    others: list[Actor] = field(default_factory=list)

    def leader_of(self, country: str, on: date, title: str | None = None) -> Actor | None:
        for actor in self.tenures.get(country, []):
            if ((actor.valid_from is None or actor.valid_from <= on)
                    and (actor.valid_to is None or on <= actor.valid_to)):
                return actor
        return None

    def get(self, actor_id: str) -> Actor | None:
        """The person's latest office, as the real knowledge base gives it."""
        everyone = [*(a for actors in self.tenures.values() for a in actors), *self.others]
        held = [a for a in everyone if a.id == actor_id]
        return max(held, key=lambda a: a.valid_from or date.min, default=None)
