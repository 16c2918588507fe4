"""Gold readers over generated files: records or a GoldFormatError naming the file."""

from __future__ import annotations

import json
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.actors.evaluation import read_gold as read_actor_gold
from realpolitik.errors import GoldFormatError
from realpolitik.events.evaluate import read_gold as read_event_gold
from realpolitik.relations.evaluate import load_gold as load_relation_gold
from realpolitik.timex.gold import load_gold as load_date_gold
from tests.fuzz.conftest import fuzz_settings

pytestmark = pytest.mark.fuzz

SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(
    max_size=12) | st.sampled_from(["111", "190", "999", "RUS", "2024-03-05", "asserted"])
VALUES = st.recursive(SCALARS, lambda inner: st.lists(inner, max_size=3) | st.dictionaries(
    st.sampled_from(["code", "source", "target", "polarity", "text", "date", "expression",
                     "start", "end", "precision", "mention", "country", "role", "parties",
                     "kind", "measure", "value", "unit", "relations", "quantities"]),
    inner, max_size=4), max_leaves=8)
RECORD = st.dictionaries(
    st.sampled_from(["text", "date", "events", "cameo_code", "expression", "gold", "mentions",
                     "relations", "quantities", "start", "end", "precision", "anchor"]),
    VALUES, max_size=5)
READERS: dict[str, Callable[[Path], Any]] = {
    "events": read_event_gold,
    "dates": load_date_gold,
    "actors": read_actor_gold,
    "relations": lambda p: load_relation_gold(p, "relations"),
    "quantities": lambda p: load_relation_gold(p, "quantities"),
}


@fuzz_settings(1500)
@given(reader=st.sampled_from(sorted(READERS)),
       lines=st.lists(st.one_of(RECORD.map(json.dumps), st.text(max_size=20)), max_size=4))
def test_gold_readers(reader: str, lines: list[str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold.jsonl"
        path.write_text("\n".join(lines), encoding="utf-8")
        try:
            READERS[reader](path)
        except GoldFormatError as exc:
            assert str(path) in str(exc)


@fuzz_settings(300)
@given(code=st.one_of(st.text(max_size=5), st.integers(0, 99999).map(str)))
def test_event_gold_codes_must_be_cameo(code: str) -> None:
    from realpolitik.events.codebook import default_codebook

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "gold.jsonl"
        path.write_text(json.dumps({"text": "Russia criticised Japan.", "events": [
            {"code": code, "source": "RUS", "target": "JPN"}]}), encoding="utf-8")
        if code.strip() in default_codebook():
            assert read_event_gold(path)
        else:
            with pytest.raises(GoldFormatError, match=r"not a CAMEO code|needs a .code."):
                read_event_gold(path)
