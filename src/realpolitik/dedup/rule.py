"""The merge rule as code: which mentions are one happening, and how mentions group.

Everything tunable is a field of :class:`realpolitik.config.DedupRule`; nothing here is a
setting. Kept free of heavy imports: :mod:`realpolitik.store.rows` computes keys with it.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from realpolitik.config import HAPPENED, DedupRule

#: the event columns the rule reads, in :class:`Report` field order
REPORT_COLUMNS = (
    "id", "document_id", "pub_date", "date_start", "date_end", "date_precision", "code",
    "root", "coalesce(source_country, source_actor, '-')",
    "coalesce(target_country, target_actor, '-')",
    "source_role", "target_role", "polarity", "modality", "place_country", "place_feature",
    "place_lat", "place_lon", "cluster_id",
)
#: places that are a whole country or province: compared by country only
_AREAS = ("country", "adm1")
_LAST = date.max
#: the key's and the rule's mark of an unknown side
UNKNOWN = "-"


def dedup_key(root: str | None, source_country: str | None, source_actor: str | None,
              target_country: str | None, target_actor: str | None,
              start: date | None) -> str | None:
    """``root|source|target|day``: the indexed column through which merge candidates are
    found (the same as ``realpolitik.store.schema.DEDUP_KEY_SQL``); an unknown side is
    ``-``; None without root, date or any side, and such an event never merges."""
    source = source_country or source_actor or UNKNOWN
    target = target_country or target_actor or UNKNOWN
    if not root or not start or source == target == UNKNOWN:
        return None
    return f"{root}|{source}|{target}|{start.isoformat()}"


def candidate_keys(key: str, end: date | None, rule: DedupRule) -> list[str]:
    """The keys under which a mention of key ``key`` (its start day) and interval end
    ``end`` may find every stored mention it could merge with: a mention's key holds its
    start, its interval is at most ``rule.max_span`` days, so a match starts between
    ``start - day_slack - max_span`` and ``end + day_slack``; none for an interval longer
    than ``max_span``, which never merges."""
    base, _, day = key.rpartition("|")
    start = date.fromisoformat(day)
    if end is not None and (end - start).days > rule.max_span:
        return []  # an interval too long to merge (a month, a year): nothing to find
    first = start - timedelta(days=rule.day_slack + rule.max_span)
    last = max(end or start, start) + timedelta(days=rule.day_slack)
    return [f"{base}|{(first + timedelta(days=k)).isoformat()}"
            for k in range((last - first).days + 1)]


@dataclass(frozen=True, slots=True)
class Report:
    """One event mention as the rule sees it."""

    id: str
    document_id: str
    pub_date: date | None
    date_start: date | None
    date_end: date | None
    date_precision: str | None
    code: str | None
    root: str | None
    source: str | None
    target: str | None
    source_role: str | None
    target_role: str | None
    polarity: str | None
    modality: str | None
    place_country: str | None = None
    place_feature: str | None = None
    place_lat: float | None = None
    place_lon: float | None = None
    #: the merged event it belongs to now (None: not yet stored)
    cluster_id: str | None = None

    @classmethod
    def of(cls, row: Sequence[Any]) -> Report:
        return cls(*row)

    @property
    def eligible(self) -> bool:
        """Dated to the day, with a root and a side known: it may merge."""
        return (self.date_precision == "day" and self.date_start is not None
                and self.root is not None and self.source is not None
                and self.target is not None and not self.source == self.target == UNKNOWN)

    def eligible_by(self, rule: DedupRule) -> bool:
        if not self.eligible or self.span > rule.max_span:
            return False
        if UNKNOWN not in (self.source, self.target):
            return True
        if not rule.one_sided:
            return False
        return self.root not in rule.one_sided_exclude or (
            rule.one_sided_specific and self.specific)

    @property
    def specific(self) -> bool:
        """A code below its root other than the root's catch-all ("make pessimistic
        comment" 012, not "make statement" 010)."""
        code = self.code or ""
        return len(code) >= 3 and code.startswith(self.root or "-") and not code.endswith("0")

    def excluded_one_sided(self, rule: DedupRule) -> bool:
        """One-sided and of an excluded root: it merges only with the same specific code."""
        return UNKNOWN in (self.source, self.target) and self.root in rule.one_sided_exclude

    @property
    def span(self) -> int:
        """Days from the start of the dated interval to its end (0: one day)."""
        if self.date_start is None or self.date_end is None:
            return 0
        return (self.date_end - self.date_start).days

    @property
    def key(self) -> str:
        """Its ``dedup_key`` (only for an eligible report)."""
        assert self.date_start is not None
        return f"{'|'.join(str(p) for p in self.base)}|{self.date_start.isoformat()}"

    @property
    def base(self) -> tuple[str | None, str | None, str | None]:
        return (self.root, self.source, self.target)

    @property
    def order(self) -> tuple[date, date, str]:
        """Date of the happening, then of its first report, then id: the greedy order."""
        return (self.date_start or _LAST, self.pub_date or _LAST, self.id)

    @property
    def seniority(self) -> tuple[date, str]:
        """Earliest report first: the merged event's id is its most senior mention's."""
        return (self.pub_date or _LAST, self.id)


def _roles_fit(a: str | None, b: str | None) -> bool:
    return a is None or b is None or a == b


def _codes_fit(a: Report, b: Report, rule: DedupRule) -> bool:
    if a.root != b.root:
        return False
    if rule.codes == "root":
        return True
    ca, cb = a.code or "", b.code or ""
    return ca.startswith(cb) or cb.startswith(ca)


def _modal_class(modality: str | None) -> str:
    return "happened" if modality in HAPPENED or modality is None else modality


def km_between(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine, Earth radius 6371 km)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371 * math.asin(min(1.0, math.sqrt(h)))


def _places_fit(a: Report, b: Report, rule: DedupRule) -> bool:
    if a.place_country is None or b.place_country is None:
        return True  # a place known on one side only never splits an event
    if a.place_country != b.place_country:
        return False
    if a.place_feature in _AREAS or b.place_feature in _AREAS:
        return True
    if None in (a.place_lat, a.place_lon, b.place_lat, b.place_lon):
        return True
    return km_between(a.place_lat, a.place_lon, b.place_lat, b.place_lon  # type: ignore[arg-type]
                      ) <= rule.place_km


def compatible(a: Report, b: Report, rule: DedupRule) -> bool:
    """Whether two mentions may report one happening (symmetric)."""
    if not (a.eligible_by(rule) and b.eligible_by(rule)):
        return False
    if not rule.same_document and a.document_id == b.document_id:
        return False
    assert a.date_start and b.date_start
    a_end, b_end = a.date_end or a.date_start, b.date_end or b.date_start
    slack = timedelta(days=rule.day_slack)
    if a.date_start > b_end + slack or b.date_start > a_end + slack:
        return False
    if a.source != b.source or a.target != b.target or not _codes_fit(a, b, rule):
        return False
    if a.excluded_one_sided(rule) and a.code != b.code:
        return False
    if rule.roles and not (_roles_fit(a.source_role, b.source_role)
                           and _roles_fit(a.target_role, b.target_role)):
        return False
    if a.polarity != b.polarity or _modal_class(a.modality) != _modal_class(b.modality):
        return False
    return _places_fit(a, b, rule)


def clusters(reports: Iterable[Report], rule: DedupRule) -> dict[str, str]:
    """Each report's merged event id.

    Reports are taken in (date, first report, id) order; each joins the first merged event
    all of whose mentions it is :func:`compatible` with, else starts one. A merged event's
    id is the id of its earliest report. The answer depends on the set of reports alone.
    """
    by_base: dict[tuple[str | None, ...], list[Report]] = defaultdict(list)
    out: dict[str, str] = {}
    for r in reports:
        if rule.enabled and r.eligible_by(rule):
            by_base[r.base].append(r)
        else:
            out[r.id] = r.id
    slack = timedelta(days=rule.day_slack)
    for group in by_base.values():
        group.sort(key=lambda r: r.order)
        done: list[list[Report]] = []
        open_: list[tuple[date, list[Report]]] = []  # (latest date, mentions)
        for r in group:
            assert r.date_start is not None
            # merged events that this (and so every later) report cannot reach are done
            reach = r.date_start - slack
            done.extend(m for latest, m in open_ if latest < reach)
            open_ = [(latest, m) for latest, m in open_ if latest >= reach]
            end = r.date_end or r.date_start
            for at, (latest, members) in enumerate(open_):
                if all(compatible(r, m, rule) for m in members):
                    members.append(r)
                    open_[at] = (max(latest, end), members)
                    break
            else:
                open_.append((end, [r]))
        done.extend(m for _, m in open_)
        for members in done:
            head = min(members, key=lambda m: m.seniority).id
            for m in members:
                out[m.id] = head
    return out
