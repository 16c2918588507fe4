"""events, relations, quantities and export: reading the store."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.analysis import EventFilter, find_events
from realpolitik.analysis.listings import find_quantities, find_relations
from realpolitik.cli.options import DbOption, FormatOption, build_config
from realpolitik.cli.render import OutputFormat, print_rows, stderr
from realpolitik.ingest.readers import parse_iso_date
from realpolitik.places.geo import find_place
from realpolitik.store import Store, open_store
from realpolitik.store.export import export


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    geojson = "geojson"


def register(app: typer.Typer) -> None:
    app.command("events")(events)
    app.command("relations")(relations)
    app.command("quantities")(quantities)
    app.command("export")(export_command)


def _reader(db: Path | None) -> Store:
    return open_store(build_config(db=db).db_path, read_only=True)


def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code or prefix, e.g. RUS, RUSGOV.")]
    = None,
    country: Annotated[str | None, typer.Option(help="ISO3 country on either side.")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or prefix, e.g. 19, 111.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    polarity: Annotated[str | None, typer.Option(help="asserted or negated")] = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    within: Annotated[str | None, typer.Option(
        "--in", help="Events that happened in this place: a country, state or city.")] = None,
    near: Annotated[str | None, typer.Option(
        help="Events that happened within --km of this place.")] = None,
    km: Annotated[float, typer.Option(min=0.0, help="Radius for --near.")] = 100.0,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List stored events with filters, each with its evidence sentence."""
    flt = EventFilter(
        actor=actor, country=country, code=code,
        start=parse_iso_date(date_from, "--from") if date_from else None,
        end=parse_iso_date(date_to, "--to") if date_to else None,
        polarity=polarity, limit=limit,
        within=find_place(within) if within else None,
        near=find_place(near) if near else None, radius_km=km,
    )
    with _reader(db) as store:
        rows = find_events(store, flt)
    columns = None if fmt is not OutputFormat.table else [
        "date_start", "source_actor", "code", "target_actor", "polarity", "modality",
        "goldstein", "evidence"]
    print_rows(rows, fmt, title="events", columns=columns)


def relations(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="ISO3 or organisation code.")] = None,
    kind: Annotated[str | None, typer.Option(help="treaty, membership, arms_transfer, ...")]
    = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List treaties, memberships, transfers, deployments, support and alliance claims."""
    with _reader(db) as store:
        rows = find_relations(store, actor, kind)
    print_rows(rows, fmt, title="relations")


def quantities(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="ISO3 or organisation code.")] = None,
    measure: Annotated[str | None, typer.Option(help="trade, aid, arms_sales, ...")] = None,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List figures: trade, economic relations, aid, arms sales, troops, casualties."""
    with _reader(db) as store:
        rows = find_quantities(store, actor, measure)
    print_rows(rows, fmt, title="quantities")


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (a directory with "
                                      "--table all).")],
    table: Annotated[str, typer.Option(help="events, relations, quantities, documents, "
                                       "sentences, mentions, or all")] = "events",
    include_modal: Annotated[bool, typer.Option(
        help="gdelt: also export future, hypothetical and demanded events.")] = False,
    db: DbOption = None,
) -> None:
    """Export the store: CSV, JSON Lines, Parquet, GDELT 2.0 event TSV or GeoJSON events."""
    with _reader(db) as store:
        counts = export(store, fmt.value, out, table=table, include_modal=include_modal)
    for name, n in counts.items():
        stderr.print(f"{name}: {n} rows → {out}")
