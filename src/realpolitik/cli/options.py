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
    "DEFAULT_MAX_FILE_BYTES", "TABLE_LIMIT", "ActorsOption", "DateOption", "DbOption",
    "EventClassModelOption", "FormatOption", "LimitOption", "MaxBytesOption", "MentionsOption",
    "MinConfidenceOption", "ParticipantActorsOption", "ParticipantModelOption",
    "PatternsOption", "RootOnlyOption",
    "WideOption", "build_config", "date_option", "row_limit", "with_models",
]

#: rows a table shows unless --limit says otherwise (csv and json show every row)
TABLE_LIMIT = 50

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
LimitOption = Annotated[int | None, typer.Option(
    "--limit", min=0,
    help=f"At most this many rows (default {TABLE_LIMIT} in tables, all in csv/json; 0: all).")]
WideOption = Annotated[bool, typer.Option(
    "--wide", help="Tables show every column at full width, whatever the terminal's width.")]
MinConfidenceOption = Annotated[float | None, typer.Option(
    "--min-confidence", min=0.0, max=1.0,
    help="Hide events below this confidence (0..1; default: the configured threshold; "
         "0 shows all).")]
MentionsOption = Annotated[bool, typer.Option(
    "--mentions", help="Count every report of an event (a mention) instead of each merged "
                       "event once.")]
RootOnlyOption = Annotated[bool, typer.Option(
    "--root-only", help="Only each sentence's main event (GDELT's IsRootEvent).")]

EventClassModelOption = Annotated[bool | None, typer.Option(
    "--event-class-model/--no-event-class-model",
    help="The coder re-ranks each sentence's main event with the learned event-class model "
         "(default: as configured; see README 'Learned models').")]
ParticipantModelOption = Annotated[bool | None, typer.Option(
    "--participant-model/--no-participant-model",
    help="The coder gives empty or unresolved sources and targets the words of the learned "
         "participant model's spans (default: as configured; see README 'Learned models').")]
ParticipantActorsOption = Annotated[bool | None, typer.Option(
    "--participant-actors/--no-participant-actors",
    help="With the participant model, an empty or unresolved side also takes the resolved "
         "actor the model finds for it: a new party (default: off; see README 'Learned "
         "models').")]


def row_limit(limit: int | None, fmt: object) -> int | None:
    """The row limit in force: --limit as given (0 is none), else the table default."""
    if limit is not None:
        return limit or None
    return TABLE_LIMIT if fmt == "table" else None


def build_config(db: Path | None = None, date: str | None = None,
                 actors: list[Path] | None = None, patterns: list[Path] | None = None,
                 max_bytes: int = DEFAULT_MAX_FILE_BYTES, batch_size: int = 64,
                 min_confidence: float | None = None, event_class_model: bool | None = None,
                 participant_model: bool | None = None,
                 participant_actors: bool | None = None) -> Config:
    if date is not None:
        parse_iso_date(date, "--date")
    config = Config.from_env(
        db=db, date_override=date, actor_files=tuple(actors or ()),
        pattern_files=tuple(patterns or ()), max_file_bytes=max_bytes, batch_size=batch_size,
    )
    # the threshold's default lives in Config alone; the flag only overrides it
    if min_confidence is not None:
        config = config.with_changes(min_confidence=min_confidence)
    # likewise the learned models: a flag overrides, no flag keeps Config's default
    return with_models(config, event_class_model, participant_model, participant_actors)


def with_models(config: Config, event_class_model: bool | None,
                participant_model: bool | None,
                participant_actors: bool | None = None) -> Config:
    """``config`` with the models the flags name switched on or off (None: unchanged)."""
    changes = {name: value for name, value in (("event_class_model", event_class_model),
                                               ("participant_model", participant_model),
                                               ("participant_fill_actors", participant_actors))
               if value is not None}
    return config.with_changes(**changes) if changes else config


def date_option(value: str | None, option: str) -> date | None:
    """The strict YYYY-MM-DD date an option names; None when the option was not given."""
    return parse_iso_date(value, option) if value is not None else None
