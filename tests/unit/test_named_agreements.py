"""An agreement the text names without telling its making is no signing event, but it is
still a treaty between its parties (the coder hands it to the relations stage)."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.pipeline import Pipeline

DAY = date(1987, 4, 1)


@pytest.mark.parametrize(("text", "parties"), [
    ("Japan has failed to honor its agreement with the United States.", ("JPN", "USA")),
    ("Ghana said Togo was abiding by the accord with Benin.", ("BEN", "TGO")),
])
def test_a_named_agreement_is_a_treaty_but_no_signing(pipeline: Pipeline, text: str,
                                                      parties: tuple[str, str]) -> None:
    analysis = pipeline.analyse_text(text, when=DAY)
    assert not [e for e in analysis.events if e.code == "057"], analysis.events
    assert ("treaty", parties) in {(r.kind, tuple(sorted(r.parties)))
                                   for r in analysis.relations}, analysis.relations
