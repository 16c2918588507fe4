"""Long documents analysed in pieces, with document offsets kept.

spaCy refuses texts over its ``max_length`` (1,000,000 characters) and its memory grows
with the text parsed at once. A document longer than ``Config.piece_chars`` is cut at
paragraph breaks (else sentence ends, else spaces) into pieces that flow through the
pipeline like documents; the analyses of its pieces are merged back into one analysis of
the whole document, every sentence index, character offset and token index shifted to
where the piece starts. Only pieces are ever parsed, so memory follows the piece size, not
the document size.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

from realpolitik.model import (
    Document,
    DocumentAnalysis,
    Event,
    Mention,
    ParsedDoc,
    PlaceMention,
    Quantity,
    Relation,
    Sentence,
    stable_id,
)

_BREAKS = (re.compile(r"\n\n"), re.compile(r"[.!?][\"'”’)]*\s"), re.compile(r"\s"))


def cut_points(text: str, limit: int) -> list[int]:
    """Offsets where pieces of at most ``limit`` characters start (the first is 0).

    A cut falls after the last paragraph break inside the window, else after its last
    sentence end, else after its last space, else at the limit itself.
    """
    starts = [0]
    at = 0
    while len(text) - at > limit:
        window = text[at:at + limit]
        cut = 0
        for pattern in _BREAKS:
            ends = [m.end() for m in pattern.finditer(window) if m.end() > limit // 4]
            if ends:
                cut = ends[-1]
                break
        at += cut or limit
        starts.append(at)
    return starts


@dataclass(frozen=True, slots=True)
class Piece:
    """Where a piece sits in its document."""

    document: Document
    number: int
    count: int
    offset: int


def split_document(document: Document, limit: int) -> list[tuple[Document, Piece]]:
    """The pieces of a document; a short document is its own single piece."""
    if len(document.text) <= limit:
        return [(document, Piece(document, 0, 1, 0))]
    starts = cut_points(document.text, limit)
    ends = [*starts[1:], len(document.text)]
    out: list[tuple[Document, Piece]] = []
    for number, (start, end) in enumerate(zip(starts, ends, strict=True)):
        piece_doc = replace(document, id=stable_id(document.id, "piece", number, length=24),
                            text=document.text[start:end])
        out.append((piece_doc, Piece(document, number, len(starts), start)))
    return out


def split_documents(documents: Iterable[Document], limit: int,
                    pieces: dict[str, Piece]) -> Iterator[Document]:
    """Documents with long ones replaced by their pieces, recorded in ``pieces``."""
    for document in documents:
        for piece_doc, piece in split_document(document, limit):
            if piece.count > 1:
                pieces[piece_doc.id] = piece
            yield piece_doc


@dataclass(slots=True)
class _Shift:
    sentences: int = 0
    tokens: int = 0
    chars: int = 0
    paragraphs: int = 0


def _sentence(s: Sentence, k: _Shift) -> Sentence:
    return replace(s, index=s.index + k.sentences, start=s.start + k.tokens,
                   end=s.end + k.tokens, start_char=s.start_char + k.chars,
                   end_char=s.end_char + k.chars, paragraph=s.paragraph + k.paragraphs)


def _mention(m: Mention, k: _Shift) -> Mention:
    return replace(m, sentence=m.sentence + k.sentences, start=m.start + k.tokens,
                   end=m.end + k.tokens, start_char=m.start_char + k.chars,
                   end_char=m.end_char + k.chars, head=m.head + k.tokens)


def _event(e: Event, k: _Shift) -> Event:
    place = e.place
    if place is not None:
        span = place.span
        place = replace(place, sentence=place.sentence + k.sentences,
                        span=(span[0] + k.chars, span[1] + k.chars) if span else None)
    return replace(e, sentence=e.sentence + k.sentences,
                   span=(e.span[0] + k.chars, e.span[1] + k.chars),
                   trigger_token=e.trigger_token + k.tokens, place=place)


def _place(p: PlaceMention, k: _Shift) -> PlaceMention:
    return replace(p, sentence=p.sentence + k.sentences, start=p.start + k.tokens,
                   end=p.end + k.tokens, start_char=p.start_char + k.chars,
                   end_char=p.end_char + k.chars)


def _relation(r: Relation, k: _Shift) -> Relation:
    return replace(r, sentence=r.sentence + k.sentences)


def _quantity(q: Quantity, k: _Shift) -> Quantity:
    return replace(q, sentence=q.sentence + k.sentences)


def merge_pieces(document: Document, analyses: list[tuple[DocumentAnalysis, Piece]]
                 ) -> DocumentAnalysis:
    """One analysis of ``document`` from the analyses of its pieces, in order.

    The merged parse keeps the sentences (what the store keeps); tokens and entities stay
    with the pieces, so a long document never holds all its tokens at once.
    """
    shift = _Shift()
    merged = DocumentAnalysis(parsed=ParsedDoc(document=document, tokens=[], sentences=[],
                                               entities=[]))
    for analysis, piece in analyses:
        shift.chars = piece.offset
        parsed = analysis.parsed
        merged.parsed.sentences.extend(_sentence(s, shift) for s in parsed.sentences)
        merged.mentions.extend(_mention(m, shift) for m in analysis.mentions)
        merged.events.extend(_event(e, shift) for e in analysis.events)
        merged.relations.extend(_relation(r, shift) for r in analysis.relations)
        merged.quantities.extend(_quantity(q, shift) for q in analysis.quantities)
        merged.places.extend(_place(p, shift) for p in analysis.places)
        shift.sentences += len(parsed.sentences)
        shift.tokens += len(parsed.tokens)
        shift.paragraphs += 1 + (parsed.sentences[-1].paragraph if parsed.sentences else 0)
    return merged


def merge_stream(analyses: Iterable[DocumentAnalysis], pieces: dict[str, Piece]
                 ) -> Iterator[DocumentAnalysis]:
    """Analyses in input order, the pieces of a long document merged into one."""
    pending: list[tuple[DocumentAnalysis, Piece]] = []
    for analysis in analyses:
        piece = pieces.pop(analysis.document.id, None)
        if piece is None:
            yield analysis
            continue
        pending.append((analysis, piece))
        if piece.number == piece.count - 1:
            yield merge_pieces(piece.document, pending)
            pending = []

