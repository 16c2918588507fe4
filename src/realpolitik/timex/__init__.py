"""Stage 5 (time): when each event happened.

News stamps everything with its publication date; the events it reports often happened
"last May", "in 2011" or "ten years ago". This package finds the time expressions of a
parsed document, resolves them against the publication date, and dates each event by the
expression that governs its clause (see :mod:`realpolitik.timex.resolver` for the rules),
falling back to the publication date marked ``inferred``.

Conventions:
- an interval is closed, ``start``..``end``; its precision is the calendar unit the
  expression names: day ("yesterday", "on Monday", "last week"), month ("last May",
  "earlier this month", "spring 2024", "Q1"), year ("in 2011", "early 2024", "ten years
  ago"), decade ("the 1990s");
- recurring dates without a year (months, weekdays, holidays, seasons, quarters) mean the
  most recent occurrence up to the publication date; under a future clause the next one;
  "last May" is the most recent May before the current month;
- "since X" runs from the start of X to the publication date; "by X" is X itself, the end
  point of a forecast or deadline; durations ("within eighteen months") are windows, not
  dates.
"""

from realpolitik.timex.expression import TimeExpression
from realpolitik.timex.publication import parse_publication_date, publication_date_from_html
from realpolitik.timex.resolve import analyse_expression, resolve_expression
from realpolitik.timex.resolver import TimeResolver
from realpolitik.timex.window import Window, parse_window

__all__ = [
    "TimeExpression",
    "TimeResolver",
    "Window",
    "analyse_expression",
    "parse_publication_date",
    "parse_window",
    "publication_date_from_html",
    "resolve_expression",
]
