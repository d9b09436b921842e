"""Events in the database: merging across outlets, idempotent re-ingest, queries, migration, CLI."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.model import Document
from newsgraph.pipeline import process
from newsgraph.store import Store, open_store
from newsgraph.store.events import event_counts, party_filter, query_events
from newsgraph.store.schema import SCHEMA_VERSION

WIRE = (
    "Moscow rejected US President Joe Biden's conditions for negotiations on Thursday.\n\n"
    "Russian forces shelled Kharkiv overnight, regional officials said."
)
COPY = (
    "MOSCOW (Reuters) - Moscow rejected Joe Biden's conditions for negotiations on Thursday, "
    "the Kremlin said.\n\nPolice arrested 20 protesters in Minsk on Saturday."
)
LATER = "Moscow rejected Joe Biden's conditions for negotiations again on Monday."


def doc(text: str, source: str, published: str) -> Document:
    return process(text, source=source, published=published)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "news.db")
    yield s
    s.close()


def test_same_event_from_two_outlets_is_one_event(store: Store) -> None:
    store.write([doc(WIRE, "a.txt", "2022-03-05"), doc(COPY, "b.txt", "2022-03-04")])
    with store.engine.connect() as c:
        rejects = query_events(c, type="REJECT")
        assert len(rejects) == 1
        assert (rejects[0].mentions, rejects[0].articles) == (2, 2)
        assert rejects[0].actor_country == "RUS" and rejects[0].recipient_id == "joe-biden"
        assert event_counts(c) == {"events": 3, "event_mentions": 4}


def test_far_apart_dates_are_separate_events(store: Store) -> None:
    store.write([doc(WIRE, "a.txt", "2022-03-05"), doc(LATER, "c.txt", "2022-03-30")])
    with store.engine.connect() as c:
        assert len(query_events(c, type="REJECT")) == 2


def test_reingest_never_duplicates(store: Store) -> None:
    docs = [doc(WIRE, "a.txt", "2022-03-05"), doc(COPY, "b.txt", "2022-03-04")]
    store.write(docs)
    with store.engine.connect() as c:
        before = event_counts(c)
    store.write(docs)  # same content: unchanged
    store.write([doc(COPY + "\n\nA line added later.", "b.txt", "2022-03-04")])  # replaced
    with store.engine.connect() as c:
        assert event_counts(c) == before
        assert query_events(c, type="REJECT")[0].mentions == 2


def test_replacing_the_only_article_drops_its_events(store: Store) -> None:
    store.write([doc(COPY, "b.txt", "2022-03-04")])
    store.write([doc("The weather was mild in Minsk on Saturday.", "b.txt", "2022-03-04")])
    with store.engine.connect() as c:
        assert event_counts(c) == {"events": 0, "event_mentions": 0}


def test_filters(store: Store) -> None:
    store.write([doc(WIRE, "a.txt", "2022-03-05"), doc(COPY, "b.txt", "2022-03-06")])
    with store.engine.connect() as c:
        by_country = {h.type for h in query_events(c, actor=party_filter("RUS"))}
        assert by_country == {"REJECT", "ASSAULT"}
        by_name = query_events(c, actor=party_filter("Moscow"), recipient=party_filter("Biden"))
        assert [h.type for h in by_name] == ["REJECT"]
        assert query_events(c, actor=party_filter("Biden"), recipient=party_filter("RUS")) == []
        both = query_events(
            c, actor=party_filter("Biden"), recipient=party_filter("RUS"), either_way=True
        )
        assert [h.type for h in both] == ["REJECT"]
        import datetime as dt

        since = query_events(c, since=dt.date(2022, 3, 5))
        assert {h.type for h in since} == {"ASSAULT", "COERCE"}


def test_migration_adds_event_tables_to_an_older_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    open_store(path).close()
    engine = sa.create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE event_mentions")
        conn.exec_driver_sql("DROP TABLE events")
        conn.exec_driver_sql("UPDATE schema_meta SET value='2' WHERE key='schema_version'")
    engine.dispose()
    s = open_store(path)
    try:
        s.write([doc(WIRE, "a.txt", "2022-03-05")])
        with s.engine.connect() as c:
            version = c.exec_driver_sql(
                "SELECT value FROM schema_meta WHERE key='schema_version'"
            ).scalar()
            assert int(version) == SCHEMA_VERSION
            assert event_counts(c)["events"] == 2
            names = {r[0] for r in c.exec_driver_sql("SELECT name FROM sqlite_master")}
            assert "ix_events_match_date" in names and "ix_events_match_key" not in names
    finally:
        s.close()


def test_cli_events_and_dyad(tmp_path: Path) -> None:
    path = tmp_path / "cli.db"
    s = open_store(path)
    s.write([doc(WIRE, "a.txt", "2022-03-05"), doc(COPY, "b.txt", "2022-03-06")])
    s.close()
    app, runner = load_commands(), CliRunner()
    res = runner.invoke(app, ["events", "--db", str(path), "--actor", "RUS", "--format", "json"])
    assert res.exit_code == 0, res.output
    assert {r["type"] for r in json.loads(res.output)} == {"REJECT", "ASSAULT"}
    res = runner.invoke(app, ["dyad", "Joe Biden", "Russia", "--db", str(path), "-f", "json"])
    assert res.exit_code == 0, res.output
    rows = json.loads(res.output)
    assert [r["type"] for r in rows] == ["REJECT"] and rows[0]["mentions"] == 2
    res = runner.invoke(app, ["events", "--db", str(path), "--type", "NOPE"])
    assert res.exit_code != 0
    res = runner.invoke(app, ["events", "--db", str(tmp_path / "missing.db")])
    assert res.exit_code == 2


def test_a_stored_article_reads_back_with_its_events(store: Store) -> None:
    """Both copies round-trip, the second's own wording ("US President Joe Biden" against
    "Joe Biden") kept although its mention joined the first copy's event."""
    wire, copy = doc(WIRE, "a.txt", "2022-03-05"), doc(COPY, "b.txt", "2022-03-04")
    assert wire.events and copy.events
    store.write([wire, copy])
    for original in (wire, copy):
        back = store.article(original.article.id)
        assert back.events == original.events
        assert back == original
    recipients = {e.recipient_text for d in (wire, copy) for e in d.events if e.type == "REJECT"}
    assert len(recipients) == 2


def test_events_of_a_day_far_from_a_batch_are_not_candidates(store: Store) -> None:
    """A mention only meets stored events of its match key within the day window: the same
    wording a month later is a new event, and a copy within the window still joins."""
    store.write([doc(WIRE, "a.txt", "2022-03-05")])
    store.write([doc(LATER, "c.txt", "2022-04-30"), doc(COPY, "b.txt", "2022-03-07")])
    with store.engine.connect() as c:
        rejects = query_events(c, type="REJECT")
    assert sorted(h.mentions for h in rejects) == [1, 2]


def test_a_mention_between_two_equal_events_joins_the_same_one_whatever_the_batches(
    tmp_path: Path,
) -> None:
    """Two stored reports of one act six days apart are two events; a third report dated between
    them matches both equally. Which it joins must not depend on how the ingest was batched (the
    candidate pool lists stored events and events made in the same batch in different orders)."""
    text = "Moscow rejected Joe Biden's conditions for negotiations."
    later, earlier, between = (
        doc(f"{text}\n\nThe talks were due to start in {city}.", f"{city}.txt", day)
        for city, day in (
            ("Geneva", "2022-03-07"),
            ("Vienna", "2022-03-01"),
            ("Oslo", "2022-03-04"),
        )
    )
    joined = []
    for batches in ([[later, earlier, between]], [[later], [earlier], [between]]):
        s = open_store(tmp_path / f"news{len(batches)}.db")
        for batch in batches:
            s.write(batch)
        with s.engine.connect() as c:
            rows = c.execute(
                sa.text(
                    "SELECT a.source, e.date FROM event_mentions m JOIN articles a"
                    " ON a.id = m.article_id"
                    " JOIN events e ON e.id = m.event_id ORDER BY a.source"
                )
            ).all()
        s.close()
        joined.append([tuple(r) for r in rows])
    assert joined[0] == joined[1]
    assert len({d for _a, d in joined[0]}) == 2  # two events, the third report in one of them
