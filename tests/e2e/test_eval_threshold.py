"""`realpolitik eval --min-confidence` scores story gold at a threshold, through the real CLI."""

from __future__ import annotations

import json
from pathlib import Path

from tests.e2e.conftest import Run

TEXT = ("The United States imposed sanctions on Libya on Monday. "
        "Libya condemned the sanctions.")


def story_gold(tmp_path: Path) -> Path:
    (tmp_path / "corpus.jsonl").write_text(json.dumps({"id": "s-1", "text": TEXT}) + "\n")
    directory = tmp_path / "gold"
    directory.mkdir()
    (directory / "stories.json").write_text(json.dumps(
        {"corpus": "../corpus.jsonl", "dev": ["s-1"], "test": []}))
    event = {"code": "163", "source": "USA", "target": "LBY", "polarity": "asserted",
             "modality": "actual"}
    (directory / "annotations-a.jsonl").write_text(json.dumps(
        {"id": "s-1", "date": "1987-03-02", "events": [event]}) + "\n")
    return directory


def scores(run_cli: Run, directory: Path, *flags: str) -> dict[str, object]:
    done = run_cli("eval", str(directory), "--format", "json", "--no-multicoped", *flags)
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)[str(directory)]
    return result


def test_a_threshold_scores_the_kept_events_and_keeps_every_confidence_apart(
        run_cli: Run, tmp_path: Path) -> None:
    directory = story_gold(tmp_path)
    everything = scores(run_cli, directory, "--min-confidence", "0")
    assert not any(key.endswith("(all)") for key in everything)
    found = everything["events"]
    assert isinstance(found, dict) and found["predicted"] >= 1
    # no calibrated probability reaches 1, so nothing is kept at 1
    strict = scores(run_cli, directory, "--min-confidence", "1")
    assert strict["events"] == {**found, "precision": 0.0, "recall": 0.0, "f1": 0.0,
                                "tp": 0, "predicted": 0}
    assert strict["events (all)"] == found


def test_a_threshold_out_of_range_is_a_usage_error(run_cli: Run, tmp_path: Path) -> None:
    done = run_cli("eval", str(story_gold(tmp_path)), "--min-confidence", "2")
    assert done.returncode == 2
    assert "--min-confidence" in done.stderr
