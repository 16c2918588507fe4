"""Shared fixtures: a fresh store per test, one spaCy pipeline per session, ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from realpolitik.config import Config

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


@pytest.fixture
def fresh_db(tmp_path: Path) -> Path:
    """Path of a store that does not exist yet."""
    return tmp_path / "test.duckdb"


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED.is_dir():
        pytest.skip("../shared is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def config() -> Config:
    return Config()


@pytest.fixture(scope="session")
def nlp_stage(config: Config):  # type: ignore[no-untyped-def]
    from realpolitik.nlp import NlpStage

    return NlpStage(config)


@pytest.fixture(scope="session")
def pipeline(config: Config, nlp_stage):  # type: ignore[no-untyped-def]
    from realpolitik.pipeline import Pipeline

    return Pipeline(config, nlp=nlp_stage)


@pytest.fixture
def store(fresh_db: Path) -> Iterator[object]:
    from realpolitik.store import open_store

    with open_store(fresh_db) as s:
        yield s
