"""The JSON API against a real store: filters, paging, exports, errors and ingest."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient
from serve_samples import TOKEN, make_doc

from newsgraph.model import QuoteKind
from newsgraph.serve import create_app
from newsgraph.store import Store


def speakers_of(items: list[dict]) -> list[str | None]:
    return [i["speaker"] for i in items]


def test_quotes_newest_first_with_total_and_context(client: TestClient) -> None:
    body = client.get("/api/quotes").json()
    assert body["total"] == 6
    dates = [i["published"] for i in body["items"]]
    assert dates == sorted(dates, reverse=True)
    assert body["next_offset"] is None
    first_harbour = next(i for i in body["items"] if i["source"] == "harbour.txt")
    assert first_harbour["text"] == "We have waited three years for a fair offer,"
    # The sentence around the quotation, with offsets into the article's raw text.
    sentence = first_harbour["sentence"]
    assert sentence["text"].endswith("union leader Maria Santos said.")
    assert sentence["start"] <= first_harbour["start"] < first_harbour["end"] <= sentence["end"]
    assert first_harbour["publisher"] == "Coast Herald"
    assert not any(k.startswith("_") for k in first_harbour)


def test_quote_offsets_point_into_article_text(client: TestClient) -> None:
    for item in client.get("/api/quotes").json()["items"]:
        article = client.get(f"/api/articles/{item['article_id']}").json()
        assert article["text"][item["start"] : item["end"]] == item["text"]
        s = item["sentence"]
        assert article["text"][s["start"] : s["end"]] == s["text"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"speaker": "santos"}, ["Maria Santos", "Maria Santos"]),
        ({"speaker": "Ruth Adler"}, ["Ruth Adler"]),
        ({"q": "port"}, ["Maria Santos"]),
        ({"q": "contribute"}, ["Ruth Adler"]),
        ({"since": "2024-03-10"}, ["Jo Reyes", "Tom Kell <i>x</i>"]),
        ({"until": "2023-12"}, ["Ruth Adler"]),
        ({"since": "2024", "until": "2024-03-05"}, ["Alan Brooks", "Maria Santos", "Maria Santos"]),
        ({"outlet": "Coast Herald", "speaker": "Adler"}, ["Ruth Adler"]),
        ({"outlet": "Nobody"}, []),
    ],
)
def test_quote_filters(client: TestClient, params: dict, expected: list[str]) -> None:
    body = client.get("/api/quotes", params=params).json()
    assert sorted(speakers_of(body["items"])) == sorted(expected)
    assert body["total"] == len(expected)


def test_article_filter_by_id_prefix(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get("/api/quotes", params={"article": ids["budget.txt"][:6]}).json()
    assert speakers_of(body["items"]) == ["Ruth Adler"]


def test_pagination_walks_every_quote_once(client: TestClient) -> None:
    seen, offset = [], 0
    while offset is not None:
        body = client.get("/api/quotes", params={"limit": 4, "offset": offset}).json()
        assert body["total"] == 6
        assert len(body["items"]) <= 4
        seen += [i["id"] for i in body["items"]]
        offset = body["next_offset"]
    assert len(seen) == len(set(seen)) == 6


def test_limit_bounds_are_enforced(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"limit": 501}).status_code == 422
    assert client.get("/api/quotes", params={"limit": 0}).status_code == 422
    assert client.get("/api/quotes", params={"offset": -1}).status_code == 422
    assert client.get("/api/quotes", params={"limit": 500}).status_code == 200


@pytest.mark.parametrize("bad", ["yesterday", "2024-13-01", "2024-02-30", "24-1-1"])
def test_bad_dates_are_400_with_a_message(client: TestClient, bad: str) -> None:
    r = client.get("/api/quotes", params={"since": bad})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("application/json")
    assert "since" in r.json()["detail"]


def test_since_after_until_is_400(client: TestClient) -> None:
    r = client.get("/api/quotes", params={"since": "2024-05-01", "until": "2024-01-01"})
    assert r.status_code == 400


def test_bad_format_is_422(client: TestClient) -> None:
    assert client.get("/api/quotes", params={"format": "xml"}).status_code == 422


def test_quotes_csv_export_has_all_rows_and_defuses_formulas(client: TestClient) -> None:
    r = client.get("/api/quotes", params={"format": "csv"})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.DictReader(io.StringIO(r.text)))
    assert len(rows) == 6
    assert {"speaker", "text", "sentence_text", "published", "publisher"} <= set(rows[0])
    assert any(row["text"].startswith("<script>") for row in rows)


def test_quotes_jsonl_export_respects_filters(client: TestClient) -> None:
    r = client.get("/api/quotes", params={"format": "jsonl", "speaker": "santos"})
    lines = [json.loads(x) for x in r.text.splitlines()]
    assert [x["speaker"] for x in lines] == ["Maria Santos", "Maria Santos"]


def test_export_with_limit_exports_one_page(client: TestClient) -> None:
    r = client.get("/api/quotes", params={"format": "jsonl", "limit": 2, "offset": 1})
    assert len(r.text.splitlines()) == 2


def test_articles_listing_and_search(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert body["total"] == 3
    assert [a["source"] for a in body["items"]] == ["hostile.txt", "harbour.txt", "budget.txt"]
    found = client.get("/api/articles", params={"q": "library"}).json()
    assert [a["source"] for a in found["items"]] == ["hostile.txt"]
    by_speaker = client.get("/api/articles", params={"speaker": "Brooks"}).json()
    assert [a["source"] for a in by_speaker["items"]] == ["harbour.txt"]
    csv_text = client.get("/api/articles", params={"format": "csv"}).text
    assert len(list(csv.DictReader(io.StringIO(csv_text)))) == 3


def test_article_detail_has_text_roles_and_spans(client: TestClient, ids: dict[str, str]) -> None:
    body = client.get(f"/api/articles/{ids['harbour.txt']}").json()
    text = body["text"]
    assert body["publisher"] == "Coast Herald"
    assert body["published"] == "2024-03-05"
    assert {ln["role"] for ln in body["lines"]} >= {"title"}
    assert "Dock workers at the city's main harbour" in body["body"]
    assert len(body["quotes"]) == 3
    for q in body["quotes"]:
        assert text[q["start"] : q["end"]] == q["text"]
        assert isinstance(q["id"], int)
    assert [text[m["start"] : m["end"]] for m in body["mentions"]] == [
        "Maria Santos",
        "Alan Brooks",
    ]


def test_article_id_prefix_and_unknown_id(client: TestClient, ids: dict[str, str]) -> None:
    aid = ids["budget.txt"]
    assert client.get(f"/api/articles/{aid[:8]}").json()["id"] == aid
    r = client.get("/api/articles/ffffffffffffffff")
    assert r.status_code == 404
    assert r.json()["status"] == 404
    assert "ffffffffffffffff" in r.json()["detail"]


def test_speakers_facet_counts(client: TestClient) -> None:
    body = client.get("/api/speakers").json()
    counts = {s["speaker"]: s["count"] for s in body["items"]}
    assert counts["Maria Santos"] == 2
    assert counts["Ruth Adler"] == 1
    assert body["items"][0]["speaker"] == "Maria Santos"
    assert body["total"] == 5
    filtered = client.get("/api/speakers", params={"outlet": "Coast Herald"}).json()
    names = {s["speaker"] for s in filtered["items"]}
    assert names == {"Maria Santos", "Alan Brooks", "Ruth Adler"}
    assert client.get("/api/speakers", params={"format": "csv"}).text.startswith("speaker,count")


def test_outlets(client: TestClient) -> None:
    items = client.get("/api/outlets").json()["items"]
    assert items[0] == {"outlet": "Coast Herald", "count": 4}


def test_search_across_quotes_and_articles(client: TestClient) -> None:
    body = client.get("/api/search", params={"q": "port"}).json()
    assert [q["speaker"] for q in body["quotes"]["items"]] == ["Maria Santos"]
    assert [a["source"] for a in body["articles"]["items"]] == ["harbour.txt"]
    # FTS syntax in user input is just text, not an error.
    assert client.get("/api/search", params={"q": 'NEAR( "x AND'}).status_code == 200
    assert client.get("/api/search", params={"q": "  "}).status_code == 400
    assert client.get("/api/search").status_code == 422


def test_security_headers_on_api_and_pages(client: TestClient) -> None:
    for path in ("/api/quotes", "/", "/static/style.css", "/api/articles/nope"):
        r = client.get(path)
        csp = r.headers["content-security-policy"]
        assert "default-src 'self'" in csp
        assert "'unsafe-inline'" not in csp
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["referrer-policy"]


def test_openapi_docs_are_served(client: TestClient) -> None:
    docs = client.get("/docs")
    assert docs.status_code == 200
    # Swagger UI needs its CDN and an inline script: only the docs pages get that policy.
    assert "'unsafe-inline'" in docs.headers["content-security-policy"]
    strict = client.get("/docsx").headers["content-security-policy"]
    assert "'unsafe-inline'" not in strict
    spec = client.get("/openapi.json").json()
    assert {"/api/quotes", "/api/articles", "/api/articles/{article_id}", "/api/speakers",
            "/api/search"} <= set(spec["paths"])
    assert "requestBody" in spec["paths"]["/api/articles"]["post"]


# ------------------------------------------------------------------------------ ingest

ARTICLE = {
    "text": "Rail strike called off\nThe rail union called off Friday's strike.\n"
    '"We got what we asked for," union secretary Priya Nair said.\n',
    "title": "Rail strike called off",
    "url": "https://example.org/rail",
    "published": "2024-04-02",
    "publisher": "Coast Herald",
    "authors": ["Sam Lee"],
}


def auth(token: str = TOKEN) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def test_ingest_with_token_stores_the_article(client: TestClient) -> None:
    r = client.post("/api/articles", json=ARTICLE, headers=auth())
    assert r.status_code == 201, r.text
    body = r.json()
    assert body["status"] == "new"
    stored = client.get(body["url"]).json()
    assert stored["text"] == ARTICLE["text"]
    assert client.get("/api/articles").json()["total"] == 4
    again = client.post("/api/articles", json=ARTICLE, headers=auth())
    assert again.status_code == 200
    assert again.json()["status"] == "unchanged"


def test_ingest_without_or_with_wrong_token_is_401(client: TestClient) -> None:
    assert client.post("/api/articles", json=ARTICLE).status_code == 401
    r = client.post("/api/articles", json=ARTICLE, headers=auth("wrong"))
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    r = client.post("/api/articles", json=ARTICLE, headers={"Authorization": TOKEN})
    assert r.status_code == 401
    assert client.get("/api/articles").json()["total"] == 3


def test_ingest_disabled_without_configured_token(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("NEWSGRAPH_API_TOKEN", raising=False)
    with TestClient(create_app(store)) as c:
        r = c.post("/api/articles", json=ARTICLE, headers=auth())
        assert r.status_code == 403
        assert "disabled" in r.json()["detail"]


def test_token_from_environment(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSGRAPH_API_TOKEN", "from-env")
    with TestClient(create_app(store)) as c:
        assert c.post("/api/articles", json=ARTICLE, headers=auth("from-env")).status_code == 201


@pytest.mark.parametrize(
    "payload",
    [
        {"title": "no text"},
        {"text": "   \n  "},
        {"text": "Some text", "published": "last week"},
        {"text": "Some text", "authors": "not a list"},
    ],
)
def test_ingest_bad_payload_is_422(client: TestClient, payload: dict) -> None:
    r = client.post("/api/articles", json=payload, headers=auth())
    assert r.status_code == 422
    assert r.json()["detail"]


def test_ingest_malformed_json_is_422(client: TestClient) -> None:
    r = client.post("/api/articles", content=b"{not json", headers=auth())
    assert r.status_code == 422


def test_ingest_body_over_limit_is_413(store: Store) -> None:
    with TestClient(create_app(store, token=TOKEN, max_body=1000)) as c:
        big = {**ARTICLE, "text": "word " * 400}
        r = c.post("/api/articles", json=big, headers=auth())
        assert r.status_code == 413

        def chunks():  # no Content-Length: the limit still holds on the bytes received
            yield b'{"text": "'
            for _ in range(50):
                yield b"x" * 100
            yield b'"}'

        r = c.post("/api/articles", content=chunks(), headers=auth())
        assert r.status_code == 413
        assert c.get("/api/articles").json()["total"] == 3


UNDATED = """Residents fear more flooding
Residents of the lower town say the river defences are too low.
"We were told this would not happen again," resident Omar Haddad said.
"Nobody listens," his neighbour Lena Park said.
"""


@pytest.fixture()
def mixed_client(store: Store) -> Iterator[TestClient]:
    """The sample store plus an article without a date."""
    d = QuoteKind.DIRECT
    store.write(
        [
            make_doc(
                UNDATED,
                [
                    ("We were told this would not happen again,", "Omar Haddad", d),
                    ("Nobody listens,", "Lena Park", d),
                ],
                source="undated.txt",
                publisher="River News",
                published=None,
            )
        ]
    )
    with TestClient(create_app(store)) as c:
        yield c


@pytest.mark.parametrize("limit", [1, 2, 3, 5, 7])
def test_undated_quotes_come_last_at_any_page_size(mixed_client: TestClient, limit: int) -> None:
    seen: list[dict] = []
    offset: int | None = 0
    while offset is not None:
        body = mixed_client.get("/api/quotes", params={"limit": limit, "offset": offset}).json()
        assert body["total"] == 8
        seen += body["items"]
        offset = body["next_offset"]
    dates = [i["published"] for i in seen]
    assert dates[-2:] == [None, None]
    assert dates[:-2] == sorted(dates[:-2], reverse=True)
    assert [i["speaker"] for i in seen[-2:]] == ["Omar Haddad", "Lena Park"]  # text order
    assert len({i["id"] for i in seen}) == 8


def test_offset_past_the_dated_quotes(mixed_client: TestClient) -> None:
    body = mixed_client.get("/api/quotes", params={"limit": 1, "offset": 7}).json()
    assert [i["speaker"] for i in body["items"]] == ["Lena Park"]
    assert mixed_client.get("/api/quotes", params={"offset": 8}).json()["items"] == []


def test_dates_exclude_undated_and_outlet_filters(mixed_client: TestClient) -> None:
    body = mixed_client.get("/api/quotes", params={"since": "2000"}).json()
    assert body["total"] == 6
    river = mixed_client.get("/api/quotes", params={"outlet": "River News"}).json()
    assert [i["speaker"] for i in river["items"]] == ["Omar Haddad", "Lena Park"]
    herald = mixed_client.get("/api/quotes", params={"outlet": "Coast Herald", "limit": 2})
    assert herald.json()["total"] == 4
    assert herald.json()["next_offset"] == 2


def test_facets_cache_is_dropped_on_ingest(client: TestClient) -> None:
    client.get("/api/speakers")
    client.get("/api/outlets")
    facets = client.app.state.facets  # type: ignore[attr-defined]
    assert facets._items
    assert client.post("/api/articles", json=ARTICLE, headers=auth()).status_code == 201
    assert not facets._items


FILTERS = [
    {},
    {"speaker": "santos"},
    {"speaker": "Maria Santos"},
    {"q": "port"},
    {"q": "the"},
    {"speaker": "a", "q": "the"},
    {"speaker": "santos", "since": "2024-01-01"},
    {"q": "final", "outlet": "Coast Herald"},
    {"speaker": "park"},
    {"speaker": "zzz"},
]


@pytest.mark.parametrize("params", FILTERS)
@pytest.mark.parametrize("limit", [1, 3])
def test_walk_and_sort_plans_agree(
    mixed_client: TestClient, monkeypatch: pytest.MonkeyPatch, params: dict, limit: int
) -> None:
    """Walking the order index and sorting the matches must give the same pages."""

    def walk_all(advantage: float) -> list[tuple]:
        monkeypatch.setattr("newsgraph.serve.quote_sql.WALK_ADVANTAGE", advantage)
        pages, offset = [], 0
        while offset is not None:
            body = mixed_client.get(
                "/api/quotes", params={**params, "limit": limit, "offset": offset}
            ).json()
            pages.append((body["total"], [i["id"] for i in body["items"]]))
            offset = body["next_offset"]
        return pages

    assert walk_all(1e9) == walk_all(0)


@pytest.mark.parametrize("limit", [1, 2, 3])
def test_article_pages_newest_first_undated_last(mixed_client: TestClient, limit: int) -> None:
    sources, offset = [], 0
    while offset is not None:
        body = mixed_client.get("/api/articles", params={"limit": limit, "offset": offset}).json()
        assert body["total"] == 4
        sources += [a["source"] for a in body["items"]]
        offset = body["next_offset"]
    assert sources == ["hostile.txt", "harbour.txt", "budget.txt", "undated.txt"]
    past = mixed_client.get("/api/articles", params={"limit": 1, "offset": 3}).json()
    assert [a["source"] for a in past["items"]] == ["undated.txt"]


@pytest.mark.parametrize(
    "params",
    [{}, {"speaker": "santos"}, {"q": "contribute"}, {"since": "2024"}, {"outlet": "River News"},
     {"speaker": "park", "limit": 1, "offset": 0}],
)
def test_portable_path_matches_sqlite_path(
    mixed_client: TestClient, store: Store, params: dict
) -> None:
    """Other engines get statements built through the store's generic dialect: same answers."""
    from newsgraph.store.dialects import GenericDialect

    fast = mixed_client.get("/api/quotes", params=params).json()
    store.dialect = GenericDialect()
    portable = mixed_client.get("/api/quotes", params=params).json()
    assert [i["id"] for i in portable["items"]] == [i["id"] for i in fast["items"]]
    assert portable["total"] == fast["total"]
