"""From request parameters (strings, as forms and URLs send them) to library answers.

The API and the pages call the same functions, so a page shows exactly what its API route
returns. Nothing here decides anything about the data: it parses, calls
``realpolitik.analysis`` and hands the answer back.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from realpolitik.analysis.explore import MAX_PAGE, EventPage, explore_events
from realpolitik.config import Config
from realpolitik.errors import QueryError
from realpolitik.places.geo import find_place
from realpolitik.store import Store
from realpolitik.web.params import blank, day, number, whole
from realpolitik.web.places import MAX_KM, PlacedQuery, with_place_details

DEFAULT_PAGE = 50


@dataclass(frozen=True, slots=True)
class EventParams:
    """The explorer's filters exactly as received (for re-filling the form and links)."""

    actor: str | None = None
    country: str | None = None
    code: str | None = None
    quad_class: str | None = None
    polarity: str | None = None
    modality: str | None = None
    date_from: str | None = None
    date_to: str | None = None
    min_confidence: str | None = None
    q: str | None = None
    root_only: str | None = None
    #: "true": every report of an event, not each merged event once
    mentions: str | None = None
    offset: str | None = None
    limit: str | None = None
    #: where it happened, as ``realpolitik events --in/--near/--km`` take it
    within: str | None = None
    near: str | None = None
    km: str | None = None
    #: exactly this point of the map (:func:`realpolitik.web.places.place_key`)
    at: str | None = None

    def query(self, config: Config, *, max_limit: int = MAX_PAGE) -> PlacedQuery:
        floor = number(self.min_confidence, "min_confidence", low=0.0, high=1.0)
        quad = whole(self.quad_class, "quad_class", low=1, high=4)
        within, near = blank(self.within), blank(self.near)
        km = number(self.km, "km", low=0.0, high=MAX_KM)
        return PlacedQuery(
            within=find_place(within) if within else None,
            near=find_place(near) if near else None,
            radius_km=100.0 if km is None else km, at=blank(self.at),
            actor=blank(self.actor), country=blank(self.country), code=blank(self.code),
            quad_class=quad, polarity=blank(self.polarity), modality=blank(self.modality),
            start=day(self.date_from, "from"), end=day(self.date_to, "to"),
            min_confidence=config.min_confidence if floor is None else floor,
            text=blank(self.q), root_only=_flag(self.root_only, "root_only"),
            mentions=_flag(self.mentions, "mentions"),
            offset=whole(self.offset, "offset") or 0,
            limit=whole(self.limit, "limit", low=1, high=max_limit) or DEFAULT_PAGE)

    def link_params(self, **changes: str | None) -> dict[str, str]:
        """The filter as URL parameters (blank ones dropped), with some changed."""
        names = {"date_from": "from", "date_to": "to", "within": "in"}
        out: dict[str, str] = {}
        for field in self.__dataclass_fields__:
            value = changes.get(field, getattr(self, field))
            if value is not None and str(value).strip():
                out[names.get(field, field)] = str(value)
        return out


def _flag(value: str | None, name: str) -> bool:
    value = blank(value)
    if value is None:
        return False
    if value.lower() in ("1", "true", "yes", "on"):
        return True
    if value.lower() in ("0", "false", "no", "off"):
        return False
    raise QueryError(f"{name}: expected true or false, got {value!r}")


def events_page(store: Store, params: EventParams, config: Config, *,
                max_limit: int = MAX_PAGE) -> EventPage:
    page = explore_events(store, params.query(config, max_limit=max_limit))
    return replace(page, rows=with_place_details(store, page.rows))


def on_or_today(value: str | None, name: str) -> date:
    return day(value, name) or date.today()


def actor_row(actor: Any) -> dict[str, Any]:
    """A knowledge-base actor with the CLI's field names (``realpolitik actors list``)."""
    return {"id": actor.id, "code": actor.code, "name": actor.name, "country": actor.country,
            "role": actor.role, "kind": actor.kind, "title": actor.title,
            "valid_from": actor.valid_from, "valid_to": actor.valid_to, "source": actor.source}


def mention_row(mention: Any) -> dict[str, Any]:
    """A resolved mention with the CLI's field names (``realpolitik actors resolve``)."""
    a = mention.actor
    return {"text": mention.text, "actor": a.code if a else None,
            "country": a.country if a else None, "role": a.role if a else None,
            "name": a.name if a else None, "valid_from": a.valid_from if a else None,
            "valid_to": a.valid_to if a else None, "source": a.source if a else None}
