"""Every query option over generated values: an answer or a one-line QueryError (a
RealpolitikError), never another exception; and the CLI turns any of them into exit 0, 1
or 2 without a traceback."""

from __future__ import annotations

import contextlib
import io
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from realpolitik.analysis.allies import allies_lost
from realpolitik.analysis.dyad import dyad
from realpolitik.analysis.events import EventFilter, find_events
from realpolitik.analysis.network import build_network
from realpolitik.analysis.profile import profile
from realpolitik.analysis.responses import responses
from realpolitik.analysis.timeline import timeline
from realpolitik.errors import RealpolitikError
from realpolitik.store import Store
from tests.fuzz.conftest import fuzz_settings

pytestmark = pytest.mark.fuzz

WORDS = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["RUS", "rus", "Russia", "RUSGOV", "IRN", "Iran", "_", "%", "R_S", "\\",
                     "[/x]", "'; DROP TABLE events; --", "USA", "NATO", "", " "]))
DATES = st.one_of(st.none(), st.dates(min_value=date(1700, 1, 1), max_value=date(2200, 1, 1)))
CONFIDENCE = st.one_of(st.just(0.0), st.floats(min_value=0.0, max_value=1.0),
                       st.floats(allow_nan=True))


@fuzz_settings(1200)
@given(actor=st.one_of(st.none(), WORDS), country=st.one_of(st.none(), WORDS),
       code=st.one_of(st.none(), WORDS, st.from_regex(r"\d{1,4}", fullmatch=True)),
       start=DATES, end=DATES,
       polarity=st.one_of(st.none(), WORDS, st.sampled_from(["asserted", "Negated"])),
       confidence=CONFIDENCE, root_only=st.booleans(),
       limit=st.one_of(st.none(), st.integers(-2, 30)))
def test_event_filters(fuzz_store: Store, actor: str | None, country: str | None,
                       code: str | None, start: date | None, end: date | None,
                       polarity: str | None, confidence: float, root_only: bool,
                       limit: int | None) -> None:
    flt = EventFilter(actor=actor, country=country, code=code, start=start, end=end,
                      polarity=polarity, limit=limit, min_confidence=confidence,
                      root_only=root_only)
    try:
        rows = find_events(fuzz_store, flt)
    except RealpolitikError:
        return
    for row in rows:
        assert row["confidence"] >= confidence
        assert not root_only or row["is_root"]
        if actor and actor.strip():
            assert any((row[f"{s}_actor"] or "").startswith(actor.strip().upper())
                       for s in ("source", "target"))


@fuzz_settings(1200)
@given(kind=st.sampled_from(["dyad", "timeline", "profile", "allies", "responses",
                             "network"]),
       a=WORDS, b=WORDS, start=DATES, end=DATES, confidence=CONFIDENCE,
       window=st.one_of(st.sampled_from(["15m", "2y", "90d", "6w"]), st.text(max_size=5)),
       by=st.one_of(st.sampled_from(["month", "quarter", "year"]), st.text(max_size=6)))
def test_analyst_queries(fuzz_store: Store, kind: str, a: str, b: str, start: date | None,
                         end: date | None, confidence: float, window: str, by: str) -> None:
    try:
        if kind == "dyad":
            dyad(fuzz_store, a, b, start=start, end=end, by=by, min_confidence=confidence)
        elif kind == "timeline":
            timeline(fuzz_store, a, b or None, start=start, end=end,
                     min_confidence=confidence)
        elif kind == "profile":
            profile(fuzz_store, a, end or date(2024, 6, 1), min_confidence=confidence)
        elif kind == "allies":
            allies_lost(fuzz_store, a, window, end or date(2024, 6, 1),
                        min_confidence=confidence)
        elif kind == "responses":
            responses(fuzz_store, attack_on=a, start=start, end=end,
                      min_confidence=confidence)
        else:
            build_network(fuzz_store, as_of=end, start=start, kinds=b or None,
                          min_confidence=confidence)
    except RealpolitikError:
        pass


OPTION_VALUES = st.one_of(WORDS, st.sampled_from(["-1", "0", "1.5", "0.5", "nan", "2024-02-30",
                                                  "2024-01-01", "xml", "csv", "json"]))
COMMANDS = {
    "events": ["--actor", "--country", "--code", "--from", "--to", "--polarity", "--modality",
               "--min-confidence", "--limit", "--format"],
    "relations": ["--actor", "--kind", "--limit", "--format"],
    "quantities": ["--actor", "--measure", "--limit", "--format"],
    "dyad": ["--from", "--to", "--by", "--min-confidence", "--format"],
    "timeline": ["--from", "--to", "--limit", "--min-confidence", "--format"],
    "responses": ["--attack-on", "--event", "--from", "--to", "--min-confidence", "--format"],
}


@fuzz_settings(500)
@given(command=st.sampled_from(sorted(COMMANDS)), data=st.data())
def test_cli_options_exit_cleanly(fuzz_db: Path, monkeypatch: pytest.MonkeyPatch,
                                  command: str, data: st.DataObject) -> None:
    from realpolitik.cli.app import TRACEBACK_ENV, main

    # an unexpected exception must fail this test, not become an "internal error" line
    monkeypatch.setenv(TRACEBACK_ENV, "1")
    options = data.draw(st.lists(st.sampled_from(COMMANDS[command]), max_size=3, unique=True))
    argv = [command, "--db", str(fuzz_db)]
    if command in ("dyad", "timeline"):
        argv += [data.draw(WORDS), data.draw(WORDS)]
    for option in options:
        argv += [option, data.draw(OPTION_VALUES)]
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
            pytest.raises(SystemExit) as stop:
        main(argv)
    assert stop.value.code in (0, 1, 2), (argv, err.getvalue())
    assert "Traceback" not in err.getvalue()
