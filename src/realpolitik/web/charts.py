"""Plotly figure specifications (plain dicts) for the pages; the browser draws them with the
locally served plotly.min.js. Presentation only: the numbers come from the analyses."""

from __future__ import annotations

import html
import math
from datetime import date
from typing import Any

from realpolitik.analysis.corpus import QUAD_NAMES

QUAD_COLOURS = {1: "#5b8def", 2: "#2e9e6b", 3: "#f0a030", 4: "#d64545"}
_LAYOUT: dict[str, Any] = {
    "margin": {"l": 50, "r": 20, "t": 30, "b": 40}, "height": 320,
    "legend": {"orientation": "h", "y": -0.2}, "paper_bgcolor": "rgba(0,0,0,0)",
    "plot_bgcolor": "rgba(0,0,0,0)", "font": {"family": "system-ui, sans-serif", "size": 12},
}


def figure(data: list[dict[str, Any]], **layout: Any) -> dict[str, Any]:
    return {"data": data, "layout": {**_LAYOUT, **layout}}


def events_per_month(per_month: list[tuple[date, int, int]]) -> dict[str, Any]:
    months = sorted({m for m, _, _ in per_month})
    counts = {(m, q): n for m, q, n in per_month}
    data = [{"type": "bar", "name": QUAD_NAMES[q], "marker": {"color": QUAD_COLOURS[q]},
             "x": [m.isoformat() for m in months],
             "y": [counts.get((m, q), 0) for m in months]} for q in QUAD_NAMES]
    return figure(data, barmode="stack", yaxis={"title": {"text": "events"}})


def dyad_goldstein(rows: list[Any], a: str, b: str) -> dict[str, Any]:
    """Goldstein sum per period, one line per direction."""
    data = []
    for source, target, colour in ((a, b, "#5b8def"), (b, a, "#d64545")):
        mine = [r for r in rows if r.source == source]
        data.append({"type": "scatter", "mode": "lines+markers", "name": f"{source} → {target}",
                     "line": {"color": colour},
                     "x": [r.period.isoformat() for r in mine],
                     "y": [round(r.goldstein_sum, 2) for r in mine],
                     "customdata": [r.events for r in mine],
                     "hovertemplate": "%{x}: Goldstein %{y} over %{customdata} events"
                                      "<extra></extra>"})
    return figure(data, yaxis={"title": {"text": "Goldstein sum"}, "zeroline": True})


def dyad_quads(rows: list[Any], a: str, b: str) -> dict[str, Any]:
    """Events per quad class and period, both directions side by side (b→a negative)."""
    names = ("verbal_cooperation", "material_cooperation", "verbal_conflict",
             "material_conflict")
    data = []
    for q, name in enumerate(names, start=1):
        for source, sign in ((a, 1), (b, -1)):
            mine = [r for r in rows if r.source == source]
            data.append({"type": "bar", "name": f"{QUAD_NAMES[q]} ({source})",
                         "legendgroup": str(q), "showlegend": sign == 1,
                         "marker": {"color": QUAD_COLOURS[q], "opacity": 1 if sign == 1
                                    else 0.55},
                         "x": [r.period.isoformat() for r in mine],
                         "y": [sign * getattr(r, name) for r in mine],
                         "hovertemplate": f"{source}: %{{x}} %{{y}} {QUAD_NAMES[q]}"
                                          "<extra></extra>"})
    return figure(data, barmode="relative",
                  yaxis={"title": {"text": f"← {b} → {a}   events   {a} → {b} →"}})


def network_graph(nodes: list[dict[str, Any]], edges: list[dict[str, Any]],
                  colours: dict[str, str]) -> dict[str, Any]:
    """Nodes on a circle (ordered by degree, so hubs sit together) and one trace per edge
    kind; hovering an edge's midpoint shows its kind, count and first sentence."""
    degree: dict[str, int] = {n["id"]: 0 for n in nodes}
    for e in edges:
        degree[e["source"]] = degree.get(e["source"], 0) + 1
        degree[e["target"]] = degree.get(e["target"], 0) + 1
    order = sorted(degree, key=lambda n: (-degree[n], n))
    pos = {n: (math.cos(2 * math.pi * i / max(len(order), 1)),
               math.sin(2 * math.pi * i / max(len(order), 1))) for i, n in enumerate(order)}
    data: list[dict[str, Any]] = []
    for kind in sorted({e["kind"] for e in edges}):
        xs: list[float | None] = []
        ys: list[float | None] = []
        mx: list[float] = []
        my: list[float] = []
        hover: list[str] = []
        for e in (e for e in edges if e["kind"] == kind):
            (x0, y0), (x1, y1) = pos[e["source"]], pos[e["target"]]
            xs += [x0, x1, None]
            ys += [y0, y1, None]
            mx.append((x0 + x1) / 2)
            my.append((y0 + y1) / 2)
            first = e["evidence"][0]["text"] if e["evidence"] else ""
            hover.append(f"{html.escape(e['source'])} – {html.escape(e['target'])}: "
                         f"{kind} ×{e['count']}<br>{html.escape(_short(first))}")
        colour = colours.get(kind, "#888")
        data.append({"type": "scatter", "mode": "lines", "name": kind, "x": xs, "y": ys,
                     "line": {"color": colour, "width": 1.5}, "hoverinfo": "skip",
                     "legendgroup": kind})
        data.append({"type": "scatter", "mode": "markers", "x": mx, "y": my,
                     "marker": {"color": colour, "size": 6, "opacity": 0.6},
                     "text": hover, "hoverinfo": "text", "showlegend": False,
                     "legendgroup": kind})
    data.append({"type": "scatter", "mode": "markers+text", "name": "actors",
                 "x": [pos[n][0] for n in order], "y": [pos[n][1] for n in order],
                 "text": [html.escape(n) for n in order], "textposition": "top center",
                 "showlegend": False,
                 "marker": {"size": [8 + 2 * min(degree[n], 12) for n in order],
                            "color": "#333"},
                 "hovertext": [f"{n}: {degree[n]} ties" for n in order], "hoverinfo": "text"})
    axis = {"visible": False, "range": [-1.3, 1.3]}
    return figure(data, height=640, xaxis=axis, yaxis={**axis, "scaleanchor": "x"},
                  hovermode="closest")


def _short(text: str, limit: int = 140) -> str:
    # Plotly reads a little HTML in hover text: callers escape what they pass
    return text if len(text) <= limit else text[: limit - 1] + "…"


def place_map(places: list[dict[str, Any]], *, fit: bool = False) -> dict[str, Any]:
    """Events by their action place on Plotly's offline base map (scattergeo): one marker
    per place, its area growing with the events there, coloured by the place's most
    frequent quad class; ``customdata`` is the place's key for ``/api/events?at=``."""
    most = max((int(p["events"]) for p in places), default=1)
    data = []
    for q, name in QUAD_NAMES.items():
        mine = [p for p in places if p["quad_class"] == q]
        data.append({
            "type": "scattergeo", "mode": "markers", "name": name,
            "lat": [p["lat"] for p in mine], "lon": [p["lon"] for p in mine],
            "customdata": [p["key"] for p in mine],
            "text": [html.escape(f"{p['name']} ({p['country'] or p['feature']}): "
                                 f"{p['events']} events; " + ", ".join(
                                     f"{QUAD_NAMES[int(k)]} {n}"
                                     for k, n in p["quad_classes"].items() if n))
                     for p in mine],
            "hoverinfo": "text",
            "marker": {"color": QUAD_COLOURS[q], "opacity": 0.75,
                       "line": {"color": "#333", "width": 0.5},
                       "size": [round(6 + 34 * math.sqrt(int(p["events"]) / most), 1)
                                for p in mine]}})
    geo = {"projection": {"type": "natural earth"}, "showcountries": True,
           "countrycolor": "#bbb", "showland": True, "landcolor": "#f2efe9",
           "showocean": True, "oceancolor": "#e8f0f8", "showframe": False,
           "resolution": 110}
    if fit and places:
        geo["fitbounds"] = "locations"
    return figure(data, height=520, geo=geo, margin={"l": 0, "r": 0, "t": 10, "b": 10},
                  legend={"orientation": "h", "y": -0.02})
