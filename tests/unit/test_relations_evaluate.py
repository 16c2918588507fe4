"""The relation and quantity scorer: matching keys, slot accuracies, gold file errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from realpolitik.errors import GoldFormatError
from realpolitik.relations.evaluate import (
    GoldItem,
    load_gold,
    score_quantities,
    score_relations,
)

NONE5 = dict.fromkeys(("defense", "offense", "neutrality", "non_aggression", "consultation"))


def rel(kind: str, parties: list[str], polarity: str = "asserted", **obl: bool) -> dict[str, Any]:
    return {"kind": kind, "parties": parties, "polarity": polarity,
            "obligations": {**NONE5, **obl}}


def qty(measure: str, value: float | None, **rest: Any) -> dict[str, Any]:
    base = {"measure": measure, "parties": [], "value": value, "low": None, "high": None,
            "unit": "USD", "year": None, "change_pct": None, "forecast": False,
            "comparator": "eq"}
    return {**base, **rest}


def item(expected: list[dict[str, Any]]) -> GoldItem:
    return GoldItem("text", None, tuple(expected), "gold:1")


def test_relations_match_on_kind_parties_and_polarity() -> None:
    gold = [item([rel("treaty", ["IRN", "RUS"], defense=False),
                  rel("troop_deployment", ["IRN"], "negated")])]
    found = [[rel("treaty", ["IRN", "RUS"], defense=True),
              rel("troop_deployment", ["IRN"], "asserted"),
              rel("membership", ["IRN", "SCO"])]]
    scores = score_relations(gold, found)
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 2, 1)
    assert scores.overall.precision == pytest.approx(1 / 3)
    assert scores.overall.recall == pytest.approx(0.5)
    assert scores.slot_accuracy("obligations") == pytest.approx(4 / 5)
    assert scores.by_type["troop_deployment"].fn == 1
    assert scores.errors[0]["location"] == "gold:1"


def test_quantities_match_on_value_unit_comparator_forecast() -> None:
    gold = [item([qty("trade", 9e9, parties=["ARE", "RUS"], year=2022, change_pct=68),
                  qty("trade", None, low=4e9, high=5e9, comparator="range")])]
    found = [[qty("trade", 9.0e9, parties=["RUS", "ARE"], year=2021, change_pct=68.0),
              qty("trade", None, low=4e9, high=5e9, comparator="range", forecast=True)]]
    scores = score_quantities(gold, found)
    assert (scores.overall.tp, scores.overall.fp, scores.overall.fn) == (1, 1, 1)
    assert scores.slot_accuracy("parties") == 1.0
    assert scores.slot_accuracy("year") == 0.0
    assert scores.slot_accuracy("change_pct") == 1.0


def test_empty_gold_and_predictions_score_perfectly() -> None:
    scores = score_relations([item([])], [[]])
    assert scores.overall.precision == scores.overall.recall == 1.0


@pytest.mark.parametrize(("line", "message"), [
    ("not json", "not JSON"),
    (json.dumps({"relations": []}), "needs a 'text'"),
    (json.dumps({"text": "x"}), "needs a 'relations' list"),
    (json.dumps({"text": "x", "relations": [{"kind": "treaty"}]}), "lacks parties"),
    (json.dumps({"text": "x", "date": "2026-13-01", "relations": []}), "bad date"),
])
def test_malformed_gold_lines(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps({"text": "ok", "relations": []}) + "\n" + line + "\n")
    with pytest.raises(GoldFormatError, match=message) as caught:
        load_gold(path, "relations")
    assert f"{path}:2" in str(caught.value)


@pytest.mark.parametrize(("name", "section"), [("relations.jsonl", "relations"),
                                                ("quantities.jsonl", "quantities")])
def test_project_gold_files_are_well_formed(name: str, section: str) -> None:
    gold = load_gold(Path(__file__).resolve().parents[2] / "gold" / name, section)
    assert len(gold) >= 100
    for entry in (e for g in gold for e in g.expected):
        if section == "relations" and entry["kind"] not in (
                "arms_transfer", "troop_deployment", "diplomatic_support"):
            assert entry["parties"] == sorted(entry["parties"])
        if section == "relations":
            assert set(entry["obligations"]) == set(NONE5)
