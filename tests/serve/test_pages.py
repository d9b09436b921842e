"""The HTML pages: content, links, highlights, and that hostile article text stays inert."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from fastapi.testclient import TestClient

from newsgraph import process
from newsgraph.serve import create_app
from newsgraph.serve.pages import safe_link
from newsgraph.store import open_store


class TagCollector(HTMLParser):
    """Every start tag with its attributes, as a browser's parser would see them."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse(html: str) -> list[tuple[str, dict[str, str | None]]]:
    p = TagCollector()
    p.feed(html)
    return p.tags


def assert_inert(html: str) -> None:
    """No script but our own file, no inline handlers, no element smuggled in by article text."""
    tags = parse(html)
    scripts = [a for t, a in tags if t == "script"]
    assert scripts == [{"src": "/static/app.js", "defer": None}]
    for tag, attrs in tags:
        assert not any(k.startswith("on") for k in attrs), (tag, attrs)
        assert tag not in ("img", "iframe", "object", "embed", "b", "i")
        for value in attrs.values():
            assert not (value or "").strip().lower().startswith("javascript:")


def test_index_lists_quotes_with_speaker_date_outlet_and_links(client: TestClient) -> None:
    r = client.get("/")
    assert r.status_code == 200
    html = r.text
    assert "6 quotations" in html
    assert '<a class="speaker" href="/speaker/Maria%20Santos">Maria Santos</a>' in html
    assert '<time datetime="2024-03-05">2024-03-05</time>' in html
    assert "Coast Herald" in html
    # The sentence around the quote is shown, with the quote itself marked.
    assert re.search(
        r'&#34;<mark class="q q-direct"[^>]*>The port cannot run without us,</mark>&#34; '
        r"she added\.",
        html,
    )
    assert_inert(html)


def test_index_form_is_labelled_and_keeps_filters(client: TestClient) -> None:
    html = client.get("/", params={"q": "port", "since": "2024-01-01"}).text
    tags = parse(html)
    inputs = [a for t, a in tags if t == "input"]
    labels = {a.get("for") for t, a in tags if t == "label"}
    assert {i["id"] for i in inputs} <= labels
    assert any(i["id"] == "q" and i.get("value") == "port" for i in inputs)
    assert any(i["id"] == "since" and i.get("value") == "2024-01-01" for i in inputs)
    assert "1 quotation<" in html
    assert "/api/quotes?q=port&amp;since=2024-01-01&amp;format=csv" in html


def test_index_facets_and_pagination(store, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("newsgraph.serve.pages.PAGE_SIZE", 4)
    with TestClient(create_app(store)) as c:
        first = c.get("/").text
        assert 'rel="next" href="/?offset=4"' in first
        assert "1–4 of 6" in first
        second = c.get("/", params={"offset": 4}).text
        assert "5–6 of 6" in second
        assert 'rel="prev" href="/"' in second
    facet = '<a href="/speaker/Maria%20Santos">Maria Santos</a> <span class="count">2</span>'
    assert facet in first


def test_index_bad_date_is_a_400_page(client: TestClient) -> None:
    r = client.get("/", params={"since": "soon"})
    assert r.status_code == 400
    assert r.headers["content-type"].startswith("text/html")
    assert "since" in r.text


def test_speaker_page_has_quotes_and_timeline(client: TestClient) -> None:
    r = client.get("/speaker/Maria Santos")
    assert r.status_code == 200
    html = r.text
    assert "<h1>Maria Santos</h1>" in html
    assert "2 quotations, 2024-03-05 to 2024-03-05" in html
    assert '<svg class="timeline" role="img"' in html
    assert html.count('<rect class="bar"') == 1
    assert "week of 2024-03-04: 2" in html  # bars are Monday-based weeks
    assert "Alan Brooks" not in html.split("<h2")[1]  # only this speaker's quotations


def test_speaker_page_exact_name_and_404(client: TestClient) -> None:
    assert client.get("/speaker/Santos").status_code == 404
    r = client.get("/speaker/Nobody At All")
    assert r.status_code == 404
    assert "Nobody At All" in r.text


def test_article_page_highlights_and_folds_boilerplate(
    client: TestClient, ids: dict[str, str]
) -> None:
    html = client.get(f"/article/{ids['harbour.txt']}").text
    marks = re.findall(r'<mark class="q q-(\w+)" title="([^"]*)">(.*?)</mark>', html)
    assert [(k, t) for k, t, _ in marks] == [
        ("direct", "Maria Santos (direct)"),
        ("direct", "Maria Santos (direct)"),
        ("partial", "Alan Brooks (partial)"),
    ]
    assert marks[2][2] == "generous and final"
    assert html.count('<span class="who">Maria Santos</span>') == 2
    assert '<h1 class="line title">Dock workers walk out over pay</h1>' in html
    assert 'href="https://example.org/harbour" rel="noopener noreferrer nofollow"' in html
    assert '<span class="mention" title="PERSON: Maria Santos">Maria Santos</span>' in html
    ids_in_page = re.findall(r'<li id="q-(\d+)">', html)
    assert len(ids_in_page) == 3
    folded = re.findall(r"<details class=\"boilerplate\">(.*?)</details>", html, flags=re.S)
    assert len(folded) == 2
    assert "Advertisement" in folded[0] and "Subscribe to our newsletter" in folded[1]


def test_article_page_boilerplate_in_details() -> None:
    """A cleaner-marked boilerplate run becomes one folded <details>."""
    import dataclasses

    from newsgraph.model import Line, LineRole
    from newsgraph.serve.pages import article_blocks

    doc = process("Title here\nAdvertisement\nShare this\nBody text said here.\n")
    roles = [LineRole.TITLE, LineRole.BOILERPLATE, LineRole.BOILERPLATE, LineRole.BODY]
    lines = tuple(Line(ln.span, r, "test") for ln, r in zip(doc.article.lines, roles, strict=True))
    doc = dataclasses.replace(doc, article=dataclasses.replace(doc.article, lines=lines))
    blocks = article_blocks(doc)
    assert [b["role"] for b in blocks] == ["content", "boilerplate", "content"]
    assert [str(ln["html"]) for ln in blocks[1]["lines"]] == ["Advertisement", "Share this"]


def test_hostile_article_is_escaped_everywhere(client: TestClient, ids: dict[str, str]) -> None:
    aid = ids["hostile.txt"]
    for path in ("/", f"/article/{aid}", "/speaker/Jo Reyes", "/speaker/Tom Kell <i>x</i>",
                 "/articles", "/?outlet=<b>Evil</b> Gazette"):
        r = client.get(path)
        assert r.status_code == 200, path
        assert_inert(r.text)
        assert "<script>alert" not in r.text
    html = client.get(f"/article/{aid}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;" in html
    assert "javascript:" not in html  # the article's javascript: URL is not linked


def test_unknown_article_page_is_404_html(client: TestClient) -> None:
    r = client.get("/article/0000000000000000")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")


def test_articles_page_lists_and_searches(client: TestClient) -> None:
    html = client.get("/articles").text
    assert "3 articles" in html
    assert "Minister defends budget cuts" in html
    assert "1 article<" in client.get("/articles", params={"q": "harbour"}).text


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://example.org/a", "https://example.org/a"),
        ("http://example.org", "http://example.org"),
        ("javascript:alert(1)", None),
        (" JavaScript:alert(1)", None),
        ("data:text/html,<script>", None),
        ("//evil.example", None),
        ("", None),
        (None, None),
    ],
)
def test_safe_link(url: str | None, expected: str | None) -> None:
    assert safe_link(url) == expected


def test_seed_articles_render(tmp_path, seed_texts: dict[str, str]) -> None:
    """Every real scraped seed goes through the pipeline, the store and the article page."""
    store = open_store(tmp_path / "seeds.db")
    docs = [process(text, source=name) for name, text in seed_texts.items()]
    store.write(docs)
    with TestClient(create_app(store)) as c:
        for doc in docs:
            r = c.get(f"/article/{doc.article.id}")
            assert r.status_code == 200
            assert_inert(r.text)
            body = c.get(f"/api/articles/{doc.article.id}").json()
            assert body["text"] == doc.article.text
            assert len(body["quotes"]) == len(doc.quotes)
        assert c.get("/").status_code == 200
    store.close()


def test_api_reference_page_lists_endpoints_without_outside_scripts(client: TestClient) -> None:
    r = client.get("/api")
    assert r.status_code == 200
    html = r.text
    for endpoint in ("GET /api/quotes", "GET /api/articles/{article_id}", "POST /api/articles",
                     "GET /api/speakers", "GET /api/search", "GET /api/actors"):
        assert endpoint in html
    assert "<code>speaker</code>" in html and "<code>format</code>" in html
    assert_inert(html)
    assert "'unsafe-inline'" not in r.headers["content-security-policy"]
