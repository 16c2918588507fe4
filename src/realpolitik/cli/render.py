"""Printing rows as a Rich table, JSON or CSV; no domain logic here."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Sequence
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


stdout = Console(soft_wrap=False)
stderr = Console(stderr=True)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    return value


def to_json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2, default=_plain)


def print_rows(rows: Sequence[dict[str, Any]], fmt: OutputFormat, title: str | None = None,
               columns: Sequence[str] | None = None) -> None:
    cols = list(columns or (rows[0].keys() if rows else []))
    if fmt is OutputFormat.json:
        sys.stdout.write(to_json([{c: _plain(r.get(c)) for c in cols} for r in rows]) + "\n")
        return
    if fmt is OutputFormat.csv:
        writer = csv.writer(sys.stdout, lineterminator="\n")
        writer.writerow(cols)
        for r in rows:
            writer.writerow(["" if r.get(c) is None else _plain(r.get(c)) for c in cols])
        return
    table = Table(title=title, show_lines=False, expand=False)
    for c in cols:
        table.add_column(c, overflow="fold", max_width=60 if c == "evidence" else None)
    for r in rows:
        # cell text is data, never Rich markup: "[future]" must print as written
        table.add_row(*["" if r.get(c) is None else escape(str(_plain(r.get(c)))) for c in cols])
    stdout.print(table)
    if not rows:
        stdout.print("[dim]no rows[/dim]")
