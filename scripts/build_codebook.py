"""Build src/realpolitik/data/cameo/codebook.csv from the shared CAMEO and PLOVER references.

Usage: python scripts/build_codebook.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "src" / "realpolitik" / "data" / "cameo" / "codebook.csv"
COLUMNS = [
    "code",
    "root",
    "level",
    "name",
    "quad_class",
    "goldstein",
    "plover",
    "plover_mode",
    "description",
]
# GDELT's lookup labels these codes from a pre-1.1b3 CAMEO draft (e.g. 106 "Demand withdrawal"),
# contradicting their sub-codes and the manual's definitions; 044 is garbled. Use ICEWS's names.
ICEWS_NAME = {"044", "101", "105", "106", "107", "108"}
PLOVER_LINE = re.compile(r"^(\d{2,4}):\s*([^#]*?)\s*(?:#.*)?$")


def fix_mojibake(text: str) -> str:
    """Undo UTF-8 read as Mac Roman (e.g. 'Moscow‚Äôs' -> 'Moscow’s')."""
    try:
        return text.encode("mac_roman").decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return text


def quad_class(root: str) -> int:
    r = int(root)
    return 1 if r <= 5 else 2 if r <= 8 else 3 if r <= 13 else 4


def read_plover(path: Path) -> dict[str, tuple[str, str]]:
    """CAMEO code -> (PLOVER event type, mode). Lines read 'code: TYPE, mode, context # note'."""
    table: dict[str, tuple[str, str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        m = PLOVER_LINE.match(line.strip())
        if not m:
            continue
        fields = [f.strip() for f in m.group(2).split(",")] + ["", ""]
        table.setdefault(m.group(1), (fields[0], fields[1]))  # first wins ("08", "175" repeat)
    return table


def plover_for(code: str, root: str, table: dict[str, tuple[str, str]]) -> tuple[str, str]:
    for key in (code, code[:3], root):
        if key in table:
            return table[key]
    return ("", "")


def build(shared: Path) -> tuple[list[dict[str, str]], list[str]]:
    tsv = shared / "reference" / "cameo" / "cameo_codes_merged.tsv"
    plover = read_plover(shared / "reference" / "plover" / "CAMEO2PLOVER-2021.txt")
    rows: list[dict[str, str]] = []
    icews_fallback: list[str] = []
    with tsv.open(encoding="utf-8", newline="") as fh:
        for rec in csv.DictReader(fh, delimiter="\t"):
            code, root = rec["code"], rec["root"]
            name = rec["name_gdelt"].strip()
            gold = rec["goldstein_gdelt"].strip()
            if not name or not gold:
                icews_fallback.append(code)
            if not name or code in ICEWS_NAME:
                name = rec["name_icews"].strip()
            gold = gold or rec["goldstein_icews"].strip()
            ptype, pmode = plover_for(code, root, plover)
            rows.append(
                {
                    "code": code,
                    "root": root,
                    "level": rec["level"],
                    "name": fix_mojibake(name),
                    "quad_class": str(quad_class(root)),
                    "goldstein": f"{float(gold):.1f}",
                    "plover": ptype,
                    "plover_mode": pmode,
                    "description": fix_mojibake(rec["description_icews"].strip()),
                }
            )
    return rows, icews_fallback


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    args = ap.parse_args()
    rows, fallback = build(args.shared)
    header = [
        "CAMEO 1.1b3 event codebook for realpolitik, built by scripts/build_codebook.py",
        f"Built {dt.date.today().isoformat()} from ../shared/reference (do not edit by hand).",
        "Codes, ICEWS names and descriptions: andybega/icews data-raw/cameo-codes.csv "
        "(ICEWS Dataverse doi:10.7910/DVN/28075), MIT licence.",
        "Names and Goldstein scores: GDELT CAMEO lookup tables (CAMEO.eventcodes.txt, "
        "CAMEO.goldsteinscale.txt).",
        "ICEWS used instead of GDELT for name+goldstein where GDELT has none: "
        + (" ".join(fallback) or "none")
        + ".",
        "ICEWS name used where GDELT's label contradicts CAMEO 1.1b3 or is garbled: "
        + " ".join(sorted(ICEWS_NAME))
        + ".",
        "quad_class from root: 01-05=1 verbal coop, 06-08=2 material coop, "
        "09-13=3 verbal conflict, 14-20=4 material conflict.",
        "plover, plover_mode: openeventdata/PLOVER CAMEO2PLOVER-2021.txt, CC BY-SA 4.0; "
        "codes absent there inherit from 3-digit parent then root (01, 02 unmapped).",
    ]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with OUT.open("w", encoding="utf-8", newline="") as fh:
        fh.writelines(f"# {h}\n" for h in header)
        writer = csv.DictWriter(fh, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    print(f"wrote {len(rows)} codes to {OUT}")


if __name__ == "__main__":
    main()
