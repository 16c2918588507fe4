"""The slow, stateful parts behind the API: the knowledge base, the spaCy pipeline and the
one writer. Each is loaded on first use, once per server."""

from __future__ import annotations

import re
import tempfile
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.config import Config
from realpolitik.errors import InputError
from realpolitik.ingest import make_document
from realpolitik.web.database import Database

if TYPE_CHECKING:
    from realpolitik.actors import KnowledgeBase
    from realpolitik.model import DocumentAnalysis, Mention
    from realpolitik.pipeline import IngestReport, Pipeline
    from realpolitik.timex import TimeExpression

_SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
SUFFIXES = (".txt", ".md", ".jsonl", ".ndjson", ".json", ".csv", ".html", ".htm", ".rss",
            ".atom", ".xml")


@dataclass(frozen=True, slots=True)
class Analysed:
    analysis: DocumentAnalysis
    #: the time stage's expressions, for marking dates on the text
    expressions: tuple[TimeExpression, ...]


def report_json(report: IngestReport) -> dict[str, Any]:
    return {"new": report.new, "skipped": report.skipped, "failed": report.failed,
            "failures": [str(f) for f in report.failures], "events": report.events,
            "relations": report.relations, "quantities": report.quantities,
            "seconds": round(report.seconds, 3)}


class Workers:
    def __init__(self, config: Config, pipeline: Pipeline | None = None) -> None:
        self.config = config
        self._load_lock = threading.Lock()
        # spaCy and the time stage's cache are not shared between threads: one at a time
        self._nlp_lock = threading.Lock()
        #: given by tests and embedders that already hold a loaded pipeline
        self._pipeline: Pipeline | None = pipeline

    def knowledge_base(self) -> KnowledgeBase:
        from realpolitik.actors import KnowledgeBase

        # cached by the knowledge base itself, per set of extra files
        return KnowledgeBase.load(self.config)

    def pipeline(self) -> Pipeline:
        with self._load_lock:
            if self._pipeline is None:
                from realpolitik.pipeline import Pipeline

                self._pipeline = Pipeline(self.config)
            return self._pipeline

    def resolve(self, text: str, when: date, context: str | None) -> list[Mention]:
        from realpolitik.actors import resolve

        kb = self.knowledge_base()
        with self._nlp_lock:
            return resolve(text, when, context=context, kb=kb, config=self.config)

    def analyse(self, text: str, when: date | None, title: str | None) -> Analysed:
        doc = make_document(text, source="<analyze>", when=when, title=title)
        pipeline = self.pipeline()
        with self._nlp_lock:
            analysis = next(pipeline.analyse([doc]))
            expressions = tuple(pipeline.timer.expressions(analysis.parsed))
        return Analysed(analysis, expressions)

    def ingest_text(self, db: Database, text: str, when: date | None,
                    title: str | None) -> dict[str, Any]:
        doc = make_document(text, source="<http>", when=when, title=title)
        pipeline = self.pipeline()
        with self._nlp_lock, db.store() as store:
            analyses = list(pipeline.analyse([doc]))
            new = store.write_batch(analyses)
        a = analyses[0]
        return {"new": new, "skipped": 1 - new, "failed": 0, "failures": [],
                "document_id": doc.id, "events": len(a.events), "relations": len(a.relations),
                "quantities": len(a.quantities)}

    def ingest_file(self, db: Database, filename: str, data: bytes) -> dict[str, Any]:
        from realpolitik.pipeline import ingest

        name = _SAFE_NAME.sub("_", Path(filename).name).strip("._") or "upload.txt"
        if not name.lower().endswith(SUFFIXES):
            raise InputError(filename, f"unsupported file type; use one of {', '.join(SUFFIXES)}")
        pipeline = self.pipeline()
        with tempfile.TemporaryDirectory(prefix="realpolitik-upload-") as tmp:
            path = Path(tmp) / name
            path.write_bytes(data)
            with self._nlp_lock, db.store() as store:
                report = ingest([path], pipeline, store)
        return report_json(report)
