"""realpolitik eval: accuracy against gold files."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.table import Table

from realpolitik.cli.options import (
    EventClassModelOption,
    MinConfidenceOption,
    ParticipantActorsOption,
    ParticipantModelOption,
    with_models,
)
from realpolitik.cli.render import stdout
from realpolitik.config import Config
from realpolitik.evaluation import (
    MULTICOPED_DEFAULT,
    MULTICOPED_KIND,
    evaluate_multicoped_split,
    evaluate_path,
    gold_kind,
)

#: gold kinds that score the event coder; the Multi-CoPED figures join their report
_EVENT_KINDS = frozenset({"events", "cameo_manual", "stories"})


class EvalFormat(StrEnum):
    table = "table"
    json = "json"


def register(app: typer.Typer) -> None:
    app.command("eval")(eval_command)


def eval_command(
    gold: Annotated[list[Path], typer.Argument(
        help="Gold JSON Lines files, or story gold directories (gold/reuters).",
        exists=True)],
    fmt: Annotated[EvalFormat, typer.Option("--format", "-f")] = EvalFormat.table,
    split: Annotated[str, typer.Option(
        help="Which stories of a story gold directory: dev (or a later cycle's dev2, dev3, "
             "...), test (test2, test3, ...: held out, one per cycle, scored at most twice "
             "and never tuned on) or all.")] = "dev",
    event_class_model: EventClassModelOption = None,
    participant_model: ParticipantModelOption = None,
    participant_actors: ParticipantActorsOption = None,
    multicoped: Annotated[Path | None, typer.Option(
        "--multicoped", file_okay=False,
        help="Multi-CoPED's training split, scored with the event gold (default: "
             f"{MULTICOPED_DEFAULT} when it exists).")] = None,
    no_multicoped: Annotated[bool, typer.Option(
        "--no-multicoped", help="Do not score Multi-CoPED's training split.")] = False,
    min_confidence: MinConfidenceOption = None,
) -> None:
    """Precision, recall and F1 of events, dates, actors, relations or quantities.

    With event gold, also Multi-CoPED's training split when it is there (../shared): the
    class of each sentence's main event and the share of sentences with source and target
    right, for the configuration in use. Story gold's events are scored at the confidence
    threshold (--min-confidence, else the configured one) and, when it is above 0, also at
    every confidence ("(all)").
    """
    config = with_models(Config(), event_class_model, participant_model, participant_actors)
    if min_confidence is not None:
        config = config.with_changes(min_confidence=min_confidence)
    results: dict[str, Any] = {}
    kinds = {str(path): gold_kind(path) for path in gold}
    for path in gold:
        results[str(path)] = {"kind": kinds[str(path)], **evaluate_path(path, config, split)}
    folder = multicoped or MULTICOPED_DEFAULT
    if not no_multicoped and (multicoped is not None or (
            folder.is_dir() and _EVENT_KINDS & set(kinds.values()))):
        results[str(folder)] = {"kind": MULTICOPED_KIND,
                                **evaluate_multicoped_split(folder, config)}
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
        if isinstance(value, dict) and "accuracy" not in value and any(
                k.endswith("_accuracy") for k in value):
            # a code-only gold (the CAMEO manual) has one accuracy per level
            for key, number in value.items():
                if key.endswith("_accuracy"):
                    table.add_row(f"{name} {key.removesuffix('_accuracy')}".strip(), "", "",
                                  "", str(number), "", "", str(value.get("examples", "")))
            if "f1" not in value:
                continue
        if isinstance(value, dict) and any(k in value for k in ("f1", "accuracy")):
            predicted = value.get("predicted", _sum(value, "tp", "fp"))
            gold_count = value.get("gold", _sum(value, "tp", "fn"))
            table.add_row(name, *[str(value.get(c, "")) for c in
                                  ("precision", "recall", "f1", "accuracy", "tp")],
                          str(predicted), str(gold_count))
    stdout.print(table)
    for name, value in result.items():
        if not isinstance(value, dict | list) and name not in ("kind", "min_confidence"):
            stdout.print(f"{name}: {value}")
    confusion = result.get("root_confusion")
    if confusion:
        stdout.print("root confusion (gold → predicted), most frequent: " + ", ".join(
            f"{c['gold']}→{c['predicted']}×{c['count']}" for c in confusion[:12]))
    worst = result.get("worst_codes")
    if worst:
        stdout.print("worst codes: " + ", ".join(
            f"{w['code']} ({w['missed']}/{w['gold']} missed)" for w in worst[:10]))


def _sum(value: dict[str, Any], *keys: str) -> int | str:
    if all(isinstance(value.get(k), int) for k in keys):
        return sum(int(value[k]) for k in keys)
    return ""
