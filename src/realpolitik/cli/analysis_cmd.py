"""allies-lost, dyad, responses, network, profile and timeline: the analyst queries.

Thin commands: parse options, open the store read-only, call ``realpolitik.analysis``, print
rows (table, CSV) or the answer's JSON object with its evidence.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from realpolitik.cli.options import (
    ActorsOption,
    DbOption,
    FormatOption,
    MentionsOption,
    MinConfidenceOption,
    WideOption,
    build_config,
    date_option,
)
from realpolitik.cli.render import OutputFormat, note, print_rows, to_json
from realpolitik.config import Config
from realpolitik.errors import QueryError
from realpolitik.store import Store, open_store

if TYPE_CHECKING:
    from realpolitik.analysis.leaders import LeaderBook
    from realpolitik.model import Actor

FromOption = Annotated[str | None, typer.Option("--from", help="YYYY-MM-DD")]
ToOption = Annotated[str | None, typer.Option("--to", help="YYYY-MM-DD")]


def register(app: typer.Typer) -> None:
    app.command("allies-lost")(allies_lost_command)
    app.command("dyad")(dyad_command)
    app.command("responses")(responses_command)
    app.command("network")(network_command)
    app.command("profile")(profile_command)
    app.command("timeline")(timeline_command)


def _reader(config: Config) -> Store:
    return open_store(config.db_path, read_only=True)


def _knowledge_base(config: Config) -> LeaderBook:
    """The actor knowledge base the command asks about leaders: with the user's --actors
    files, loaded now (their errors are told before any query runs); the built-ins alone,
    loaded on the first question (allies-lost asks only about removals that may name a
    leader, and a window with none asks nothing: 0.11-0.15 s of the command)."""
    if config.actor_files:
        from realpolitik.actors import KnowledgeBase

        kb: LeaderBook = KnowledgeBase.load(config)
        return kb
    return LeaderBookOnDemand(config)


class LeaderBookOnDemand:
    """A :class:`~realpolitik.analysis.leaders.LeaderBook` that loads the knowledge base
    on its first question."""

    def __init__(self, config: Config) -> None:
        self._config = config
        self._kb: LeaderBook | None = None

    @property
    def loaded(self) -> bool:
        return self._kb is not None

    def _book(self) -> LeaderBook:
        if self._kb is None:
            from realpolitik.actors import KnowledgeBase

            self._kb = KnowledgeBase.load(self._config)
        return self._kb

    def leader_of(self, country: str, on: date, title: str | None = None) -> Actor | None:
        return self._book().leader_of(country, on, title)

    def get(self, actor_id: str) -> Actor | None:
        return self._book().get(actor_id)


def _emit(answer: Any, rows: list[dict[str, Any]], fmt: OutputFormat, title: str,
          wide: bool = False) -> None:
    """JSON prints the whole answer (query, rows, evidence); table and CSV print rows."""
    if fmt is OutputFormat.json:
        sys.stdout.write(to_json(answer.to_json()) + "\n")
    else:
        print_rows(rows, fmt, title=title, wide=wide)


def allies_lost_command(
    actor: Annotated[str, typer.Argument(help="ISO3 code or name, e.g. RUS or Russia.")],
    within: Annotated[str, typer.Option("--within", help="Window: 15m, 2y, 90d, 6w.")] = "12m",
    as_of: Annotated[str | None, typer.Option(
        "--as-of", help="End of the window, YYYY-MM-DD (default: today).")] = None,
    min_tie: Annotated[str, typer.Option(
        "--min-tie", help="Weakest tie that counts: weak, medium or strong.")] = "weak",
    min_confidence: MinConfidenceOption = None, wide: WideOption = False,
    db: DbOption = None, actors: ActorsOption = None, fmt: FormatOption = OutputFormat.table,
) -> None:
    """States tied to ACTOR whose leader was removed inside the window, with evidence."""
    from realpolitik.analysis.allies import allies_lost

    config = build_config(db=db, actors=actors, min_confidence=min_confidence)
    when = date_option(as_of, "--as-of") or date.today()
    kb = _knowledge_base(config)
    with _reader(config) as store:
        answer = allies_lost(store, actor, within, when, kb=kb, min_strength=min_tie,
                             min_confidence=config.min_confidence)
    _emit(answer, [r.table_row() for r in answer.rows], fmt,
          f"allies of {answer.actor} that lost their leader, {answer.start} to {answer.as_of}",
          wide)


def dyad_command(
    a: Annotated[str, typer.Argument(help="First actor: ISO3, actor code (RUSGOV) or name.")],
    b: Annotated[str, typer.Argument(help="Second actor.")],
    date_from: FromOption = None, date_to: ToOption = None,
    by: Annotated[str, typer.Option("--by", help="month, quarter or year")] = "month",
    plot: Annotated[Path | None, typer.Option(
        "--plot", help="Also draw a timeline PNG here.", dir_okay=False)] = None,
    min_confidence: MinConfidenceOption = None, wide: WideOption = False,
    mentions: MentionsOption = False,
    db: DbOption = None, fmt: FormatOption = OutputFormat.table,
) -> None:
    """Events between A and B per period and direction: quad classes and Goldstein.

    An event several stories report counts once; --mentions counts every report."""
    from realpolitik.analysis.dyad import dyad

    config = build_config(db=db, min_confidence=min_confidence)
    with _reader(config) as store:
        answer = dyad(store, a, b, start=date_option(date_from, "--from"),
                      end=date_option(date_to, "--to"), by=by,
                      min_confidence=config.min_confidence, mentions=mentions)
    _emit(answer, [r.table_row() for r in answer.rows], fmt,
          f"{answer.a} <-> {answer.b} by {answer.by}", wide)
    if plot is not None:
        from realpolitik.analysis.plots import plot_dyad

        plot_dyad(answer, plot)
        note(f"plot → {plot}")


def responses_command(
    event: Annotated[str | None, typer.Option(
        "--event", help="The id of the event to react to (from 'realpolitik events').")]
    = None,
    attack_on: Annotated[str | None, typer.Option(
        "--attack-on", help="Country attacked: ISO3 or name.")] = None,
    date_from: FromOption = None,
    date_to: Annotated[str | None, typer.Option(
        "--to", help="With --attack-on: the last attack date, YYYY-MM-DD.")] = None,
    min_confidence: MinConfidenceOption = None, wide: WideOption = False,
    expect: Annotated[list[str] | None, typer.Option(
        "--expect", help="An actor whose silence to report if it said nothing (repeatable).")]
    = None,
    mentions: MentionsOption = False,
    db: DbOption = None, fmt: FormatOption = OutputFormat.table,
) -> None:
    """Who reacted to an attack, how, and whether they named the perpetrator.

    An attack or reaction several stories report is listed once, with every report's
    sentence; --mentions lists every report."""
    from realpolitik.analysis.responses import responses

    # --event names an event, --from/--to bound dates: one meaning per option name
    if (event is None) == (attack_on is None):
        raise QueryError("give --event EVENT_ID or --attack-on COUNTRY (one of them)")
    if event is not None and (date_from is not None or date_to is not None):
        raise QueryError("--from and --to bound the attacks of --attack-on; --event names "
                         "one event")
    config = build_config(db=db, min_confidence=min_confidence)
    with _reader(config) as store:
        answer = responses(store, event_id=event, attack_on=attack_on,
                           start=date_option(date_from, "--from"),
                           end=date_option(date_to, "--to"), expect=expect or (),
                           min_confidence=config.min_confidence, mentions=mentions)
    _emit(answer, [r.table_row() for r in answer.rows], fmt,
          f"responses to {len(answer.attacks)} attack(s) on {', '.join(answer.victims)}"
          f" by {', '.join(answer.perpetrators) or 'unnamed perpetrators'}", wide)


def network_command(
    out: Annotated[Path, typer.Option("--out", "-o", help="FILE.graphml, FILE.json or FILE.png",
                                      dir_okay=False)],
    as_of: Annotated[str | None, typer.Option("--as-of", help="YYYY-MM-DD")] = None,
    date_from: FromOption = None,
    kinds: Annotated[str | None, typer.Option(
        "--kinds", help="Comma-separated: treaty, membership, arms, support, trade, conflict, "
                        "hostility, cooperation.")] = None,
    min_confidence: MinConfidenceOption = None, mentions: MentionsOption = False,
    db: DbOption = None,
) -> None:
    """The ties between actors as a graph: GraphML, JSON (with evidence) or a PNG drawing.

    An event several stories report weighs once; --mentions counts every report."""
    from realpolitik.analysis.network import build_network, write_network

    config = build_config(db=db, min_confidence=min_confidence)
    with _reader(config) as store:
        network = build_network(store, as_of=date_option(as_of, "--as-of"),
                                start=date_option(date_from, "--from"), kinds=kinds,
                                min_confidence=config.min_confidence, mentions=mentions)
    write_network(network, out)
    note(f"{len(network.nodes())} actors, {len(network.edges)} edges "
         f"({', '.join(network.kinds)}) → {out}")


def profile_command(
    actor: Annotated[str, typer.Argument(help="ISO3 code, actor code or name.")],
    on: Annotated[str | None, typer.Option("--on", help="YYYY-MM-DD (default: today).")]
    = None,
    ties: Annotated[int, typer.Option(
        "--ties", min=0, help="Ties listed per counterpart, strongest first (0: all); "
        "tie_count counts them all.")] = 5,
    min_confidence: MinConfidenceOption = None, wide: WideOption = False,
    mentions: MentionsOption = False,
    db: DbOption = None, actors: ActorsOption = None, fmt: FormatOption = OutputFormat.table,
) -> None:
    """An actor at a glance: leader on the date, ties, activity, recent events, figures.

    An event several stories report counts and is listed once; --mentions counts every
    report. Each counterpart lists its strongest --ties ties and counts all of them."""
    from realpolitik.analysis.profile import profile

    config = build_config(db=db, actors=actors, min_confidence=min_confidence)
    when = date_option(on, "--on") or date.today()
    kb = _knowledge_base(config)
    with _reader(config) as store:
        answer = profile(store, actor, when, kb=kb, min_confidence=config.min_confidence,
                         mentions=mentions, ties_per_counterpart=ties or None)
    if fmt is OutputFormat.json:
        sys.stdout.write(to_json(answer.to_json()) + "\n")
        return
    leader = answer.leader
    print_rows([{"actor": answer.actor, "name": answer.name, "on": answer.on,
                 "leader": f"{leader.name} ({leader.title or leader.role})" if leader else None,
                 **{f"{side}_{k}": v for side, counts in answer.activity.items()
                    for k, v in counts.items() if k in ("events", "goldstein_mean")}}],
               fmt, title=f"profile of {answer.actor}", wide=wide)
    print_rows([{"counterpart": c, "ties": "; ".join(dict.fromkeys(t.describe() for t in ts)),
                 "count": answer.tie_counts.get(c, len(ts)),
                 "strength": ts[0].strength, "evidence": ts[0].evidence.text}
                for c, ts in answer.ties.items()], fmt, title="ties", wide=wide)
    sections = {
        "people in the corpus": [{"name": p.name, "role": p.role, "mentions": p.mentions,
                                  "last_seen": p.last_seen} for p in answer.people],
        "recent events": [e.table_row() for e in answer.recent_events],
        "figures": [{"measure": f.measure, "parties": ",".join(f.parties), "value": f.value,
                     "unit": f.unit, "year": f.year, "evidence": f.evidence.text}
                    for f in answer.figures],
    }
    for title, rows in sections.items():
        if rows:
            print_rows(rows, fmt, title=title, wide=wide)


def timeline_command(
    actors_: Annotated[list[str], typer.Argument(
        metavar="ACTOR [OTHER]", help="One actor, or two for what passed between them.")],
    date_from: FromOption = None, date_to: ToOption = None,
    limit: Annotated[int | None, typer.Option(min=1)] = None,
    min_confidence: MinConfidenceOption = None, wide: WideOption = False,
    mentions: MentionsOption = False,
    db: DbOption = None, fmt: FormatOption = OutputFormat.table,
) -> None:
    """Events, relations and figures of an actor (or a pair) in date order.

    An event several stories report is listed once; --mentions lists every report."""
    from realpolitik.analysis.timeline import timeline

    if len(actors_) > 2:
        raise QueryError("timeline takes one actor or two")
    config = build_config(db=db, min_confidence=min_confidence)
    with _reader(config) as store:
        answer = timeline(store, actors_[0], actors_[1] if len(actors_) > 1 else None,
                          start=date_option(date_from, "--from"), end=date_option(date_to, "--to"),
                          limit=limit, min_confidence=config.min_confidence,
                          mentions=mentions)
    _emit(answer, [e.table_row() for e in answer.entries], fmt,
          f"timeline of {answer.a}" + (f" and {answer.b}" if answer.b else ""), wide)
