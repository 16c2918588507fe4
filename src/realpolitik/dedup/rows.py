"""The merge rule over event rows outside a store (the Spark job's output).

The rule only ever merges mentions of one *base* (root, source, target: see
:attr:`~realpolitik.dedup.rule.Report.base`), and :func:`~realpolitik.dedup.rule.clusters`
depends on the set of mentions alone. So rows can be grouped by :func:`merge_key`
anywhere (a Spark ``groupByKey``, one group per executor task), each group merged by
:func:`merge_rows`, and the result is the cluster assignment ``ingest`` (or
``dedup --rebuild``) gives the same mentions in a store.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from realpolitik.config import DedupRule
from realpolitik.dedup.rule import UNKNOWN, Report, clusters
from realpolitik.store.rows import column_names

_AT = {name: i for i, name in enumerate(column_names("events"))}
_CLUSTER = _AT["cluster_id"]

Row = tuple[Any, ...]


def _side(row: Sequence[Any], side: str) -> str:
    # the store's coalesce(country, actor, '-'): only None falls through
    for value in (row[_AT[f"{side}_country"]], row[_AT[f"{side}_actor"]]):
        if value is not None:
            return str(value)
    return UNKNOWN


def report_of_row(row: Sequence[Any]) -> Report:
    """The rule's view of an ``events`` row (columns in ``store.rows.COLUMNS`` order)."""
    def at(name: str) -> Any:
        return row[_AT[name]]

    return Report(
        id=at("id"), document_id=at("document_id"), pub_date=at("pub_date"),
        date_start=at("date_start"), date_end=at("date_end"),
        date_precision=at("date_precision"), code=at("code"), root=at("root"),
        source=_side(row, "source"), target=_side(row, "target"),
        source_role=at("source_role"), target_role=at("target_role"),
        polarity=at("polarity"), modality=at("modality"),
        place_country=at("place_country"), place_feature=at("place_feature"),
        place_lat=at("place_lat"), place_lon=at("place_lon"), cluster_id=at("cluster_id"))


def merge_key(row: Sequence[Any], rule: DedupRule) -> tuple[str | None, ...] | None:
    """The group an ``events`` row may merge within; None: it stays its own event."""
    report = report_of_row(row)
    if not rule.enabled or not report.eligible_by(rule):
        return None
    return report.base


def merge_rows(rows: Sequence[Row], rule: DedupRule) -> list[Row]:
    """``rows`` (events rows of one :func:`merge_key`, or any closed set) with their
    ``cluster_id`` set by the rule."""
    grouped = clusters((report_of_row(r) for r in rows), rule)
    out: list[Row] = []
    for r in rows:
        cluster = grouped[r[_AT["id"]]]
        out.append(r if r[_CLUSTER] == cluster
                   else (*r[:_CLUSTER], cluster, *r[_CLUSTER + 1:]))
    return out
