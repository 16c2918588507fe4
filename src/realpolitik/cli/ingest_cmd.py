"""analyze, ingest and demo: the commands that run the pipeline."""

from __future__ import annotations

import json
import sys
import tempfile
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from realpolitik.cli.options import (
    DEFAULT_MAX_FILE_BYTES,
    ActorsOption,
    DateOption,
    DbOption,
    MaxBytesOption,
    PatternsOption,
    build_config,
)
from realpolitik.cli.render import OutputFormat, print_rows, stderr, stdout
from realpolitik.config import Config
from realpolitik.ingest import IngestFailure, read_inputs
from realpolitik.store import open_store

if TYPE_CHECKING:
    from realpolitik.model import DocumentAnalysis
    from realpolitik.pipeline import IngestReport

# the pipeline (spaCy, the dictionaries) is imported by the commands that run it, so that
# every other command starts without it


class AnalyzeFormat(StrEnum):
    json = "json"
    table = "table"


def register(app: typer.Typer) -> None:
    app.command("analyze")(analyze)
    app.command("ingest")(ingest_command)
    app.command("demo")(demo)


def analyze(
    path: Annotated[Path, typer.Argument(help="A file, a directory or - for stdin.")],
    date: DateOption = None,
    fmt: Annotated[AnalyzeFormat, typer.Option("--format", "-f")] = AnalyzeFormat.json,
    actors: ActorsOption = None, patterns: PatternsOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_FILE_BYTES,
) -> None:
    """Analyse documents without storing them and print the design.md JSON object."""
    config = build_config(date=date, actors=actors, patterns=patterns, max_bytes=max_bytes)
    items = list(read_inputs([path], config))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    for failure in failures:
        stderr.print(f"[red]failed:[/red] {failure}", highlight=False, soft_wrap=True)
    documents = [i for i in items if not isinstance(i, IngestFailure)]
    if documents:
        from realpolitik.pipeline import Pipeline

        analyses = list(Pipeline(config).analyse(documents))
        if fmt is AnalyzeFormat.json:
            if len(analyses) == 1:
                sys.stdout.write(json.dumps(analyses[0].to_json(), ensure_ascii=False,
                                            indent=2) + "\n")
            else:
                for a in analyses:
                    sys.stdout.write(json.dumps(a.to_json(), ensure_ascii=False) + "\n")
        else:
            for a in analyses:
                _print_analysis_table(a)
    if failures:
        raise typer.Exit(1)


def _print_analysis_table(a: DocumentAnalysis) -> None:
    doc = a.document
    stdout.print(f"[bold]{doc.source}[/bold]  {doc.date or 'undated'}  id {doc.id}")
    rows = [{
        "date": e.date.start if e.date else None,
        "source": e.source.actor if e.source else None,
        "code": e.code, "target": e.target.actor if e.target else None,
        "polarity": e.polarity, "modality": e.modality, "evidence": e.evidence,
    } for e in a.events]
    print_rows(rows, fmt=OutputFormat.table, title="events")
    if a.relations:
        print_rows([{"kind": r.kind, "parties": ", ".join(r.parties), "name": r.name,
                     "polarity": r.polarity, "evidence": r.evidence} for r in a.relations],
                   fmt=OutputFormat.table, title="relations")
    if a.quantities:
        print_rows([{"measure": q.measure, "parties": ", ".join(q.parties), "value": q.value,
                     "unit": q.unit, "year": q.year, "evidence": q.evidence}
                    for q in a.quantities], fmt=OutputFormat.table, title="quantities")


def _count_items(paths: list[Path]) -> int | None:
    """A cheap estimate of how many documents the inputs hold, for the progress bar."""
    total = 0
    for path in paths:
        if str(path) == "-":
            return None
        files = sorted(p for p in path.rglob("*") if p.is_file()) if path.is_dir() else [path]
        for f in files:
            if f.suffix.lower() in (".jsonl", ".ndjson", ".json", ".csv"):
                try:
                    with f.open("rb") as fh:
                        total += sum(1 for line in fh if line.strip())
                except OSError:
                    total += 1
                if f.suffix.lower() == ".csv":
                    total -= 1
            else:
                total += 1
    return max(total, 1)


def run_ingest(paths: list[Path], config: Config, quiet: bool = False,
               workers: int | None = None) -> IngestReport:
    """Ingest with a progress bar; ``workers`` processes (default: one per core)."""
    from realpolitik.parallel import default_workers, ingest_parallel

    workers = default_workers() if workers is None else workers
    with open_store(config.db_path) as store:
        total = _count_items(paths)
        show_bar = not quiet and (total is None or total > 1)
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), TimeElapsedColumn(), console=stderr,
                      disable=not show_bar, transient=False) as progress:
            task = progress.add_task("ingesting", total=total)

            def failed(f: IngestFailure) -> None:
                progress.console.print(f"[red]failed:[/red] {f}", highlight=False,
                                       soft_wrap=True)

            report = ingest_parallel(paths, config, store, workers,
                                     on_progress=lambda n: progress.advance(task, n),
                                     on_failure=failed)
    return report


def print_report(report: IngestReport, config: Config) -> None:
    table = Table(title=f"ingest into {config.db_path}", show_header=False)
    for label, value in (("documents new", report.new), ("documents skipped", report.skipped),
                         ("documents failed", report.failed), ("events", report.events),
                         ("relations", report.relations), ("quantities", report.quantities),
                         ("time", f"{report.seconds:.1f} s")):
        table.add_row(label, str(value))
    stderr.print(table)


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, directories or - for stdin.")],
    db: DbOption = None, date: DateOption = None,
    actors: ActorsOption = None, patterns: PatternsOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_FILE_BYTES,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1,
        help="Processes running the pipeline (default: one per core); the stored rows are "
             "the same for any number.")] = None,
) -> None:
    """Analyse documents and store them; already stored documents are skipped."""
    config = build_config(db=db, date=date, actors=actors, patterns=patterns,
                          max_bytes=max_bytes, batch_size=batch_size)
    report = run_ingest(paths, config, quiet=quiet, workers=workers)
    print_report(report, config)
    if report.failed:
        raise typer.Exit(1)


def demo_corpus_dir() -> Path:
    return Path(str(resources.files("realpolitik") / "data" / "demo"))


def demo(
    db: Annotated[Path | None, typer.Option(
        "--db", help="Where to build the demo store (default: a fresh temporary file).")] = None,
) -> None:
    """Ingest the bundled demo corpus into a fresh store and show what it found."""
    from realpolitik.analysis.overview import top_dyads

    if db is None:
        db = Path(tempfile.mkdtemp(prefix="realpolitik-demo-")) / "demo.duckdb"
    elif db.exists():
        db.unlink()
    config = build_config(db=db)
    corpus = demo_corpus_dir()
    # the articles only: the folder's README describes the corpus and is no news
    articles = sorted(corpus.glob("*.txt"))
    stdout.print(f"[bold]realpolitik demo[/bold]: ingesting {len(articles)} articles from "
                 f"{corpus}")
    report = run_ingest(articles, config)
    print_report(report, config)
    with open_store(db, read_only=True) as store:
        print_rows(top_dyads(store, limit=10), fmt=OutputFormat.table, title="top dyads")
        sample = store.query_dicts(
            "SELECT date_start AS date, source_actor AS source, code, target_actor AS target, "
            "polarity, modality, evidence FROM events ORDER BY confidence DESC, date_start "
            "LIMIT 12")
        print_rows(sample, fmt=OutputFormat.table, title="a sample of events with their evidence")
    stdout.print(f"store: {db}  (try: realpolitik events --db {db} --country RUS)")
    if report.failed:
        raise typer.Exit(1)
