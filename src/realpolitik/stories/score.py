"""Scoring whole stories: every event, relation and figure the pipeline finds against the gold.

``events``: an event counts as right only with the right root, source and target (GDELT's and the
ICEWS literature's usual standard). A story repeats its news, so the prediction is first
collapsed to one event per (root, source, target, polarity, modality), keeping the most
confident; the collapsed events are matched to the gold most confident first. Also counted:
``event_codes`` (the full code, source and target right), ``factuality`` (polarity and
modality of matched events), ``event_dates`` (the exact interval of matched events), and the
worst error an event coder can make, ``non_facts_coded_as_facts``: a non-fact (negated,
hypothetical, future, demanded or reported) coded as an asserted, actual event.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from realpolitik.events.evaluate import predicted_party
from realpolitik.model import DocumentAnalysis, Event
from realpolitik.relations.evaluate import GoldItem, Scores, score_quantities, score_relations
from realpolitik.stories.gold import StoryEvent, StoryGold

EventKey = tuple[str, str | None, str | None]
#: kinds whose parties are ordered (giver, receiver); the others are compared as sets
DIRECTED_KINDS = frozenset({"arms_transfer", "troop_deployment", "diplomatic_support"})


@dataclass(slots=True)
class Tally:
    tp: int = 0
    predicted: int = 0
    gold: int = 0

    def to_json(self) -> dict[str, float | int]:
        p = self.tp / self.predicted if self.predicted else 0.0
        r = self.tp / self.gold if self.gold else 0.0
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        return {"precision": round(p, 4), "recall": round(r, 4), "f1": round(f1, 4),
                "tp": self.tp, "predicted": self.predicted, "gold": self.gold}


@dataclass(frozen=True, slots=True)
class Judged:
    """One predicted event and whether it was right (root, source and target)."""

    story: str
    event: Event
    right: bool


@dataclass(slots=True)
class StoryReport:
    stories: int = 0
    min_confidence: float = 0.0
    events: Tally = field(default_factory=Tally)
    codes: Tally = field(default_factory=Tally)
    factuality_right: int = 0
    dates_right: int = 0
    dated_matches: int = 0
    non_facts_as_facts: int = 0
    relations: Scores = field(default_factory=Scores)
    quantities: Scores = field(default_factory=Scores)
    judged: list[Judged] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        matched = self.events.tp
        return {
            "stories": self.stories,
            "min_confidence": self.min_confidence,
            "events": self.events.to_json(),
            "event_codes": self.codes.to_json(),
            "factuality": {
                "accuracy": round(self.factuality_right / matched, 4) if matched else 0.0,
                "tp": self.factuality_right, "gold": matched},
            "event_dates": {
                "accuracy": round(self.dates_right / self.dated_matches, 4)
                if self.dated_matches else 0.0,
                "tp": self.dates_right, "gold": self.dated_matches},
            "non_facts_coded_as_facts": self.non_facts_as_facts,
            "relations": self.relations.to_json(),
            "quantities": self.quantities.to_json(),
        }


def score_stories(gold: Sequence[StoryGold], analyses: Mapping[str, DocumentAnalysis],
                  min_confidence: float = 0.0) -> StoryReport:
    """Score the analysis of each gold story (``analyses`` by story id)."""
    report = StoryReport(min_confidence=min_confidence)
    relation_gold: list[GoldItem] = []
    relation_found: list[list[dict[str, Any]]] = []
    quantity_gold: list[GoldItem] = []
    quantity_found: list[list[dict[str, Any]]] = []
    for story in gold:
        analysis = analyses[story.id]
        report.stories += 1
        kept = [e for e in analysis.events if e.confidence >= min_confidence]
        _score_events(report, story, kept)
        relation_gold.append(GoldItem(story.id, story.date,
                                      tuple(_relation(r) for r in story.relations), story.where))
        relation_found.append([_relation(r.to_json()) for r in analysis.relations])
        quantity_gold.append(GoldItem(story.id, story.date, story.quantities, story.where))
        quantity_found.append([q.to_json() for q in analysis.quantities])
    report.relations = score_relations(relation_gold, relation_found)
    report.quantities = score_quantities(quantity_gold, quantity_found)
    return report


def event_key(e: Event) -> EventKey:
    return (e.root, predicted_party(e, "source"), predicted_party(e, "target"))


def gold_key(g: StoryEvent) -> EventKey:
    return (g.root, g.source, g.target)


def collapse(events: Iterable[Event]) -> list[Event]:
    """One event per (root, source, target, polarity, modality), the most confident first."""
    best: dict[tuple[object, ...], Event] = {}
    for e in sorted(events, key=lambda e: -e.confidence):
        best.setdefault((*event_key(e), e.polarity, e.modality), e)
    return list(best.values())


def _score_events(report: StoryReport, story: StoryGold, predicted: list[Event]) -> None:
    collapsed = collapse(predicted)
    open_gold: dict[EventKey, list[StoryEvent]] = {}
    for g in story.events:
        open_gold.setdefault(gold_key(g), []).append(g)
    facts = {gold_key(g) for g in story.events if g.is_fact}
    non_facts = {gold_key(g) for g in story.events if not g.is_fact}
    report.events.gold += len(story.events)
    report.codes.gold += len(story.events)
    report.events.predicted += len(collapsed)
    report.codes.predicted += len(collapsed)
    codes_left = Counter((g.code, g.source, g.target) for g in story.events)
    for e in collapsed:
        key = event_key(e)
        candidates = open_gold.get(key) or []
        if e.polarity == "asserted" and e.modality == "actual" and key in non_facts \
                and key not in facts:
            report.non_facts_as_facts += 1
        code_key = (e.code, key[1], key[2])
        if codes_left[code_key]:
            codes_left[code_key] -= 1
            report.codes.tp += 1
        if not candidates:
            report.judged.append(Judged(story.id, e, False))
            continue
        # prefer the gold event that agrees on polarity and modality
        g = next((c for c in candidates
                  if (c.polarity, c.modality) == (e.polarity, e.modality)), candidates[0])
        candidates.remove(g)
        report.events.tp += 1
        report.judged.append(Judged(story.id, e, True))
        report.factuality_right += (g.polarity, g.modality) == (e.polarity, e.modality)
        if g.start is not None and e.date is not None:
            report.dated_matches += 1
            start, end = (story.date, story.date) if g.precision == "inferred" \
                else (g.start, g.end or g.start)
            report.dates_right += (e.date.start, e.date.end) == (start, end)
    missed = [g for left in open_gold.values() for g in left]
    if missed:
        report.misses.append({"story": story.id, "missed": [
            f"{g.code} {g.source}->{g.target} {g.polarity}/{g.modality} '{g.trigger}'"
            for g in missed]})


def _relation(r: dict[str, Any]) -> dict[str, Any]:
    parties = [str(p) for p in r.get("parties") or []]
    kind = str(r.get("kind"))
    return {**r, "kind": kind, "parties": parties if kind in DIRECTED_KINDS else sorted(parties),
            "polarity": r.get("polarity", "asserted")}
