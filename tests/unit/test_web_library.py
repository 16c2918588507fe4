"""The library queries behind the web pages: the explorer's filters and pages, the corpus
summary, and documents with their marks (hand-built stores, no spaCy)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from realpolitik.analysis.annotate import annotate_analysis, annotate_stored
from realpolitik.analysis.corpus import corpus_summary, list_documents
from realpolitik.analysis.explore import EventQuery, explore_events, get_event
from realpolitik.errors import NotFoundError, QueryError
from realpolitik.model import Obligations
from realpolitik.store import Store, open_store
from tests.unit.analysis_builders import Doc, body, write

RUS = ("Russia", "RUSGOV", "RUS", "GOV")
USA = ("the US", "USAGOV", "USA", "GOV")
IRN = ("Iran", "IRNMIL", "IRN", "MIL")


def docs() -> list[Doc]:
    a = Doc(date(2025, 1, 10), ["Russia criticised the US last May.",
                                "Iran did not attack the US.",
                                "Russia and Iran signed the Friendship Treaty.",
                                "Trade reached $4 billion."], title="January")
    a.mention(0, "Russia", body("rus", "Russian government", "RUS"))
    a.mention(0, "the US", None)
    a.event(0, "111", RUS, USA, trigger="criticised", when=date(2024, 5, 1),
            end=date(2024, 5, 31), precision="month")
    a.event(1, "190", IRN, USA, trigger="attack", polarity="negated")
    a.relation(2, "treaty", ("RUS", "IRN"), name="Friendship Treaty",
               obligations=Obligations(defense=False, consultation=True))
    a.quantity(3, "trade", ("RUS", "IRN"), 4e9, year=2024)
    b = Doc(date(2025, 3, 2), ["The US will sanction Russia.", "Iran struck 100% of targets."])
    b.event(0, "163", USA, RUS, trigger="sanction", modality="future")
    b.event(1, "195", IRN, None, trigger="struck")
    return [a, b]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with open_store(tmp_path / "t.duckdb") as s:
        write(s, *docs())
        yield s


def ids(store: Store, **kw: object) -> list[str]:
    return [r["code"] for r in explore_events(store, EventQuery(**kw)).rows]  # type: ignore[arg-type]


def test_explorer_filters(store: Store) -> None:
    assert explore_events(store, EventQuery()).total == 4
    assert ids(store, actor="rus") == ["163", "111"]
    assert ids(store, country="IRN") == ["195", "190"]
    assert ids(store, code="1") == ["163", "195", "190", "111"]
    assert ids(store, code="19") == ["195", "190"]
    assert ids(store, quad_class=4) == ["163", "195", "190"]
    assert ids(store, polarity="negated") == ["190"]
    assert ids(store, modality="future") == ["163"]
    assert ids(store, start=date(2025, 2, 1)) == ["163", "195"]
    assert ids(store, end=date(2024, 12, 31)) == ["111"]
    assert ids(store, text="STRUCK 100%") == ["195"]
    assert ids(store, text="100\\%") == []
    assert ids(store, actor="%") == [] and ids(store, text="_") == []


def test_explorer_paging_and_confidence(store: Store) -> None:
    page = explore_events(store, EventQuery(limit=3, offset=2))
    assert page.total == 4 and len(page.rows) == 2
    assert explore_events(store, EventQuery(min_confidence=0.95)).total == 0
    assert explore_events(store, EventQuery(min_confidence=0.9)).total == 4


@pytest.mark.parametrize("bad", [
    {"quad_class": 5}, {"polarity": "maybe"}, {"modality": "x"}, {"min_confidence": 1.5},
    {"offset": -1}, {"limit": 0}, {"code": "1'9"},
    {"start": date(2025, 2, 1), "end": date(2025, 1, 1)},
])
def test_explorer_rejects(bad: dict[str, object]) -> None:
    with pytest.raises(QueryError):
        EventQuery(**bad)  # type: ignore[arg-type]


def test_get_event(store: Store) -> None:
    first = explore_events(store, EventQuery(limit=1)).rows[0]
    assert get_event(store, first["id"])["code"] == first["code"]
    with pytest.raises(NotFoundError):
        get_event(store, "nope")


def test_corpus_summary_and_documents(store: Store) -> None:
    s = corpus_summary(store)
    assert s.counts["documents"] == 2 and s.counts["events"] == 4
    assert s.published == (date(2025, 1, 10), date(2025, 3, 2))
    assert s.happened[0] == date(2024, 5, 1)
    # asserted events only, per month and quad class
    assert (date(2024, 5, 1), 3, 1) in s.per_month
    assert all(q != 4 or m != date(2025, 1, 1) for m, q, _ in s.per_month)
    assert s.recent_events[0]["code"] == "163"
    json_ = s.to_json()
    assert json_["published"] == {"from": "2025-01-10", "to": "2025-03-02"}
    total, rows = list_documents(store)
    assert total == 2 and [r["events"] for r in rows] == [2, 2]
    assert list_documents(store, text="janu")[0] == 1
    assert list_documents(store, text="%")[0] == 0


def test_annotated_stored_document(store: Store) -> None:
    doc_id = docs()[0].document.id
    a = annotate_stored(store, doc_id)
    by_kind = {k: [m for m in a.marks if m.kind == k] for k in
               ("event", "mention", "date", "relation", "figure")}
    assert [a.text[m.start:m.end] for m in by_kind["event"]] == ["criticised", "attack"]
    crit = by_kind["event"][0].record
    assert crit["label"] and crit["date"] == "2024-05-01 to 2024-05-31 (month)"
    assert crit["date_basis"] == "from the text, to the month"
    assert by_kind["event"][1].record["polarity"] == "negated"
    assert [a.text[m.start:m.end] for m in by_kind["mention"]] == ["Russia", "the US"]
    assert by_kind["mention"][1].record["resolved"].startswith("no")
    assert [a.text[m.start:m.end] for m in by_kind["date"]] == ["last May"]
    assert by_kind["date"][0].record["reads_as"] == "2024-05-01 to 2024-05-31 (month)"
    assert [a.text[m.start:m.end] for m in by_kind["relation"]] == ["Friendship Treaty"]
    rel = by_kind["relation"][0].record
    assert rel["obligations"] == "consultation" and rel["explicitly_absent"] == "defense"
    assert [a.text[m.start:m.end] for m in by_kind["figure"]] == ["Trade reached $4 billion."]
    # the segments rebuild the text, each inside one sentence, with the marks over it
    segments = a.segments()
    assert "".join(s.text for s in segments) == a.text
    crit_seg = next(s for s in segments if s.text == "criticised")
    assert crit_seg.kinds == ("event",) and crit_seg.sentence == 0
    with pytest.raises(NotFoundError):
        annotate_stored(store, "missing")


def test_annotated_analysis_matches_the_stored_one(store: Store) -> None:
    doc = docs()[0]
    fresh = annotate_analysis(doc.analysis())
    stored = annotate_stored(store, doc.document.id)
    kinds = ("event", "mention", "relation", "figure")
    assert [(m.kind, m.start, m.end) for m in fresh.marks if m.kind in kinds] == \
        [(m.kind, m.start, m.end) for m in stored.marks if m.kind in kinds]
    assert fresh.to_json()["document"]["id"] == doc.document.id
