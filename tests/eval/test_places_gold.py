"""Accuracy gate of the place resolver on the dev part of gold/places/ (never the test part:
that is scored by bench/places_accuracy.py, at most twice)."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

import pytest

from realpolitik.pipeline import Pipeline
from realpolitik.places.evaluate import (
    PlaceScore,
    gold_documents,
    read_gold,
    score_document,
    without_places,
)

pytestmark = pytest.mark.eval


def test_place_gold_dev(pipeline: Pipeline, gold_dir: Path, floors: dict[str, Any]) -> None:
    corpus = (gold_dir.parent / ".." / "shared" / "bench" / "reuters21578.jsonl").resolve()
    gold = [g for g in read_gold(gold_dir / "places" / "mentions.jsonl") if g.split == "dev"]
    by_doc = defaultdict(list)
    for g in gold:
        by_doc[g.document].append(g)
    if not corpus.exists():  # the demo articles alone, when ../shared is absent
        by_doc = defaultdict(list, {k: v for k, v in by_doc.items() if k.startswith("demo/")})
    gaz = pipeline.places.resolver.gaz
    alpha2_of = {a3: iso for iso, a3 in gaz.alpha3.items()}
    result = PlaceScore()
    bare = pipeline.without_places()
    for name, doc in gold_documents(by_doc, corpus if corpus.exists() else None):
        analysis = next(pipeline.analyse([doc]))
        score_document(by_doc[name], analysis.places, alpha2_of, result)
        result.documents += 1
        # the places stage adds place fields and changes no other result
        if without_places(analysis) != next(bare.analyse([doc])).to_json():
            result.documents_lost += 1
    scores = result.to_json()
    floor = floors["places"]
    assert scores["gold_places"] >= 100
    assert scores["named_precision_accuracy"] >= floor["named_precision_accuracy"], scores
    assert scores["country_accuracy"] >= floor["country_accuracy"], scores
    assert scores["not_places_resolved"] <= floor["not_places_resolved_max"], scores
    assert scores["documents_lost"] == 0, scores
