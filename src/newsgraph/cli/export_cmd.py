"""`newsgraph export`: a table of the database as CSV, JSON Lines or Parquet, to a file or stdout.

Streams in chunks (constant memory); the work is in :mod:`newsgraph.export`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console

from newsgraph.cli import app
from newsgraph.cli.ingest_cmd import DB_OPTION, fail, open_db
from newsgraph.export import (
    DEFAULT_CHUNK,
    Export,
    ExportError,
    ExportFormat,
    ExportTable,
    table_export,
    write_export,
)

STDOUT = "-"


@app.command("export")
def export_command(
    fmt: ExportFormat = typer.Option(
        ExportFormat.CSV, "--format", "-f", case_sensitive=False, help="Output format."
    ),
    table: ExportTable = typer.Option(
        ExportTable.QUOTES, "--table", "-t", case_sensitive=False, help="What to export."
    ),
    db: str = DB_OPTION,
    output: str = typer.Option(
        STDOUT, "--output", "-o", metavar="FILE", help='Output file, or "-" for stdout.'
    ),
    chunk_size: int = typer.Option(
        DEFAULT_CHUNK, "--chunk-size", min=1, help="Rows read and written at a time."
    ),
) -> None:
    """Export quotes, articles, mentions, actors or events; every column, typed."""
    if output == STDOUT and fmt is ExportFormat.PARQUET and sys.stdout.isatty():
        raise fail("Parquet is binary: give --output FILE (or redirect stdout)")
    if output != STDOUT and Path(output).is_dir():
        raise fail(f"--output {output} is a folder; give a file name")
    store = open_db(db, create=False)
    try:
        export = table_export(store.engine, table.value, chunk_size=chunk_size)
        if output == STDOUT:
            rows = write_export(export, fmt, sys.stdout.buffer)
            sys.stdout.buffer.flush()
        else:
            rows = _to_file(export, fmt, Path(output))
    except ExportError as exc:
        raise fail(str(exc)) from exc
    finally:
        store.close()
    if output != STDOUT:
        Console(stderr=True).print(f"{rows} {table.value} rows → {output}", highlight=False)


def _to_file(export: Export, fmt: ExportFormat, path: Path) -> int:
    """Write to a temporary name and rename: a failed export leaves no half file behind."""
    tmp = path.with_name(f".{path.name}.partial")
    try:
        with open(tmp, "wb") as fh:
            rows = write_export(export, fmt, fh)
        tmp.replace(path)
    finally:
        tmp.unlink(missing_ok=True)
    return rows
