"""``ingest --workers N`` stores exactly what one process stores: same ids, same rows."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from realpolitik.config import Config
from realpolitik.errors import ConfigError
from realpolitik.parallel import default_workers, ingest_parallel
from realpolitik.pipeline import Pipeline
from realpolitik.store import Store, open_store
from realpolitik.store.schema import TABLES
from tests.scale.stories import write_stories


def table_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows in a fixed order, without the wall-clock ``ingested_at``."""
    out = {}
    for table in TABLES:
        columns = [r[0] for r in store.query(
            "SELECT column_name FROM information_schema.columns WHERE table_name = ? "
            "ORDER BY ordinal_position", [table]) if r[0] != "ingested_at"]
        listed = ", ".join(columns)
        out[table] = store.query(f"SELECT {listed} FROM {table} ORDER BY ALL")
    return out


def test_two_workers_store_the_same_rows_as_one(tmp_path: Path, pipeline: Pipeline) -> None:
    corpus = write_stories(tmp_path / "stories.jsonl")
    # small chunks: 200 stories make many chunks, so both workers get several
    config = Config(batch_size=16)
    with open_store(tmp_path / "one.duckdb") as store:
        one = ingest_parallel([corpus], config, store, 1,
                              pipeline=Pipeline(config, nlp=pipeline.nlp))
        rows_one = table_rows(store)
    progress: list[int] = []
    with open_store(tmp_path / "two.duckdb") as store:
        two = ingest_parallel([corpus], config, store, 2, on_progress=progress.append)
        rows_two = table_rows(store)
        again = ingest_parallel([corpus], config, store, 2)
        assert table_rows(store) == rows_two
    assert one.new == two.new and one.new + one.skipped == 200
    assert one.failed == two.failed == 0 and one.new > 150
    assert (one.events, one.relations, one.quantities) == (
        two.events, two.relations, two.quantities)
    assert one.events > 50
    assert sum(progress) == 200
    assert again.new == 0 and again.skipped == 200
    for table in TABLES:
        assert rows_one[table] == rows_two[table], table


def test_workers_must_be_positive(tmp_path: Path) -> None:
    with open_store(tmp_path / "x.duckdb") as store, pytest.raises(ConfigError):
        ingest_parallel([], Config(), store, 0)


def test_default_workers_is_the_core_count() -> None:
    assert default_workers() >= 1
