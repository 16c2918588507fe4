"""The app factory: ``create_app(ServeSettings(...))`` gives the whole server."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi import FastAPI
from fastapi.openapi.docs import get_swagger_ui_html
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from realpolitik.web import api, errors, pages
from realpolitik.web.database import Database
from realpolitik.web.middleware import BodyLimit, SecurityHeaders
from realpolitik.web.settings import ServeSettings
from realpolitik.web.work import Workers

if TYPE_CHECKING:
    from realpolitik.pipeline import Pipeline

STATIC = Path(str(resources.files("realpolitik.web") / "static"))


def plotly_js() -> Path:
    """plotly.min.js as the plotly package ships it: charts work with no network."""
    import plotly

    return Path(plotly.__file__).parent / "package_data" / "plotly.min.js"


def swagger_dir() -> Path:
    import swagger_ui_bundle

    return Path(str(swagger_ui_bundle.swagger_ui_path))


def create_app(settings: ServeSettings, *, pipeline: Pipeline | None = None) -> FastAPI:
    """The server over ``settings.config.db_path``; ``pipeline`` (else loaded on first
    analyse or ingest) serves POST /api/analyze and /api/ingest."""
    db = Database(settings.config.db_path, writable=settings.allow_ingest)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        db.close()

    app = FastAPI(
        title="realpolitik", version="0.1.0", docs_url=None, redoc_url=None,
        openapi_url="/api/openapi.json", lifespan=lifespan,
        description="Evidence-linked events, relations and figures from news: every answer "
                    "carries the sentences it rests on. Errors are JSON bodies "
                    '`{"error": {"status", "reason", "message"}}`.')
    # the bundled Swagger UI (4.x, served locally) reads OpenAPI 3.0 documents; the schema
    # FastAPI writes renders there unchanged
    app.openapi_version = "3.0.3"
    app.state.settings = settings
    app.state.db = db
    app.state.workers = Workers(settings.config, pipeline)
    errors.install(app)
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static/swagger", StaticFiles(directory=swagger_dir()), name="swagger")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/vendor/plotly.min.js", include_in_schema=False)
    def plotly_bundle() -> FileResponse:
        return FileResponse(plotly_js(), media_type="application/javascript",
                            headers={"Cache-Control": "public, max-age=86400"})

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> FileResponse:
        return FileResponse(STATIC / "favicon.svg", media_type="image/svg+xml")

    @app.get("/docs", include_in_schema=False)
    def docs() -> HTMLResponse:
        return get_swagger_ui_html(
            openapi_url="/api/openapi.json", title="realpolitik API",
            swagger_js_url="/static/swagger/swagger-ui-bundle.js",
            swagger_css_url="/static/swagger/swagger-ui.css",
            swagger_favicon_url="/static/swagger/favicon-32x32.png")

    # outermost first: headers on every answer, then the body bound before any handler
    app.add_middleware(BodyLimit, limit=settings.max_body_bytes)
    app.add_middleware(SecurityHeaders)
    return app
