"""Accuracy gate of the merge rule on the dev pairs of gold/dedup/ (the test pairs are
scored by ``realpolitik eval gold/dedup --split test``, at most twice, see gold/README.md)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.config import Config
from realpolitik.dedup.evaluate import evaluate_dedup
from realpolitik.pipeline import Pipeline

pytestmark = pytest.mark.eval


def test_dedup_gold_dev(pipeline: Pipeline, gold_dir: Path, floors: dict[str, Any]) -> None:
    corpus = (gold_dir.parent / ".." / "shared" / "bench" / "reuters21578.jsonl").resolve()
    if not corpus.exists():
        pytest.skip("the Reuters corpus (../shared/bench) is not here")
    result = evaluate_dedup(gold_dir / "dedup", corpus, Config(), "dev", pipeline=pipeline)
    assert result["pairs_scored"] >= 90
    floor = floors["dedup"]
    assert result["pairs"]["precision"] >= floor["precision"], result
    assert result["pairs"]["recall"] >= floor["recall"], result
