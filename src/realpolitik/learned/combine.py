"""Pure helpers for combining the rule coder's codes with the event-class model.

    probs = EventClassModel.load().predict_proba([sentence])[0]
    order = rank_codes(["111", "190"], probs)      # indices, most probable class first
    keep = not vetoed("190", probs, below=0.05)     # veto a code whose class is unlikely
    cls = choose_class(["111", "190"], probs)       # the class of the sentence's main event

The measured effect of each on Multi-CoPED and the dev gold is in README.md.
"""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.learned.data import root_class


def class_probability(code: str, probs: Sequence[float]) -> float:
    """The model's probability of the class a CAMEO code falls in."""
    return float(probs[root_class(code)])


def rank_codes(codes: Sequence[str], probs: Sequence[float]) -> list[int]:
    """Indices of ``codes``, the code whose class is most probable first (ties keep the
    coder's order)."""
    return sorted(range(len(codes)), key=lambda i: (-class_probability(codes[i], probs), i))


def vetoed(code: str, probs: Sequence[float], below: float) -> bool:
    """True when the model gives the code's class a probability under ``below``."""
    return class_probability(code, probs) < below


def best_class(probs: Sequence[float]) -> int:
    """The most probable class (ties go to the lower index)."""
    return max(range(len(probs)), key=lambda i: (probs[i], -i))


def choose_class(codes: Sequence[str], probs: Sequence[float],
                 fallback_below: float = 0.0) -> int:
    """The class of the sentence's main event: that of the coded event the model finds
    most probable; the model's own best class when nothing is coded or when that
    probability is under ``fallback_below``."""
    if not codes:
        return best_class(probs)
    top = codes[rank_codes(codes, probs)[0]]
    if class_probability(top, probs) < fallback_below:
        return best_class(probs)
    return root_class(top)
