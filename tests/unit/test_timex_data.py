"""The time stage's data files and gold loader reject malformed input clearly."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
import yaml

from realpolitik.errors import DataFileError, GoldFormatError
from realpolitik.timex.gold import load_gold
from realpolitik.timex.lexicon import (
    _data_dir,
    load_discourse,
    load_lexicon,
    parse_discourse,
    parse_lexicon,
)


def test_bundled_data_loads() -> None:
    lexicon = load_lexicon()
    assert lexicon.months["sept."] == 9 and lexicon.weekdays["sunday"] == 6
    assert lexicon.seasons["winter"] == 12
    discourse = load_discourse()
    assert "advcl" in discourse.clause_boundaries and "when" in discourse.simultaneity_markers


def _bundled() -> dict[str, object]:
    raw = yaml.safe_load((_data_dir() / "lexicon.yaml").read_text(encoding="utf-8"))
    assert isinstance(raw, dict)
    return raw


@pytest.mark.parametrize(
    ("key", "value"),
    [("months", {"january": ["jan"]}), ("weekdays", ["monday"]), ("numbers", {"one": "1"}),
     ("units", {"day": "hour"}), ("seasons", {"spring": 13}), ("year_parts", {"early": [1]}),
     ("months", "january"), ("weekdays", None)],
)
def test_malformed_lexicon_raises(key: str, value: object) -> None:
    raw = _bundled()
    raw[key] = value
    with pytest.raises(DataFileError):
        parse_lexicon(raw, Path("lexicon.yaml"))


def test_malformed_discourse_raises() -> None:
    with pytest.raises(DataFileError):
        parse_discourse({"clause_boundaries": "ccomp"}, Path("discourse.yaml"))


def test_unreadable_lexicon_directory_raises(tmp_path: Path) -> None:
    shutil.copy(_data_dir() / "discourse.yaml", tmp_path / "discourse.yaml")
    (tmp_path / "lexicon.yaml").write_text("months: [unclosed", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicon(tmp_path)
    (tmp_path / "lexicon.yaml").write_text("- a list\n", encoding="utf-8")
    with pytest.raises(DataFileError):
        load_lexicon.__wrapped__(tmp_path)


GOOD = {"text": "It happened in 2011.", "date": "2026-03-05", "expression": "in 2011",
        "start": "2011-01-01", "end": "2011-12-31", "precision": "year"}


@pytest.mark.parametrize(
    "change",
    [{"date": "2026-02-30"}, {"expression": "in 2012"}, {"precision": "week"},
     {"start": 2011}, {"text": None}],
)
def test_malformed_gold_raises(tmp_path: Path, change: dict[str, object]) -> None:
    path = tmp_path / "dates.jsonl"
    path.write_text(json.dumps({**GOOD, **change}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        load_gold(path)


def test_gold_loader_reads_good_lines(tmp_path: Path) -> None:
    path = tmp_path / "dates.jsonl"
    path.write_text(json.dumps(GOOD) + "\n\n", encoding="utf-8")
    (record,) = load_gold(path)
    assert record.expression == "in 2011" and record.line == 1
    path.write_text("{not json\n", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        load_gold(path)
    with pytest.raises(GoldFormatError):
        load_gold(tmp_path / "missing.jsonl")
    missing_field = {k: v for k, v in GOOD.items() if k != "end"}
    path.write_text(json.dumps(missing_field) + "\n", encoding="utf-8")
    with pytest.raises(GoldFormatError):
        load_gold(path)
