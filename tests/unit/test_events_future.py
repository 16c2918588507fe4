"""An act dated after its story was published is still to come (events/future.py)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.ingest import make_document
from realpolitik.pipeline import Pipeline

DAY = date(1987, 3, 25)  # a Wednesday


def _events(pipeline: Pipeline, text: str) -> list[tuple[str, str | None, str | None, str]]:
    doc = make_document(text, source="test", when=DAY)
    analysis = next(iter(pipeline.analyse([doc])))
    return [(e.root, getattr(e.source, "country", None), getattr(e.target, "country", None),
             e.modality) for e in analysis.events]


@pytest.mark.parametrize(("text", "root"), [
    ("Mr Lubbers went to Bonn to prepare for the Venice economic summit with Kohl in June.",
     "04"),
])
def test_an_act_dated_after_the_story_is_future(pipeline: Pipeline, text: str,
                                                root: str) -> None:
    events = _events(pipeline, text)
    found = [e for e in events if e[0] == root]
    assert found and all(e[3] != "actual" for e in found), events


def test_an_act_dated_before_the_story_stays_a_fact(pipeline: Pipeline) -> None:
    events = _events(pipeline, "Dutch Prime Minister Ruud Lubbers met Chancellor Helmut Kohl "
                               "in Bonn on Monday.")
    assert ("04", "NLD", "DEU", "actual") in events, events


def test_a_one_sided_act_is_left_as_coded(pipeline: Pipeline) -> None:
    """Two stories naming "next week's IMF meetings" must not merge as one future meeting
    of the IMF's: an event with a side unnamed keeps its modality."""
    events = _events(pipeline, "The Dutch premier's main demand when he meets Chancellor "
                               "Kohl on Friday would be an end to the quotas.")
    assert ("10", "NLD", None, "actual") in events, events
