"""Event dates the store refuses, and stores that are not ours."""

from __future__ import annotations

import dataclasses
from datetime import date
from pathlib import Path

import duckdb
import pytest

from realpolitik.errors import StoreError
from realpolitik.model import DateInterval
from realpolitik.store import open_store
from realpolitik.store.sanity import check_event_dates, date_problem
from tests.unit.test_store import analysis

PUB = date(1987, 3, 3)


@pytest.mark.parametrize(("start", "refused"), [
    (date(1100, 1, 1), True), (date(1799, 12, 31), True), (date(1800, 1, 1), False),
    (date(1987, 3, 3), False), (date(1988, 3, 3), False), (date(1988, 3, 5), True),
    (date(2050, 1, 1), True)])
def test_date_problem(start: date, refused: bool) -> None:
    reason = date_problem(DateInterval(start, start, "day"), PUB)
    assert (reason is not None) == refused


def test_refused_dates_fall_back_to_publication_and_are_reported(fresh_db: Path) -> None:
    a = analysis("Iran attacked Iraq.")
    bad = DateInterval(date(1100, 1, 1), date(1100, 12, 31), "year")
    a.events[0] = dataclasses.replace(a.events[0], date=bad)
    fixed, rejected = check_event_dates(a)
    assert rejected and "before 1800" in rejected[0].reason
    assert fixed.events[0].date == DateInterval(a.document.date, a.document.date,  # type: ignore[arg-type]
                                                "day", True)
    with open_store(fresh_db) as store:
        store.write_batch([a])
        assert len(store.date_rejections) == 1
        assert store.query("SELECT min(date_start) FROM events")[0][0] == a.document.date


def test_a_foreign_duckdb_file_is_refused_untouched(tmp_path: Path) -> None:
    db = tmp_path / "other.duckdb"
    with duckdb.connect(str(db)) as con:
        con.execute("CREATE TABLE events (x INTEGER)")
    for read_only in (True, False):
        with pytest.raises(StoreError, match="not a realpolitik store"):
            open_store(db, read_only=read_only)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM information_schema.tables").fetchall() == [(1,)]


def test_shared_writer_releases_the_file(fresh_db: Path) -> None:
    with open_store(fresh_db, shared=True) as writer:
        writer.write_batch([analysis("Russia criticised the US.")])
        # between batches a reader gets in
        with open_store(fresh_db, read_only=True) as reader:
            assert reader.counts()["documents"] == 1
        writer.write_batch([analysis("Egypt criticised Turkey.")])
    with open_store(fresh_db, read_only=True) as reader:
        assert reader.counts()["documents"] == 2
