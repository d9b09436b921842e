"""RSS/Atom feeds as a source: read a feed, fetch each new item's page, yield Records.

Library functions for the CLI (``ingest --feed URL`` and ``watch FEED...``):

- :func:`fetch_feed` reads one feed into a :class:`FeedResult` (items with link, title, published,
  author); an unchanged feed (HTTP 304) gives ``not_modified=True`` and no items.
- :func:`iter_feed_records` yields one Record per new item (its page through
  :func:`~newsgraph.ingest.html.record_from_html`), skipping links already in ``seen`` and adding
  the ones it handled; a feed that cannot be read yields one error Record.
- :func:`record_from_url` fetches and extracts one page (for ``ingest URL``).
- :func:`watch` polls feeds every ``interval`` seconds and hands each batch of new Records to a
  callback; ``stop_after`` bounds the number of rounds.
"""

from __future__ import annotations

import calendar
import datetime as dt
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any
from urllib.parse import urljoin

from newsgraph.ingest.fetch import Fetcher, FetchResult, PoliteFetcher
from newsgraph.ingest.html import record_from_html
from newsgraph.model import Record

_FEED_TYPES = ("xml", "rss", "atom", "rdf")


@dataclass(frozen=True, slots=True)
class FeedItem:
    """One entry of a feed, as the feed describes it."""

    link: str
    title: str | None = None
    published: str | None = None  # ISO 8601 datetime (UTC) when the feed gives one
    author: str | None = None
    id: str | None = None
    summary: str | None = None


@dataclass(frozen=True, slots=True)
class FeedResult:
    """A read feed: its items, or why it could not be read."""

    url: str
    items: tuple[FeedItem, ...] = ()
    title: str | None = None
    fetched: str = ""
    not_modified: bool = False
    error: str | None = None
    warning: str | None = None  # the feed parsed, but was malformed (feedparser's "bozo")

    @property
    def ok(self) -> bool:
        return self.error is None


@dataclass(slots=True)
class WatchStats:
    """Counts over a :func:`watch` run, for the CLI's summary line."""

    rounds: int = 0
    records: int = 0
    failed: int = 0
    feed_errors: int = 0


def fetch_feed(url: str, *, fetcher: Fetcher) -> FeedResult:
    """Fetch and parse one RSS/Atom feed; never raises."""
    result = fetcher.fetch(url)
    if not result.ok:
        return FeedResult(url=url, fetched=result.fetched, error=f"feed: {result.error}")
    if result.not_modified:
        return FeedResult(url=url, fetched=result.fetched, not_modified=True)
    try:
        return _parse_feed(url, result)
    except Exception as exc:  # feedparser is lenient, but a watch loop must never die
        return FeedResult(url=url, fetched=result.fetched, error=f"feed: unparsable: {exc}")


def iter_feed_records(
    url: str, *, fetcher: Fetcher, seen: set[str], max_items: int | None = None
) -> Iterator[Record]:
    """Yield a Record for each item of the feed whose link is not in ``seen``.

    A feed that cannot be read yields one error Record with ``metadata["feed_error"] = True``.
    A link joins ``seen`` once handled, unless its failure may be temporary (5xx, timeout), so
    the next poll tries it again. Each Record's metadata names the feed and the item. At most
    ``max_items`` pages are fetched (feeds list newest first, so these are the newest).
    """
    feed = fetch_feed(url, fetcher=fetcher)
    if feed.error:
        yield Record(
            source=url, text=None, url=url, metadata={"feed_error": True}, error=feed.error
        )
        return
    fetched = 0
    for item in feed.items:
        if item.link in seen:
            continue
        if max_items is not None and fetched >= max_items:
            break
        fetched += 1
        page = fetcher.fetch(item.link)
        if not page.transient:
            seen.add(item.link)
        yield record_from_page(page, item=item, feed_url=url)


def record_from_url(url: str, *, fetcher: Fetcher) -> Record:
    """Fetch one article page politely and extract it (``ingest URL``); never raises."""
    return record_from_page(fetcher.fetch(url))


def record_from_page(
    page: FetchResult, *, item: FeedItem | None = None, feed_url: str | None = None
) -> Record:
    """Turn a fetched page into a Record, filling gaps in its metadata from the feed item."""
    source = page.final_url or page.url
    feed_meta: dict[str, Any] = {}
    if feed_url:
        feed_meta["feed"] = feed_url
    if item is not None:
        feed_meta["feed_item"] = {
            k: v for k, v in _item_dict(item).items() if v is not None and k != "summary"
        }
    if not page.ok:
        meta = {**feed_meta, "fetched": page.fetched} if page.fetched else feed_meta
        return Record(source=source, text=None, url=source, metadata=meta, error=page.error)
    if not page.is_html:
        return Record(
            source=source,
            text=None,
            url=source,
            metadata={**feed_meta, "fetched": page.fetched},
            error=f"not HTML: {page.content_type}",
        )
    record = record_from_html(
        page.content, source, url=source, fetched=page.fetched, charset=page.charset
    )
    metadata = {**record.metadata, **feed_meta, "http_status": page.status}
    if item is None or record.error:
        return replace(record, metadata=metadata)
    return replace(
        record,
        title=record.title or item.title,
        published=record.published or (item.published[:10] if item.published else None),
        authors=record.authors or ((item.author,) if item.author else ()),
        metadata=metadata,
    )


def watch(
    feeds: Iterable[str],
    interval: float,
    on_records: Callable[[list[Record]], None],
    stop_after: int | None = None,
    *,
    fetcher: Fetcher | None = None,
    seen: set[str] | None = None,
    max_items: int | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> WatchStats:
    """Poll ``feeds`` every ``interval`` seconds, calling ``on_records`` with each feed's new
    Records (error Records included, so they can be counted and shown).

    Runs ``stop_after`` rounds, or until interrupted when None; an exception raised by
    ``on_records`` (the store failing, say) ends the watch. ``seen`` carries already
    handled links across rounds (pass a persisted set to survive restarts); ``max_items``
    caps the pages fetched per feed per round.
    """
    feeds = list(feeds)
    fetcher = fetcher or PoliteFetcher()
    seen = set() if seen is None else seen
    stats = WatchStats()
    while stop_after is None or stats.rounds < stop_after:
        if stats.rounds:
            sleep(interval)
        for url in feeds:
            batch = list(iter_feed_records(url, fetcher=fetcher, seen=seen, max_items=max_items))
            feed_errors = sum(1 for r in batch if r.metadata.get("feed_error"))
            stats.feed_errors += feed_errors
            stats.failed += sum(1 for r in batch if r.error) - feed_errors
            stats.records += sum(1 for r in batch if r.error is None)
            if batch:
                on_records(batch)
        stats.rounds += 1
    return stats


# ---------------------------------------------------------------------- parsing


def _parse_feed(url: str, result: FetchResult) -> FeedResult:
    import feedparser  # imported lazily: only feed users pay for it

    headers = {"content-type": result.headers.get("content-type", "application/xml")}
    parsed = feedparser.parse(result.content, response_headers=headers)
    entries = parsed.get("entries") or []
    warning = None
    if parsed.get("bozo"):
        warning = f"malformed feed: {parsed.get('bozo_exception')}"
        if not entries:
            return FeedResult(url=url, fetched=result.fetched, error=f"feed: {warning}")
    if not entries and not parsed.get("version") and not _looks_like_feed(result):
        return FeedResult(url=url, fetched=result.fetched, error="feed: not an RSS/Atom feed")
    items: list[FeedItem] = []
    links: set[str] = set()
    for entry in entries:
        item = _item(entry, result.final_url or url)
        if item is not None and item.link not in links:
            links.add(item.link)
            items.append(item)
    title = (parsed.get("feed") or {}).get("title")
    return FeedResult(
        url=url, items=tuple(items), title=title, fetched=result.fetched, warning=warning
    )


def _looks_like_feed(result: FetchResult) -> bool:
    return any(t in (result.content_type or "") for t in _FEED_TYPES)


def _item(entry: Any, base: str) -> FeedItem | None:
    link = entry.get("link") or _first_link(entry)
    if not link:
        return None
    link = urljoin(base, link.strip())
    if not link.startswith(("http://", "https://")):
        return None
    return FeedItem(
        link=link,
        title=(entry.get("title") or "").strip() or None,
        published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
        author=(entry.get("author") or "").strip() or None,
        id=entry.get("id") or None,
        summary=(entry.get("summary") or "").strip() or None,
    )


def _first_link(entry: Any) -> str | None:
    for link in entry.get("links") or []:
        if link.get("href") and link.get("rel", "alternate") == "alternate":
            return str(link["href"])
    return None


def _iso(value: time.struct_time | None) -> str | None:
    if not value:
        return None
    try:
        return dt.datetime.fromtimestamp(calendar.timegm(value), dt.UTC).isoformat()
    except (OverflowError, ValueError, TypeError):
        return None


def _item_dict(item: FeedItem) -> dict[str, str | None]:
    return {
        "link": item.link,
        "title": item.title,
        "published": item.published,
        "author": item.author,
        "id": item.id,
        "summary": item.summary,
    }
