"""Table definitions (SQLAlchemy Core): the database is a product in itself.

Names are plain and self-explaining so the file is usable from Datasette or any SQLite tool.
Every extracted item keeps its character offsets (``start``/``end``) into ``articles.text``.
Full-text tables are dialect specific and live in :mod:`newsgraph.store.dialects`.

Changing a table here means adding a numbered migration in :mod:`newsgraph.store.migrations`
too: fresh databases get this schema directly, existing ones get there through migrations.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

# 3: events tables (newsgraph.store.events); 4: stories (.syndication); 5: outlet tallies and
# incremental counters (.syndication_counts); 6: lighter writes (full-text tables without size
# records, no unusable event indexes)
SCHEMA_VERSION = 6

metadata = sa.MetaData()

# JSON columns are TEXT in SQLite (readable with json_extract) and JSONB-able in PostgreSQL.
Json = sa.JSON()

meta = sa.Table(
    "schema_meta",
    metadata,
    sa.Column("key", sa.String(64), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True, comment="hash of the normalised body"),
    # A stable 63-bit integer form of ``id``: the full-text index needs an integer row key that
    # survives VACUUM, which SQLite's implicit rowid does not promise.
    sa.Column("fts_key", sa.BigInteger, nullable=False, unique=True),
    sa.Column("source", sa.Text, nullable=False, index=True, comment="file path, path:line, URL"),
    sa.Column("url", sa.Text),
    sa.Column("title", sa.Text),
    sa.Column("title_start", sa.Integer),
    sa.Column("title_end", sa.Integer),
    sa.Column("authors", Json, comment="JSON list of names"),
    sa.Column("publisher", sa.Text),
    sa.Column("published", sa.Date, index=True),
    sa.Column("published_from", sa.String(32), comment="metadata, dateline, ... or null"),
    sa.Column("language", sa.String(16)),
    sa.Column("text", sa.Text, nullable=False, comment="raw text; all offsets point into it"),
    sa.Column("body", sa.Text, comment="content paragraphs joined (display and search)"),
    sa.Column("lines", Json, comment="JSON [{start, end, role, reason}] for every line"),
    sa.Column("sentences", Json, comment="JSON [[start, end], ...]"),
    sa.Column("metadata", Json, comment="anything else the source said"),
    sa.Column("quote_count", sa.Integer, nullable=False, default=0),
    sa.Column("ingested_at", sa.DateTime, nullable=False),
    sa.Column("updated_at", sa.DateTime, nullable=False),
)


def _article_fk() -> sa.ForeignKey:
    return sa.ForeignKey("articles.id", ondelete="CASCADE")


quotes = sa.Table(
    "quotes",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(64), _article_fk(), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("cue_start", sa.Integer),
    sa.Column("cue_end", sa.Integer),
    sa.Column("speaker_start", sa.Integer),
    sa.Column("speaker_end", sa.Integer),
    sa.Column("speaker_text", sa.Text, comment="the speaker as written at the cue"),
    sa.Column("speaker", sa.Text, index=True, comment="canonical name"),
    sa.Column("speaker_actor_id", sa.String(128)),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("evidence", sa.Text),
    sa.Column("published", sa.Date, comment="copied from the article for filters"),
    sa.Column("group_key", sa.String(32), comment="quote_groups.key: the same words elsewhere"),
)

mentions = sa.Table(
    "mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("article_id", sa.String(64), _article_fk(), nullable=False, index=True),
    sa.Column("start", sa.Integer, nullable=False),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("actor_id", sa.String(128)),
    sa.Column("link", sa.String(32)),
    sa.Column("canonical", sa.Text),
)

failures = sa.Table(
    "failures",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("source", sa.Text, nullable=False, unique=True),
    sa.Column("error", sa.Text, nullable=False),
    sa.Column("seen_at", sa.DateTime, nullable=False),
)

# Indexes cost time on every insert, so only those queries need: listing order, per-article
# reads and deletes (``index=True`` above), speaker lists, and actor look-ups — partial, since
# most rows have no actor yet.
# The listing orders (undated last) as expression indexes: a page of the newest quotes reads
# 100 index entries instead of sorting the whole table.
sa.Index(
    "ix_quotes_order",
    quotes.c.published.is_(None),
    quotes.c.published,
    quotes.c.article_id,
    quotes.c.start,
)
sa.Index(
    "ix_articles_order", articles.c.published.is_(None), articles.c.published, articles.c.source
)


def _partial_index(name: str, column: sa.Column[str]) -> sa.Index:
    present = column.is_not(None)
    return sa.Index(name, column, sqlite_where=present, postgresql_where=present)


def index_hook(indexes: tuple[tuple[str, str, tuple[str, ...]], ...]) -> Any:
    """An ``after_create`` listener creating the listed (name, table, columns) indexes of the
    table just created. Tables added by migrations keep their indexes out of ``sa.Index`` this
    way, so the store's index migrations (which rebuild every ``sa.Index``) never touch tables
    an older database does not have yet; migrations call the hook themselves."""

    def create(table: sa.Table, conn: Any, **_kw: Any) -> None:
        for name, tname, columns in indexes:
            if tname == table.name:
                quoted = ", ".join(f'"{c}"' for c in columns)
                conn.exec_driver_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {tname} ({quoted})")

    return create


_partial_index("ix_quotes_speaker_actor_id", quotes.c.speaker_actor_id)
_partial_index("ix_mentions_actor_id", mentions.c.actor_id)
