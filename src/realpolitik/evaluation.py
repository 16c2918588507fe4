"""``realpolitik eval``: run the pipeline on gold files and score each stage.

The kind of a gold file is read from its first record: ``events`` (realpolitik's event
gold), ``cameo_code`` (the CAMEO manual examples), ``expression`` (dates), ``mention``
(actors), ``relations`` or ``quantities``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from realpolitik.config import Config
from realpolitik.errors import GoldFormatError
from realpolitik.ingest import make_document

_MARKERS = (
    ("cameo_code", "cameo_manual"), ("events", "events"), ("expression", "dates"),
    ("mention", "actors"), ("relations", "relations"), ("quantities", "quantities"),
)


def detect_gold_kind(path: Path) -> str:
    try:
        with path.open(encoding="utf-8") as fh:
            first = next((line for line in fh if line.strip()), "")
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read gold file ({exc})") from None
    try:
        record = json.loads(first)
    except json.JSONDecodeError as exc:
        raise GoldFormatError(f"{path}:1: malformed JSON ({exc.msg})") from None
    if not isinstance(record, dict):
        raise GoldFormatError(f"{path}:1: a gold record must be an object")
    for key, kind in _MARKERS:
        if key in record:
            return kind
    raise GoldFormatError(f"{path}: unknown gold format (no events, cameo_code, expression, "
                          "mention, relations or quantities field)")


def evaluate_events(path: Path, config: Config) -> dict[str, Any]:
    from realpolitik.actors import ActorResolver, KnowledgeBase
    from realpolitik.events import EventCoder
    from realpolitik.events.evaluate import GoldSentence, read_gold, score
    from realpolitik.nlp import NlpStage

    gold = read_gold(path)
    resolver = ActorResolver(KnowledgeBase.load(config))
    coders = {False: EventCoder(config), True: EventCoder(config, require_actor=False)}
    docs = [make_document(g.text, source=f"{path}:{g.line}", when=g.date) for g in gold]
    parsed = {p.document.source: p for p in NlpStage(config).parse(docs)}

    def predict(g: GoldSentence) -> list[Any]:
        doc = parsed[f"{path}:{g.line}"]
        return coders[g.code_only].code(doc, resolver.resolve_document(doc))

    return score(gold, predict).to_json()


def _evaluator(kind: str) -> Callable[[Path, Config], dict[str, Any]]:
    if kind in ("events", "cameo_manual"):
        return evaluate_events
    raise GoldFormatError(f"no evaluator for {kind} gold files")


def evaluate_file(path: Path, config: Config) -> dict[str, Any]:
    return _evaluator(detect_gold_kind(path))(path, config)
