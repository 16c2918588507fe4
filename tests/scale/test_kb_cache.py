"""The prebuilt binary knowledge base: written on first use, read after, never an error."""

from __future__ import annotations

from pathlib import Path

import pytest

from realpolitik.actors import cache
from realpolitik.actors.kb import KnowledgeBase, _builtin_raw


def test_builds_then_reads_the_binary_form(tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALPOLITIK_CACHE_DIR", str(tmp_path / "cache"))
    built: list[int] = []

    def build() -> KnowledgeBase:
        built.append(1)
        return KnowledgeBase(_builtin_raw())

    first = cache.load_or_build("kb", build, KnowledgeBase)
    files = list((tmp_path / "cache").glob("kb-*.pickle"))
    assert len(files) == 1 and files[0].name == f"kb-{cache.fingerprint()}.pickle"
    second = cache.load_or_build("kb", build, KnowledgeBase)
    assert built == [1]
    assert second is not first
    assert second.states.keys() == first.states.keys()
    assert second.get("RUSGOV") == first.get("RUSGOV")
    assert len(second.tenures_of("vladimir-putin")) == len(first.tenures_of("vladimir-putin"))


def test_a_damaged_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALPOLITIK_CACHE_DIR", str(tmp_path))
    (tmp_path / f"kb-{cache.fingerprint()}.pickle").write_bytes(b"not a pickle")
    value = cache.load_or_build("kb", lambda: KnowledgeBase(_builtin_raw()), KnowledgeBase)
    assert "RUS" in value.states
    again = cache.load_or_build("kb", lambda: pytest.fail("rebuilt twice"), KnowledgeBase)
    assert "RUS" in again.states


def test_an_unwritable_cache_is_ignored(tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setenv("REALPOLITIK_CACHE_DIR", str(blocker / "sub"))
    assert cache.load_or_build("n", lambda: 7, int) == 7


def test_fingerprint_follows_the_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache.fingerprint()
    folder = tmp_path / "actors"
    folder.mkdir()
    (folder / "states.yaml").write_text("states: []\n")
    monkeypatch.setattr(cache, "data_file", lambda name: folder)
    assert cache.fingerprint() != before


def test_records_round_trip(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REALPOLITIK_CACHE_DIR", str(tmp_path))
    built = KnowledgeBase(_builtin_raw())
    cache.load_or_build("kb", lambda: built, KnowledgeBase)
    read = cache.load_or_build("kb", lambda: pytest.fail("rebuilt"), KnowledgeBase)
    # records are pickled as constructor calls: every field must come back in its place
    assert read.states == built.states
    assert read.persons == built.persons
    assert read.orgs == built.orgs
    assert read.bodies == built.bodies
    assert read.vocabulary == built.vocabulary
    assert read.tenures_of("vladimir-putin") == built.tenures_of("vladimir-putin")
