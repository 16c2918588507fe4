"""Long documents in pieces: cuts, offsets and the merged analysis."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.config import Config
from realpolitik.ingest import make_document
from realpolitik.pieces import cut_points, split_document
from realpolitik.pipeline import Pipeline


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="ab .\n", min_size=0, max_size=5000), st.integers(50, 1500))
def test_pieces_cover_the_text_and_never_exceed_the_limit(text: str, limit: int) -> None:
    starts = cut_points(text, limit)
    ends = [*starts[1:], len(text)]
    assert starts[0] == 0
    assert all(0 < e - s <= limit for s, e in zip(starts, ends, strict=True)) or not text
    assert "".join(text[s:e] for s, e in zip(starts, ends, strict=True)) == text


def test_a_text_over_spacys_max_length_is_cut_below_it() -> None:
    text = ("Russia criticised Japan. " * 40 + "\n\n") * 1100  # 1.1 million characters
    doc = make_document(text, source="long.txt")
    pieces = split_document(doc, Config().piece_chars)
    assert len(doc.text) > 1_000_000
    assert all(len(p.text) <= Config().piece_chars for p, _ in pieces)
    assert "".join(p.text for p, _ in pieces) == doc.text


@pytest.mark.parametrize("piece_chars", [1_000, 2_500])
def test_merged_analysis_keeps_document_offsets(pipeline: Pipeline, piece_chars: int) -> None:
    # every act names both its parties: a side left open is filled from the story
    # (events/coder/story.py), and the story of a document cut in pieces is its piece
    text = "\n\n".join(f"Russia criticised Japan over fishing {n}. Egypt met Jordan." for n in
                       range(80))
    doc = make_document(text, source="t.txt", when=date(2024, 1, 2))
    whole = next(pipeline.analyse([doc]))
    cut = Pipeline(pipeline.config.with_changes(piece_chars=piece_chars), nlp=pipeline.nlp)
    merged = next(cut.analyse([doc]))
    assert merged.document == doc
    assert [s.index for s in merged.parsed.sentences] == list(range(len(
        merged.parsed.sentences)))
    for s in merged.parsed.sentences:
        assert doc.text[s.start_char:s.end_char].strip() == s.text
    for e in merged.events:
        assert doc.text[e.span[0]:e.span[1]] == e.trigger
        assert e.evidence == merged.parsed.sentences[e.sentence].text
    assert len({e.id for e in merged.events}) == len(merged.events)
    assert [e.code for e in merged.events] == [e.code for e in whole.events]
