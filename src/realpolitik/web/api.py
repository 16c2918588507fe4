"""The JSON API under /api/: one route per library query, with the CLI's parameters and the
CLI's JSON (``--format json``). Handlers are sync: FastAPI runs them in a thread pool, each
on its own DuckDB cursor, so readers never wait for one another."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from datetime import date
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse, Response
from pydantic import BaseModel, Field

from realpolitik.analysis.annotate import annotate_analysis, annotate_stored
from realpolitik.analysis.corpus import corpus_summary, list_documents
from realpolitik.analysis.events import EVENT_COLUMNS
from realpolitik.analysis.evidence import jsonable
from realpolitik.analysis.explore import MAX_DOWNLOAD, get_event
from realpolitik.analysis.listings import find_quantities, find_relations
from realpolitik.errors import QueryError
from realpolitik.store import Store
from realpolitik.web.answers import (
    EventParams,
    actor_row,
    events_page,
    mention_row,
    on_or_today,
)
from realpolitik.web.params import blank, day, whole
from realpolitik.web.places import (
    PLACE_DETAIL,
    geojson,
    place_counts,
    place_marks_analysis,
    place_marks_stored,
    with_place_details,
)
from realpolitik.web.settings import ServeSettings
from realpolitik.web.work import Workers

router = APIRouter(prefix="/api")
Text = Annotated[str | None, Query()]


def get_store(request: Request) -> Iterator[Store]:
    with request.app.state.db.store() as store:
        yield store


def settings_of(request: Request) -> ServeSettings:
    settings: ServeSettings = request.app.state.settings
    return settings


def workers_of(request: Request) -> Workers:
    workers: Workers = request.app.state.workers
    return workers


StoreDep = Annotated[Store, Depends(get_store)]


def as_json(value: Any, status: int = 200, headers: dict[str, str] | None = None
            ) -> JSONResponse:
    return JSONResponse(jsonable(value), status_code=status, headers=headers)


def event_params(
    actor: Annotated[str | None, Query(description="Actor code or prefix, e.g. RUS, RUSGOV")]
    = None,
    country: Annotated[str | None, Query(description="ISO3 country on either side")] = None,
    code: Annotated[str | None, Query(description="CAMEO code or root prefix, e.g. 19, 111")]
    = None,
    quad_class: Annotated[str | None, Query(description="1-4")] = None,
    polarity: Annotated[str | None, Query(description="asserted or negated")] = None,
    modality: Annotated[str | None, Query(
        description="actual, future, hypothetical, reported or demanded")] = None,
    date_from: Annotated[str | None, Query(alias="from", description="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, Query(alias="to", description="YYYY-MM-DD")] = None,
    min_confidence: Annotated[str | None, Query(
        description="0-1; default: the configured minimum confidence")] = None,
    q: Annotated[str | None, Query(description="Words of the evidence sentence")] = None,
    root_only: Annotated[str | None, Query(description="true: main events only")] = None,
    mentions: Annotated[str | None, Query(
        description="true: every report of an event, not each merged event once")] = None,
    offset: Annotated[str | None, Query(description="Rows to skip")] = None,
    limit: Annotated[str | None, Query(description=f"Rows, at most {MAX_DOWNLOAD}")] = None,
    within: Annotated[str | None, Query(
        alias="in", description="Events that happened in this place: a country (ISO3 or "
        "name), state or city, as `realpolitik events --in`")] = None,
    near: Annotated[str | None, Query(
        description="Events that happened within `km` of this place (`--near`)")] = None,
    km: Annotated[str | None, Query(description="Radius for `near` in km (default 100)")]
    = None,
    at: Annotated[str | None, Query(
        description="Exactly this place: a GeoNames id (or, for a sea or region without "
        "one, its name), the `key` of a /api/places row")] = None,
) -> EventParams:
    return EventParams(actor, country, code, quad_class, polarity, modality, date_from,
                       date_to, min_confidence, q, root_only, mentions, offset, limit, within,
                       near, km, at)


@router.get("/events", tags=["store"])
def events(store: StoreDep, request: Request,
           params: Annotated[EventParams, Depends(event_params)],
           format: Annotated[str, Query(description="json, csv or geojson")] = "json"
           ) -> Response:
    """Stored events with filters, newest first, each with its evidence sentence and
    its place (name, basis, the words it rests on). The total the filter matches is in the
    X-Total-Count header. ``format=geojson`` answers the filter's placed events as a
    GeoJSON FeatureCollection (as /api/export/geojson)."""
    if format not in ("json", "csv", "geojson"):
        raise QueryError(f"format must be json, csv or geojson, got {format!r}")
    if format == "geojson":
        return export_geojson(store, request, params)
    page = events_page(store, params, settings_of(request).config, max_limit=MAX_DOWNLOAD)
    headers = {"X-Total-Count": str(page.total)}
    if format == "csv":
        out = io.StringIO()
        columns = list(dict.fromkeys([*EVENT_COLUMNS, "is_root", *PLACE_DETAIL]))
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(columns)
        for row in page.rows:
            writer.writerow(["" if row.get(c) is None else jsonable(row.get(c))
                             for c in columns])
        headers["Content-Disposition"] = 'attachment; filename="events.csv"'
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    return as_json(page.rows, headers=headers)


@router.get("/events/{event_id}", tags=["store"])
def event(event_id: str, store: StoreDep) -> Response:
    """One stored event by id (404 when there is none), with its place."""
    return as_json(with_place_details(store, [get_event(store, event_id)])[0])


@router.get("/places", tags=["store"])
def places(store: StoreDep, request: Request,
           params: Annotated[EventParams, Depends(event_params)]) -> Response:
    """The map: every place where events of the filter happened, with its point, how many
    events, how many per quad class and the most frequent one; ``total``, ``placed`` and
    ``unplaced`` count the filter's events. List a place's events with
    ``/api/events?at=KEY`` and the same filter."""
    query = params.query(settings_of(request).config, max_limit=MAX_DOWNLOAD)
    return as_json(place_counts(store, query))


@router.get("/export/geojson", tags=["store"])
def export_geojson(store: StoreDep, request: Request,
                   params: Annotated[EventParams, Depends(event_params)]) -> Response:
    """The filter's placed events as a GeoJSON FeatureCollection (RFC 7946: longitude,
    latitude), the same features as ``realpolitik export --format geojson``; at most
    100,000 events; offset and limit do not apply."""
    query = params.query(settings_of(request).config, max_limit=MAX_DOWNLOAD)
    collection = geojson(store, query)
    return Response(json.dumps(jsonable(collection), ensure_ascii=False),
                    media_type="application/geo+json",
                    headers={"X-Total-Count": str(len(collection["features"])),
                             "Content-Disposition": 'inline; filename="events.geojson"'})


@router.get("/relations", tags=["store"])
def relations(store: StoreDep, actor: Text = None, kind: Text = None) -> Response:
    """Treaties, memberships, transfers, deployments, support and alliance claims."""
    return as_json(find_relations(store, blank(actor), blank(kind)))


@router.get("/quantities", tags=["store"])
def quantities(store: StoreDep, actor: Text = None, measure: Text = None) -> Response:
    """Figures: trade, economic relations, aid, arms sales, troops, casualties."""
    return as_json(find_quantities(store, blank(actor), blank(measure)))


@router.get("/documents", tags=["store"])
def documents(store: StoreDep, q: Text = None, offset: Text = None,
              limit: Text = None, mentions: Annotated[bool, Query(
                description="count every report, not each merged event once")] = False) -> Response:
    """Stored documents, newest first (total in X-Total-Count); q searches titles."""
    total, rows = list_documents(store, text=blank(q), offset=whole(offset, "offset") or 0,
                                 limit=whole(limit, "limit", low=1, high=1000) or 50)
    return as_json(rows, headers={"X-Total-Count": str(total)})


@router.get("/documents/{document_id}", tags=["store"])
def document(document_id: str, store: StoreDep) -> Response:
    """A stored document's text with every event, mention, date, relation and figure
    marked on it (404 when there is none)."""
    return as_json(place_marks_stored(store, annotate_stored(store, document_id)).to_json())


@router.get("/overview", tags=["store"])
def overview(store: StoreDep) -> Response:
    """Counts, dates covered, events per month by quad class, top dyads, latest events."""
    return as_json(corpus_summary(store).to_json())


@router.get("/dyad", tags=["analysis"])
def dyad(store: StoreDep, a: Annotated[str, Query(description="ISO3, actor code or name")],
         b: Annotated[str, Query()], date_from: Annotated[str | None, Query(alias="from")]
         = None, date_to: Annotated[str | None, Query(alias="to")] = None,
         by: Annotated[str, Query(description="month, quarter or year")] = "month",
         mentions: Annotated[bool, Query(
             description="count every report, not each merged event once")] = False
         ) -> Response:
    """Events between A and B per period and direction: quad classes and Goldstein."""
    from realpolitik.analysis.dyad import dyad as dyad_query

    return as_json(dyad_query(store, a, b, start=day(date_from, "from"),
                              end=day(date_to, "to"), by=by, mentions=mentions).to_json())


@router.get("/allies-lost", tags=["analysis"])
def allies_lost(store: StoreDep, request: Request,
                actor: Annotated[str, Query(description="ISO3 code or name")],
                within: Annotated[str, Query(description="15m, 2y, 90d, 6w")] = "12m",
                as_of: Annotated[str | None, Query(description="YYYY-MM-DD")] = None,
                min_tie: Annotated[str, Query(description="weak, medium or strong")] = "weak"
                ) -> Response:
    """States tied to ACTOR whose leader was removed inside the window, with evidence."""
    from realpolitik.analysis.allies import allies_lost as query

    kb = workers_of(request).knowledge_base()
    return as_json(query(store, actor, within, on_or_today(as_of, "as_of"), kb=kb,
                         min_strength=min_tie).to_json())


@router.get("/responses", tags=["analysis"])
def responses(store: StoreDep, event: Text = None, attack_on: Text = None,
              date_from: Annotated[str | None, Query(alias="from")] = None,
              date_to: Annotated[str | None, Query(alias="to")] = None,
              expect: Annotated[list[str] | None, Query()] = None,
              mentions: Annotated[bool, Query(
                description="count every report, not each merged event once")] = False) -> Response:
    """Who reacted to an attack (an event id, or the attacks on a country), how, and
    whether they named the perpetrator."""
    from realpolitik.analysis.responses import responses as query

    return as_json(query(store, event_id=blank(event), attack_on=blank(attack_on),
                         start=day(date_from, "from"), end=day(date_to, "to"),
                         expect=[e for e in expect or () if e.strip()],
                         mentions=mentions).to_json())


@router.get("/network", tags=["analysis"])
def network(store: StoreDep, as_of: Text = None,
            date_from: Annotated[str | None, Query(alias="from")] = None,
            kinds: Annotated[str | None, Query(description="treaty,membership,arms,...")]
            = None, mentions: Annotated[bool, Query(
                description="count every report, not each merged event once")] = False) -> Response:
    """The ties between actors as a graph (nodes and typed, weighted edges with evidence)."""
    from realpolitik.analysis.network import build_network

    return as_json(build_network(store, as_of=day(as_of, "as_of"),
                                 start=day(date_from, "from"), kinds=blank(kinds),
                                 mentions=mentions).to_json())


@router.get("/profile", tags=["analysis"])
def profile(store: StoreDep, request: Request, actor: Annotated[str, Query()],
            on: Text = None, mentions: Annotated[bool, Query(
                description="count every report, not each merged event once")] = False,
            ties: Annotated[int, Query(
                ge=0, description="ties listed per counterpart, strongest first (0: all)")] = 5
            ) -> Response:
    """An actor at a glance: leader on the date, ties, activity, recent events, figures."""
    from realpolitik.analysis.profile import profile as query

    kb = workers_of(request).knowledge_base()
    return as_json(query(store, actor, on_or_today(on, "on"), kb=kb, mentions=mentions,
                         ties_per_counterpart=ties or None).to_json())


@router.get("/timeline", tags=["analysis"])
def timeline(store: StoreDep, a: Annotated[str, Query()], b: Text = None,
             date_from: Annotated[str | None, Query(alias="from")] = None,
             date_to: Annotated[str | None, Query(alias="to")] = None,
             limit: Text = None, mentions: Annotated[bool, Query(
                description="count every report, not each merged event once")] = False) -> Response:
    """Events, relations and figures of an actor (or a pair) in date order."""
    from realpolitik.analysis.timeline import timeline as query

    return as_json(query(store, a, blank(b), start=day(date_from, "from"),
                         end=day(date_to, "to"), limit=whole(limit, "limit", low=1),
                         mentions=mentions).to_json())


@router.get("/actors/resolve", tags=["actors"])
def actors_resolve(request: Request, text: Annotated[str, Query(max_length=20_000)],
                   date_: Annotated[str | None, Query(alias="date")] = None,
                   context: Annotated[str | None, Query(max_length=20_000)] = None
                   ) -> Response:
    """Every actor mention in TEXT, resolved on the date."""
    return as_json([mention_row(m) for m in workers_of(request).resolve(
        text, on_or_today(date_, "date"), blank(context))])


@router.get("/actors", tags=["actors"])
def actors_list(request: Request, country: Text = None,
                date_: Annotated[str | None, Query(alias="date")] = None) -> Response:
    """Knowledge-base actors, by country and date."""
    kb = workers_of(request).knowledge_base()
    code = (blank(country) or "").upper() or None
    if code is not None and code not in kb.states:
        raise QueryError(f"unknown country code {country!r} (use ISO 3166 alpha-3, e.g. RUS)")
    return as_json([actor_row(a) for a in kb.actors(code, day(date_, "date"))])


class TextIn(BaseModel):
    text: str = Field(min_length=1, description="The article's text")
    date: str | None = Field(default=None, description="Publication date YYYY-MM-DD")
    title: str | None = None


def _publication(body: TextIn) -> date | None:
    return day(body.date, "date")


@router.post("/analyze", tags=["pipeline"])
def analyze(request: Request, body: TextIn) -> Response:
    """Analyse a text without storing it: the data contract of design.md. With
    ``?marks=true`` the answer also carries the marked-up text of the document view."""
    analysed = workers_of(request).analyse(body.text, _publication(body), blank(body.title))
    out = analysed.analysis.to_json()
    if request.query_params.get("marks") in ("1", "true"):
        out["marks"] = place_marks_analysis(analysed.analysis, annotate_analysis(
            analysed.analysis, analysed.expressions)).to_json()
    return as_json(out)


def _ingest_allowed(request: Request) -> None:
    if not settings_of(request).allow_ingest:
        from fastapi import HTTPException

        raise HTTPException(403, "this server is read-only; start it with --allow-ingest")


@router.post("/ingest", tags=["pipeline"], dependencies=[Depends(_ingest_allowed)])
def ingest_text(request: Request, body: TextIn) -> Response:
    """Analyse and store one text (only with --allow-ingest)."""
    return as_json(workers_of(request).ingest_text(
        request.app.state.db, body.text, _publication(body), blank(body.title)), status=201)


@router.post("/ingest/file", tags=["pipeline"], dependencies=[Depends(_ingest_allowed)])
async def ingest_file(request: Request,
                      filename: Annotated[str, Query(description="Its name decides the "
                                                     "format: .txt .jsonl .csv .html .rss")]
                      ) -> Response:
    """Store an uploaded file (the request body), read by its suffix like the CLI's
    ``ingest`` (only with --allow-ingest)."""
    from starlette.concurrency import run_in_threadpool

    data = await request.body()
    report = await run_in_threadpool(workers_of(request).ingest_file, request.app.state.db,
                                     filename, data)
    return as_json(report, status=201 if report["new"] else 200)
