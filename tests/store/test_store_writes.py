"""Writes: idempotent, updates replace rows, documents round-trip exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
import sqlalchemy as sa
from store_builders import KREMLIN, ankara_doc, kremlin_doc, news_doc, washington_doc

from newsgraph.model import Failure, QuoteKind
from newsgraph.store import Store, WriteCounts, open_store


def _fts_ok(store: Store) -> None:
    """FTS5's own check that the external-content index matches its table."""
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO quotes_fts(quotes_fts, rank) VALUES ('integrity-check', 1)"
        )
        conn.exec_driver_sql(
            "INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)"
        )


def test_new_then_unchanged_never_duplicates(store: Store) -> None:
    docs = [kremlin_doc(), ankara_doc(), washington_doc()]
    assert store.write(docs) == WriteCounts(new=3)
    first = store.counts()
    assert first["articles"] == 3
    assert first["quotes"] == 7
    assert first["mentions"] == sum(len(d.mentions) for d in docs)
    assert store.write(docs) == WriteCounts(unchanged=3)
    assert store.write(list(reversed(docs))) == WriteCounts(unchanged=3)
    assert store.counts() == first
    _fts_ok(store)


def test_same_content_twice_in_one_batch(store: Store) -> None:
    doc = kremlin_doc()
    assert store.write([doc, doc]) == WriteCounts(new=1, unchanged=1)
    assert store.counts()["quotes"] == 3


def test_changed_source_is_updated_and_old_rows_go(store: Store) -> None:
    store.write([kremlin_doc(), ankara_doc()])
    before = store.articles()
    ingested = {a.source: a.ingested_at for a in before}
    edited = news_doc(
        KREMLIN.replace("Tuesday", "Wednesday").replace("progress", "a breakthrough"),
        source="wire/kremlin.txt",
        quotes=[
            ("We cannot yet talk about a breakthrough", QuoteKind.DIRECT, "Dmitry Peskov", "Peskov")
        ],
    )
    assert store.write([edited]) == WriteCounts(updated=1)
    counts = store.counts()
    assert counts["articles"] == 2
    assert counts["quotes"] == 3 + 1  # ankara's three, the edited one
    assert store.quotes(search="progress") == []
    assert [q.text for q in store.quotes(search="breakthrough")] == [
        "We cannot yet talk about a breakthrough"
    ]
    after = {a.source: a for a in store.articles()}
    assert after["wire/kremlin.txt"].id == edited.article.id
    assert after["wire/kremlin.txt"].ingested_at == ingested["wire/kremlin.txt"]
    assert after["wire/kremlin.txt"].updated_at >= ingested["wire/kremlin.txt"]
    _fts_ok(store)
    # and the edit re-ingested is a no-op
    assert store.write([edited]) == WriteCounts(unchanged=1)


def test_same_source_twice_in_one_batch_keeps_the_last(store: Store) -> None:
    a = kremlin_doc()
    b = news_doc(KREMLIN + "Peskov added nothing.\n", source=a.article.source)
    counts = store.write([a, b])
    assert counts.total == 2
    assert [x.id for x in store.articles()] == [b.article.id]


def test_round_trip_is_exact(store: Store) -> None:
    doc = kremlin_doc(metadata={"section": "world", "tags": ["russia", "ukraine"], "n": 3})
    store.write([doc])
    back = store.article(doc.article.id)
    assert back == doc
    assert back.article.published == dt.date(2022, 3, 15)
    assert back.article.body_spans == doc.article.body_spans


def test_odd_metadata_still_stores(store: Store) -> None:
    doc = kremlin_doc(metadata={"when": dt.date(2022, 1, 2), "tags": {"a"}, "obj": object()})
    assert store.write([doc]).new == 1
    meta = store.article(doc.article.id).article.metadata
    assert meta["when"] == "2022-01-02"
    assert meta["tags"] == ["a"]


def test_published_datetime_or_string_is_stored_as_a_date(store: Store) -> None:
    doc = kremlin_doc()
    art = dataclasses.replace(doc.article, published=dt.datetime(2022, 5, 6, 7, 8))
    store.write([dataclasses.replace(doc, article=art)])
    assert store.article(doc.article.id).article.published == dt.date(2022, 5, 6)
    assert {q.published for q in store.quotes()} == {dt.date(2022, 5, 6)}


def test_failures_are_one_row_per_source_and_cleared_on_success(store: Store) -> None:
    store.record_failure(Failure("wire/kremlin.txt", "empty"))
    store.record_failure(Failure("wire/kremlin.txt", "binary"))
    store.record_failures([Failure("bad.bin", "binary"), Failure("huge.txt", "too large")])
    assert {f.source: f.error for f in store.failures()} == {
        "wire/kremlin.txt": "binary",
        "bad.bin": "binary",
        "huge.txt": "too large",
    }
    store.write([kremlin_doc()])
    assert {f.source for f in store.failures()} == {"bad.bin", "huge.txt"}


def test_deleting_an_article_cascades_and_keeps_search_in_sync(store: Store) -> None:
    store.write([kremlin_doc(), ankara_doc()])
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM articles WHERE source = 'wire/ankara.txt'")
    assert store.counts()["quotes"] == 3
    assert store.quotes(speaker="Erdogan") == []
    _fts_ok(store)


def test_many_documents_in_batches(store: Store) -> None:
    docs = [
        news_doc(f"Story {i}\nMinister {i} said the plan was “ready to go”.\n", source=f"s/{i}.txt")
        for i in range(1200)
    ]
    assert store.write(docs).new == 1200
    assert store.write(docs).unchanged == 1200  # more ids than one IN (...) chunk
    assert store.counts()["articles"] == 1200


def test_existing_database_reopens_without_changes(db_path: Path) -> None:
    with open_store(db_path) as s:
        s.write([kremlin_doc()])
    with open_store(db_path, create=False) as s:
        assert s.counts()["articles"] == 1
        assert s.write([kremlin_doc()]) == WriteCounts(unchanged=1)


def test_wal_mode_and_foreign_keys(store: Store) -> None:
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        fks = conn.exec_driver_sql("PRAGMA foreign_key_list(quotes)").fetchall()
    assert any(row[2] == "articles" for row in fks)


@pytest.mark.parametrize("table", ["articles", "quotes", "mentions", "failures", "schema_meta"])
def test_tables_exist_with_clear_names(store: Store, table: str) -> None:
    assert sa.inspect(store.engine).has_table(table)


def test_pseudo_sources_never_replace_each_other(store: Store) -> None:
    a = news_doc("One\nThe mayor said the bridge would reopen.\n", source="<stdin>")
    b = news_doc("Two\nThe governor said the road would close.\n", source="<stdin>")
    assert store.write([a]) == WriteCounts(new=1)
    assert store.write([b, b]) == WriteCounts(new=1, unchanged=1)
    assert store.counts()["articles"] == 2


def test_concurrent_writers_queue_instead_of_failing(db_path: Path) -> None:
    """Threads (the web API) and processes share one file: writes serialise, none is lost."""
    from concurrent.futures import ThreadPoolExecutor

    docs = [kremlin_doc(), ankara_doc(), washington_doc()]
    stores = [open_store(db_path) for _ in range(2)]
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            results = list(pool.map(lambda i: stores[i % 2].write(docs), range(6)))
        total = sum(results, WriteCounts())
        assert total == WriteCounts(new=3, unchanged=15)
        assert stores[0].counts()["quotes"] == 7
    finally:
        for s in stores:
            s.close()
