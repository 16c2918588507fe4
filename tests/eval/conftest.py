"""Fixtures of the accuracy gates: the project's gold folder and its floors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

GOLD = Path(__file__).resolve().parents[2] / "gold"


@pytest.fixture(scope="session")
def gold_dir() -> Path:
    return GOLD


@pytest.fixture(scope="session")
def floors() -> dict[str, Any]:
    """``gold/floors.json``: the accuracy each stage must keep."""
    loaded = json.loads((GOLD / "floors.json").read_text(encoding="utf-8"))
    assert isinstance(loaded, dict)
    return loaded
