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

pytestmark = pytest.mark.eval


@pytest.fixture(scope="module")
def scores(gold_dir: Path, config: Config) -> dict[str, Scores]:
    return evaluate_default(gold_dir / "relations.jsonl", gold_dir / "quantities.jsonl", config)


def _report(name: str, result: Scores) -> str:
    lines = [f"{name}: {json.dumps(result.to_json())}"]
    lines += [f"  {e['location']}: {e['text']!r} missed={e['missed']} extra={e['extra']}"
              for e in result.errors]
    return "\n".join(lines)


def test_relations_gold_meets_its_floors(scores: dict[str, Scores],
                                         floors: dict[str, Any]) -> None:
    result = scores["relations"]
    floor = floors["relations"]
    report = _report("relations", result)
    print(report)
    assert result.overall.tp + result.overall.fn >= 150
    assert result.overall.precision >= floor["precision"], report
    assert result.overall.recall >= floor["recall"], report
    assert result.overall.f1 >= floor["f1"], report
    assert result.slot_accuracy("obligations") >= floor["obligations"], report


def test_quantities_gold_meets_its_floors(scores: dict[str, Scores],
                                          floors: dict[str, Any]) -> None:
    result = scores["quantities"]
    floor = floors["quantities"]
    report = _report("quantities", result)
    print(report)
    assert result.overall.tp + result.overall.fn >= 80
    assert result.overall.precision >= floor["precision"], report
    assert result.overall.recall >= floor["recall"], report
    assert result.overall.f1 >= floor["f1"], report
    assert result.slot_accuracy("parties") >= floor["parties"], report
    assert result.slot_accuracy("year") >= floor["year"], report
