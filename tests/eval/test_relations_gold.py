"""Accuracy gates of the relation and quantity stages on the project's gold sets
(``gold/relations.jsonl``, ``gold/quantities.jsonl``), with the shipped actor and time stages.

Floors live in ``gold/floors.json`` under "relations" and "quantities".
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from realpolitik.config import Config
from realpolitik.relations.evaluate import Scores, evaluate_default

REPO = Path(__file__).resolve().parents[2]
FLOORS = REPO / "gold" / "floors.json"

pytestmark = pytest.mark.eval


@pytest.fixture(scope="module")
def scores() -> dict[str, Scores]:
    try:
        import realpolitik.actors
        import realpolitik.timex  # noqa: F401
    except ImportError as exc:  # pragma: no cover - only while a stage is missing
        pytest.skip(f"actor or time stage not installed: {exc}")
    return evaluate_default(REPO / "gold" / "relations.jsonl",
                            REPO / "gold" / "quantities.jsonl", Config())


def _report(name: str, result: Scores) -> str:
    lines = [f"{name}: {json.dumps(result.to_json())}"]
    lines += [f"  {e['location']}: {e['text']!r} missed={e['missed']} extra={e['extra']}"
              for e in result.errors]
    return "\n".join(lines)


def _floors(name: str) -> dict[str, Any]:
    floors = json.loads(FLOORS.read_text(encoding="utf-8"))[name]
    assert isinstance(floors, dict)
    return floors


def test_relations_gold_meets_its_floors(scores: dict[str, Scores]) -> None:
    result = scores["relations"]
    floors = _floors("relations")
    report = _report("relations", result)
    print(report)
    assert result.overall.tp + result.overall.fn >= 150
    assert result.overall.precision >= floors["precision"], report
    assert result.overall.recall >= floors["recall"], report
    assert result.overall.f1 >= floors["f1"], report
    assert result.slot_accuracy("obligations") >= floors["obligations"], report


def test_quantities_gold_meets_its_floors(scores: dict[str, Scores]) -> None:
    result = scores["quantities"]
    floors = _floors("quantities")
    report = _report("quantities", result)
    print(report)
    assert result.overall.tp + result.overall.fn >= 80
    assert result.overall.precision >= floors["precision"], report
    assert result.overall.recall >= floors["recall"], report
    assert result.overall.f1 >= floors["f1"], report
    assert result.slot_accuracy("parties") >= floors["parties"], report
    assert result.slot_accuracy("year") >= floors["year"], report
