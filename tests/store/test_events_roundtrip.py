"""A stored article reads back with its events, on SQLite and (when a server is available)
PostgreSQL: the mention's own wording survives its merge into another outlet's event."""

from __future__ import annotations

from test_postgres_store import pg_server, pg_url  # noqa: F401  (fixtures)
from test_syndication import any_store  # noqa: F401  (fixture)

from newsgraph.pipeline import process
from newsgraph.store import Store
from newsgraph.store.events import query_events

FIRST = (
    "Beijing condemned US President Joe Biden's remarks on Taiwan on Friday.\n\n"
    "Chinese warships sailed near the island overnight, officials in Taipei said."
)
SECOND = (
    "BEIJING (Wire) - Beijing condemned Joe Biden's remarks on Taiwan on Friday, state media "
    "said.\n\nShares in Hong Kong fell after the statement."
)


def test_articles_round_trip_with_their_events(any_store: Store) -> None:  # noqa: F811
    first = process(FIRST, source="a.txt", published="2023-02-10")
    second = process(SECOND, source="b.txt", published="2023-02-11")
    assert first.events and second.events
    any_store.write([first])
    any_store.write([second])
    for original in (first, second):
        assert any_store.article(original.article.id) == original
    with any_store.engine.connect() as conn:
        (accusation,) = query_events(conn, type="ACCUSE")
    assert (accusation.mentions, accusation.articles) == (2, 2)  # one event, two wordings
