"""Streamed CSV and JSON-lines exports of listings.

Rows are streamed as they are read so an export of the whole database keeps memory flat. CSV
cells that a spreadsheet would run as a formula (text from the web starting with ``=`` and
friends) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator
from typing import Any

from starlette.responses import StreamingResponse

FORMATS = ("json", "csv", "jsonl")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _flat(row: dict[str, Any]) -> dict[str, Any]:
    """Nested values as CSV-friendly scalars: dicts become prefixed columns, lists joined."""
    out: dict[str, Any] = {}
    for key, value in row.items():
        if isinstance(value, dict):
            for sub, v in value.items():
                out[f"{key}_{sub}"] = v
        elif isinstance(value, list | tuple):
            out[key] = "; ".join(str(v) for v in value)
        else:
            out[key] = value
    return out


def _cell(value: Any) -> Any:
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return "" if value is None else value


def csv_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    """CSV text in chunks, header from the first row's keys."""
    buf = io.StringIO()
    writer: csv.DictWriter[str] | None = None
    for n, row in enumerate(rows, 1):
        flat = _flat(row)
        if writer is None:
            writer = csv.DictWriter(buf, fieldnames=list(flat), extrasaction="ignore")
            writer.writeheader()
        writer.writerow({k: _cell(v) for k, v in flat.items()})
        if n % 200 == 0:
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    yield buf.getvalue()


def jsonl_lines(rows: Iterable[dict[str, Any]]) -> Iterator[str]:
    for row in rows:
        yield json.dumps(row, ensure_ascii=False, default=str) + "\n"


def export_response(rows: Iterable[dict[str, Any]], fmt: str, name: str) -> StreamingResponse:
    """A download of ``rows`` as ``fmt`` (csv or jsonl) named ``name.<fmt>``."""
    if fmt == "csv":
        body, media = csv_lines(rows), "text/csv; charset=utf-8"
    else:
        body, media = jsonl_lines(rows), "application/x-ndjson; charset=utf-8"
    return StreamingResponse(
        body,
        media_type=media,
        headers={"content-disposition": f'attachment; filename="{name}.{fmt}"'},
    )
