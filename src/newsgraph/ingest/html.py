"""HTML pages → Records, with trafilatura doing the boilerplate removal and metadata.

The text handed on is the title, a blank line, then one extracted paragraph per line separated by
blank lines: the same shape as the plain-text sources, so the cleaner and all offsets work the
same way. Bad input never raises: it becomes ``Record(text=None, error=reason)``.
"""

from __future__ import annotations

import codecs
import datetime as dt
import logging
import re
from typing import Any

from newsgraph.model import Record

MAX_HTML_BYTES = 20_000_000  # a news page is rarely over 2 MB; larger is a dump or a binary
MIN_TEXT_CHARS = 25  # less than a sentence of body text is a stub, not an article

_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive (or office document)"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"\x1f\x8b", "gzip data"),
    (b"RIFF", "RIFF media"),
    (b"OggS", "Ogg media"),
    (b"ID3", "MP3 audio"),
    (b"\x00\x00\x00", "binary media"),
    (b"{\\rtf", "RTF document"),
    (b"\xd0\xcf\x11\xe0", "legacy office document"),
)
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(
    rb"""<meta[^>]{0,200}?charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]{2,40})""", re.IGNORECASE
)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]{0,100}?encoding\s*=\s*["']([a-zA-Z0-9_.:-]+)""")
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_MARKUP = re.compile(
    r"<\s*(?:!doctype\s+html|html|head|body|title|meta|p|div|article|main|section|span|h[1-6]|br|a\s)",
    re.IGNORECASE,
)
_HTML_LANG = re.compile(
    r"""<html[^>]{0,300}?\blang\s*=\s*["']?([a-zA-Z]{2,3}(?:[-_][a-zA-Z0-9]+)?)""", re.IGNORECASE
)
# embedded social posts: someone else's words with a handle and a date, not the article's text
_PRUNE_XPATH = [
    "//blockquote[contains(@class,'twitter-tweet') or contains(@class,'twitter-video')"
    " or contains(@class,'instagram-media') or contains(@class,'tiktok-embed')"
    " or contains(@class,'reddit-embed') or contains(@class,'fb-xfbml-parse-ignore')]",
    "//div[contains(@class,'fb-post') or contains(@class,'embed-twitter')"
    " or contains(@class,'social-embed')]",
]
_NOTHING_EXTRACTED = "no article text extracted (empty or boilerplate only)"
# spaces, and every character str.splitlines() would break a line at (besides "\n") or that is
# an invisible control: the text must have exactly one line per paragraph for the cleaner
_SPACES = re.compile(r"[\s\x00-\x08\x0e-\x1f\x7f\u00a0\u200b\u2028\u2029\ufeff]+")
_AUTHOR_SPLIT = re.compile(r"\s*;\s*")

logging.getLogger("trafilatura").setLevel(logging.CRITICAL)
logging.getLogger("htmldate").setLevel(logging.CRITICAL)


def record_from_html(
    data: bytes,
    source: str,
    url: str | None = None,
    fetched: str | None = None,
    *,
    charset: str | None = None,
    fast: bool = False,
) -> Record:
    """Extract one article from an HTML page; never raises.

    ``charset`` is the HTTP Content-Type charset when known (it wins over the page's own claim).
    ``fetched`` (ISO date or datetime) caps the publication date: a page cannot be published
    after it was fetched. ``fast`` skips trafilatura's fallback extractors (about 10% faster,
    worse on unusual markup).
    """
    try:
        return _extract(data, source, url, fetched, charset, fast)
    except Exception as exc:  # a page must never stop a batch
        return _failed(source, url, fetched, f"html extraction failed: {type(exc).__name__}: {exc}")


def sniff_not_html(data: bytes) -> str | None:
    """Why these bytes are not an HTML page, or None when they may be one."""
    if not data or not data.strip():
        return "empty page"
    head = data[:1024]
    for bom, _ in _BOMS:
        if head.startswith(bom):
            return None
    for magic, name in _MAGIC:
        if head.startswith(magic):
            return f"not HTML: {name}"
    if b"\x00" in head:
        return "not HTML: binary content"
    return None


def decode_html(data: bytes, charset: str | None = None) -> tuple[str, str]:
    """Decode page bytes: BOM, then the HTTP charset, the page's meta charset, UTF-8, cp1252."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data.decode(enc, errors="replace"), enc
    candidates: list[str] = []
    if charset:
        candidates.append(charset)
    head = data[:4096]
    declared = _XML_ENCODING.search(head) or _META_CHARSET.search(head)
    if declared:
        candidates.append(declared.group(1).decode("ascii", "replace"))
    candidates += ["utf-8", "cp1252"]
    for enc in candidates:
        name = _codec_name(enc)
        if name is None:
            continue
        if name in ("latin-1", "iso8859-1", "ascii"):
            name = "cp1252"  # browsers read latin-1 labels as windows-1252
        try:
            return data.decode(name), name
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace"), "utf-8 (with replacements)"


def _codec_name(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().lower()).name
    except (LookupError, ValueError):
        return None


def _extract(
    data: bytes, source: str, url: str | None, fetched: str | None, charset: str | None, fast: bool
) -> Record:
    if not isinstance(data, bytes | bytearray | memoryview):
        return _failed(source, url, fetched, f"not bytes: {type(data).__name__}")
    data = bytes(data)
    if len(data) > MAX_HTML_BYTES:
        return _failed(source, url, fetched, f"page too large: {len(data)} bytes")
    reason = sniff_not_html(data)
    if reason:
        return _failed(source, url, fetched, reason)
    html, encoding = decode_html(data, charset)
    html = _XML_DECL.sub("", html, count=1)  # lxml refuses str input with an encoding declaration
    if not _MARKUP.search(html[:65536]):
        return _failed(source, url, fetched, "not HTML: no markup found")

    from trafilatura import bare_extraction  # imported lazily: plain-text runs never pay for it

    doc = bare_extraction(
        html,
        url=url,
        fast=fast,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        prune_xpath=_PRUNE_XPATH,
        date_extraction_params=_date_params(fetched),
    )
    if doc is None:
        return _failed(source, url, fetched, _NOTHING_EXTRACTED)
    meta: dict[str, Any] = doc.as_dict() if hasattr(doc, "as_dict") else dict(doc)
    title = _clean_line(meta.get("title") or "") or None
    paragraphs = [p for p in (_clean_line(x) for x in (meta.get("text") or "").split("\n")) if p]
    if title and paragraphs and _same(paragraphs[0], title):
        paragraphs = paragraphs[1:]  # the page repeats its headline at the top of the body
    if sum(len(p) for p in paragraphs) < MIN_TEXT_CHARS:
        return _failed(source, url, fetched, _NOTHING_EXTRACTED)
    text = "\n\n".join(([title] if title else []) + paragraphs) + "\n"
    authors = tuple(a for a in _AUTHOR_SPLIT.split(meta.get("author") or "") if a)
    extraction = {
        "tool": "trafilatura",
        "version": _trafilatura_version(),
        "fast": fast,
        "html_bytes": len(data),
        "encoding": encoding,
        "paragraphs": len(paragraphs),
        "hostname": meta.get("hostname"),
        "description": meta.get("description"),
        "pagetype": meta.get("pagetype"),
        "categories": list(meta.get("categories") or []),
        "tags": list(meta.get("tags") or []),
        "lang": _html_lang(html),
        "canonical_url": meta.get("url"),
    }
    metadata: dict[str, Any] = {"extraction": extraction}
    if fetched:
        metadata["fetched"] = fetched
    return Record(
        source=source,
        text=text,
        title=title,
        url=url or meta.get("url") or None,
        published=meta.get("date") or None,
        publisher=_clean_line(meta.get("sitename") or "") or None,
        authors=authors,
        metadata=metadata,
    )


def _date_params(fetched: str | None) -> dict[str, Any]:
    """Only dates the page states in its markup or URL: an extensive search of the visible text
    picks up 'today is ...' headers and sidebar dates, which are worse than no date."""
    max_date = None
    if fetched:
        try:
            max_date = dt.date.fromisoformat(fetched[:10]).isoformat()
        except ValueError:
            max_date = None
    return {
        "original_date": True,
        "extensive_search": False,
        "max_date": max_date or dt.date.today().isoformat(),
    }


def _html_lang(html: str) -> str | None:
    match = _HTML_LANG.search(html[:4096])
    return match.group(1).lower().replace("_", "-") if match else None


def _clean_line(line: str) -> str:
    return _SPACES.sub(" ", line).strip()


def _same(a: str, b: str) -> bool:
    return a.casefold().strip(" .:") == b.casefold().strip(" .:")


def _failed(source: str, url: str | None, fetched: str | None, reason: str) -> Record:
    metadata: dict[str, Any] = {"fetched": fetched} if fetched else {}
    return Record(source=source, text=None, url=url, metadata=metadata, error=reason)


def _trafilatura_version() -> str:
    try:
        from trafilatura import __version__
    except ImportError:  # pragma: no cover - depends on the installed build
        return "unknown"
    return str(__version__)
