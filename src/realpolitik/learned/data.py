"""Readers for the training data of the learned components.

Three formats:

- Multi-CoPED event classes (``cameo_class_train.tsv``): ``sentence<TAB>label`` with the
  label 0..4 (:data:`CLASS_NAMES`).
- Multi-CoPED participants (``cameo_ner_train.conll``): one ``token TAG`` a line, a blank
  line between sentences, BIO tags with ``S`` source, ``T`` target and ``R`` a third, rarer
  participant. ``R`` spans are read but the models learn only source and target.
- The project's event gold (``gold/events_dev.jsonl``): each sentence's label is the class
  of its **first asserted, actual event** in the order the gold lists them (the annotators
  list the sentence's main act first, then embedded or reciprocal events). A sentence with
  no events, or with only negated / future / hypothetical / reported / demanded events,
  gets no label and is skipped: the classifier learns what did happen.

Every malformed line is a :class:`~realpolitik.errors.GoldFormatError` naming ``file:line``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from realpolitik.errors import GoldFormatError
from realpolitik.goldfiles import jsonl_records

#: the five Multi-CoPED classes, by index
CLASS_NAMES: tuple[str, ...] = (
    "statement",            # 01–02
    "verbal_cooperation",   # 03–05
    "material_cooperation",  # 06–08
    "verbal_conflict",      # 09–13
    "material_conflict",    # 14–20
)
#: class index → the CAMEO roots it covers
CLASS_ROOTS: dict[int, tuple[str, ...]] = {
    0: ("01", "02"),
    1: ("03", "04", "05"),
    2: ("06", "07", "08"),
    3: ("09", "10", "11", "12", "13"),
    4: ("14", "15", "16", "17", "18", "19", "20"),
}
_ROOT_CLASS = {root: index for index, roots in CLASS_ROOTS.items() for root in roots}
#: CoNLL tag letter → span label
SPAN_LABELS = {"S": "source", "T": "target", "R": "other"}
_TAG = re.compile(r"^(?:O|[BI]-[STR])$")
#: tokens written without a space before them / after them when a sentence is rebuilt
_NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "'", "n't",
                    "'re", "'ve", "'ll", "'d", "'m", "”", "’", "ʼs", "’s"}
_NO_SPACE_AFTER = {"(", "[", "{", "$", "“", "‘", "#"}


def root_class(code: str) -> int:
    """Class index of a CAMEO code (``"0331"`` → 1); a :class:`ValueError` if unknown."""
    try:
        return _ROOT_CLASS[code[:2]]
    except KeyError:
        raise ValueError(f"not a CAMEO code: {code!r}") from None


@dataclass(frozen=True, slots=True)
class ClassExample:
    """A sentence and its event class (0..4); ``origin`` is ``file:line``."""

    text: str
    label: int
    origin: str


@dataclass(frozen=True, slots=True)
class SpanExample:
    """A sentence and its participant spans as character offsets ``(start, end, label)``."""

    text: str
    spans: tuple[tuple[int, int, str], ...]
    origin: str

    def spans_of(self, label: str) -> list[tuple[int, int]]:
        return [(s, e) for s, e, lab in self.spans if lab == label]


def _read_lines(path: Path) -> list[str]:
    try:
        return path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read training file ({exc})") from None


def read_class_tsv(path: Path) -> list[ClassExample]:
    """The examples of a ``sentence<TAB>label`` file (blank lines skipped)."""
    out: list[ClassExample] = []
    for number, line in enumerate(_read_lines(path), start=1):
        if not line.strip():
            continue
        fields = line.split("\t")
        if len(fields) != 2:
            raise GoldFormatError(
                f"{path}:{number}: expected 'sentence<TAB>label', found {len(fields)} field(s)")
        text, label = fields[0].strip(), fields[1].strip()
        if not text:
            raise GoldFormatError(f"{path}:{number}: empty sentence")
        if label not in {"0", "1", "2", "3", "4"}:
            raise GoldFormatError(f"{path}:{number}: label {label!r} is not one of 0..4")
        out.append(ClassExample(text, int(label), f"{path.name}:{number}"))
    return out


def read_events_gold(path: Path) -> list[ClassExample]:
    """Class examples from the project's event gold (see the module docstring for the label)."""
    out: list[ClassExample] = []
    for number, record in jsonl_records(path):
        where = f"{path}:{number}"
        if not isinstance(record, dict):
            raise GoldFormatError(f"{where}: not a JSON object")
        text, events = record.get("text"), record.get("events")
        if not isinstance(text, str) or not text.strip():
            raise GoldFormatError(f"{where}: missing or empty 'text'")
        if not isinstance(events, list):
            raise GoldFormatError(f"{where}: 'events' is not a list")
        label: int | None = None
        for event in events:
            if not isinstance(event, dict) or not isinstance(event.get("code"), str):
                raise GoldFormatError(f"{where}: an event without a string 'code'")
            try:
                cls = root_class(event["code"])
            except ValueError as exc:
                raise GoldFormatError(f"{where}: {exc}") from None
            if (label is None and event.get("polarity", "asserted") == "asserted"
                    and event.get("modality", "actual") == "actual"):
                label = cls
        if label is not None:
            out.append(ClassExample(text.strip(), label, f"{path.name}:{number}"))
    return out


def _detokenise(words: Sequence[str]) -> tuple[str, list[int]]:
    """Rebuild a sentence from tokens; returns the text and each token's start offset."""
    parts: list[str] = []
    starts: list[int] = []
    length = 0
    for i, word in enumerate(words):
        if i > 0 and word not in _NO_SPACE_BEFORE and words[i - 1] not in _NO_SPACE_AFTER:
            parts.append(" ")
            length += 1
        starts.append(length)
        parts.append(word)
        length += len(word)
    return "".join(parts), starts


def _align(words: Sequence[str], text: str) -> list[int] | None:
    """Start offset of each token in ``text``, or None when the tokens are not its words."""
    starts: list[int] = []
    pos = 0
    for word in words:
        while pos < len(text) and text[pos].isspace():
            pos += 1
        if not text.startswith(word, pos):
            return None
        starts.append(pos)
        pos += len(word)
    return starts if not text[pos:].strip() else None


def _squash(text: str) -> str:
    return "".join(text.split())


def _tag_spans(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """Token spans ``[start, end)`` of BIO tags; an ``I-`` after another label starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, label = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        inside = tag.startswith("I-") and tag[2:] == label and start >= 0
        if inside:
            continue
        if start >= 0:
            spans.append((start, i, label))
            start, label = -1, ""
        if tag != "O":
            start, label = i, tag[2:]
    return spans


def read_ner_conll(path: Path, raw_texts: Sequence[str] = ()) -> list[SpanExample]:
    """Participant spans of a ``token TAG`` CoNLL file.

    A sentence whose tokens are exactly the words of one of ``raw_texts`` (compared
    without whitespace) keeps that original text; any other is rebuilt from its tokens.
    """
    raw = {_squash(t): t for t in raw_texts}
    out: list[SpanExample] = []
    words: list[str] = []
    tags: list[str] = []
    first_line = 0
    lines = _read_lines(path)
    for number, line in enumerate([*lines, ""], start=1):
        if not line.strip():
            if words:
                out.append(_span_example(words, tags, raw, f"{path.name}:{first_line}"))
                words, tags = [], []
            continue
        fields = line.split()
        if len(fields) != 2:
            raise GoldFormatError(
                f"{path}:{number}: expected 'token TAG', found {len(fields)} field(s)")
        if not _TAG.match(fields[1]):
            raise GoldFormatError(f"{path}:{number}: tag {fields[1]!r} is not O or B-/I- S, T, R")
        if not words:
            first_line = number
        words.append(fields[0])
        tags.append(fields[1])
    return out


def _span_example(words: list[str], tags: list[str], raw: dict[str, str],
                  origin: str) -> SpanExample:
    text = raw.get("".join(words))
    starts = _align(words, text) if text is not None else None
    if text is None or starts is None:
        text, starts = _detokenise(words)
    spans = tuple(
        (starts[s], starts[e - 1] + len(words[e - 1]), SPAN_LABELS[label])
        for s, e, label in _tag_spans(tags)
    )
    return SpanExample(text, spans, origin)
