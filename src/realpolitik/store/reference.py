"""Loading reference data sets (ATOP alliances) into the store beside text-derived rows."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

import duckdb

from realpolitik.errors import StoreError
from realpolitik.model import Relation
from realpolitik.store.db import Store, first_line, relation_row


def load_reference_relations(store: Store, relations: Iterable[Relation], origin: str) -> int:
    """Store reference relations in one transaction; returns how many were new.

    Ids are deterministic, so loading the same file twice adds nothing.
    """
    rows = [relation_row(None, origin, r) for r in relations]
    before = store.query("SELECT count(*) FROM relations WHERE origin = ?", [origin])[0][0]
    try:
        with store.transaction():
            store.insert_relations(rows)
    except duckdb.Error as exc:
        raise StoreError(f"{store.path}: reference data not stored ({first_line(exc)})"
                         ) from None
    after = store.query("SELECT count(*) FROM relations WHERE origin = ?", [origin])[0][0]
    return int(after) - int(before)


def load_atop(store: Store, path: Path) -> int:
    """ATOP dyad-years (peacesciencer format) as treaty relations with their obligations."""
    from realpolitik.relations.atop import read_atop_dyad_years

    # read everything first: a malformed row fails before anything is written
    relations = [spell.to_relation() for spell in read_atop_dyad_years(path)]
    return load_reference_relations(store, relations, "reference:atop")
