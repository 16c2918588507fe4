"""The pipeline: ingest → nlp → actors → events → time → relations → quantities → store.

Each stage is an object with one method and declared input and output types (see
:data:`STAGES`); :class:`Pipeline` loads them once and streams documents through them.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from realpolitik.actors import ActorResolver, KnowledgeBase
from realpolitik.config import Config
from realpolitik.events import EventCoder
from realpolitik.ingest import IngestFailure, make_document, read_inputs
from realpolitik.model import Document, DocumentAnalysis, ParsedDoc
from realpolitik.nlp import NlpStage
from realpolitik.places import PlaceStage
from realpolitik.quantities import QuantityExtractor
from realpolitik.relations import RelationExtractor
from realpolitik.relations.context import DocumentMentions
from realpolitik.store import Store
from realpolitik.timex import TimeResolver


@dataclass(frozen=True, slots=True)
class StageContract:
    name: str
    consumes: str
    produces: str


#: what each stage takes and gives; documentation and a test keep the code honest to it
STAGES: tuple[StageContract, ...] = (
    StageContract("ingest", "paths", "Document | IngestFailure"),
    StageContract("nlp", "Document", "ParsedDoc"),
    StageContract("actors", "ParsedDoc", "list[Mention]"),
    StageContract("events", "ParsedDoc, list[Mention]", "list[Event] (undated)"),
    StageContract("time", "ParsedDoc, list[Event]", "list[Event] (dated)"),
    StageContract("places", "ParsedDoc, list[Mention], list[Event]",
                  "list[PlaceMention], list[Event] (placed)"),
    StageContract("relations", "ParsedDoc, list[Mention], list[Event], dates", "list[Relation]"),
    StageContract("quantities", "ParsedDoc, list[Mention], dates", "list[Quantity]"),
    StageContract("store", "list[DocumentAnalysis]", "rows in DuckDB"),
)


class Pipeline:
    """All stages, loaded once: the spaCy model, the knowledge base, the dictionaries."""

    def __init__(self, config: Config, nlp: NlpStage | None = None) -> None:
        self.config = config
        self.nlp = nlp or NlpStage(config)
        self.kb = KnowledgeBase.load(config)
        self.resolver = ActorResolver(self.kb)
        self.coder = EventCoder(config)
        self.timer = TimeResolver(config)
        self.relations = RelationExtractor(config)
        self.quantities = QuantityExtractor(config)
        self.places = PlaceStage()

    def analyse_parsed(self, parsed: ParsedDoc) -> DocumentAnalysis:
        mentions = self.resolver.resolve_document(parsed)
        events = self.coder.code(parsed, mentions)
        events = self.timer.date_events(parsed, events)
        places, events = self.places.locate(parsed, mentions, events)
        # one set of sentence contexts (pronouns read, words split) for both stages
        contexts = DocumentMentions(parsed, mentions)
        relations = self.relations.extract(parsed, mentions, events, self.timer, contexts)
        quantities = self.quantities.extract(parsed, mentions, self.timer, contexts)
        return DocumentAnalysis(parsed=parsed, mentions=mentions, events=events,
                                relations=relations, quantities=quantities, places=places)

    def analyse(self, documents: Iterable[Document]) -> Iterator[DocumentAnalysis]:
        for parsed in self.nlp.parse(documents):
            yield self.analyse_parsed(parsed)

    def analyse_text(self, text: str, when: date | None = None, title: str | None = None,
                     source: str = "<text>") -> DocumentAnalysis:
        doc = make_document(text, source=source, when=when, title=title)
        return next(self.analyse([doc]))


@dataclass(slots=True)
class IngestReport:
    new: int = 0
    skipped: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    events: int = 0
    relations: int = 0
    quantities: int = 0
    seconds: float = 0.0

    @property
    def failed(self) -> int:
        return len(self.failures)


ProgressCallback = Callable[[int], None]


def ingest(paths: Sequence[Path], pipeline: Pipeline, store: Store,
           on_progress: ProgressCallback | None = None,
           on_failure: Callable[[IngestFailure], None] | None = None) -> IngestReport:
    """Read, analyse and store documents; one transaction per batch.

    Documents already in the store are skipped before parsing, failures are collected
    (and reported through ``on_failure`` as they happen) while good documents flow on.
    """
    started = time.perf_counter()
    report = IngestReport()
    batch: list[Document] = []
    seen: set[str] = set()

    def flush() -> None:
        known = store.known_documents(d.id for d in batch)
        todo = [d for d in batch if d.id not in known]
        report.skipped += len(batch) - len(todo)
        analyses = list(pipeline.analyse(todo))
        report.new += store.write_batch(analyses)
        for a in analyses:
            report.events += len(a.events)
            report.relations += len(a.relations)
            report.quantities += len(a.quantities)
        if on_progress:
            on_progress(len(batch))
        batch.clear()

    for item in read_inputs(paths, pipeline.config):
        if isinstance(item, IngestFailure):
            report.failures.append(item)
            if on_failure:
                on_failure(item)
            if on_progress:
                on_progress(1)
            continue
        if item.id in seen:
            report.skipped += 1
            if on_progress:
                on_progress(1)
            continue
        seen.add(item.id)
        batch.append(item)
        if len(batch) >= pipeline.config.batch_size:
            flush()
    if batch:
        flush()
    report.seconds = time.perf_counter() - started
    return report
