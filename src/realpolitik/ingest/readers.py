"""Turn paths (files, directories, ``-``) into documents or one-line failures.

Every bad item becomes an :class:`IngestFailure` naming the file (and line) and the
reason; good items keep flowing, so one broken file never stops a directory.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from realpolitik.config import Config
from realpolitik.errors import (
    DateHeaderError,
    EmptyInputError,
    EncodingError,
    InputError,
    InputTooLargeError,
    RecordError,
)
from realpolitik.ingest.normalise import make_document, normalise_text
from realpolitik.model import Document

TEXT_SUFFIXES = {".txt", ".text", ".md", ".story", ""}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
FEED_SUFFIXES = {".rss", ".atom", ".xml"}
JSONL_SUFFIXES = {".jsonl", ".ndjson", ".json"}
CSV_SUFFIXES = {".csv"}
_BINARY_MAGIC = (b"%PDF", b"\x89PNG", b"PK\x03\x04", b"\x1f\x8b", b"GIF8", b"\xff\xd8\xff",
                 b"BZh", b"\x7fELF", b"7z\xbc\xaf")
#: "date 2026-03-05" (also written with / or .) before the text, as news exports have it
_DATE_HEADER = re.compile(r"\A\s*date[ \t]*[:=]?[ \t]+(\d[\d./-]*\d)(?=\s|\Z)", re.IGNORECASE)
#: what ``surrogateescape`` leaves for a byte that is not UTF-8
_UNDECODED = re.compile("[\udc80-\udcff]")
_ISO_DATE = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")


@dataclass(frozen=True, slots=True)
class IngestFailure:
    """An item that could not be ingested: where it is and why."""

    location: str
    reason: str

    @classmethod
    def from_error(cls, error: InputError) -> IngestFailure:
        return cls(error.location, error.reason)

    def __str__(self) -> str:
        return f"{self.location}: {self.reason}"


IngestItem = Document | IngestFailure


def parse_iso_date(value: str, location: str) -> date:
    """A strict calendar date; impossible dates (2026-02-30) are errors, not guesses."""
    match = _ISO_DATE.fullmatch(value.strip())
    if not match:
        raise DateHeaderError(location, f"malformed date {value!r} (expected YYYY-MM-DD)")
    year, month, day = (int(g) for g in match.groups())
    try:
        return date(year, month, day)
    except ValueError as exc:
        raise DateHeaderError(location, f"impossible date {value!r} ({exc})") from None


def split_date_header(text: str, location: str) -> tuple[date | None, str]:
    """Strip a leading ``date YYYY-MM-DD`` run and return (date, rest of text)."""
    match = _DATE_HEADER.match(text)
    if not match:
        return None, text
    return parse_iso_date(match.group(1), location), text[match.end():]


def decode(data: bytes, location: str) -> str:
    """Strict UTF-8 (BOM-aware) or UTF-16 with a BOM; anything else is an error."""
    head = data[:8192]
    if any(head.startswith(m) for m in _BINARY_MAGIC):
        raise EncodingError(location, "binary file, not text")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise EncodingError(location, f"undecodable UTF-16 at byte {exc.start}") from None
    if b"\x00" in head:
        raise EncodingError(location, "binary file, not text (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise EncodingError(
            location, f"not valid UTF-8: undecodable byte 0x{data[exc.start]:02x} at offset "
            f"{exc.start}",
        ) from None


def _read_bytes(path: Path, config: Config) -> bytes:
    try:
        size = path.stat().st_size
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    if size > config.max_file_bytes:
        raise InputTooLargeError(
            str(path), f"file too large ({size:,} bytes; the limit is "
            f"{config.max_file_bytes:,}, set by --max-bytes)",
        )
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None


def date_override(config: Config, location: str) -> date | None:
    """The ``--date`` every document takes, strictly parsed; None when none was given."""
    if config.date_override is None:
        return None
    return parse_iso_date(config.date_override, f"{location} (--date)")


def text_document(raw: str, location: str, config: Config) -> Document:
    """A plain-text document with an optional leading ``date YYYY-MM-DD`` header."""
    header_date, body = split_date_header(raw, location)
    if not normalise_text(body):
        raise EmptyInputError(location, "empty document (no text)")
    when = date_override(config, location) or header_date
    return make_document(body, source=location, when=when)


def html_document(raw: str, location: str, config: Config) -> Document:
    """Main text and metadata of an HTML page, extracted by trafilatura."""
    import trafilatura

    extracted = trafilatura.bare_extraction(raw, with_metadata=True, favor_recall=True)
    text = _field(extracted, "text") if extracted is not None else None
    if not text or not normalise_text(text):
        raise EmptyInputError(location, "no article text found in the HTML")
    meta_date = _field(extracted, "date")
    when = date_override(config, location)
    if when is None and meta_date:
        try:
            when = parse_iso_date(meta_date[:10], location)
        except DateHeaderError:
            when = None  # page metadata is advisory; a bad one is not the user's error
    return make_document(text, source=location, when=when, title=_field(extracted, "title"),
                         url=_field(extracted, "url"))


def _field(extracted: Any, name: str) -> str | None:
    value = extracted.get(name) if isinstance(extracted, dict) else getattr(extracted, name, None)
    return str(value) if value else None


def record_document(record: dict[str, Any], location: str, config: Config) -> Document:
    """A corpus record with ``id``, ``date``, ``title``, ``text`` and optional ``url``."""
    text = record.get("text")
    if not isinstance(text, str):
        raise RecordError(location, "record has no 'text' string")
    if not normalise_text(text):
        raise EmptyInputError(location, "record text is empty")
    if len(text.encode("utf-8")) > config.max_file_bytes:
        raise InputTooLargeError(location, "record text over the size limit")
    when = date_override(config, location)
    raw_date = record.get("date")
    if raw_date is not None and not isinstance(raw_date, str):
        raise RecordError(location, f"'date' must be a string, not {_json_type(raw_date)}")
    if when is None and raw_date not in (None, ""):
        from realpolitik.timex import parse_publication_date

        when = parse_publication_date(str(raw_date), location)
    title = _text_field(record, "title", location)
    url = _text_field(record, "url", location)
    rid = record.get("id")
    if rid is not None and (isinstance(rid, bool) or not isinstance(rid, str | int)):
        raise RecordError(location, f"'id' must be a string or an integer, not "
                                    f"{_json_type(rid)}")
    return make_document(
        text, source=location, when=when, title=title or None, url=url or None,
        external_id=str(rid) if rid not in (None, "") else None,
    )


def _json_type(value: Any) -> str:
    return {dict: "an object", list: "an array", bool: "a boolean", int: "a number",
            float: "a number"}.get(type(value), type(value).__name__)


def _text_field(record: dict[str, Any], name: str, location: str) -> str | None:
    """An optional text field; an object or array there is a malformed record, never
    stored as its Python repr."""
    value = record.get(name)
    if value is None or isinstance(value, str):
        return value
    raise RecordError(location, f"'{name}' must be a string, not {_json_type(value)}")


def read_jsonl(stream: Iterable[str | bytes], location: str, config: Config
               ) -> Iterator[IngestItem]:
    for number, raw_line in enumerate(stream, start=1):
        where = f"{location}:{number}"
        if isinstance(raw_line, bytes):
            try:
                line = raw_line.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                yield IngestFailure(where, f"not valid UTF-8: undecodable byte at column "
                                           f"{exc.start + 1}")
                continue
        else:
            line = raw_line
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestFailure(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
            continue
        if not isinstance(record, dict):
            yield IngestFailure(where, "a JSON Lines record must be an object")
            continue
        try:
            yield record_document(record, where, config)
        except InputError as exc:
            yield IngestFailure.from_error(exc)


def read_csv(stream: Iterable[str], location: str, config: Config) -> Iterator[IngestItem]:
    csv.field_size_limit(max(config.max_file_bytes, 131072))
    reader = csv.DictReader(stream)
    try:
        fieldnames = reader.fieldnames
    except csv.Error as exc:
        yield IngestFailure(f"{location}:1", f"malformed CSV header ({exc})")
        return
    if fieldnames is None or "text" not in fieldnames:
        yield IngestFailure(location, "CSV corpus needs a header with a 'text' column")
        return
    stuck = 0
    while True:
        before = reader.line_num
        try:
            record = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            # one malformed record is one failure; the reader goes on at the next line
            yield IngestFailure(f"{location}:{reader.line_num}", f"malformed CSV ({exc})")
            # the reader has consumed the bad line even when line_num lags behind; a stuck
            # reader (no progress twice in a row) ends the file instead of looping
            stuck = stuck + 1 if reader.line_num == before else 0
            if stuck > 1:
                return
            continue
        where = f"{location}:{reader.line_num}"
        if None in record:
            yield IngestFailure(where, "more fields than the header names")
            continue
        if any(isinstance(v, str) and _UNDECODED.search(v) for v in record.values()):
            yield IngestFailure(where, "not valid UTF-8: undecodable bytes in this record")
            continue
        try:
            yield record_document(dict(record), where, config)
        except InputError as exc:
            yield IngestFailure.from_error(exc)


def _sniff(text: str) -> str:
    head = text.lstrip()[:512].lower()
    if head.startswith("{"):
        return "jsonl"
    if head.startswith(("<rss", "<feed", "<?xml")) and ("<rss" in head or "<feed" in head):
        return "feed"
    if head.startswith("<"):
        return "html"
    return "text"


def _kind_of(path: Path) -> str | None:
    suffix = path.suffix.lower()
    for kind, suffixes in (("html", HTML_SUFFIXES), ("feed", FEED_SUFFIXES),
                           ("jsonl", JSONL_SUFFIXES), ("csv", CSV_SUFFIXES),
                           ("text", TEXT_SUFFIXES)):
        if suffix in suffixes:
            return kind
    return None


def read_text_by_kind(text: str, kind: str, location: str, config: Config
                      ) -> Iterator[IngestItem]:
    try:
        if kind == "jsonl":
            yield from read_jsonl(io.StringIO(text), location, config)
        elif kind == "csv":
            yield from read_csv(io.StringIO(text, newline=""), location, config)
        elif kind == "feed":
            from realpolitik.ingest.feeds import read_feed

            yield from read_feed(text, location, config)
        elif kind == "html":
            yield html_document(text, location, config)
        else:
            yield text_document(text, location, config)
    except InputError as exc:
        yield IngestFailure.from_error(exc)


def read_file(path: Path, config: Config) -> Iterator[IngestItem]:
    location = str(path)
    kind = _kind_of(path)
    if kind in ("jsonl", "csv"):
        yield from _read_corpus_file(path, kind, config)
        return
    try:
        text = decode(_read_bytes(path, config), location)
    except InputError as exc:
        yield IngestFailure.from_error(exc)
        return
    yield from read_text_by_kind(text, kind or _sniff(text), location, config)


def _read_corpus_file(path: Path, kind: str, config: Config) -> Iterator[IngestItem]:
    """Stream a corpus line by line: corpora may be far larger than one document."""
    location = str(path)
    try:
        with path.open("rb") as raw:
            head = raw.read(8192)
            if b"\x00" in head or any(head.startswith(m) for m in _BINARY_MAGIC):
                yield IngestFailure(location, "binary file, not text")
                return
            raw.seek(0)
            if kind == "jsonl":
                # bytes per line: one undecodable record is one failure, not a dead file
                yield from read_jsonl(raw, location, config)
            else:
                yield from _read_csv_stream(raw, location, config)
    except OSError as exc:
        yield IngestFailure(location, f"cannot read: {exc.strerror or exc}")


def _read_csv_stream(raw: BinaryIO, location: str, config: Config) -> Iterator[IngestItem]:
    """Bytes decoded line by line, undecodable bytes kept as lone surrogates, so that the
    record holding them fails alone and the records around it are read."""

    def lines() -> Iterator[str]:
        for number, line in enumerate(raw):
            if number == 0 and line.startswith(b"\xef\xbb\xbf"):
                line = line[3:]
            text = line.decode("utf-8", errors="surrogateescape")
            # a carriage return inside a record is whitespace: the csv module otherwise
            # takes it for a line end and the record's neighbours shift or fail with it
            body = text.rstrip("\r\n")
            yield body.replace("\r", " ") + text[len(body):]

    yield from read_csv(lines(), location, config)


def read_path(path: Path, config: Config) -> Iterator[IngestItem]:
    """Documents from a file or, recursively and in sorted order, a directory."""
    if str(path) == "-":
        data = sys.stdin.buffer.read()
        try:
            text = decode(data, "<stdin>")
        except InputError as exc:
            yield IngestFailure.from_error(exc)
            return
        yield from read_text_by_kind(text, _sniff(text), "<stdin>", config)
        return
    if path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path))
        if not files:
            yield IngestFailure(str(path), "directory holds no files")
        for file in files:
            yield from read_file(file, config)
        return
    if not path.exists():
        yield IngestFailure(str(path), "no such file or directory")
        return
    yield from read_file(path, config)


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def read_inputs(paths: Iterable[Path], config: Config) -> Iterator[IngestItem]:
    for path in paths:
        yield from read_path(path, config)
