"""dyad counts, Goldstein sums and means per period and direction, and the plot."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.analysis.dyad import dyad
from realpolitik.analysis.plots import plot_dyad
from realpolitik.errors import QueryError
from realpolitik.store import Store, open_store
from tests.unit.analysis_builders import Doc, write

RUS = ("Russia", "RUSGOV", "RUS", "GOV")
USA = ("the US", "USAGOV", "USA", "GOV")
USA_MIL = ("US forces", "USAMIL", "USA", "MIL")


def corpus() -> list[Doc]:
    jan = Doc(date(2025, 1, 10), ["Russia criticised the US.", "The US praised Russia.",
                                  "Russia met the US.", "Russia did not attack the US.",
                                  "Russia will sanction the US."])
    jan.event(0, "111", RUS, USA)          # -2.0 verbal conflict
    jan.event(1, "051", USA, RUS)          # +3.4 verbal coop
    jan.event(2, "036", RUS, USA)          # +4.0 verbal coop
    jan.event(3, "190", RUS, USA, polarity="negated")        # not counted
    jan.event(4, "163", RUS, USA, modality="future")         # not counted
    mar = Doc(date(2025, 3, 3), ["US forces struck Russian positions.",
                                 "Russia condemned the strike.", "Iran condemned the US."])
    mar.event(0, "195", USA_MIL, RUS)      # -10.0 material conflict
    mar.event(1, "111", RUS, USA, when=date(2025, 2, 27))    # dated February by its text
    mar.event(2, "111", ("Iran", "IRNGOV", "IRN", "GOV"), USA)
    undated = Doc(date(2025, 4, 2), ["Russia sent aid to the US."])
    undated.event(0, "070", RUS, USA, inferred=True)
    return [jan, mar, undated]


@pytest.fixture
def dyad_store(fresh_db: Path) -> Store:
    store = open_store(fresh_db)
    write(store, *corpus())
    return store


def test_counts_by_month(dyad_store: Store) -> None:
    answer = dyad(dyad_store, "RUS", "USA", by="month")
    got = {(r.period, r.direction): (r.events, r.verbal_cooperation, r.material_cooperation,
                                     r.verbal_conflict, r.material_conflict,
                                     round(r.goldstein_sum, 2), round(r.goldstein_mean, 2))
           for r in answer.rows}
    assert got == {
        (date(2025, 1, 1), "RUS->USA"): (2, 1, 0, 1, 0, 2.0, 1.0),
        (date(2025, 1, 1), "USA->RUS"): (1, 1, 0, 0, 0, 3.4, 3.4),
        (date(2025, 2, 1), "RUS->USA"): (1, 0, 0, 1, 0, -2.0, -2.0),
        (date(2025, 3, 1), "USA->RUS"): (1, 0, 0, 0, 1, -10.0, -10.0),
        (date(2025, 4, 1), "RUS->USA"): (1, 0, 1, 0, 0, 7.0, 7.0),
    }
    totals = answer.totals()
    assert totals["RUS->USA"]["events"] == 4 and totals["USA->RUS"]["events"] == 2
    assert totals["USA->RUS"]["goldstein_mean"] == pytest.approx(-3.3)


@pytest.mark.parametrize(("by", "periods"), [
    ("quarter", {(date(2025, 1, 1), "RUS->USA"): 3, (date(2025, 1, 1), "USA->RUS"): 2,
                 (date(2025, 4, 1), "RUS->USA"): 1}),
    ("year", {(date(2025, 1, 1), "RUS->USA"): 4, (date(2025, 1, 1), "USA->RUS"): 2}),
])
def test_other_periods(dyad_store: Store, by: str, periods: dict[tuple[date, str], int]) -> None:
    answer = dyad(dyad_store, "Russia", "United States", by=by)
    assert {(r.period, r.direction): r.events for r in answer.rows} == periods


def test_range_and_actor_codes(dyad_store: Store) -> None:
    answer = dyad(dyad_store, "RUS", "USA", start=date(2025, 2, 1), end=date(2025, 3, 31))
    assert [(r.period.month, r.direction) for r in answer.rows] == [(2, "RUS->USA"),
                                                                    (3, "USA->RUS")]
    military = dyad(dyad_store, "USAMIL", "RUS")
    assert [(r.direction, r.events) for r in military.rows] == [("USAMIL->RUS", 1)]


def test_evidence_is_the_most_intense(dyad_store: Store) -> None:
    answer = dyad(dyad_store, "RUS", "USA", evidence_per_period=1)
    jan = next(r for r in answer.rows if r.direction == "RUS->USA" and r.period.month == 1)
    assert [e.text for e in jan.evidence] == ["Russia met the US."]
    data = json.loads(json.dumps(answer.to_json()))
    assert data["query"]["by"] == "month"
    assert data["rows"][0]["quad_classes"] == {"verbal_cooperation": 1,
                                               "material_cooperation": 0,
                                               "verbal_conflict": 1, "material_conflict": 0}


@pytest.mark.parametrize(("a", "b", "kwargs"), [
    ("RUS", "RUS", {}), ("RUS", "USA", {"by": "week"}),
    ("RUS", "USA", {"start": date(2025, 5, 1), "end": date(2025, 1, 1)}),
    ("RUS", "Atlantis", {}),
])
def test_bad_queries(dyad_store: Store, a: str, b: str, kwargs: dict[str, object]) -> None:
    with pytest.raises(QueryError):
        dyad(dyad_store, a, b, **kwargs)  # type: ignore[arg-type]


def test_plot(dyad_store: Store, tmp_path: Path) -> None:
    out = plot_dyad(dyad(dyad_store, "RUS", "USA"), tmp_path / "dyad.png")
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and out.stat().st_size > 10_000
    with pytest.raises(QueryError, match="no events"):
        plot_dyad(dyad(dyad_store, "RUS", "CHN"), tmp_path / "empty.png")


def test_goldstein_sums_are_exact(fresh_db: Path) -> None:
    """Sums of scores such as -9.2 are exact, so they cannot change with the order DuckDB's
    threads add them in (a float sum of three -9.2 is -27.599999999999998)."""
    store = open_store(fresh_db)
    docs = []
    for day in (5, 15, 25):  # days apart: three events, not one reported thrice
        doc = Doc(date(2025, 5, day), [f"Russia seized a US ship on May {day}."])
        doc.event(0, "171", RUS, USA)
        docs.append(doc)
    write(store, *docs)
    (row,) = dyad(store, "RUS", "USA", by="month").rows
    assert row.goldstein_sum == -27.6
    assert row.goldstein_mean == -9.2
