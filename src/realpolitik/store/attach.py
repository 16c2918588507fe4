"""Queries over Spark output: Parquet tables registered as DuckDB views.

``realpolitik spark ingest --out DIR`` writes one folder of Parquet files per table,
partitioned by publication year and month. :func:`attach` makes a store whose tables are
views over those files (the store's own columns and types, partition columns left out), so
every analyst query reads Spark output as it reads an ingested store: in a DuckDB file
(``realpolitik attach DIR --db FILE``) or in memory (``--db DIR``).
"""

from __future__ import annotations

from pathlib import Path

from realpolitik.errors import StoreError
from realpolitik.store.db import Store, first_line
from realpolitik.store.schema import DUPLICATE_SQL, TABLES


def is_parquet_dir(path: Path) -> bool:
    """A folder written by ``realpolitik spark ingest`` (it has a ``documents`` table)."""
    return path.is_dir() and (path / "documents").is_dir()


def attach(parquet_dir: Path, store: Store) -> list[str]:
    """Replace ``store``'s tables by views over ``parquet_dir``; returns the tables attached.

    A table Spark wrote no rows for stays an empty table of the right columns.
    """
    import duckdb

    root = parquet_dir.resolve()
    if not is_parquet_dir(root):
        raise StoreError(f"{parquet_dir}: not the output of 'realpolitik spark ingest' "
                         "(no documents/ folder)")
    attached: list[str] = []
    try:
        for table in TABLES:
            folder = root / table
            if not any(folder.rglob("*.parquet")):
                continue
            columns = store.query(
                "SELECT column_name, data_type FROM information_schema.columns "
                "WHERE table_name = ? AND table_schema = 'main' ORDER BY ordinal_position",
                [table])
            # ``duplicate`` is the store's narrow copy of ``cluster_id <> id``, which
            # Spark's tables do not repeat
            select = ", ".join(f'{DUPLICATE_SQL} AS "{name}"'
                               if (table, name) == ("events", "duplicate")
                               else f'CAST("{name}" AS {kind}) AS "{name}"'
                               for name, kind in columns)
            source = str(folder / "**" / "*.parquet").replace("'", "''")
            store.con.execute(f"DROP TABLE IF EXISTS {table}")
            store.con.execute(f"DROP VIEW IF EXISTS {table}")
            store.con.execute(
                f"CREATE VIEW {table} AS SELECT {select} FROM read_parquet('{source}', "
                "hive_partitioning = true, union_by_name = true)")
            attached.append(table)
        failures = root / "failures"
        if any(failures.rglob("*.parquet")):
            source = str(failures / "*.parquet").replace("'", "''")
            store.con.execute("DROP VIEW IF EXISTS failures")
            store.con.execute(f"CREATE VIEW failures AS SELECT location, reason "
                              f"FROM read_parquet('{source}')")
    except duckdb.Error as exc:
        raise StoreError(f"{parquet_dir}: cannot attach the Parquet tables "
                         f"({first_line(exc)})") from None
    return attached


def attach_to_file(parquet_dir: Path, db: Path) -> list[str]:
    """``realpolitik attach DIR --db FILE``: a small DuckDB file of views over ``DIR``."""
    with Store(db) as store:
        return attach(parquet_dir, store)


def open_parquet_dir(parquet_dir: Path) -> Store:
    """``--db DIR``: an in-memory store whose tables are views over ``DIR``."""
    store = Store(":memory:")
    try:
        attach(parquet_dir, store)
    except BaseException:
        store.close()
        raise
    return store
