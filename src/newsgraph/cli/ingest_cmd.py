"""`newsgraph ingest PATH...`: run the pipeline over files into a database, then summarise.

Also holds the options and helpers every database command shares (``--db``, opening a store
with a clear error), which :mod:`newsgraph.cli.query_cmd` imports.
"""

from __future__ import annotations

from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.batch import IngestSummary, ingest
from newsgraph.cli import app
from newsgraph.ingest import DEFAULT_MAX_BYTES
from newsgraph.store import SchemaError, Store, StoreNotFoundError, open_store

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


@app.command("ingest")
def ingest_command(
    paths: list[str] = typer.Argument(
        ...,
        metavar="PATH",
        help='Files, folders, globs, or "-" for stdin (text, HTML, JSON, JSONL, WARC).',
    ),
    db: str = DB_OPTION,
    max_bytes: int = typer.Option(
        DEFAULT_MAX_BYTES, "--max-bytes", min=1, help="Skip (and report) larger files."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, one-line summary."),
) -> None:
    """Extract quotations from articles and store them; re-ingesting is a no-op."""
    if Path(db).is_dir():
        raise fail(f"--db {db} is a folder; give a database file name")
    store = open_db(db, create=True)
    try:
        summary = ingest(paths, store, max_bytes=max_bytes, progress=not quiet)
    finally:
        store.close()
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
