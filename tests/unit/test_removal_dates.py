"""A leader's removal the text does not date takes the knowledge base's tenure end, with
its date basis, in every analysis (``analyze`` included), not only in allies-lost."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.pipeline import Pipeline


@pytest.mark.parametrize(("text", "when", "removed_on"), [
    ("Protesters cheered after Omar al-Bashir was overthrown.", "2019-06-01", "2019-04-11"),
    ("The region changed when Evo Morales was ousted.", "2020-06-01", "2019-11-10"),
    ("Diplomats recalled how Hosni Mubarak was toppled.", "2012-05-01", "2011-02-11"),
    ("Few mourned when Robert Mugabe was ousted.", "2018-09-01", "2017-11-21"),
    ("Mohamed Morsi was overthrown by the army.", "2014-01-01", "2013-07-03"),
])
def test_undated_removal_takes_the_tenure_end(pipeline: Pipeline, text: str, when: str,
                                              removed_on: str) -> None:
    analysis = pipeline.analyse_text(text, when=date.fromisoformat(when))
    (removal,) = [e for e in analysis.events if e.root in ("17", "18")]
    assert removal.date is not None
    assert removal.date.to_json() == {"start": removed_on, "end": removed_on,
                                      "precision": "day", "inferred": True,
                                      "basis": "leader tenure end"}


@pytest.mark.parametrize(("text", "when"), [
    # still in office on the publication date: nothing recorded, the publication date stays
    ("Narendra Modi was overthrown.", "2026-03-05"),
    # the text dates it: the text wins
    ("Hosni Mubarak was toppled in February 2011.", "2012-05-01"),
])
def test_removal_keeps_its_date_otherwise(pipeline: Pipeline, text: str, when: str) -> None:
    analysis = pipeline.analyse_text(text, when=date.fromisoformat(when))
    dated = [e.date for e in analysis.events if e.root in ("17", "18") and e.date]
    assert dated and all("basis" not in d.to_json() for d in dated)


def test_other_events_are_not_redated(pipeline: Pipeline) -> None:
    analysis = pipeline.analyse_text("Hosni Mubarak met Israeli officials.",
                                     when=date(2012, 5, 1))
    assert analysis.events
    assert all(e.date is not None and e.date.basis is None for e in analysis.events)
