"""Every analyst query over one happening reported by two stories (issue #15): counted and
listed once by default, with both stories' sentences; ``mentions`` counts every report."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, timedelta

import pytest

from realpolitik.dedup.merge import merge_counts
from realpolitik.store import Store
from tests.unit.analysis_builders import Doc, FakeLeaders, person, write

DAY = date(2031, 4, 9)
VLD = ("Valdorian forces", "VLDMIL", "VLD", "MIL")
ORN = ("Ornesian posts", "ORN", "ORN", None)
KRT = ("Kartesia", "KRT", "KRT", None)
VARN = person("tomas-varn", "Tomas Varn", "ORN", valid_from=date(2025, 1, 1),
              valid_to=DAY)
KB = FakeLeaders({"ORN": [VARN]})


def report(n: int, published: date) -> Doc:
    """Story ``n``: the shelling, a condemnation of it and the fall of Ornesia's leader,
    worded its own way."""
    doc = Doc(published, [
        f"Valdorian forces shelled Ornesian posts near Tarvik, report {n} said.",
        f"Kartesia condemned the attack on Ornesia in statement {n}.",
        f"Ornesian president Tomas Varn was overthrown, source {n} added.",
        "Valdoria has long been Ornesia's ally.",
    ])
    doc.event(0, "190", VLD, ORN, trigger="shelled", when=DAY)
    doc.event(1, "111", KRT, ("Ornesia", "ORN", "ORN", None), trigger="condemned", when=DAY)
    doc.mention(2, "Tomas Varn", VARN)
    doc.event(2, "180", None, ("Ornesian president Tomas Varn", "ORNGOV", "ORN", "GOV"),
              trigger="overthrown", when=DAY)
    doc.relation(3, "alliance_claim", ("VLD", "ORN"))
    return doc


@pytest.fixture(scope="module")
def store() -> Iterator[Store]:
    with Store(":memory:") as s:
        write(s, report(1, DAY), report(2, DAY + timedelta(days=1)))
        assert merge_counts(s)["mentions"] == 6 and merge_counts(s)["events"] == 3
        yield s


def _texts(items: object) -> set[str]:
    return {e["text"] for e in items}  # type: ignore[attr-defined, index]


def _both(texts: set[str], word: str) -> bool:
    return sum(word in t for t in texts) == 2


@pytest.mark.parametrize(("mentions", "count"), [(False, 1), (True, 2)])
def test_dyad_lists_the_merged_event_once_with_both_sentences(
        store: Store, mentions: bool, count: int) -> None:
    from realpolitik.analysis.dyad import dyad

    answer = dyad(store, "VLD", "ORN", mentions=mentions).to_json()
    (row,) = answer["rows"]
    assert row["events"] == count
    assert _both(_texts(row["evidence"]), "shelled")


@pytest.mark.parametrize(("mentions", "count"), [(False, 1), (True, 2)])
def test_profile_counts_and_lists_merged_events(store: Store, mentions: bool,
                                                count: int) -> None:
    from realpolitik.analysis.profile import profile

    answer = profile(store, "VLD", DAY + timedelta(days=5), mentions=mentions)
    assert answer.activity["as_source"]["events"] == count
    assert len(answer.recent_events) == count


@pytest.mark.parametrize(("mentions", "count"), [(False, 1), (True, 2)])
def test_timeline_lists_merged_events_once(store: Store, mentions: bool, count: int) -> None:
    from realpolitik.analysis.timeline import timeline

    answer = timeline(store, "VLD", "ORN", kinds=("event",), mentions=mentions)
    assert len(answer.entries) == count


@pytest.mark.parametrize(("mentions", "count"), [(False, 1), (True, 2)])
def test_network_weighs_merged_events_once(store: Store, mentions: bool, count: int) -> None:
    from realpolitik.analysis.network import build_network

    network = build_network(store, kinds="conflict", mentions=mentions)
    (edge,) = [e for e in network.edges if (e.source, e.target) == ("VLD", "ORN")]
    assert edge.count == count


@pytest.mark.parametrize(("mentions", "count"), [(False, 1), (True, 2)])
def test_responses_list_the_attack_and_reaction_once_with_all_evidence(
        store: Store, mentions: bool, count: int) -> None:
    from realpolitik.analysis.responses import responses

    answer = responses(store, attack_on="ORN", mentions=mentions).to_json()
    attacks = [a for a in answer["attacks"] if a["code"] == "190"]
    assert len(attacks) == count
    if not mentions:
        assert attacks[0]["num_mentions"] == 2
        assert _both(_texts(attacks[0]["reports"]), "shelled")
    (kartesia,) = [r for r in answer["rows"] if r["country"] == "KRT"]
    condemned = [r for r in kartesia["reactions"] if r["category"] == "condemned"]
    # the reaction to the attack, once per attack listed
    assert len(condemned) == count
    assert {r["attack_id"] for r in condemned} <= {a["event_id"] for a in answer["attacks"]}
    assert _both(_texts(kartesia["evidence"]), "condemned")


def test_responses_to_one_report_gather_the_other_stories(store: Store) -> None:
    from realpolitik.analysis.responses import responses

    (later,) = [r[0] for r in store.query(
        "SELECT id FROM events WHERE code = '190' AND id <> cluster_id")]
    answer = responses(store, event_id=later).to_json()
    assert len(answer["attacks"]) == 1 and answer["attacks"][0]["num_mentions"] == 2
    assert len(responses(store, event_id=later, mentions=True).to_json()["attacks"]) == 1


def test_allies_lost_lists_the_removal_once_with_every_report(store: Store) -> None:
    from realpolitik.analysis.allies import allies_lost

    answer = allies_lost(store, "VLD", "1y", DAY + timedelta(days=30), kb=KB).to_json()
    (row,) = answer["rows"]
    assert row["country"] == "ORN"
    assert _both(_texts(row["evidence"]), "overthrown")


@pytest.mark.parametrize(("mentions", "count"), [(False, 1), (True, 2)])
def test_explorer_pages_merged_events(store: Store, mentions: bool, count: int) -> None:
    from realpolitik.analysis.explore import EventQuery, explore_events

    page = explore_events(store, EventQuery(code="19", mentions=mentions))
    assert page.total == len(page.rows) == count
    assert {r["num_mentions"] for r in page.rows} == {2}
