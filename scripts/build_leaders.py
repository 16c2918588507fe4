"""Build src/realpolitik/data/actors/leaders.csv from the shared leader references.

Derives dated person-role facts from three third-party compilations (never copies them):
- Archigos 4.1 leader spells with DBpedia links (Goemans, Gleditsch & Chiozza; via
  globalgov/manystates; CC BY 4.0): each state's effective leader, 1945-2015;
- REIGN leader list, March 2021 release (OEF Research; MIT): effective leaders to 2021,
  used for spells after Archigos and to end spells Archigos leaves open at 2015;
- PETRARCH2 dated actor roles (Open Event Data Alliance; MIT): persons with dated CAMEO
  roles (ministers, elites) to about 2014.

Effective leaders get the title "leader" (the office varies by state and period; the
project's offices.yaml says which office that is, and persons.yaml adds specific offices).
A spell still running at the end of a source is written open-ended; the knowledge base
closes it when a successor appears in later data. Persons already in the curated
persons.yaml (same country, same surname, overlapping dates) keep the curated id.

Usage: python scripts/build_leaders.py [--shared ../shared]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

import pycountry
import yaml

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "src" / "realpolitik" / "data" / "actors"
OUT = DATA / "leaders.csv"
COLUMNS = ["person_id", "name", "aliases", "gender", "prominent", "country", "title", "role",
           "valid_from", "valid_to", "source", "note"]
FIRST_DAY = dt.date(1945, 1, 1)
ARCHIGOS_END = dt.date(2015, 12, 31)
SRC_ARCHIGOS = "Archigos 4.1 (CC BY 4.0)"
SRC_REIGN = "REIGN 2021-03 (MIT)"
SRC_PETRARCH = "PETRARCH2 dated actor roles (MIT)"

# COW state abbreviations that are not ISO codes, with date splits where a COW state maps to
# successive ISO/CAMEO states: [(first day, code), ...] in date order.
COW_TO_ISO: dict[str, list[tuple[dt.date, str]]] = {
    "AAB": [(dt.date.min, "ATG")], "BRU": [(dt.date.min, "BRN")],
    "CAP": [(dt.date.min, "CPV")], "CDI": [(dt.date.min, "CIV")],
    "CZE": [(dt.date.min, "CSK")], "CZR": [(dt.date.min, "CZE")],
    "DRC": [(dt.date.min, "COD")], "ETM": [(dt.date.min, "TLS")],
    "GDR": [(dt.date.min, "DDR")], "GFR": [(dt.date.min, "DEU")],
    "GMY": [(dt.date.min, "DEU")], "KOS": [(dt.date.min, "KSV")],
    "MAC": [(dt.date.min, "MKD")], "RVN": [(dt.date.min, "RVN")],
    "SKN": [(dt.date.min, "KNA")], "SLU": [(dt.date.min, "LCA")],
    "SVG": [(dt.date.min, "VCT")], "SWA": [(dt.date.min, "SWZ")],
    "TUR": [(dt.date.min, "TUR")], "YAR": [(dt.date.min, "YEM")],
    "YEM": [(dt.date.min, "YEM")], "YPR": [(dt.date.min, "YMD")],
    "RUM": [(dt.date.min, "ROU")], "SER": [(dt.date.min, "SRB")],
    "RUS": [(dt.date.min, "SUN"), (dt.date(1991, 12, 26), "RUS")],
    "DRV": [(dt.date.min, "VDR"), (dt.date(1976, 7, 2), "VNM")],
    "YUG": [(dt.date.min, "YUG"), (dt.date(2003, 2, 4), "SCG"), (dt.date(2006, 6, 5), "SRB")],
}
SKIP_STATES = {"TBT", "ZAN"}
_INITIALS = re.compile(r"(^|\s)[A-Z]\.|,")


def fold(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", fold(text)).strip("-")


def surname_key(name: str) -> str:
    words = re.sub(r"[,.]", " ", name).split()
    words = [w for w in words if len(w) > 1] or words
    last = words[-1] if words else ""
    return fold(last.split("-")[-1]) if last else ""


@dataclass
class Spell:
    name: str
    country: str
    start: dt.date | None
    end: dt.date | None
    role: str
    title: str
    source: str
    gender: str = ""
    aliases: set[str] = field(default_factory=set)
    prominent: bool = True
    note: str = ""
    person_id: str = ""


def iso_of(cow: str, names: dict[str, str], when: dt.date) -> str | None:
    if cow in SKIP_STATES:
        return None
    if cow in COW_TO_ISO:
        code = None
        for since, value in COW_TO_ISO[cow]:
            if when >= since:
                code = value
        return code
    try:
        return str(pycountry.countries.lookup(names.get(cow, cow)).alpha_3)
    except LookupError:
        try:
            country = pycountry.countries.get(alpha_3=cow)
        except LookupError:
            return None
        return str(country.alpha_3) if country is not None else None


def split_by_state(spell: Spell, cow: str) -> Iterable[Spell]:
    """A spell across a change of state code (USSR to Russia) becomes two spells."""
    if cow not in COW_TO_ISO or len(COW_TO_ISO[cow]) == 1:
        yield spell
        return
    bounds = [since for since, _ in COW_TO_ISO[cow][1:]]
    start = spell.start or dt.date.min
    pieces: list[tuple[dt.date, dt.date | None]] = []
    cursor = start
    for bound in bounds:
        if cursor < bound and (spell.end is None or spell.end >= bound):
            pieces.append((cursor, bound - dt.timedelta(days=1)))
            cursor = bound
    pieces.append((cursor, spell.end))
    for piece_start, piece_end in pieces:
        code = None
        for since, value in COW_TO_ISO[cow]:
            if piece_start >= since:
                code = value
        if code:
            yield Spell(**{**spell.__dict__, "country": code, "start": piece_start,
                           "end": piece_end, "aliases": set(spell.aliases)})


def parse_iso(text: str) -> dt.date | None:
    text = (text or "").strip()
    if not text or text == "<NA>":
        return None
    try:
        return dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def dbpedia_name(uri: str) -> str | None:
    if not uri or uri == "<NA>":
        return None
    tail = unquote(uri.rsplit("/", 1)[-1]).replace("_", " ")
    return re.sub(r"\s*\(.*?\)", "", tail).strip() or None


def read_cow_names(shared: Path) -> dict[str, str]:
    names: dict[str, str] = {}
    leaders = shared / "reference" / "leaders"
    with (leaders / "peacesciencer_cow_states.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names[row["stateabb"]] = row["statenme"]
    with (leaders / "peacesciencer_gw_states.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            names.setdefault(row["stateabb"], row["statename"])
    return names


#: forms of address PETRARCH2 keeps in names ("Hojatolislam Sayyed Ali Khamenei")
HONORIFICS = ("hojatolislam", "hojatoleslam", "hojjatoleslam", "ayatollah", "grand",
              "sayyed", "sayed", "seyyed", "sheikh", "shaikh", "sheik", "dr.", "dr", "gen.",
              "general", "mr.", "mrs.", "ms.", "sir", "prince", "king", "emir", "sultan",
              "president", "prime", "minister", "colonel", "col.", "lt.", "major", "maj.",
              "captain", "capt.", "marshal", "field", "admiral", "adm.", "mullah", "imam")


def strip_honorifics(name: str) -> str:
    words = name.split()
    while len(words) > 2 and words[0].lower() in HONORIFICS:
        words = words[1:]
    return " ".join(words)


def read_petrarch(shared: Path) -> list[Spell]:
    spells = []
    path = shared / "reference" / "leaders" / "petrarch2_dated_actor_roles.csv"
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            country, code = row["country_cameo"].strip(), row["role_code"].strip()
            name = re.sub(r"\s+", " ", row["name"]).strip()
            if not name or not re.fullmatch(r"[A-Z]{3}", country) or not code.startswith(
                    country):
                continue
            role = code[3:]
            if not re.fullmatch(r"[A-Z]{3}([A-Z]{3})?", role):
                continue
            start, end = yymmdd(row["start_yymmdd"]), yymmdd(row["end_yymmdd"])
            if end is not None and end < FIRST_DAY:
                continue
            if start and end and end < start:
                continue
            clean = strip_honorifics(name)
            spells.append(Spell(name=clean, country=country, start=start, end=end, role=role,
                                title="", source=SRC_PETRARCH, prominent=False,
                                aliases={name} if clean != name else set()))
    return spells


def yymmdd(text: str) -> dt.date | None:
    text = (text or "").strip()
    if not re.fullmatch(r"\d{6}", text):
        return None
    yy, mm, dd = int(text[:2]), int(text[2:4]), int(text[4:])
    year = 2000 + yy if yy <= 25 else 1900 + yy
    try:
        return dt.date(year, max(mm, 1), max(dd, 1))
    except ValueError:
        return dt.date(year, max(min(mm, 12), 1), 1)


def full_name_from(candidates: dict[str, list[Spell]], country: str, short: str,
                   start: dt.date | None, end: dt.date | None) -> str | None:
    """A PETRARCH2 full name for an Archigos/REIGN surname: same state, same surname, a
    government role overlapping the spell."""
    key = surname_key(short)
    found: set[str] = set()
    for spell in candidates.get(country, []):
        if surname_key(spell.name) != key or " " not in spell.name:
            continue
        if overlap_days(spell.start, spell.end, start, end) <= 0 or spell.role[:3] != "GOV":
            continue
        found.add(spell.name)
    # two government members share the surname (Gordon and James Brown): do not guess
    return found.pop() if len(found) == 1 else None


def overlap_days(a0: dt.date | None, a1: dt.date | None, b0: dt.date | None,
                 b1: dt.date | None) -> int:
    lo = max(a0 or dt.date.min, b0 or dt.date.min)
    hi = min(a1 or dt.date(2100, 1, 1), b1 or dt.date(2100, 1, 1))
    return (hi - lo).days


def read_archigos(shared: Path, names: dict[str, str],
                  petrarch_by_country: dict[str, list[Spell]]) -> list[Spell]:
    path = shared / "reference" / "leaders" / "archigos41_spells_with_bio_dbpedia__manystates.csv"
    spells: list[Spell] = []
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            start, end = parse_iso(row["Beg"]), parse_iso(row["End"])
            if end is not None and end < FIRST_DAY:
                continue
            cow = row["idacr"].strip()
            country = iso_of(cow, names, start or FIRST_DAY)
            if country is None:
                continue
            short = row["leader"].strip()
            full = dbpedia_name(row["dbpedia.uri"]) or full_name_from(
                petrarch_by_country, country, short, start, end)
            name = full or short
            aliases = {short} if short != name and not _INITIALS.search(short) else set()
            female = row.get("Female", "")
            spell = Spell(
                name=name, country=country, start=start,
                end=None if end == ARCHIGOS_END else end, role="GOV", title="leader",
                source=SRC_ARCHIGOS, aliases=aliases,
                gender="f" if female.startswith("1") else "m" if female.startswith("0") else "",
                note="open at source end 2015-12-31" if end == ARCHIGOS_END else
                f"exit: {row['exit']}" if row.get("exit") not in ("", "<NA>", None) else "",
            )
            spells.extend(split_by_state(spell, cow))
    return spells


def read_reign(shared: Path, names: dict[str, str], archigos: list[Spell],
               petrarch_by_country: dict[str, list[Spell]]) -> list[Spell]:
    """REIGN spells after Archigos, and the end dates of spells Archigos leaves open."""
    path = shared / "reference" / "leaders" / "leaderlist_3_21.csv"
    rows: dict[str, list[dict[str, str]]] = defaultdict(list)
    with path.open(encoding="latin-1") as handle:
        for row in csv.DictReader(handle):
            rows[row["stateabb"]].append(row)
    open_spells = {(s.country, surname_key(s.name)): s for s in archigos if s.end is None}
    for alias_spell in archigos:
        for alias in alias_spell.aliases:
            if alias_spell.end is None:
                open_spells[(alias_spell.country, surname_key(alias))] = alias_spell
    out: list[Spell] = []
    for cow, spells in rows.items():
        spells.sort(key=lambda r: (int(r["syear"]), int(r["smonth"]), int(r["sdate"])))
        for n, row in enumerate(spells):
            start = dt.date(int(row["syear"]), int(row["smonth"]), int(row["sdate"]))
            end: dt.date | None = None
            if row["eyear"].strip():
                if n + 1 < len(spells):
                    nxt = spells[n + 1]
                    end = dt.date(int(nxt["syear"]), int(nxt["smonth"]), int(nxt["sdate"]))
                else:
                    end = month_end(int(row["eyear"]), int(row["emonth"] or 12))
            country = iso_of(cow, names, start)
            if country is None:
                continue
            short = row["leader"].strip()
            known = open_spells.get((country, surname_key(short)))
            if known is not None and (known.start or start) <= start + dt.timedelta(days=60):
                known.end = end
                known.note = "end from REIGN" if end else "open at REIGN end 2021-03"
                continue
            if start <= ARCHIGOS_END:
                continue
            full = full_name_from(petrarch_by_country, country, short, start, end)
            name = full or short
            spell = Spell(name=name, country=country, start=start, end=end, role="GOV",
                          title="leader", source=SRC_REIGN,
                          aliases={short} if short != name and not _INITIALS.search(short)
                          else set(),
                          gender="m" if row["gender"].strip() == "1" else "f",
                          note="" if end else "open at REIGN end 2021-03")
            out.extend(split_by_state(spell, cow))
    return out


def month_end(year: int, month: int) -> dt.date:
    if month == 12:
        return dt.date(year, 12, 31)
    return dt.date(year, month + 1, 1) - dt.timedelta(days=1)


def curated_index() -> dict[tuple[str, str], list[tuple[str, dt.date | None, dt.date | None]]]:
    """(country, surname) -> curated person ids with their tenure spans, from persons.yaml."""
    path = DATA / "persons.yaml"
    index: dict[tuple[str, str], list[tuple[str, dt.date | None, dt.date | None]]] = \
        defaultdict(list)
    if not path.exists():
        return index
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    people = {p["id"]: p for p in doc.get("persons", []) if "id" in p}
    tenures = list(doc.get("tenures", []) or [])
    for person in people.values():
        tenures += [{**role, "person": person["id"]} for role in person.get("roles", []) or []]
    for tenure in tenures:
        person = people.get(tenure.get("person"))
        if person is None or not tenure.get("country"):
            continue
        keys = {surname_key(person["name"])} | {surname_key(a) for a in
                                                  person.get("aliases", []) or []}
        for key in keys:
            index[(tenure["country"], key)].append(
                (person["id"], as_date(tenure.get("from")), as_date(tenure.get("to"))))
            names[person["id"]] = [person["name"], *(person.get("aliases", []) or [])]
    return index


#: curated person id -> the names it is known by (filled by curated_index)
names: dict[str, list[str]] = {}


def compatible(name: str, known: list[str]) -> bool:
    """Same person? A bare surname fits any; full names must share the first name or its
    initial ("James Brown" is not "Gordon Brown")."""
    words = fold(name).replace(".", " ").split()
    if len(words) < 2:
        return True
    for other in known:
        other_words = fold(other).replace(".", " ").split()
        if len(other_words) < 2:
            continue
        a, b = words[0], other_words[0]
        if a == b or (len(a) == 1 and b.startswith(a)) or (len(b) == 1 and a.startswith(b)):
            return True
    return False


def as_date(value: object) -> dt.date | None:
    if value is None or value == "":
        return None
    if isinstance(value, dt.date):
        return value
    text = str(value)
    if re.fullmatch(r"\d{4}", text):
        return dt.date(int(text), 1, 1)
    if re.fullmatch(r"\d{4}-\d{2}", text):
        return dt.date(int(text[:4]), int(text[5:]), 1)
    return dt.date.fromisoformat(text)


def assign_ids(spells: list[Spell]) -> None:
    curated = curated_index()
    for spell in spells:
        spell.person_id = slug(spell.name)
        for person_id, start, end in curated.get((spell.country, surname_key(spell.name)), []):
            if overlap_days(start, end, spell.start, spell.end) > -400 and compatible(
                    spell.name, names.get(person_id, [])):
                if slug(spell.name) != person_id:
                    spell.aliases.add(spell.name)
                spell.person_id = person_id
                break


def write(spells: list[Spell], out: Path) -> None:
    by_person: dict[str, list[Spell]] = defaultdict(list)
    for spell in spells:
        by_person[spell.person_id].append(spell)
    rows = []
    for person_id, group in by_person.items():
        display = max(group, key=lambda s: (len(s.name.split()) > 1, s.prominent,
                                            len(s.name), s.source))
        aliases = sorted({a for s in group for a in s.aliases | {s.name}} - {display.name})
        gender = next((s.gender for s in group if s.gender), "")
        prominent = any(s.prominent for s in group)
        for spell in group:
            rows.append({
                "person_id": person_id, "name": display.name, "aliases": "|".join(aliases),
                "gender": gender, "prominent": "1" if prominent else "0",
                "country": spell.country, "title": spell.title, "role": spell.role,
                "valid_from": spell.start.isoformat() if spell.start else "",
                "valid_to": spell.end.isoformat() if spell.end else "",
                "source": spell.source, "note": spell.note,
            })
    rows.sort(key=lambda r: (r["country"], r["valid_from"], r["person_id"], r["role"]))
    header = (
        "# Derived by scripts/build_leaders.py from third-party compilations (facts only):\n"
        "# - Archigos 4.1 leader spells with DBpedia names (Goemans, Gleditsch & Chiozza;\n"
        "#   globalgov/manystates), licence CC BY 4.0: effective leaders 1945-2015;\n"
        "# - REIGN leader list 2021-03 (OEF Research, OEFDataScience/REIGN.github.io),\n"
        "#   licence MIT: effective leaders 2016-2021 and end dates of spells open in 2015;\n"
        "# - PETRARCH2 dated actor roles (Open Event Data Alliance, openeventdata/petrarch2),\n"
        "#   licence MIT: persons with dated CAMEO roles to about 2014.\n"
        "# title 'leader' = the state's effective leader whatever the office; an empty\n"
        "# valid_to = still in office when the source ends (later data closes it).\n"
        "# Regenerate: python scripts/build_leaders.py --shared ../shared\n"
    )
    with out.open("w", encoding="utf-8", newline="") as handle:
        handle.write(header)
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--no-petrarch", action="store_true",
                        help="leave out the PETRARCH2 persons (heads of state only)")
    args = parser.parse_args()
    names = read_cow_names(args.shared)
    petrarch = read_petrarch(args.shared)
    by_country: dict[str, list[Spell]] = defaultdict(list)
    for spell in petrarch:
        by_country[spell.country].append(spell)
    archigos = read_archigos(args.shared, names, by_country)
    reign = read_reign(args.shared, names, archigos, by_country)
    spells = archigos + reign + ([] if args.no_petrarch else petrarch)
    assign_ids(spells)
    write(spells, args.out)
    print(f"wrote {len(spells)} spells of {len({s.person_id for s in spells})} persons "
          f"to {args.out}")


if __name__ == "__main__":
    main()
