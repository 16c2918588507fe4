"""dumps_indented writes the text json.dumps(..., ensure_ascii=False, indent=2) writes."""

from __future__ import annotations

import json
from datetime import date
from enum import IntEnum, StrEnum
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.cli.render import _plain
from realpolitik.jsontext import dumps_indented


class Colour(StrEnum):
    red = "red"


class Level(IntEnum):
    high = 3


scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(), st.text(),
    st.dates(), st.sampled_from([Colour.red, Level.high]))
keys = st.one_of(st.text(), st.integers(), st.floats(), st.booleans(), st.none())
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4), st.lists(inner, max_size=3).map(tuple),
        st.dictionaries(keys, inner, max_size=4)),
    max_leaves=30)


@settings(max_examples=400, deadline=None)
@given(values)
def test_the_same_text_as_json(value: Any) -> None:
    assert dumps_indented(value, default=_plain) == json.dumps(
        value, ensure_ascii=False, indent=2, default=_plain)


def test_the_same_errors_as_json() -> None:
    with pytest.raises(TypeError, match="not JSON serializable"):
        dumps_indented({"a": [date(2020, 1, 1)]})
    with pytest.raises(TypeError, match="keys must be"):
        dumps_indented({(1, 2): 3})
