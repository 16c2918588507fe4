from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import duckdb
import pytest

from realpolitik.errors import StoreError
from realpolitik.ingest import make_document
from realpolitik.model import (
    DateInterval,
    DocumentAnalysis,
    Event,
    Obligations,
    ParsedDoc,
    Participant,
    Quantity,
    Relation,
    Sentence,
)
from realpolitik.store import open_store
from realpolitik.store.export import GDELT_COLUMNS, export
from realpolitik.store.schema import SCHEMA_VERSION


def analysis(text: str, code: str = "111") -> DocumentAnalysis:
    doc = make_document(text, source="t.txt", when=date(2024, 5, 1))
    parsed = ParsedDoc(doc, [], [Sentence(0, 0, 0, 0, len(doc.text), doc.text, 0)], [])
    event = Event(
        id=f"{doc.id[:8]}{code}", source=Participant("Russia", "RUS", "RUS", None),
        target=Participant("the US", "USA", "USA", None), code=code, root=code[:2],
        quad_class=3, goldstein=-2.0, plover="ACCUSE", polarity="asserted", modality="actual",
        sentence=0, evidence=doc.text, confidence=0.9, span=(0, 6), trigger="criticised",
        trigger_token=1, date=DateInterval(date(2024, 5, 1), date(2024, 5, 1), "day", True),
    )
    relation = Relation(f"r{doc.id[:8]}", "treaty", ("RUS", "USA"), None, None,
                        Obligations(defense=False), "asserted", 0, doc.text)
    quantity = Quantity(f"q{doc.id[:8]}", "trade", ("RUS", "USA"), 5e9, None, None, "USD", 2023,
                        None, False, "eq", 0, doc.text)
    return DocumentAnalysis(parsed, [], [event], [relation], [quantity])


def test_new_store_has_schema(fresh_db: Path) -> None:
    with open_store(fresh_db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert set(store.counts()) >= {"documents", "events", "relations", "quantities"}


def test_write_is_idempotent(fresh_db: Path) -> None:
    batch = [analysis("Russia criticised the US."), analysis("Iran condemned Israel.")]
    with open_store(fresh_db) as store:
        assert store.write_batch(batch) == 2
        before = store.counts()
        assert store.write_batch(batch) == 0
        assert store.write_batch([batch[0], batch[0]]) == 0
        assert store.counts() == before
    assert before["events"] == 2 and before["relations"] == 2 and before["quantities"] == 2


def test_failed_batch_leaves_nothing(fresh_db: Path) -> None:
    good = analysis("Russia criticised the US.")
    first = analysis("Egypt criticised Turkey.")
    broken = analysis("Chile praised Peru.")
    # a value the events table cannot hold makes the insert fail after the document row
    broken.events[0] = dataclasses.replace(broken.events[0], goldstein="n/a")  # type: ignore[arg-type]
    with open_store(fresh_db) as store:
        store.write_batch([good])
        with pytest.raises(StoreError, match="batch not stored"):
            store.write_batch([first, broken])
        counts = store.counts()
    assert counts["documents"] == 1 and counts["events"] == 1 and counts["sentences"] == 1


def test_reader_refuses_missing_store(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store here"):
        open_store(tmp_path / "nope.duckdb", read_only=True)


def test_reader_refuses_old_schema(fresh_db: Path) -> None:
    duckdb.connect(str(fresh_db)).close()
    with pytest.raises(StoreError, match="empty store"):
        open_store(fresh_db, read_only=True)
    with open_store(fresh_db) as store:  # opening for writing migrates
        assert store.schema_version() == SCHEMA_VERSION


def test_a_v4_store_gains_the_duplicate_flag(fresh_db: Path) -> None:
    """The v5 migration marks the reports of merged events that a v4 store holds."""
    with open_store(fresh_db) as store:
        store.write_batch([analysis("Russia criticised the US."),
                           analysis("Egypt criticised Turkey.")])
    con = duckdb.connect(str(fresh_db))
    first, second = (r[0] for r in con.execute("SELECT id FROM events ORDER BY id").fetchall())
    # a v4 store merged the second into the first and knew no flag (DuckDB cannot drop an
    # indexed table's column, so the flag is left false rather than absent)
    con.execute("UPDATE events SET cluster_id = ?, duplicate = false WHERE id = ?",
                [first, second])
    con.execute("UPDATE meta SET value = '4' WHERE key = 'schema_version'")
    con.close()
    with open_store(fresh_db) as store:
        assert store.schema_version() == SCHEMA_VERSION
        assert dict(store.query("SELECT id, duplicate FROM events")) == {first: False,
                                                                         second: True}


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_exports(fresh_db: Path, tmp_path: Path, fmt: str) -> None:
    with open_store(fresh_db) as store:
        store.write_batch([analysis("Russia criticised the US.")])
        counts = export(store, fmt, tmp_path / "out", table="all")
    assert counts["events"] == 1
    assert (tmp_path / "out" / f"events.{fmt}").stat().st_size > 0


def test_gdelt_export_has_61_columns(fresh_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    with open_store(fresh_db) as store:
        store.write_batch([analysis("Russia criticised the US.")])
        assert export(store, "gdelt", out) == {"events": 1}
    (line,) = out.read_text().splitlines()
    fields = line.split("\t")
    assert len(GDELT_COLUMNS) == 61 and len(fields) == 61
    assert fields[1] == "20240501" and fields[5] == "RUS" and fields[26] == "111"


def test_listings_filter_by_party_and_kind(fresh_db: Path) -> None:
    from realpolitik.analysis.listings import find_quantities, find_relations

    with open_store(fresh_db) as store:
        store.write_batch([analysis("Russia criticised the US.")])
        assert [r["parties"] for r in find_relations(store, "rus", "treaty")] == ["RUS,USA"]
        assert find_relations(store, "CHN") == []
        assert find_relations(store, None, "membership") == []
        (row,) = find_quantities(store, "USA", "trade")
        assert row["value"] == 5e9 and row["year"] == 2023
        assert find_quantities(store, "USA", "aid") == []
