"""Golden files of the coded events of each bundled demo article.

Every demo article (``src/realpolitik/data/demo/*.txt``) goes through the whole pipeline
once per module; each of its events is reduced to a stable, readable record (sentence,
trigger, code, source and target actor codes, polarity, modality, date) and the records are
compared with ``tests/golden/events/<article>.json``, one JSON record a line, so that a
change of the coder shows as a line diff. Two events may share a record when they differ
only by which mention of the same actor they name ("Syria" and "Homs" are both SYR).
After a deliberate change, rewrite the files with

    pytest tests/unit/test_coder_golden.py --update-golden

and review the change with ``git diff tests/golden``.
"""

from __future__ import annotations

import difflib
import json
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

from realpolitik.config import Config
from realpolitik.ingest.readers import text_document
from realpolitik.model import DocumentAnalysis, Event
from realpolitik.pipeline import Pipeline

GOLDEN_DIR = Path(__file__).resolve().parents[1] / "golden" / "events"
DEMO_DIR = Path(str(resources.files("realpolitik") / "data" / "demo"))
ARTICLES = sorted(DEMO_DIR.glob("*.txt"))
UPDATE_HINT = "pytest tests/unit/test_coder_golden.py --update-golden"


@pytest.fixture(scope="module")
def update_golden(request: pytest.FixtureRequest) -> bool:
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="module")
def analyses(pipeline: Pipeline, config: Config) -> dict[str, DocumentAnalysis]:
    """Every demo article analysed once for the whole module."""
    documents = [text_document(p.read_text(encoding="utf-8"), p.name, config)
                 for p in ARTICLES]
    return {p.stem: a for p, a in zip(ARTICLES, pipeline.analyse(documents), strict=True)}


def record(event: Event) -> dict[str, Any]:
    """What a reader checks of an event, without ids, confidences or offsets."""
    when: str | None = None
    if event.date is not None:
        d = event.date
        when = d.start.isoformat() if d.start == d.end else f"{d.start}/{d.end}"
        if d.inferred:
            when += " (inferred)"
    return {
        "sentence": event.sentence,
        "trigger": event.trigger,
        "code": event.code,
        "source": event.source.actor if event.source else None,
        "target": event.target.actor if event.target else None,
        "polarity": event.polarity,
        "modality": event.modality,
        "date": when,
    }


def render(records: list[dict[str, Any]]) -> list[str]:
    """A JSON array with one record a line: valid JSON and a readable line diff."""
    if not records:
        return ["[]"]
    lines = [json.dumps(r, ensure_ascii=False) for r in records]
    return ["[", *[line + "," for line in lines[:-1]], lines[-1], "]"]


def event_lines(analysis: DocumentAnalysis) -> list[str]:
    events = sorted(analysis.events, key=lambda e: (
        e.sentence, e.span, json.dumps(record(e), ensure_ascii=False)))
    return render([record(e) for e in events])


def golden_path(stem: str) -> Path:
    return GOLDEN_DIR / f"{stem}.json"


def test_there_are_demo_articles() -> None:
    assert len(ARTICLES) >= 10, f"demo articles not found under {DEMO_DIR}"


@pytest.mark.parametrize("stem", [p.stem for p in ARTICLES])
def test_events_match_golden_file(analyses: dict[str, DocumentAnalysis], stem: str,
                                  update_golden: bool) -> None:
    actual = event_lines(analyses[stem])
    path = golden_path(stem)
    if update_golden:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("\n".join(actual) + "\n", encoding="utf-8")
        return
    if not path.exists():
        pytest.fail(f"no golden file {path}; create it with: {UPDATE_HINT}", pytrace=False)
    try:
        stored = json.loads(path.read_text(encoding="utf-8"))
    except json.JSONDecodeError as exc:
        pytest.fail(f"{path} is not valid JSON ({exc}); rewrite it with: {UPDATE_HINT}",
                    pytrace=False)
    # compare in the canonical layout, whatever the file's own formatting
    expected = render(stored)
    if expected != actual:
        diff = "\n".join(difflib.unified_diff(
            expected, actual, fromfile=str(path.relative_to(GOLDEN_DIR.parents[2])),
            tofile=f"coded {stem}", lineterm=""))
        pytest.fail(f"the events of {stem} differ from the golden file "
                    f"(if the change is intended: {UPDATE_HINT}):\n{diff}", pytrace=False)


def test_no_golden_file_without_article(update_golden: bool) -> None:
    stems = {p.stem for p in ARTICLES}
    stale = sorted(p for p in GOLDEN_DIR.glob("*.json") if p.stem not in stems)
    if update_golden:
        for p in stale:
            p.unlink()
        return
    assert not stale, (f"golden files of no demo article: {[p.name for p in stale]}; "
                       f"remove them with: {UPDATE_HINT}")
