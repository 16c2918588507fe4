"""``realpolitik serve``: the web workbench and JSON API over a store (the ``web`` extra)."""

from __future__ import annotations

from typing import Annotated

import typer

from realpolitik.cli.options import DbOption, build_config
from realpolitik.cli.render import stderr
from realpolitik.errors import ConfigError


def register(app: typer.Typer) -> None:
    app.command("serve")(serve)


def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Interface to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    allow_ingest: Annotated[bool, typer.Option(
        "--allow-ingest", help="Accept POST /api/ingest (the server is read-only without it).")]
    = False,
    max_body: Annotated[int, typer.Option(
        "--max-body", min=1024, help="Largest request body in bytes (larger ones get 413).")]
    = 2 * 1024 * 1024,
) -> None:
    """Serve the store in a browser (pages at /, JSON API under /api/, docs at /docs)."""
    try:
        import uvicorn

        from realpolitik.web import ServeSettings, create_app
    except ImportError as exc:
        raise ConfigError(f"'realpolitik serve' needs the web extra "
                          f"(pip install 'realpolitik[web]'): {exc}") from None
    config = build_config(db=db)
    app = create_app(ServeSettings(config=config, allow_ingest=allow_ingest,
                                   max_body_bytes=max_body))
    mode = "ingest allowed" if allow_ingest else "read-only"
    stderr.print(f"serving {config.db_path} ({mode}) at http://{host}:{port}/ "
                 f"— API docs at http://{host}:{port}/docs; Ctrl-C stops")
    uvicorn.run(app, host=host, port=port, log_level="warning")
