"""Stage 4: the CAMEO event coder.

The names are imported on first use: the query commands read the codebook only, and the
coder's modules would cost every command's start-up.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from realpolitik.events.codebook import CameoCode, Codebook, default_codebook, quad_class_of
    from realpolitik.events.coder import EventCoder
    from realpolitik.events.patterns import (
        NounPattern,
        PatternSet,
        VerbPattern,
        default_patterns,
    )

__all__ = [
    "CameoCode", "Codebook", "EventCoder", "NounPattern", "PatternSet", "VerbPattern",
    "default_codebook", "default_patterns", "quad_class_of",
]

_HOME = {
    "CameoCode": "codebook", "Codebook": "codebook", "default_codebook": "codebook",
    "quad_class_of": "codebook", "EventCoder": "coder", "NounPattern": "patterns",
    "PatternSet": "patterns", "VerbPattern": "patterns", "default_patterns": "patterns",
}


def __getattr__(name: str) -> Any:
    if name not in _HOME:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(import_module(f"{__name__}.{_HOME[name]}"), name)
    globals()[name] = value
    return value
