"""``realpolitik actors``: resolve a text's actors, list and show knowledge-base entries."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated, Any

import typer

from realpolitik.cli.options import (
    ActorsOption,
    FormatOption,
    LimitOption,
    WideOption,
    build_config,
    date_option,
    row_limit,
)
from realpolitik.cli.render import OutputFormat, left_out, print_rows, stdout, to_json
from realpolitik.errors import QueryError
from realpolitik.model import Actor

if TYPE_CHECKING:
    from realpolitik.actors.kb import KnowledgeBase

app = typer.Typer(no_args_is_help=True, add_completion=False,
                  help="Resolve and browse actors.")

OnDate = Annotated[str | None, typer.Option(
    "--date", help="Resolve on this date YYYY-MM-DD (default: today).")]

MENTION_COLUMNS = ("text", "actor", "country", "role", "name", "valid_from", "valid_to",
                   "source")
ACTOR_COLUMNS = ("id", "code", "name", "country", "role", "kind", "title", "valid_from",
                 "valid_to", "source")


def _actor_row(actor: Actor) -> dict[str, Any]:
    return {
        "id": actor.id, "code": actor.code, "name": actor.name, "country": actor.country,
        "role": actor.role, "kind": actor.kind, "title": actor.title,
        "valid_from": actor.valid_from, "valid_to": actor.valid_to, "source": actor.source,
    }


@app.command("resolve")
def resolve_cmd(
    text: Annotated[str, typer.Argument(help="Text whose actor mentions to resolve.")],
    on: OnDate = None,
    fmt: FormatOption = OutputFormat.table,
    context: Annotated[str | None, typer.Option(
        "--context", help="Preceding text, for pronouns and counterparts.")] = None,
    actors: ActorsOption = None,
) -> None:
    """Every actor mention in TEXT, resolved on the date."""
    from realpolitik.actors import KnowledgeBase
    from realpolitik.actors import resolve as resolve_text

    config = build_config(actors=actors)
    when = date_option(on, "--date") or date.today()
    kb = KnowledgeBase.load(config)
    rows = []
    for mention in resolve_text(text, when, context=context, kb=kb, config=config):
        actor = mention.actor
        rows.append({
            "text": mention.text,
            "actor": actor.code if actor else None,
            "country": actor.country if actor else None,
            "role": actor.role if actor else None,
            "name": actor.name if actor else None,
            "valid_from": actor.valid_from if actor else None,
            "valid_to": actor.valid_to if actor else None,
            "source": actor.source if actor else None,
        })
    print_rows(rows, fmt, title=f"Actors on {when.isoformat()}", columns=MENTION_COLUMNS)


@app.command("list")
def list_cmd(
    country: Annotated[str | None, typer.Option(
        "--country", help="Only this ISO3 country (and organisations it belongs to).")] = None,
    on: Annotated[str | None, typer.Option(
        "--date", help="Only actors valid on this date YYYY-MM-DD.")] = None,
    limit: LimitOption = None,
    wide: WideOption = False,
    fmt: FormatOption = OutputFormat.table,
    actors: ActorsOption = None,
) -> None:
    """Knowledge-base actors, by country and date."""
    from realpolitik.actors import KnowledgeBase

    kb = KnowledgeBase.load(build_config(actors=actors))
    code = country.upper() if country else None
    if code is not None and code not in kb.states:
        raise QueryError(f"unknown country code {country!r} (use ISO 3166 alpha-3, e.g. RUS)")
    when = date_option(on, "--date") if on else None
    rows = [_actor_row(a) for a in kb.actors(code, when)]
    shown = row_limit(limit, fmt)
    print_rows(rows[:shown] if shown else rows, fmt, title="Actors", columns=ACTOR_COLUMNS,
               wide=wide)
    left_out(min(len(rows), shown or len(rows)), len(rows), shown)


@app.command("show")
def show_cmd(
    actor_id: Annotated[str, typer.Argument(
        help="Actor id (state:RUS, person:angela-merkel, org:NATO) or code (RUS, RUSGOV).")],
    on: OnDate = None,
    fmt: FormatOption = OutputFormat.table,
    actors: ActorsOption = None,
) -> None:
    """One actor with its offices, names or members."""
    from realpolitik.actors import KnowledgeBase

    kb = KnowledgeBase.load(build_config(actors=actors))
    actor = kb.get(actor_id)
    if actor is None:
        raise QueryError(f"unknown actor {actor_id!r}")
    when = date_option(on, "--date") or date.today()
    detail = _actor_row(actor)
    detail.update(_details(kb, actor, when))
    if fmt is OutputFormat.json:
        stdout.print_json(to_json(detail))
        return
    rows = [{"field": k, "value": _text(v)} for k, v in detail.items()]
    print_rows(rows, fmt, title=actor.name, columns=("field", "value"))


def _details(kb: KnowledgeBase, actor: Actor, when: date) -> dict[str, Any]:
    kind, _, rest = actor.id.partition(":")
    if kind == "person":
        person = kb.persons[rest]
        on_date = kb.person_actor(rest, when)
        return {
            "aliases": list(person.aliases),
            "on_date": {"date": when, "code": on_date.code if on_date else None,
                        "title": on_date.title if on_date else None},
            "offices": [{"country": t.country, "title": t.title, "role": t.role,
                         "from": t.valid_from, "to": t.valid_to, "source": t.source,
                         "note": t.note} for t in kb.tenures_of(rest)],
        }
    if kind in ("org", "group"):
        org = kb.orgs[rest]
        out: dict[str, Any] = {"names": list(org.names)}
        if org.members:
            out["members_on_date"] = kb.members(org.id, when)
        if org.roles:
            out["role_on_date"] = org.role_on(when)
        return out
    if kind == "state" and actor.country:
        state = kb.states[actor.country]
        leader = kb.leader_of(actor.country, when)
        return {
            "names": list(state.names), "adjectives": list(state.adjectives),
            "capitals": list(state.capitals), "seats": [s for s, _ in state.seats],
            "leader_on_date": f"{leader.name} ({leader.title})" if leader else None,
        }
    return {}


def _text(value: Any) -> str:
    if isinstance(value, list | dict):
        return to_json(value)
    if isinstance(value, date):
        return value.isoformat()
    return "" if value is None else str(value)
