"""Story and quote-group counters are kept incrementally: whatever the order, batching and
replacements of the writes, they equal a count from scratch — and a copy costs the database the
same work whether its story has four copies or forty."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_builders import news_doc

from newsgraph.model import Document, QuoteKind
from newsgraph.store import Store, open_store
from newsgraph.store import syndication as syn
from newsgraph.store import syndication_counts as counts

BODY = (
    "GENEVA — Negotiators from both sides agreed on Friday to extend the ceasefire by another "
    "thirty days, the mediators said in a statement after eleven hours of talks.\n"
    "“We have bought time for the people who need it most,” said Amina Haddad, the UN envoy, "
    "speaking to reporters outside the Palais des Nations.\n"
    "The extension covers the northern provinces, where aid convoys have been blocked since "
    "March, and sets up a joint commission to monitor violations.\n"
    "“Nobody at this table wants the fighting to resume,” Haddad said, adding that a further "
    "round would open in Vienna within two weeks.\n"
    "Diplomats said the hardest questions, prisoner exchanges and the return of displaced "
    "families, had been left for the next round.\n"
)
OTHER = (
    "LAGOS — The central bank raised its benchmark rate by half a point on Tuesday to slow "
    "inflation that reached a two-decade high last month.\n"
    "“Nobody at this table wants the fighting to resume,” a trader joked, quoting the envoy.\n"
    "Analysts had expected a smaller move, and the currency firmed against the dollar after "
    "the decision was announced in the capital.\n"
)
QUOTES = (
    ("We have bought time for the people who need it most,", "Amina Haddad", "Amina Haddad"),
    ("Nobody at this table wants the fighting to resume,", "Amina Haddad", "Haddad"),
)
HOSTS = ("wire.example", "daily.example", "gazette.example", "post.example")


def copy_doc(n: int, *, body: str = BODY, host: str = "wire.example", day: int = 0) -> Document:
    """Copy ``n`` of a story: the same body with a credit line of its own (so its own id)."""
    text = f"Ceasefire extended, copy {n}\n{body}Reporting by desk {n}.\n"
    quotes = [(w, QuoteKind.DIRECT, s, a) for w, s, a in QUOTES if w in text and a in text]
    doc = news_doc(
        text,
        source=f"{host}/{n}.html",
        published=dt.date(2023, 5, 1) + dt.timedelta(day),
        quotes=quotes,
    )
    url = f"https://{host}/{n}"
    return dataclasses.replace(doc, article=dataclasses.replace(doc.article, url=url))


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "c.db")
    yield s
    s.close()


def _rows(conn: sa.Connection, table: sa.Table) -> set[tuple]:
    return {tuple(r) for r in conn.execute(sa.select(table))}


def assert_counts_match_a_recount(store: Store) -> None:
    tally_tables = (counts.story_outlets, counts.quote_group_outlets)
    with store.engine.connect() as conn:
        assert _rows(conn, syn.stories) == counts.recount_stories(conn)
        assert _rows(conn, syn.quote_groups) == counts.recount_groups(conn)
        tallies = [_rows(conn, t) for t in tally_tables]
        orphans = (
            "SELECT count(*) FROM minhash_bands WHERE article_id NOT IN (SELECT id FROM articles)"
        )
        assert conn.exec_driver_sql(orphans).scalar() == 0  # replaced copies leave no index rows
        conn.rollback()
        with conn.begin() as tx:
            counts.tallies_from_scratch(conn)
            assert [_rows(conn, t) for t in tally_tables] == tallies
            tx.rollback()


_WRITE = st.tuples(
    st.integers(0, 5),  # which copy (its desk line)
    st.sampled_from([BODY, OTHER]),
    st.integers(0, 3),  # outlet
    st.integers(0, 4),  # days after the first
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(writes=st.lists(_WRITE, min_size=1, max_size=12), cuts=st.lists(st.integers(1, 4)))
def test_incremental_counts_equal_a_recount(
    tmp_path_factory: pytest.TempPathFactory,
    writes: list[tuple[int, str, int, int]],
    cuts: list[int],
) -> None:
    """Same (copy, outlet) with other text replaces the stored article: counts go down, then up."""
    docs = [copy_doc(n, body=body, host=HOSTS[h], day=day) for n, body, h, day in writes]
    with open_store(tmp_path_factory.mktemp("h") / "h.db") as s:
        at = 0
        for cut in [*cuts, len(docs)]:
            s.write(docs[at : at + cut])
            at += cut
            if at >= len(docs):
                break
        assert_counts_match_a_recount(s)


def test_outlets_count_once_and_the_earliest_copy_is_canonical(store: Store) -> None:
    late = copy_doc(1, host="daily.example", day=3)
    early = copy_doc(2, host="gazette.example", day=1)
    again = copy_doc(3, host="daily.example", day=2)
    store.write([late])
    store.write([again, early])
    hits = store.quotes(search="bought time", merged=True)
    assert [(h.article_id, h.outlets, h.copies, h.first_seen) for h in hits] == [
        (early.article.id, 2, 3, dt.date(2023, 5, 2))
    ]
    with store.engine.connect() as conn:
        (story,) = conn.execute(sa.select(syn.stories)).all()
    assert story.id == late.article.id  # named after the copy seen first ...
    assert story.title == early.article.title  # ... titled after the earliest published
    assert (story.copies, story.outlets, story.first_seen) == (3, 2, dt.date(2023, 5, 2))
    assert_counts_match_a_recount(store)


def test_replacing_the_canonical_copy_moves_the_group_to_the_next_earliest(store: Store) -> None:
    first, second, third = (copy_doc(n, host=HOSTS[n], day=n) for n in (1, 2, 3))
    store.write([first, second, third])
    rewritten = copy_doc(1, body=OTHER, host=HOSTS[1], day=1)  # same page, other story now
    assert store.write([rewritten]).updated == 1
    hits = store.quotes(search="bought time", merged=True)
    assert [(h.article_id, h.outlets, h.copies) for h in hits] == [(second.article.id, 2, 2)]
    assert_counts_match_a_recount(store)


def _database_work(store: Store, docs: list[Document]) -> int:
    """SQLite virtual-machine instructions the write of ``docs`` runs: a measure of the rows it
    reads and writes that, unlike time, does not depend on the machine."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    def on_checkout(dbapi_conn: object, *_args: object) -> None:
        dbapi_conn.set_progress_handler(tick, 1)  # type: ignore[attr-defined]

    sa.event.listen(store.engine, "checkout", on_checkout)
    try:
        store.write(docs)
    finally:
        sa.event.remove(store.engine, "checkout", on_checkout)
    return steps[0]


def test_a_copy_costs_the_same_work_in_a_story_of_forty(tmp_path: Path) -> None:
    """The 5th and the 41st copy of a story (and of its quotations) read about as many rows."""
    work = []
    for size in (4, 40):
        with open_store(tmp_path / f"s{size}.db") as s:
            s.write([copy_doc(n, host=f"site{n}.example") for n in range(size)])
            work.append(_database_work(s, [copy_doc(size, host=f"site{size}.example")]))
            hits = s.quotes(search="bought time", merged=True)
            assert [(h.outlets, h.copies) for h in hits] == [(size + 1, size + 1)]
    small, large = work
    assert large <= small * 1.25, work


def test_a_version_4_database_gains_the_tallies(tmp_path: Path) -> None:
    path = tmp_path / "v4.db"
    with open_store(path) as s:
        s.write(
            [copy_doc(1, host=HOSTS[0]), copy_doc(2, host=HOSTS[1]), copy_doc(3, host=HOSTS[1])]
        )
        with s.engine.begin() as conn:  # back to the version 4 layout
            for table in ("story_outlets", "quote_group_outlets"):
                conn.exec_driver_sql(f"DROP TABLE {table}")
            conn.exec_driver_sql("DROP INDEX ix_copies_story_first")
            conn.exec_driver_sql('CREATE INDEX ix_copies_story_id ON copies ("story_id")')
            conn.exec_driver_sql(
                "CREATE INDEX ix_minhash_bands_article_id ON minhash_bands (article_id)"
            )
            bands = conn.exec_driver_sql("SELECT count(*) FROM minhash_bands").scalar()
            conn.exec_driver_sql("UPDATE schema_meta SET value = '4' WHERE key = 'schema_version'")
    with open_store(path) as s:
        s.write([copy_doc(4, host=HOSTS[2])])
        hits = s.quotes(search="bought time", merged=True)
        assert [(h.outlets, h.copies) for h in hits] == [(3, 4)]
        assert_counts_match_a_recount(s)
        with s.engine.connect() as conn:
            indexes = {i["name"] for i in sa.inspect(conn).get_indexes("copies")}
            assert not sa.inspect(conn).get_indexes("minhash_bands")
            assert conn.exec_driver_sql("SELECT count(*) FROM minhash_bands").scalar() >= bands
        assert "ix_copies_story_first" in indexes and "ix_copies_story_id" not in indexes
