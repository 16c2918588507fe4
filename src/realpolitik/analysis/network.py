"""network: the ties between actors as a typed, weighted NetworkX graph.

Which store rows become which edge kind (treaty, membership, arms, support, trade, conflict,
hostility, cooperation) is ``data/analysis/network.yaml``. Every edge keeps the sentences it
rests on; GraphML gets the first one and a count (GraphML holds scalars only), JSON all.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from itertools import combinations
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.analysis.events import one_row_per_event
from realpolitik.analysis.evidence import Evidence, evidence_from_row, unique_evidence
from realpolitik.analysis.goldstein import GOLDSTEIN_SUM
from realpolitik.analysis.late import is_table
from realpolitik.analysis.names import country_name
from realpolitik.analysis.plots import draw_network
from realpolitik.analysis.rules import EdgeKind, NetworkRules, default_network_rules
from realpolitik.errors import QueryError
from realpolitik.jsontext import dumps_indented
from realpolitik.model import OBLIGATION_TYPES
from realpolitik.store import Store
from realpolitik.store.clauses import confidence_clause

if TYPE_CHECKING:
    import networkx as nx

OCCURRED = ("actual", "reported")
FORMATS = (".graphml", ".json", ".png")


@dataclass(slots=True)
class NetworkEdge:
    source: str
    target: str
    kind: str
    directed: bool
    #: how many stored rows (events, relations, figures) support the edge
    count: int = 0
    #: sum of Goldstein scores for event edges
    goldstein: float | None = None
    #: the latest figure in USD for trade and arms-sales edges
    value_usd: float | None = None
    first: date | None = None
    last: date | None = None
    names: list[str] = field(default_factory=list)
    obligations: set[str] = field(default_factory=set)
    evidence: list[Evidence] = field(default_factory=list)

    @property
    def weight(self) -> float:
        return float(self.count)

    def add(self, when: date | None, evidence: Evidence, name: str | None = None) -> None:
        self.count += 1
        if when is not None:
            self.first = when if self.first is None else min(self.first, when)
            self.last = when if self.last is None else max(self.last, when)
        if name and name not in self.names:
            self.names.append(name)
        self.evidence.append(evidence)

    def attributes(self) -> dict[str, Any]:
        """Scalar attributes, as GraphML needs them (no None, no lists)."""
        attrs: dict[str, Any] = {"kind": self.kind, "directed": self.directed,
                                 "weight": self.weight, "count": self.count,
                                 "evidence_count": len(self.evidence)}
        if self.goldstein is not None:
            attrs["goldstein"] = round(self.goldstein, 3)
        if self.value_usd is not None:
            attrs["value_usd"] = self.value_usd
        if self.first:
            attrs["first"] = self.first.isoformat()
        if self.last:
            attrs["last"] = self.last.isoformat()
        if self.names:
            attrs["names"] = "; ".join(self.names)
        if self.obligations:
            attrs["obligations"] = ",".join(sorted(self.obligations))
        if self.evidence:
            attrs["evidence"] = self.evidence[0].text
        return attrs

    def to_json(self) -> dict[str, Any]:
        return {
            "source": self.source, "target": self.target, "kind": self.kind,
            "directed": self.directed, "weight": self.weight, "count": self.count,
            "goldstein": None if self.goldstein is None else round(self.goldstein, 3),
            "value_usd": self.value_usd,
            "first": self.first.isoformat() if self.first else None,
            "last": self.last.isoformat() if self.last else None,
            "names": list(self.names), "obligations": sorted(self.obligations),
            "evidence": [e.to_json() for e in self.evidence],
        }


@dataclass(frozen=True, slots=True)
class Network:
    as_of: date | None
    start: date | None
    kinds: tuple[str, ...]
    edges: tuple[NetworkEdge, ...]
    colours: dict[str, str]

    def nodes(self) -> dict[str, dict[str, Any]]:
        out: dict[str, dict[str, Any]] = {}
        for edge in self.edges:
            for code in (edge.source, edge.target):
                if code not in out:
                    name = country_name(code)
                    out[code] = {"label": name or code,
                                 "type": "state" if name else "organisation"}
        return dict(sorted(out.items()))

    def graph(self) -> nx.MultiDiGraph:
        """A multigraph keyed by edge kind; undirected kinds carry ``directed=False``."""
        # imported here: networkx takes a tenth of a second to import, and the JSON
        # output, the web map and the library's edges never need it
        import networkx as nx

        g = nx.MultiDiGraph(as_of=self.as_of.isoformat() if self.as_of else "",
                            kinds=",".join(self.kinds))
        for code, attrs in self.nodes().items():
            g.add_node(code, **attrs)
        for edge in self.edges:
            g.add_edge(edge.source, edge.target, key=edge.kind, **edge.attributes())
        return g

    def to_json(self) -> dict[str, Any]:
        return {
            "query": {"as_of": self.as_of.isoformat() if self.as_of else None,
                      "from": self.start.isoformat() if self.start else None,
                      "kinds": list(self.kinds)},
            "nodes": [{"id": code, **attrs} for code, attrs in self.nodes().items()],
            "edges": [e.to_json() for e in self.edges],
        }


class _Edges:
    """Edges being gathered, one per (kind, source, target)."""

    def __init__(self, max_evidence: int) -> None:
        self.max_evidence = max_evidence
        self.by_key: dict[tuple[str, str, str], NetworkEdge] = {}

    def get(self, kind: EdgeKind, source: str, target: str) -> NetworkEdge:
        if not kind.directed:
            source, target = sorted((source, target))
        key = (kind.name, source, target)
        if key not in self.by_key:
            self.by_key[key] = NetworkEdge(source, target, kind.name, kind.directed)
        return self.by_key[key]

    def done(self) -> tuple[NetworkEdge, ...]:
        for edge in self.by_key.values():
            edge.evidence = list(unique_evidence(edge.evidence, limit=self.max_evidence))
        return tuple(self.by_key[k] for k in sorted(self.by_key))


def parse_kinds(text: str | Iterable[str] | None, rules: NetworkRules) -> tuple[str, ...]:
    """``"treaty,trade"`` or a list of kind names, checked against the rules."""
    if text is None:
        return rules.default
    names = [k.strip() for k in (text.split(",") if isinstance(text, str) else text)]
    names = [k for k in names if k]
    unknown = [k for k in names if k not in rules.kinds]
    if unknown:
        raise QueryError(f"unknown edge kind(s) {', '.join(unknown)}; choose from "
                         f"{', '.join(rules.kinds)}")
    return tuple(dict.fromkeys(names)) or rules.default


def build_network(store: Store, *, as_of: date | None = None, start: date | None = None,
                  kinds: str | Iterable[str] | None = None, rules: NetworkRules | None = None,
                  max_evidence: int = 5, min_confidence: float = 0.0,
                  mentions: bool = False) -> Network:
    """The graph of ties known by ``as_of`` (events from ``start`` on, none below
    ``min_confidence``); an event reported by several stories weighs once unless
    ``mentions``."""
    rules = rules or default_network_rules()
    chosen = parse_kinds(kinds, rules)
    edges = _Edges(max_evidence)
    for name in chosen:
        kind = rules.kinds[name]
        if kind.relations:
            _add_relations(store, kind, as_of, edges)
        if kind.quantities:
            _add_quantities(store, kind, as_of, edges)
        if kind.quad_classes:
            _add_events(store, kind, as_of, start, edges, max_evidence, min_confidence,
                        mentions)
    return Network(as_of, start, chosen, edges.done(),
                   {k: rules.kinds[k].colour for k in rules.kinds})


def _pairs(parties: Sequence[str], directed: bool) -> list[tuple[str, str]]:
    """Directed kinds go from the first party (giver, member) to each other one."""
    unique = list(dict.fromkeys(parties))
    if directed:
        return [(unique[0], p) for p in unique[1:]]
    return list(combinations(unique, 2))


def _add_relations(store: Store, kind: EdgeKind, as_of: date | None, edges: _Edges) -> None:
    rows = store.query_dicts(
        f"""SELECT r.kind, r.parties, r.name, r.origin, r.date_start, r.document_id,
                   r.sentence, r.evidence, d.date AS doc_date,
                   {', '.join(f'r.{o}' for o in OBLIGATION_TYPES)}
            FROM relations r LEFT JOIN documents d ON d.id = r.document_id
            WHERE r.polarity = 'asserted' AND r.kind IN (SELECT unnest(?))
              AND (?::DATE IS NULL OR coalesce(r.date_start, d.date) IS NULL
                   OR coalesce(r.date_start, d.date) <= ?)
            ORDER BY r.date_start NULLS LAST, r.id""", [list(kind.relations), as_of, as_of])
    for row in rows:
        for source, target in _pairs(row["parties"] or [], kind.directed):
            edge = edges.get(kind, source, target)
            edge.add(row["date_start"] or row["doc_date"], evidence_from_row(row, kind.name),
                     row["name"])
            edge.obligations |= {o for o in OBLIGATION_TYPES if row[o]}


def _add_quantities(store: Store, kind: EdgeKind, as_of: date | None, edges: _Edges) -> None:
    rows = store.query_dicts(
        """SELECT q.measure, q.parties, q.value, q.high, q.unit, q.year, q.forecast,
                  q.document_id, q.sentence, q.evidence, d.date AS doc_date
           FROM quantities q LEFT JOIN documents d ON d.id = q.document_id
           WHERE q.measure IN (SELECT unnest(?)) AND len(q.parties) >= 2
             AND (?::DATE IS NULL OR d.date IS NULL OR d.date <= ?)
           ORDER BY q.year NULLS FIRST, d.date, q.id""", [list(kind.quantities), as_of, as_of])
    for row in rows:
        if as_of is not None and row["year"] is not None and row["year"] > as_of.year:
            continue
        when = date(row["year"], 1, 1) if row["year"] else row["doc_date"]
        for source, target in _pairs(row["parties"], kind.directed):
            edge = edges.get(kind, source, target)
            edge.add(when, evidence_from_row(row, kind.name))
            figure = row["value"] if row["value"] is not None else row["high"]
            if row["unit"] == "USD" and figure is not None and not row["forecast"]:
                edge.value_usd = float(figure)  # rows come oldest first: keep the latest


def _add_events(store: Store, kind: EdgeKind, as_of: date | None, start: date | None,
                edges: _Edges, max_evidence: int, min_confidence: float = 0.0,
                mentions: bool = False) -> None:
    confident, confident_params = confidence_clause(min_confidence)
    when = "coalesce(date_start, pub_date)"
    where = f"""polarity = 'asserted' AND modality IN ('{OCCURRED[0]}', '{OCCURRED[1]}')
                AND quad_class IN (SELECT unnest(?))
                AND source_country IS NOT NULL AND target_country IS NOT NULL
                AND source_country <> target_country
                AND (?::DATE IS NULL OR {when} <= ?) AND (?::DATE IS NULL OR {when} >= ?)
                AND {confident}"""
    params = [list(kind.quad_classes), as_of, as_of, start, start, *confident_params]
    top = max(max_evidence, 1)
    # the picked events are named by row id where events is a table: their sentences are
    # then one row-id lookup (17,700 sentences: 0.13-0.16 s by primary key on 10M events)
    key, cast = ("rowid", "::BIGINT[]") if is_table(store, "events") else ("id", "")
    # each pair's most intense events (largest |Goldstein|, ties by id) are picked in the
    # same pass as the totals, and only their sentences are read: ranking every event
    # with its sentence took seconds on a store of millions
    matches, match_params = one_row_per_event(
        f"source_country, target_country, goldstein, date_start, pub_date, id, {key} AS _k",
        where, params, mentions)
    totals = store.query(
        f"""SELECT source_country, target_country, count(*), {GOLDSTEIN_SUM}, min({when}),
                   max({when}), min_by(_k, struct_pack(g := -abs(goldstein), i := id),
                                       {top})
            FROM {matches}
            GROUP BY 1, 2 ORDER BY 1, 2""", match_params)
    wanted = [event_id for row in totals for event_id in row[-1] or ()] \
        if max_evidence > 0 else []
    found = {
        row["_key"]: row for row in store.query_dicts(
            f"SELECT {key} AS _key, id, evidence, document_id, sentence, pub_date FROM events "
            f"WHERE {key} IN (SELECT unnest(?{cast}))", [wanted])
    } if wanted else {}
    proof: dict[tuple[str, str], list[Evidence]] = defaultdict(list)
    for row in totals:
        for event_id in row[-1] or ():
            if event_id in found:
                proof[(row[0], row[1])].append(evidence_from_row(found[event_id], kind.name))
    for source, target, n, gsum, first, last, _ in totals:
        edge = edges.get(kind, source, target)
        edge.count += int(n)
        edge.goldstein = (edge.goldstein or 0.0) + float(gsum or 0.0)
        edge.first = first if edge.first is None else min(edge.first, first)
        edge.last = last if edge.last is None else max(edge.last, last)
        edge.evidence.extend(proof[(source, target)])


def write_network(network: Network, out: Path) -> Path:
    """Write GraphML, JSON (nodes, edges, evidence) or a PNG drawing, by file suffix."""
    suffix = out.suffix.lower()
    if suffix not in FORMATS:
        raise QueryError(f"{out}: the output must end in {', '.join(FORMATS)}")
    try:
        if suffix == ".graphml":
            import networkx as nx

            nx.write_graphml(network.graph(), out)
        elif suffix == ".json":
            out.write_text(dumps_indented(network.to_json()) + "\n", encoding="utf-8")
        else:
            title = "realpolitik network" + (f" as of {network.as_of}" if network.as_of else "")
            draw_network(network.graph(), out, network.colours, title)
    except OSError as exc:
        raise QueryError(f"{out}: cannot write ({exc})") from None
    return out
