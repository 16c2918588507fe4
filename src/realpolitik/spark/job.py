"""``realpolitik spark ingest``: the pipeline on Apache Spark, past one machine.

The job reads JSON Lines (one record per line, split across the cluster), Parquet corpora
(``id``, ``date``, ``title``, ``text``, ``url``) and any file ``ingest`` reads whole (text,
CSV, HTML, feeds), turns every record into a :class:`~realpolitik.model.Document` with the
same readers ``ingest`` uses, keeps the first of repeated texts, and runs
:meth:`Pipeline.analyse` per partition: each executor's Python daemon loads the pipeline
once (from the installed package, no network; :mod:`realpolitik.spark.daemon`) before it
forks the Python workers, which share it, and only plain records cross process
boundaries, never spaCy objects. Rows come out through :mod:`realpolitik.store.rows`, the
writer ``ingest`` uses, as Parquet tables partitioned by publication year and month
(``pub_year``, ``pub_month``; 0 when undated). Events carry the merged event
(``cluster_id``) that ``ingest`` gives them (see :func:`merge_events`). A record that
cannot be read or analysed becomes a row of the ``failures`` table; the run goes on.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from realpolitik.config import Config, DedupRule
from realpolitik.errors import ConfigError, InputError
from realpolitik.ingest.readers import (
    JSONL_SUFFIXES,
    IngestFailure,
    IngestItem,
    decode,
    read_text_by_kind,
    record_document,
)
from realpolitik.model import Document
from realpolitik.store.rows import COLUMNS, WRITE_ORDER, Row, analysis_rows
from realpolitik.store.sanity import check_event_dates

PARQUET_SUFFIXES = (".parquet", ".pq")
#: partitions per core when ``--partitions`` is not given
PARTITIONS_PER_CORE = 3
#: documents analysed together in one ``nlp.pipe`` call inside a partition
_BATCH = 64
_pipelines: dict[Config, Any] = {}


@dataclass(frozen=True, slots=True)
class SparkReport:
    documents: int
    failures: int
    rows: dict[str, int]


def _pipeline(config: Config) -> Any:
    """This Python worker's pipeline, loaded on first use and kept for later tasks."""
    if config not in _pipelines:
        from realpolitik.pipeline import Pipeline

        _pipelines[config] = Pipeline(config)
    return _pipelines[config]


def list_inputs(paths: Iterable[Path]) -> list[Path]:
    """Files in ``ingest``'s order: each argument, directories recursively and sorted."""
    out: list[Path] = []
    for path in paths:
        if path.is_dir():
            out.extend(sorted(p for p in path.rglob("*") if p.is_file()
                              and not any(s.startswith(".") for s in p.relative_to(path).parts)))
        elif path.exists():
            out.append(path)
        else:
            raise InputError(str(path), "no such file or directory")
    return out


# -- reading: (order, item) pairs, order = (file number, record number) ------------------

def _jsonl_items(file_no: int, location: str, config: Config,
                 lines: Iterable[tuple[str, int]]) -> Iterator[tuple[tuple[int, int], Any]]:
    for line, index in lines:
        where = f"{location}:{index + 1}"
        yield (file_no, index), _jsonl_item(line, where, config)


def _jsonl_item(line: str, where: str, config: Config) -> IngestItem | None:
    """One JSON Lines record, read as ``ingest``'s reader reads it (blank lines: None)."""
    if not line.strip():
        return None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return IngestFailure(where, f"malformed JSON ({exc.msg} at column {exc.colno})")
    if not isinstance(record, dict):
        return IngestFailure(where, "a JSON Lines record must be an object")
    try:
        return record_document(record, where, config)
    except InputError as exc:
        return IngestFailure.from_error(exc)


def _whole_file_items(file_no: int, location: str, data: bytes, config: Config
                      ) -> Iterator[tuple[tuple[int, int], Any]]:
    from realpolitik.ingest.readers import _kind_of, _sniff

    try:
        text = decode(data, location)
    except InputError as exc:
        yield (file_no, 0), IngestFailure.from_error(exc)
        return
    kind = _kind_of(Path(location)) or _sniff(text)
    for n, item in enumerate(read_text_by_kind(text, kind, location, config)):
        yield (file_no, n), item


def _record_item(file_no: int, location: str, record: dict[str, Any], index: int,
                 config: Config) -> tuple[tuple[int, int], IngestItem]:
    where = f"{location}:{index + 1}"
    if record.get("date") is not None and not isinstance(record["date"], str):
        record = {**record, "date": str(record["date"])}
    try:
        return (file_no, index), record_document(record, where, config)
    except InputError as exc:
        return (file_no, index), IngestFailure.from_error(exc)


def read_items(spark: Any, files: list[Path], config: Config, partitions: int) -> Any:
    """An RDD of ``(order, Document | IngestFailure)`` for every record of ``files``."""
    sc = spark.sparkContext
    parts: list[Any] = []
    whole: list[tuple[int, Path]] = []
    for file_no, path in enumerate(files):
        location = str(path)
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            lines = sc.textFile(str(path.resolve()), minPartitions=partitions).zipWithIndex()
            parts.append(lines.mapPartitions(
                lambda it, n=file_no, loc=location: _jsonl_items(n, loc, config, it))
                .filter(lambda pair: pair[1] is not None))
        elif suffix in PARQUET_SUFFIXES:
            frame = spark.read.parquet(str(path.resolve()))
            parts.append(frame.rdd.zipWithIndex().map(
                lambda pair, n=file_no, loc=location: _record_item(
                    n, loc, pair[0].asDict(), pair[1], config)))
        else:
            whole.append((file_no, path))
    if whole:
        numbered = sc.parallelize([(n, str(p), p.read_bytes()) for n, p in whole],
                                  max(1, min(partitions, len(whole))))
        parts.append(numbered.flatMap(
            lambda t: _whole_file_items(t[0], t[1], t[2], config)))
    if not parts:
        return sc.emptyRDD()
    # no union (and no Python step after one) for a single part: a Python step over a union
    # of Python RDDs runs a second Python worker per task beside the one reading
    return parts[0] if len(parts) == 1 else sc.union(parts)


# -- analysis ---------------------------------------------------------------------------

def _partition_key(doc: Document) -> tuple[int, int]:
    return (doc.date.year, doc.date.month) if doc.date else (0, 0)


def analyse_partition(items: Iterable[Document | IngestFailure], config: Config
                      ) -> Iterator[tuple[str, int, int, Row]]:
    """``(table, year, month, row)`` for every row of every document; a record that could
    not be read, or a document that fails, becomes a ``failures`` row and the rest go on."""
    pipeline: Any = None
    batch: list[Document] = []
    for item in items:
        if isinstance(item, IngestFailure):
            yield "failures", 0, 0, (item.location, item.reason)
            continue
        if pipeline is None:
            pipeline = _pipeline(config)
        batch.append(item)
        if len(batch) >= _BATCH:
            yield from _analyse_batch(pipeline, batch)
            batch = []
    if batch:
        yield from _analyse_batch(pipeline, batch)


def _analyse_batch(pipeline: Any, batch: list[Document]) -> Iterator[tuple[str, int, int, Row]]:
    from realpolitik.pipeline import analyse_isolated

    # the same isolation and date sanity as ingest, so both write the same rows
    analyses, failures = analyse_isolated(pipeline, batch)
    for failure in failures:
        yield "failures", 0, 0, (failure.location, failure.reason[:500])
    for analysis in analyses:
        year, month = _partition_key(analysis.document)
        sane, _ = check_event_dates(analysis)
        for table, rows in analysis_rows(sane).items():
            for row in rows:
                yield table, year, month, row


def merge_events(events: Any, rule: DedupRule, partitions: int) -> list[Any]:
    """Events rows (``("events", year, month, row)``) with the merge ``ingest`` makes, as
    two RDDs: the rows that cannot merge, untouched, and the merged rest.

    The rule only merges mentions of one (root, source, target), and its grouping depends
    on the set of mentions alone (:mod:`realpolitik.dedup.rows`): rows are shuffled by that
    key, each key's rows merged in one task, and rows that cannot merge pass untouched. So
    the merged events equal those of ``ingest`` or ``dedup --rebuild`` over the same
    stories, whatever the partitioning; one key's mentions must fit in a task's memory.
    The two parts are kept apart (not an RDD union) so that each reaches the JVM from one
    Python worker per task: a Python step over a union of Python RDDs runs two.
    """
    from realpolitik.dedup.rows import merge_key

    keyed = events.map(lambda r: (merge_key(r[3], rule), r))
    alone = keyed.filter(lambda kv: kv[0] is None).map(lambda kv: kv[1])
    merged = (keyed.filter(lambda kv: kv[0] is not None)
              .groupByKey(partitions)
              .flatMap(lambda kv: _merge_group(list(kv[1]), rule)))
    return [alone, merged]


def _merge_group(items: list[tuple[str, int, int, Row]], rule: DedupRule
                 ) -> list[tuple[str, int, int, Row]]:
    from realpolitik.dedup.rows import merge_rows

    merged = merge_rows([item[3] for item in items], rule)
    return [(t, y, m, row) for (t, y, m, _), row in zip(items, merged, strict=True)]


def spark_schema(table: str) -> Any:
    from pyspark.sql import types as T

    kinds = {"string": T.StringType(), "int32": T.IntegerType(), "int64": T.LongType(),
             "float64": T.DoubleType(),
             "bool": T.BooleanType(), "date32": T.DateType(),
             "list<string>": T.ArrayType(T.StringType())}
    fields = [T.StructField(name, kinds[kind], True) for name, kind in COLUMNS[table]]
    if table == "documents":
        fields.append(T.StructField("ingested_at", T.TimestampType(), True))
    fields += [T.StructField("pub_year", T.IntegerType(), False),
               T.StructField("pub_month", T.IntegerType(), False)]
    return T.StructType(fields)


def run(spark: Any, inputs: list[Path], out: Path, config: Config,
        partitions: int | None = None) -> SparkReport:
    """Read, analyse and write ``inputs`` to Parquet tables under ``out``.

    Each document is analysed once, by one Python worker per core: the records are read
    and deduplicated in one shuffle (unreadable records ride along as items of their own),
    analysed in the stage after it, and the analysed rows are persisted and materialised by
    a JVM-only count before any Python step reads them. Then each table is a filter over
    the persisted rows. (A Python step reading a persisted Python RDD that is not yet
    computed runs a second Python worker per task to compute it, and which of the workers
    then analyses varies, so the pipeline used to load in two workers per core.)
    """
    from pyspark import StorageLevel, inheritable_thread_target
    from pyspark.sql import types as T

    from realpolitik.spark.daemon import CONFIG_ENV, encode_config

    files = list_inputs(inputs)
    # the Python daemon of the workers that run this job's steps (Spark keeps one per set
    # of worker variables) loads this configuration's pipeline before forking them
    spark.sparkContext.environment[CONFIG_ENV] = encode_config(config)
    # a few partitions per core: one slow partition at the end leaves less of the cluster idle
    partitions = partitions or max(2, PARTITIONS_PER_CORE * spark.sparkContext.defaultParallelism)
    # the first of repeated texts, as ingest keeps it; a failure is keyed by its place alone
    items = (read_items(spark, files, config, partitions)
             .map(lambda p: (p[1].id if isinstance(p[1], Document) else p[0], p))
             .reduceByKey(lambda a, b: a if a[0] <= b[0] else b, partitions)
             .map(lambda kv: kv[1][1]))
    rows = (items.mapPartitions(lambda it: analyse_partition(it, config))
            .persist(StorageLevel.MEMORY_AND_DISK))
    rows._jrdd.count()  # computes and stores every partition with no Python step on top
    ingested_at = datetime.now().replace(microsecond=0)
    failure_schema = T.StructType([T.StructField("location", T.StringType(), True),
                                   T.StructField("reason", T.StringType(), True)])

    def count() -> dict[str, int]:
        return {str(k): int(v) for k, v in rows.map(lambda r: r[0]).countByValue().items()}

    def write(table: str) -> None:
        if table == "failures":
            failed = spark.createDataFrame(
                rows.filter(lambda r: r[0] == "failures").map(lambda r: r[3]), failure_schema)
            failed.write.mode("overwrite").parquet(str(out / "failures"))
            return
        extra: tuple[Any, ...] = (ingested_at,) if table == "documents" else ()
        selected = rows.filter(lambda r, t=table: r[0] == t)
        pieces = merge_events(selected, config.dedup, partitions) if table == "events" \
            else [selected]
        frames = [spark.createDataFrame(piece.map(lambda r, e=extra: (*r[3], *e, r[1], r[2])),
                                        spark_schema(table)) for piece in pieces]
        frame = frames[0] if len(frames) == 1 else frames[0].unionAll(frames[1])
        (frame.write.mode("overwrite").partitionBy("pub_year", "pub_month")
         .parquet(str(out / table)))

    # the counts and every table's write are separate Spark jobs over the persisted rows;
    # submitted together from threads, one job's tasks fill the cores another leaves idle
    # (its driver-side planning and commit, the tail of its last tasks)
    tables = [*WRITE_ORDER, "failures"]
    with ThreadPoolExecutor(max_workers=len(tables) + 1,
                            thread_name_prefix="realpolitik-write") as threads:
        in_thread = inheritable_thread_target(spark)
        counted = threads.submit(in_thread(count))
        written = [threads.submit(in_thread(write), t) for t in tables]
        for future in written:
            future.result()
        counts = counted.result()
    rows.unpersist()
    return SparkReport(documents=counts.get("documents", 0), failures=counts.get("failures", 0),
                       rows={t: counts.get(t, 0) for t in WRITE_ORDER})


def session(master: str, app_name: str = "realpolitik") -> Any:
    """A Spark session whose Python workers run this interpreter (the same installed
    realpolitik); on a cluster, ``spark-submit`` settings take precedence."""
    try:
        from pyspark.sql import SparkSession
    except ImportError:
        raise ConfigError("Spark support is an optional extra: pip install "
                          "'realpolitik[spark]' (and Java 17)") from None
    import os

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    spark = (SparkSession.builder.master(master).appName(app_name)
            .config("spark.sql.session.timeZone", "UTC")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.shuffle.partitions", "8")
            # one Python worker per core for the whole job, so the pipeline loads once each
            .config("spark.python.worker.reuse", "true")
            # ... and loaded before the workers are forked, in the daemon that forks them,
            # so it loads once per executor and the workers share it (realpolitik.spark.daemon)
            .config("spark.python.daemon.module", "realpolitik.spark.daemon")
            # the JVM only moves rows (the analysis runs in Python): its quick compiler is
            # enough, and the optimising one cost half its CPU in a run of a minute or two
            .config("spark.driver.extraJavaOptions", "-XX:TieredStopAtLevel=1")
            .getOrCreate())
    spark.sparkContext.setLogLevel("ERROR")
    return spark
