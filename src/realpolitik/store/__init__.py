"""Stage 8: the DuckDB store."""

from realpolitik.store.db import Store, open_store

__all__ = ["Store", "open_store"]
