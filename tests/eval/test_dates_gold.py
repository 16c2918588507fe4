"""Accuracy gate of the time stage on the project's dates gold (``gold/dates.jsonl``).

Each gold expression must be found in its sentence and resolved to the exact interval and
precision; the accuracy must stay at or above the floor recorded in ``gold/floors.json``.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.ingest.normalise import make_document
from realpolitik.timex import TimeResolver
from realpolitik.timex.gold import load_gold, score

GOLD = Path(__file__).resolve().parents[2] / "gold" / "dates.jsonl"

pytestmark = pytest.mark.eval


def test_dates_gold_meets_its_floor(nlp_stage: Any, time_resolver: TimeResolver,
                                    floors: dict[str, Any]) -> None:
    records = load_gold(GOLD)
    assert len(records) >= 200
    floor = float(floors["dates"])
    assert floor >= 0.95
    docs = nlp_stage.parse(make_document(r.text, source=f"{GOLD.name}:{r.line}",
                                         when=r.publication) for r in records)
    result = score(records, docs, time_resolver)
    misses = "\n".join(
        f"  line {m.gold.line}: {m.gold.expression!r} in {m.gold.text!r} "
        f"({m.gold.publication}): want {m.gold.start}..{m.gold.end} {m.gold.precision}, "
        f"got {m.found}" for m in result.misses)
    print(f"dates gold: {result.correct}/{result.total} = {result.accuracy:.3f}")
    assert result.accuracy >= floor, f"accuracy {result.accuracy:.3f} < {floor}\n{misses}"
