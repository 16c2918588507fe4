"""realpolitik dedup: merged events ("one event, many stories") of a store."""

from __future__ import annotations

from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from realpolitik.cli.options import DbOption, build_config
from realpolitik.cli.render import stderr, stdout
from realpolitik.config import CODE_MATCHES, DedupRule
from realpolitik.errors import ConfigError
from realpolitik.store import open_store


def register(app: typer.Typer) -> None:
    app.command("dedup")(dedup_command)


def dedup_command(
    db: DbOption = None,
    rebuild: Annotated[bool, typer.Option(
        "--rebuild", help="Recompute every merge from the stored mentions (one transaction; "
                          "nothing is deleted, so the rule may change and change back).")
    ] = False,
    day_slack: Annotated[int | None, typer.Option(
        "--day-slack", help="Days two reports' dates may lie apart (default 1).")] = None,
    codes: Annotated[str | None, typer.Option(
        "--codes", help=f"CAMEO match: {' or '.join(CODE_MATCHES)} (default root).")] = None,
    place_km: Annotated[float | None, typer.Option(
        "--place-km", help="Most km between two known places of one event (default 100).")
    ] = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
) -> None:
    """Count mentions and merged events; with --rebuild, recompute the merges first."""
    from realpolitik.dedup.merge import merge_counts
    from realpolitik.dedup.merge import rebuild as rebuild_merges

    config = build_config(db=db)
    changes = {k: v for k, v in (("day_slack", day_slack), ("codes", codes),
                                 ("place_km", place_km)) if v is not None}
    if changes and not rebuild:
        raise ConfigError("--day-slack, --codes and --place-km change the rule: give "
                          "--rebuild to apply it")
    rule = DedupRule(**changes)  # type: ignore[arg-type]
    changed = None
    with open_store(config.db_path, dedup=rule) as store:
        before = merge_counts(store)
        if rebuild:
            with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                          MofNCompleteColumn(), TimeElapsedColumn(), console=stderr,
                          disable=quiet) as progress:
                task = progress.add_task("merging", total=None)

                def advance(done: int, total: int) -> None:
                    progress.update(task, completed=done, total=total)

                changed = rebuild_merges(store, rule, on_progress=advance)
        after = merge_counts(store)
    table = Table(title=f"merged events in {config.db_path}", show_header=False)
    table.add_row("event mentions", str(after["mentions"]))
    table.add_row("merged events", str(after["events"]))
    table.add_row("reported more than once", str(after["merged"]))
    table.add_row("reported by more than one article", str(after["cross_document"]))
    share = 1 - after["events"] / after["mentions"] if after["mentions"] else 0.0
    table.add_row("duplicate mentions", f"{share:.1%}")
    if changed is not None:
        table.add_row("mentions regrouped", str(changed))
        table.add_row("merged events before", str(before["events"]))
    stdout.print(table)
