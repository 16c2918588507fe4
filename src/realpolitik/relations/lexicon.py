"""Loading the bundled trigger-word files under ``realpolitik/data``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

from realpolitik.datafiles import data_file, read_yaml_mapping, word_list
from realpolitik.errors import DataFileError

DATA_ROOT = Path(str(data_file()))


@lru_cache(maxsize=64)
def load_data_yaml(subdir: str, name: str) -> dict[str, Any]:
    """Parse ``data/<subdir>/<name>`` as a YAML mapping; a bad file is a DataFileError."""
    return read_yaml_mapping(data_file(subdir, name))


def words_of(table: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """A list of strings under ``key``, lower-cased, as a set."""
    return frozenset(word_list(table, key, where))


def section(table: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = table.get(key)
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: '{key}' must be a mapping")
    return value
