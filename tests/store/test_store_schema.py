"""Opening, creating and versioning databases; the FTS query builder; row keys."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.store import SchemaError, StoreNotFoundError, fts, open_store
from newsgraph.store.dialects import AUTOMERGE
from newsgraph.store.rows import fts_key
from newsgraph.store.schema import SCHEMA_VERSION


def test_read_open_of_a_missing_file_does_not_create_it(tmp_path: Path) -> None:
    path = tmp_path / "missing.db"
    with pytest.raises(StoreNotFoundError):
        open_store(path, create=False)
    assert not path.exists()


def test_create_stamps_the_schema_version(tmp_path: Path) -> None:
    path = tmp_path / "sub" / "new.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    (version,) = con.execute("SELECT value FROM schema_meta WHERE key='schema_version'").fetchone()
    assert int(version) == SCHEMA_VERSION


def test_sqlite_url_and_memory(tmp_path: Path) -> None:
    with open_store(f"sqlite:///{tmp_path / 'u.db'}") as s:
        assert s.counts()["articles"] == 0
    with open_store("sqlite://") as s:
        assert s.counts()["quotes"] == 0


def test_newer_schema_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.db"
    open_store(path).close()
    con = sqlite3.connect(path)
    con.execute("UPDATE schema_meta SET value='999' WHERE key='schema_version'")
    con.commit()
    con.close()
    with pytest.raises(SchemaError):
        open_store(path)


def test_foreign_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    con = sqlite3.connect(path)
    con.execute("CREATE TABLE articles (x)")
    con.commit()
    con.close()
    with pytest.raises(SchemaError):
        open_store(path)


def test_terms_keep_phrases_and_prefixes() -> None:
    assert fts.terms('grain "sham referendum" progr* — ') == [
        ("grain", False),
        ("sham referendum", False),
        ("progr", True),
    ]
    assert fts.match_query("“ ” ... —") is None
    assert fts.match_query('say "no') == '"say" AND "no"'
    assert fts.match_query("Pesk", prefix_all=True, columns=("speaker",)) == '{speaker} : ("Pesk"*)'


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=30), st.booleans())
def test_any_text_is_a_valid_fts5_query(text: str, prefix: bool) -> None:
    """Whatever a user types, SQLite's FTS5 parser accepts the built expression."""
    expr = fts.match_query(text, prefix_all=prefix, columns=("a", "b"))
    if expr is None:
        assert not any(ch.isalnum() or ch == "_" for t, _ in fts.terms(text) for ch in t)
        return
    con = sqlite3.connect(":memory:")
    con.execute("CREATE VIRTUAL TABLE t USING fts5(a, b)")
    con.execute("INSERT INTO t VALUES ('grain deal', 'Recep Erdoğan')")
    con.execute("SELECT rowid FROM t WHERE t MATCH ?", (expr,)).fetchall()


@given(st.text(min_size=1, max_size=64))
def test_fts_key_is_stable_positive_63_bit(article_id: str) -> None:
    key = fts_key(article_id)
    assert 0 <= key < 2**63
    assert key == fts_key(article_id)


def test_columns_have_offsets_for_every_extracted_item(tmp_path: Path) -> None:
    with open_store(tmp_path / "c.db") as s:
        insp = sa.inspect(s.engine)
        for table in ("quotes", "mentions"):
            names = {c["name"] for c in insp.get_columns(table)}
            assert {"article_id", "start", "end", "text"} <= names
        assert {"cue_start", "speaker_start", "speaker_actor_id", "published"} <= {
            c["name"] for c in insp.get_columns("quotes")
        }


def test_portable_fallback_without_full_text_index(tmp_path: Path) -> None:
    """The LIKE-based dialect other engines start with answers the same questions."""
    from store_builders import ankara_doc, kremlin_doc

    from newsgraph.store import Store
    from newsgraph.store.dialects import GenericDialect
    from newsgraph.store.migrations import migrate

    engine = sa.create_engine(f"sqlite:///{tmp_path / 'generic.db'}")
    with engine.begin() as conn:
        migrate(conn, GenericDialect())
    store = Store(engine, GenericDialect())
    assert store.write([kremlin_doc(), ankara_doc()]).new == 2
    assert {q.speaker for q in store.quotes(speaker="peskov")} == {"Dmitry Peskov"}
    assert [q.text for q in store.quotes(search="food weapon")] == [
        "Nobody should use food as a weapon,"
    ]
    assert store.quotes(search="50%_off") == []
    assert [a.title for a in store.articles(search="grain")] == [
        "Erdoğan urges calm over Black Sea grain deal"
    ]
    store.close()


def test_named_parameter_drivers_get_the_same_insert(tmp_path: Path) -> None:
    from sqlalchemy.dialects import postgresql

    from newsgraph.store.database import _prepare_insert
    from newsgraph.store.rows import QUOTE_FIELDS
    from newsgraph.store.schema import quotes

    sql, order, _procs, positional = _prepare_insert(quotes, postgresql.dialect(), QUOTE_FIELDS)
    assert not positional
    assert "%(article_id)s" in sql
    assert tuple(order) == QUOTE_FIELDS


def test_version_1_database_is_migrated(tmp_path: Path) -> None:
    """A database from the first schema (per-row FTS insert triggers, old indexes) upgrades in
    place: its rows stay, and new rows are indexed once, not twice."""
    from store_builders import ankara_doc, kremlin_doc

    path = tmp_path / "v1.db"
    with open_store(path) as s:
        s.write([kremlin_doc()])
    con = sqlite3.connect(path)
    con.executescript(
        """
        DROP INDEX ix_quotes_order;
        CREATE INDEX quotes_order ON quotes (published, article_id, start);
        CREATE INDEX ix_quotes_kind ON quotes (kind);
        CREATE TRIGGER quotes_ai AFTER INSERT ON quotes BEGIN
            INSERT INTO quotes_fts(rowid, text, speaker, speaker_text)
            VALUES (new.id, new.text, new.speaker, new.speaker_text);
        END;
        UPDATE schema_meta SET value = '1' WHERE key = 'schema_version';
        """
    )
    con.commit()
    con.close()
    with open_store(path) as s:
        s.write([ankara_doc()])
        assert len(s.quotes(search="weapon")) == 1
        with s.engine.connect() as conn:
            version = conn.exec_driver_sql("SELECT value FROM schema_meta").scalar()
            triggers = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
            hits = conn.exec_driver_sql(
                "SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH 'weapon'"
            ).scalar()
        conn.close()
    assert int(version) == SCHEMA_VERSION
    assert "quotes_ai" not in triggers
    assert "ix_quotes_kind" not in triggers
    assert {"ix_quotes_order", "ix_articles_order"} <= triggers
    assert hits == 1


_V5_SEARCH = """
DROP TRIGGER quotes_ad; DROP TRIGGER quotes_au; DROP TRIGGER articles_ad; DROP TRIGGER articles_au;
DROP TABLE quotes_fts; DROP TABLE articles_fts;
CREATE VIRTUAL TABLE quotes_fts USING fts5(text, speaker, speaker_text,
    content='quotes', content_rowid='id', tokenize='unicode61 remove_diacritics 2');
CREATE VIRTUAL TABLE articles_fts USING fts5(title, body,
    content='articles', content_rowid='fts_key', tokenize='unicode61 remove_diacritics 2');
INSERT INTO quotes_fts(quotes_fts) VALUES ('rebuild');
INSERT INTO articles_fts(articles_fts) VALUES ('rebuild');
CREATE INDEX ix_events_actor_id ON events (actor_id);
CREATE INDEX ix_events_recipient_id ON events (recipient_id);
UPDATE schema_meta SET value = '5' WHERE key = 'schema_version';
"""


def test_version_5_database_gets_lighter_search_tables(tmp_path: Path) -> None:
    """A version 5 database (full-text tables with size records, event party indexes) upgrades:
    its stored rows are still found, rows written after are indexed once, replacing an article
    still takes its old words out of the index, and the unusable indexes are gone."""
    from store_builders import ankara_doc, kremlin_doc, washington_doc

    path = tmp_path / "v5.db"
    with open_store(path) as s:
        s.write([kremlin_doc()])
    con = sqlite3.connect(path)
    con.executescript(_V5_SEARCH)
    con.commit()
    assert con.execute("SELECT count(*) FROM quotes_fts_docsize").fetchone()[0] == 3
    con.close()
    with open_store(path) as s:
        assert len(s.quotes(search="progr*")) == 1  # stored before the upgrade
        assert len(s.articles(search="Peskov")) == 1
        s.write([ankara_doc()])
        assert len(s.quotes(search="weapon")) == 1
        s.write([washington_doc(source="wire/kremlin.txt")])  # replaces the first article
        assert s.quotes(search="progr*") == []
        assert s.articles(search="Peskov") == []
        assert len(s.quotes(search="good day")) == 1
        with s.engine.connect() as conn:
            names = {r[0] for r in conn.exec_driver_sql("SELECT name FROM sqlite_master")}
            version = conn.exec_driver_sql("SELECT value FROM schema_meta").scalar()
            check = "INSERT INTO {0}({0}) VALUES ('integrity-check')"
            merge = "SELECT v FROM {0}_config WHERE k = 'automerge'"
            for table in ("quotes_fts", "articles_fts"):
                conn.exec_driver_sql(check.format(table))  # raises if the index is wrong
                assert conn.exec_driver_sql(merge.format(table)).scalar() == AUTOMERGE
    assert int(version) == SCHEMA_VERSION
    assert not {"quotes_fts_docsize", "articles_fts_docsize"} & names
    assert not {"ix_events_actor_id", "ix_events_recipient_id"} & names
    assert "ix_events_actor_country" in names


def test_new_database_files_use_8_kb_pages_and_merge_less_often(tmp_path: Path) -> None:
    with open_store(tmp_path / "new.db") as s:
        s.write([])
    con = sqlite3.connect(tmp_path / "new.db")
    assert con.execute("PRAGMA page_size").fetchone()[0] == 8192
    for table in ("quotes_fts", "articles_fts"):
        merge = f"SELECT v FROM {table}_config WHERE k = 'automerge'"
        assert con.execute(merge).fetchone()[0] == AUTOMERGE
