"""realpolitik eval: accuracy against gold files."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from realpolitik.cli.render import stdout
from realpolitik.config import Config
from realpolitik.evaluation import detect_gold_kind, evaluate_file


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def eval_command(
    gold: Annotated[list[Path], typer.Argument(help="Gold JSON Lines files.", exists=True,
                                               dir_okay=False)],
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
) -> None:
    """Precision, recall and F1 of events, dates, actors, relations or quantities."""
    config = Config()
    results: dict[str, Any] = {}
    for path in gold:
        results[str(path)] = {"kind": detect_gold_kind(path), **evaluate_file(path, config)}
    if fmt is EvalFormat.json:
        sys.stdout.write(json.dumps(results, indent=2) + "\n")
        return
    for path_name, result in results.items():
        _print_result(path_name, result)


def _print_result(path_name: str, result: dict[str, Any]) -> None:
    table = Table(title=f"{path_name} ({result['kind']})")
    table.add_column("measure")
    for col in ("precision", "recall", "f1", "accuracy", "tp", "predicted", "gold"):
        table.add_column(col, justify="right")
    for name, value in result.items():
        if isinstance(value, dict) and any(k in value for k in ("f1", "accuracy")):
            table.add_row(name, *[str(value.get(c, "")) for c in
                                  ("precision", "recall", "f1", "accuracy", "tp", "predicted",
                                   "gold")])
    stdout.print(table)
    for name, value in result.items():
        if not isinstance(value, dict | list) and name != "kind":
            stdout.print(f"{name}: {value}")
    confusion = result.get("root_confusion")
    if confusion:
        stdout.print("root confusion (gold → predicted), most frequent: " + ", ".join(
            f"{c['gold']}→{c['predicted']}×{c['count']}" for c in confusion[:12]))
    worst = result.get("worst_codes")
    if worst:
        stdout.print("worst codes: " + ", ".join(
            f"{w['code']} ({w['missed']}/{w['gold']} missed)" for w in worst[:10]))
