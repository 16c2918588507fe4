"""The event-class model: five Multi-CoPED classes of a sentence's main event.

    model = EventClassModel.load()                 # the packaged weights
    model.predict_proba(["Rebels shelled the airport."])   # [(p0, p1, p2, p3, p4)]
    CLASS_ROOTS[4]                                  # ("14", ..., "20")

Class 0 statements (CAMEO 01–02), 1 verbal cooperation (03–05), 2 material cooperation
(06–08), 3 verbal conflict (09–13), 4 material conflict (14–20). The probabilities of one
sentence sum to one. The rule coder can veto or re-rank its codes with :meth:`class_of_code`
and the probability of that class.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from realpolitik.learned.data import CLASS_NAMES, CLASS_ROOTS, root_class
from realpolitik.learned.loading import load_pipeline, packaged_model

__all__ = ["CLASS_NAMES", "CLASS_ROOTS", "EventClassModel", "Probabilities"]

Probabilities = tuple[float, float, float, float, float]
MODEL_NAME = "event_class"


class EventClassModel:
    """A loaded textcat pipeline; thread-compatible, not thread-safe (spaCy's rule)."""

    def __init__(self, nlp: Any, batch_size: int = 64) -> None:
        self.nlp = nlp
        self.batch_size = batch_size
        textcat = nlp.get_pipe("textcat")
        if tuple(textcat.labels) != CLASS_NAMES:
            from realpolitik.errors import ConfigError

            raise ConfigError(f"event-class model labels {textcat.labels} are not "
                              f"{CLASS_NAMES}")

    @classmethod
    def load(cls, path: Path | None = None, batch_size: int = 64) -> EventClassModel:
        """The model saved at ``path``; without one, the weights shipped with realpolitik."""
        return cls(load_pipeline(path or packaged_model(MODEL_NAME)), batch_size)

    def predict_proba(self, texts: Sequence[str]) -> list[Probabilities]:
        """One 5-tuple of class probabilities per text, in :data:`CLASS_NAMES` order."""
        out: list[Probabilities] = []
        for doc in self.nlp.pipe(texts, batch_size=self.batch_size):
            cats = doc.cats
            p = tuple(float(cats[name]) for name in CLASS_NAMES)
            out.append((p[0], p[1], p[2], p[3], p[4]))
        return out

    def predict(self, texts: Sequence[str]) -> list[int]:
        """The most probable class of each text (ties go to the lower index)."""
        return [max(range(5), key=lambda i: (p[i], -i)) for p in self.predict_proba(texts)]

    @staticmethod
    def class_of_code(code: str) -> int:
        """The class a CAMEO code falls in (``"190"`` → 4)."""
        return root_class(code)
