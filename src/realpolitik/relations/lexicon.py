"""Loading the bundled trigger-word files under ``realpolitik/data``."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import DataFileError

DATA_ROOT = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=64)
def load_data_yaml(subdir: str, name: str) -> dict[str, Any]:
    """Parse ``data/<subdir>/<name>`` as a YAML mapping; a bad file is a DataFileError."""
    path = DATA_ROOT / subdir / name
    try:
        loaded = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise DataFileError(f"{path}: cannot read ({exc.strerror})") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})") from exc
    if not isinstance(loaded, dict):
        raise DataFileError(f"{path}: expected a mapping at the top level")
    return loaded


def words_of(table: dict[str, Any], key: str, where: str) -> frozenset[str]:
    """A list of strings under ``key``, lower-cased, as a set."""
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: '{key}' must be a list of strings")
    return frozenset(v.lower() for v in value)


def section(table: dict[str, Any], key: str, where: str) -> dict[str, Any]:
    value = table.get(key)
    if not isinstance(value, dict):
        raise DataFileError(f"{where}: '{key}' must be a mapping")
    return value
