"""Scoring the resolver against a gold file of dated mentions.

Gold format, one JSON object a line: ``{"text", "date", "mention", "country", "role"}``;
``country``/``role`` null for an organisation or an unknown person. A gold mention is the
first occurrence of ``mention`` in ``text``; the resolved mention overlapping it most is
compared on (country, role). A gold mention with no overlapping resolved mention is wrong.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from realpolitik.actors.resolver import ActorResolver
from realpolitik.errors import GoldFormatError
from realpolitik.goldfiles import jsonl_records
from realpolitik.model import Mention, ParsedDoc

REQUIRED = ("text", "date", "mention", "country", "role")


@dataclass(frozen=True, slots=True)
class GoldMention:
    text: str
    date: date
    mention: str
    country: str | None
    role: str | None


@dataclass(slots=True)
class GoldScore:
    total: int = 0
    correct: int = 0
    #: (gold, what was found: "CODE" or "missing")
    failures: list[tuple[GoldMention, str]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        return self.correct / self.total if self.total else 0.0


def read_gold(path: Path) -> list[GoldMention]:
    rows: list[GoldMention] = []
    for number, record in jsonl_records(path):
        try:
            if not isinstance(record, dict):
                raise TypeError("a gold record must be an object")
            missing = [k for k in REQUIRED if k not in record]
            if missing:
                raise ValueError(f"missing {', '.join(missing)}")
            if record["mention"] not in record["text"]:
                raise ValueError("mention does not occur in text")
            rows.append(GoldMention(
                text=record["text"], date=date.fromisoformat(record["date"]),
                mention=record["mention"], country=record["country"], role=record["role"],
            ))
        except (ValueError, TypeError) as exc:
            raise GoldFormatError(f"{path}:{number}: {exc}") from exc
    return rows


def score(gold: Sequence[GoldMention], parsed: dict[tuple[str, date], ParsedDoc],
          resolver: ActorResolver) -> GoldScore:
    """Compare each gold mention with the resolver's output on its parsed text."""
    result = GoldScore()
    cache: dict[tuple[str, date], list[Mention]] = {}
    for item in gold:
        key = (item.text, item.date)
        doc = parsed[key]
        if key not in cache:
            cache[key] = resolver.resolve_document(doc)
        found = best_overlap(doc, cache[key], item)
        result.total += 1
        got = (found.actor.country, found.actor.role) if found and found.actor else (None, None)
        if found is not None and got == (item.country, item.role):
            result.correct += 1
        else:
            label = "missing" if found is None else (found.actor.code if found.actor
                                                     else "null actor")
            result.failures.append((item, label))
    return result


def best_overlap(doc: ParsedDoc, mentions: Iterable[Mention], item: GoldMention
                 ) -> Mention | None:
    start = doc.document.text.find(item.mention)
    if start < 0:
        return None
    end = start + len(item.mention)
    best: tuple[int, Mention] | None = None
    for mention in mentions:
        overlap = min(end, mention.end_char) - max(start, mention.start_char)
        if overlap > 0 and (best is None or overlap > best[0]):
            best = (overlap, mention)
    return best[1] if best else None
