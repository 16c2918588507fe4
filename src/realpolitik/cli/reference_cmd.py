"""realpolitik reference load: reference data sets into the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.options import DbOption, build_config
from realpolitik.cli.render import stderr
from realpolitik.store import open_store

app = typer.Typer(no_args_is_help=True, help="Load reference data sets into the store.")


class Dataset(StrEnum):
    atop = "atop"


@app.command("load")
def load(
    dataset: Annotated[Dataset, typer.Argument(help="Which data set the file holds.")],
    path: Annotated[Path, typer.Argument(exists=True, dir_okay=False,
                                         help="ATOP dyad-year CSV (peacesciencer format).")],
    db: DbOption = None,
) -> None:
    """Load formal alliances (ATOP: defense, offense, neutrality, non-aggression,
    consultation) as reference relations, so historical queries know them."""
    from realpolitik.store.reference import load_atop

    config = build_config(db=db)
    with open_store(config.db_path) as store:
        added = load_atop(store, path)
        total = store.query("SELECT count(*) FROM relations WHERE origin = 'reference:atop'")
    stderr.print(f"{dataset.value}: {added} new alliance spells from {path} "
                 f"({total[0][0]} in {config.db_path})")
