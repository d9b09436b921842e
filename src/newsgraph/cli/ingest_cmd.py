"""`newsgraph ingest PATH|URL...`, `ingest --feed URL`, `watch FEED...` and `load SHARDS`: run the
pipeline over files, pages and feeds into a database (in N worker processes or on a Dask cluster
with ``--workers``/``--dask``; ONE writer either way), then summarise.

Also holds the options and helpers every database command shares (``--db``, opening a store
with a clear error), which :mod:`newsgraph.cli.query_cmd` imports.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.batch import IngestSummary, known_links, safe_process, store_results
from newsgraph.cli import app
from newsgraph.ingest import DEFAULT_MAX_BYTES, iter_records
from newsgraph.ingest.fetch import Fetcher
from newsgraph.model import Record
from newsgraph.pipeline import PROFILES, processor
from newsgraph.store import SchemaError, Store, StoreNotFoundError, open_store

if TYPE_CHECKING:
    from newsgraph.scale.dask_runner import DaskRunner

DEFAULT_DB = "newsgraph.db"
DB_OPTION = typer.Option(
    DEFAULT_DB, "--db", envvar="NEWSGRAPH_DB", help="SQLite file (or SQLAlchemy URL)."
)
FAILURES_SHOWN = 50


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print an error to stderr and return the Exit to raise (usage errors exit 2)."""
    Console(stderr=True).print(f"[red]error:[/] {escape(message)}")
    return typer.Exit(code)


def open_db(db: str, *, create: bool) -> Store:
    """Open the database; a missing file (read commands) or a foreign schema exits with 2."""
    try:
        return open_store(db, create=create)
    except StoreNotFoundError as exc:
        raise fail(f"{exc} (run `newsgraph ingest --db {db} PATH...` first)") from exc
    except SchemaError as exc:
        raise fail(f"{db}: {exc}") from exc
    except Exception as exc:  # unreadable file, not a database, bad URL ...
        cause = getattr(exc, "orig", None) or exc  # the driver's words, without SQLAlchemy's
        raise fail(f"cannot open database {db}: {cause}") from exc


def summary_table(summary: IngestSummary) -> Table:
    table = Table(title="ingest", show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("processed (new)", str(summary.processed))
    table.add_row("updated", str(summary.updated))
    table.add_row("unchanged", str(summary.unchanged))
    table.add_row("failed", f"[red]{summary.failed}[/]" if summary.failed else "0")
    table.add_row("time", f"{summary.elapsed:.2f} s")
    table.add_row("articles/s", f"{summary.rate:.0f}")
    return table


def failures_table(summary: IngestSummary) -> Table:
    table = Table(title="failed documents", title_justify="left")
    table.add_column("source", overflow="fold")
    table.add_column("reason", overflow="fold")
    for f in summary.failures[:FAILURES_SHOWN]:
        table.add_row(escape(f.source), escape(f.error))
    hidden = len(summary.failures) - FAILURES_SHOWN
    if hidden > 0:
        table.add_row(f"... and {hidden} more", "see the `failures` table in the database")
    return table


def is_url(text: str) -> bool:
    return text.startswith(("http://", "https://"))


def make_fetcher(max_bytes: int = DEFAULT_MAX_BYTES) -> Fetcher:
    """The polite fetcher the web commands use (one request per host per second, robots.txt)."""
    from newsgraph.ingest.fetch import PoliteFetcher

    return PoliteFetcher(max_bytes=max_bytes)


def iter_inputs(
    paths: Iterable[str],
    feeds: Iterable[str] = (),
    *,
    max_bytes: int = DEFAULT_MAX_BYTES,
    fetcher: Fetcher | None = None,
    seen: set[str] | None = None,
    max_items: int | None = None,
) -> Iterator[Record]:
    """Records of files/folders/globs/stdin, single pages (``http(s)://`` arguments) and the new
    items of feeds (links not in ``seen``); pages are fetched lazily, politely, one at a time."""
    paths, feeds = list(paths), list(feeds)
    needs_web = bool(feeds) or any(is_url(p) for p in paths)
    if needs_web and fetcher is None:
        fetcher = make_fetcher(max_bytes)
    files: list[str] = []
    for path in paths:
        if not is_url(path):
            files.append(path)
            continue
        yield from iter_records(files, max_bytes=max_bytes)
        files = []
        from newsgraph.ingest.feeds import record_from_url

        assert fetcher is not None
        yield record_from_url(path, fetcher=fetcher)
    yield from iter_records(files, max_bytes=max_bytes)
    if feeds:
        from newsgraph.ingest.feeds import iter_feed_records

        assert fetcher is not None
        handled = set() if seen is None else seen
        for feed in feeds:
            yield from iter_feed_records(feed, fetcher=fetcher, seen=handled, max_items=max_items)


def print_summary(summary: IngestSummary, *, quiet: bool) -> None:
    out = Console()
    if quiet:
        out.print(
            f"{summary.processed} new, {summary.updated} updated, {summary.unchanged} unchanged,"
            f" {summary.failed} failed in {summary.elapsed:.2f} s ({summary.rate:.0f}/s)",
            highlight=False,
        )
    else:
        out.print(summary_table(summary))
    if summary.failures:
        out.print(failures_table(summary))
    if summary.interrupted:
        Console(stderr=True).print("[yellow]interrupted:[/] the documents above are stored")
        raise typer.Exit(130)


def _check_db(db: str) -> None:
    if Path(db).is_dir():
        raise fail(f"--db {db} is a folder; give a database file name")


WORKERS_OPTION = typer.Option(
    1, "--workers", "-w", min=1, help="Worker processes for the pipeline (Dask: cluster workers)."
)
QUIET_OPTION = typer.Option(False, "--quiet", "-q", help="No progress bar, one-line summary.")
PROFILE_OPTION = typer.Option(
    "full", "--profile", help="Stages to run: quotes, actors (+ entities, linking) or full."
)
MAX_ITEMS_OPTION = typer.Option(
    None, "--max-items", min=1, help="Pages fetched per feed (per round), newest first."
)


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(
        None,
        metavar="PATH",
        show_default=False,
        help='Files, folders, globs, "-" for stdin (text, HTML, JSON, JSONL, WARC), or page URLs.',
    ),
    db: str = DB_OPTION,
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Skip (and report) larger files."
    ),
    quiet: bool = QUIET_OPTION,
    feeds: list[str] = typer.Option(
        None, "--feed", metavar="URL", help="An RSS/Atom feed: ingest its new items (repeatable)."
    ),
    max_items: int | None = MAX_ITEMS_OPTION,
    workers: int = WORKERS_OPTION,
    dask: str | None = typer.Option(
        None, "--dask", metavar="ADDRESS", help='Run on a Dask scheduler, or "local".'
    ),
    shards: Path | None = typer.Option(
        None,
        "--shards",
        help="With --dask: workers write Parquet shards here (import: `newsgraph load DIR`).",
    ),
    chunk_size: int = typer.Option(
        0, "--chunk-size", min=0, help="Records per worker task (0: the runner's default)."
    ),
    profile: str = PROFILE_OPTION,
) -> None:
    """Extract quotations from articles and store them; re-ingesting is a no-op."""
    paths, feeds = paths or [], feeds or []
    if not paths and not feeds:
        raise fail("nothing to ingest: give PATH... or --feed URL")
    if shards is not None and not dask:
        raise fail("--shards needs --dask (the workers write the shards)")
    if profile not in PROFILES:
        raise fail(f"--profile must be one of {', '.join(PROFILES)}, not {profile!r}")
    process = processor(profile)
    if shards is not None:
        records = iter_inputs(paths, feeds, max_bytes=max_bytes, max_items=max_items)
        from newsgraph.scale.dask_runner import DaskRunner

        cluster = DaskRunner(
            dask or "local", workers=workers, chunk_size=chunk_size or None, process=process
        )
        _write_shards(records, shards, cluster, quiet=quiet)
        return
    _check_db(db)
    from newsgraph.scale.runners import runner

    store = open_db(db, create=True)
    try:
        seen = known_links(store) if feeds else None
        records = iter_inputs(paths, feeds, max_bytes=max_bytes, seen=seen, max_items=max_items)
        options = {"workers": workers, "dask": dask, "chunk_size": chunk_size or None}
        with runner(**options, process=process) as results:
            summary = store_results(results(records), store, progress=not quiet)
    except OSError as exc:  # a Dask scheduler that cannot be reached
        raise fail(f"cannot run: {exc}") from exc
    finally:
        store.close()
    print_summary(summary, quiet=quiet)


def _write_shards(
    records: Iterable[Record], folder: Path, runner: DaskRunner, *, quiet: bool
) -> None:
    if folder.exists() and not folder.is_dir():
        raise fail(f"--shards {folder} is a file; give a folder")
    folder.mkdir(parents=True, exist_ok=True)
    summary = IngestSummary()
    shard_count = 0
    with runner as cluster:
        for outcome in cluster.write_shards(records, str(folder.resolve())):
            if isinstance(outcome, list):
                summary.failed += len(outcome)
                summary.failures.extend(outcome)
                continue
            shard_count += 1
            summary.processed += outcome.documents
            summary.failed += outcome.failures
    out = Console()
    out.print(
        f"{summary.processed} documents, {summary.failed} failed, in {shard_count} shards under"
        f" {folder}; import them with `newsgraph load {folder} --db FILE`",
        highlight=False,
    )
    if summary.failures and not quiet:
        out.print(failures_table(summary))


@app.command("load")
def load_command(
    folder: Path = typer.Argument(..., metavar="SHARDS", help="Folder of Parquet shards (or one)."),
    db: str = DB_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Import the Parquet shards of `ingest --dask ... --shards DIR`; loading twice is a no-op."""
    from newsgraph.scale.shards import iter_shard_results, shard_paths

    if not folder.exists():
        raise fail(f"no such folder: {folder}")
    paths = shard_paths(folder)
    if not paths:
        raise fail(f"no shards (part-*.parquet) in {folder}")
    _check_db(db)
    store = open_db(db, create=True)
    try:
        summary = store_results(iter_shard_results(paths), store, progress=not quiet)
    finally:
        store.close()
    print_summary(summary, quiet=quiet)


@app.command("watch")
def watch_command(
    feeds: list[str] = typer.Argument(..., metavar="FEED", help="RSS/Atom feed URLs."),
    db: str = DB_OPTION,
    interval: float = typer.Option(900.0, "--interval", min=1.0, help="Seconds between polls."),
    rounds: int | None = typer.Option(None, "--rounds", min=1, help="Stop after N polls."),
    max_items: int | None = MAX_ITEMS_OPTION,
    quiet: bool = QUIET_OPTION,
) -> None:
    """Poll feeds and ingest their new items; links stored before (even by an earlier run) are
    not fetched again."""
    from newsgraph.ingest.feeds import watch

    _check_db(db)
    store = open_db(db, create=True)
    out = Console()
    total = IngestSummary()

    def on_records(batch: list[Record]) -> None:
        summary = store_results((safe_process(r) for r in batch), store)
        for name in ("processed", "updated", "unchanged", "failed", "elapsed"):
            setattr(total, name, getattr(total, name) + getattr(summary, name))
        total.failures.extend(summary.failures)
        if not quiet:
            feed = batch[0].metadata.get("feed") or batch[0].source
            out.print(
                f"{feed}: {summary.processed} new, {summary.updated} updated,"
                f" {summary.unchanged} unchanged, {summary.failed} failed",
                highlight=False,
            )

    try:
        stats = watch(
            feeds,
            interval,
            on_records,
            rounds,
            fetcher=make_fetcher(),
            seen=known_links(store),
            max_items=max_items,
        )
    except KeyboardInterrupt:
        total.interrupted = True
        stats = None
    finally:
        store.close()
    rounds_done = f" over {stats.rounds} rounds" if stats is not None else ""
    out.print(f"watch{rounds_done}:", highlight=False)
    print_summary(total, quiet=True)
