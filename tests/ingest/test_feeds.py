"""Feeds and polite fetching against a local HTTP server on 127.0.0.1 (random port)."""

from __future__ import annotations

import gzip
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.feeds import (
    fetch_feed,
    iter_feed_records,
    record_from_page,
    record_from_url,
    watch,
)
from newsgraph.ingest.fetch import FetchResult, PoliteFetcher
from newsgraph.model import Record

HTML_DIR = Path(__file__).parent.parent / "fixtures" / "html"
PAGE = (HTML_DIR / "harbour_strike.html").read_bytes()
PAGE_CP1252 = (HTML_DIR / "water_plan_cp1252.html").read_bytes()

ROBOTS = b"User-agent: *\nDisallow: /private/\n"


def rss(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel>
<title>Coastal Herald - Business</title><link>{base}/</link>
<description>Business news</description>
<item><title>Dock workers vote to strike</title><link>{base}/news/dock-strike</link>
 <pubDate>Tue, 14 Mar 2023 08:30:00 GMT</pubDate><author>desk@example.com (Maria Okafor)</author>
 <guid>{base}/news/dock-strike</guid></item>
<item><title>Minister defends water plan</title><link>{base}/news/water-plan</link>
 <pubDate>Mon, 15 Aug 2022 06:45:00 GMT</pubDate></item>
<item><title>Members only analysis</title><link>{base}/private/analysis</link></item>
<item><title>Annual report (PDF)</title><link>{base}/files/report.pdf</link></item>
<item><title>Gone</title><link>{base}/news/deleted</link></item>
</channel></rss>""".encode()


def atom(base: str) -> bytes:
    return f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
 <title>Valley Times</title><id>urn:valley</id><updated>2022-08-15T07:00:00Z</updated>
 <entry><title>Untitled page story</title><link rel="alternate" href="/news/no-meta"/>
  <id>urn:valley:1</id><published>2022-08-14T10:00:00Z</published><updated>2022-08-14T10:00:00Z</updated>
  <author><name>Ines Navarro</name></author></entry>
 <entry><title>Minister defends water plan</title><link href="{base}/news/water-plan"/>
  <id>urn:valley:2</id><updated>2022-08-15T06:45:00Z</updated></entry>
</feed>""".encode()


NO_META_PAGE = b"""<html><body><div class="menu"><a href="/">Home</a> <a href="/news">News</a></div>
<article><p>The regional council approved a new timetable for the ferry service on Sunday after
months of complaints from islanders about cancelled crossings.</p>
<p>"This gives people back a service they can plan their week around," said councillor
Ruth Abara after the vote.</p></article></body></html>"""


class State:
    """Per-server counters the handler reads and the tests reset."""

    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.headers: list[dict[str, str]] = []
        self.robots = ROBOTS
        self.robots_status = 200


class Handler(BaseHTTPRequestHandler):
    state: State
    base: str

    def log_message(self, format: str, *args: object) -> None:  # keep test output quiet
        pass

    def send(self, status: int, body: bytes, ctype: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for key, value in headers.items():
            self.send_header(key.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        path = self.path
        hits = self.state.hits[path] = self.state.hits.get(path, 0) + 1
        self.state.headers.append({k.lower(): v for k, v in self.headers.items()})
        if path == "/robots.txt":
            self.send(self.state.robots_status, self.state.robots, "text/plain")
        elif path == "/moved":
            self.send(301, b"", "text/html", Location=self.base + "/news/dock-strike")
        elif path == "/moved-private":
            self.send(302, b"", "text/html", Location="/private/analysis")
        elif path == "/loop":
            self.send(302, b"", "text/html", Location="/loop")
        elif path == "/rss.xml":
            if self.headers.get("If-None-Match") == '"rss-v1"':
                self.send(304, b"", "application/rss+xml", ETag='"rss-v1"')
            else:
                self.send(200, rss(self.base), "application/rss+xml", ETag='"rss-v1"')
        elif path == "/atom.xml":
            stamp = "Mon, 15 Aug 2022 07:00:00 GMT"
            if self.headers.get("If-Modified-Since") == stamp:
                self.send(304, b"", "application/atom+xml")
            else:
                self.send(200, atom(self.base), "application/atom+xml", Last_Modified=stamp)
        elif path == "/news/dock-strike":
            self.send(200, PAGE, "text/html; charset=utf-8")
        elif path == "/news/water-plan":
            self.send(200, PAGE_CP1252, "text/html")
        elif path == "/news/no-meta":
            self.send(200, NO_META_PAGE, "text/html; charset=utf-8")
        elif path == "/news/gzipped":
            self.send(200, gzip.compress(PAGE), "text/html", Content_Encoding="gzip")
        elif path == "/private/analysis":
            self.send(200, PAGE, "text/html")
        elif path == "/files/report.pdf":
            self.send(200, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "application/pdf")
        elif path == "/flaky":
            if hits == 1:
                self.send(500, b"oops", "text/plain")
            else:
                self.send(200, PAGE, "text/html")
        elif path == "/always-503":
            self.send(503, b"busy", "text/plain", Retry_After="0")
        elif path == "/drip":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            try:
                for _ in range(20):
                    self.wfile.write(b"<p>drip</p>" * 100)
                    self.wfile.flush()
                    time.sleep(0.02)
            except OSError:
                pass  # the client gave up, as it should
        elif path == "/slow":
            time.sleep(1.0)
            self.send(200, PAGE, "text/html")
        elif path == "/not-a-feed":
            self.send(200, PAGE, "text/html")
        else:
            self.send(404, b"not found", "text/plain")


@pytest.fixture(scope="module")
def running_server() -> Iterator[tuple[str, State]]:
    state = State()
    handler = type("BoundHandler", (Handler,), {"state": state, "base": ""})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    handler.base = base
    thread = threading.Thread(target=httpd.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield base, state
    finally:
        httpd.shutdown()
        httpd.server_close()


@pytest.fixture()
def server(running_server: tuple[str, State]) -> tuple[str, State]:
    """The module's server with fresh counters (each test starts from a clean slate)."""
    base, state = running_server
    state.hits.clear()
    state.headers.clear()
    state.robots, state.robots_status = ROBOTS, 200
    return base, state


class FakeClock:
    """A clock that only moves when the fetcher sleeps: rate limits without waiting."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def make_fetcher(**kwargs: object) -> tuple[PoliteFetcher, FakeClock]:
    clock = FakeClock()
    options: dict = {"timeout": 3.0, "min_interval": 0.0, "backoff": 0.5, "retries": 2}
    options.update(kwargs)
    return PoliteFetcher(clock=clock, sleep=clock.sleep, **options), clock


# ---------------------------------------------------------------------- fetch


def test_fetch_sends_user_agent_and_reads_robots_first(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    result = fetcher.fetch(base + "/news/dock-strike")
    assert result.ok and result.status == 200 and result.content == PAGE
    assert result.content_type == "text/html" and result.charset == "utf-8"
    assert state.hits["/robots.txt"] == 1
    assert all(h["user-agent"].startswith("newsgraph/") for h in state.headers)
    fetcher.fetch(base + "/news/water-plan")
    assert state.hits["/robots.txt"] == 1  # robots.txt is cached per host


def test_robots_disallow_is_an_error_without_a_request(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    result = fetcher.fetch(base + "/private/analysis")
    assert not result.ok and "robots.txt" in (result.error or "")
    assert not result.transient
    assert "/private/analysis" not in state.hits


def test_retry_after_500_then_success(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, clock = make_fetcher()
    result = fetcher.fetch(base + "/flaky")
    assert result.ok and result.status == 200 and result.attempts == 2
    assert state.hits["/flaky"] == 2
    assert clock.sleeps == [0.5]  # one backoff step


def test_persistent_503_gives_up_with_exponential_backoff(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, clock = make_fetcher(retries=3)
    result = fetcher.fetch(base + "/always-503")
    assert not result.ok and result.transient
    assert result.error == "HTTP 503 (after 4 attempts)"
    assert state.hits["/always-503"] == 4
    assert clock.sleeps == [0.5, 1.0, 2.0]


def test_timeout_becomes_a_reason(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher(timeout=0.2, retries=0)
    result = fetcher.fetch(base + "/slow")
    assert not result.ok and result.transient
    assert "timeout" in (result.error or "")


def test_slow_drip_body_hits_the_total_time_limit(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher(timeout=2.0, max_time=0.05, retries=0)
    result = fetcher.fetch(base + "/drip")
    assert not result.ok and result.transient
    assert result.error == "timeout: body not read within 0.05s"


def test_404_is_permanent(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    result = fetcher.fetch(base + "/news/deleted")
    assert result.error == "HTTP 404" and not result.transient
    assert state.hits["/news/deleted"] == 1


def test_gzip_body_is_decoded(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    assert fetcher.fetch(base + "/news/gzipped").content == PAGE


def test_per_host_rate_limit_waits_between_requests(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, clock = make_fetcher(min_interval=2.0)
    fetcher.fetch(base + "/news/dock-strike")  # robots.txt, then the page: one wait
    fetcher.fetch(base + "/news/water-plan")  # another wait
    assert clock.sleeps == [2.0, 2.0]


def test_unsupported_scheme_and_unreachable_host() -> None:
    fetcher, _ = make_fetcher(retries=0)
    assert "unsupported URL" in (fetcher.fetch("file:///etc/passwd").error or "")
    refused = fetcher.fetch("http://127.0.0.1:9/x")  # discard port: connection refused
    assert not refused.ok and "robots.txt unreachable" in (refused.error or "")


def test_conditional_get_returns_not_modified(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    first = fetcher.fetch(base + "/rss.xml")
    second = fetcher.fetch(base + "/rss.xml")
    assert first.ok and not first.not_modified
    assert second.ok and second.not_modified and second.status == 304
    assert second.content == first.content
    assert state.headers[-1]["if-none-match"] == '"rss-v1"'


# ---------------------------------------------------------------------- feeds


def test_fetch_rss_items(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    feed = fetch_feed(base + "/rss.xml", fetcher=fetcher)
    assert feed.ok and feed.title == "Coastal Herald - Business"
    assert [i.link for i in feed.items][:2] == [
        base + "/news/dock-strike",
        base + "/news/water-plan",
    ]
    first = feed.items[0]
    assert first.title == "Dock workers vote to strike"
    assert first.published == "2023-03-14T08:30:00+00:00"
    assert first.author and "Maria Okafor" in first.author


def test_fetch_atom_items_and_relative_links(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    feed = fetch_feed(base + "/atom.xml", fetcher=fetcher)
    assert feed.ok and feed.title == "Valley Times"
    assert feed.items[0].link == base + "/news/no-meta"
    assert feed.items[0].author == "Ines Navarro"
    assert feed.items[0].published == "2022-08-14T10:00:00+00:00"
    assert feed.items[1].published == "2022-08-15T06:45:00+00:00"  # falls back to <updated>
    again = fetch_feed(base + "/atom.xml", fetcher=fetcher)
    assert again.not_modified and again.items == ()


def test_feed_errors_are_reasons(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    assert fetch_feed(base + "/missing.xml", fetcher=fetcher).error == "feed: HTTP 404"
    not_feed = fetch_feed(base + "/not-a-feed", fetcher=fetcher)
    assert not not_feed.ok and "feed" in (not_feed.error or "")


def test_iter_feed_records_fetches_new_items_once(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    seen: set[str] = set()
    records = {
        r.source: r for r in iter_feed_records(base + "/rss.xml", fetcher=fetcher, seen=seen)
    }
    strike = records[base + "/news/dock-strike"]
    assert strike.error is None and strike.text
    assert strike.title == "Dock workers vote to strike over pay, union says"
    assert strike.published == "2023-03-14" and strike.publisher == "The Coastal Herald"
    assert strike.metadata["feed"] == base + "/rss.xml"
    assert strike.metadata["fetched"]
    water = records[base + "/news/water-plan"]
    assert water.error is None and "“We cannot keep pretending" in (water.text or "")
    assert "robots.txt" in (records[base + "/private/analysis"].error or "")
    assert records[base + "/files/report.pdf"].error == "not HTML: application/pdf"
    assert records[base + "/news/deleted"].error == "HTTP 404"
    assert len(seen) == 5
    again = list(iter_feed_records(base + "/rss.xml", fetcher=fetcher, seen=seen))
    assert again == []  # 304, and every link already seen
    assert state.hits["/news/dock-strike"] == 1


def test_record_from_url(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    page = record_from_url(base + "/news/water-plan", fetcher=fetcher)
    assert page.error is None and page.title == "Minister defends water plan as farmers protest"
    assert page.metadata["http_status"] == 200 and page.metadata["fetched"]
    pdf = record_from_url(base + "/files/report.pdf", fetcher=fetcher)
    assert pdf.text is None and pdf.error == "not HTML: application/pdf"


def test_max_items_fetches_only_the_first_new_items(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    seen = {base + "/news/dock-strike"}
    records = list(iter_feed_records(base + "/rss.xml", fetcher=fetcher, seen=seen, max_items=2))
    assert [r.source for r in records] == [base + "/news/water-plan", base + "/private/analysis"]
    assert "/news/dock-strike" not in state.hits and "/files/report.pdf" not in state.hits


def test_feed_item_fills_missing_page_metadata(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    records = list(iter_feed_records(base + "/atom.xml", fetcher=fetcher, seen=set()))
    no_meta = next(r for r in records if r.source.endswith("/news/no-meta"))
    assert no_meta.error is None
    assert no_meta.title == "Untitled page story"
    assert no_meta.published == "2022-08-14"
    assert no_meta.authors == ("Ines Navarro",)
    assert "ferry service" in (no_meta.text or "")


def test_unreadable_feed_yields_one_error_record(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    records = list(iter_feed_records(base + "/nope.xml", fetcher=fetcher, seen=set()))
    assert len(records) == 1 and records[0].text is None
    assert records[0].source == base + "/nope.xml" and records[0].error == "feed: HTTP 404"
    assert records[0].metadata == {"feed_error": True}


def test_watch_polls_bounded_rounds(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    batches: list[list[Record]] = []
    slept: list[float] = []
    stats = watch(
        [base + "/rss.xml", base + "/atom.xml", base + "/gone.xml"],
        30.0,
        batches.append,
        stop_after=3,
        fetcher=fetcher,
        sleep=slept.append,
    )
    assert stats.rounds == 3 and slept == [30.0, 30.0]
    assert stats.records == 3  # dock-strike, water-plan (once across both feeds), no-meta
    assert stats.failed == 3  # robots, PDF, 404
    assert stats.feed_errors == 3  # the missing feed, once per round
    assert state.hits["/rss.xml"] == 3 and state.hits["/news/water-plan"] == 1


def test_robots_crawl_delay_slows_the_host(server: tuple[str, State]) -> None:
    base, state = server
    state.robots = b"User-agent: *\nCrawl-delay: 5\nDisallow: /private/\n"
    fetcher, clock = make_fetcher(min_interval=1.0)
    fetcher.fetch(base + "/news/dock-strike")
    fetcher.fetch(base + "/news/water-plan")
    assert clock.sleeps == [5.0, 5.0]


def test_robots_server_error_disallows_for_now(server: tuple[str, State]) -> None:
    base, state = server
    state.robots_status = 503
    fetcher, _ = make_fetcher(retries=0)
    result = fetcher.fetch(base + "/news/dock-strike")
    assert not result.ok and result.transient
    assert "robots.txt unreachable" in (result.error or "")
    assert "/news/dock-strike" not in state.hits


def test_missing_robots_allows_everything(server: tuple[str, State]) -> None:
    base, state = server
    state.robots_status = 404
    fetcher, _ = make_fetcher()
    assert fetcher.fetch(base + "/private/analysis").ok


def test_redirect_gives_the_final_url(server: tuple[str, State]) -> None:
    base, _ = server
    fetcher, _ = make_fetcher()
    result = fetcher.fetch(base + "/moved")
    assert result.ok and result.final_url == base + "/news/dock-strike"
    record = record_from_page(result)
    assert record.source == base + "/news/dock-strike" and record.url == record.source


def test_redirects_obey_robots_and_stop_looping(server: tuple[str, State]) -> None:
    base, state = server
    fetcher, _ = make_fetcher()
    blocked = fetcher.fetch(base + "/moved-private")
    assert "robots.txt" in (blocked.error or "") and "/private/analysis" not in state.hits
    looping = fetcher.fetch(base + "/loop")
    assert (looping.error or "").startswith("too many redirects")
    assert state.hits["/loop"] == 6


class ScriptedFetcher:
    """A Fetcher answering from a script of results per URL (no network)."""

    def __init__(self, script: dict[str, list[FetchResult]]) -> None:
        self.script = script
        self.calls: list[str] = []

    def fetch(self, url: str) -> FetchResult:
        self.calls.append(url)
        answers = self.script[url]
        return answers.pop(0) if len(answers) > 1 else answers[0]


def _ok(url: str, content: bytes, ctype: str = "text/html") -> FetchResult:
    return FetchResult(url, url, 200, content, ctype, None, {}, "2024-02-01T10:00:00+00:00")


def test_transient_page_failure_is_retried_on_the_next_poll() -> None:
    feed_url, page_url = "https://news.example/feed", "https://news.example/a"
    feed = rss("https://news.example").replace(b"/news/dock-strike", b"/a")
    feed = feed.split(b"<item><title>Minister")[0] + b"</channel></rss>"
    fetcher = ScriptedFetcher(
        {
            feed_url: [_ok(feed_url, feed, "application/rss+xml")],
            page_url: [
                FetchResult(page_url, page_url, 503, error="HTTP 503", transient=True),
                _ok(page_url, PAGE),
            ],
        }
    )
    seen: set[str] = set()
    first = list(iter_feed_records(feed_url, fetcher=fetcher, seen=seen))
    assert [r.error for r in first] == ["HTTP 503"] and seen == set()
    second = list(iter_feed_records(feed_url, fetcher=fetcher, seen=seen))
    assert second[0].error is None and second[0].metadata["feed"] == feed_url
    assert seen == {page_url}
    assert list(iter_feed_records(feed_url, fetcher=fetcher, seen=seen)) == []


@settings(max_examples=40, deadline=None)
@given(
    body=st.binary(max_size=600)
    | st.text(max_size=300).map(
        lambda t: f"<rss><channel><item>{t}</item></channel></rss>".encode()
    ),
    ctype=st.sampled_from(["application/rss+xml", "text/html", "application/octet-stream", ""]),
)
def test_fetch_feed_never_raises(body: bytes, ctype: str) -> None:
    url = "https://news.example/feed"
    feed = fetch_feed(url, fetcher=ScriptedFetcher({url: [_ok(url, body, ctype)]}))
    assert feed.ok or feed.error
    assert all(i.link.startswith(("http://", "https://")) for i in feed.items)
