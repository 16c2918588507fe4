"""The whole coder scored on Multi-CoPED's training split (``../shared``), two measures:

- **class of the main event**: the Multi-CoPED class (:data:`CLASS_NAMES`) of the
  ``is_root`` event of the first sentence that has one, against the sentence's gold
  class; macro-F1 and accuracy over the 1,349 class sentences (nothing coded is wrong);
- **source and target right**: the share of the participant sentences with a gold source
  and a gold target where one coded event has both a source whose text matches a gold
  source span and a target whose text matches a gold target span (spans match as in
  :mod:`realpolitik.learned.cv`: half of the longer span's tokens).

:func:`evaluate_multicoped` runs one pipeline (the configuration in use: for the shipped
models these figures are in-sample); ``bench/rules_vs_models.py`` runs the same scoring
with the models of 5-fold cross-validation, each sentence coded with models trained
without it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.learned.cv import accuracy, macro_f1, spans_match, token_set
from realpolitik.learned.data import (
    ClassExample,
    SpanExample,
    read_class_tsv,
    read_ner_conll,
    root_class,
)
from realpolitik.model import DocumentAnalysis, Event

if TYPE_CHECKING:
    from realpolitik.config import Config
    from realpolitik.pipeline import Pipeline

CLASS_FILE = "cameo_class_train.tsv"
NER_FILE = "cameo_ner_train.conll"


@dataclass(frozen=True, slots=True)
class MulticopedData:
    classes: list[ClassExample]
    #: participant sentences with a gold source and a gold target
    pairs: list[SpanExample]

    @classmethod
    def read(cls, folder: Path) -> MulticopedData:
        classes = read_class_tsv(folder / CLASS_FILE)
        spans = read_ner_conll(folder / NER_FILE, [x.text for x in classes])
        return cls(classes, [x for x in spans
                             if x.spans_of("source") and x.spans_of("target")])

    def texts(self) -> list[str]:
        """Every distinct text to analyse, in a fixed order."""
        return sorted({x.text for x in self.classes} | {x.text for x in self.pairs})


def main_event_class(events: Sequence[Event]) -> int:
    """The class of the ``is_root`` event of the earliest sentence that has one; -1 if none."""
    roots = sorted((e.sentence, e.trigger_token, root_class(e.code))
                   for e in events if e.is_root)
    return roots[0][2] if roots else -1


def source_and_target_right(example: SpanExample, events: Iterable[Event],
                            tokenizer: Any) -> bool:
    """Whether one event has a source and a target matching gold spans of those sides."""
    offsets = [(t.idx, t.idx + len(t)) for t in tokenizer(example.text)]
    golds = {side: [token_set(offsets, s, e) for s, e in example.spans_of(side)]
             for side in ("source", "target")}

    def right(side: str, text: str) -> bool:
        at = example.text.find(text)
        if at < 0:
            return False
        found = token_set(offsets, at, at + len(text))
        return any(spans_match(found, g) for g in golds[side])

    return any(e.source is not None and e.target is not None
               and right("source", e.source.text) and right("target", e.target.text)
               for e in events)


def score(data: MulticopedData, events_of: Mapping[str, Sequence[Event]],
          tokenizer: Any) -> dict[str, float]:
    """The two measures of the module docstring from each text's coded events."""
    gold = [x.label for x in data.classes]
    pred = [main_event_class(events_of[x.text]) for x in data.classes]
    right = sum(source_and_target_right(x, events_of[x.text], tokenizer) for x in data.pairs)
    return {"root_class_macro_f1": round(macro_f1(gold, pred), 4),
            "root_class_accuracy": round(accuracy(gold, pred), 4),
            "class_sentences": len(gold),
            "source_and_target_right": round(right / max(1, len(data.pairs)), 4),
            "pair_sentences": len(data.pairs)}


def analyse_texts(pipeline: Pipeline, texts: Sequence[str]) -> dict[str, list[Event]]:
    """Each text's coded events, one document per text."""
    from realpolitik.ingest import make_document

    docs = [make_document(t, source=f"multicoped:{i}") for i, t in enumerate(texts)]
    analyses: Iterable[DocumentAnalysis] = pipeline.analyse(docs)
    return {t: a.events for t, a in zip(texts, analyses, strict=True)}


def blank_tokenizer() -> Any:
    import spacy

    return spacy.blank("en").tokenizer


def evaluate_multicoped(folder: Path, config: Config,
                        pipeline: Pipeline | None = None,
                        log: Callable[[str], None] | None = None) -> dict[str, Any]:
    """The measures of the coder as ``config`` sets it up, on the training split in
    ``folder`` (``../shared/bench/gold/multicoped``)."""
    from realpolitik.pipeline import Pipeline

    data = MulticopedData.read(folder)
    pipeline = pipeline or Pipeline(config)
    events = analyse_texts(pipeline, data.texts())
    if log is not None:
        log(f"analysed {len(events)} Multi-CoPED texts")
    return score(data, events, blank_tokenizer())
