"""Export a table of the database as CSV, JSON Lines or Parquet, streaming in chunks.

Rows are read ``chunk_size`` at a time (a server-side cursor where the engine has one) and
written as they come, so exporting a million quotations takes the memory of one chunk. Any table
the database has can be exported with the types its schema declares (dates stay dates in Parquet,
JSON columns stay nested in JSON Lines); ``actors`` is derived (store counts joined with the
knowledge base) when the database keeps no actors table. A table the database does not have
(``events`` before the schema stores them) is a clear :class:`ExportError`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import IO, Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from newsgraph.store.schema import metadata as store_metadata

DEFAULT_CHUNK = 1000
JSON_NOTE = {"format": "json"}


class ExportFormat(StrEnum):
    CSV = "csv"
    JSONL = "jsonl"
    PARQUET = "parquet"


class ExportTable(StrEnum):
    QUOTES = "quotes"
    ARTICLES = "articles"
    MENTIONS = "mentions"
    ACTORS = "actors"
    EVENTS = "events"


class ExportError(Exception):
    """The export cannot be made (no such table, an output that cannot take the format)."""


class Kind(StrEnum):
    """A column's value type, as the writers need it."""

    TEXT = "text"
    INT = "int"
    FLOAT = "float"
    BOOL = "bool"
    DATE = "date"
    DATETIME = "datetime"
    JSON = "json"


@dataclass(frozen=True, slots=True)
class Column:
    name: str
    kind: Kind


Rows = Iterator[Sequence[Sequence[Any]]]  # chunks of rows, each row in column order


@dataclass(slots=True)
class Export:
    """What to write: the columns and the chunks of rows (a lazy stream)."""

    table: str
    columns: list[Column]
    chunks: Rows


def kind_of(column_type: sa.types.TypeEngine[Any]) -> Kind:
    """The writer kind of a SQLAlchemy column type."""
    checks: tuple[tuple[type[Any], Kind], ...] = (
        (sa.JSON, Kind.JSON),
        (sa.DateTime, Kind.DATETIME),
        (sa.Date, Kind.DATE),
        (sa.Boolean, Kind.BOOL),
        (sa.Integer, Kind.INT),
        (sa.Float, Kind.FLOAT),
        (sa.Numeric, Kind.FLOAT),
    )
    for cls, kind in checks:
        if isinstance(column_type, cls):
            return kind
    return Kind.TEXT


# ---------------------------------------------------------------------------- reading


def table_export(engine: Engine, table: str, *, chunk_size: int = DEFAULT_CHUNK) -> Export:
    """The rows of ``table`` (or the derived actors listing) as a lazy :class:`Export`."""
    if not sa.inspect(engine).has_table(table):
        if table == ExportTable.ACTORS:
            return _derived_actors(engine)
        raise ExportError(_missing_message(table))
    return _stored_table(engine, table, chunk_size)


def _missing_message(table: str) -> str:
    hint = ""
    if table == ExportTable.EVENTS:
        hint = " (this database was made by a newsgraph that did not store events yet)"
    return f"the database has no {table!r} table{hint}"


def _stored_table(engine: Engine, name: str, chunk_size: int) -> Export:
    """A table's columns typed by the store's schema where it declares them, else reflected."""
    inspector = sa.inspect(engine)
    found = inspector.get_columns(name)  # columns only: no index reflection (and its warnings)
    names = [c["name"] for c in found]
    declared = store_metadata.tables.get(name)
    columns: list[sa.ColumnElement[Any]]
    if declared is not None and all(n in declared.c for n in names):
        columns = [declared.c[n] for n in names]  # the store's own types (JSON, dates)
    else:
        light = sa.table(name, *(sa.column(c["name"], c["type"]) for c in found))
        columns = [light.c[n] for n in names]
    by_name = {c.name: c for c in columns}
    stmt = sa.select(*columns)
    key = inspector.get_pk_constraint(name).get("constrained_columns") or []
    if key:
        stmt = stmt.order_by(*(by_name[k] for k in key if k in by_name))
    spec = [Column(c.name, kind_of(c.type)) for c in columns]
    return Export(name, spec, _stream(engine, stmt, chunk_size))


def _stream(engine: Engine, stmt: sa.Select[Any], chunk_size: int) -> Rows:
    with engine.connect() as conn:
        result = conn.execution_options(stream_results=True, yield_per=chunk_size).execute(stmt)
        for part in result.partitions(chunk_size):
            yield [tuple(row) for row in part]


def _derived_actors(engine: Engine) -> Export:
    """Actors as ``newsgraph actors`` lists them: one row per actor the store links to."""
    from newsgraph.kb import default_kb
    from newsgraph.store.actors import ACTOR_COLUMNS, actor_rows

    kinds = {"quotes": Kind.INT, "mentions": Kind.INT, "articles": Kind.INT, "in_kb": Kind.BOOL}
    columns = [Column(name, kinds.get(name, Kind.TEXT)) for name in ACTOR_COLUMNS]

    def chunks() -> Rows:
        rows = actor_rows(engine, default_kb())
        for i in range(0, len(rows), DEFAULT_CHUNK):
            yield [tuple(getattr(r, n) for n in ACTOR_COLUMNS) for r in rows[i : i + DEFAULT_CHUNK]]

    return Export("actors", columns, chunks())


# ---------------------------------------------------------------------------- writing


def _iso(value: Any) -> Any:
    if isinstance(value, dt.datetime):
        return value.isoformat(timespec="seconds" if not value.microsecond else "microseconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _json_text(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=str)


def write_csv(export: Export, out: IO[str]) -> int:
    """CSV (RFC 4180) with a header row; JSON columns as JSON text, dates ISO, nulls empty."""
    writer = csv.writer(out)  # CRLF rows (RFC 4180): a lone "\r" in a value gets quoted too
    writer.writerow([c.name for c in export.columns])
    as_json = [i for i, c in enumerate(export.columns) if c.kind is Kind.JSON]
    count = 0
    for chunk in export.chunks:
        for row in chunk:
            values = [_iso(v) for v in row]
            for i in as_json:
                values[i] = _json_text(row[i])
            writer.writerow(values)
        count += len(chunk)
    return count


def write_jsonl(export: Export, out: IO[str]) -> int:
    """One JSON object per row; JSON columns nested as they are."""
    names = [c.name for c in export.columns]
    count = 0
    for chunk in export.chunks:
        lines = [
            json.dumps(
                dict(zip(names, map(_iso, row), strict=True)),
                ensure_ascii=False,
                default=str,
            )
            for row in chunk
        ]
        out.write("\n".join(lines) + "\n" if lines else "")
        count += len(chunk)
    return count


def parquet_schema(columns: Sequence[Column]) -> Any:
    """The Arrow schema of an export: typed columns, JSON columns as JSON text (tagged)."""
    import pyarrow as pa

    types = {
        Kind.TEXT: pa.string(),
        Kind.INT: pa.int64(),
        Kind.FLOAT: pa.float64(),
        Kind.BOOL: pa.bool_(),
        Kind.DATE: pa.date32(),
        Kind.DATETIME: pa.timestamp("us"),
        Kind.JSON: pa.string(),
    }
    return pa.schema(
        [
            pa.field(c.name, types[c.kind], metadata=JSON_NOTE if c.kind is Kind.JSON else None)
            for c in columns
        ]
    )


def write_parquet(export: Export, out: IO[bytes]) -> int:
    """Parquet, one row group per chunk (zstd)."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = parquet_schema(export.columns)
    as_json = [i for i, c in enumerate(export.columns) if c.kind is Kind.JSON]
    count = 0
    with pq.ParquetWriter(out, schema, compression="zstd") as writer:
        for chunk in export.chunks:
            columns = [list(col) for col in zip(*chunk, strict=True)] if chunk else []
            if not columns:
                continue
            for i in as_json:
                columns[i] = [_json_text(v) for v in columns[i]]
            writer.write_table(pa.table(columns, schema=schema))
            count += len(chunk)
    return count


def write_export(export: Export, fmt: ExportFormat, out: IO[bytes]) -> int:
    """Write ``export`` to a binary stream in ``fmt``; returns the number of rows."""
    if fmt is ExportFormat.PARQUET:
        return write_parquet(export, out)
    text = io.TextIOWrapper(out, encoding="utf-8", newline="", write_through=True)
    try:
        if fmt is ExportFormat.CSV:
            return write_csv(export, text)
        return write_jsonl(export, text)
    finally:
        text.flush()
        text.detach()  # leave ``out`` open: it belongs to the caller
