"""Bulk reads and writes straight through the DB-API cursor.

A batch reads tens of thousands of small rows (LSH band entries, signatures, group keys) and
updates thousands of counters; SQLAlchemy's per-row parameter and result handling costs more than
SQLite's own work for them, so these run as plain SQL written with ``?`` placeholders (turned into
the driver's own positional style) over values already in database form. Drivers with named
parameters go through ``sa.text`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _named(sql: str) -> str:
    parts = sql.split("?")
    return parts[0] + "".join(f":p{i}{part}" for i, part in enumerate(parts[1:]))


def _as_names(row: Sequence[Any]) -> dict[str, Any]:
    return {f"p{i}": v for i, v in enumerate(row)}


def padded_chunks(items: Sequence[Any], chunk: int) -> Iterator[Sequence[Any]]:
    """``items`` in chunks of at most ``chunk``, each padded (repeating its last item) to a
    power of two or to ``chunk``: SQLAlchemy statements built per chunk size then come in a
    handful of shapes compiled once, instead of a new one for nearly every batch."""
    for i in range(0, len(items), chunk):
        part = list(items[i : i + chunk])
        size = min(chunk, 1 << (len(part) - 1).bit_length())
        yield part + [part[-1]] * (size - len(part))


def select_rows(conn: Connection, sql: str, params: Sequence[Any]) -> list[tuple[Any, ...]]:
    """All rows of one query written with ``?`` placeholders."""
    mark = _MARKS.get(conn.dialect.paramstyle)
    if mark is None:
        return [tuple(r) for r in conn.execute(sa.text(_named(sql)), _as_names(params))]
    cursor = conn.connection.cursor()
    try:
        cursor.execute(sql if mark == "?" else sql.replace("?", mark), tuple(params))
        return list(cursor.fetchall())
    finally:
        cursor.close()


def select_in(
    conn: Connection, sql: str, values: Sequence[Any], chunk: int = 500
) -> Iterator[tuple[Any, ...]]:
    """Rows of ``sql`` (its one ``{}`` an IN-list) for ``values``, ``chunk`` values a query."""
    for i in range(0, len(values), chunk):
        part = values[i : i + chunk]
        yield from select_rows(conn, sql.format(", ".join("?" * len(part))), part)


def run_many(conn: Connection, sql: str, rows: Sequence[tuple[Any, ...]]) -> None:
    """executemany of one statement written with ``?`` placeholders over ready-made tuples."""
    if not rows:
        return
    mark = _MARKS.get(conn.dialect.paramstyle)
    if mark is None:
        conn.execute(sa.text(_named(sql)), [_as_names(r) for r in rows])
        return
    conn.exec_driver_sql(sql if mark == "?" else sql.replace("?", mark), list(rows))
