"""Scoring the place resolver against gold/places/ (see gold/README.md).

A gold mention is matched by the resolved mention whose span overlaps it. It is right *at
the named precision* when the feature (country, adm1, city, region) is the gold level, the
country is one of the gold countries (none for a region in no country) and, below country
level, the name is one of the gold names; right *at country level* when only the country
is. A document result is lost when the events, relations or quantities of a document differ
from what the pipeline finds without the places stage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from realpolitik.datafiles import data_file
from realpolitik.errors import GoldFormatError
from realpolitik.ingest import make_document
from realpolitik.model import Document, DocumentAnalysis, PlaceMention
from realpolitik.places.gazetteer import fold

_FIELDS = ("document", "start", "end", "mention", "level", "countries", "names", "split")


@dataclass(frozen=True, slots=True)
class GoldPlace:
    document: str
    start: int
    end: int
    mention: str
    level: str
    countries: tuple[str, ...]
    names: tuple[str, ...]
    split: str


def read_gold(path: Path) -> list[GoldPlace]:
    out: list[GoldPlace] = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            raw = json.loads(line)
            missing = [f for f in _FIELDS if f not in raw]
            if missing:
                raise GoldFormatError(f"{path}:{n}: missing {', '.join(missing)}")
            out.append(GoldPlace(str(raw["document"]), int(raw["start"]), int(raw["end"]),
                                 str(raw["mention"]), str(raw["level"]),
                                 tuple(raw["countries"]), tuple(raw["names"]),
                                 str(raw["split"])))
        except (json.JSONDecodeError, TypeError, ValueError) as exc:
            raise GoldFormatError(f"{path}:{n}: not a place gold record ({exc})") from None
    return out


def gold_documents(names: Iterable[str], corpus: Path | None) -> Iterator[tuple[str, Document]]:
    """The gold's documents: demo articles from the package, Reuters stories from ``corpus``."""
    wanted = set(names)
    for name in sorted(n for n in wanted if n.startswith("demo/")):
        text = data_file("demo", name.removeprefix("demo/")).read_text(encoding="utf-8")
        yield name, make_document(text, source=name)
    rest = {n for n in wanted if not n.startswith("demo/")}
    if rest and corpus is not None:
        with corpus.open(encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                if rec["id"] in rest:
                    yield rec["id"], make_document(rec["text"], source=rec["id"])


@dataclass(slots=True)
class PlaceScore:
    gold: int = 0
    named: int = 0
    country: int = 0
    unresolved: int = 0
    none_gold: int = 0
    none_resolved: int = 0
    documents: int = 0
    documents_lost: int = 0
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        g = max(self.gold, 1)
        return {"gold_places": self.gold,
                "named_precision_accuracy": round(self.named / g, 3),
                "country_accuracy": round(self.country / g, 3),
                "unresolved": self.unresolved,
                "not_places": self.none_gold, "not_places_resolved": self.none_resolved,
                "documents": self.documents, "documents_lost": self.documents_lost}


def _match(gold: GoldPlace, found: list[PlaceMention]) -> PlaceMention | None:
    hits = [m for m in found if m.start_char < gold.end and gold.start < m.end_char]
    resolved = [m for m in hits if m.place is not None]
    pick = resolved or hits
    return pick[0] if pick else None


def _iso2(alpha3: str | None, alpha2_of: dict[str, str]) -> str | None:
    return alpha2_of.get(alpha3) if alpha3 else None


def score_document(gold: list[GoldPlace], found: list[PlaceMention], alpha2_of: dict[str, str],
                   result: PlaceScore) -> None:
    for g in gold:
        m = _match(g, found)
        if g.level == "none":
            result.none_gold += 1
            result.none_resolved += int(m is not None and m.place is not None)
            continue
        result.gold += 1
        if m is None or m.place is None:
            result.unresolved += 1
            result.misses.append({"document": g.document, "mention": g.mention,
                                  "gold": g.level, "found": None})
            continue
        iso = _iso2(m.place.country, alpha2_of)
        country_ok = iso in g.countries if g.countries else iso is None
        names = {fold(n) for n in g.names}
        name_ok = g.level == "country" or fold(m.place.name) in names
        named_ok = country_ok and name_ok and m.place.feature == g.level
        result.country += int(country_ok)
        result.named += int(named_ok)
        if not named_ok:
            result.misses.append({"document": g.document, "mention": g.mention,
                                  "gold": f"{g.level} {','.join(g.countries)} {g.names}",
                                  "found": f"{m.place.feature} {iso} {m.place.name}"})


def without_places(a: DocumentAnalysis) -> dict[str, Any]:
    """An analysis's contract JSON with every place removed: what must not change."""
    stripped = replace(a, events=[replace(e, place=None) for e in a.events], places=[])
    return stripped.to_json()
