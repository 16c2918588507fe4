"""analyze, ingest and demo: the commands that run the pipeline."""

from __future__ import annotations

import json
import sys
import tempfile
from dataclasses import replace
from enum import StrEnum
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import duckdb
import typer
from rich.cells import cell_len, set_cell_size
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    Task,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from realpolitik.cli.options import (
    DEFAULT_MAX_FILE_BYTES,
    ActorsOption,
    DateOption,
    DbOption,
    EventClassModelOption,
    MaxBytesOption,
    MinConfidenceOption,
    ParticipantActorsOption,
    ParticipantModelOption,
    PatternsOption,
    build_config,
)
from realpolitik.cli.render import OutputFormat, error_line, note, print_rows, stderr, stdout
from realpolitik.config import Config
from realpolitik.errors import IngestInterrupted, StoreError
from realpolitik.ingest import IngestFailure, read_inputs
from realpolitik.store import open_store
from realpolitik.store.db import is_interrupt
from realpolitik.store.sanity import DateRejection

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
    min_confidence: MinConfidenceOption = None,
    event_class_model: EventClassModelOption = None,
    participant_model: ParticipantModelOption = None,
    participant_actors: ParticipantActorsOption = None,
) -> None:
    """Analyse documents without storing them and print the design.md JSON object."""
    config = build_config(date=date, actors=actors, patterns=patterns, max_bytes=max_bytes,
                          min_confidence=min_confidence, event_class_model=event_class_model,
                          participant_model=participant_model,
                          participant_actors=participant_actors)
    items = list(read_inputs([path], config))
    failures = [i for i in items if isinstance(i, IngestFailure)]
    for failure in failures:
        error_line("failed:", str(failure))
    documents = [i for i in items if not isinstance(i, IngestFailure)]
    if documents:
        from realpolitik.pipeline import Pipeline

        analyses = [confident(a, config.min_confidence)
                    for a in Pipeline(config).analyse(documents)]
        if fmt is AnalyzeFormat.json:
            if len(analyses) == 1:
                sys.stdout.write(json.dumps(analyses[0][0].to_json(), ensure_ascii=False,
                                            indent=2) + "\n")
            else:
                for a, _ in analyses:
                    sys.stdout.write(json.dumps(a.to_json(), ensure_ascii=False) + "\n")
        else:
            for a, hidden in analyses:
                for line in summary_lines(a, hidden, config.min_confidence, stdout.width):
                    stdout.print(line, soft_wrap=True)
    if failures:
        raise typer.Exit(1)


def confident(a: DocumentAnalysis, threshold: float) -> tuple[DocumentAnalysis, int]:
    """The analysis without events below ``threshold``, and how many were hidden."""
    kept = [e for e in a.events if e.confidence >= threshold]
    if len(kept) == len(a.events):
        return a, 0
    return replace(a, events=kept), len(a.events) - len(kept)


def _fit(text: str, width: int) -> str:
    return text if cell_len(text) <= width else set_cell_size(text, max(width - 1, 1)) + "…"


def summary_lines(a: DocumentAnalysis, hidden: int, threshold: float, width: int
                  ) -> list[Text]:
    """A compact summary of one analysis: counts, then one line per event, relation and
    figure, each cut to the terminal's width."""
    doc = a.document
    lines = [Text(_fit(f"{doc.source}  {doc.date or 'undated'}  id {doc.id}", width),
                  style="bold")]
    counts = (f"{len(a.events)} events, {len(a.relations)} relations, "
              f"{len(a.quantities)} figures, {len(a.parsed.sentences)} sentences")
    if hidden:
        counts += f" ({hidden} events below confidence {threshold:g} hidden)"
    lines.append(Text(counts))
    for e in a.events:
        who = (e.source.actor or e.source.text) if e.source else "?"
        whom = (e.target.actor or e.target.text) if e.target else "-"
        mood = "" if (e.polarity, e.modality) == ("asserted", "actual") else \
            f" [{e.polarity}, {e.modality}]"
        when = e.date.start.isoformat() if e.date else "undated"
        head = f"{when}  {who} {e.code} {whom}{mood}  "
        lines.append(Text(_fit(head + " ".join(e.evidence.split()), width)))
    for r in a.relations:
        lines.append(Text(_fit(f"relation  {r.kind} {','.join(r.parties)}"
                               f"{' ' + r.name if r.name else ''}  "
                               f"{' '.join(r.evidence.split())}", width), style="dim"))
    for q in a.quantities:
        lines.append(Text(_fit(f"figure  {q.measure} {','.join(q.parties)} {q.value} {q.unit}"
                               f"{' ' + str(q.year) if q.year else ''}  "
                               f"{' '.join(q.evidence.split())}", width), style="dim"))
    return lines


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


class RateColumn(ProgressColumn):
    """Documents per second, once there is a rate to show."""

    def render(self, task: Task) -> Text:
        speed = task.finished_speed or task.speed
        return Text(f"{speed:.1f} stories/s" if speed else "", style="progress.data.speed")


def _stored_documents(config: Config) -> int:
    if not config.db_path.exists():
        return 0
    with open_store(config.db_path, read_only=True) as store:
        return int(store.query("SELECT count(*) FROM documents")[0][0])


def run_ingest(paths: list[Path], config: Config, quiet: bool = False,
               workers: int | None = None) -> tuple[IngestReport, list[DateRejection]]:
    """Ingest with a progress bar (rate and time left) on ``workers`` processes (default:
    one per core); an interrupt keeps every batch already committed and says how many
    documents that is."""
    before = _stored_documents(config)
    try:
        return _run_ingest(paths, config, quiet, workers)
    except (KeyboardInterrupt, duckdb.InterruptException, RuntimeError) as exc:
        # DuckDB reports an interrupt during an Arrow scan as a plain "Query interrupted"
        if not isinstance(exc, KeyboardInterrupt) and not is_interrupt(exc):
            raise
        try:
            stored = _stored_documents(config) - before
        except (StoreError, KeyboardInterrupt):
            stored = 0
        raise IngestInterrupted(stored) from None


def _run_ingest(paths: list[Path], config: Config, quiet: bool, workers: int | None
                ) -> tuple[IngestReport, list[DateRejection]]:
    from realpolitik.parallel import default_workers, ingest_parallel

    workers = default_workers() if workers is None else workers
    # shared: the file is released between batches, so queries can read while this runs
    with open_store(config.db_path, shared=True, dedup=config.dedup) as store:
        total = _count_items(paths)
        show_bar = not quiet and (total is None or total > 1)
        with Progress(TextColumn("[progress.description]{task.description}"), BarColumn(),
                      MofNCompleteColumn(), RateColumn(), TimeElapsedColumn(),
                      TextColumn("left"), TimeRemainingColumn(), console=stderr,
                      disable=not show_bar, transient=False) as progress:
            task = progress.add_task("ingesting", total=total)

            def failed(f: IngestFailure) -> None:
                error_line("failed:", str(f), progress.console)

            report = ingest_parallel(paths, config, store, workers,
                                     on_progress=lambda n: progress.advance(task, n),
                                     on_failure=failed)
        report_rejections(store.date_rejections)
    return report, store.date_rejections


def report_rejections(rejections: list[DateRejection]) -> None:
    """Event dates the store refused: how many, and the first few reasons."""
    for rejection in rejections[:5]:
        note(f"event date refused: {rejection}; the publication date is used")
    if len(rejections) > 5:
        note(f"... {len(rejections) - 5} more event dates refused")


def confident_events(config: Config, since: object) -> tuple[int, int]:
    """Events stored since ``since`` (the store's clock), and how many of them reach the
    configured confidence."""
    with open_store(config.db_path, read_only=True) as store:
        row = store.query(
            """SELECT count(*), count(*) FILTER (WHERE e.confidence >= ?) FROM events e
               JOIN documents d ON d.id = e.document_id WHERE d.ingested_at >= ?""",
            [config.min_confidence, since])[0]
    return int(row[0]), int(row[1])


def print_report(report: IngestReport, config: Config, confident: int | None = None,
                 rejected: int = 0) -> None:
    table = Table(title=f"ingest into {config.db_path}", show_header=False)
    events = str(report.events)
    if confident is not None and confident != report.events:
        events += f" ({confident} at confidence >= {config.min_confidence:g})"
    rate = (report.new + report.skipped) / report.seconds if report.seconds else 0.0
    for label, value in (("documents new", report.new), ("documents skipped", report.skipped),
                         ("documents failed", report.failed), ("events", events),
                         ("event dates refused", rejected),
                         ("relations", report.relations), ("quantities", report.quantities),
                         ("time", f"{report.seconds:.1f} s ({rate:.1f} stories/s)")):
        table.add_row(label, str(value))
    stderr.print(table)


def _store_clock(config: Config) -> object:
    with open_store(config.db_path, shared=True) as store:
        return store.query("SELECT current_timestamp::TIMESTAMP")[0][0]


def ingest_command(
    paths: Annotated[list[Path], typer.Argument(help="Files, directories or - for stdin.")],
    db: DbOption = None, date: DateOption = None,
    actors: ActorsOption = None, patterns: PatternsOption = None,
    max_bytes: MaxBytesOption = DEFAULT_MAX_FILE_BYTES,
    batch_size: Annotated[int, typer.Option("--batch-size", min=1)] = 64,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar.")] = False,
    min_confidence: MinConfidenceOption = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", "-w", min=1,
        help="Processes running the pipeline (default: one per core); the stored rows are "
             "the same for any number.")] = None,
    event_class_model: EventClassModelOption = None,
    participant_model: ParticipantModelOption = None,
    participant_actors: ParticipantActorsOption = None,
) -> None:
    """Analyse documents and store them; already stored documents are skipped.

    Every event is stored; --min-confidence only changes what the summary counts.
    """
    config = build_config(db=db, date=date, actors=actors, patterns=patterns,
                          max_bytes=max_bytes, batch_size=batch_size,
                          min_confidence=min_confidence, event_class_model=event_class_model,
                          participant_model=participant_model,
                          participant_actors=participant_actors)
    try:
        since = _store_clock(config)
    except KeyboardInterrupt:
        # stopped while the store was opened or its tables made (rolled back): nothing new
        raise IngestInterrupted(0) from None
    report, rejected = run_ingest(paths, config, quiet=quiet, workers=workers)
    try:
        _, confident = confident_events(config, since)
        print_report(report, config, confident=confident, rejected=len(rejected))
    except KeyboardInterrupt:
        # every batch is committed by now; Typer would turn the interrupt into a silent 130
        raise IngestInterrupted(report.new) from None
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
    stdout.print(Text.assemble(("realpolitik demo", "bold"),
                               f": ingesting {len(articles)} articles from {corpus}"))
    report, rejected = run_ingest(articles, config)
    print_report(report, config, rejected=len(rejected))
    with open_store(db, read_only=True) as store:
        print_rows(top_dyads(store, limit=10), fmt=OutputFormat.table, title="top dyads")
        sample = store.query_dicts(
            "SELECT date_start AS date, source_actor AS source, code, target_actor AS target, "
            "polarity, modality, evidence FROM events WHERE confidence >= ? "
            "ORDER BY confidence DESC, date_start LIMIT 12", [config.min_confidence])
        print_rows(sample, fmt=OutputFormat.table, title="a sample of events with their evidence")
    stdout.print(f"store: {db}  (try: realpolitik events --db {db} --country RUS)",
                 soft_wrap=True)
    stdout.print(f"in a browser: realpolitik serve --db {db}  then open http://127.0.0.1:8000/",
                 soft_wrap=True)
    if report.failed:
        raise typer.Exit(1)
