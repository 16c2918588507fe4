"""Ingest on every core: the whole pipeline in N worker processes, one writer.

The pipeline (spaCy model, knowledge base, dictionaries) is loaded once, in the calling
process, and the workers are forked from it, so they share it copy-on-write and start at
once: ``--workers N`` pays about the start-up of ``--workers 1``. Each worker turns chunks
of documents into store rows with :meth:`Pipeline.analyse`, the same code path as a
one-process run. Chunks go out in input order and their rows are written in
that order by the calling process, which alone owns the DuckDB file, so ``--workers 4``
stores exactly what ``--workers 1`` stores: same ids, same rows. Only a few chunks per
worker are in flight at once, so memory stays flat however long the input.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from multiprocessing.pool import AsyncResult
from pathlib import Path

from realpolitik.config import Config
from realpolitik.errors import ConfigError
from realpolitik.ingest import IngestFailure
from realpolitik.model import Document
from realpolitik.pipeline import (
    IngestReport,
    Pipeline,
    ProgressCallback,
    analyse_chunks,
    ingest_with,
    keep_loaded,
)
from realpolitik.store import Store
from realpolitik.store.rows import RowBatch

#: chunks queued per worker beyond the one it is working on: enough to keep it busy while
#: the writer stores a result, few enough that memory does not grow with the input
IN_FLIGHT_PER_WORKER = 2

#: the pipeline the workers use: set in the calling process just before they are forked,
#: so each worker finds it already loaded
_worker_pipeline: Pipeline | None = None


def default_workers() -> int:
    """One worker per core this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(config: Config) -> None:
    """A worker's own pipeline, where workers cannot be forked from a loaded one."""
    global _worker_pipeline
    if _worker_pipeline is None:
        _worker_pipeline = Pipeline(config)
        keep_loaded()


def _analyse_in_worker(chunk: list[Document]) -> RowBatch:
    if _worker_pipeline is None:  # pragma: no cover - set before the fork, or at start
        raise RuntimeError("worker started without its pipeline")
    return next(analyse_chunks(_worker_pipeline, [chunk]))


def _context() -> multiprocessing.context.BaseContext:
    """Fork where the platform has it (the workers inherit the loaded pipeline); spawn
    elsewhere (each worker then loads its own)."""
    if "fork" in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")  # pragma: no cover - not on Linux


def pool_analyser(config: Config, workers: int, pipeline: Pipeline | None = None
                  ) -> Callable[[Iterator[list[Document]]], Iterator[RowBatch]]:
    """An analyser running chunks on ``workers`` processes, results in input order.

    The pipeline (``pipeline``, or one loaded here) is loaded in this process before the
    workers are forked, so it loads once and the workers share its memory. A single chunk
    is analysed here, in this process, with no workers at all.

    Forking is safe here although the caller may hold a DuckDB connection (and its
    threads): the workers only run the pipeline on plain documents and send rows back,
    never touch the store, the console or any lock another thread could hold, and end with
    ``os._exit`` as every forked multiprocessing worker does. ``realpolitik ingest`` opens
    its store in shared mode, which holds no connection between batches, so there the
    process forks with no DuckDB thread at all.
    """

    def analyse(chunks: Iterator[list[Document]]) -> Iterator[RowBatch]:
        global _worker_pipeline
        first = next(chunks, None)
        if first is None:
            return
        loaded = pipeline or Pipeline(config)
        second = next(chunks, None)
        if second is None:
            yield from analyse_chunks(loaded, [first])
            return
        context = _context()
        _worker_pipeline = loaded
        # objects alive now are never freed by the workers' collector, so its passes do
        # not write to (and so copy) the pages of the shared pipeline
        gc.freeze()
        try:
            with context.Pool(workers, initializer=_start_worker, initargs=(config,)) as pool:
                pending: deque[AsyncResult[RowBatch]] = deque()
                window = workers * (1 + IN_FLIGHT_PER_WORKER)
                for chunk in _chain(first, second, chunks):
                    pending.append(pool.apply_async(_analyse_in_worker, (chunk,)))
                    while len(pending) >= window:
                        yield pending.popleft().get()
                while pending:
                    yield pending.popleft().get()
        finally:
            gc.unfreeze()
            _worker_pipeline = None

    return analyse


def _chain(first: list[Document], second: list[Document],
           rest: Iterator[list[Document]]) -> Iterator[list[Document]]:
    yield first
    yield second
    yield from rest


def ingest_parallel(paths: Sequence[Path], config: Config, store: Store, workers: int,
                    on_progress: ProgressCallback | None = None,
                    on_failure: Callable[[IngestFailure], None] | None = None,
                    pipeline: Pipeline | None = None) -> IngestReport:
    """:func:`realpolitik.pipeline.ingest` on ``workers`` processes (1: this process),
    with ``pipeline`` if given (the workers are forked from it), else one loaded here."""
    if workers < 1:
        raise ConfigError(f"workers must be at least 1, got {workers}")
    if workers == 1:
        one = pipeline or Pipeline(config)
        keep_loaded()
        return ingest_with(paths, config, store, lambda chunks: analyse_chunks(one, chunks),
                           on_progress=on_progress, on_failure=on_failure)
    return ingest_with(paths, config, store, pool_analyser(config, workers, pipeline),
                       on_progress=on_progress, on_failure=on_failure)
