"""Stage 4: the CAMEO event coder."""

from realpolitik.events.codebook import CameoCode, Codebook, default_codebook, quad_class_of
from realpolitik.events.coder import EventCoder
from realpolitik.events.patterns import NounPattern, PatternSet, VerbPattern, default_patterns

__all__ = [
    "CameoCode", "Codebook", "EventCoder", "NounPattern", "PatternSet", "VerbPattern",
    "default_codebook", "default_patterns", "quad_class_of",
]
