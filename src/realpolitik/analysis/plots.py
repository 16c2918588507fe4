"""PNG drawings of analysis results (matplotlib, no display needed)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from realpolitik.errors import QueryError

if TYPE_CHECKING:
    from realpolitik.analysis.dyad import Dyad


def _pyplot() -> Any:
    import matplotlib

    matplotlib.use("Agg")  # files only: never open a window, work without a display
    import matplotlib.pyplot as plt

    return plt


def _next_period(d: date, by: str) -> date:
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    total = d.year * 12 + (d.month - 1) + months
    return date(total // 12, total % 12 + 1, 1)


def _all_periods(dyad: Dyad) -> list[date]:
    """Every period from the first to the last with events, so gaps show as zeros."""
    seen = sorted({r.period for r in dyad.rows})
    if not seen:
        return []
    periods = [seen[0]]
    while periods[-1] < seen[-1]:
        periods.append(_next_period(periods[-1], dyad.by))
    return periods


def _label(d: date, by: str) -> str:
    if by == "year":
        return str(d.year)
    if by == "quarter":
        return f"{d.year} Q{(d.month - 1) // 3 + 1}"
    return d.strftime("%Y-%m")


def plot_dyad(dyad: Dyad, out: Path) -> Path:
    """A timeline: event counts and mean Goldstein per period, one line per direction."""
    if not dyad.rows:
        raise QueryError(f"no events between {dyad.a} and {dyad.b} to plot")
    plt = _pyplot()
    periods = _all_periods(dyad)
    fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(10, 6.5),
                                      gridspec_kw={"height_ratios": [1, 1]})
    for (source, target), colour in (((dyad.a, dyad.b), "#1f77b4"),
                                     ((dyad.b, dyad.a), "#d62728")):
        by_period = {r.period: r for r in dyad.direction_rows(source)}
        counts = [by_period[p].events if p in by_period else 0 for p in periods]
        means = [by_period[p].goldstein_mean if p in by_period else float("nan")
                 for p in periods]
        label = f"{source} → {target}"
        top.plot(periods, counts, marker="o", color=colour, label=label, linewidth=1.8)
        bottom.plot(periods, means, marker="o", color=colour, label=label, linewidth=1.8)
    from matplotlib.ticker import MaxNLocator

    top.set_ylabel("events")
    peak = max((r.events for r in dyad.rows), default=1)
    top.set_ylim(0, peak * 1.3 + 0.5)  # headroom for the legend
    top.yaxis.set_major_locator(MaxNLocator(integer=True))
    top.legend(loc="upper right", ncol=2, frameon=False)
    top.grid(alpha=0.3)
    bottom.axhline(0, color="#555555", linewidth=0.8)
    bottom.set_ylim(-10.5, 10.5)
    bottom.set_ylabel("mean Goldstein\n(−10 conflict, +10 cooperation)")
    bottom.grid(alpha=0.3)
    # label every period when they fit, every n-th otherwise
    step = max(1, len(periods) // 24 + (len(periods) % 24 > 0))
    bottom.set_xticks(periods[::step], [_label(p, dyad.by) for p in periods[::step]])
    span = f"{_label(periods[0], dyad.by)} to {_label(periods[-1], dyad.by)}"
    fig.suptitle(f"{dyad.a} ↔ {dyad.b} per {dyad.by}, {span}", fontsize=13)
    fig.autofmt_xdate()
    fig.tight_layout()
    return _save(fig, plt, out)


def _save(fig: Any, plt: Any, out: Path) -> Path:
    try:
        fig.savefig(out, dpi=120)
    except OSError as exc:
        raise QueryError(f"{out}: cannot write the plot ({exc})") from None
    finally:
        plt.close(fig)
    return out


def draw_network(graph: Any, out: Path, colours: dict[str, str], title: str) -> Path:
    """The graph with labelled nodes sized by degree and edges coloured by kind."""
    import networkx as nx

    if graph.number_of_nodes() == 0:
        raise QueryError("the network is empty: nothing to draw")
    plt = _pyplot()
    from matplotlib.lines import Line2D

    size = max(8.0, min(20.0, 4.0 + graph.number_of_nodes() * 0.35))
    fig, ax = plt.subplots(figsize=(size + 2.0, size * 0.75))
    simple = nx.Graph(graph.to_undirected())
    pos = nx.spring_layout(simple, seed=7, k=1.6 / max(1, simple.number_of_nodes()) ** 0.5)
    degree = dict(simple.degree())
    nx.draw_networkx_nodes(
        simple, pos, ax=ax, node_color=["#f0e6d2" if graph.nodes[n].get("type") == "state"
                                        else "#d9e8f5" for n in simple.nodes],
        node_size=[600 + 250 * degree[n] for n in simple.nodes], edgecolors="#555555")
    nx.draw_networkx_labels(simple, pos, ax=ax, font_size=9)
    kinds = sorted({d["kind"] for _, _, d in graph.edges(data=True)})
    heaviest = max((float(d.get("weight", 1)) for _, _, d in graph.edges(data=True)),
                   default=1.0)
    for n, kind in enumerate(kinds):
        edges = [(u, v, d) for u, v, d in graph.edges(data=True) if d["kind"] == kind]
        widths = [1.0 + 4.0 * float(d.get("weight", 1)) / heaviest for *_, d in edges]
        nx.draw_networkx_edges(
            graph, pos, ax=ax, edgelist=[(u, v) for u, v, _ in edges], width=widths,
            edge_color=colours.get(kind, "#333333"), alpha=0.75, arrows=True,
            arrowstyle="-|>" if edges and edges[0][2].get("directed") else "-",
            connectionstyle=f"arc3,rad={0.08 * (n + 1)}", node_size=900)
    ax.legend(handles=[Line2D([0], [0], color=colours.get(k, "#333333"), lw=3, label=k)
                       for k in kinds], loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False,
              title="ties")
    ax.set_title(title)
    ax.axis("off")
    fig.tight_layout()
    return _save(fig, plt, out)
