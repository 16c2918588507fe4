"""Exports of the store: CSV, JSON Lines, Parquet (every table) and GDELT 2.0 event TSV."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path
from typing import Any

from realpolitik.actors.cameo import cameo_country
from realpolitik.errors import QueryError
from realpolitik.places.geo import gdelt_geo, geojson_feature
from realpolitik.store.clauses import confidence_clause
from realpolitik.store.db import Store, first_line
from realpolitik.store.schema import TABLES

FORMATS: tuple[str, ...] = ("csv", "jsonl", "parquet", "gdelt", "geojson")

#: the 61 columns of a GDELT 2.0 event record, in order (GDELT 2.0 Event codebook)
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *(f"Actor1{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                              "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                              "Type3Code")),
    *(f"Actor2{c}" for c in ("Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode",
                              "Religion1Code", "Religion2Code", "Type1Code", "Type2Code",
                              "Type3Code")),
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *(f"{who}Geo_{c}" for who in ("Actor1", "Actor2", "Action")
      for c in ("Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long",
                "FeatureID")),
    "DATEADDED", "SOURCEURL",
)


def _copy(store: Store, table: str, out: Path, fmt: str, where: str = "",
          params: list[Any] | None = None) -> int:
    options = {"csv": "(FORMAT csv, HEADER true)", "jsonl": "(FORMAT json)",
               "parquet": "(FORMAT parquet)"}[fmt]
    path = str(out).replace("'", "''")
    try:
        store.con.execute(f"COPY (SELECT * FROM {table}{where}) TO '{path}' {options}",
                          params or [])
    except Exception as exc:  # duckdb.Error and OSError both mean the same to a user
        raise QueryError(f"{out}: cannot write export ({first_line(exc)})") from None
    return int(store.query(f"SELECT count(*) FROM {table}{where}", params or [])[0][0])


def event_filter(min_confidence: float = 0.0, root_only: bool = False, alias: str = ""
                 ) -> tuple[list[str], list[Any]]:
    """SQL conditions (and their parameters) that keep confident and, optionally, root
    events only."""
    clauses: list[str] = []
    params: list[Any] = []
    if min_confidence:  # 0 keeps every event; a value out of range raises
        clause, params = confidence_clause(min_confidence, f"{alias}confidence")
        clauses.append(clause)
    if root_only:
        clauses.append(f"{alias}is_root")
    return clauses, params


def check_output(out: Path, force: bool) -> None:
    """An output path is refused when it exists (unless ``force``) or when its directory
    does not: an export never creates directories above the one it was asked for."""
    if out.is_dir():
        raise QueryError(f"{out}: is a directory; give a file name")
    if out.exists() and not force:
        raise QueryError(f"{out}: already exists (--force overwrites it)")
    parent = out.parent if str(out.parent) else Path(".")
    if not parent.is_dir():
        raise QueryError(f"{out}: directory {parent} does not exist")


def export(store: Store, fmt: str, out: Path, table: str = "events",
           include_modal: bool = False, *, force: bool = False, min_confidence: float = 0.0,
           root_only: bool = False, mentions: bool = False) -> dict[str, int]:
    """Write ``table`` (or ``all`` tables into the directory ``out``); returns row counts.

    Existing outputs are refused unless ``force``; events below ``min_confidence`` (and,
    with ``root_only``, events that are not their sentence's main event) are left out.
    """
    if fmt not in FORMATS:
        raise QueryError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    clauses, params = event_filter(min_confidence, root_only)
    where = (" WHERE " + " AND ".join(clauses)) if clauses else ""
    if fmt == "geojson":
        if table not in ("events", "all"):
            raise QueryError("the GeoJSON format exports events only")
        check_output(out, force)
        return {"events": export_geojson(store, out, clauses, params)}
    if fmt == "gdelt":
        if table not in ("events", "all"):
            raise QueryError("the GDELT format exports events only")
        check_output(out, force)
        return {"events": export_gdelt(store, out, include_modal=include_modal,
                                       min_confidence=min_confidence, root_only=root_only,
                                       mentions=mentions)}
    if table == "all":
        if out.exists() and not out.is_dir():
            raise QueryError(f"{out}: is a file; --table all writes a directory")
        parent = out.parent if str(out.parent) else Path(".")
        if not parent.is_dir():
            raise QueryError(f"{out}: directory {parent} does not exist")
        targets = {t: out / f"{t}.{fmt}" for t in TABLES}
        for target in targets.values():
            if target.exists() and not force:
                raise QueryError(f"{target}: already exists (--force overwrites it)")
        out.mkdir(exist_ok=True)
        return {t: _copy(store, t, path, fmt, where if t == "events" else "",
                         params if t == "events" else None) for t, path in targets.items()}
    if table not in TABLES:
        raise QueryError(f"unknown table {table!r}; choose one of {', '.join(TABLES)} or all")
    check_output(out, force)
    if table == "events":
        return {table: _copy(store, table, out, fmt, where, params)}
    return {table: _copy(store, table, out, fmt)}


def _fraction_date(d: date) -> float:
    return round(d.year + (d.month * 30 + d.day) / 365, 4)


def _gdelt_actor(code: str | None, name: str | None, country: str | None,
                 role: str | None) -> list[Any]:
    known_group = code if code and not country else ""
    # GDELT's country column holds CAMEO country codes (USR, not ISO's SUN)
    return [code or "", (name or "").upper(), cameo_country(country) or "", known_group,
            "", "", "",
            role or "", "", ""]


def gdelt_row(row: dict[str, Any]) -> list[Any]:
    when: date = row["date_start"] or row["pub_date"]
    code: str = row["code"]
    added: datetime = row["ingested_at"] or datetime(when.year, when.month, when.day)
    return [
        int(row["id"][:13], 16), when.strftime("%Y%m%d"), when.strftime("%Y%m"), when.year,
        _fraction_date(when),
        *_gdelt_actor(row["source_actor"], row["source_text"], row["source_country"],
                      row["source_role"]),
        *_gdelt_actor(row["target_actor"], row["target_text"], row["target_country"],
                      row["target_role"]),
        1 if row.get("is_root") else 0, code, code[:3], row["root"], row["quad_class"],
        row["goldstein"], row.get("num_mentions") or 1, row.get("num_sources") or 1,
        row.get("num_articles") or 1, "",
        *([""] * 16), *gdelt_geo(row),
        added.strftime("%Y%m%d%H%M%S"), row["url"] or row["source"] or "",
    ]


def export_gdelt(store: Store, out: Path, include_modal: bool = False,
                 min_confidence: float = 0.0, root_only: bool = False,
                 mentions: bool = False) -> int:
    """GDELT 2.0 event columns as tab-separated values, one asserted merged event per row
    (its earliest placed passing mention, else its earliest; every mention with
    ``mentions``), with NumMentions, NumSources and NumArticles of the merged event.

    GDELT has no negation or modality: negated events are never exported, and events that
    did not (yet) happen — future, hypothetical, demanded — only with ``include_modal``.
    IsRootEvent is the store's ``is_root``.
    """
    modal = "" if include_modal else "AND e.modality IN ('actual', 'reported')"
    clauses, params = event_filter(min_confidence, root_only, alias="e.")
    extra = "".join(f" AND {c}" for c in clauses)
    rank = "" if mentions else (
        # a placed mention represents its merged event before an unplaced one
        ", row_number() OVER (PARTITION BY e.cluster_id ORDER BY e.place_lat IS NULL, "
        "e.id = e.cluster_id DESC, e.pub_date NULLS LAST, e.id) AS _rank")
    keep = "" if mentions else " WHERE h._rank = 1"
    rows = store.query_dicts(
        "SELECT h.*, m.num_mentions, m.num_sources, m.num_articles FROM ("
        f"SELECT e.*, d.url, d.source, d.ingested_at{rank} FROM events e "
        f"JOIN documents d ON d.id = e.document_id WHERE e.polarity = 'asserted' {modal}"
        f"{extra}) h JOIN merged_events m ON m.cluster_id = h.cluster_id{keep} "
        "ORDER BY h.date_start, h.id", params)
    try:
        with out.open("w", newline="", encoding="utf-8") as fh:
            writer = csv.writer(fh, delimiter="\t", lineterminator="\n")
            written = 0
            for row in rows:
                if row["date_start"] is None and row["pub_date"] is None:
                    continue  # GDELT needs a date; an undated event has no row there
                writer.writerow(gdelt_row(row))
                written += 1
    except OSError as exc:
        raise QueryError(f"{out}: cannot write export ({exc.strerror or exc})") from None
    return written


def export_geojson(store: Store, out: Path, clauses: list[str], params: list[Any]) -> int:
    """Events that have a place (and pass ``clauses``), as a GeoJSON FeatureCollection;
    returns how many."""
    where = "".join(f" AND {c}" for c in clauses)
    rows = store.query_dicts(
        "SELECT id, document_id, date_start, date_end, date_precision, code, root, quad_class, "
        "goldstein, source_actor, source_country, target_actor, target_country, polarity, "
        "modality, evidence, place_name, place_geonames_id, place_feature, place_country, "
        "place_adm1, place_basis, place_text, place_lat, place_lon FROM events "
        f"WHERE place_lat IS NOT NULL{where} ORDER BY date_start, id", params)
    features = [f for f in (geojson_feature(r) for r in rows) if f is not None]
    try:
        out.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                                  ensure_ascii=False) + "\n", encoding="utf-8")
    except OSError as exc:
        raise QueryError(f"{out}: cannot write export ({exc.strerror or exc})") from None
    return len(features)
