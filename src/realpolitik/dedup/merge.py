"""Applying the merge rule to a store: on every write (incremental) and on rebuild.

Incremental merging looks candidates up through the ``events_dedup`` index on
``dedup_key`` (``root|source|target|day``, the day a mention's interval starts): the keys
of every start day a compatible mention could have (its interval at most ``max_span`` days,
within the rule's slack of the new one's), then again from every mention found, until the chain of
neighbouring days closes. The rule then regroups that closed set, which holds every mention
the new ones could interact with, so the result equals a rebuild over the whole store and
never depends on ingest order. The cost grows with the batch and with how many mentions
share its keys, not with the size of the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from typing import TYPE_CHECKING

from realpolitik.config import DedupRule
from realpolitik.dedup.rule import REPORT_COLUMNS, Report, candidate_keys, clusters
from realpolitik.store.schema import DEDUP_KEY_SQL

if TYPE_CHECKING:
    from realpolitik.store.db import Store

#: keys per index lookup (one placeholder each: an IN list of placeholders uses the index)
_CHUNK = 512
_SELECT = ", ".join(REPORT_COLUMNS)

Progress = Callable[[int, int], None]


def _lookup(store: Store, keys: list[str]) -> list[Report]:
    found: list[Report] = []
    for at in range(0, len(keys), _CHUNK):
        chunk = keys[at:at + _CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = store.con.execute(
            f"SELECT {_SELECT} FROM events WHERE dedup_key IN ({marks})", chunk).fetchall()
        found.extend(Report.of(r) for r in rows)
    return found


def merge_new(store: Store, new: Iterable[tuple[str | None, date | None]],
              rule: DedupRule) -> int:
    """Merge just-written mentions (given by their ``dedup_key`` and interval end) with
    the stored ones, in the caller's transaction; returns how many mentions changed
    merged event."""
    if not rule.enabled:
        return 0
    pending = {k for key, end in new if key for k in candidate_keys(key, end, rule)}
    asked: set[str] = set()
    pool: dict[str, Report] = {}
    while pending:
        keys = sorted(pending)
        asked.update(keys)
        pending = set()
        for report in _lookup(store, keys):
            if report.id in pool or not report.eligible:
                continue
            pool[report.id] = report
            if report.eligible_by(rule):
                pending.update(k for k in candidate_keys(report.key, report.date_end, rule)
                               if k not in asked)
    return _write(store, pool.values(), rule)


def _write(store: Store, reports: Iterable[Report], rule: DedupRule) -> int:
    """Store the rule's grouping of ``reports``; only changed mentions are written."""
    import pyarrow as pa

    reports = list(reports)
    grouped = clusters(reports, rule)
    changed = [(r.id, grouped[r.id]) for r in reports if grouped[r.id] != r.cluster_id]
    if not changed:
        return 0
    table = pa.table({"id": [c[0] for c in changed], "cluster_id": [c[1] for c in changed]})
    store.con.register("_dedup_changes", table)
    try:
        store.con.execute("UPDATE events SET cluster_id = c.cluster_id, "
                          "duplicate = c.cluster_id <> events.id FROM _dedup_changes c "
                          "WHERE events.id = c.id")
    finally:
        store.con.unregister("_dedup_changes")
    return len(changed)


def rebuild(store: Store, rule: DedupRule, on_progress: Progress | None = None) -> int:
    """Recompute every merge from the stored mentions, in one transaction (so a changed
    rule loses nothing: mentions are never deleted); returns how many changed."""
    with store.transaction():
        store.con.execute(f"UPDATE events SET dedup_key = {DEDUP_KEY_SQL}")
        total = int(store.con.execute("SELECT count(*) FROM events").fetchone()[0])  # type: ignore[index]
        result = store.con.execute(f"SELECT {_SELECT} FROM events ORDER BY dedup_key")
        reports: list[Report] = []
        while True:
            rows = result.fetchmany(50_000)
            if not rows:
                break
            reports.extend(Report.of(r) for r in rows)
            if on_progress:
                on_progress(len(reports) // 2, total)
        changed = _write(store, reports, rule)
        if on_progress:
            on_progress(total, total)
    return changed


def merge_counts(store: Store) -> dict[str, int]:
    """Mentions, merged events, and merged events reported more than once."""
    row = store.query(
        "SELECT count(*), count(DISTINCT cluster_id) FROM events")[0]
    multi = store.query(
        "SELECT count(*) FROM merged_events WHERE num_mentions > 1")[0][0]
    cross = store.query(
        "SELECT count(*) FROM merged_events WHERE num_articles > 1")[0][0]
    return {"mentions": int(row[0]), "events": int(row[1]), "merged": int(multi),
            "cross_document": int(cross)}
