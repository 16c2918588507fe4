"""Two hundred stories for the scale tests: Reuters when ../shared is beside the project,
else the paragraphs of the bundled demo and test articles, so the tests always run."""

from __future__ import annotations

import json
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
REUTERS = REPO / ".." / "shared" / "bench" / "reuters21578.jsonl"
ARTICLE_DIRS = (REPO / "src" / "realpolitik" / "data" / "demo",
                REPO / "tests" / "data" / "analysis_corpus")


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
    out: list[dict[str, str]] = []
    for folder in ARTICLE_DIRS:
        for path in sorted(folder.glob("*.txt")):
            day = path.name[:10]
            body = path.read_text(encoding="utf-8")
            for k, paragraph in enumerate(p.strip() for p in body.split("\n\n")):
                if len(paragraph) > 80 and not paragraph.startswith("date "):
                    out.append({"id": f"{path.stem}-{k}", "date": day, "text": paragraph})
    return out[:n]


def write_stories(path: Path, n: int = 200) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for record in story_records(n):
            fh.write(json.dumps(record) + "\n")
    return path
