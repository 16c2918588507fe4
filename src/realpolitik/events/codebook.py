"""The CAMEO codebook: every code with its name, root, quad class, Goldstein and PLOVER type.

Derived from the GDELT/ICEWS CAMEO tables and the CAMEO-to-PLOVER mapping by
``scripts/build_codebook.py``; the CSV's header names the sources.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from realpolitik.errors import DataFileError


@dataclass(frozen=True, slots=True)
class CameoCode:
    code: str
    root: str
    level: int
    name: str
    quad_class: int
    goldstein: float
    plover: str | None
    plover_mode: str | None
    description: str


def quad_class_of(root: str) -> int:
    """GDELT/ICEWS convention: 01-05 verbal coop, 06-08 material coop, 09-13 verbal
    conflict, 14-20 material conflict."""
    r = int(root)
    if not 1 <= r <= 20:
        raise ValueError(f"not a CAMEO root: {root!r}")
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


class Codebook:
    def __init__(self, codes: dict[str, CameoCode]) -> None:
        self._codes = codes

    def __contains__(self, code: object) -> bool:
        return code in self._codes

    def __len__(self) -> int:
        return len(self._codes)

    def __getitem__(self, code: str) -> CameoCode:
        try:
            return self._codes[code]
        except KeyError:
            raise DataFileError(f"unknown CAMEO code {code!r}") from None

    def get(self, code: str) -> CameoCode | None:
        return self._codes.get(code)

    def codes(self) -> list[CameoCode]:
        return sorted(self._codes.values(), key=lambda c: c.code)

    @classmethod
    def from_csv(cls, path: Path) -> Codebook:
        return cls(_read(path.read_text(encoding="utf-8"), str(path)))


def _read(text: str, location: str) -> dict[str, CameoCode]:
    lines = [line for line in text.splitlines() if line and not line.startswith("#")]
    codes: dict[str, CameoCode] = {}
    for n, row in enumerate(csv.DictReader(lines), start=2):
        try:
            code = row["code"].strip()
            codes[code] = CameoCode(
                code=code, root=row["root"].strip(), level=int(row["level"]),
                name=row["name"].strip(), quad_class=int(row["quad_class"]),
                goldstein=float(row["goldstein"]), plover=row.get("plover") or None,
                plover_mode=row.get("plover_mode") or None,
                description=row.get("description") or "",
            )
        except (KeyError, ValueError, AttributeError) as exc:
            raise DataFileError(f"{location}: bad codebook row {n} ({exc})") from None
    return codes


@lru_cache(maxsize=1)
def default_codebook() -> Codebook:
    """The bundled codebook, parsed once per process."""
    ref = resources.files("realpolitik") / "data" / "cameo" / "codebook.csv"
    return Codebook(_read(ref.read_text(encoding="utf-8"), "codebook.csv"))
