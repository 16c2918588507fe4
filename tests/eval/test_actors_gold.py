"""Actor resolution against the project's gold mentions: (country, role) accuracy floor."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.actors import ActorResolver
from realpolitik.actors.evaluation import read_gold, score
from realpolitik.ingest.normalise import make_document
from realpolitik.nlp import NlpStage

GOLD = Path(__file__).resolve().parents[2] / "gold" / "actors.jsonl"

pytestmark = pytest.mark.eval


def test_gold_has_enough_mentions() -> None:
    gold = read_gold(GOLD)
    assert len(gold) >= 200


def test_actor_accuracy_above_floor(nlp_stage: NlpStage, actor_resolver: ActorResolver,
                                    floors: dict[str, Any]) -> None:
    gold = read_gold(GOLD)
    keys = sorted({(g.text, g.date) for g in gold})
    documents = [make_document(text, source="gold", when=when) for text, when in keys]
    parsed = dict(zip(keys, nlp_stage.parse(documents), strict=True))
    result = score(gold, parsed, actor_resolver)
    floor = floors["actors"]
    failures = "\n".join(f"{g.date} {g.mention!r}: want {g.country}/{g.role}, got {got}"
                         for g, got in result.failures)
    assert result.accuracy >= floor, f"accuracy {result.accuracy:.3f} < {floor}\n{failures}"
