"""Property tests: resolution never raises on arbitrary text, and what it returns is sane."""

from __future__ import annotations

import json
from datetime import date, timedelta
from itertools import pairwise
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from realpolitik.config import Config
from realpolitik.errors import DateHeaderError, QueryError
from realpolitik.model import DateInterval
from realpolitik.timex import (
    TimeResolver,
    analyse_expression,
    parse_publication_date,
    parse_window,
    resolve_expression,
)
from realpolitik.timex.resolve import default_grammar
from realpolitik.timex.scan import scan

WORDS = ["last", "next", "this", "May", "March", "2011", "1990s", "'90s", "since", "by",
         "between", "and", "from", "to", "ago", "later", "earlier", "years", "weeks", "ten",
         "a", "decade", "the", "of", "summer", "winter", "Q1", "quarter", "first", "half",
         "Monday", "yesterday", "today", "Christmas", "within", "fifteen", "months", "early",
         "mid-", "late", "end", "5", "31", "29", "February", "2024/25", "–", "-", "’s", ",",
         "in", "on", "at", "that", "time", "day", "the 2nd", "week", "before", "after"]
wordy = st.lists(st.sampled_from(WORDS), min_size=1, max_size=7).map(" ".join)
texts = st.one_of(st.text(max_size=80), wordy)
dates = st.dates(min_value=date(1, 1, 1), max_value=date(9999, 12, 31))
anchors = st.one_of(st.none(), st.tuples(dates, st.integers(0, 400)).map(
    lambda p: DateInterval(p[0], date.fromordinal(min(p[0].toordinal() + p[1],
                                                      date.max.toordinal())), "day")))
directions = st.sampled_from([True, False, None])


@settings(max_examples=400, deadline=None)
@given(text=texts, publication=dates, anchor=anchors, future=directions)
def test_resolution_never_raises(text: str, publication: date,
                                 anchor: DateInterval | None, future: bool | None) -> None:
    found = analyse_expression(text, publication, anchor, future=future)
    if found is not None and found.interval is not None:
        assert found.interval.start <= found.interval.end
        assert found.role in ("point", "since", "by", "range")
    if found is not None and found.interval is None:
        assert found.window is not None and found.role == "window"
    interval = resolve_expression(text, publication, anchor)
    assert interval is None or interval.start <= interval.end


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_scanning_never_raises_and_never_overlaps(text: str) -> None:
    found = scan(text, default_grammar())
    for first, second in pairwise(found):
        assert first.end <= second.start


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=40), st.from_regex(r"\d{4}-\d{1,2}-\d{1,2}",
                                                         fullmatch=True)))
def test_publication_dates_parse_or_raise_date_header_error(text: str) -> None:
    try:
        parsed = parse_publication_date(text, "x")
    except DateHeaderError as exc:
        assert exc.location == "x"
    else:
        assert isinstance(parsed, date)


@settings(max_examples=300, deadline=None)
@given(text=st.one_of(st.text(max_size=20), st.from_regex(r"\d{1,7}\s?[dwmyo]{1,2}",
                                                         fullmatch=True)))
def test_windows_parse_or_raise_query_error(text: str) -> None:
    try:
        window = parse_window(text)
    except QueryError:
        return
    assert window.amount >= 1 and window.to_days() >= 1


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(text=st.lists(wordy, min_size=1, max_size=3).map(". ".join), publication=dates)
def test_dating_a_parsed_document_never_raises(nlp_stage: Any, text: str,
                                               publication: date) -> None:
    doc = nlp_stage.parse_text(text, when=publication)
    resolver = TimeResolver(Config())
    for expression in resolver.expressions(doc):
        assert 0 <= expression.start < expression.end <= len(doc.tokens)
    for i in range(len(doc.tokens)):
        got = resolver.date_for(doc, i)
        assert got.start <= got.end


@pytest.mark.shared
def test_real_newswire_never_raises(shared_dir: Path, nlp_stage: Any) -> None:
    """Messy real text (1987 Reuters wire copy) is dated without errors."""
    path = shared_dir / "bench" / "reuters21578.jsonl"
    if not path.is_file():
        pytest.skip("the Reuters benchmark is not in ../shared/bench")
    records = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            record = json.loads(line)
            if record.get("date") and record.get("text"):
                records.append(record)
            if len(records) == 20:
                break
    resolver = TimeResolver(Config())
    found = 0
    for record in records:
        when = parse_publication_date(record["date"], str(path))
        doc = nlp_stage.parse_text(record["text"], when=when)
        for expression in resolver.expressions(doc):
            found += 1
            if expression.interval is not None:
                assert expression.interval.start <= expression.interval.end
        for sentence in doc.sentences:
            assert resolver.date_for(doc, sentence.start).start <= when + timedelta(days=3660)
    assert found > 15
