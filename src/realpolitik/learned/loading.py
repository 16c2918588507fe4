"""Finding and loading the packaged model directories (never downloads anything)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from realpolitik.datafiles import data_file
from realpolitik.errors import ConfigError


def packaged_model(name: str) -> Path:
    """The directory ``realpolitik/data/models/<name>`` of the installed package."""
    return Path(str(data_file("models", name)))


def load_pipeline(path: Path) -> Any:
    """A spaCy pipeline saved with ``nlp.to_disk``; a :class:`ConfigError` if it is not one."""
    import spacy

    if not (path / "config.cfg").is_file():
        raise ConfigError(f"{path}: no trained model here (missing config.cfg); "
                          "retrain with the scripts in scripts/")
    try:
        return spacy.load(path)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot load the model ({exc})") from exc
