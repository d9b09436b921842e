"""Polite HTTP fetching for feeds and article pages (standard library only).

Polite means: a clear User-Agent, robots.txt obeyed (RFC 9309: a missing robots.txt allows all,
an unreachable one disallows for now), at most one request per host every ``min_interval``
seconds (or the robots Crawl-delay when longer), timeouts, a few retries with exponential backoff
on 5xx/429/timeouts (honouring Retry-After), and conditional GET (ETag / Last-Modified) so an
unchanged feed costs the server a 304. Every failure becomes ``FetchResult.error``: a crawl loop
never crashes on one bad URL.
"""

from __future__ import annotations

import datetime as dt
import email.utils
import http.client
import time
import urllib.error
import urllib.request
import urllib.robotparser
import zlib
from collections import OrderedDict
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any, Protocol
from urllib.parse import urljoin, urlsplit

from newsgraph.ingest.http_payload import decompress, parse_content_type

USER_AGENT = "newsgraph/0.1 (news quotation research crawler; polite: robots.txt, rate-limited)"
ROBOTS_AGENT = "newsgraph"
_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_ACCEPT = (
    "text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
    "application/xml;q=0.9,text/xml;q=0.9,*/*;q=0.5"
)
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
MAX_REDIRECTS = 5
_MAX_BACKOFF = 60.0


@dataclass(frozen=True, slots=True)
class FetchResult:
    """What one fetch produced; ``error`` is None when a usable response came back."""

    url: str
    final_url: str
    status: int | None = None
    content: bytes = b""
    content_type: str | None = None  # media type only, lower case ("text/html")
    charset: str | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    fetched: str = ""  # ISO 8601 UTC time of the response
    not_modified: bool = False  # a 304: ``content`` is the cached body, nothing changed
    attempts: int = 0
    error: str | None = None
    transient: bool = False  # the error may go away on a later try (5xx, timeout, robots down)

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def is_html(self) -> bool:
        return self.content_type in (None, "text/html", "application/xhtml+xml")


class _SlowBody(TimeoutError):
    """The body took longer than ``max_time`` to arrive."""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """Hand redirects back to the fetcher, which checks robots.txt and rate limits per hop."""

    def redirect_request(self, *args: object, **kwargs: object) -> None:
        return None


_OPENER = urllib.request.build_opener(_NoRedirect)


class Fetcher(Protocol):
    """Anything that fetches a URL into a :class:`FetchResult` (tests pass fakes)."""

    def fetch(self, url: str) -> FetchResult: ...


@dataclass(slots=True)
class _Cached:
    etag: str | None
    last_modified: str | None
    content: bytes
    content_type: str | None
    charset: str | None


@dataclass(slots=True)
class _Robots:
    parser: urllib.robotparser.RobotFileParser | None  # None: allow all
    disallow_all: bool
    expires: float
    reason: str = ""


class PoliteFetcher:
    """Fetches URLs one at a time, politely. Holds per-host timing, robots and validator caches."""

    def __init__(
        self,
        *,
        user_agent: str = USER_AGENT,
        timeout: float = 15.0,
        max_time: float = 60.0,
        retries: int = 3,
        backoff: float = 1.0,
        min_interval: float = 1.0,
        max_bytes: int = 10_000_000,
        respect_robots: bool = True,
        robots_ttl: float = 3600.0,
        cache_size: int = 1024,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.user_agent = user_agent
        self.timeout = timeout
        self.max_time = max_time
        self.retries = retries
        self.backoff = backoff
        self.min_interval = min_interval
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self.robots_ttl = robots_ttl
        self.cache_size = cache_size
        self._clock = clock
        self._sleep = sleep
        self._last_request: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self._cache: OrderedDict[str, _Cached] = OrderedDict()
        self.requests = 0  # HTTP requests sent, robots.txt included (for summaries and tests)

    # ------------------------------------------------------------------ public
    def fetch(self, url: str) -> FetchResult:
        """GET ``url`` with robots, rate limit, retries and conditional GET; never raises."""
        try:
            return self._fetch(url)
        except Exception as exc:  # a crawl loop must survive anything one URL does
            return _error(url, f"fetch failed: {type(exc).__name__}: {exc}")

    def allowed(self, url: str) -> tuple[bool, str]:
        """Whether robots.txt lets us fetch ``url``, and why not when it does not."""
        if not self.respect_robots:
            return True, ""
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        robots = self._robots.get(origin)
        if robots is None or robots.expires <= self._clock():
            robots = self._load_robots(origin)
            self._robots[origin] = robots
        if robots.disallow_all:
            return False, robots.reason
        if robots.parser is not None and not robots.parser.can_fetch(ROBOTS_AGENT, url):
            return False, "disallowed by robots.txt"
        return True, ""

    # ------------------------------------------------------------------ internals
    def _fetch(self, url: str) -> FetchResult:
        hop = url
        for _ in range(MAX_REDIRECTS + 1):
            parts = urlsplit(hop)
            if parts.scheme not in ("http", "https") or not parts.netloc:
                return _error(url, f"unsupported URL: {hop!r}")
            ok, why = self.allowed(hop)  # every hop: a redirect may lead to another host
            if not ok:
                return _error(url, why, transient=why.startswith("robots.txt unreachable"))
            cached = self._cache.get(hop)
            headers = {"Accept": _ACCEPT, "Accept-Encoding": "gzip, deflate"}
            if cached is not None:
                if cached.etag:
                    headers["If-None-Match"] = cached.etag
                if cached.last_modified:
                    headers["If-Modified-Since"] = cached.last_modified
            result = self._use_cache(hop, self._get_with_retries(hop, headers), cached)
            location = result.headers.get("location")
            if result.status not in _REDIRECT_STATUS or not location:
                return _replace(result, url=url, final_url=hop)
            hop = urljoin(hop, location.strip())
        return _error(url, f"too many redirects (> {MAX_REDIRECTS})")

    def _use_cache(self, url: str, result: FetchResult, cached: _Cached | None) -> FetchResult:
        if result.status == 304 and cached is not None:
            self._cache.move_to_end(url)
            return _replace(
                result,
                content=cached.content,
                content_type=cached.content_type,
                charset=cached.charset,
                not_modified=True,
                error=None,
            )
        if result.ok and result.status == 200:
            etag = result.headers.get("etag")
            modified = result.headers.get("last-modified")
            if etag or modified:
                self._cache[url] = _Cached(
                    etag, modified, result.content, result.content_type, result.charset
                )
                self._cache.move_to_end(url)
                while len(self._cache) > self.cache_size:
                    self._cache.popitem(last=False)
        return result

    def _get_with_retries(self, url: str, headers: dict[str, str]) -> FetchResult:
        result = _error(url, "not fetched")
        for attempt in range(1, self.retries + 2):
            result = _replace(self._get_once(url, headers), attempts=attempt)
            if not result.transient or attempt > self.retries:
                break
            self._sleep(self._retry_delay(attempt, result.headers.get("retry-after")))
        if result.transient and result.attempts > 1:
            result = _replace(result, error=f"{result.error} (after {result.attempts} attempts)")
        return result

    def _retry_delay(self, attempt: int, retry_after: str | None) -> float:
        delay = self.backoff * 2 ** (attempt - 1)
        if retry_after:
            delay = max(delay, _parse_retry_after(retry_after))
        return min(delay, _MAX_BACKOFF)

    def _wait_for_host(self, origin: str, host: str) -> None:
        """Sleep until ``host`` may be asked again (min_interval or the robots Crawl-delay)."""
        interval = self.min_interval
        robots = self._robots.get(origin)
        if robots is not None and robots.parser is not None:
            delay = robots.parser.crawl_delay(ROBOTS_AGENT)
            if delay:
                interval = max(interval, min(float(delay), _MAX_BACKOFF))
        last = self._last_request.get(host)
        if last is not None:
            wait = last + interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last_request[host] = self._clock()

    def _get_once(self, url: str, headers: dict[str, str]) -> FetchResult:
        parts = urlsplit(url)
        self._wait_for_host(f"{parts.scheme}://{parts.netloc}", parts.hostname or parts.netloc)
        request = urllib.request.Request(url, headers={"User-Agent": self.user_agent, **headers})
        self.requests += 1
        try:
            with _OPENER.open(request, timeout=self.timeout) as response:
                body = self._read_body(response)
                return self._response(
                    url, response.geturl(), response.status, response.headers, body
                )
        except urllib.error.HTTPError as exc:
            body = b""
            try:
                body = exc.read(self.max_bytes + 1) if exc.fp is not None else b""
            except OSError:
                body = b""
            return self._response(url, exc.geturl() or url, exc.code, exc.headers, body)
        except _SlowBody as exc:
            return _error(url, f"timeout: {exc}", transient=True)
        except TimeoutError:
            return _error(url, f"timeout after {self.timeout:g}s", transient=True)
        except urllib.error.URLError as exc:
            reason = exc.reason
            if isinstance(reason, TimeoutError):
                return _error(url, f"timeout after {self.timeout:g}s", transient=True)
            return _error(url, f"connection failed: {reason}", transient=True)
        except (OSError, http.client.HTTPException) as exc:
            return _error(url, f"connection failed: {exc}", transient=True)

    def _read_body(self, response: Any) -> bytes:
        """Read at most max_bytes + 1, giving up after max_time seconds in all: a server that
        drips one byte per second never trips the per-read socket timeout."""
        deadline = time.monotonic() + self.max_time
        read = getattr(response, "read1", response.read)  # read1: what has arrived, no waiting
        chunks: list[bytes] = []
        size = 0
        while size <= self.max_bytes:
            chunk = read(min(65536, self.max_bytes + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if time.monotonic() > deadline:
                raise _SlowBody(f"body not read within {self.max_time:g}s")
        return b"".join(chunks)

    def _response(
        self, url: str, final_url: str, status: int, raw_headers: object, body: bytes
    ) -> FetchResult:
        headers = _header_dict(raw_headers)
        fetched = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        media, charset = parse_content_type(headers.get("content-type"))
        base = FetchResult(
            url=url,
            final_url=final_url,
            status=status,
            content_type=media,
            charset=charset,
            headers=headers,
            fetched=fetched,
        )
        if status == 304:
            return _replace(base, error="HTTP 304 Not Modified")
        if status in _REDIRECT_STATUS and headers.get("location"):
            return _replace(base, error=f"HTTP {status} redirect")
        if status != 200:
            return _replace(base, error=f"HTTP {status}", transient=status in _RETRY_STATUS)
        if len(body) > self.max_bytes:
            return _replace(base, error=f"response too large (> {self.max_bytes} bytes)")
        try:
            body = _decompress(body, headers.get("content-encoding", ""), self.max_bytes)
        except (zlib.error, ValueError) as exc:
            return _replace(base, error=f"bad content encoding: {exc}")
        return _replace(base, content=body)

    def _load_robots(self, origin: str) -> _Robots:
        expires = self._clock() + self.robots_ttl
        result = self._get_with_retries(origin + "/robots.txt", {})
        if result.status is not None and 400 <= result.status < 500:
            return _Robots(None, False, expires)  # no robots.txt: everything allowed
        if not result.ok:
            # RFC 9309: unreachable robots.txt means assume full disallow; retry soon
            reason = f"robots.txt unreachable: {result.error}"
            return _Robots(None, True, self._clock() + min(self.robots_ttl, 300.0), reason)
        parser = urllib.robotparser.RobotFileParser(origin + "/robots.txt")
        parser.parse(result.content.decode("utf-8", errors="replace").splitlines())
        return _Robots(parser, False, expires)


# ---------------------------------------------------------------------- helpers


def _error(url: str, reason: str, *, transient: bool = False) -> FetchResult:
    return FetchResult(url=url, final_url=url, error=reason, transient=transient)


def _replace(result: FetchResult, **changes: object) -> FetchResult:
    return replace(result, **changes)  # type: ignore[arg-type]


def _header_dict(raw: object) -> dict[str, str]:
    items = raw.items() if hasattr(raw, "items") else []
    return {str(k).lower(): str(v) for k, v in items}


def _decompress(body: bytes, encoding: str, limit: int) -> bytes:
    out = decompress(body, encoding, limit)
    if len(out) > limit:
        raise ValueError(f"decompressed body over {limit} bytes")
    return out


def _parse_retry_after(value: str) -> float:
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return 0.0
    if when.tzinfo is None:
        when = when.replace(tzinfo=dt.UTC)
    return max(0.0, (when - dt.datetime.now(dt.UTC)).total_seconds())
