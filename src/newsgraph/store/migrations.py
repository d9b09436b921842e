"""Schema versioning: a ``schema_meta`` table holds the version; numbered migrations bring an
older database up to :data:`SCHEMA_VERSION` in order.

A fresh database is created straight at the current schema (``create_all``) and stamped, so
migrations only ever run on databases that already exist. To change the schema: edit
``schema.py``, bump ``SCHEMA_VERSION`` and add ``MIGRATIONS[new_version]``.
"""

from __future__ import annotations

from collections.abc import Callable

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.store.dialects import Dialect
from newsgraph.store.events import UNUSED_EVENT_INDEXES, add_event_tables, windowed_event_index
from newsgraph.store.schema import SCHEMA_VERSION, meta, metadata
from newsgraph.store.syndication import add_syndication_tables
from newsgraph.store.syndication_counts import add_outlet_tallies


class SchemaError(RuntimeError):
    """The database is not a newsgraph database, or is newer than this code."""


Migration = Callable[[Connection, Dialect], None]


def _v2_indexes_and_bulk_fts(conn: Connection, dialect: Dialect) -> None:
    """Version 2: full-text rows are added per batch by the store, so the per-row insert
    triggers go (they would index every row twice); fewer, partial and expression indexes."""
    if dialect.name == "sqlite":
        for trigger in ("quotes_ai", "articles_ai"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
    current = [index for table in metadata.tables.values() for index in table.indexes]
    retired = ("ix_quotes_kind", "ix_quotes_published", "quotes_order")
    for name in (*retired, *(str(index.name) for index in current)):
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")
    for index in current:  # (reflection cannot see expression indexes: rebuild them all)
        index.create(conn)


def _v5_incremental_counts(conn: Connection, dialect: Dialect) -> None:
    """Version 5: outlet tallies for incremental story and group counts, the story-first and
    (match key, date) indexes, and ``event_mentions.own``."""
    add_outlet_tallies(conn, dialect)
    windowed_event_index(conn)


def _v6_lighter_writes(conn: Connection, dialect: Dialect) -> None:
    """Version 6: full-text tables without per-row size records (SQLite), and no event indexes
    that no query can use."""
    dialect.refresh_search(conn)
    for name in UNUSED_EVENT_INDEXES:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {name}")


# version -> step that takes a database at version-1 to version. Version 1 is the initial schema.
MIGRATIONS: dict[int, Migration] = {
    2: _v2_indexes_and_bulk_fts,
    3: add_event_tables,
    4: add_syndication_tables,
    5: _v5_incremental_counts,
    6: _v6_lighter_writes,
}


def current_version(conn: Connection) -> int | None:
    """The stored schema version; None for a database without newsgraph tables."""
    if not sa.inspect(conn).has_table(meta.name):
        return None
    value = conn.execute(sa.select(meta.c.value).where(meta.c.key == "schema_version")).scalar()
    return int(value) if value is not None else None


def _stamp(conn: Connection, version: int) -> None:
    conn.execute(sa.delete(meta).where(meta.c.key == "schema_version"))
    conn.execute(sa.insert(meta).values(key="schema_version", value=str(version)))


def migrate(conn: Connection, dialect: Dialect) -> int:
    """Create or upgrade the schema inside the caller's transaction; returns the version."""
    version = current_version(conn)
    if version is None:
        existing = set(sa.inspect(conn).get_table_names())
        clash = existing & set(metadata.tables)
        if clash:
            raise SchemaError(f"tables {sorted(clash)} exist but carry no newsgraph schema version")
        metadata.create_all(conn)
        dialect.create_search(conn)
        _stamp(conn, SCHEMA_VERSION)
        return SCHEMA_VERSION
    if version > SCHEMA_VERSION:
        raise SchemaError(
            f"database schema version {version} is newer than this newsgraph ({SCHEMA_VERSION})"
        )
    for v in range(version + 1, SCHEMA_VERSION + 1):
        MIGRATIONS[v](conn, dialect)
        _stamp(conn, v)
    return SCHEMA_VERSION
