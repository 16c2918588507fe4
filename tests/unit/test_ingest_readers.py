from __future__ import annotations

import contextlib
import json
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.config import Config
from realpolitik.errors import DateHeaderError, EncodingError
from realpolitik.ingest import IngestFailure, normalise_text, read_path
from realpolitik.ingest.readers import decode, split_date_header
from realpolitik.model import Document


@pytest.mark.parametrize(("text", "expected_date", "rest"), [
    (" date 2026-03-05 The attack.", date(2026, 3, 5), "The attack."),
    ("date 2026-03-05\n\nBody text.", date(2026, 3, 5), "Body text."),
    ("DATE: 2019/1/7 Body", date(2019, 1, 7), "Body"),
    ("Date palms grow in Iraq.", None, "Date palms grow in Iraq."),
    ("The date 2020-01-01 was chosen.", None, "The date 2020-01-01 was chosen."),
])
def test_date_header(text: str, expected_date: date | None, rest: str) -> None:
    when, body = split_date_header(text, "f.txt")
    assert when == expected_date
    assert body.strip() == rest


@pytest.mark.parametrize("text", ["date 2026-02-30 x", "date 2026-13-01 x", "date 20260-1 x",
                                  "date 12-2026-01 x"])
def test_bad_date_header_names_the_file(text: str) -> None:
    with pytest.raises(DateHeaderError, match=r"^f\.txt: "):
        split_date_header(text, "f.txt")


@given(st.text(max_size=200))
def test_date_header_only_raises_date_errors(text: str) -> None:
    with contextlib.suppress(DateHeaderError):
        split_date_header(text, "x")


@given(st.text(max_size=300))
def test_normalise_is_idempotent(text: str) -> None:
    once = normalise_text(text)
    assert normalise_text(once) == once


def test_paragraph_breaks_survive_normalisation() -> None:
    assert normalise_text("One.\r\n\r\n\r\nTwo.  \n Three.") == "One.\n\nTwo.\nThree."


@pytest.mark.parametrize(("data", "reason"), [
    (b"\x89PNG\r\n\x1a\n\x00\x00", "binary"),
    (b"abc\x00def", "binary"),
    (b"caf\xe9 au lait", "UTF-8"),
])
def test_decode_rejects(data: bytes, reason: str) -> None:
    with pytest.raises(EncodingError, match=reason):
        decode(data, "x.txt")


def test_decode_accepts_bom_and_utf16() -> None:
    assert decode("\ufeffhello".encode(), "x") == "hello"
    assert decode("hello".encode("utf-16"), "x") == "hello"


def _items(path: Path, **cfg: object) -> list[Document | IngestFailure]:
    return list(read_path(path, Config(**cfg)))  # type: ignore[arg-type]


def test_jsonl_good_and_bad_lines(tmp_path: Path) -> None:
    corpus = tmp_path / "c.jsonl"
    corpus.write_bytes(
        json.dumps({"id": "a", "date": "2020-01-02", "title": "T", "text": "Iran met Iraq."})
        .encode() + b"\n{not json\n" + json.dumps({"id": "b", "text": ""}).encode() + b"\n"
        + b'{"id": "c", "text": "caf\xe9"}\n'
        + json.dumps({"id": "d", "date": "2020-02-31", "text": "x"}).encode() + b"\n")
    items = _items(corpus)
    docs = [i for i in items if isinstance(i, Document)]
    fails = {i.location.rsplit(":", 1)[1]: i.reason for i in items
             if isinstance(i, IngestFailure)}
    assert [d.external_id for d in docs] == ["a"]
    assert docs[0].date == date(2020, 1, 2) and docs[0].title == "T"
    assert set(fails) == {"2", "3", "4", "5"}
    assert "malformed JSON" in fails["2"] and "empty" in fails["3"]
    assert "UTF-8" in fails["4"] and "impossible date" in fails["5"]


def test_csv_corpus(tmp_path: Path) -> None:
    corpus = tmp_path / "c.csv"
    corpus.write_text('id,date,title,text,url\n1,2021-05-01,A,"Russia, in turn, '
                      'agreed.",http://x\n2,2021-05-02,B,,\n', encoding="utf-8")
    items = _items(corpus)
    assert isinstance(items[0], Document) and items[0].url == "http://x"
    assert isinstance(items[1], IngestFailure) and items[1].location.endswith(":3")


def test_directory_mixes_good_and_bad(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("date 2020-01-01 Egypt criticised Israel.")
    (tmp_path / "b.txt").write_bytes(b"")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.bin").write_bytes(b"\x00\x01\x02")
    (tmp_path / ".hidden.txt").write_text("ignored")
    items = _items(tmp_path)
    assert [type(i).__name__ for i in items] == ["Document", "IngestFailure", "IngestFailure"]


def test_size_limit(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("x" * 2000)
    (fail,) = _items(big, max_file_bytes=1000)
    assert isinstance(fail, IngestFailure) and "too large" in fail.reason


def test_same_text_same_id(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Turkey  shelled Syria.\r\n")
    (tmp_path / "b.txt").write_text("Turkey shelled Syria.")
    a, b = _items(tmp_path)
    assert isinstance(a, Document) and isinstance(b, Document) and a.id == b.id


def test_html_extraction(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    body = " ".join(["Germany and France signed a defence agreement in Paris on Monday."] * 8)
    page.write_text(f"<html><head><title>Pact</title><meta name='date' content='2023-04-05'>"
                    f"</head><body><article><h1>Pact</h1><p>{body}</p></article></body></html>")
    (doc,) = _items(page)
    assert isinstance(doc, Document) and "defence agreement" in doc.text


def test_broken_html_is_a_failure(tmp_path: Path) -> None:
    page = tmp_path / "p.html"
    page.write_text("<html><body><div><script>var x=1;</script></div>")
    (fail,) = _items(page)
    assert isinstance(fail, IngestFailure) and "no article text" in fail.reason


def test_rss_feed(tmp_path: Path) -> None:
    feed = tmp_path / "f.rss"
    feed.write_text("""<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>
<item><title>One</title><link>http://a</link><description>&lt;p&gt;Japan protested to China.
&lt;/p&gt;</description><pubDate>Tue, 10 Jun 2025 09:00:00 GMT</pubDate></item>
<item><title>Empty</title><description></description></item></channel></rss>""")
    doc, fail = _items(feed)
    assert isinstance(doc, Document) and doc.date == date(2025, 6, 10)
    assert doc.text == "Japan protested to China." and doc.url == "http://a"
    assert isinstance(fail, IngestFailure)


def test_date_override(tmp_path: Path) -> None:
    f = tmp_path / "a.txt"
    f.write_text("date 2020-01-01 India hosted Japan.")
    (doc,) = _items(f, date_override="2021-06-30")
    assert isinstance(doc, Document) and doc.date == date(2021, 6, 30)
