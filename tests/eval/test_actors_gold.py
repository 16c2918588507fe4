"""Actor resolution against the project's gold mentions: (country, role) accuracy floor."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from realpolitik.actors import ActorResolver, KnowledgeBase
from realpolitik.actors.evaluation import read_gold, score
from realpolitik.config import Config
from realpolitik.ingest.normalise import make_document

REPO = Path(__file__).resolve().parents[2]
GOLD = REPO / "gold" / "actors.jsonl"
FLOORS = REPO / "gold" / "floors.json"

pytestmark = pytest.mark.eval


def test_gold_has_enough_mentions() -> None:
    gold = read_gold(GOLD)
    assert len(gold) >= 200


def test_actor_accuracy_above_floor(nlp_stage) -> None:  # type: ignore[no-untyped-def]
    gold = read_gold(GOLD)
    keys = sorted({(g.text, g.date) for g in gold})
    documents = [make_document(text, source="gold", when=when) for text, when in keys]
    parsed = dict(zip(keys, nlp_stage.parse(documents), strict=True))
    result = score(gold, parsed, ActorResolver(KnowledgeBase.load(Config())))
    floor = json.loads(FLOORS.read_text(encoding="utf-8"))["actors"]
    failures = "\n".join(f"{g.date} {g.mention!r}: want {g.country}/{g.role}, got {got}"
                         for g, got in result.failures)
    assert result.accuracy >= floor, f"accuracy {result.accuracy:.3f} < {floor}\n{failures}"
