"""Consistency of the CAMEO codebook and the event pattern dictionaries (data only, no spaCy)."""

from __future__ import annotations

import csv
import itertools
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

DATA = Path(__file__).resolve().parents[2] / "src" / "realpolitik" / "data"
CODEBOOK = DATA / "cameo" / "codebook.csv"
PATTERNS = {"verb": DATA / "events" / "verbs.yaml", "noun": DATA / "events" / "nouns.yaml"}
CONSTRAINTS = {
    "verb": ("particle", "object", "prep", "xcomp", "pobj"),
    "noun": ("prep", "modifier", "of", "xcomp"),
}
COLUMNS = [
    "code", "root", "level", "name", "quad_class", "goldstein", "plover", "plover_mode",
    "description",
]  # fmt: skip


@cache
def codebook() -> dict[str, dict[str, str]]:
    with CODEBOOK.open(encoding="utf-8", newline="") as fh:
        reader = csv.DictReader(line for line in fh if not line.startswith("#"))
        assert reader.fieldnames == COLUMNS
        return {row["code"]: row for row in reader}


@cache
def patterns(kind: str) -> list[dict[str, Any]]:
    entries = yaml.safe_load(PATTERNS[kind].read_text(encoding="utf-8"))
    assert isinstance(entries, list)
    return entries


def atoms(entry: dict[str, Any], kind: str) -> set[tuple[str | None, ...]]:
    """Expand an entry into single-lemma patterns: (lemma, particle, object, prep, xcomp)."""
    lists = [entry[kind]] + [entry.get(k) or [None] for k in CONSTRAINTS[kind]]
    return set(itertools.product(*lists))


def test_codebook_header_names_sources() -> None:
    head = "".join(line for line in CODEBOOK.read_text(encoding="utf-8").splitlines(True)[:12])
    assert head.startswith("#")
    for word in ("ICEWS", "MIT", "GDELT", "PLOVER", "CC BY-SA 4.0", "Built"):
        assert word in head


def test_codebook_size_and_roots() -> None:
    book = codebook()
    assert len(book) >= 300
    assert {r["root"] for r in book.values()} == {f"{i:02d}" for i in range(1, 21)}
    for i in range(1, 21):
        assert f"{i:02d}" in book  # every root is itself a code


@pytest.mark.parametrize("code", ["010", "0311", "043", "057", "1056", "163", "1823", "2042"])
def test_codebook_known_codes(code: str) -> None:
    row = codebook()[code]
    assert row["root"] == code[:2] and row["name"]


def test_codebook_fields() -> None:
    for code, row in codebook().items():
        assert code.startswith(row["root"]) and len(code) in (2, 3, 4)
        assert int(row["level"]) == len(code) - 2
        root = int(row["root"])
        quad = 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4
        assert int(row["quad_class"]) == quad, code
        assert -10.0 <= float(row["goldstein"]) <= 10.0, code
        assert row["name"].strip(), code


def test_codebook_plover_mapping() -> None:
    book = codebook()
    assert book["042"]["plover"] == "CONSULT" and book["042"]["plover_mode"] == "visit"
    assert book["163"]["plover"] == "COERCE"
    assert book["190"]["plover"] == "ASSAULT"
    mapped = [row for row in book.values() if row["plover"]]
    assert len(mapped) >= 250  # only the 01 and 02 families are unmapped


@pytest.mark.parametrize("kind", ["verb", "noun"])
def test_pattern_entries_well_formed(kind: str) -> None:
    book = codebook()
    flags = {"intransitive"} if kind == "verb" else set()
    allowed = {"code", kind, "confidence", *CONSTRAINTS[kind], *flags}
    for entry in patterns(kind):
        assert isinstance(entry, dict), entry
        assert set(entry) <= allowed, entry
        # "---" is a blocking entry: what it matches is no event
        assert isinstance(entry["code"], str) and (
            entry["code"] in book or entry["code"] == "---"), entry
        for key in (kind, *CONSTRAINTS[kind]):
            if key in entry:
                values = entry[key]
                assert isinstance(values, list) and values, entry
                for v in values:
                    assert isinstance(v, str) and v == v.strip().lower() and v, entry
                assert len(set(values)) == len(values), f"repeated value in {entry}"
        conf = entry.get("confidence", 0.8)
        assert isinstance(conf, float | int) and 0 < conf <= 1, entry


@pytest.mark.parametrize("kind", ["verb", "noun"])
def test_no_duplicate_patterns(kind: str) -> None:
    """A single lemma with the same constraints must not appear twice (under any code)."""
    seen: dict[tuple[str | None, ...], str] = {}
    for entry in patterns(kind):
        for atom in atoms(entry, kind):
            assert atom not in seen, f"{atom} under {seen.get(atom)} and {entry['code']}"
            seen[atom] = entry["code"]


@pytest.mark.parametrize("kind", ["verb", "noun"])
def test_specific_before_general(kind: str) -> None:
    """An entry that generalises a later one (fewer constraints, same lemma) must come after it."""
    entries = patterns(kind)
    keys = CONSTRAINTS[kind]
    for i, general in enumerate(entries):
        gkeys = {k for k in keys if k in general}
        for specific in entries[i + 1 :]:
            skeys = {k for k in keys if k in specific}
            if not gkeys < skeys or not set(general[kind]) & set(specific[kind]):
                continue
            if all(set(general[k]) & set(specific[k]) for k in gkeys):
                pytest.fail(f"{general} precedes the more specific {specific}")


def test_pattern_volume_and_coverage() -> None:
    verbs, nouns = patterns("verb"), patterns("noun")
    assert len(verbs) + len(nouns) >= 900
    covered = {e["code"] for e in verbs} | {e["code"] for e in nouns}
    covered.discard("---")
    assert len(covered) >= 250
    roots_covered = {c[:2] for c in covered}
    assert roots_covered == {f"{i:02d}" for i in range(1, 21)}


@pytest.mark.parametrize(
    ("kind", "lemma", "constraints", "code"),
    [
        ("verb", "sign", {"object": "treaty"}, "057"),
        ("verb", "impose", {"object": "sanction", "prep": "on"}, "163"),
        ("verb", "express", {"object": "condolence"}, "018"),
        ("verb", "express", {"object": "regret"}, "055"),
        ("verb", "condemn", {}, "111"),
        ("verb", "accuse", {}, "112"),
        ("verb", "negotiate", {}, "046"),
        ("verb", "visit", {}, "042"),
        ("verb", "host", {}, "043"),
        ("verb", "assassinate", {}, "186"),
        ("verb", "kidnap", {}, "181"),
        ("verb", "call", {"particle": "off", "object": "strike"}, "082"),
        ("noun", "assassination", {"prep": "of"}, "186"),
        ("noun", "sanction", {"prep": "on"}, "163"),
    ],
)
def test_key_patterns(kind: str, lemma: str, constraints: dict[str, str], code: str) -> None:
    for entry in patterns(kind):
        if (
            lemma in entry[kind]
            and all(v in entry.get(k, []) for k, v in constraints.items())
            and all(k in constraints for k in CONSTRAINTS[kind] if k in entry)
        ):
            assert entry["code"] == code, entry
            return
    pytest.fail(f"no {kind} pattern for {lemma} {constraints}")
