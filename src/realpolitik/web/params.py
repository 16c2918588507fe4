"""Query parameters the library needs typed: strict dates and blank-as-absent values.
A bad value raises a RealpolitikError naming the parameter, which becomes a 400."""

from __future__ import annotations

from datetime import date

from realpolitik.errors import QueryError
from realpolitik.ingest.readers import parse_iso_date


def blank(value: str | None) -> str | None:
    """HTML forms send empty fields; an empty field is no filter."""
    if value is None:
        return None
    value = value.strip()
    return value or None


def day(value: str | None, name: str) -> date | None:
    value = blank(value)
    return parse_iso_date(value, f"param {name}") if value else None


def number(value: str | None, name: str, *, low: float | None = None,
           high: float | None = None) -> float | None:
    value = blank(value)
    if value is None:
        return None
    try:
        out = float(value)
    except ValueError:
        raise QueryError(f"{name}: not a number: {value!r}") from None
    if (low is not None and out < low) or (high is not None and out > high) or out != out:
        raise QueryError(f"{name}: {value} is outside {low} to {high}")
    return out


def whole(value: str | None, name: str, *, low: int = 0, high: int | None = None) -> int | None:
    value = blank(value)
    if value is None:
        return None
    if not value.lstrip("-").isdigit():
        raise QueryError(f"{name}: not a whole number: {value!r}")
    out = int(value)
    if out < low or (high is not None and out > high):
        raise QueryError(f"{name}: {out} is outside {low} to {high}")
    return out
