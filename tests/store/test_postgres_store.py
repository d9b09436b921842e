"""The store on a real PostgreSQL server: the SQLite suite's behaviour, plus what differs.

The server comes from ``NEWSGRAPH_TEST_PG_URL`` (``.ci/run`` starts one); without it, and with no
server on the default local port, these tests skip and say why. Every test gets a schema of its
own (``search_path``), so parallel workers share one database without seeing each other.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Iterator

import pytest
import sqlalchemy as sa
import test_store_queries as queries
import test_store_writes as writes
from hypothesis import given, settings
from hypothesis import strategies as st
from store_builders import ankara_doc, kremlin_doc, washington_doc

from newsgraph.store import Store, fts, open_store
from newsgraph.store.dialects import PostgresDialect, pg_tsquery_literal

ENV = "NEWSGRAPH_TEST_PG_URL"
FALLBACK_URL = "postgresql://postgres@127.0.0.1:5432/postgres"
_counter = itertools.count()


def _server_url() -> str | None:
    """The test server's URL, or None (with the reason printed by the skip) when unreachable."""
    url = os.environ.get(ENV) or FALLBACK_URL
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None
    try:
        engine = sa.create_engine(open_store_url(url), connect_args={"connect_timeout": 2})
        with engine.begin() as conn:
            conn.exec_driver_sql("SELECT 1")
            try:  # the accent-folding dictionary, once, in public: test schemas come and go
                with conn.begin_nested():
                    conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public")
            except sa.exc.DBAPIError:
                pass
        engine.dispose()
    except Exception:
        return None
    return url


def open_store_url(url: str) -> str:
    return url.replace("postgresql://", "postgresql+psycopg://", 1)


@pytest.fixture(scope="session")
def pg_server() -> str:
    url = _server_url()
    if url is None:
        pytest.skip(
            f"PostgreSQL tests need a server: set {ENV}=postgresql://user@host:port/db"
            " (.ci/run starts one) and install psycopg"
        )
    return url


@pytest.fixture
def pg_url(pg_server: str) -> Iterator[str]:
    """A URL whose connections live in a fresh, private schema (dropped afterwards)."""
    schema = f"t{os.getpid()}_{next(_counter)}"
    base = sa.make_url(open_store_url(pg_server))
    admin = sa.create_engine(base)
    with admin.begin() as conn:
        conn.exec_driver_sql(f"CREATE SCHEMA {schema}")
    # Only the test schema: with public on the path too, tables left there would be "found".
    url = base.update_query_dict({"options": f"-csearch_path={schema}"})
    yield url.render_as_string(hide_password=False)
    with admin.begin() as conn:
        conn.exec_driver_sql("SET lock_timeout = '5s'")
        conn.exec_driver_sql(f"DROP SCHEMA {schema} CASCADE")
    admin.dispose()


@pytest.fixture
def db_path(pg_url: str) -> str:
    """Tests written for a SQLite file get the PostgreSQL URL instead."""
    return pg_url


@pytest.fixture
def store(pg_url: str) -> Iterator[Store]:
    s = open_store(pg_url)
    yield s
    s.close()


def _search_in_sync(store: Store) -> None:
    """PostgreSQL's counterpart of the FTS5 integrity check the SQLite suite runs."""
    with store.engine.connect() as conn:
        stale = conn.exec_driver_sql(
            "SELECT count(*) FROM quotes"
            " WHERE text_tsv IS DISTINCT FROM to_tsvector('newsgraph_text', text)"
        ).scalar_one()
    assert stale == 0


@pytest.fixture(autouse=True)
def _postgres_checks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writes, "_fts_ok", _search_in_sync)


# ------------------------------------------------------------------ the shared suite

filled = queries.filled
test_speaker_matches_canonical_or_written_words = (
    queries.test_speaker_matches_canonical_or_written_words
)
test_speaker_does_not_match_inside_words_or_other_people = (
    queries.test_speaker_does_not_match_inside_words_or_other_people
)
test_search_is_full_text_over_quote_words = queries.test_search_is_full_text_over_quote_words
test_search_input_is_never_syntax = queries.test_search_input_is_never_syntax
test_punctuation_only_search_finds_nothing = queries.test_punctuation_only_search_finds_nothing
test_date_filters_are_inclusive_and_skip_undated = (
    queries.test_date_filters_are_inclusive_and_skip_undated
)
test_order_is_date_then_article_then_offset_undated_last = (
    queries.test_order_is_date_then_article_then_offset_undated_last
)
test_limit_offset_page_through_everything = queries.test_limit_offset_page_through_everything
test_kind_and_article_filters = queries.test_kind_and_article_filters
test_quote_hit_as_dict_is_json_ready = queries.test_quote_hit_as_dict_is_json_ready
test_articles_listing_and_search = queries.test_articles_listing_and_search
test_article_by_unique_prefix = queries.test_article_by_unique_prefix
test_ambiguous_prefix_is_an_error = queries.test_ambiguous_prefix_is_an_error
test_heading_quote_kinds_survive = queries.test_heading_quote_kinds_survive

test_new_then_unchanged_never_duplicates = writes.test_new_then_unchanged_never_duplicates
test_same_content_twice_in_one_batch = writes.test_same_content_twice_in_one_batch
test_changed_source_is_updated_and_old_rows_go = (
    writes.test_changed_source_is_updated_and_old_rows_go
)
test_same_source_twice_in_one_batch_keeps_the_last = (
    writes.test_same_source_twice_in_one_batch_keeps_the_last
)
test_round_trip_is_exact = writes.test_round_trip_is_exact
test_odd_metadata_still_stores = writes.test_odd_metadata_still_stores
test_published_datetime_or_string_is_stored_as_a_date = (
    writes.test_published_datetime_or_string_is_stored_as_a_date
)
test_failures_are_one_row_per_source_and_cleared_on_success = (
    writes.test_failures_are_one_row_per_source_and_cleared_on_success
)
test_many_documents_in_batches = writes.test_many_documents_in_batches
test_existing_database_reopens_without_changes = (
    writes.test_existing_database_reopens_without_changes
)
test_tables_exist_with_clear_names = writes.test_tables_exist_with_clear_names
test_pseudo_sources_never_replace_each_other = writes.test_pseudo_sources_never_replace_each_other
test_concurrent_writers_queue_instead_of_failing = (
    writes.test_concurrent_writers_queue_instead_of_failing
)

# ------------------------------------------------------------------ PostgreSQL specifics


def test_postgresql_url_opens_with_psycopg_and_native_search(store: Store) -> None:
    assert store.engine.dialect.name == "postgresql"
    assert store.engine.dialect.driver == "psycopg"
    assert isinstance(store.dialect, PostgresDialect)
    with store.engine.connect() as conn:
        gin = sa.text("SELECT indexname FROM pg_indexes WHERE indexdef LIKE :using")
        indexes = set(conn.execute(gin, {"using": "%USING gin%"}).scalars())
    assert {"ix_quotes_text_tsv", "ix_quotes_speaker_tsv", "ix_articles_search_tsv"} <= indexes


def test_deleting_an_article_cascades_and_search_follows(store: Store) -> None:
    store.write([kremlin_doc(), ankara_doc(), washington_doc()])
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM articles WHERE source = 'wire/ankara.txt'")
    assert store.counts()["quotes"] == 4
    assert store.quotes(speaker="Erdogan") == []
    assert store.articles(search="grain") == []


def test_rows_changed_by_other_tools_are_searchable_at_once(store: Store) -> None:
    """The tsvector columns are generated: any writer keeps search right, not only the store."""
    store.write([kremlin_doc()])
    with store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE quotes SET text = 'an entirely different answer'")
    assert len(store.quotes(search="entirely different")) == 3
    assert store.quotes(search="progress") == []


def test_reopening_does_not_recreate_search_objects(pg_url: str) -> None:
    with open_store(pg_url) as s:
        s.write([kremlin_doc()])
    with open_store(pg_url) as s:
        assert [h.speaker for h in s.quotes(speaker="pesk", limit=1)] == ["Dmitry Peskov"]


def test_search_terms_are_always_one_quoted_group() -> None:
    assert pg_tsquery_literal("it's", False) == "'it''s'"
    assert pg_tsquery_literal("a\\b", True) == "'a\\\\b':*"


@pytest.fixture(scope="module")
def pg_engine(pg_server: str) -> Iterator[sa.Engine]:
    engine = sa.create_engine(open_store_url(pg_server))
    yield engine
    engine.dispose()


@settings(max_examples=40, deadline=None)
@given(text=st.text(max_size=30), prefix=st.booleans())
def test_any_text_is_a_valid_tsquery(pg_engine: sa.Engine, text: str, prefix: bool) -> None:
    """Every term the store can send (fts.terms keeps those with a word character)."""
    with pg_engine.connect() as conn:
        for term, _prefix in fts.terms(text + ("*" if prefix else "")):
            conn.execute(sa.select(sa.func.to_tsquery("simple", pg_tsquery_literal(term, True))))
            conn.execute(sa.select(sa.func.to_tsquery("simple", pg_tsquery_literal(term, False))))
