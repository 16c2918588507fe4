"""profile and timeline on a hand-built store."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from realpolitik.analysis.profile import profile
from realpolitik.analysis.timeline import timeline
from realpolitik.errors import QueryError
from realpolitik.store import Store, open_store
from tests.unit.analysis_builders import Doc, FakeLeaders, person, write

MODI = person("narendra-modi", "Narendra Modi", "IND", valid_from=date(2014, 5, 26),
              title="prime_minister")
JAISHANKAR = person("s-jaishankar", "S. Jaishankar", "IND", title="foreign_minister")
KB = FakeLeaders({"IND": [MODI]})
IND = ("India", "INDGOV", "IND", "GOV")
USA = ("the US", "USAGOV", "USA", "GOV")


def corpus() -> list[Doc]:
    """Invented reports on India, Vietnam and the US."""
    a = Doc(date(2025, 1, 20), [
        "Modi signed a partnership treaty with Vietnam.",
        "Jaishankar criticised the US.",
        "Trade between India and Vietnam reached $5 billion in 2024.",
        "Modi praised the US.",
    ])
    a.mention(0, "Modi", MODI).mention(1, "Jaishankar", JAISHANKAR).mention(3, "Modi", MODI)
    a.relation(0, "treaty", ("IND", "VNM"), when=date(2025, 1, 17), name="partnership treaty")
    a.event(0, "057", IND, ("Vietnam", "VNMGOV", "VNM", "GOV"), when=date(2025, 1, 17))
    a.event(1, "111", ("Jaishankar", "INDGOV", "IND", "GOV"), USA)
    a.quantity(2, "trade", ("IND", "VNM"), 5e9, year=2024)
    a.event(3, "051", IND, USA, when=date(2025, 1, 19))
    b = Doc(date(2025, 6, 2), ["The US did not threaten India.", "The US imposed tariffs "
                               "on India."])
    b.event(0, "138", USA, IND, polarity="negated")
    b.event(1, "163", USA, IND)
    return [a, b]


@pytest.fixture
def profile_store(fresh_db: Path) -> Store:
    store = open_store(fresh_db)
    write(store, *corpus())
    return store


def test_profile(profile_store: Store) -> None:
    answer = profile(profile_store, "India", date(2025, 12, 31), kb=KB)
    assert answer.actor == "IND" and answer.leader and answer.leader.name == "Narendra Modi"
    assert [(p.name, p.mentions) for p in answer.people] == [("Narendra Modi", 2),
                                                             ("S. Jaishankar", 1)]
    assert set(answer.ties) == {"VNM"}  # praise is no tie
    assert answer.ties["VNM"][0].kind == "treaty"
    assert answer.activity["as_source"]["events"] == 3
    assert answer.activity["as_target"]["events"] == 1  # the negated threat does not count
    assert answer.recent_events[0].code == "163"
    assert [f.value for f in answer.figures] == [5e9]
    data = json.loads(json.dumps(answer.to_json()))
    assert (data["ties"][0]["evidence"][0]["text"]
            == "Modi signed a partnership treaty with Vietnam.")


def test_profile_on_an_earlier_date(profile_store: Store) -> None:
    answer = profile(profile_store, "IND", date(2025, 1, 18))
    assert answer.leader is None  # no knowledge base given
    assert [e.code for e in answer.recent_events] == ["057"]
    assert answer.figures == ()  # its document appeared later


def test_timeline_of_one_actor(profile_store: Store) -> None:
    answer = timeline(profile_store, "IND")
    assert [(e.kind, e.code) for e in answer.entries] == [
        ("figure", "trade"), ("event", "057"), ("relation", "treaty"), ("event", "051"),
        ("event", "111"), ("event", "138"), ("event", "163")]
    negated = answer.entries[5]
    assert negated.polarity == "negated" and "NOT " in negated.what
    assert all(e.evidence.text for e in answer.entries)


def test_timeline_of_a_pair(profile_store: Store) -> None:
    answer = timeline(profile_store, "IND", "USA", start=date(2025, 1, 19),
                      end=date(2025, 6, 30))
    assert [e.code for e in answer.entries] == ["051", "111", "138", "163"]
    vietnam = timeline(profile_store, "Vietnam", "India")
    assert [e.kind for e in vietnam.entries] == ["figure", "event", "relation"]
    assert timeline(profile_store, "IND", limit=2).to_json()["rows"][1]["code"] == "057"


@pytest.mark.parametrize(("a", "b"), [("IND", "IND"), ("Atlantis", None)])
def test_timeline_bad(profile_store: Store, a: str, b: str | None) -> None:
    with pytest.raises(QueryError):
        timeline(profile_store, a, b)


def test_recent_events_equal_the_one_query_form(fresh_db: Path) -> None:
    """The two-step recent events (row ids of the matches on or after the limit-th newest
    date, then a full sort) equal one ORDER BY ... LIMIT over every column, also when many
    events share the cut-off date."""
    from realpolitik.analysis.profile import _recent_events

    docs = []
    for n, day in enumerate((1, 2, 2, 3, 3, 3)):
        doc = Doc(date(2025, 3, day), [f"India praised the US {n}.{i}." for i in range(4)])
        for i in range(4):
            doc.event(i, "051", IND, USA, when=date(2025, 2, day) if i % 2 else None)
        docs.append(doc)
    store = open_store(fresh_db)
    write(store, *docs)
    where = "(source_country = ? OR target_country = ?) AND " \
            "coalesce(date_start, pub_date) <= ? AND TRUE"
    params = ["IND", "IND", date(2025, 12, 31)]
    for limit in (1, 3, 5, 10, 30):
        one = store.query_dicts(
            f"SELECT * FROM events WHERE {where} ORDER BY coalesce(date_start, pub_date) "
            "DESC, document_id, sentence DESC, id LIMIT ?", [*params, limit])
        assert _recent_events(store, where, params, limit) == one
        assert len(one) == min(limit, 24)


@pytest.mark.parametrize("lone_reports", [256, 1])
def test_recent_events_of_either_side_equal_the_or_form(fresh_db: Path, lone_reports: int,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    """Asked as one branch per side (a UNION ALL), the recent events equal the OR of both
    sides, one row per merged event or every report, also where a merged event's own row
    does not match, a source is unknown or the actor is on both sides; own rows looked up
    by primary key or (many reports) one window over every match."""
    from realpolitik.analysis import profile as profile_module
    from realpolitik.analysis.events import once_per_event
    from realpolitik.analysis.profile import _recent_events

    monkeypatch.setattr(profile_module, "_LONE_REPORTS", lone_reports)

    vnm = ("Vietnam", "VNMGOV", "VNM", "GOV")
    docs = []
    for n, day in enumerate((1, 2, 2, 3, 3, 4)):
        doc = Doc(date(2025, 3, day), [f"Hanoi and Delhi met, round {n}.{i}." for i in range(4)])
        doc.event(0, "051", IND, USA, when=date(2025, 2, day))
        doc.event(1, "042", vnm, IND)
        doc.event(2, "036", USA, vnm)
        doc.event(3, "043", IND, IND, when=date(2025, 2, day))
        docs.append(doc)
    store = open_store(fresh_db)
    write(store, *docs)
    ids = [r[0] for r in store.query("SELECT id FROM events ORDER BY id")]
    # merged events: some whose own row involves India, one whose own row does not
    store.con.execute("UPDATE events SET cluster_id = ? WHERE id IN (?, ?, ?)",
                      [ids[0], ids[0], ids[5], ids[9]])
    store.con.execute("UPDATE events SET cluster_id = ? WHERE id IN (?, ?)",
                      [ids[2], ids[2], ids[13]])
    # one more whose own row does not involve India and two of whose reports do
    usa = [r[0] for r in store.query("SELECT id FROM events WHERE source_country = 'USA' "
                                     "AND target_country = 'VNM' ORDER BY id")]
    reports = [r[0] for r in store.query(
        "SELECT id FROM events WHERE source_country = 'IND' AND target_country = 'USA' "
        "AND id NOT IN (?, ?, ?, ?, ?) ORDER BY id DESC LIMIT 2",
        [ids[0], ids[5], ids[9], ids[2], ids[13]])]
    store.con.execute("UPDATE events SET cluster_id = ? WHERE id IN (?, ?, ?)",
                      [usa[0], usa[0], *reports])
    # the store's writer keeps the flag with the grouping (realpolitik.dedup.merge)
    store.con.execute("UPDATE events SET duplicate = cluster_id <> id")
    store.con.execute("UPDATE events SET source_country = NULL WHERE id = (SELECT min(id) "
                      "FROM events WHERE source_country = 'VNM' AND target_country = 'IND')")
    rest, params = "coalesce(date_start, pub_date) <= ? AND TRUE", [date(2025, 12, 31)]
    either = [("source_country = ?", ["IND"]),
              ("target_country = ? AND source_country IS DISTINCT FROM ?", ["IND", "IND"])]
    for once in ("", once_per_event()):
        for limit in (1, 3, 5, 10, 30):
            one = store.query_dicts(
                f"SELECT * FROM (SELECT * FROM events WHERE (source_country = ? OR "
                f"target_country = ?) AND {rest}{once}) ORDER BY coalesce(date_start, "
                "pub_date) DESC, document_id, sentence DESC, id LIMIT ?",
                ["IND", "IND", *params, limit])
            assert _recent_events(store, rest, params, limit, not once,
                                  either=either) == one
            assert one


def test_capped_ties_are_the_strongest_of_the_full_list(fresh_db: Path) -> None:
    """A profile's ties per counterpart, capped, are the first of find_ties' list (the
    strongest, then the earliest) and count every tie, across relation and event ties and
    strengths; a cap of None lists them all."""
    from realpolitik.analysis.rules import default_tie_rules
    from realpolitik.analysis.ties import find_ties, strongest_ties

    vnm = ("Vietnam", "VNMGOV", "VNM", "GOV")
    jpn = ("Japan", "JPNGOV", "JPN", "GOV")
    docs = []
    for n, day in enumerate((3, 1, 2, 2, 5, 4)):
        doc = Doc(date(2025, 3, day), [f"India and Vietnam cooperated, round {n}.{i}."
                                       for i in range(4)])
        doc.event(0, "061", IND, vnm)
        doc.event(1, "057" if n % 2 else "071", vnm, IND, when=date(2025, 2, day))
        doc.event(2, "073", IND, jpn)
        doc.event(3, "111", IND, jpn)  # criticism ties no one
        if n == 4:
            doc.relation(3, "treaty", ("IND", "VNM"), when=date(2025, 2, 1), name="pact")
        docs.append(doc)
    store = open_store(fresh_db)
    write(store, *docs)
    rules, on = default_tie_rules(), date(2025, 12, 31)
    full = find_ties(store, "IND", rules, as_of=on, active_since=on)
    assert {c: len(ts) for c, ts in full.items()} == {"VNM": 13, "JPN": 6}
    for cap in (1, 2, 5, 20):
        capped, counts = strongest_ties(store, "IND", rules, cap, as_of=on, active_since=on)
        assert capped == {c: ts[:cap] for c, ts in full.items()}
        assert counts == {"VNM": 13, "JPN": 6}
    answer = profile(store, "IND", on, ties_per_counterpart=2)
    assert [t.kind for t in answer.ties["VNM"]] == ["treaty", "event"]
    assert answer.ties["VNM"][1].code == "057"
    row = next(t for t in answer.to_json()["ties"] if t["counterpart"] == "VNM")
    assert row["tie_count"] == 13 and len(row["ties"]) == 2
    assert profile(store, "IND", on, ties_per_counterpart=None).ties == full
