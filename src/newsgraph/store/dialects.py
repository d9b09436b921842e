"""Everything that differs between database engines, in one place.

SQLite gets connection pragmas for fast batched writes and FTS5 tables (``quotes_fts`` over quote
text and speaker, ``articles_fts`` over title and body; external-content, so text is stored once;
``columnsize=0``, as nothing ranks by column length: no size row per indexed row).
The store indexes each batch's new rows with one INSERT ... SELECT (five times faster than a
per-row insert trigger); update and delete triggers keep the index right whoever changes rows.
Rows inserted by other tools need ``INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild')``.
PostgreSQL gets generated tsvector columns with GIN indexes (``quotes.text_tsv``,
``quotes.speaker_tsv``, ``articles.search_tsv``) under a ``newsgraph_text`` configuration that,
like the SQLite tokenizer, folds case and accents and does not stem; the server keeps them in sync.
Other engines get a portable fallback that searches with case-insensitive LIKE.
"""

from __future__ import annotations

from typing import Any, Protocol

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newsgraph.store import fts
from newsgraph.store.schema import articles, quotes

SPEAKER_COLUMNS = ("speaker", "speaker_text")
WRITE_OPTION = "newsgraph_write"  # execution option marking a transaction that will write


class Dialect(Protocol):
    name: str

    def configure(self, engine: Engine) -> None:
        """Per-connection settings."""

    def create_search(self, conn: Connection) -> None:
        """Create full-text tables and whatever keeps them in sync."""

    def refresh_search(self, conn: Connection) -> None:
        """Bring full-text tables made by an older version to the current options."""

    def mark(self, conn: Connection) -> dict[str, int]:
        """Where the tables end before a batch insert (handed to :meth:`index_new_rows`)."""

    def index_new_rows(self, conn: Connection, marks: dict[str, int]) -> None:
        """Add the rows inserted since ``marks`` to the full-text index."""

    def quote_search(self, user_text: str) -> sa.ColumnElement[bool]:
        """A condition on ``quotes`` rows whose text matches the user's words."""

    def speaker_search(self, user_text: str) -> sa.ColumnElement[bool]:
        """A condition on ``quotes`` rows whose speaker (canonical or as written) matches."""

    def article_search(self, user_text: str) -> sa.ColumnElement[bool]:
        """A condition on ``articles`` rows whose title or body matches."""


_SQLITE_PRAGMAS = (
    # New files only (an existing database keeps its page size): fewer pages for the same rows,
    # so fewer page writes, WAL frames and B-tree splits per batch (the store's CPU per article
    # fell about 5% against 4 KB; 16 KB was no faster and left more pages half empty).
    "PRAGMA page_size=8192",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA temp_store=MEMORY",
    "PRAGMA cache_size=-32000",
    "PRAGMA busy_timeout=10000",
    "PRAGMA wal_autocheckpoint=8000",  # checkpoint every ~32 MB, not after every batch
)

_SQLITE_SEARCH_DDL = (
    """CREATE VIRTUAL TABLE quotes_fts USING fts5(
        text, speaker, speaker_text,
        content='quotes', content_rowid='id', columnsize=0,
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER quotes_ad AFTER DELETE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, speaker_text)
        VALUES ('delete', old.id, old.text, old.speaker, old.speaker_text);
    END""",
    """CREATE TRIGGER quotes_au AFTER UPDATE ON quotes BEGIN
        INSERT INTO quotes_fts(quotes_fts, rowid, text, speaker, speaker_text)
        VALUES ('delete', old.id, old.text, old.speaker, old.speaker_text);
        INSERT INTO quotes_fts(rowid, text, speaker, speaker_text)
        VALUES (new.id, new.text, new.speaker, new.speaker_text);
    END""",
    """CREATE VIRTUAL TABLE articles_fts USING fts5(
        title, body,
        content='articles', content_rowid='fts_key', columnsize=0,
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER articles_ad AFTER DELETE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.fts_key, old.title, old.body);
    END""",
    """CREATE TRIGGER articles_au AFTER UPDATE ON articles BEGIN
        INSERT INTO articles_fts(articles_fts, rowid, title, body)
        VALUES ('delete', old.fts_key, old.title, old.body);
        INSERT INTO articles_fts(rowid, title, body) VALUES (new.fts_key, new.title, new.body);
    END""",
)

_NOTHING = sa.false()

# FTS5 merges segments once AUTOMERGE of one size exist (default 4): 8 halves the merge passes
# each indexed word goes through, which cut a quarter of the article index's insert cost; a word
# look-up may read a few more segments (still one B-tree probe each).
AUTOMERGE = 8


def _merge_less_often(conn: Connection) -> None:
    for table in ("quotes_fts", "articles_fts"):
        conn.exec_driver_sql(
            f"INSERT INTO {table}({table}, rank) VALUES ('automerge', {AUTOMERGE})"
        )


def _fts_rowids(table: str, expr: str) -> sa.Select[Any]:
    match = sa.literal_column(table).op("MATCH")(sa.bindparam(None, expr, type_=sa.Text))
    return sa.select(sa.literal_column("rowid")).select_from(sa.table(table)).where(match)


class SQLiteDialect:
    name = "sqlite"

    def configure(self, engine: Engine) -> None:
        """Pragmas on every connection, and transactions begun by us rather than the driver:
        write transactions (execution option ``WRITE_OPTION``) take the write lock up front with
        BEGIN IMMEDIATE, so two writers queue on busy_timeout instead of one failing midway, and
        reads get a real snapshot."""

        def on_connect(dbapi_conn: Any, _record: Any) -> None:
            dbapi_conn.isolation_level = None  # the driver emits no BEGIN of its own
            cur = dbapi_conn.cursor()
            for pragma in _SQLITE_PRAGMAS:
                cur.execute(pragma)
            cur.close()

        def on_begin(conn: Connection) -> None:
            write = conn.get_execution_options().get(WRITE_OPTION, False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

        sa.event.listen(engine, "connect", on_connect)
        sa.event.listen(engine, "begin", on_begin)

    def create_search(self, conn: Connection) -> None:
        for ddl in _SQLITE_SEARCH_DDL:
            conn.exec_driver_sql(ddl)
        _merge_less_often(conn)

    def refresh_search(self, conn: Connection) -> None:
        """Full-text tables from before ``columnsize=0`` are made again and rebuilt from their
        content tables (reads every quotation and article once: minutes for millions)."""
        ddl = conn.exec_driver_sql(
            "SELECT sql FROM sqlite_master WHERE name = 'quotes_fts'"
        ).scalar_one_or_none()
        if ddl is not None and "columnsize=0" in ddl:
            _merge_less_often(conn)
            return
        for trigger in ("quotes_ad", "quotes_au", "articles_ad", "articles_au"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        for table in ("quotes_fts", "articles_fts"):
            conn.exec_driver_sql(f"DROP TABLE IF EXISTS {table}")
        self.create_search(conn)
        for table in ("quotes_fts", "articles_fts"):
            conn.exec_driver_sql(f"INSERT INTO {table}({table}) VALUES ('rebuild')")

    def mark(self, conn: Connection) -> dict[str, int]:
        q = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM quotes").scalar_one()
        a = conn.exec_driver_sql("SELECT coalesce(max(rowid), 0) FROM articles").scalar_one()
        return {"quotes": int(q), "articles": int(a)}

    def index_new_rows(self, conn: Connection, marks: dict[str, int]) -> None:
        conn.exec_driver_sql(
            "INSERT INTO quotes_fts(rowid, text, speaker, speaker_text)"
            " SELECT id, text, speaker, speaker_text FROM quotes WHERE id > ?",
            (marks["quotes"],),
        )
        conn.exec_driver_sql(
            "INSERT INTO articles_fts(rowid, title, body)"
            " SELECT fts_key, title, body FROM articles WHERE rowid > ? ORDER BY fts_key",
            (marks["articles"],),
        )

    def quote_search(self, user_text: str) -> sa.ColumnElement[bool]:
        expr = fts.match_query(user_text, columns=("text",))
        return quotes.c.id.in_(_fts_rowids("quotes_fts", expr)) if expr else _NOTHING

    def speaker_search(self, user_text: str) -> sa.ColumnElement[bool]:
        expr = fts.match_query(user_text, prefix_all=True, columns=SPEAKER_COLUMNS)
        return quotes.c.id.in_(_fts_rowids("quotes_fts", expr)) if expr else _NOTHING

    def article_search(self, user_text: str) -> sa.ColumnElement[bool]:
        expr = fts.match_query(user_text)
        return articles.c.fts_key.in_(_fts_rowids("articles_fts", expr)) if expr else _NOTHING


def _all_terms(columns: list[sa.ColumnElement[Any]], user_text: str) -> sa.ColumnElement[bool]:
    words = [t for t, _ in fts.terms(user_text)]
    if not words:
        return _NOTHING
    return sa.and_(*(sa.or_(*(c.icontains(w, autoescape=True) for c in columns)) for w in words))


class GenericDialect:
    """Portable fallback: no full-text index, LIKE-based matching (fine for small databases)."""

    name = "generic"

    def configure(self, engine: Engine) -> None:
        return None

    def create_search(self, conn: Connection) -> None:
        return None

    def refresh_search(self, conn: Connection) -> None:
        return None

    def mark(self, conn: Connection) -> dict[str, int]:
        return {}

    def index_new_rows(self, conn: Connection, marks: dict[str, int]) -> None:
        return None

    def quote_search(self, user_text: str) -> sa.ColumnElement[bool]:
        return _all_terms([quotes.c.text], user_text)

    def speaker_search(self, user_text: str) -> sa.ColumnElement[bool]:
        return _all_terms([quotes.c.speaker, quotes.c.speaker_text], user_text)

    def article_search(self, user_text: str) -> sa.ColumnElement[bool]:
        return _all_terms([articles.c.title, articles.c.body], user_text)


PG_CONFIG = "newsgraph_text"
_PG_LOCK_KEY = 0x6E65777367726170  # "newsgrap": one writer at a time, as SQLite's write lock
_PG_SEARCH_COLUMNS = (
    ("quotes", "text_tsv", "coalesce(text, '')"),
    ("quotes", "speaker_tsv", "coalesce(speaker, '') || ' ' || coalesce(speaker_text, '')"),
    ("articles", "search_tsv", "coalesce(title, '') || ' ' || coalesce(body, '')"),
)


def _pg_create_config(conn: Connection) -> None:
    """A search configuration that lower-cases and, when the server has ``unaccent``, strips
    accents — the same matching as SQLite's ``unicode61 remove_diacritics``."""
    found = conn.exec_driver_sql(  # visible: on the connection's search_path
        "SELECT 1 FROM pg_ts_config WHERE cfgname = %(name)s AND pg_ts_config_is_visible(oid)",
        {"name": PG_CONFIG},
    ).first()
    if found is not None:
        return
    conn.exec_driver_sql(f"CREATE TEXT SEARCH CONFIGURATION {PG_CONFIG} (COPY = pg_catalog.simple)")
    try:
        with conn.begin_nested():  # needs the contrib package and CREATE rights: optional
            conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except sa.exc.DBAPIError:
        return
    schema = conn.exec_driver_sql(  # wherever it was installed, on the search path or not
        "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
        " WHERE e.extname = 'unaccent'"
    ).scalar_one()
    conn.exec_driver_sql(
        f"ALTER TEXT SEARCH CONFIGURATION {PG_CONFIG}"
        f' ALTER MAPPING FOR hword, hword_part, word WITH "{schema}".unaccent, simple'
    )


def pg_tsquery_literal(text: str, prefix: bool) -> str:
    """``text`` as one quoted to_tsquery lexeme group: never operators, whatever it holds."""
    quoted = "'" + text.replace("\\", "\\\\").replace("'", "''") + "'"
    return quoted + (":*" if prefix else "")


class PostgresDialect:
    """Native full text: generated tsvector columns, GIN indexes, ``@@`` matching."""

    name = "postgresql"

    def configure(self, engine: Engine) -> None:
        """Write transactions take a transaction-level advisory lock first, so concurrent
        writers queue (as on SQLite) instead of racing on the same article ids."""

        def on_begin(conn: Connection) -> None:
            if conn.get_execution_options().get(WRITE_OPTION, False):
                conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_PG_LOCK_KEY})")

        sa.event.listen(engine, "begin", on_begin)

    def create_search(self, conn: Connection) -> None:
        _pg_create_config(conn)
        for table, column, source in _PG_SEARCH_COLUMNS:
            conn.exec_driver_sql(
                f"ALTER TABLE {table} ADD COLUMN {column} tsvector GENERATED ALWAYS AS"
                f" (to_tsvector('{PG_CONFIG}', {source})) STORED"
            )
            conn.exec_driver_sql(
                f"CREATE INDEX ix_{table}_{column} ON {table} USING gin ({column})"
            )

    def refresh_search(self, conn: Connection) -> None:
        return None  # generated columns: nothing to rebuild

    def mark(self, conn: Connection) -> dict[str, int]:
        return {}

    def index_new_rows(self, conn: Connection, marks: dict[str, int]) -> None:
        return None  # generated columns: the server indexes rows as they are written

    def _match(self, column: str, user_text: str, prefix_all: bool) -> sa.ColumnElement[bool]:
        parts: list[sa.ColumnElement[Any]] = []
        for text, prefix in fts.terms(user_text):
            if prefix or prefix_all:
                literal = sa.bindparam(None, pg_tsquery_literal(text, True), type_=sa.Text)
                parts.append(sa.func.to_tsquery(PG_CONFIG, literal))
            else:
                parts.append(sa.func.phraseto_tsquery(PG_CONFIG, sa.bindparam(None, text)))
        if not parts:
            return _NOTHING
        query = parts[0]
        for part in parts[1:]:
            query = query.op("&&")(part)
        return sa.literal_column(column).op("@@")(query)

    def quote_search(self, user_text: str) -> sa.ColumnElement[bool]:
        return self._match("quotes.text_tsv", user_text, prefix_all=False)

    def speaker_search(self, user_text: str) -> sa.ColumnElement[bool]:
        return self._match("quotes.speaker_tsv", user_text, prefix_all=True)

    def article_search(self, user_text: str) -> sa.ColumnElement[bool]:
        return self._match("articles.search_tsv", user_text, prefix_all=False)


def dialect_for(engine: Engine) -> Dialect:
    if engine.dialect.name == "sqlite":
        return SQLiteDialect()
    if engine.dialect.name == "postgresql":
        return PostgresDialect()
    return GenericDialect()
