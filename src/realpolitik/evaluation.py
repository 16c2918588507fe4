"""``realpolitik eval``: run the pipeline on gold files and score each stage.

The kind of a gold file is read from its first record: ``events`` (realpolitik's event
gold), ``cameo_code`` (the CAMEO manual examples), ``expression`` (dates), ``mention``
(actors), ``relations`` or ``quantities``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.config import Config
from realpolitik.errors import GoldFormatError
from realpolitik.ingest import make_document

if TYPE_CHECKING:
    from realpolitik.learned.stage import ModelStage

#: Multi-CoPED's training split beside the project (``realpolitik eval`` scores it too)
MULTICOPED_DEFAULT = Path("..") / "shared" / "bench" / "gold" / "multicoped"
MULTICOPED_KIND = "Multi-CoPED training split"

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


def evaluate_events(path: Path, config: Config, models: ModelStage | None = None
                    ) -> dict[str, Any]:
    """Scores of the coder on an event gold file; ``models`` replaces the learned models
    the config turns on (the cross-validation bench passes fold models)."""
    from realpolitik.actors import ActorResolver, KnowledgeBase
    from realpolitik.events import EventCoder
    from realpolitik.events.evaluate import GoldSentence, read_gold, score
    from realpolitik.learned.stage import ModelStage
    from realpolitik.nlp import NlpStage

    gold = read_gold(path)
    resolver = ActorResolver(KnowledgeBase.load(config))
    stage = models if models is not None else ModelStage.from_config(config)
    coders = {False: EventCoder(config, models=stage),
              True: EventCoder(config, require_actor=False, models=stage)}
    docs = [make_document(g.text, source=f"{path}:{g.line}", when=g.date) for g in gold]
    parsed = {p.document.source: p for p in NlpStage(config).parse(docs)}

    def predict(g: GoldSentence) -> list[Any]:
        doc = parsed[f"{path}:{g.line}"]
        return coders[g.code_only].code(doc, resolver.resolve_document(doc))

    return score(gold, predict).to_json()


def evaluate_dates(path: Path, config: Config) -> dict[str, Any]:
    from realpolitik.nlp import NlpStage
    from realpolitik.timex import TimeResolver
    from realpolitik.timex.gold import load_gold, score

    records = load_gold(path)
    docs = NlpStage(config).parse(
        make_document(r.text, source=f"{path}:{r.line}", when=r.publication) for r in records)
    result = score(records, docs, TimeResolver(config))
    return {"expressions": {"accuracy": round(result.accuracy, 4), "tp": result.correct,
                            "gold": result.total},
            "misses": [{"line": m.gold.line, "expression": m.gold.expression,
                        "want": f"{m.gold.start}..{m.gold.end} {m.gold.precision}",
                        "got": m.found} for m in result.misses]}


def evaluate_actors(path: Path, config: Config) -> dict[str, Any]:
    from realpolitik.actors import ActorResolver, KnowledgeBase
    from realpolitik.actors.evaluation import read_gold, score
    from realpolitik.nlp import NlpStage

    gold = read_gold(path)
    keys = sorted({(g.text, g.date) for g in gold})
    documents = [make_document(text, source=str(path), when=when) for text, when in keys]
    parsed = dict(zip(keys, NlpStage(config).parse(documents), strict=True))
    result = score(gold, parsed, ActorResolver(KnowledgeBase.load(config)))
    return {"country_role": {"accuracy": round(result.accuracy, 4), "tp": result.correct,
                             "gold": result.total},
            "misses": [{"mention": g.mention, "date": g.date.isoformat(),
                        "want": f"{g.country}/{g.role}", "got": got}
                       for g, got in result.failures]}


def _relations_or_quantities(kind: str) -> Callable[[Path, Config], dict[str, Any]]:
    def run(path: Path, config: Config) -> dict[str, Any]:
        from realpolitik.relations.evaluate import evaluate_default

        paths = {"relations": (path, None), "quantities": (None, path)}[kind]
        scores = evaluate_default(*paths, config)[kind].to_json()
        slots = scores.pop("slots", {})
        return {kind: scores, **{f"slot {k}": v for k, v in slots.items()}}

    return run


def _evaluator(kind: str) -> Callable[[Path, Config], dict[str, Any]]:
    evaluators: dict[str, Callable[[Path, Config], dict[str, Any]]] = {
        "events": evaluate_events, "cameo_manual": evaluate_events,
        "dates": evaluate_dates, "actors": evaluate_actors,
        "relations": _relations_or_quantities("relations"),
        "quantities": _relations_or_quantities("quantities"),
    }
    return evaluators[kind]


def evaluate_file(path: Path, config: Config) -> dict[str, Any]:
    return _evaluator(detect_gold_kind(path))(path, config)


def gold_kind(path: Path) -> str:
    """The kind of a gold file, or ``stories`` for a story gold directory."""
    from realpolitik.stories.gold import is_story_gold

    if path.is_dir():
        if is_story_gold(path):
            return "stories"
        if (path / "pairs.jsonl").is_file():
            return "dedup"
        raise GoldFormatError(f"{path}: a gold directory needs a stories.json manifest "
                              "(or a pairs.jsonl of story pairs)")
    return detect_gold_kind(path)


def evaluate_path(path: Path, config: Config, split: str = "dev") -> dict[str, Any]:
    """Score one gold file, or a story gold directory on one of its splits."""
    if gold_kind(path) == "stories":
        from realpolitik.stories.run import evaluate_stories

        return evaluate_stories(path, config, split)
    if gold_kind(path) == "dedup":
        from realpolitik.dedup.evaluate import evaluate_dedup, reuters_corpus

        return evaluate_dedup(path, reuters_corpus(path), config, split)
    return evaluate_file(path, config)


def evaluate_multicoped_split(folder: Path, config: Config) -> dict[str, Any]:
    """The coder on Multi-CoPED's training split (:mod:`realpolitik.learned.multicoped`)."""
    from realpolitik.learned.multicoped import evaluate_multicoped

    figures = evaluate_multicoped(folder, config)
    models = [name for name, on in (("event class", config.event_class_model),
                                    ("participants", config.participant_model)) if on]
    return {
        "main class": {"f1": figures["root_class_macro_f1"],
                       "accuracy": figures["root_class_accuracy"],
                       "gold": figures["class_sentences"]},
        "S&T right": {"accuracy": figures["source_and_target_right"],
                      "gold": figures["pair_sentences"]},
        "models": ", ".join(models) or "none (rules alone)",
        "note": ("main class f1 is the macro-F1 of the class of each sentence's main "
                 "event, S&T right the share of sentences with one event whose source and "
                 "target are both right; the shipped models were trained on this split, "
                 "so with models on "
                 "these figures are in-sample: bench/rules_vs_models.py gives the "
                 "cross-validated ones" if models else
                 "main class f1 is the macro-F1 of the class of each sentence's main "
                 "event, S&T right the share of sentences with one event whose source and "
                 "target are both right"),
    }
