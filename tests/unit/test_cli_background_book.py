"""The query commands' knowledge base, loading in a thread while the queries run."""

from __future__ import annotations

from datetime import date

import pytest

from realpolitik.actors import KnowledgeBase
from realpolitik.cli import analysis_cmd
from realpolitik.config import Config


def test_background_book_answers_as_the_knowledge_base() -> None:
    config = Config()
    book = analysis_cmd._knowledge_base(config)
    kb = KnowledgeBase.load(config)
    for country, on in (("RUS", date(2020, 3, 5)), ("IRN", date(2020, 3, 5)),
                        ("USA", date(1999, 1, 1)), ("XXX", date(2020, 1, 1))):
        assert book.leader_of(country, on) == kb.leader_of(country, on)
    leader = kb.leader_of("RUS", date(2020, 3, 5))
    assert leader is not None and book.get(leader.id) == kb.get(leader.id)


def test_background_book_raises_the_load_error_in_the_caller(
        monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(config: Config) -> KnowledgeBase:
        raise OSError("no actor files")

    monkeypatch.setattr(KnowledgeBase, "load", staticmethod(broken))
    book = analysis_cmd._knowledge_base(Config())
    with pytest.raises(OSError, match="no actor files"):
        book.leader_of("RUS", date(2020, 3, 5))
