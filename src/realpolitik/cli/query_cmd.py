"""events, relations, quantities and export: reading the store."""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer

from realpolitik.analysis import EventFilter, find_events
from realpolitik.analysis.events import count_events
from realpolitik.cli.options import (
    DbOption,
    FormatOption,
    LimitOption,
    MentionsOption,
    MinConfidenceOption,
    RootOnlyOption,
    WideOption,
    build_config,
    row_limit,
)
from realpolitik.cli.render import OutputFormat, left_out, note, print_rows
from realpolitik.config import Config
from realpolitik.ingest.readers import parse_iso_date
from realpolitik.model import Place
from realpolitik.store import Store, open_store


class ExportFormat(StrEnum):
    csv = "csv"
    jsonl = "jsonl"
    parquet = "parquet"
    gdelt = "gdelt"
    geojson = "geojson"


class Polarity(StrEnum):
    asserted = "asserted"
    negated = "negated"


class Modality(StrEnum):
    actual = "actual"
    future = "future"
    hypothetical = "hypothetical"
    reported = "reported"
    demanded = "demanded"


#: what an events table shows at its width; --wide shows every column
EVENT_TABLE_COLUMNS = ["date_start", "source_actor", "code", "target_actor", "polarity",
                       "modality", "confidence", "num_mentions", "evidence"]
RELATION_TABLE_COLUMNS = ["kind", "parties", "name", "date_start", "polarity", "origin",
                          "evidence"]
QUANTITY_TABLE_COLUMNS = ["measure", "parties", "value", "unit", "year", "change_pct",
                          "evidence"]


def register(app: typer.Typer) -> None:
    app.command("events")(events)
    app.command("relations")(relations)
    app.command("quantities")(quantities)
    app.command("export")(export_command)


def _reader(config: Config) -> Store:
    return open_store(config.db_path, read_only=True)


def _table_columns(fmt: OutputFormat, wide: bool, columns: list[str]) -> list[str] | None:
    return columns if fmt is OutputFormat.table and not wide else None


def _print_limited(rows: list[dict[str, Any]], total: int, limit: int | None,
                   fmt: OutputFormat, title: str, columns: list[str] | None,
                   wide: bool) -> None:
    print_rows(rows, fmt, title=title, columns=columns, wide=wide)
    left_out(len(rows), total, limit)


def events(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="Actor code or prefix, e.g. RUS, RUSGOV.")]
    = None,
    country: Annotated[str | None, typer.Option(
        help="Country on either side: ISO3, actor code or name (Russia).")] = None,
    code: Annotated[str | None, typer.Option(help="CAMEO code or prefix, e.g. 19, 111.")] = None,
    date_from: Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")] = None,
    date_to: Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")] = None,
    polarity: Annotated[Polarity | None, typer.Option(help="asserted or negated")] = None,
    modality: Annotated[Modality | None, typer.Option(
        help="actual, future, hypothetical, reported or demanded")] = None,
    min_confidence: MinConfidenceOption = None,
    root_only: RootOnlyOption = False,
    limit: LimitOption = None,
    wide: WideOption = False,
    within: Annotated[str | None, typer.Option(
        "--in", help="Events that happened in this place: a country, state or city.")] = None,
    near: Annotated[str | None, typer.Option(
        help="Events that happened within --km of this place.")] = None,
    km: Annotated[float, typer.Option(min=0.0, help="Radius for --near.")] = 100.0,
    mentions: MentionsOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List stored events with filters, each with its evidence sentence.

    An event reported by several stories is listed once, with how many mentions, outlets
    and articles reported it; --mentions lists every report."""
    config = build_config(db=db, min_confidence=min_confidence)
    shown = row_limit(limit, fmt)
    flt = EventFilter(
        actor=actor, country=country, code=code,
        start=parse_iso_date(date_from, "--from") if date_from else None,
        end=parse_iso_date(date_to, "--to") if date_to else None,
        polarity=polarity.value if polarity else None,
        modality=modality.value if modality else None, limit=shown,
        min_confidence=config.min_confidence, root_only=root_only,
        within=_place(within), near=_place(near), radius_km=km, mentions=mentions,
    )
    with _reader(config) as store:
        rows = find_events(store, flt)
        total = count_events(store, flt) if shown is not None and len(rows) >= shown else len(rows)
    _print_limited(rows, total, shown, fmt, "events",
                   _table_columns(fmt, wide, EVENT_TABLE_COLUMNS), wide)


def _place(name: str | None) -> Place | None:
    """The place an option names (None when not given): the gazetteer is read by the
    commands that name a place only, not at every command's start-up."""
    if not name:
        return None
    from realpolitik.places.geo import find_place

    return find_place(name)


def _print_found(find: Callable[[Store], list[dict[str, Any]]], db: Path | None,
                 limit: int | None, wide: bool, fmt: OutputFormat, what: str,
                 columns: list[str]) -> None:
    """Relations and figures are read whole (they are few) and cut to the shown rows."""
    shown = row_limit(limit, fmt)
    with _reader(build_config(db=db)) as store:
        rows = find(store)
    _print_limited(rows[:shown] if shown else rows, len(rows), shown, fmt, what,
                   _table_columns(fmt, wide, columns), wide)


def relations(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="ISO3 or organisation code.")] = None,
    kind: Annotated[str | None, typer.Option(help="treaty, membership, arms_transfer, ...")]
    = None,
    limit: LimitOption = None,
    wide: WideOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List treaties, memberships, transfers, deployments, support and alliance claims."""
    from realpolitik.analysis.listings import find_relations

    _print_found(lambda store: find_relations(store, actor, kind), db, limit, wide, fmt,
                 "relations", RELATION_TABLE_COLUMNS)


def quantities(
    db: DbOption = None,
    actor: Annotated[str | None, typer.Option(help="ISO3 or organisation code.")] = None,
    measure: Annotated[str | None, typer.Option(help="trade, aid, arms_sales, ...")] = None,
    limit: LimitOption = None,
    wide: WideOption = False,
    fmt: FormatOption = OutputFormat.table,
) -> None:
    """List figures: trade, economic relations, aid, arms sales, troops, casualties."""
    from realpolitik.analysis.listings import find_quantities

    _print_found(lambda store: find_quantities(store, actor, measure), db, limit, wide, fmt,
                 "quantities", QUANTITY_TABLE_COLUMNS)


def export_command(
    fmt: Annotated[ExportFormat, typer.Option("--format", "-f")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output file (a directory with "
                                      "--table all).")],
    table: Annotated[str, typer.Option(help="events, relations, quantities, documents, "
                                       "sentences, mentions, or all")] = "events",
    include_modal: Annotated[bool, typer.Option(
        help="gdelt: also export future, hypothetical and demanded events.")] = False,
    force: Annotated[bool, typer.Option("--force", help="Overwrite existing outputs.")]
    = False,
    min_confidence: MinConfidenceOption = None,
    root_only: RootOnlyOption = False,
    mentions: MentionsOption = False,
    db: DbOption = None,
) -> None:
    """Export the store: CSV, JSON Lines, Parquet, GDELT 2.0 event TSV or GeoJSON events.

    The GDELT format has one row per merged event (--mentions: per mention), with its
    NumMentions, NumSources and NumArticles."""
    from realpolitik.store.export import export

    config = build_config(db=db, min_confidence=min_confidence)
    with _reader(config) as store:
        counts = export(store, fmt.value, out, table=table, include_modal=include_modal,
                        force=force, min_confidence=config.min_confidence,
                        root_only=root_only, mentions=mentions)
    for name, n in counts.items():
        note(f"{name}: {n} rows → {out}")
