"""Every reader over generated input: each item is a document or a one-line failure, no
exception escapes, and every good record survives the bad ones beside it."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any
from xml.sax.saxutils import escape

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from realpolitik.config import Config
from realpolitik.errors import DateHeaderError
from realpolitik.ingest import IngestFailure
from realpolitik.ingest.normalise import normalise_text
from realpolitik.ingest.readers import (
    _read_csv_stream,
    read_jsonl,
    read_text_by_kind,
    split_date_header,
)
from realpolitik.model import Document
from tests.fuzz.conftest import fuzz_settings

pytestmark = pytest.mark.fuzz

CONFIG = Config()
#: text a record may hold: any unicode, markup look-alikes, controls, long runs of space
TEXT = st.text(st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=200)
GOOD_TEXT = st.from_regex(r"[A-Z][a-z]{2,9}( [a-z]{2,9}){1,8}\.", fullmatch=True)
DATES = st.one_of(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)).map(
    date.isoformat), st.none())


def _check_items(items: list[Any]) -> None:
    for item in items:
        assert isinstance(item, Document | IngestFailure)
        if isinstance(item, IngestFailure):
            assert "\n" not in str(item) or "\n" in item.location


@fuzz_settings(1500)
@given(TEXT)
def test_plain_text_never_raises(text: str) -> None:
    items = list(read_text_by_kind(text, "text", "f.txt", CONFIG))
    _check_items(items)
    assert len(items) == 1
    if normalise_text(text) and not text.lstrip().lower().startswith("date"):
        assert isinstance(items[0], Document)


HEADER_VALUES = st.one_of(
    st.dates().map(date.isoformat),
    st.from_regex(r"\d{1,5}[-/.]\d{1,3}[-/.]\d{1,3}", fullmatch=True),
    st.text(max_size=20))


@fuzz_settings(1000)
@given(HEADER_VALUES, st.sampled_from(["date ", "Date: ", "DATE=", "date\t", "  date  "]),
       GOOD_TEXT)
def test_date_header_is_a_date_or_a_one_line_error(value: str, lead: str, body: str) -> None:
    text = f"{lead}{value}\n\n{body}"
    try:
        when, rest = split_date_header(text, "f.txt")
    except DateHeaderError as exc:
        assert "f.txt" in str(exc)
        return
    assert when is None or isinstance(when, date)
    assert body in rest
    (item,) = read_text_by_kind(text, "text", "f.txt", CONFIG)
    assert isinstance(item, Document | IngestFailure)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(TEXT, inner, max_size=3),
    max_leaves=6)
GOOD_RECORD = st.fixed_dictionaries(
    {"text": GOOD_TEXT},
    optional={"id": st.one_of(st.integers(), st.from_regex(r"[a-z0-9]{1,8}", fullmatch=True)),
              "date": DATES, "title": st.one_of(st.none(), TEXT),
              "url": st.one_of(st.none(), TEXT)})
BAD_RECORD = st.one_of(
    st.dictionaries(st.sampled_from(["id", "date", "title", "text", "url", "x"]), JSON_VALUES,
                    max_size=5),
    JSON_VALUES)
LINE = st.one_of(GOOD_RECORD.map(lambda r: ("good", json.dumps(r))),
                 BAD_RECORD.map(lambda r: ("any", json.dumps(r))),
                 TEXT.filter(lambda t: "\n" not in t and "\r" not in t).map(lambda t: ("any", t)))


@fuzz_settings(800)
@given(st.lists(LINE, min_size=1, max_size=8))
def test_jsonl_keeps_every_good_record(lines: list[tuple[str, str]]) -> None:
    data = "".join(line + "\n" for _, line in lines).encode("utf-8")
    items = list(read_jsonl(io.BytesIO(data), "c.jsonl", CONFIG))
    _check_items(items)
    sources = {i.source for i in items if isinstance(i, Document)}
    for number, (kind, _) in enumerate(lines, start=1):
        if kind == "good":
            assert f"c.jsonl:{number}" in sources, (lines, items)
    failed = {i.location for i in items if isinstance(i, IngestFailure)}
    assert not sources & failed


CSV_CELL = st.one_of(TEXT, st.just(""), st.sampled_from(['"', '""', ",", "\r\n", "[/x]"]))
CSV_ROW = st.one_of(
    st.tuples(st.just("good"), st.lists(GOOD_TEXT, min_size=3, max_size=3)),
    st.tuples(st.just("any"), st.lists(CSV_CELL, min_size=0, max_size=5)),
    st.tuples(st.just("bad_bytes"), st.lists(GOOD_TEXT, min_size=3, max_size=3)))


@fuzz_settings(600)
@given(st.lists(CSV_ROW, min_size=1, max_size=8))
def test_csv_bad_record_never_costs_a_good_one(rows: list[tuple[str, list[str]]]) -> None:
    out = io.BytesIO()
    good_lines: list[int] = []
    line = 1
    out.write(b"id,title,text\n")
    for kind, cells in rows:
        buffer = io.StringIO()
        csv.writer(buffer, lineterminator="\n").writerow(cells)
        raw = buffer.getvalue().encode("utf-8")
        if kind == "bad_bytes":
            raw = raw.replace(b" ", b" \xff", 1)
        line += raw.count(b"\n")
        if kind == "good":
            good_lines.append(line)
        out.write(raw)
    out.seek(0)
    items = list(_read_csv_stream(out, "c.csv", CONFIG))
    _check_items(items)
    sources = {i.source for i in items if isinstance(i, Document)}
    for number in good_lines:
        assert f"c.csv:{number}" in sources, (rows, items)
    for item in items:
        if isinstance(item, Document):
            assert "\udcff" not in item.text


ITEM = st.tuples(st.one_of(TEXT, GOOD_TEXT), st.one_of(TEXT, GOOD_TEXT),
                 st.one_of(st.none(), st.just("Tue, 05 Mar 2026 10:00:00 GMT"), TEXT))


@fuzz_settings(500)
@given(st.lists(ITEM, min_size=1, max_size=5), st.booleans())
def test_feeds_one_document_or_failure_per_item(items: list[tuple[str, str, str | None]],
                                                atom: bool) -> None:
    def clean(text: str) -> str:
        # XML 1.0 cannot carry most control characters at all, escaped or not
        return escape("".join(c for c in text if c in "\t\n" or ord(c) >= 32))

    if atom:
        body = "".join(f"<entry><title>{clean(t)}</title><content>{clean(b)}</content>"
                       f"{'' if p is None else f'<updated>{clean(p)}</updated>'}</entry>"
                       for t, b, p in items)
        feed = f'<feed xmlns="http://www.w3.org/2005/Atom">{body}</feed>'
    else:
        body = "".join(f"<item><title>{clean(t)}</title><description>{clean(b)}</description>"
                       f"{'' if p is None else f'<pubDate>{clean(p)}</pubDate>'}</item>"
                       for t, b, p in items)
        feed = f"<rss><channel>{body}</channel></rss>"
    got = list(read_text_by_kind(feed, "feed", "f.rss", CONFIG))
    _check_items(got)
    assert len(got) == len(items)


@fuzz_settings(600)
@given(TEXT)
@example("<\x00")  # libxml2's message for a NUL ended in a newline
def test_feed_garbage_is_one_failure(text: str) -> None:
    got = list(read_text_by_kind(text, "feed", "f.rss", CONFIG))
    _check_items(got)


HTML = st.one_of(
    TEXT,
    st.builds(lambda title, body: f"<html><head><title>{escape(title)}</title></head><body>"
                                  f"<article><p>{escape(body)}</p></article></body></html>",
              TEXT, TEXT),
    st.sampled_from(["<html>", "<html><body><div><script>x()</script>", "<", "<!--",
                     "<p>" * 50]))


@fuzz_settings(400)
@given(HTML)
def test_html_never_raises(text: str) -> None:
    got = list(read_text_by_kind(text, "html", "p.html", CONFIG))
    _check_items(got)
    assert len(got) == 1
