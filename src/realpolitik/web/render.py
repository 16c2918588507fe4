"""Jinja2 with autoescaping on for every template: text from documents is always escaped.
Chart and record data reach the browser as JSON in ``<script type="application/json">``
through ``tojson``, which escapes ``<``, ``>``, ``&`` and quotes, so no text can close the
script element or become markup."""

from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment, PackageLoader, StrictUndefined

from realpolitik.analysis.corpus import QUAD_NAMES
from realpolitik.analysis.evidence import jsonable

NAV = (("/", "Overview"), ("/events", "Events"), ("/documents", "Documents"),
       ("/dyad", "Dyad"), ("/allies-lost", "Allies lost"), ("/responses", "Responses"),
       ("/profile", "Profile"), ("/network", "Network"), ("/map", "Map"),
       ("/analyze", "Analyze"), ("/docs", "API"))


def _value(v: Any) -> str:
    """A cell as an analyst reads it: dates ISO, floats short, nothing for None."""
    if v is None:
        return ""
    if isinstance(v, bool):
        return "yes" if v else "no"
    if isinstance(v, float):
        return f"{v:,.3f}".rstrip("0").rstrip(".") if abs(v) < 1e6 else f"{v:,.0f}"
    if isinstance(v, date):
        return v.isoformat()
    if isinstance(v, list | tuple):
        return ", ".join(_value(x) for x in v)
    return str(v)


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(loader=PackageLoader("realpolitik.web", "templates"), autoescape=True,
                      undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters["value"] = _value
    env.filters["quad"] = lambda q: QUAD_NAMES.get(q, "")
    env.filters["plain"] = jsonable
    env.policies["json.dumps_kwargs"] = {"sort_keys": False, "ensure_ascii": False}
    return env


def render_page(request: Request, template: str, context: dict[str, Any], *,
                status: int = 200, title: str = "") -> HTMLResponse:
    html = environment().get_template(template).render(
        **context, title=title, nav=NAV, path=request.url.path)
    return HTMLResponse(html, status_code=status)
