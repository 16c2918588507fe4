"""Story-level gold (``gold/reuters/``): every event, relation and figure of whole stories.

The directory holds ``stories.json`` (the corpus, the seeds and the ``dev`` and ``test``
story ids, and each later development cycle's ``devN`` and ``testN``) and
``annotations-*.jsonl`` files, one story a line:
``{"id", "date", "events": [...], "relations": [...], "quantities": [...]}``. The texts
stay in the corpus the manifest names (a path relative to the manifest), so gold files
never copy them.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from realpolitik.errors import GoldFormatError
from realpolitik.events.codebook import default_codebook
from realpolitik.goldfiles import jsonl_records

#: A split's name: ``dev`` and ``test``, which every manifest has, and the later cycles'
#: ``dev2``, ``test2``, ``test3``, ... which a manifest adds as they are drawn; ``all`` is
#: every split of the manifest.
SPLIT_NAME = re.compile(r"(dev|test)([2-9]|[1-9][0-9]+)?")
POLARITIES = frozenset({"asserted", "negated"})
MODALITIES = frozenset({"actual", "future", "hypothetical", "reported", "demanded"})
PRECISIONS = frozenset({"day", "month", "year"})
MANIFEST = "stories.json"


@dataclass(frozen=True, slots=True)
class StoryEvent:
    code: str
    source: str | None
    target: str | None
    polarity: str
    modality: str
    start: date | None = None
    end: date | None = None
    precision: str | None = None
    trigger: str = ""

    @property
    def root(self) -> str:
        return self.code[:2]

    @property
    def is_fact(self) -> bool:
        """Asserted and actual: what a reader may take as having happened."""
        return self.polarity == "asserted" and self.modality == "actual"


@dataclass(frozen=True, slots=True)
class StoryGold:
    id: str
    date: date
    events: tuple[StoryEvent, ...]
    relations: tuple[dict[str, Any], ...]
    quantities: tuple[dict[str, Any], ...]
    where: str


@dataclass(frozen=True, slots=True)
class StoryGoldSet:
    directory: Path
    corpus: Path
    split: str
    stories: tuple[StoryGold, ...] = field(default=())


def is_story_gold(path: Path) -> bool:
    return path.is_dir() and (path / MANIFEST).is_file()


def read_story_gold(directory: Path, split: str = "dev") -> StoryGoldSet:
    """The stories of ``split`` with their annotations; every problem names file and line."""
    if split != "all" and not SPLIT_NAME.fullmatch(split):
        raise GoldFormatError(f"{directory}: unknown split {split!r} (dev, test, a later "
                              "cycle's dev2, test2, ..., or all)")
    manifest_path = directory / MANIFEST
    manifest = _manifest(manifest_path)
    if split != "all" and split not in manifest:
        raise GoldFormatError(f"{manifest_path}: the manifest has no {split!r} split")
    wanted: list[str] = ([i for s in _splits(manifest) for i in manifest[s]]
                         if split == "all" else list(manifest[split]))
    found: dict[str, StoryGold] = {}
    annotation_files = sorted(directory.glob("annotations-*.jsonl"))
    if not annotation_files:
        raise GoldFormatError(f"{directory}: no annotations-*.jsonl files")
    for path in annotation_files:
        for number, record in jsonl_records(path):
            story = _story(record, f"{path}:{number}")
            if story.id in found:
                raise GoldFormatError(f"{path}:{number}: story {story.id} annotated twice "
                                      f"(also {found[story.id].where})")
            found[story.id] = story
    unannotated = [i for i in wanted if i not in found]
    if unannotated:
        # a silently shorter split would change every score read from it
        raise GoldFormatError(
            f"{manifest_path}: {len(unannotated)} {split} stories have no annotation "
            f"in annotations-*.jsonl (first: {unannotated[0]})")
    stories = tuple(found[i] for i in wanted)
    corpus = (directory / str(manifest["corpus"])).resolve()
    return StoryGoldSet(directory=directory, corpus=corpus, split=split, stories=stories)


def _manifest(path: Path) -> dict[str, Any]:
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise GoldFormatError(f"{path}: cannot read the story manifest ({exc})") from None
    if not isinstance(manifest, dict) or not all(
            isinstance(manifest.get(k), list) for k in ("dev", "test")) or not all(
            isinstance(manifest[k], list) for k in _splits(manifest)) or not isinstance(
            manifest.get("corpus"), str):
        raise GoldFormatError(f"{path}: a manifest needs 'corpus', 'dev' and 'test'")
    return manifest


def _splits(manifest: dict[str, Any]) -> list[str]:
    """The manifest's splits, in its order."""
    return [k for k in manifest if SPLIT_NAME.fullmatch(k)]


def _story(record: Any, where: str) -> StoryGold:
    if not isinstance(record, dict) or not isinstance(record.get("id"), str):
        raise GoldFormatError(f"{where}: a story record needs an 'id' string")
    when = _date(record.get("date"), where, "date")
    if when is None:
        raise GoldFormatError(f"{where}: a story record needs its publication 'date'")
    lists = {}
    for key in ("events", "relations", "quantities"):
        value = record.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise GoldFormatError(f"{where}: '{key}' must be a list of objects")
        lists[key] = value
    events = tuple(_event(e, f"{where}: event {n + 1}")
                   for n, e in enumerate(lists["events"]))
    return StoryGold(id=record["id"], date=when, events=events,
                     relations=tuple(lists["relations"]), quantities=tuple(lists["quantities"]),
                     where=where)


def _event(e: dict[str, Any], where: str) -> StoryEvent:
    code = str(e.get("code") or "")
    if code not in default_codebook():
        raise GoldFormatError(f"{where}: {code!r} is not a CAMEO event code")
    polarity = e.get("polarity", "asserted")
    modality = e.get("modality", "actual")
    if polarity not in POLARITIES:
        raise GoldFormatError(f"{where}: polarity must be asserted or negated, not {polarity!r}")
    if modality not in MODALITIES:
        raise GoldFormatError(f"{where}: unknown modality {modality!r}")
    start = end = None
    precision = None
    when = e.get("date")
    if isinstance(when, dict):
        start = _date(when.get("start"), where, "date.start")
        end = _date(when.get("end"), where, "date.end")
        precision = when.get("precision")
        if precision is not None and precision not in PRECISIONS:
            raise GoldFormatError(f"{where}: unknown date precision {precision!r}")
        if when.get("inferred"):
            precision = "inferred"
    elif when is not None:
        raise GoldFormatError(f"{where}: 'date' must be an object with start, end, precision")
    return StoryEvent(code=code, source=_party(e.get("source")), target=_party(e.get("target")),
                      polarity=polarity, modality=modality, start=start, end=end,
                      precision=precision, trigger=str(e.get("trigger") or ""))


def _party(value: Any) -> str | None:
    if value in (None, ""):
        return None
    return str(value).upper()


def _date(value: Any, where: str, name: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise GoldFormatError(f"{where}: {name} {value!r} is not an ISO date") from None
