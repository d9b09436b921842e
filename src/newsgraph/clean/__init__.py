"""Clean: boilerplate removal and metadata (title, byline, publisher, dateline, date).

Contract: ``clean_record(record) -> Article | Failure``. Every non-blank line of the raw text gets a
LineRole and a reason; metadata from the record (JSONL fields, HTML metadata) wins over text
heuristics. Rules are general (line shape, position, punctuation, lexicons of generic web junk);
corpus-level knowledge can be passed in as ``known_boilerplate`` (see :func:`line_hash`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Set

from newsgraph.clean.byline import bare_byline, parse_byline
from newsgraph.clean.dates import any_date_line, day_first_text, has_ambiguous_date, parse_date
from newsgraph.clean.names import is_job_title, is_outlet_name, is_role_only
from newsgraph.clean.publisher import (
    as_written,
    copyright_holder,
    dateline_agency,
    originally_from,
    read_in_report,
)
from newsgraph.clean.roles import (
    LineInfo,
    find_title,
    first_paragraph,
    is_caption_with_credit,
    is_crawl_date,
    is_list_item,
    last_paragraph,
    next_to_widget,
    read_lines,
    same_title,
    split_site,
    standalone_name,
    trailing_author,
)
from newsgraph.clean.textnorm import body_id, compare_key, line_hash
from newsgraph.model import Article, Failure, Line, LineRole, Record, Span

__all__ = ["clean_record", "line_hash"]

B, BP, BY, DL = LineRole.BODY, LineRole.BOILERPLATE, LineRole.BYLINE, LineRole.DATELINE
MAX_STANDFIRST_WORDS = 60
MIN_MORE_DEK_WORDS = 6  # deks after the first: sentence-like lines ("Share", "Save" are not)
AUTHOR_ABOVE_LINES = 3  # an author's name this close above the headline is its byline
_ASCII_HEAD = re.compile(r"[0-9A-Za-z]+")


def clean_record(record: Record, *, known_boilerplate: Set[str] = frozenset()) -> Article | Failure:
    """Roles for every line plus title/authors/publisher/date, or a Failure with the reason.

    ``known_boilerplate``: :func:`line_hash` values of lines seen in many articles of the same
    publisher (a corpus pass can collect them); such lines become boilerplate.
    """
    text = record.text
    if text is None or not text.strip():
        return Failure(record.source, record.error or "empty text")
    lines = read_lines(text, known_boilerplate)
    day_first = _read_dates_day_first(lines, text)
    t = find_title(lines, record.title)
    title, site = (record.title, None) if record.title or t is None else split_site(lines[t].text)
    title_key = compare_key(title or "")
    _set_keys(lines, title_key)
    start = -1 if t is None else t
    b = first_paragraph(lines, start, title_key)
    if b is None:
        return Failure(record.source, "no article body found")
    if t is not None:
        b = _after_standfirst(lines, b, title_key)
    e = last_paragraph(lines, b)
    found = _Found()
    found.site = site or _site_of_page_title(lines, start, title_key)
    if t is not None:
        lines[t].set(LineRole.TITLE, "given title" if record.title else "headline of the page")
    _header(lines, max(start, 0), found)
    _meta_zone(lines, start + 1, b, title_key, found)
    _body(lines, b, e, title_key, found)
    _footer(lines, e + 1, title_key, found)
    publisher = record.publisher or _publisher(text, lines, b, found)
    _mark_publisher_lines(lines, publisher)
    body = [ln.text for ln in lines if ln.role in (B, LineRole.HEADING)]
    if not body:
        return Failure(record.source, "no article body found")
    published, published_from = _published(record, found, day_first, text)
    authors = record.authors or tuple(dict.fromkeys(found.authors or found.trailing))
    metadata = dict(record.metadata)
    if found.page_date is not None:
        metadata.setdefault("page_date", found.page_date.isoformat())
    return Article(
        id=body_id(body),
        text=text,
        source=record.source,
        title=title,
        title_span=None if t is None else Span(lines[t].start, lines[t].start + len(title or "")),
        authors=authors,
        publisher=publisher,
        published=published,
        published_from=published_from,
        url=record.url,
        lines=tuple([Line(Span(ln.start, ln.end), ln.role or BP, ln.reason) for ln in lines]),
        metadata=metadata,
    )


def _read_dates_day_first(lines: list[LineInfo], text: str) -> bool:
    """Whether the article writes dates day first; when it does, its ambiguous numeric dates
    (11/03/2024) are read again that way. The text's cues are weighed only when such a date
    stands on a date or byline line (few articles)."""
    dated = [
        ln
        for ln in lines
        if (ln.date or (ln.byline and ln.byline.date)) and has_ambiguous_date(ln.text)
    ]
    if not dated or not day_first_text(text):
        return False
    for ln in dated:
        if ln.date:
            ln.date = any_date_line(ln.text, day_first=True) or ln.date
        elif ln.byline:
            ln.byline = parse_byline(ln.text, day_first=True) or ln.byline
    return True


def _site_of_page_title(lines: list[LineInfo], start: int, title_key: str) -> str | None:
    """The site named after the headline in the page title above it ("Headline | Site")."""
    for ln in lines[: max(start, 0)]:
        key = ln.key  # set by _set_keys on the lines long enough to repeat the title
        if len(key) > len(title_key) and same_title(key, title_key):
            head, site = split_site(ln.text)
            if site and compare_key(head) == title_key:
                return site
    return None


def _set_keys(lines: list[LineInfo], title_key: str) -> None:
    """Comparison keys for the lines that could repeat the title; the others keep an empty key.

    Such a line is about as long as the title, and its key and the title key agree as far as
    the shorter goes (both :func:`same_title` tests need it): the line's leading ASCII letters
    and digits, lower-cased, are the start of its key, and tell most lines apart cheaply."""
    if not title_key:
        return
    lo, hi = 0.8 * len(title_key), 1.3 * len(title_key) + 40
    for ln in lines:
        text = ln.text
        if lo <= len(text) <= hi:
            head = _ASCII_HEAD.match(text)  # lower-cased, the start of the key
            if head is None or _prefix_related(head.group().lower(), title_key):
                ln.key = compare_key(text)


def _prefix_related(head: str, title_key: str) -> bool:
    return title_key.startswith(head) or head.startswith(title_key)


def _after_standfirst(lines: list[LineInfo], b: int, title_key: str) -> int:
    """A first paragraph followed by a byline or date line is a standfirst (dek): the body
    starts after that byline/date cluster."""
    if b + 1 >= len(lines) or lines[b].n > MAX_STANDFIRST_WORDS:
        return b
    for j in range(b + 1, min(b + 4, len(lines))):
        ln = lines[j]
        if ln.byline or (ln.date and not is_crawl_date(lines, j)) or bare_byline(ln.text):
            return first_paragraph(lines, j, title_key) or b
        if ln.is_paragraph:
            break
    return b


class _Found:
    """Metadata evidence collected while assigning roles."""

    def __init__(self) -> None:
        self.authors: list[str] = []
        self.trailing: list[str] = []
        self.affiliation: str | None = None
        self.source: str | None = None
        self.top_name: str | None = None
        self.copyright: str | None = None
        self.dates: list[tuple[dt.date, str]] = []  # (date, "published"|"date"|"updated"|...)
        self.page_date: dt.date | None = None
        self.site: str | None = None  # after the headline in the page title: "Headline | Site"
        self.header_name: str | None = None  # an outlet's name on a line above the headline


def _common(ln: LineInfo, title_key: str, found: _Found) -> bool:
    """Roles every zone after the title agrees on; True when the line got one."""
    if ln.junk:
        ln.set(BP, ln.junk)
        if ln.junk == "copyright" and found.copyright is None:
            found.copyright = copyright_holder(ln.text)
    elif ln.byline:
        ln.set(BY, "byline")
        found.authors.extend(ln.byline.authors)
        found.affiliation = found.affiliation or ln.byline.affiliation
        if ln.byline.date:
            found.dates.append((ln.byline.date, "byline"))
    elif ln.source:
        ln.set(BY, "source credit")
        found.source = found.source or ln.source
    elif ln.key and title_key and _repeats_title(ln, title_key):
        ln.set(BP, "repeated title")
    else:
        return False
    return True


def _repeats_title(ln: LineInfo, title_key: str) -> bool:
    return ln.n <= 60 and same_title(ln.key, title_key)


def _date(lines: list[LineInfo], i: int, found: _Found) -> bool:
    ln = lines[i]
    if not ln.date:
        return False
    if is_crawl_date(lines, i):
        ln.set(BP, "page-header date (crawl day)")
        found.page_date = found.page_date or ln.date[0]
    else:
        ln.set(DL, "date line" if ln.date[1] == "date" else f"{ln.date[1]} date")
        found.dates.append(ln.date)
    return True


def _header(lines: list[LineInfo], t: int, found: _Found) -> None:
    """Lines above the title (``lines[:t]``): menus, widgets and the crawl day's date, but also
    an outlet's name, and in some layouts the byline and the article's own date."""
    authors = {i for i in range(max(t - AUTHOR_ABOVE_LINES, 0), t) if _author_above(lines[i])}
    for i in range(t):
        ln = lines[i]
        if ln.byline:
            ln.set(BY, "byline before the title")
            found.authors.extend(ln.byline.authors)
            if ln.byline.date:
                found.dates.append((ln.byline.date, "byline"))
        elif i in authors:
            ln.set(BY, "author name above the title")
            found.authors.extend(bare_byline(ln.text))
        elif ln.date and ln.date[1] != "date":  # "Published: ..." above the headline
            ln.set(DL, f"{ln.date[1]} date above the title")
            found.dates.append(ln.date)
        elif ln.date and _own_date_above(lines, i, t, authors):
            ln.set(DL, "date above the title, by the byline")
            found.dates.append((ln.date[0], "above"))
        elif ln.date:
            ln.set(BP, "page-header date (crawl day)")
            found.page_date = found.page_date or ln.date[0]
        elif found.header_name is None and ln.n >= 2 and _outlet_line(ln):
            ln.set(BY, "outlet name above the title")
            found.header_name = ln.text
        else:
            ln.set(BP, f"before the title: {ln.junk or 'header line'}")


def _author_above(ln: LineInfo) -> bool:
    return bool(ln.byline) or (not ln.is_meta and bool(bare_byline(ln.text)))


def _own_date_above(lines: list[LineInfo], i: int, t: int, authors: set[int]) -> bool:
    """A bare date above the headline is the article's when it stands by the byline, or right
    above the headline without the page header's marks; otherwise it is the crawl day's."""
    if (i - 1 in authors or i + 1 in authors) and not next_to_widget(lines, i):
        return True
    return i == t - 1 and not is_crawl_date(lines, i)


def _outlet_line(ln: LineInfo) -> bool:
    """ "The Lagos Courier" alone on a line (one word, "World", is a section label)."""
    return standalone_name(ln) and is_outlet_name(ln.text)


def _meta_zone(lines: list[LineInfo], lo: int, hi: int, title_key: str, found: _Found) -> None:
    dek_done = False
    for i in range(lo, hi):
        ln = lines[i]
        if _common(ln, title_key, found) or _date(lines, i, found):
            continue
        names = bare_byline(ln.text)
        if names:
            ln.set(BY, "author name under the title")
            found.authors.extend(names)
        elif is_role_only(ln.text) or is_job_title(ln.text):
            ln.set(BY, "desk or job title under the title")  # "Staff Reporter"
        elif found.top_name is None and standalone_name(ln):
            ln.set(BY, "publisher name line")
            found.top_name = ln.text
        elif ln.n >= 3 and (not dek_done or ln.n >= MIN_MORE_DEK_WORDS):
            ln.set(LineRole.DEK, "short line between title and body")
            dek_done = True
        else:
            ln.set(BP, "header line")


def _body(lines: list[LineInfo], lo: int, hi: int, title_key: str, found: _Found) -> None:
    for i in range(lo, hi + 1):
        ln = lines[i]
        if ln.junk or ln.byline or ln.source or ln.date or ln.key:  # else a paragraph or heading
            if ln.source and not ln.junk:  # "Source: X" under a chart or quote: not the publisher
                ln.set(BP, "source credit inside the body")
                continue
            if _common(ln, title_key, found) or _date(lines, i, found):
                continue
        if i not in (lo, hi) and ln.is_heading_shape:
            if is_caption_with_credit(ln):
                ln.set(BP, "photo caption with credit")
            elif is_list_item(lines, i):
                ln.set(B, "list item")
            else:
                ln.set(LineRole.HEADING, "short unpunctuated line inside the body")
        else:
            ln.set(B, "body paragraph")


def _footer(lines: list[LineInfo], lo: int, title_key: str, found: _Found) -> None:
    first_content = True
    for i in range(lo, len(lines)):
        ln = lines[i]
        if _common(ln, title_key, found) or _date(lines, i, found):
            continue
        if (first_content or i == len(lines) - 1) and trailing_author(ln):
            ln.set(BY, "author name after the last paragraph")
            found.trailing.append(ln.text)
        else:
            ln.set(BP, "after the last paragraph")
        first_content = False


def _publisher(text: str, lines: list[LineInfo], b: int, found: _Found) -> str | None:
    """Strongest signal first: a "Source:" credit, the site in the page title, an outlet line
    under or above the title, a syndication note, the copyright holder, a byline affiliation,
    an agency dateline, "Read in X’s report"."""
    if found.top_name and found.source and found.top_name != found.source:
        found.trailing.append(found.top_name)  # a name under the title, outlet named elsewhere
        found.top_name = None
    return (
        found.source
        or found.site
        or found.top_name
        or found.header_name
        or originally_from(text)
        or found.copyright
        or (found.affiliation and as_written(found.affiliation, text))
        or dateline_agency(lines[b].text)
        or read_in_report(text)
    )


def _mark_publisher_lines(lines: list[LineInfo], publisher: str | None) -> None:
    """A publisher name standing alone on a line is a credit, wherever it stands."""
    if not publisher:
        return
    key = compare_key(publisher)
    for ln in lines:
        if (
            ln.role in (LineRole.HEADING, BP)
            and len(ln.text) <= 2 * len(publisher) + 10
            and compare_key(ln.text) == key
        ):
            ln.set(BY, "publisher name line")


def _published(
    record: Record, found: _Found, day_first: bool, text: str
) -> tuple[dt.date | None, str | None]:
    """The record's date when it parses ("metadata"), else a date line under the title
    ("dateline"), a date in the byline ("byline"), an "Updated ..." line ("updated")."""
    if record.published:
        if not day_first and has_ambiguous_date(record.published):
            day_first = day_first_text(text)
        day = parse_date(record.published, day_first=day_first)
        if day:
            return day, "metadata"
    for kinds in (("published", "date"), ("byline",), ("above",), ("updated",)):
        for day, k in found.dates:
            if k in kinds:
                return day, "dateline" if kinds[0] in ("published", "above") else kinds[0]
    return None, None
