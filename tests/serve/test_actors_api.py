"""/api/actors and the actor filter on quotations, over the bundled knowledge base."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_samples import make_doc

from newsgraph.model import QuoteKind
from newsgraph.serve import create_app
from newsgraph.store import Store

KREMLIN = """Kremlin rules out talks this week
Kremlin spokesman Dmitry Peskov said on Tuesday that no meeting was planned.
"There are no plans for such contacts," Peskov told reporters.
"""


@pytest.fixture()
def client(store: Store) -> Iterator[TestClient]:
    doc = make_doc(
        KREMLIN,
        [("There are no plans for such contacts,", "Dmitry Peskov", QuoteKind.DIRECT)],
        source="kremlin.txt",
        publisher="Wire",
        published=dt.date(2024, 2, 6),
    )
    linked = tuple(dataclasses.replace(q, speaker_actor_id="dmitry-peskov") for q in doc.quotes)
    store.write([dataclasses.replace(doc, quotes=linked)])
    with TestClient(create_app(store)) as c:
        yield c


def test_most_quoted_actors(client: TestClient) -> None:
    items = client.get("/api/actors").json()["items"]
    assert [(a["id"], a["quotes"]) for a in items] == [("dmitry-peskov", 1)]
    peskov = items[0]
    assert peskov["name"] == "Dmitry Peskov" and peskov["kind"] == "person"
    assert any(r["role_key"] == "RUS:president_spokesperson" for r in peskov["roles"])


def test_actor_search_by_alias(client: TestClient) -> None:
    items = client.get("/api/actors", params={"q": "Peskov"}).json()["items"]
    assert items[0]["id"] == "dmitry-peskov"
    assert items[0]["quotes"] == 1


def test_one_actor_with_latest_quotes(client: TestClient) -> None:
    body = client.get("/api/actors/dmitry-peskov").json()
    assert body["quotes"] == 1
    assert [q["text"] for q in body["latest"]] == ["There are no plans for such contacts,"]
    r = client.get("/api/actors/no-such-actor")
    assert r.status_code == 404
    assert "no-such-actor" in r.json()["detail"]


def test_quotes_filtered_by_actor(client: TestClient) -> None:
    body = client.get("/api/quotes", params={"actor": "dmitry-peskov"}).json()
    assert body["total"] == 1
    assert body["items"][0]["speaker_actor_id"] == "dmitry-peskov"
    none = client.get("/api/quotes", params={"actor": "kremlin"}).json()
    assert none["total"] == 0
