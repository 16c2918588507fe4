"""Reading YAML data files: the packaged ones under ``realpolitik/data`` and user-supplied
ones alike, every failure (missing file, bad encoding, bad YAML) a :class:`DataFileError`."""

from __future__ import annotations

from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

import yaml

from realpolitik.errors import DataFileError

#: the C loader when PyYAML has it: the built-in files parse ten times faster
_LOADER: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def data_file(*parts: str) -> Traversable:
    """The packaged file ``realpolitik/data/<parts...>``."""
    found = resources.files("realpolitik") / "data"
    # one part at a time: a MultiplexedPath's joinpath takes a single name on Python 3.11
    for part in parts:
        found = found / part
    return found


def read_yaml(path: Path | Traversable) -> Any:
    """The parsed content of a YAML file, whatever its top-level type."""
    try:
        with path.open("r", encoding="utf-8") as handle:
            return yaml.load(handle, Loader=_LOADER)
    except (OSError, UnicodeDecodeError) as exc:
        raise DataFileError(f"{path}: cannot read ({exc})") from exc
    except yaml.YAMLError as exc:
        raise DataFileError(f"{path}: not valid YAML ({exc})") from exc


def word_list(table: dict[str, Any], key: str, where: object) -> tuple[str, ...]:
    """The list of strings under ``key``, lower-cased, in file order."""
    value = table.get(key)
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise DataFileError(f"{where}: '{key}' must be a list of strings")
    return tuple(v.lower() for v in value)


def read_yaml_mapping(path: Path | Traversable, where: str | None = None) -> dict[str, Any]:
    """A YAML file whose top level must be a mapping; ``where`` names it in errors."""
    loaded = read_yaml(path)
    if not isinstance(loaded, dict):
        raise DataFileError(f"{where or path}: expected a mapping at the top level")
    return loaded
