"""Calibrated confidence: the probability that an event is right (root, source and target).

The rule coder's own score is the matched pattern's confidence, which says how specific a
pattern is, not how often its events are right. A logistic model over what is known of an
event when it is coded (that score, which parties were resolved, the kind of act, polarity
and modality, whether the trigger is a noun or the sentence's main verb, how deep it sits
in the parse, where the sentence is in the story) turns it into a probability. The weights
are fitted on dev gold by ``scripts/fit_confidence.py`` and ship as
``data/events/confidence.json`` with the figures of the fit.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from realpolitik.errors import DataFileError
from realpolitik.events.salience import is_fact, tree_depth
from realpolitik.model import Event, ParsedDoc, Participant

#: the quad-style classes of Multi-CoPED: statements, verbal and material cooperation,
#: verbal and material conflict, by CAMEO root
EVENT_CLASSES = ("statement", "verbal_cooperation", "material_cooperation",
                 "verbal_conflict", "material_conflict")


def event_class(root: str) -> int:
    """The class index (0-4) of a CAMEO root."""
    r = int(root)
    return 0 if r <= 2 else 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def _state(p: Participant | None) -> bool:
    return p is not None and p.country is not None


def _resolved(p: Participant | None) -> bool:
    return p is not None and (p.country is not None or p.actor is not None)


#: name → how it is read off an event in its document; the order is the model's
FEATURES: dict[str, Callable[[ParsedDoc, Event], float]] = {
    "pattern": lambda d, e: e.confidence,
    "source": lambda d, e: float(_resolved(e.source)),
    "target": lambda d, e: float(_resolved(e.target)),
    "source_state": lambda d, e: float(_state(e.source)),
    "target_state": lambda d, e: float(_state(e.target)),
    "same_country": lambda d, e: float(_state(e.source) and _state(e.target) and e.source is not
                                       None and e.target is not None
                                       and e.source.country == e.target.country),
    "negated": lambda d, e: float(e.polarity == "negated"),
    "not_actual": lambda d, e: float(e.modality != "actual"),
    "reported": lambda d, e: float(e.modality == "reported"),
    "fact": lambda d, e: float(is_fact(e)),
    "statement": lambda d, e: float(e.root == "01"),
    "plain_statement": lambda d, e: float(e.code == "010"),
    "verbal_cooperation": lambda d, e: float(event_class(e.root) == 1),
    "material_cooperation": lambda d, e: float(event_class(e.root) == 2),
    "verbal_conflict": lambda d, e: float(event_class(e.root) == 3),
    "material_conflict": lambda d, e: float(event_class(e.root) == 4),
    "noun_trigger": lambda d, e: float(d.tokens[e.trigger_token].pos in ("NOUN", "PROPN")),
    "root_event": lambda d, e: float(e.is_root),
    "depth": lambda d, e: min(tree_depth(d, e.trigger_token), 6) / 6,
    "lead": lambda d, e: float(e.sentence == 0),
    "long_sentence": lambda d, e: float(_sentence_length(d, e.sentence) > 40),
}


def _sentence_length(doc: ParsedDoc, sentence: int) -> int:
    s = doc.sentences[sentence]
    return s.end - s.start


def feature_vector(doc: ParsedDoc, event: Event) -> list[float]:
    return [read(doc, event) for read in FEATURES.values()]


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """A logistic model: probability = 1 / (1 + exp(-(intercept + Σ weight × feature)))."""

    intercept: float
    weights: tuple[float, ...]
    #: the threshold whose events reached the target precision on the dev gold
    default_threshold: float
    source: str

    def probability(self, doc: ParsedDoc, event: Event) -> float:
        z = self.intercept + sum(w * x for w, x in zip(self.weights,
                                                       feature_vector(doc, event), strict=True))
        return 1.0 / (1.0 + math.exp(-z))

    def calibrate(self, doc: ParsedDoc, events: Sequence[Event]) -> list[Event]:
        """The events with ``confidence`` replaced by the probability of being right."""
        return [dataclasses.replace(e, confidence=round(self.probability(doc, e), 3))
                for e in events]

    @classmethod
    def read(cls, path: Path | None = None) -> ConfidenceModel:
        where = str(path) if path else "realpolitik/data/events/confidence.json"
        try:
            text = (path.read_text(encoding="utf-8") if path else
                    resources.files("realpolitik.data.events").joinpath("confidence.json")
                    .read_text(encoding="utf-8"))
            data = json.loads(text)
            weights = data["weights"]
            if sorted(weights) != sorted(FEATURES):
                missing = sorted(set(FEATURES) ^ set(weights))
                raise DataFileError(f"{where}: weights do not match the features "
                                    f"({', '.join(missing)})")
            return cls(intercept=float(data["intercept"]),
                       weights=tuple(float(weights[name]) for name in FEATURES),
                       default_threshold=float(data["default_threshold"]),
                       source=str(data.get("fitted_on", "")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise DataFileError(f"{where}: not a confidence model ({exc})") from None


@cache
def default_confidence_model() -> ConfidenceModel:
    return ConfidenceModel.read()
