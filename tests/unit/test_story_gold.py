"""Story-level gold: reading (every problem names file and line) and scoring whole stories."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.errors import GoldFormatError
from realpolitik.ingest import make_document
from realpolitik.model import (
    DateInterval,
    DocumentAnalysis,
    Event,
    ParsedDoc,
    Participant,
    Sentence,
)
from realpolitik.stories.gold import read_story_gold
from realpolitik.stories.score import collapse, score_stories

DAY = date(1987, 3, 2)


def gold_dir(tmp_path: Path, records: list[Any], dev: list[str] | None = None,
             test: list[str] | None = None) -> Path:
    directory = tmp_path / "stories"
    directory.mkdir(parents=True)
    manifest = {"corpus": "corpus.jsonl", "dev": dev or ["s-1"], "test": test or []}
    (directory / "stories.json").write_text(json.dumps(manifest))
    lines = [r if isinstance(r, str) else json.dumps(r) for r in records]
    (directory / "annotations-a.jsonl").write_text("\n".join(lines) + "\n")
    return directory


def gold_event(code: str = "111", source: str | None = "USA", target: str | None = "DEU",
               **extra: Any) -> dict[str, Any]:
    return {"code": code, "source": source, "target": target, "polarity": "asserted",
            "modality": "actual", **extra}


def story(events: list[dict[str, Any]], sid: str = "s-1", **extra: Any) -> dict[str, Any]:
    return {"id": sid, "date": DAY.isoformat(), "events": events, **extra}


@pytest.mark.parametrize(("record", "problem"), [
    ("{not json", "not JSON"),
    ({"date": "1987-03-02", "events": []}, "needs an 'id'"),
    ({"id": "s-1", "events": []}, "publication 'date'"),
    (story([gold_event(code="999")]), "not a CAMEO event code"),
    (story([gold_event(polarity="maybe")]), "polarity"),
    (story([gold_event(modality="rumoured")]), "modality"),
    (story([gold_event(date={"start": "yesterday"})]), "not an ISO date"),
    (story([gold_event(date={"start": "1987-03-01", "precision": "week"})]), "precision"),
    (story([], relations="treaty"), "'relations' must be a list"),
])
def test_bad_gold_names_the_line(tmp_path: Path, record: Any, problem: str) -> None:
    directory = gold_dir(tmp_path, [story([]) if record is None else record])
    with pytest.raises(GoldFormatError, match=problem) as caught:
        read_story_gold(directory)
    assert "annotations-a.jsonl:1" in str(caught.value)


def test_a_story_annotated_twice_is_refused(tmp_path: Path) -> None:
    with pytest.raises(GoldFormatError, match="annotated twice"):
        read_story_gold(gold_dir(tmp_path, [story([]), story([])]))


def test_splits_select_stories(tmp_path: Path) -> None:
    directory = gold_dir(tmp_path, [story([], "s-1"), story([], "s-2")], dev=["s-1"],
                         test=["s-2"])
    assert [s.id for s in read_story_gold(directory, "dev").stories] == ["s-1"]
    assert [s.id for s in read_story_gold(directory, "test").stories] == ["s-2"]
    assert [s.id for s in read_story_gold(directory, "all").stories] == ["s-1", "s-2"]
    for name in ("train", "test1", "dev0", "devx"):
        with pytest.raises(GoldFormatError, match="unknown split"):
            read_story_gold(directory, name)


def test_a_later_held_out_split_is_read_and_joins_all(tmp_path: Path) -> None:
    directory = gold_dir(tmp_path, [story([], "s-1"), story([], "s-2"), story([], "s-3")],
                         dev=["s-1"], test=["s-2"])
    with pytest.raises(GoldFormatError, match="no 'test2' split"):
        read_story_gold(directory, "test2")
    manifest = json.loads((directory / "stories.json").read_text())
    (directory / "stories.json").write_text(json.dumps({**manifest, "test2": ["s-3"]}))
    assert [s.id for s in read_story_gold(directory, "test2").stories] == ["s-3"]
    assert [s.id for s in read_story_gold(directory, "all").stories] == ["s-1", "s-2", "s-3"]
    (directory / "stories.json").write_text(json.dumps({**manifest, "test2": "s-3"}))
    with pytest.raises(GoldFormatError, match="a manifest needs"):
        read_story_gold(directory, "dev")


@pytest.mark.parametrize("split", ["dev2", "test2", "test3", "dev3", "test4", "dev12"])
def test_each_later_split_is_optional_and_read_when_listed(tmp_path: Path, split: str) -> None:
    directory = gold_dir(tmp_path, [story([], "s-1"), story([], "s-2"), story([], "s-3")],
                         dev=["s-1"], test=["s-2"])
    with pytest.raises(GoldFormatError, match=f"no '{split}' split"):
        read_story_gold(directory, split)
    manifest = json.loads((directory / "stories.json").read_text())
    (directory / "stories.json").write_text(json.dumps({**manifest, split: ["s-3"]}))
    assert [s.id for s in read_story_gold(directory, split).stories] == ["s-3"]
    assert [s.id for s in read_story_gold(directory, "all").stories] == ["s-1", "s-2", "s-3"]


def test_a_listed_story_without_annotation_is_an_error_not_a_shorter_split(
        tmp_path: Path) -> None:
    directory = gold_dir(tmp_path, [story([], "s-1")], dev=["s-1", "s-9"], test=[])
    with pytest.raises(GoldFormatError,
                       match=r"stories\.json: 1 dev stories have no annotation.*s-9"):
        read_story_gold(directory, "dev")
    with pytest.raises(GoldFormatError, match="no annotation"):
        read_story_gold(directory, "all")


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.text(max_size=30), st.dictionaries(
    st.sampled_from(["id", "date", "events", "code", "polarity"]),
    st.one_of(st.none(), st.text(max_size=8), st.integers(), st.lists(st.integers())),
    max_size=4)), min_size=1, max_size=4))
def test_reader_never_fails_otherwise(tmp_path_factory: pytest.TempPathFactory,
                                      records: list[Any]) -> None:
    directory = gold_dir(tmp_path_factory.mktemp("g"), records)
    try:
        read_story_gold(directory)
    except GoldFormatError as exc:
        assert "annotations-a.jsonl" in str(exc) or "stories.json" in str(exc)


def event(code: str, source: str | None, target: str | None, *, polarity: str = "asserted",
          modality: str = "actual", confidence: float = 0.9, day: date = DAY) -> Event:
    return Event(
        id=f"e{code}{source}{target}{polarity}{modality}",
        source=Participant(source, source, source, None) if source else None,
        target=Participant(target, target, target, None) if target else None,
        code=code, root=code[:2], quad_class=3, goldstein=-2.0, plover=None,
        polarity=polarity, modality=modality, sentence=0, evidence="", confidence=confidence,  # type: ignore[arg-type]
        span=(0, 1), trigger="x", trigger_token=0, date=DateInterval(day, day, "day"))


def analysis_with(*events: Event) -> DocumentAnalysis:
    doc = make_document("x", source="t", when=DAY)
    parsed = ParsedDoc(doc, [], [Sentence(0, 0, 0, 0, 1, "x", 0)], [])
    return DocumentAnalysis(parsed, [], list(events), [], [])


def score_one(gold_events: list[dict[str, Any]], *predicted: Event,
              min_confidence: float = 0.0, tmp_path: Path) -> dict[str, Any]:
    gold = read_story_gold(gold_dir(tmp_path, [story(gold_events)]))
    return score_stories(gold.stories, {"s-1": analysis_with(*predicted)},
                         min_confidence).to_json()


def test_an_event_is_right_only_with_root_source_and_target(tmp_path: Path) -> None:
    report = score_one([gold_event("111"), gold_event("042", "DEU", "USA")],
                       event("112", "USA", "DEU"),          # same root: right event
                       event("042", "DEU", None),           # target missing: wrong
                       tmp_path=tmp_path)
    assert report["events"] == {"precision": 0.5, "recall": 0.5, "f1": 0.5, "tp": 1,
                                "predicted": 2, "gold": 2}
    assert report["event_codes"]["tp"] == 0


def test_repeats_of_one_event_count_once(tmp_path: Path) -> None:
    repeated = [event("111", "USA", "DEU", confidence=c) for c in (0.9, 0.8, 0.7)]
    report = score_one([gold_event()], *repeated, tmp_path=tmp_path)
    assert report["events"]["predicted"] == 1 and report["events"]["precision"] == 1.0
    assert len(collapse(repeated)) == 1


def test_threshold_hides_unconfident_events(tmp_path: Path) -> None:
    report = score_one([gold_event()], event("111", "USA", "DEU", confidence=0.2),
                       event("190", "USA", "IRN", confidence=0.9), min_confidence=0.5,
                       tmp_path=tmp_path)
    assert report["events"]["predicted"] == 1 and report["events"]["tp"] == 0


@pytest.mark.parametrize(("gold_kw", "predicted_kw", "counted"), [
    ({"polarity": "negated"}, {}, 1),
    ({"modality": "hypothetical"}, {}, 1),
    ({"modality": "future"}, {"modality": "future"}, 0),
    ({}, {}, 0),
])
def test_non_facts_coded_as_facts(tmp_path: Path, gold_kw: dict[str, str],
                                  predicted_kw: dict[str, str], counted: int) -> None:
    report = score_one([gold_event(**gold_kw)], event("111", "USA", "DEU", **predicted_kw),
                       tmp_path=tmp_path)
    assert report["non_facts_coded_as_facts"] == counted


def test_dates_of_matched_events(tmp_path: Path) -> None:
    report = score_one([gold_event(date={"start": "1987-03-01", "end": "1987-03-01",
                                         "precision": "day"})],
                       event("111", "USA", "DEU", day=date(1987, 3, 1)), tmp_path=tmp_path)
    assert report["event_dates"]["accuracy"] == 1.0
    inferred = score_one([gold_event(date={"start": "1987-03-02", "end": "1987-03-02",
                                           "precision": "day", "inferred": True})],
                         event("111", "USA", "DEU", day=date(1987, 2, 20)),
                         tmp_path=tmp_path / "b")
    assert inferred["event_dates"]["accuracy"] == 0.0
