"""Options shared by several commands, and the Config they build."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.config import DEFAULT_MAX_FILE_BYTES, Config

__all__ = [
    "DEFAULT_MAX_FILE_BYTES", "ActorsOption", "DateOption", "DbOption", "MaxBytesOption",
    "PatternsOption", "build_config",
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
MaxBytesOption = Annotated[int, typer.Option(
    "--max-bytes", help="Refuse single files larger than this many bytes.", min=1)]


def build_config(db: Path | None = None, date: str | None = None,
                 actors: list[Path] | None = None, patterns: list[Path] | None = None,
                 max_bytes: int = DEFAULT_MAX_FILE_BYTES, batch_size: int = 64) -> Config:
    if date is not None:
        from realpolitik.ingest.readers import parse_iso_date

        parse_iso_date(date, "--date")
    return Config.from_env(
        db=db, date_override=date, actor_files=tuple(actors or ()),
        pattern_files=tuple(patterns or ()), max_file_bytes=max_bytes, batch_size=batch_size,
    )
