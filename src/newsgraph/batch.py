"""Batch ingest: stream records through the pipeline into a store, counting what happened.

Records are processed one at a time (constant memory) and written in batches of a few hundred,
one transaction each, so storage costs well under a millisecond per article. Nothing one
document does — bad bytes, a crashing stage, a database error on its rows — stops the batch:
it becomes a Failure, recorded in the store and returned in the summary.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field

from rich.console import Console
from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from newsgraph.ingest import DEFAULT_MAX_BYTES, iter_records
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record
from newsgraph.store import Store, WriteCounts

# 500 documents a transaction: SQLite's log volume and the store's CPU per article fall by a sixth
# from 250 (the index pages of a batch are written once); 1,000 gains little more for the memory
BATCH_SIZE = 500
FULL_GC_EVERY = 20  # batches between full collections (every 10,000 documents by default)

Processor = Callable[[Record], Document | Failure]


@dataclass(slots=True)
class IngestSummary:
    """Counts of one ingest run; ``processed`` counts new articles."""

    processed: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    elapsed: float = 0.0
    store_seconds: float = 0.0  # time spent writing, included in elapsed
    interrupted: bool = False  # stopped by Ctrl-C; what was processed is stored

    @property
    def total(self) -> int:
        return self.processed + self.updated + self.unchanged + self.failed

    @property
    def rate(self) -> float:
        """Documents per second over the whole run (failures included)."""
        return self.total / self.elapsed if self.elapsed > 0 else 0.0

    def add(self, counts: WriteCounts) -> None:
        self.processed += counts.new
        self.updated += counts.updated
        self.unchanged += counts.unchanged


def safe_process(record: Record, process: Processor = process_record) -> Document | Failure:
    """Run the pipeline on one record; an exception becomes a Failure carrying its text."""
    try:
        return process(record)
    except Exception as exc:  # one bad document must never stop the batch
        return Failure(record.source, f"{type(exc).__name__}: {exc}")


def _write(store: Store, docs: list[Document], summary: IngestSummary) -> None:
    """Write a batch; if the batch is refused, retry document by document to isolate the bad one."""
    started = time.perf_counter()
    try:
        summary.add(store.write(docs))
    except Exception:
        for doc in docs:
            try:
                summary.add(store.write([doc]))
            except Exception as exc:
                cause = getattr(exc, "orig", None) or exc  # the driver's words, not the SQL
                failure = Failure(doc.article.source, f"store: {type(cause).__name__}: {cause}")
                summary.failed += 1
                summary.failures.append(failure)
                with suppress(Exception):  # a database that refuses everything: still report
                    store.record_failure(failure)
    summary.store_seconds += time.perf_counter() - started


@contextmanager
def _collector_paced_by_batches() -> Iterator[Callable[[], None]]:
    """Run the cyclic garbage collector between batches instead of on allocation counts.

    A batch keeps a few hundred documents (about a million small objects) alive until it is
    written; the automatic collector walks them again and again while they pile up, which cost a
    quarter of the ingest's CPU. The pipeline frees almost everything by reference counting
    (tests/test_pipeline.py keeps it so), so collecting the young generations once per batch, after
    the batch is released, and everything every ``FULL_GC_EVERY`` batches, still bounds memory.
    Yields ``after_batch()``; the collector's previous state is restored on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    batches = 0

    def after_batch() -> None:
        nonlocal batches
        batches += 1
        gc.collect(2 if batches % FULL_GC_EVERY == 0 else 1)

    try:
        yield after_batch
    finally:
        if was_enabled:
            gc.enable()


@contextmanager
def _progress_bar(enabled: bool) -> Iterator[Callable[[int, int], None]]:
    """A transient progress display on stderr; yields ``update(seen, failed)``."""
    if not enabled:
        yield lambda _seen, _failed: None
        return
    columns = (
        SpinnerColumn(),
        TextColumn("ingesting"),
        TextColumn("[bold]{task.completed}[/] documents"),
        TextColumn("[red]{task.fields[failed]}[/] failed"),
        TextColumn("{task.fields[rate]:.0f}/s"),
        TimeElapsedColumn(),
    )
    started = time.perf_counter()
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("ingest", total=None, failed=0, rate=0.0)

        def update(seen: int, failed: int) -> None:
            rate = seen / max(time.perf_counter() - started, 1e-9)
            bar.update(task, completed=seen, failed=failed, rate=rate)

        yield update


def ingest_records(
    records: Iterable[Record],
    store: Store,
    *,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    process: Processor = process_record,
) -> IngestSummary:
    """Process records and store the results in batches of ``batch_size``."""
    results = (safe_process(record, process) for record in records)
    return store_results(results, store, progress=progress, batch_size=batch_size)


def store_results(
    results: Iterable[Document | Failure],
    store: Store,
    *,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
) -> IngestSummary:
    """The single writer: store pipeline results (from this process, worker processes or a
    cluster) in batches of ``batch_size``, counting them. An exception raised while producing
    the results (a broken reader, a lost worker) is reported as a failure; work so far is kept."""
    summary = IngestSummary()
    started = time.perf_counter()
    docs: list[Document] = []
    failed: list[Failure] = []
    seen = 0
    with _progress_bar(progress) as update, _collector_paced_by_batches() as after_batch:
        try:
            for result in results:
                if isinstance(result, Failure):
                    failed.append(result)
                    summary.failed += 1
                    summary.failures.append(result)
                else:
                    docs.append(result)
                if len(docs) >= batch_size:
                    _write(store, docs, summary)
                    docs = []
                    after_batch()
                if len(failed) >= batch_size:
                    store.record_failures(failed)
                    failed = []
                seen += 1
                update(seen, summary.failed)
        except KeyboardInterrupt:  # Ctrl-C: keep what was done, then stop
            summary.interrupted = True
        except Exception as exc:  # a reader broke its never-raise contract: report, keep the rest
            broken = Failure("<input>", f"reading stopped: {type(exc).__name__}: {exc}")
            failed.append(broken)
            summary.failed += 1
            summary.failures.append(broken)
        if docs:
            _write(store, docs, summary)
        if failed:
            store.record_failures(failed)
        update(seen, summary.failed)
    summary.elapsed = time.perf_counter() - started
    return summary


def ingest(
    inputs: Iterable[str],
    store: Store,
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: bool = False,
    batch_size: int = BATCH_SIZE,
    process: Processor = process_record,
) -> IngestSummary:
    """Ingest files, folders, globs or "-" (stdin) into ``store``."""
    records = iter_records(inputs, max_bytes=max_bytes)
    return ingest_records(
        records, store, progress=progress, batch_size=batch_size, process=process
    )


def known_links(store: Store) -> set[str]:
    """Article URLs and sources already stored: the links a feed watcher has handled before,
    so a restarted ``watch`` or ``ingest --feed`` fetches only new items."""
    import sqlalchemy as sa

    from newsgraph.store.schema import articles

    links: set[str] = set()
    stmt = sa.select(articles.c.url, articles.c.source)
    with store.engine.connect() as conn:
        for url, source in conn.execute(stmt):
            if url:
                links.add(url)
            if source and "://" in source:
                links.add(source)
    return links
