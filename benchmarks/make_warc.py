"""Generate a deterministic WARC.gz of realistic news pages, and time HTML extraction on it.

Each page wraps article text recombined from the paragraphs of examples/*.txt in one of several
site layouts with the usual web junk: cookie banner, navigation, share buttons, ad slots, related
links, newsletter box, reader comments, footer, inline and external scripts. Metadata sits where
real sites put it (JSON-LD, Open Graph / article: meta tags, a visible byline, the URL). Between
the pages are request records, 404s and PDFs, as in a real crawl. Page ``i`` depends only on
(seed, i), so the first 1,000 pages of a 5,000-page archive are the 1,000-page archive.

    .venv/bin/python benchmarks/make_warc.py                 # 5,000 pages → benchmarks/out/
    .venv/bin/python benchmarks/make_warc.py --bench 1000    # then time extraction on 1,000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import html
import importlib.util
import json
import random
import re
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if importlib.util.find_spec("newsgraph") is None:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT / "src"))

from newsgraph.ingest.html import record_from_html  # noqa: E402
from newsgraph.ingest.warc import WarcStats, iter_warc, warc_response  # noqa: E402

EXAMPLES = ROOT / "examples"
OUT = HERE / "out"
SEED = 20240615
BASE_DATE = dt.datetime(2023, 1, 2, 6, 0, tzinfo=dt.UTC)
TARGET_TEXT = 3500  # characters of article text per page (pages come out at ~8-12 KB of HTML)

SITES = (
    ("The Morning Ledger", "morningledger.example"),
    ("Capital Courier", "capitalcourier.example"),
    ("Harbour Tribune", "harbourtribune.example"),
    ("Eastern Wire", "easternwire.example"),
    ("Valley Observer", "valleyobserver.example"),
    ("Daily Meridian", "dailymeridian.example"),
)
SECTIONS = ("world", "politics", "business", "europe", "economy", "security")
FIRST = (
    "Anna",
    "James",
    "Maria",
    "David",
    "Elena",
    "Michael",
    "Sarah",
    "Thomas",
    "Olga",
    "Peter",
    "Laura",
    "Ahmed",
)
LAST = (
    "Smith",
    "Novak",
    "Haddad",
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Moreau",
    "Petrov",
    "Rossi",
    "Garcia",
)
JUNK_TITLES = (
    "Ten things to do this weekend",
    "Weather: rain expected across the north",
    "Opinion: the budget nobody asked for",
    "Pictures of the week",
    "Markets close higher as oil slips",
    "Live: follow the latest updates",
)


@dataclass(frozen=True, slots=True)
class Corpus:
    titles: tuple[str, ...]
    paragraphs: tuple[str, ...]
    short_lines: tuple[str, ...]


def load_corpus(folder: Path = EXAMPLES) -> Corpus:
    """Titles (first lines), paragraphs and short lines of the example texts."""
    titles, paragraphs, short = [], [], []
    for path in sorted(folder.glob("*.txt")):
        rows = [ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
        if not rows:
            continue
        titles.append(rows[0])
        for row in rows[1:]:
            (paragraphs if len(row) >= 80 else short).append(row)
    if not paragraphs:
        raise SystemExit(f"no example paragraphs under {folder}")
    return Corpus(tuple(titles), tuple(paragraphs), tuple(s for s in short if 15 <= len(s) <= 70))


@dataclass(frozen=True, slots=True)
class Page:
    url: str
    html: bytes
    fetched: dt.datetime


def make_page(corpus: Corpus, seed: int, i: int) -> Page:
    """Page ``i``: an article in one of four layouts, with its metadata and junk."""
    rng = random.Random(f"{seed}:{i}")
    site, domain = rng.choice(SITES)
    section = rng.choice(SECTIONS)
    published = BASE_DATE + dt.timedelta(days=rng.randrange(700), minutes=rng.randrange(1440))
    fetched = published + dt.timedelta(hours=rng.randrange(1, 96))
    title = rng.choice(corpus.titles)
    author = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    slug = re.sub(r"[^a-z0-9]+", "-", title.lower()).strip("-")[:60]
    url = f"https://www.{domain}/{section}/{published:%Y/%m/%d}/{slug}-{i}"
    body: list[str] = []
    size = 0
    while size < TARGET_TEXT:
        para = rng.choice(corpus.paragraphs)
        body.append(f"<p>{html.escape(para, quote=False)}</p>")
        size += len(para)
        if corpus.short_lines and rng.random() < 0.08:
            body.append(f"<h2>{html.escape(rng.choice(corpus.short_lines), quote=False)}</h2>")
    layout = LAYOUTS[i % len(LAYOUTS)]
    texts = [html.unescape(re.sub(r"<[^>]+>", "", b)) for b in body]
    page = layout(
        rng,
        site=site,
        url=url,
        title=title,
        author=author,
        published=published,
        body="\n".join(body),
        section=section,
    )
    page = page.replace("</head>", STYLE + "</head>", 1)
    page = page.replace("</body>", _sitemap(rng) + _app_state(title, texts) + "</body>", 1)
    return Page(url=url, html=page.encode("utf-8"), fetched=fetched)


# Real pages are mostly not article: inline CSS, a site map in the footer, and the app's state
# as JSON (which often repeats the article text) make up most of their bytes.
STYLE = (
    "<style>"
    + "".join(
        f".c{n}{{margin:{n % 7}px;padding:{n % 5}px;color:#{n * 2654435761 % 0xFFFFFF:06x}}}"
        for n in range(160)
    )
    + "</style>"
)
TOPICS = (
    "Elections",
    "Climate",
    "Energy",
    "Health",
    "Education",
    "Transport",
    "Housing",
    "Crime",
    "Technology",
    "Science",
    "Football",
    "Tennis",
    "Film",
    "Music",
    "Books",
    "Travel",
    "Food",
    "Property",
    "Markets",
    "Companies",
    "Jobs",
    "Pensions",
    "Weather",
    "Obituaries",
)


def _sitemap(rng: random.Random) -> str:
    links = "".join(
        f'<li><a href="/{s}/{t.lower()}">{t}</a></li>' for s in SECTIONS for t in TOPICS
    )
    return f'<div class="sitemap"><h4>Sections</h4><ul>{links}</ul></div>'


def _app_state(title: str, paragraphs: list[str]) -> str:
    state = {"props": {"page": {"headline": title, "blocks": paragraphs, "ads": list(range(40))}}}
    data = json.dumps(state, ensure_ascii=False).replace("</", "<\\/")
    return f'<script id="app-state" type="application/json">{data}</script>'


def _nav(rng: random.Random, site: str) -> str:
    items = "".join(f'<li><a href="/{s}">{s.title()}</a></li>' for s in SECTIONS)
    return (
        f'<header><a class="logo" href="/">{site}</a><nav class="menu"><ul>{items}'
        '<li><a href="/subscribe">Subscribe</a></li><li><a href="/login">Log in</a></li>'
        f'</ul></nav><div class="today">{rng.choice(("Monday", "Friday"))}, live updates</div>'
        "</header>"
    )


def _related(rng: random.Random) -> str:
    links = "".join(
        f'<li><a href="/r/{k}">{t}</a></li>' for k, t in enumerate(rng.sample(JUNK_TITLES, 4))
    )
    return f'<aside class="related"><h3>Most read</h3><ol>{links}</ol></aside>'


def _footer(site: str, year: int) -> str:
    return (
        f'<footer><ul><li><a href="/about">About us</a></li><li><a href="/privacy">Privacy'
        f'</a></li><li><a href="/terms">Terms</a></li></ul><p>&copy; {year} {site}. All rights'
        ' reserved.</p></footer><script src="/static/bundle.js"></script>'
    )


COOKIES = (
    '<div id="cookie-banner"><p>We use cookies to personalise content and ads. By using '
    "this site you agree to our cookie policy.</p><button>Accept</button></div>"
)
SHARE = (
    '<div class="share"><a href="#fb">Share on Facebook</a> <a href="#tw">Share on X</a> '
    '<a href="#mail">Email</a></div>'
)
AD = '<div class="ad-slot"><span>Advertisement</span><iframe src="/ads/slot"></iframe></div>'
TRACKER = (
    "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push("
    "arguments)}gtag('js',new Date());gtag('config','G-0000');</script>"
)


def layout_jsonld(rng: random.Random, **k: object) -> str:
    """A modern site: JSON-LD NewsArticle, Open Graph, semantic article element."""
    pub: dt.datetime = k["published"]  # type: ignore[assignment]
    t = html.escape(str(k["title"]))
    ld = json.dumps(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": str(k["title"]),
            "datePublished": pub.isoformat(),
            "author": {"@type": "Person", "name": k["author"]},
            "publisher": {"@type": "Organization", "name": k["site"]},
        },
        ensure_ascii=False,
    ).replace("</", "<\\/")
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{t} | {k["site"]}</title><meta property="og:title" content="{t}">
<meta property="og:site_name" content="{k["site"]}"><link rel="canonical" href="{k["url"]}">
<script type="application/ld+json">{ld}</script>{TRACKER}</head><body>{COOKIES}
{_nav(rng, str(k["site"]))}{AD}<main><article><h1>{t}</h1>
<div class="byline">By <a rel="author" href="/people/x">{k["author"]}</a></div>
<time datetime="{pub.isoformat()}">{pub:%d %B %Y}</time>{SHARE}
<div class="article-body">{k["body"]}</div>{SHARE}</article>{_related(rng)}
<section class="newsletter"><h3>Sign up for our daily briefing</h3><form><input type="email">
<button>Sign up</button></form></section></main>{_footer(str(k["site"]), pub.year)}</body></html>"""


def layout_meta(rng: random.Random, **k: object) -> str:
    """An older site: article: meta tags, tables for layout, windows-style junk."""
    pub: dt.datetime = k["published"]  # type: ignore[assignment]
    t = html.escape(str(k["title"]))
    return f"""<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{t} - {k["site"]}</title><meta name="author" content="{k["author"]}">
<meta property="article:published_time" content="{pub.isoformat()}">
<meta property="og:site_name" content="{k["site"]}">{TRACKER}</head><body>
<table width="100%"><tr><td class="menu">{_nav(rng, str(k["site"]))}</td></tr></table>
<table><tr><td class="content"><div class="story"><h1>{t}</h1>
<p class="meta">{k["author"]} &middot; {pub:%d %B %Y}</p>{k["body"]}</div></td>
<td class="sidebar">{AD}{_related(rng)}</td></tr></table>
<div class="comments"><h4>2 comments</h4><div class="comment"><b>reader42</b>: Well said.</div>
<div class="comment"><b>anon</b>: I disagree with all of this.</div></div>
<div id="footer">{k["site"]} | <a href="/advertise">Advertise</a> | <a href="/rss">RSS</a></div>
</body></html>"""


def layout_blog(rng: random.Random, **k: object) -> str:
    """A blog-like page: no structured metadata, byline and date only in visible text."""
    pub: dt.datetime = k["published"]  # type: ignore[assignment]
    t = html.escape(str(k["title"]))
    return f"""<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{t}</title>
<script async src="https://ads.example/tag.js"></script></head><body>{COOKIES}
<div class="header-strip">{pub:%A %d %B %Y} | Last Update</div>{_nav(rng, str(k["site"]))}
<div class="container"><div class="post"><h1 class="entry-title">{t}</h1>
<span class="posted-on">Posted by {k["author"]}</span>{k["body"]}
<p class="tags">Tags: <a href="/tag/{k["section"]}">{k["section"]}</a></p></div>
<div class="sidebar">{_related(rng)}{AD}</div></div>{_footer(str(k["site"]), pub.year)}
</body></html>"""


def layout_wire(rng: random.Random, **k: object) -> str:
    """A wire-service page: lots of inline scripts and ad slots between paragraphs."""
    pub: dt.datetime = k["published"]  # type: ignore[assignment]
    t = html.escape(str(k["title"]))
    paras = str(k["body"]).split("\n")
    for pos in range(len(paras) - 1, 0, -3):
        paras.insert(
            pos,
            AD + '<div class="inline-related"><strong>Read more:</strong> '
            f'<a href="/r/{pos}">{rng.choice(JUNK_TITLES)}</a></div>',
        )
    return f"""<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{t}</title>
<meta name="description" content="{t}"><meta property="og:site_name" content="{k["site"]}">
<meta name="date" content="{pub:%Y-%m-%d}">{TRACKER}{TRACKER}</head><body>
{_nav(rng, str(k["site"]))}<div id="main-content"><h1>{t}</h1>{SHARE}
<div class="story-body">{"".join(paras)}</div></div>{_footer(str(k["site"]), pub.year)}
</body></html>"""


LAYOUTS = (layout_jsonld, layout_meta, layout_blog, layout_wire)


def _extra_records(rng: random.Random, i: int, page: Page) -> list[bytes]:
    """Crawl noise around a page: its request, sometimes a 404 or a PDF."""
    rid = lambda tag: f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{tag}:{page.url}')}>"  # noqa: E731
    out = []
    if i % 10 == 0:
        req = (f"GET {page.url.split('/', 3)[-1]} HTTP/1.1\r\nHost: x\r\n\r\n").encode()
        head = (
            f"WARC/1.1\r\nWARC-Type: request\r\nWARC-Record-ID: {rid('req')}\r\n"
            f"WARC-Date: {page.fetched:%Y-%m-%dT%H:%M:%SZ}\r\nWARC-Target-URI: {page.url}\r\n"
            f"Content-Type: application/http; msgtype=request\r\n"
            f"Content-Length: {len(req)}\r\n\r\n"
        ).encode()
        out.append(gzip.compress(head + req + b"\r\n\r\n", mtime=0))
    if i % 40 == 7:
        out.append(
            warc_response(
                page.url + "-old",
                b"<html><body>Not found</body></html>",
                status=404,
                reason="Not Found",
                date=page.fetched,
                record_id=rid("404"),
            )
        )
    if i % 50 == 13:
        pdf = b"%PDF-1.7\n" + bytes(rng.randrange(256) for _ in range(2000))
        out.append(
            warc_response(
                page.url + ".pdf",
                pdf,
                date=page.fetched,
                record_id=rid("pdf"),
                http_headers={"Content-Type": "application/pdf"},
            )
        )
    return out


def write_warc(n: int, seed: int = SEED, out_dir: Path = OUT) -> Path:
    corpus = load_corpus()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"pages-{n}.warc.gz"
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as out:
        for i in range(n):
            page = make_page(corpus, seed, i)
            rng = random.Random(f"{seed}:extra:{i}")
            for extra in _extra_records(rng, i, page):
                out.write(extra)
            rid = f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, page.url)}>"
            out.write(warc_response(page.url, page.html, date=page.fetched, record_id=rid))
    tmp.replace(path)
    return path


def _rate(n: int, wall: float, cpu: float) -> str:
    return f"{n / wall:.0f} pages/s wall, {n / cpu:.0f} pages/s CPU ({cpu:.2f}s CPU)"


def bench(path: Path, k: int) -> None:
    """Time the whole WARC read and extraction alone (pages preloaded) on ``k`` pages.

    CPU time is printed beside wall time: on a shared machine it is the steadier number.
    """
    stats = WarcStats()
    wall, cpu = time.perf_counter(), time.process_time()
    records = []
    for rec in iter_warc(path, stats=stats):
        records.append(rec)
        if len(records) >= k:
            break
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    ok = sum(r.error is None for r in records)
    print(
        f"iter_warc (fast): {len(records)} pages: {_rate(len(records), wall, cpu)}"
        f" [read + extract; {ok} ok; skipped on the way {dict(stats.skipped)}]"
    )
    corpus = load_corpus()
    pages = [make_page(corpus, SEED, i) for i in range(k)]
    kb = sum(len(p.html) for p in pages) / len(pages) / 1024
    for fast in (True, False):
        wall, cpu = time.perf_counter(), time.process_time()
        for p in pages:
            record_from_html(p.html, p.url, url=p.url, fetched=p.fetched.isoformat(), fast=fast)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"record_from_html(fast={fast}): {k} pages ({kb:.1f} KB avg): {_rate(k, wall, cpu)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--n", type=int, default=5000, help="HTML pages to write")
    parser.add_argument("--seed", type=int, default=SEED)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--bench", type=int, default=0, help="then time extraction on K pages")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    path = write_warc(args.n, args.seed, args.out)
    size = path.stat().st_size
    print(f"wrote {path} ({args.n} pages, {size / 1e6:.1f} MB) in {time.perf_counter() - t0:.1f}s")
    if args.bench:
        bench(path, min(args.bench, args.n))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
