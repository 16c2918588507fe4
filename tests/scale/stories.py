"""Two hundred stories for the scale tests: Reuters when ../shared is beside the project,
else the paragraphs (then sentences) of the bundled demo and test articles, so the tests
always run."""

from __future__ import annotations

import json
import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REUTERS = REPO / ".." / "shared" / "bench" / "reuters21578.jsonl"
ARTICLE_DIRS = (REPO / "src" / "realpolitik" / "data" / "demo",
                REPO / "tests" / "data" / "analysis_corpus")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"\u201c])")


def story_records(n: int = 200) -> list[dict[str, str]]:
    if REUTERS.is_file():
        out: list[dict[str, str]] = []
        with REUTERS.open(encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                if str(record.get("text", "")).strip():
                    out.append(record)
                if len(out) >= n:
                    return out
    return _article_paragraphs(n)


def _article_paragraphs(n: int) -> list[dict[str, str]]:
    """Each paragraph of the bundled articles, then, as there are fewer than ``n`` of them,
    each sentence of the paragraphs that have several: every text distinct, so none is
    skipped as a repeat."""
    paragraphs: list[dict[str, str]] = []
    sentences: list[dict[str, str]] = []
    for folder in ARTICLE_DIRS:
        for path in sorted(folder.glob("*.txt")):
            day = path.name[:10]
            body = path.read_text(encoding="utf-8")
            for k, paragraph in enumerate(p.strip() for p in body.split("\n\n")):
                if len(paragraph) <= 80 or paragraph.startswith("date "):
                    continue
                paragraphs.append({"id": f"{path.stem}-{k}", "date": day, "text": paragraph})
                parts = _SENTENCE_END.split(paragraph)
                sentences.extend({"id": f"{path.stem}-{k}-{j}", "date": day, "text": part}
                                 for j, part in enumerate(parts)
                                 if len(parts) > 1 and len(part) > 80)
    out = paragraphs + sentences
    assert len(out) >= n, f"the bundled articles give {len(out)} stories, not {n}"
    return out[:n]


def write_stories(path: Path, n: int = 200) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in story_records(n):
            fh.write(json.dumps(record) + "\n")
    return path
