"""Bulk look-ups straight through the DB-API cursor.

A batch reads tens of thousands of small rows (LSH band entries, signatures, group keys);
SQLAlchemy's per-row result handling costs more than SQLite's own work for them, so these reads
run as plain SQL with the driver's positional placeholders and ``fetchall``. Only values that need
no type conversion (text, integers, bytes) are read this way; drivers with named parameters go
through ``sa.text`` instead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

_MARKS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def select_in(
    conn: Connection, sql: str, values: Sequence[Any], chunk: int = 500
) -> Iterator[tuple[Any, ...]]:
    """Rows of ``sql`` (its one ``{}`` an IN-list) for ``values``, ``chunk`` values a query."""
    mark = _MARKS.get(conn.dialect.paramstyle)
    if mark is None:
        for i in range(0, len(values), chunk):
            part = values[i : i + chunk]
            names = ", ".join(f":v{j}" for j in range(len(part)))
            params = {f"v{j}": v for j, v in enumerate(part)}
            yield from (tuple(r) for r in conn.execute(sa.text(sql.format(names)), params))
        return
    cursor = conn.connection.cursor()
    try:
        for i in range(0, len(values), chunk):
            part = values[i : i + chunk]
            cursor.execute(sql.format(", ".join([mark] * len(part))), tuple(part))
            yield from cursor.fetchall()
    finally:
        cursor.close()
