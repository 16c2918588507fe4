"""``realpolitik actors``: resolve, list, show through the Typer sub-app."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from realpolitik.cli.actors_cmd import app
from realpolitik.errors import QueryError

runner = CliRunner()


def test_resolve_json_has_the_contract_fields() -> None:
    result = runner.invoke(app, ["resolve", "Obama called Putin.", "--date", "2011-05-01",
                                 "--format", "json"])
    assert result.exit_code == 0, result.output
    rows = json.loads(result.stdout)
    assert [r["actor"] for r in rows] == ["USAGOV", "RUSGOV"]
    assert set(rows[0]) == {"text", "actor", "country", "role", "name", "valid_from",
                            "valid_to", "source"}


def test_resolve_table() -> None:
    result = runner.invoke(app, ["resolve", "The Kremlin chief spoke.", "--date",
                                 "2026-03-05"])
    assert result.exit_code == 0
    assert "RUSGOV" in result.stdout


def test_list_by_country_and_date() -> None:
    result = runner.invoke(app, ["list", "--country", "IRN", "--date", "2026-01-01",
                                 "--format", "json"])
    assert result.exit_code == 0
    names = {r["name"] for r in json.loads(result.stdout)}
    assert "Masoud Pezeshkian" in names


def test_show_person() -> None:
    result = runner.invoke(app, ["show", "person:vladimir-putin", "--date", "2010-01-01",
                                 "--format", "json"])
    assert result.exit_code == 0
    detail = json.loads(result.stdout)
    assert detail["on_date"]["title"] == "prime_minister"


def test_unknown_actor_raises_for_the_main_app() -> None:
    result = runner.invoke(app, ["show", "person:nobody-at-all"])
    assert isinstance(result.exception, QueryError)


@pytest.mark.parametrize("argv", [
    ["list", "--country", "XXX"],
    ["resolve", "Iran.", "--date", "2026-13-40"],
])
def test_bad_arguments_raise_realpolitik_errors(argv: list[str]) -> None:
    from realpolitik.errors import RealpolitikError

    result = runner.invoke(app, argv)
    assert isinstance(result.exception, RealpolitikError)
