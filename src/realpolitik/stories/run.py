"""Running the whole pipeline on the gold stories, read from the corpus the manifest names."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.config import Config
from realpolitik.errors import GoldFormatError
from realpolitik.ingest import make_document
from realpolitik.model import Document, DocumentAnalysis
from realpolitik.stories.gold import StoryGoldSet, read_story_gold
from realpolitik.stories.score import StoryReport, score_stories

if TYPE_CHECKING:
    from realpolitik.pipeline import Pipeline


def story_documents(gold: StoryGoldSet) -> Iterator[tuple[str, Document]]:
    """(story id, document) for each gold story, made as ``ingest`` makes them."""
    wanted = {s.id: s for s in gold.stories}
    found: set[str] = set()
    try:
        with gold.corpus.open(encoding="utf-8") as lines:
            for line in lines:
                record = json.loads(line)
                story = wanted.get(record.get("id"))
                if story is None:
                    continue
                found.add(story.id)
                yield story.id, make_document(
                    str(record.get("text") or ""), source=f"{gold.corpus.name}:{story.id}",
                    when=story.date, title=record.get("title"), external_id=story.id)
    except OSError as exc:
        raise GoldFormatError(f"{gold.directory}: cannot read the corpus {gold.corpus} "
                              f"({exc.strerror})") from None
    missing = sorted(set(wanted) - found)
    if missing:
        raise GoldFormatError(f"{gold.directory}: stories not in {gold.corpus}: "
                              + ", ".join(missing[:5]))


def analyse_stories(gold: StoryGoldSet, config: Config, pipeline: Pipeline | None = None
                    ) -> dict[str, DocumentAnalysis]:
    from realpolitik.pipeline import Pipeline

    pipeline = pipeline or Pipeline(config)
    pairs = list(story_documents(gold))
    analyses = pipeline.analyse(doc for _, doc in pairs)
    return {story_id: analysis for (story_id, _), analysis in zip(pairs, analyses, strict=True)}


def evaluate_stories(directory: Path, config: Config, split: str = "dev"
                     ) -> dict[str, Any]:
    """Scores at no threshold and at ``config.min_confidence``, the default of the answers."""
    gold = read_story_gold(directory, split)
    analyses = analyse_stories(gold, config)
    everything = score_stories(gold.stories, analyses, 0.0)
    default = score_stories(gold.stories, analyses, config.min_confidence)
    out: dict[str, Any] = {"split": split, **_flat(default, "")}
    if config.min_confidence > 0:
        # relations and figures have no confidence: only the events change
        out.update({k: v for k, v in _flat(everything, " (all)").items()
                    if k.split(" ")[0] in _THRESHOLDED})
    out["misses"] = default.misses
    return out


def judged_events(directory: Path, config: Config, split: str = "dev",
                  pipeline: Pipeline | None = None) -> tuple[StoryReport,
                                                             dict[str, DocumentAnalysis]]:
    """The scoring with every predicted event judged, and the analyses, for fitting."""
    gold = read_story_gold(directory, split)
    analyses = analyse_stories(gold, config, pipeline)
    return score_stories(gold.stories, analyses, 0.0), analyses


_THRESHOLDED = frozenset({"events", "event_codes", "factuality", "event_dates",
                          "non_facts_coded_as_facts"})


def _flat(report: StoryReport, suffix: str) -> dict[str, Any]:
    data = report.to_json()
    out: dict[str, Any] = {}
    for name, value in data.items():
        if name in ("relations", "quantities"):
            out[name + suffix] = {k: v for k, v in value.items()
                                  if k not in ("by_type", "slots")}
        else:
            out[name + suffix] = value
    return out
