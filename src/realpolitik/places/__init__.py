"""Places: place mentions resolved to an offline GeoNames gazetteer, and each event's
action place (issue #15)."""

from __future__ import annotations

from collections.abc import Sequence

from realpolitik.model import Event, Mention, ParsedDoc, PlaceMention
from realpolitik.places.action import place_events
from realpolitik.places.gazetteer import Gazetteer, load_gazetteer
from realpolitik.places.resolver import PlaceResolver


class PlaceStage:
    """The places stage: (ParsedDoc, actor mentions, events) → (place mentions, events with
    their action place). Loads the gazetteer once."""

    def __init__(self, resolver: PlaceResolver | None = None) -> None:
        self.resolver = resolver or PlaceResolver()

    def locate(self, parsed: ParsedDoc, mentions: Sequence[Mention],
               events: Sequence[Event]) -> tuple[list[PlaceMention], list[Event]]:
        places = self.resolver.resolve_document(parsed, mentions)
        dateline = self.resolver.dateline(parsed)
        located = place_events(parsed, places, events, dateline, self.resolver.country_place)
        return places, located


__all__ = ["Gazetteer", "PlaceResolver", "PlaceStage", "load_gazetteer"]
