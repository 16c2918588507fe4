"""Publication dates from headers, corpus fields and HTML metadata."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.errors import DateHeaderError
from realpolitik.timex import parse_publication_date, publication_date_from_html


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026-03-05", date(2026, 3, 5)), (" 2026-03-05 ", date(2026, 3, 5)),
     ("2026-3-5", date(2026, 3, 5)), ("2026-03-05T08:30:00Z", date(2026, 3, 5)),
     ("2026-03-05 08:30", date(2026, 3, 5)), ("2026-03-05T08:30:00+01:00", date(2026, 3, 5)),
     ("20260305", date(2026, 3, 5)), ("2026/03/05", date(2026, 3, 5)),
     ("5 March 2026", date(2026, 3, 5)), ("March 5, 2026", date(2026, 3, 5)),
     ("Thursday, 5 March 2026", date(2026, 3, 5)), ("Mar 5 2026", date(2026, 3, 5)),
     ("5th of March 2026", date(2026, 3, 5)),
     ("Thu, 05 Mar 2026 10:00:00 +0000", date(2026, 3, 5)),
     ("25/12/2025", date(2025, 12, 25)), ("12/25/2025", date(2025, 12, 25)),
     ("05/05/2025", date(2025, 5, 5)), ("2024-02-29", date(2024, 2, 29)),
     ("1987-02-26", date(1987, 2, 26))],
)
def test_accepted_formats(text: str, expected: date) -> None:
    assert parse_publication_date(text, "doc.txt:1") == expected


@pytest.mark.parametrize(
    ("text", "reason"),
    [("2026-02-30", "February 2026 has 28 days"), ("2025-02-29", "has 28 days"),
     ("2026-13-01", "no month 13"), ("2026-04-31", "April 2026 has 30 days"),
     ("2026-00-10", "no month 0"), ("", "empty"), ("yesterday", "cannot read"),
     ("05/04/2026", "ambiguous"), ("31 Foo 2026", "cannot read"),
     ("Thu, 30 Feb 2026 10:00:00 +0000", "impossible"), ("2026-03", "cannot read"),
     ("30 February 2026", "has 28 days"), ("0000-01-01", "year 0")],
)
def test_rejected_dates_name_the_location(text: str, reason: str) -> None:
    with pytest.raises(DateHeaderError) as caught:
        parse_publication_date(text, "corpus.jsonl:7")
    assert caught.value.location == "corpus.jsonl:7"
    assert reason in caught.value.reason


def test_html_metadata() -> None:
    html = ('<html><head><meta property="article:published_time" '
            'content="2026-03-05T08:00:00Z"><title>t</title></head>'
            '<body><article><p>Text of the article.</p></article></body></html>')
    assert publication_date_from_html(html, "page.html") == date(2026, 3, 5)


@pytest.mark.parametrize("html", ["<html><body><p>No date here.</p></body></html>", "",
                                  "<<<>>>"])
def test_html_without_a_date(html: str) -> None:
    assert publication_date_from_html(html, "page.html") is None
