"""Spark ingest in local[2]: row for row what ``ingest`` stores, and every query over it.

Skips (one line) where PySpark or Java cannot be had; ``.ci/run`` installs Java when it can.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from realpolitik.config import Config
from realpolitik.parallel import ingest_parallel
from realpolitik.pipeline import Pipeline
from realpolitik.store import open_store
from realpolitik.store.attach import attach_to_file
from realpolitik.store.schema import TABLES
from tests.scale.stories import write_stories
from tests.scale.test_parallel_ingest import table_rows


def _spark_or_skip() -> None:
    try:
        import pyspark  # noqa: F401
    except ImportError:
        pytest.skip("no PySpark (pip install 'realpolitik[spark]')", allow_module_level=True)
    java_home = os.environ.get("JAVA_HOME")
    if not shutil.which("java") and not (java_home and Path(java_home, "bin", "java").exists()):
        pytest.skip("no Java for Spark (apt-get install openjdk-17-jre-headless)",
                    allow_module_level=True)


_spark_or_skip()


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    from realpolitik.spark.job import session

    s = session("local[2]", "realpolitik-tests")
    yield s
    s.stop()


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory, spark: Any,
            pipeline: Pipeline) -> tuple[Path, Path, Path]:
    """The same 200 stories (plus two bad records) through ``ingest`` and through Spark."""
    from realpolitik.spark.job import run

    folder = tmp_path_factory.mktemp("spark")
    corpus = write_stories(folder / "stories.jsonl")
    with corpus.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
        fh.write(json.dumps({"id": "x", "date": "2020-13-45", "text": "Chile met Peru."}) + "\n")
    config = Config()
    store_db = folder / "ingest.duckdb"
    with open_store(store_db) as store:
        report = ingest_parallel([corpus], config, store, 1, pipeline=pipeline)
    assert report.failed == 2
    out = folder / "parquet"
    spark_report = run(spark, [corpus], out, config, partitions=4)
    assert spark_report.failures == 2
    attached = folder / "attached.duckdb"
    assert set(attach_to_file(out, attached)) >= {"documents", "events", "mentions"}
    return store_db, out, attached


def test_spark_output_equals_ingest_row_for_row(outputs: tuple[Path, Path, Path]) -> None:
    store_db, _, attached = outputs
    with open_store(store_db, read_only=True) as a, open_store(attached, read_only=True) as b:
        expected, got = table_rows(a), table_rows(b)
    assert len(expected["documents"]) > 150 and len(expected["events"]) > 50
    for table in TABLES:
        assert got[table] == expected[table], table


def test_parquet_dir_read_in_place_and_failures_kept(outputs: tuple[Path, Path, Path]) -> None:
    store_db, out, _ = outputs
    assert any(p.name.startswith("pub_year=") for p in (out / "events").iterdir())
    with open_store(store_db, read_only=True) as a, open_store(out, read_only=True) as b:
        assert table_rows(b) == table_rows(a)
        failures = b.query("SELECT location, reason FROM failures ORDER BY location")
    assert len(failures) == 2 and all(":" in loc for loc, _ in failures)


def test_every_analyst_query_answers_the_same(outputs: tuple[Path, Path, Path],
                                              tmp_path: Path) -> None:
    from realpolitik.actors import KnowledgeBase
    from realpolitik.analysis import EventFilter, find_events
    from realpolitik.analysis.allies import allies_lost
    from realpolitik.analysis.dyad import dyad
    from realpolitik.analysis.network import build_network
    from realpolitik.analysis.profile import profile
    from realpolitik.analysis.responses import responses
    from realpolitik.analysis.timeline import timeline
    from realpolitik.store.export import export

    store_db, out, attached = outputs
    kb = KnowledgeBase.load(Config())
    answers = []
    for db in (store_db, attached, out):
        with open_store(db, read_only=True) as store:
            top = store.query("SELECT source_country, target_country FROM events WHERE "
                              "source_country IS NOT NULL AND target_country IS NOT NULL "
                              "AND source_country <> target_country GROUP BY ALL "
                              "ORDER BY count(*) DESC, 1, 2 LIMIT 1")[0]
            target = tmp_path / f"{db.name}.jsonl"
            export(store, "jsonl", target)
            answers.append((
                dyad(store, top[0], top[1]).to_json(),
                find_events(store, EventFilter(country=top[0])),
                allies_lost(store, top[0], within="15y", as_of=date(1988, 1, 1),
                            kb=kb).to_json(),
                build_network(store, as_of=date(1987, 12, 31)).to_json(),
                profile(store, top[0], date(1987, 6, 1), kb=kb).to_json(),
                timeline(store, top[0]).to_json(),
                responses(store, attack_on=top[1]).to_json(),
                # an export is the table's rows, in no promised order
                sorted(target.read_text(encoding="utf-8").splitlines()),
            ))
    assert answers[0] == answers[1] == answers[2]
    assert answers[0][0]["rows"] and len(answers[0][-1]) > 50
