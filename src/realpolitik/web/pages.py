"""Server-rendered pages. Each calls the same answer functions as its API route and hands
the result to a template; charts are Plotly specifications built in :mod:`.charts`."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import Annotated, Any
from urllib.parse import parse_qs, urlencode

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse

from realpolitik.analysis.annotate import AnnotatedDocument, annotate_analysis, annotate_stored
from realpolitik.analysis.corpus import corpus_summary, list_documents
from realpolitik.analysis.explore import MAX_DOWNLOAD, MODALITIES, POLARITIES
from realpolitik.analysis.leaders import leaders_between
from realpolitik.errors import QueryError, RealpolitikError
from realpolitik.events.codebook import default_codebook
from realpolitik.web import charts
from realpolitik.web.answers import EventParams, events_page, on_or_today
from realpolitik.web.api import StoreDep, event_params, settings_of, workers_of
from realpolitik.web.params import blank, day, whole
from realpolitik.web.places import (
    mark_counts,
    place_counts,
    place_marks_analysis,
    place_marks_stored,
)
from realpolitik.web.render import render_page

router = APIRouter(include_in_schema=False)
Text = Annotated[str | None, Query()]
#: the profile's leader timeline looks this far back from its date
LEADER_YEARS = 30


def _label(code: str | None) -> str:
    cameo = default_codebook().get(code) if code else None
    return cameo.name if cameo else ""


def _form_error(run: Any) -> tuple[Any, str | None]:
    """Run a query for a page; a bad parameter becomes a message on the page (status 400)
    instead of a bare error page, so the form stays there to fix it."""
    try:
        return run(), None
    except RealpolitikError as exc:
        if isinstance(exc, QueryError) or exc.__class__.__name__.endswith(("DateHeaderError",
                                                                          "InputError")):
            return None, str(exc)
        raise


def _page(request: Request, template: str, title: str, error: str | None = None,
          **context: Any) -> HTMLResponse:
    return render_page(request, template, {"error": error, **context}, title=title,
                       status=400 if error else 200)


@router.get("/", response_class=HTMLResponse)
def overview(request: Request, store: StoreDep) -> HTMLResponse:
    summary = corpus_summary(store)
    return _page(request, "overview.html", "Overview", summary=summary, label=_label,
                 fig=charts.events_per_month(summary.per_month))


@router.get("/events", response_class=HTMLResponse)
def events(request: Request, store: StoreDep,
           params: Annotated[EventParams, Depends(event_params)]) -> HTMLResponse:
    config = settings_of(request).config
    page, error = _form_error(lambda: events_page(store, params, config))
    # the form shows the floor in force: the configured one unless the reader chose another
    shown = params if params.min_confidence is not None else replace(
        params, min_confidence=str(config.min_confidence))
    back = "/events?" + urlencode(params.link_params())
    pager: dict[str, str | None] = {}
    if page is not None:
        if page.query.offset > 0:
            pager["prev"] = "/events?" + urlencode(params.link_params(
                offset=str(max(page.query.offset - page.query.limit, 0))))
        if page.query.offset + page.query.limit < page.total:
            pager["next"] = "/events?" + urlencode(params.link_params(
                offset=str(page.query.offset + page.query.limit)))
    download = params.link_params(offset=None, limit=str(MAX_DOWNLOAD))
    return _page(request, "events.html", "Events", error, page=page, params=shown,
                 label=_label, back=back, pager=pager, polarities=POLARITIES,
                 modalities=MODALITIES,
                 csv_url="/api/events?" + urlencode({**download, "format": "csv"}),
                 json_url="/api/events?" + urlencode(download))


@router.get("/documents", response_class=HTMLResponse)
def documents(request: Request, store: StoreDep, q: Text = None,
              offset: Text = None) -> HTMLResponse:
    start = whole(offset, "offset") or 0
    total, rows = list_documents(store, text=blank(q), offset=start, limit=50)
    more = {"prev": f"/documents?{urlencode({'q': q or '', 'offset': max(start - 50, 0)})}"
            if start else None,
            "next": f"/documents?{urlencode({'q': q or '', 'offset': start + 50})}"
            if start + 50 < total else None}
    return _page(request, "documents.html", "Documents", q=q or "", total=total, rows=rows,
                 more=more)


def _safe_back(back: str | None) -> str:
    """Only a path on this server: a crafted link cannot send the reader elsewhere."""
    if back and back.startswith("/") and not back.startswith("//") and "\\" not in back:
        return back
    return "/events"


@router.get("/documents/{document_id}", response_class=HTMLResponse)
def document(request: Request, document_id: str, store: StoreDep, event: Text = None,
             sentence: Text = None, back: Text = None) -> HTMLResponse:
    annotated = annotate_stored(store, document_id)
    focus = whole(sentence, "sentence")
    if event and focus is None:
        focus = next((m.sentence for m in annotated.marks if m.id == f"event:{event}"), None)
    annotated = place_marks_stored(store, annotated)
    return _document_page(request, annotated, focus, f"event:{event}" if event else None,
                          _safe_back(back), stored=True)


def _document_page(request: Request, annotated: AnnotatedDocument, focus: int | None,
                   selected: str | None, back: str | None, *, stored: bool,
                   template: str = "document.html", **extra: Any) -> HTMLResponse:
    records = {m.id: {"kind": m.kind, "label": m.label, "record": m.record}
               for m in annotated.marks}
    title = annotated.document.get("title") or annotated.document.get("source") or "Document"
    return _page(request, template, str(title), doc=annotated, segments=annotated.segments(),
                 focus=focus, selected=selected, records=records, back=back, stored=stored,
                 counts=mark_counts(annotated), **extra)


@router.get("/dyad", response_class=HTMLResponse)
def dyad(request: Request, store: StoreDep, a: Text = None, b: Text = None,
         date_from: Annotated[str | None, Query(alias="from")] = None,
         date_to: Annotated[str | None, Query(alias="to")] = None,
         by: Text = None) -> HTMLResponse:
    from realpolitik.analysis.dyad import dyad as dyad_query

    form = {"a": a or "", "b": b or "", "from": date_from or "", "to": date_to or "",
            "by": by or "month"}
    answer, error = None, None
    if blank(a) and blank(b):
        answer, error = _form_error(lambda: dyad_query(
            store, str(a), str(b), start=day(date_from, "from"), end=day(date_to, "to"),
            by=blank(by) or "month"))
    figs = {}
    if answer is not None:
        rows = list(answer.rows)
        figs = {"goldstein": charts.dyad_goldstein(rows, answer.a, answer.b),
                "quads": charts.dyad_quads(rows, answer.a, answer.b)}
    return _page(request, "dyad.html", "Dyad", error, form=form, answer=answer, figs=figs)


@router.get("/allies-lost", response_class=HTMLResponse)
def allies_lost(request: Request, store: StoreDep, actor: Text = None, within: Text = None,
                as_of: Text = None, min_tie: Text = None) -> HTMLResponse:
    from realpolitik.analysis.allies import allies_lost as query

    form = {"actor": actor or "", "within": within or "15m", "as_of": as_of or "",
            "min_tie": min_tie or "weak"}
    answer, error = None, None
    if blank(actor):
        kb = workers_of(request).knowledge_base()
        answer, error = _form_error(lambda: query(
            store, str(actor), form["within"], on_or_today(as_of, "as_of"), kb=kb,
            min_strength=form["min_tie"]))
    return _page(request, "allies.html", "Allies lost", error, form=form, answer=answer)


@router.get("/responses", response_class=HTMLResponse)
def responses(request: Request, store: StoreDep, attack_on: Text = None, event: Text = None,
              date_from: Annotated[str | None, Query(alias="from")] = None,
              date_to: Annotated[str | None, Query(alias="to")] = None) -> HTMLResponse:
    from realpolitik.analysis.responses import responses as query

    form = {"attack_on": attack_on or "", "event": event or "", "from": date_from or "",
            "to": date_to or ""}
    answer, error = None, None
    if blank(attack_on) or blank(event):
        answer, error = _form_error(lambda: query(
            store, event_id=blank(event), attack_on=blank(attack_on),
            start=day(date_from, "from"), end=day(date_to, "to")))
    return _page(request, "responses.html", "Responses", error, form=form, answer=answer)


@router.get("/profile", response_class=HTMLResponse)
def profile(request: Request, store: StoreDep, actor: Text = None,
            on: Text = None) -> HTMLResponse:
    from realpolitik.analysis.profile import profile as query

    form = {"actor": actor or "", "on": on or ""}
    answer, error, leaders = None, None, []
    if blank(actor):
        kb = workers_of(request).knowledge_base()
        answer, error = _form_error(lambda: query(store, str(actor), on_or_today(on, "on"),
                                                  kb=kb))
        if answer is not None:
            end = answer.on
            leaders = leaders_between(kb, answer.actor[:3], end - timedelta(days=365 *
                                                                           LEADER_YEARS),
                                      end, step=timedelta(days=30))
    return _page(request, "profile.html", "Profile", error, form=form, answer=answer,
                 leaders=leaders)


def _months(first: date, last: date) -> list[date]:
    out: list[date] = []
    d = date(first.year, first.month, 1)
    while d <= last and len(out) < 1200:
        out.append(d)
        d = date(d.year + d.month // 12, d.month % 12 + 1, 1)
    return out


@router.get("/network", response_class=HTMLResponse)
def network(request: Request, store: StoreDep, as_of: Text = None,
            kinds: Annotated[list[str] | None, Query()] = None) -> HTMLResponse:
    from realpolitik.analysis.network import build_network
    from realpolitik.analysis.rules import default_network_rules

    rules = default_network_rules()
    chosen = [k for k in kinds or () if k.strip()]
    answer, error = _form_error(lambda: build_network(
        store, as_of=day(as_of, "as_of"), kinds=chosen or None))
    span = store.query("SELECT min(date_start), max(date_end) FROM events")[0]
    months = _months(span[0], span[1]) if span[0] and span[1] else []
    fig = None
    if answer is not None:
        data = answer.to_json()
        fig = charts.network_graph(data["nodes"], data["edges"], answer.colours)
    return _page(request, "network.html", "Network", error, answer=answer, fig=fig,
                 kinds=list(rules.kinds), chosen=list(answer.kinds) if answer else chosen,
                 as_of=as_of or "", months=[m.isoformat() for m in months])


@router.get("/map", response_class=HTMLResponse)
def map_view(request: Request, store: StoreDep,
             params: Annotated[EventParams, Depends(event_params)]) -> HTMLResponse:
    """Events by their action place, with the explorer's filters and ``in``/``near``;
    choosing a place lists its events (fetched from /api/events?at=KEY)."""
    config = settings_of(request).config
    params = replace(params, offset=None, limit=None, at=None)
    counts, error = _form_error(lambda: place_counts(
        store, params.query(config, max_limit=MAX_DOWNLOAD)))
    shown = params if params.min_confidence is not None else replace(
        params, min_confidence=str(config.min_confidence))
    fig = None
    if counts is not None:
        fig = charts.place_map(counts["places"], fit=bool(blank(params.within) or
                                                           blank(params.near)))
    filter_params = params.link_params()
    return _page(request, "map.html", "Map", error, counts=counts, fig=fig, params=shown,
                 polarities=POLARITIES, modalities=MODALITIES, filter=filter_params,
                 back="/map?" + urlencode(filter_params),
                 events_url="/events?" + urlencode(filter_params),
                 geojson_url="/api/export/geojson?" + urlencode(filter_params))


@router.get("/analyze", response_class=HTMLResponse)
def analyze_form(request: Request) -> HTMLResponse:
    return _page(request, "analyze.html", "Analyze", form={"text": "", "date": "",
                                                            "title": ""})


@router.post("/analyze", response_class=HTMLResponse)
async def analyze(request: Request) -> HTMLResponse:
    from starlette.concurrency import run_in_threadpool

    fields = parse_qs((await request.body()).decode("utf-8", errors="replace"))
    form = {k: (fields.get(k) or [""])[0] for k in ("text", "date", "title")}
    if not form["text"].strip():
        return _page(request, "analyze.html", "Analyze", "paste a text to analyse", form=form)
    try:
        when = day(form["date"], "date")
    except RealpolitikError as exc:
        return _page(request, "analyze.html", "Analyze", str(exc), form=form)
    analysed = await run_in_threadpool(workers_of(request).analyse, form["text"], when,
                                       blank(form["title"]))
    annotated = place_marks_analysis(analysed.analysis, annotate_analysis(
        analysed.analysis, analysed.expressions))
    return _document_page(request, annotated, None, None, None, stored=False,
                          template="analyzed.html", form=form, analysis=analysed.analysis,
                          label=_label)
