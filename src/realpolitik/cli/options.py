"""Options shared by several commands, and the Config they build."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.render import OutputFormat
from realpolitik.config import DEFAULT_MAX_FILE_BYTES, Config
from realpolitik.ingest.readers import parse_iso_date

__all__ = [
    "DEFAULT_MAX_FILE_BYTES", "ActorsOption", "DateOption", "DbOption", "FormatOption",
    "MaxBytesOption",
    "PatternsOption", "build_config", "date_option",
]

DbOption = Annotated[Path | None, typer.Option(
    "--db", help="DuckDB store (default: $REALPOLITIK_DB or ./realpolitik.duckdb).")]
DateOption = Annotated[str | None, typer.Option(
    "--date", help="Publication date YYYY-MM-DD for every document (overrides headers).")]
ActorsOption = Annotated[list[Path] | None, typer.Option(
    "--actors", help="Extra actor YAML overriding the built-in knowledge base (repeatable).",
    exists=True, dir_okay=False)]
PatternsOption = Annotated[list[Path] | None, typer.Option(
    "--patterns", help="Extra verb patterns: YAML or a PETRARCH verb dictionary (repeatable).",
    exists=True, dir_okay=False)]
FormatOption = Annotated[OutputFormat, typer.Option(
    "--format", "-f", help="Output format: table, json or csv.")]
MaxBytesOption = Annotated[int, typer.Option(
    "--max-bytes", help="Refuse single files larger than this many bytes.", min=1)]


def build_config(db: Path | None = None, date: str | None = None,
                 actors: list[Path] | None = None, patterns: list[Path] | None = None,
                 max_bytes: int = DEFAULT_MAX_FILE_BYTES, batch_size: int = 64) -> Config:
    if date is not None:
        parse_iso_date(date, "--date")
    return Config.from_env(
        db=db, date_override=date, actor_files=tuple(actors or ()),
        pattern_files=tuple(patterns or ()), max_file_bytes=max_bytes, batch_size=batch_size,
    )


def date_option(value: str | None, option: str) -> date | None:
    """The strict YYYY-MM-DD date an option names; None when the option was not given."""
    return parse_iso_date(value, option) if value is not None else None
