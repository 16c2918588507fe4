"""Printing rows as a terminal table, JSON or CSV; no domain logic here.

Both consoles have Rich markup switched off: every string printed may hold user data
(paths, dates, actor names, evidence), and ``[/x]`` in a file name must print as written,
never be read as markup. Styling is applied with :class:`rich.text.Text` spans instead.
"""

from __future__ import annotations

import csv
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from rich.cells import cell_len, chop_cells, set_cell_size
from rich.console import Console
from rich.text import Text

from realpolitik.jsontext import dumps_indented


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    csv = "csv"


stdout = Console(soft_wrap=False, markup=False, highlight=False)
stderr = Console(stderr=True, markup=False, highlight=False)

#: columns holding running text: they take the width left over, or fold under their row
TEXT_COLUMNS = ("evidence",)
#: a short column is never wider than this in a fitted table (longer values end in …)
MAX_CELL = 28
#: below this many cells the evidence column is folded under its row instead
MIN_TEXT_WIDTH = 30
GAP = 2


def error_line(label: str, message: str, console: Console | None = None) -> None:
    """One line on stderr: a red label and the message, printed literally."""
    text = Text(label, style="red")
    if message:
        text.append(" " + " ".join(message.split()))
    (console or stderr).print(text, soft_wrap=True)


def note(message: str) -> None:
    """A dim line on stderr (what a table left out, where an export went)."""
    stderr.print(Text(message, style="dim"), soft_wrap=True)


def _plain(value: Any) -> Any:
    if isinstance(value, date | datetime):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 3)
    return value


def to_json(value: Any) -> str:
    """``json.dumps(value, ensure_ascii=False, indent=2)``, dates as ISO text, written by
    :func:`~realpolitik.jsontext.dumps_indented` (json's indented encoder runs in Python)."""
    return dumps_indented(value, default=_plain)


def cell_text(value: Any) -> str:
    """A value as one line of table text."""
    if value is None:
        return ""
    return " ".join(str(_plain(value)).split())


@dataclass(frozen=True, slots=True)
class Layout:
    """Which columns a table shows, how wide each is, and where the running text goes."""

    columns: tuple[str, ...]
    widths: tuple[int, ...]
    text_column: str | None
    text_width: int
    folded: bool
    hidden: tuple[str, ...]


def fit_columns(rows: Sequence[dict[str, Any]], columns: Sequence[str], width: int,
                wide: bool = False) -> Layout:
    """Widths that fit ``width`` cells: headers are never cut, short columns are capped,
    columns that cannot fit are hidden (``wide`` shows them all, uncapped), and the running
    text takes what is left or folds under its row."""
    text_col = next((c for c in columns if c in TEXT_COLUMNS), None)
    short = [c for c in columns if c != text_col]
    widths: list[int] = []
    for c in short:
        natural = max([cell_len(c), *(cell_len(cell_text(r.get(c))) for r in rows)])
        widths.append(natural if wide else min(natural, max(cell_len(c), MAX_CELL)))
    hidden: list[str] = []
    if not wide:
        while len(short) > 1 and sum(widths) + GAP * (len(short) - 1) > width:
            hidden.insert(0, short.pop())
            widths.pop()
        # the one column left shrinks to the width, never below its header
        if len(short) == 1 and widths[0] > width:
            widths[0] = max(cell_len(short[0]), width)
    used = sum(widths) + GAP * max(len(short) - 1, 0)
    if text_col is None:
        return Layout(tuple(short), tuple(widths), None, 0, False, tuple(hidden))
    if wide:
        longest = max([cell_len(text_col), *(cell_len(cell_text(r.get(text_col))) for r in rows)])
        return Layout(tuple(short), tuple(widths), text_col, longest, False, tuple(hidden))
    left = width - used - (GAP if short else 0)
    if left >= MIN_TEXT_WIDTH:
        return Layout(tuple(short), tuple(widths), text_col, left, False, tuple(hidden))
    return Layout(tuple(short), tuple(widths), text_col, max(width - 4, 20), True,
                  tuple(hidden))


def _pad(text: str, width: int) -> str:
    if cell_len(text) > width:
        return set_cell_size(text, max(width - 1, 0)) + "…" if width > 0 else ""
    return set_cell_size(text, width)


FOLD_INDENT = "    "


def wrap_cells(text: str, width: int) -> list[str]:
    """``textwrap.wrap`` by terminal cells, not characters: a wide (CJK) character takes two
    cells, so a line of ``width`` characters can overflow the column."""
    return [part for line in textwrap.wrap(text, width) for part in chop_cells(line, width)]


def table_lines(rows: Sequence[dict[str, Any]], layout: Layout) -> list[Text]:
    """The table as styled lines; every value is plain text, never markup."""
    gap = " " * GAP
    names = list(layout.columns)
    inline = layout.text_column is not None and not layout.folded
    header = gap.join(_pad(c, w) for c, w in zip(names, layout.widths, strict=True))
    if inline:
        header = (header + gap if names else "") + str(layout.text_column)
    lines = [Text(header.rstrip(), style="bold")]
    for row in rows:
        cells = gap.join(_pad(cell_text(row.get(c)), w)
                         for c, w in zip(names, layout.widths, strict=True))
        if layout.text_column is None:
            lines.append(Text(cells.rstrip()))
            continue
        body = cell_text(row.get(layout.text_column))
        wrapped = wrap_cells(body, layout.text_width) or [""]
        if inline:
            indent = " " * (cell_len(cells) + (GAP if names else 0))
            lines.append(Text(((cells + gap) if names else "") + wrapped[0]))
            lines.extend(Text(indent + part) for part in wrapped[1:])
        else:
            lines.append(Text(cells.rstrip()))
            # the fold's indent comes out of the same width
            folded = wrap_cells(body, max(1, layout.text_width - len(FOLD_INDENT)))
            lines.extend(Text(FOLD_INDENT + part, style="dim") for part in folded if part)
    return lines


def print_rows(rows: Sequence[dict[str, Any]], fmt: OutputFormat, title: str | None = None,
               columns: Sequence[str] | None = None, wide: bool = False) -> None:
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
    if title:
        stdout.print(Text(title, style="bold italic"), soft_wrap=True)
    if not rows:
        stdout.print(Text("no rows", style="dim"))
        return
    layout = fit_columns(rows, cols, stdout.width, wide=wide)
    for line in table_lines(rows, layout):
        stdout.print(line, soft_wrap=True)
    if layout.hidden:
        note(f"{len(layout.hidden)} column(s) not shown at this width "
             f"({', '.join(layout.hidden)}); --wide shows all")


def left_out(shown: int, total: int, limit: int | None) -> None:
    """Say how many rows a ``--limit`` left out, if any."""
    if limit is not None and total > shown:
        note(f"{total - shown} more row(s) not shown (--limit {limit}; --limit 0 shows all)")
