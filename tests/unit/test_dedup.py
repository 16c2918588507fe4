"""The merge rule (issue #15, "one event, many stories") and its application by the store."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from realpolitik.analysis.events import cluster_evidence
from realpolitik.config import Config, DedupRule
from realpolitik.dedup.merge import merge_counts, rebuild
from realpolitik.dedup.rule import Report, candidate_keys, clusters, compatible, dedup_key
from realpolitik.errors import ConfigError
from realpolitik.model import DocumentAnalysis
from realpolitik.store import Store
from tests.unit.analysis_builders import Doc

DAY = date(2031, 4, 9)
BASE = Report(id="a", document_id="d1", pub_date=DAY, date_start=DAY, date_end=DAY,
              date_precision="day", code="190", root="19", source="VLD", target="ORN",
              source_role="MIL", target_role=None, polarity="asserted", modality="actual")
RULE = DedupRule()


def other(**changes: object) -> Report:
    fields: dict[str, object] = {"id": "b", "document_id": "d2", **changes}
    return replace(BASE, **fields)  # type: ignore[arg-type]


@pytest.mark.parametrize(("changes", "merges"), [
    ({}, True),
    ({"date_start": DAY + timedelta(days=1), "date_end": DAY + timedelta(days=1)}, True),
    ({"date_start": DAY - timedelta(days=1), "date_end": DAY - timedelta(days=1)}, True),
    ({"date_start": DAY + timedelta(days=2), "date_end": DAY + timedelta(days=2)}, False),
    ({"date_precision": "month"}, False),
    ({"code": "193"}, True),                       # same root
    ({"code": "183", "root": "18"}, False),        # another root
    ({"target": "VLD", "source": "ORN"}, False),   # roles of the countries swapped
    ({"target": "KRT"}, False),
    ({"source_role": None}, True),                 # an unknown role fits any
    ({"source_role": "GOV"}, False),
    ({"target_role": "GOV"}, True),
    ({"polarity": "negated"}, False),
    ({"modality": "reported"}, True),              # actual and reported both happened
    ({"modality": "future"}, False),
    ({"source": None}, False),
    ({"source": "-"}, False),                      # unknown on one side only
    ({"date_start": None, "date_end": None}, False),
    ({"document_id": "d1"}, True),                 # twice in one story: one happening
    # "last week": an interval holding the other's day merges, one far before does not
    ({"date_start": DAY - timedelta(days=6), "date_end": DAY}, True),
    ({"date_start": DAY - timedelta(days=9), "date_end": DAY - timedelta(days=3)}, False),
    ({"date_start": DAY - timedelta(days=20), "date_end": DAY}, False),  # over max_span
])
def test_rule_pairs(changes: dict[str, object], merges: bool) -> None:
    b = other(**changes)
    assert compatible(BASE, b, RULE) is merges
    assert compatible(b, BASE, RULE) is merges


@pytest.mark.parametrize(("a_place", "b_place", "merges"), [
    (None, ("VLD", "city", 10.0, 20.0), True),                      # known on one side only
    (("VLD", "country", None, None), ("VLD", "city", 10.0, 20.0), True),
    (("VLD", "city", 10.0, 20.0), ("VLD", "city", 10.3, 20.3), True),   # ~47 km apart
    (("VLD", "city", 10.0, 20.0), ("VLD", "city", 12.0, 22.0), False),  # ~310 km apart
    (("VLD", "city", 10.0, 20.0), ("ORN", "city", 10.0, 20.0), False),
])
def test_rule_places(a_place: tuple[object, ...] | None, b_place: tuple[object, ...],
                     merges: bool) -> None:
    def placed(r: Report, p: tuple[object, ...] | None) -> Report:
        if p is None:
            return r
        return replace(r, place_country=p[0], place_feature=p[1], place_lat=p[2],
                       place_lon=p[3])  # type: ignore[arg-type]
    assert compatible(placed(BASE, a_place), placed(other(), b_place), RULE) is merges


@pytest.mark.parametrize(("rule", "code", "merges"), [
    (DedupRule(codes="lineage"), "19", True),
    (DedupRule(codes="lineage"), "1901", True),
    (DedupRule(codes="lineage"), "193", False),
    (DedupRule(day_slack=0), "190", True),
    (DedupRule(same_document=False), "190", True),
])
def test_rule_settings(rule: DedupRule, code: str, merges: bool) -> None:
    assert compatible(BASE, other(code=code), rule) is merges


def test_one_sided_reports() -> None:
    """"Valdoria said ..." twice, no target: one statement, unless the rule wants both."""
    a, b = replace(BASE, target="-"), other(target="-")
    assert compatible(a, b, RULE)
    assert not compatible(a, b, DedupRule(one_sided=False))


def test_rule_settings_dates_and_documents() -> None:
    later = DAY + timedelta(days=1)
    assert not compatible(BASE, other(date_start=later, date_end=later), DedupRule(day_slack=0))
    assert not compatible(BASE, other(document_id="d1"), DedupRule(same_document=False))


def test_rule_is_config() -> None:
    assert Config().dedup == DedupRule()
    with pytest.raises(ConfigError):
        DedupRule(codes="anything")
    with pytest.raises(ConfigError):
        DedupRule(day_slack=-1)


def test_clusters_never_chain_beyond_the_slack() -> None:
    """Reports on days 0, 1, 2: the third is two days from the first, so it starts anew."""
    days = [replace(BASE, id=f"r{i}", document_id=f"d{i}", date_start=DAY + timedelta(i),
                    date_end=DAY + timedelta(i), pub_date=DAY + timedelta(i))
            for i in range(3)]
    got = clusters(days, RULE)
    assert got == {"r0": "r0", "r1": "r0", "r2": "r2"}
    assert clusters(list(reversed(days)), RULE) == got


def test_cluster_id_is_the_earliest_report() -> None:
    early = other(id="z-early", pub_date=DAY - timedelta(days=3))
    assert clusters([BASE, early], RULE) == {"a": "z-early", "z-early": "z-early"}


def test_keys() -> None:
    assert dedup_key("19", "VLD", None, None, "IGOUNO", DAY) == "19|VLD|IGOUNO|2031-04-09"
    assert dedup_key("19", None, None, "ORN", None, DAY) == "19|-|ORN|2031-04-09"
    assert dedup_key("19", None, None, None, None, DAY) is None
    assert candidate_keys("19|VLD|ORN|2031-04-09", None, DedupRule(max_span=0)) == [
        "19|VLD|ORN|2031-04-08", "19|VLD|ORN|2031-04-09", "19|VLD|ORN|2031-04-10"]
    # a stored interval of up to max_span days starting before, or this one's own interval
    keys = candidate_keys("19|VLD|ORN|2031-04-09", date(2031, 4, 11), DedupRule(max_span=2))
    assert keys[0] == "19|VLD|ORN|2031-04-06" and keys[-1] == "19|VLD|ORN|2031-04-12"
    assert len(keys) == 7
    assert candidate_keys("19|VLD|ORN|2031-04-01", date(2031, 4, 30), RULE) == []


# -- the store: merging on write, re-runs, rebuild ------------------------------------------

VLD = ("Valdoria", "VLD", "VLD", None)
ORN = ("Ornesia", "ORN", "ORN", None)


def story(n: int, when: date, code: str = "190", source: tuple[str, str, str, None] = VLD,
          target: tuple[str, str, str, None] = ORN, day: date | None = None,
          polarity: str = "asserted", span: int = 0) -> Doc:
    doc = Doc(when, [f"Story {n}: Valdorian forces shelled Ornesian posts near Tarvik.",
                     f"Officials gave toll number {n}."])
    start = day or when
    doc.event(0, code, source, target, trigger="shelled", when=start - timedelta(days=span),
              end=start, polarity=polarity)
    return doc


def grouping(store: Store) -> dict[str, str]:
    rows = store.query("SELECT id, cluster_id, duplicate FROM events")
    # the narrow flag the queries read mirrors the grouping after every write and rebuild
    assert all(duplicate == (cluster != event) for event, cluster, duplicate in rows), rows
    return {event: cluster for event, cluster, _ in rows}


def test_cluster_evidence_lists_every_report_of_merged_events_only() -> None:
    with Store(":memory:") as store:
        store.write_batch([story(2, DAY + timedelta(days=1)).analysis()])
        store.write_batch([story(1, DAY).analysis(), story(3, DAY, code="042").analysis()])
        rows = store.query_dicts("SELECT id, cluster_id, root, pub_date FROM events")
        merged = {r["cluster_id"] for r in rows if r["root"] == "19"}
        alone = {r["cluster_id"] for r in rows if r["root"] == "04"}
        assert len(merged) == 1 and len(alone) == 1
        found = cluster_evidence(store, [*merged, *alone, None], "event")
        assert set(found) == merged  # an event reported once: its caller holds its sentence
        texts = [e.text for e in found[next(iter(merged))]]
        # every report, earliest first: the own mention (day 0) was written after the other
        assert len(texts) == 2 and texts[0].startswith("Story 1") \
            and texts[1].startswith("Story 2"), texts


def test_store_merges_across_batches_and_rebuild_agrees() -> None:
    with Store(":memory:") as store:
        store.write_batch([story(1, DAY).analysis()])
        store.write_batch([story(2, DAY + timedelta(days=1)).analysis(),
                           story(3, DAY, code="042").analysis()])
        counts = merge_counts(store)
        assert counts["mentions"] == 3 and counts["events"] == 2
        row = store.query_dicts("SELECT * FROM merged_events WHERE num_mentions = 2")[0]
        assert (row["num_articles"], row["num_sources"], row["first_seen"]) == (2, 2, DAY)
        before = grouping(store)
        assert store.write_batch([story(1, DAY).analysis()]) == 0  # a re-run: no change
        assert grouping(store) == before
        assert rebuild(store, RULE) == 0
        assert grouping(store) == before
        # another rule regroups from the same mentions, and the default brings it back
        assert rebuild(store, DedupRule(day_slack=0)) == 1
        assert merge_counts(store)["events"] == 3
        rebuild(store, RULE)
        assert grouping(store) == before


def test_store_without_dedup_keeps_every_mention_apart() -> None:
    with Store(":memory:", dedup=DedupRule(enabled=False)) as store:
        store.write_batch([story(1, DAY).analysis(), story(2, DAY).analysis()])
        assert merge_counts(store)["events"] == 2


def test_a_later_story_bridging_two_events_regroups_them() -> None:
    """Days 0 and 2 stand apart until a day-1 report arrives; the order of arrival does
    not change the final grouping (it is the rebuild's)."""
    stories = [story(i, DAY + timedelta(days=i)) for i in (0, 2, 1)]
    with Store(":memory:") as first, Store(":memory:") as second:
        for s in stories:
            first.write_batch([s.analysis()])
        for s in reversed(stories):
            second.write_batch([s.analysis()])
        assert grouping(first) == grouping(second)
        rebuild(first, RULE)
        assert grouping(first) == grouping(second)


_stories = st.lists(
    st.tuples(st.integers(0, 12), st.sampled_from(["190", "193", "042"]),
              st.sampled_from([VLD, ORN]), st.booleans(), st.sampled_from([0, 0, 1, 6])),
    min_size=1, max_size=7)


@settings(max_examples=25, deadline=None)
@given(_stories, st.randoms(use_true_random=False), st.integers(1, 3))
def test_merging_is_order_independent_and_idempotent(
        specs: list[tuple[int, str, tuple[str, str, str, None], bool, int]], rnd: object,
        batch: int) -> None:
    docs = [story(n, DAY + timedelta(days=offset), code=code, source=src,
                  target=ORN if src is VLD else VLD,
                  polarity="negated" if negated else "asserted", span=span)
            for n, (offset, code, src, negated, span) in enumerate(specs)]
    shuffled = list(docs)
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    with Store(":memory:") as a, Store(":memory:") as b:
        a.write_batch([d.analysis() for d in docs])
        for at in range(0, len(shuffled), batch):
            b.write_batch([d.analysis() for d in shuffled[at:at + batch]])
        b.write_batch([d.analysis() for d in docs])  # everything again: no change
        assert grouping(a) == grouping(b)
        rebuild(b, RULE)
        assert grouping(a) == grouping(b)
        # rows merged outside a store, one group per merge key (the Spark job's way), agree
        assert rows_grouping([d.analysis() for d in reversed(docs)]) == grouping(a)


def rows_grouping(analyses: list[DocumentAnalysis]) -> dict[str, str]:
    from collections import defaultdict

    from realpolitik.dedup.rows import merge_key, merge_rows
    from realpolitik.store.rows import RowBatch, column_names

    groups: dict[object, list[tuple[object, ...]]] = defaultdict(list)
    alone: list[tuple[object, ...]] = []
    for row in RowBatch.of(analyses).tables["events"]:
        key = merge_key(row, RULE)
        (alone if key is None else groups[key]).append(row)
    rows = alone + [r for group in groups.values() for r in merge_rows(group, RULE)]
    at = column_names("events").index("cluster_id")
    return {str(r[0]): str(r[at]) for r in rows}


@pytest.mark.parametrize(("mentions", "expected"), [(False, 1), (True, 2)])
def test_dyad_and_events_count_merged_events(mentions: bool, expected: int) -> None:
    from realpolitik.analysis.dyad import dyad
    from realpolitik.analysis.events import EventFilter, count_events, find_events

    with Store(":memory:") as store:
        store.write_batch([story(1, DAY).analysis(), story(2, DAY).analysis()])
        answer = dyad(store, "VLD", "ORN", mentions=mentions)
        assert sum(r.events for r in answer.rows) == expected
        flt = EventFilter(mentions=mentions)
        assert count_events(store, flt) == expected
        rows = find_events(store, flt)
        assert len(rows) == expected
        assert {r["num_mentions"] for r in rows} == {2}


@pytest.mark.parametrize(("documents", "predicted"), [
    ({"s1": "d1", "s2": "d1"}, 1),   # one text filed twice: one stored document
    ({"s1": "d1", "s2": "d2"}, 0),   # two documents whose leads share no merged event
    ({"s1": "d1"}, 0),               # a story not stored
])
def test_pairs_of_one_stored_document_are_the_same(documents: dict[str, str],
                                                   predicted: int) -> None:
    from realpolitik.dedup.evaluate import GoldPair, score_pairs

    with Store(":memory:") as store:
        result = score_pairs(store, [GoldPair("p", "s1", "s2", True, "dev")],
                             documents=documents)
    assert result["pairs"]["predicted"] == predicted
    assert result["same_document"] == (1 if predicted else 0)


@pytest.mark.parametrize(("code_a", "code_b", "rule", "merges"), [
    ("012", "012", RULE, True),      # one specific statement ("expressed grave concern")
    ("010", "010", RULE, False),     # "said": many things a day
    ("012", "013", RULE, False),     # two kinds of statement
    ("020", "020", RULE, False),
    ("023", "023", RULE, True),
    ("012", "012", DedupRule(one_sided_specific=False), False),
])
def test_one_sided_statements_merge_only_on_one_specific_code(
        code_a: str, code_b: str, rule: DedupRule, merges: bool) -> None:
    a = replace(BASE, code=code_a, root=code_a[:2], target="-", target_role=None)
    b = replace(a, id="b", document_id="d2", code=code_b)
    assert compatible(a, b, rule) is merges
    assert compatible(b, a, rule) is merges


# -- scoring pairs: the lead is the opening paragraph ------------------------------------

LEAD = ("Valdorian and Ornesian negotiators signed a border accord in Tarvik after two days "
        "of talks.")


def paragraphs(when: date, *paras: str) -> DocumentAnalysis:
    """A story of one sentence per paragraph, the opening one first."""
    analysis = Doc(when, list(paras)).analysis()
    analysis.parsed.sentences = [replace(s, paragraph=s.index)
                                 for s in analysis.parsed.sentences]
    return analysis


def score_two(a: DocumentAnalysis, b: DocumentAnalysis) -> dict[str, object]:
    from realpolitik.dedup.evaluate import GoldPair, score_pairs

    with Store(":memory:") as store:
        store.write_batch([a, b])
        return score_pairs(store, [GoldPair("p", "s1", "s2", True, "dev")],
                           documents={"s1": a.parsed.document.id, "s2": b.parsed.document.id})


@pytest.mark.parametrize(("lead_b", "days", "same"), [
    (LEAD, 1, True),                      # an update that keeps the wire lead
    (LEAD, 0, True),
    (LEAD, 3, False),                     # the same words days later: another filing
    (LEAD.replace("two", "three"), 0, False),
])
def test_stories_of_one_wire_lead_are_one_report(lead_b: str, days: int, same: bool) -> None:
    a = paragraphs(DAY, LEAD, "Officials said the text would be published on Friday.")
    b = paragraphs(DAY + timedelta(days=days), lead_b, "Markets in Tarvik were closed.")
    result = score_two(a, b)
    assert result["same_lead"] == int(same)
    assert result["pairs"]["predicted"] == int(same)  # type: ignore[index]


def test_a_table_line_shared_by_two_stories_is_not_one_lead() -> None:
    """Earnings items open with "Shr 12 cts vs 9 cts": many companies, one line."""
    a = paragraphs(DAY, "Shr 12 cts vs 9 cts", "Net 4.1 mln vs 3.2 mln")
    b = paragraphs(DAY, "Shr 12 cts vs 9 cts", "Revs 80.2 mln vs 71.5 mln")
    assert score_two(a, b)["same_lead"] == 0


@pytest.mark.parametrize(("paragraph", "predicted"), [(0, 1), (1, 0)])
def test_only_events_of_the_opening_paragraph_are_lead_events(paragraph: int,
                                                              predicted: int) -> None:
    """One shelling merged across two stories counts only when both leads report it
    (paragraph 0: the shelling is in the opening paragraph; 1: in the second)."""
    def shelling(n: int) -> DocumentAnalysis:
        doc = Doc(DAY, [f"Story {n} opens with a market report from the Tarvik exchange.",
                        "Valdorian forces shelled Ornesian posts near Tarvik."])
        doc.event(1, "190", VLD, ORN, trigger="shelled", when=DAY)
        analysis = doc.analysis()
        analysis.parsed.sentences = [replace(s, paragraph=min(s.index, paragraph))
                                     for s in analysis.parsed.sentences]
        return analysis
    result = score_two(shelling(1), shelling(2))
    assert result["pairs"]["predicted"] == predicted  # type: ignore[index]
    assert result["same_lead"] == 0


@pytest.mark.parametrize("mentions", [False, True])
def test_events_listed_in_steps_equal_the_one_query(mentions: bool,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """find_events with a limit reads row ids first, every mention of the listed merged
    events through the duplicate flag and the primary key, then the rows: the same rows
    and counts as the one query over every match, also where a merged event's own mention
    misses the filter its other report meets."""
    import realpolitik.analysis.events as events
    from realpolitik.analysis.events import EventFilter, find_events

    with Store(":memory:") as store:
        store.write_batch([story(2, DAY + timedelta(days=1)).analysis(),
                           story(4, DAY + timedelta(days=9)).analysis()])
        store.write_batch([story(1, DAY).analysis(), story(3, DAY, code="042").analysis(),
                           story(5, DAY + timedelta(days=10)).analysis()])
        merged = store.query("SELECT cluster_id FROM events WHERE duplicate")
        assert len(merged) == 2
        # the first merged event's own mention no longer meets code 190; its report does
        store.con.execute("UPDATE events SET code = '193' WHERE id = ?", [merged[0][0]])
        filters = [EventFilter(limit=n, mentions=mentions) for n in (1, 2, 3, 10)] + [
            EventFilter(code=code, limit=n, mentions=mentions)
            for code in ("190", "19", "042", "11") for n in (1, 10)]
        stepped = [find_events(store, flt) for flt in filters]
        monkeypatch.setattr(events, "LATE_LIMIT", 0)
        assert stepped == [find_events(store, flt) for flt in filters]
        listed = stepped[filters.index(EventFilter(code="190", limit=10, mentions=mentions))]
        assert {r["num_mentions"] for r in listed} == {2}
        assert any(r["id"] != r["cluster_id"] for r in listed)
