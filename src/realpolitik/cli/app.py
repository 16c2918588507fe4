"""``realpolitik``: the command-line interface.

Commands are thin: they parse options, build a :class:`~realpolitik.config.Config`, call
the library and print. A :class:`~realpolitik.errors.RealpolitikError` becomes one line on
stderr and exit status 1; usage errors exit 2.
"""

from __future__ import annotations

import sys

import click
import typer

from realpolitik.cli import analysis_cmd, eval_cmd, ingest_cmd, query_cmd
from realpolitik.cli.render import stderr
from realpolitik.errors import RealpolitikError

app = typer.Typer(
    name="realpolitik", no_args_is_help=True, add_completion=False,
    help="Geopolitical news to an evidence-linked model of international relations.",
    pretty_exceptions_enable=False,
)


ingest_cmd.register(app)
query_cmd.register(app)
eval_cmd.register(app)
analysis_cmd.register(app)


def _mount_optional() -> None:
    """Sub-apps that live beside their library package."""
    from realpolitik.cli.actors_cmd import app as actors_app
    from realpolitik.cli.reference_cmd import app as reference_app

    app.add_typer(actors_app, name="actors", help="Resolve and browse actors.")
    app.add_typer(reference_app, name="reference", help="Load reference data sets.")
    from realpolitik.cli import spark_cmd

    spark_cmd.register(app)


_mount_optional()


def main(argv: list[str] | None = None) -> None:
    try:
        result = app(args=argv, standalone_mode=False)
    except RealpolitikError as exc:
        stderr.print(f"[red]error:[/red] {exc}", highlight=False, soft_wrap=True)
        sys.exit(1)
    except click.exceptions.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        stderr.print("aborted")
        sys.exit(130)
    except KeyboardInterrupt:
        stderr.print("interrupted")
        sys.exit(130)
    sys.exit(result if isinstance(result, int) else 0)


if __name__ == "__main__":
    main()
