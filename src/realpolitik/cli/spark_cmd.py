"""``realpolitik spark ingest`` and ``realpolitik attach``: Spark output in and queried."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from realpolitik.cli.options import ActorsOption, DateOption, PatternsOption, build_config
from realpolitik.cli.render import stderr

app = typer.Typer(no_args_is_help=True, help="Run the pipeline on Apache Spark.")


@app.command("ingest")
def spark_ingest(
    inputs: Annotated[list[Path], typer.Argument(
        help="JSONL, CSV, Parquet or text files, or directories of them.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the Parquet tables.")],
    master: Annotated[str, typer.Option(
        help="local[*], spark://host:7077, yarn, ... (spark-submit's own setting wins)")]
    = "local[*]",
    partitions: Annotated[int | None, typer.Option(
        min=1, help="Partitions to split the input into (default: 3 per core of the cluster).")]
    = None,
    date: DateOption = None, actors: ActorsOption = None, patterns: PatternsOption = None,
) -> None:
    """Analyse documents on Spark into Parquet tables partitioned by year and month."""
    from realpolitik.spark.job import run, session

    config = build_config(date=date, actors=actors, patterns=patterns)
    spark = session(master)
    try:
        report = run(spark, inputs, out, config, partitions)
    finally:
        spark.stop()
    counts = ", ".join(f"{table} {n}" for table, n in report.rows.items())
    stderr.print(f"{report.documents} documents → {out} ({counts}); "
                 f"{report.failures} failed (see {out / 'failures'})")


def attach_command(
    parquet_dir: Annotated[Path, typer.Argument(help="Output folder of 'spark ingest'.")],
    db: Annotated[Path, typer.Option("--db", help="DuckDB file to create or update.")],
) -> None:
    """Register Spark's Parquet tables as DuckDB views, for every query command."""
    from realpolitik.store.attach import attach_to_file

    tables = attach_to_file(parquet_dir, db)
    stderr.print(f"{db}: {len(tables)} tables attached from {parquet_dir} "
                 f"({', '.join(tables)})")


def register(root: typer.Typer) -> None:
    root.add_typer(app, name="spark", help="Run the pipeline on Apache Spark.")
    root.command("attach")(attach_command)
