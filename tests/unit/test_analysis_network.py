"""network: typed, weighted edges with evidence; GraphML, JSON and PNG output."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import networkx as nx
import pytest

from realpolitik.analysis.network import build_network, write_network
from realpolitik.errors import QueryError
from realpolitik.model import Obligations
from realpolitik.store import Store, open_store
from tests.unit.analysis_builders import Doc, write

RUS = ("Russia", "RUSGOV", "RUS", "GOV")
UKR = ("Ukraine", "UKRGOV", "UKR", "GOV")


def corpus() -> list[Doc]:
    a = Doc(date(2024, 6, 20), [
        "Russia and North Korea signed a mutual defence treaty.",
        "North Korea sent troops to Russia.",
        "Iran supplies drones to Russia.",
        "Russia shelled Ukraine.",
        "Russia bombed Ukrainian cities.",
        "Russia condemned Ukraine.",
        "Iran is a member of BRICS.",
        "Russia did not attack Georgia.",
    ])
    a.relation(0, "treaty", ("RUS", "PRK"), name="Comprehensive Strategic Partnership",
               when=date(2024, 6, 1), obligations=Obligations(defense=True))
    a.relation(1, "troop_deployment", ("PRK", "RUS"))
    a.relation(2, "arms_transfer", ("IRN", "RUS"))
    a.event(3, "194", RUS, UKR)
    a.event(4, "195", RUS, UKR)
    a.event(5, "111", RUS, UKR)
    a.relation(6, "membership", ("IRN", "BRICS"))
    a.event(7, "190", RUS, ("Georgia", "GEO", "GEO", None), polarity="negated")
    b = Doc(date(2025, 2, 1), [
        "Trade between Russia and the UAE grew to $9 billion in 2022.",
        "Russia and Iran signed a treaty in January 2025.",
    ])
    b.quantity(0, "trade", ("RUS", "ARE"), 9e9, year=2022, change_pct=68.0)
    b.relation(1, "treaty", ("RUS", "IRN"), when=date(2025, 1, 1))
    return [a, b]


@pytest.fixture
def network_store(fresh_db: Path) -> Store:
    store = open_store(fresh_db)
    write(store, *corpus())
    return store


def _edges(network: object) -> dict[tuple[str, str, str], object]:
    return {(e.kind, e.source, e.target): e for e in network.edges}  # type: ignore[attr-defined]


def test_default_kinds(network_store: Store) -> None:
    edges = _edges(build_network(network_store))
    assert set(edges) == {
        ("treaty", "PRK", "RUS"), ("treaty", "IRN", "RUS"), ("support", "PRK", "RUS"),
        ("arms", "IRN", "RUS"), ("membership", "IRN", "BRICS"), ("trade", "ARE", "RUS"),
        ("conflict", "RUS", "UKR"),
    }
    # two fights one story reports on one day are one happening (issue #15's merge)
    conflict = edges[("conflict", "RUS", "UKR")]
    assert conflict.count == 1 and conflict.goldstein == pytest.approx(-10.0)  # type: ignore[attr-defined]
    reports = _edges(build_network(network_store, mentions=True))[("conflict", "RUS", "UKR")]
    assert reports.count == 2 and reports.goldstein == pytest.approx(-20.0)  # type: ignore[attr-defined]
    treaty = edges[("treaty", "PRK", "RUS")]
    assert treaty.obligations == {"defense"}  # type: ignore[attr-defined]
    assert treaty.evidence[0].text.startswith("Russia and North Korea")  # type: ignore[attr-defined]
    assert edges[("trade", "ARE", "RUS")].value_usd == 9e9  # type: ignore[attr-defined]


@pytest.mark.parametrize(("kinds", "as_of", "expected"), [
    ("treaty", None, {("treaty", "PRK", "RUS"), ("treaty", "IRN", "RUS")}),
    ("treaty", date(2024, 12, 31), {("treaty", "PRK", "RUS")}),
    ("hostility,conflict", None, {("hostility", "RUS", "UKR"), ("conflict", "RUS", "UKR")}),
    ("trade", date(2021, 12, 31), set()),
    (["arms", "support"], None, {("arms", "IRN", "RUS"), ("support", "PRK", "RUS")}),
])
def test_kinds_and_dates(network_store: Store, kinds: object, as_of: date | None,
                         expected: set[tuple[str, str, str]]) -> None:
    network = build_network(network_store, kinds=kinds, as_of=as_of)  # type: ignore[arg-type]
    assert set(_edges(network)) == expected


def test_outputs(network_store: Store, tmp_path: Path) -> None:
    network = build_network(network_store, mentions=True)
    graphml = write_network(network, tmp_path / "g.graphml")
    g = nx.read_graphml(graphml, force_multigraph=True)
    assert g.nodes["RUS"]["type"] == "state" and g.nodes["BRICS"]["type"] == "organisation"
    assert any(d["kind"] == "conflict" and d["weight"] == 2.0
               for _, _, d in g.edges(data=True))
    data = json.loads(write_network(network, tmp_path / "g.json").read_text())
    assert {"query", "nodes", "edges"} == set(data)
    assert all(e["evidence"] for e in data["edges"])
    png = write_network(network, tmp_path / "g.png")
    assert png.read_bytes()[:4] == b"\x89PNG" and png.stat().st_size > 20_000


@pytest.mark.parametrize(("kinds", "out"), [("treaty,bogus", "g.json"), ("treaty", "g.txt")])
def test_bad_requests(network_store: Store, tmp_path: Path, kinds: str, out: str) -> None:
    with pytest.raises(QueryError):
        write_network(build_network(network_store, kinds=kinds), tmp_path / out)


def test_empty_png(fresh_db: Path, tmp_path: Path) -> None:
    with open_store(fresh_db) as store, pytest.raises(QueryError, match="empty"):
        write_network(build_network(store), tmp_path / "g.png")


def test_same_network_where_events_is_a_view(network_store: Store,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """Evidence is looked up by row id in a store's table and by event id where events is
    a view (stores attached over Parquet have no row ids): the answers are the same."""
    import realpolitik.analysis.network as network_module

    table = build_network(network_store).to_json()
    monkeypatch.setattr(network_module, "is_table", lambda store, name: False)
    assert build_network(network_store).to_json() == table
