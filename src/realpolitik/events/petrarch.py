"""Read PETRARCH/TABARI verb dictionaries (the ``CAMEO.2.0.txt`` format) as extra patterns.

Supported: block headers ``--- VERB [code] ---`` with their verb forms (the first word of a
line is the lemma; ``{...}`` lists irregular forms), object patterns ``- * NOUN [code]`` and
preposition patterns ``- * (PREP ...) [code]``; a pattern coded ``[---]`` blocks what it
matches (no event). Synset references (``&WORD``), source
restrictions and multi-word objects are skipped: they need PETRARCH's own matcher.
"""

from __future__ import annotations

import re

from realpolitik.errors import DataFileError
from realpolitik.events.codebook import Codebook
from realpolitik.events.patterns import NO_EVENT, VerbPattern

_BLOCK = re.compile(r"^---\s+(\S+)\s+\[([^\]]*)\]\s*---")
_PATTERN = re.compile(r"^-\s+(.*?)\s*\[([0-9A-Fa-f:]+|---)\]")
_VERB_LINE = re.compile(r"^([A-Z][A-Z_]*)\b")


def _code(raw: str, codebook: Codebook) -> str | None:
    code = raw.split(":")[0].strip()
    return code if code in codebook or code == NO_EVENT else None


def parse_petrarch_verbs(text: str, codebook: Codebook, origin: str) -> list[VerbPattern]:
    patterns: list[VerbPattern] = []
    verbs: list[str] = []
    in_block = False
    for number, raw_line in enumerate(text.splitlines(), start=1):
        line = raw_line.split("#", 1)[0].rstrip()
        if not line.strip():
            continue
        block = _BLOCK.match(line)
        if block:
            in_block = True
            verbs = [block.group(1).lower().replace("_", " ")]
            code = _code(block.group(2), codebook)
            if code and code != NO_EVENT:
                patterns.append(VerbPattern(code=code, lemma=verbs[0], confidence=0.6,
                                            origin=f"{origin}:{number}"))
            continue
        if not in_block:
            continue
        pattern = _PATTERN.match(line)
        if pattern:
            code = _code(pattern.group(2), codebook)
            body = pattern.group(1)
            if not code or "&" in body or "$" in body or "+" in body:
                continue
            after = body.split("*", 1)[1].strip() if "*" in body else ""
            for lemma in verbs:
                patterns.extend(_from_body(after, code, lemma, f"{origin}:{number}"))
            continue
        verb = _VERB_LINE.match(line)
        if verb and not line.startswith("-"):
            lemma = verb.group(1).lower().replace("_", " ")
            if lemma not in verbs:
                verbs.append(lemma)
    if not patterns and text.strip():
        raise DataFileError(f"{origin}: no PETRARCH verb patterns found")
    return patterns


def _from_body(after: str, code: str, lemma: str, origin: str) -> list[VerbPattern]:
    prep = re.match(r"^\((\w+)", after)
    if prep:
        return [VerbPattern(code=code, lemma=lemma, prep=(prep.group(1).lower(),),
                            confidence=0.6, origin=origin)]
    word = re.match(r"^([A-Z][A-Z_]*)$", after)
    if word:
        return [VerbPattern(code=code, lemma=lemma,
                            object=frozenset({word.group(1).lower().replace("_", " ")}),
                            confidence=0.6, origin=origin)]
    return []
