from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest


def realpolitik_executable() -> str:
    candidate = Path(sys.executable).parent / "realpolitik"
    if candidate.exists():
        return str(candidate)
    found = shutil.which("realpolitik")
    if not found:
        pytest.skip("the realpolitik console script is not installed")
    return found


Run = Callable[..., subprocess.CompletedProcess[str]]


@pytest.fixture
def run_cli(tmp_path: Path) -> Run:
    """Run the real installed CLI in a subprocess, like a user would."""

    def run(*args: str, input_text: str | None = None,
            env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
        full_env = {k: v for k, v in os.environ.items() if k != "REALPOLITIK_DB"}
        full_env.update({"COLUMNS": "200", **(env or {})})
        return subprocess.run(
            [realpolitik_executable(), *args], capture_output=True, text=True,
            input=input_text, cwd=tmp_path, env=full_env, timeout=600, check=False,
        )

    return run
