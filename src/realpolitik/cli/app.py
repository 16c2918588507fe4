"""``realpolitik``: the command-line interface.

Commands are thin: they parse options, build a :class:`~realpolitik.config.Config`, call
the library and print. A :class:`~realpolitik.errors.RealpolitikError` becomes one line on
stderr and exit status 1; usage errors exit 2; an interrupt exits 130.
"""

from __future__ import annotations

import os
import sys

import typer
from typer.exceptions import Abort, TyperException

from realpolitik.cli import (
    analysis_cmd,
    dedup_cmd,
    eval_cmd,
    ingest_cmd,
    query_cmd,
    serve_cmd,
)
from realpolitik.cli.render import error_line
from realpolitik.errors import IngestInterrupted, RealpolitikError
from realpolitik.store.db import is_interrupt

app = typer.Typer(
    name="realpolitik", no_args_is_help=True, add_completion=False,
    help="Geopolitical news to an evidence-linked model of international relations.",
    pretty_exceptions_enable=False,
)


ingest_cmd.register(app)
query_cmd.register(app)
eval_cmd.register(app)
analysis_cmd.register(app)
serve_cmd.register(app)
dedup_cmd.register(app)


def _mount_optional() -> None:
    """Sub-apps that live beside their library package."""
    from realpolitik.cli.actors_cmd import app as actors_app
    from realpolitik.cli.reference_cmd import app as reference_app

    app.add_typer(actors_app, name="actors", help="Resolve and browse actors.")
    app.add_typer(reference_app, name="reference", help="Load reference data sets.")
    from realpolitik.cli import spark_cmd

    spark_cmd.register(app)


_mount_optional()

#: set to 1 to see the traceback of an unexpected error instead of its one-line summary
TRACEBACK_ENV = "REALPOLITIK_TRACEBACK"


def _usage_line(exc: TyperException) -> str:
    """One line for a usage error, whatever Typer's (or Click's) exception class is."""
    message = " ".join(exc.format_message().replace("Value error, ", "").split())
    ctx = getattr(exc, "ctx", None)
    where = getattr(ctx, "command_path", None) if ctx is not None else None
    return f"{message} (see '{where} --help')" if where else message


def main(argv: list[str] | None = None) -> None:
    # Typer >= 0.20 vendors Click: its exceptions are typer.exceptions.TyperException
    # subclasses, not click's, so they are caught here by Typer's own base class.
    try:
        result = app(args=argv, standalone_mode=False)
    except IngestInterrupted as exc:
        error_line("interrupted:", str(exc))
        sys.exit(130)
    except RealpolitikError as exc:
        error_line("error:", str(exc))
        sys.exit(1)
    except TyperException as exc:
        if type(exc).__name__ == "NoArgsIsHelpError":
            sys.stdout.write(exc.format_message().rstrip() + "\n")
        else:
            error_line("usage error:", _usage_line(exc))
        sys.exit(2)
    except (Abort, KeyboardInterrupt):
        error_line("interrupted", "")
        sys.exit(130)
    except typer.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # a bug: still one line, the traceback on request
        if is_interrupt(exc):  # DuckDB's ways of saying Ctrl-C stopped a statement
            error_line("interrupted", "")
            sys.exit(130)
        if os.environ.get(TRACEBACK_ENV) == "1":
            raise
        error_line("internal error:", f"{type(exc).__name__}: {exc} (set {TRACEBACK_ENV}=1 "
                                      "for the traceback, and please report it)")
        sys.exit(1)
    if result == 130:  # Typer turns a KeyboardInterrupt it catches into a silent 130
        error_line("interrupted", "")
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    main()
