"""The pipeline: ingest → nlp → actors → events → time → relations → quantities → store.

Each stage is an object with one method and declared input and output types (see
:data:`STAGES`); :class:`Pipeline` loads them once and streams documents through them.
"""

from __future__ import annotations

import copy
import gc
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from realpolitik.actors import ActorResolver, KnowledgeBase
from realpolitik.analysis.removal_dates import date_removals
from realpolitik.config import Config
from realpolitik.errors import RealpolitikError
from realpolitik.events import EventCoder
from realpolitik.events.future import still_to_come
from realpolitik.ingest import IngestFailure, make_document, read_inputs
from realpolitik.model import (
    Document,
    DocumentAnalysis,
    Event,
    Mention,
    ParsedDoc,
    PlaceMention,
)
from realpolitik.nlp import NlpStage
from realpolitik.pieces import Piece, merge_stream, split_documents
from realpolitik.places import PlaceStage
from realpolitik.quantities import QuantityExtractor
from realpolitik.relations import RelationExtractor
from realpolitik.relations.context import DocumentMentions
from realpolitik.store import Store
from realpolitik.store.rows import RowBatch
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


def keep_loaded() -> None:
    """Tell Python's cycle collector that what is alive now stays alive: call it once the
    pipeline is loaded, in a process that then ingests.

    A loaded pipeline is some 450,000 tracked objects (the knowledge base, the phrase
    lexicons, spaCy's model), all alive until the process ends. Every full collection
    walked them all again: 7-9% of the analysis CPU of 200 Reuters stories went to the
    collector, most of it in its full passes. ``gc.freeze`` moves them out of its sight;
    what the analysis allocates afterwards is collected as before.
    """
    gc.collect()
    gc.freeze()


class Pipeline:
    """All stages, loaded once: the spaCy model, the knowledge base, the dictionaries."""

    def __init__(self, config: Config, nlp: NlpStage | None = None,
                 coder: EventCoder | None = None) -> None:
        self.config = config
        self.nlp = nlp or NlpStage(config)
        self.kb = KnowledgeBase.load(config)
        self.resolver = ActorResolver(self.kb)
        self.coder = coder or EventCoder(config)
        self.timer = TimeResolver(config)
        self.relations = RelationExtractor(config)
        self.quantities = QuantityExtractor(config)
        self.places = PlaceStage()
        #: False only in without_places(): no place mentions, every event unplaced
        self.locate_places = True

    def without_places(self) -> Pipeline:
        """This pipeline without its places stage, sharing every loaded stage: what the
        analysis was before places, to check the stage only adds place fields."""
        bare = copy.copy(self)
        bare.locate_places = False
        return bare

    def analyse_parsed(self, parsed: ParsedDoc) -> DocumentAnalysis:
        return self.analyse_batch([parsed])[0]

    def analyse_batch(self, batch: Sequence[ParsedDoc]) -> list[DocumentAnalysis]:
        """Several parsed documents: the coder's learned models run once for the batch."""
        mentions = [self.resolver.resolve_document(parsed) for parsed in batch]
        coded = self.coder.code_with_agreements(list(zip(batch, mentions, strict=True)))
        return [self._after_events(parsed, m, events, agreements)
                for parsed, m, (events, agreements) in zip(batch, mentions, coded, strict=True)]

    def _after_events(self, parsed: ParsedDoc, mentions: list[Mention],
                      events: list[Event], agreements: Sequence[Event] = ()
                      ) -> DocumentAnalysis:
        events = self.timer.date_events(parsed, events)
        # a removal the text does not date took place when the leader's tenure ended
        events = date_removals(events, mentions, self.kb)
        # a plan or a schedule dated after the story is no fact
        events = still_to_come(parsed, events, parsed.document.date)
        places: list[PlaceMention] = []
        if self.locate_places:
            places, events = self.places.locate(parsed, mentions, events)
        # one set of sentence contexts (pronouns read, words split) for both stages
        contexts = DocumentMentions(parsed, mentions)
        relations = self.relations.extract(parsed, mentions, [*events, *agreements],
                                           self.timer, contexts)
        quantities = self.quantities.extract(parsed, mentions, self.timer, contexts)
        return DocumentAnalysis(parsed=parsed, mentions=mentions, events=events,
                                relations=relations, quantities=quantities, places=places)

    def analyse(self, documents: Iterable[Document]) -> Iterator[DocumentAnalysis]:
        # long documents flow through in pieces and come out merged (see pieces.py)
        pieces: dict[str, Piece] = {}
        parsed = self.nlp.parse(split_documents(documents, self.config.piece_chars, pieces))
        yield from merge_stream(self._batches(parsed), pieces)

    def _batches(self, parsed: Iterable[ParsedDoc]) -> Iterator[DocumentAnalysis]:
        batch: list[ParsedDoc] = []
        for p in parsed:
            batch.append(p)
            if len(batch) >= self.config.batch_size:
                yield from self.analyse_batch(batch)
                batch = []
        if batch:
            yield from self.analyse_batch(batch)

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
#: turns chunks of documents into their store rows, chunk for chunk and in order
ChunkAnalyser = Callable[[Iterator[list[Document]]], Iterator[RowBatch]]


def analyse_chunks(pipeline: Pipeline, chunks: Iterable[list[Document]]) -> Iterator[RowBatch]:
    """The one-process analyser: each chunk through ``pipeline``, as store rows."""
    for chunk in chunks:
        analyses, failures = analyse_isolated(pipeline, chunk)
        rows = RowBatch.of(analyses)
        rows.failures.extend(failures)
        yield rows


def analyse_isolated(pipeline: Pipeline, documents: list[Document]
                     ) -> tuple[list[DocumentAnalysis], list[IngestFailure]]:
    """Analyse a batch; if it fails, analyse its documents one by one so that a document
    the pipeline cannot handle fails alone and never costs its batch neighbours."""
    try:
        return list(pipeline.analyse(documents)), []
    except (RealpolitikError, ValueError, RuntimeError, MemoryError, IndexError, KeyError,
            TypeError, AttributeError):
        pass
    analyses: list[DocumentAnalysis] = []
    failures: list[IngestFailure] = []
    for document in documents:
        try:
            analyses.extend(pipeline.analyse([document]))
        except (RealpolitikError, ValueError, RuntimeError, MemoryError, IndexError, KeyError,
                TypeError, AttributeError) as exc:
            failure = IngestFailure(document.source, f"cannot be analysed ({type(exc).__name__}:"
                                                     f" {str(exc).strip()[:200]})")
            failures.append(failure)
    return analyses, failures


def ingest(paths: Sequence[Path], pipeline: Pipeline, store: Store,
           on_progress: ProgressCallback | None = None,
           on_failure: Callable[[IngestFailure], None] | None = None) -> IngestReport:
    """Read, analyse and store documents in this process; one transaction per batch.

    Documents already in the store are skipped before parsing, failures are collected
    (and reported through ``on_failure`` as they happen) while good documents flow on.
    ``realpolitik.parallel.ingest_parallel`` does the same with worker processes.
    """
    return ingest_with(paths, pipeline.config, store,
                       lambda chunks: analyse_chunks(pipeline, chunks),
                       on_progress=on_progress, on_failure=on_failure)


def ingest_with(paths: Sequence[Path], config: Config, store: Store, analyser: ChunkAnalyser,
                on_progress: ProgressCallback | None = None,
                on_failure: Callable[[IngestFailure], None] | None = None) -> IngestReport:
    """The ingest loop around any analyser: read, skip known documents, analyse, store.

    Chunks are cut from the input in order and the analyser gives their rows back in the
    same order, so the store is written in input order whoever analysed a chunk: the
    output does not depend on how many processes did the work.
    """
    started = time.perf_counter()
    report = IngestReport()
    # how many input items each chunk stands for (skipped ones included), for progress
    sizes: list[int] = []

    def chunks() -> Iterator[list[Document]]:
        batch: list[Document] = []
        consumed = 0
        seen: set[str] = set()
        for item in read_inputs(paths, config):
            consumed += 1
            if isinstance(item, IngestFailure):
                report.failures.append(item)
                if on_failure:
                    on_failure(item)
            elif item.id in seen:
                report.skipped += 1
            else:
                seen.add(item.id)
                batch.append(item)
            if len(batch) >= config.batch_size:
                yield from cut(batch, consumed)
                batch, consumed = [], 0
        if batch or consumed:
            yield from cut(batch, consumed)

    def cut(batch: list[Document], consumed: int) -> Iterator[list[Document]]:
        known = store.known_documents(d.id for d in batch)
        todo = [d for d in batch if d.id not in known]
        report.skipped += len(batch) - len(todo)
        if not todo:
            if on_progress and consumed:
                on_progress(consumed)
            return
        sizes.append(consumed)
        yield todo

    for rows in analyser(chunks()):
        for failure in rows.failures:
            report.failures.append(failure)
            if on_failure:
                on_failure(failure)
        report.new += store.write_rows(rows)
        for events, relations, quantities in rows.found:
            report.events += events
            report.relations += relations
            report.quantities += quantities
        if on_progress:
            on_progress(sizes.pop(0))
    report.seconds = time.perf_counter() - started
    return report
