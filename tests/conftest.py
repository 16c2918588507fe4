"""Shared fixtures: a fresh store per test, one spaCy pipeline and one of each resolver per
session, ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from realpolitik.config import Config

if TYPE_CHECKING:
    # imported in the fixtures: loading spaCy and the knowledge base is for the tests that
    # ask for them, not for collecting every test module
    from realpolitik.actors import ActorResolver, KnowledgeBase
    from realpolitik.nlp import NlpStage
    from realpolitik.pipeline import Pipeline
    from realpolitik.store import Store
    from realpolitik.timex import TimeResolver

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden", action="store_true", default=False,
        help="rewrite the golden files under tests/golden/ from the current output instead "
             "of comparing with them",
    )


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
def nlp_stage(config: Config) -> NlpStage:
    from realpolitik.nlp import NlpStage

    return NlpStage(config)


@pytest.fixture(scope="session")
def pipeline(config: Config, nlp_stage: NlpStage) -> Pipeline:
    from realpolitik.pipeline import Pipeline

    return Pipeline(config, nlp=nlp_stage)


@pytest.fixture(scope="session")
def kb(config: Config) -> KnowledgeBase:
    from realpolitik.actors import KnowledgeBase

    return KnowledgeBase.load(config)


@pytest.fixture(scope="session")
def actor_resolver(kb: KnowledgeBase) -> ActorResolver:
    from realpolitik.actors import ActorResolver

    return ActorResolver(kb)


@pytest.fixture(scope="session")
def time_resolver(config: Config) -> TimeResolver:
    from realpolitik.timex import TimeResolver

    return TimeResolver(config)


@pytest.fixture
def store(fresh_db: Path) -> Iterator[Store]:
    from realpolitik.store import open_store

    with open_store(fresh_db) as s:
        yield s
