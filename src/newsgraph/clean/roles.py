"""Give every non-blank line a role, by position and shape.

The article is read as zones: a header before the title (crawl dates, widgets, menus), the title,
a metadata zone (byline, date, publisher line, dek) up to the first body paragraph, the body up to
the last body paragraph (paragraphs, sub-headings, in-body junk), and a footer after it (credits,
"Source: X", a trailing author name, related links).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Set
from dataclasses import dataclass, field

from newsgraph.clean.byline import MAX_BYLINE_CHARS, MAX_BYLINE_WORDS, Byline, parse_byline
from newsgraph.clean.dates import MAX_DATE_CHARS, any_date_line
from newsgraph.clean.junk import MAX_JUNK_CHARS, junk_reason, words
from newsgraph.clean.names import is_outlet_name, looks_like_outlet, looks_like_person
from newsgraph.clean.publisher import MAX_SOURCE_CHARS, source_line
from newsgraph.clean.textnorm import LINE, compare_key, line_hash, word_count, wordset
from newsgraph.model import LineRole

_CLOSERS = " \t\"'”’»)]}*\u00a0"
_SENTENCE_END = frozenset(".!?…:;,")
_OPEN_QUOTES = frozenset("\"'“‘«„")
_QUOTE_CHARS = '"“”«»„'
_CAPTION_CREDIT_WORDS = wordset(
    "images image photo photos pool press agency getty shutterstock afp reuters ap epa"
)
_BULLET = re.compile(r"^(?:[-*•·▪►–]\s+\w|\d{1,2}[.)]\s+\w)")
_CRAWL_MARK = re.compile(r"[|•·]|last update", re.IGNORECASE)
MAX_TITLE_WORDS = 40
MAX_HEADING_WORDS = 20
MAX_HEADING_CHARS = 160
TITLE_SEARCH_LINES = 20
MIN_TITLE_WORDS = 3
MAX_CRUMB_WORDS = 3
_CRUMB_SEP = re.compile(r"\s+[|/•·]\s+|\s*[›»>]\s*")
_DIGIT = re.compile(r"\d")
_ABBREVIATION_END = re.compile(r"(?:^|\s)(?:[A-Za-z]\.){2,}$")  # "U.S." in a menu is no lede
_DOMAIN = re.compile(r"(?:www\.)?[\w\-]+(?:\.[\w\-]+)*\.[a-z]{2,}$", re.IGNORECASE)
_SITE_SEP = re.compile(r"\s+(?:\||-|–|—|::)\s+")
MAX_QUESTION_HEADING_WORDS = 10
MAX_SENTENCE_TITLE_WORDS = 15  # a longer line ending in a full stop is a lede
MAX_META_CHARS = max(MAX_DATE_CHARS, MAX_BYLINE_CHARS, MAX_SOURCE_CHARS)


@dataclass(slots=True)
class LineInfo:
    """One non-blank line and what its shape says, before roles are decided."""

    start: int
    end: int
    text: str
    n: int  # number of whitespace-separated words
    junk: str | None
    date: tuple[dt.date, str] | None
    byline: Byline | None
    source: str | None
    role: LineRole | None = None
    reason: str = ""
    key: str = field(default="", repr=False)

    @property
    def ends_sentence(self) -> bool:
        t = self.text.rstrip(_CLOSERS)
        return bool(t) and t[-1] in _SENTENCE_END

    @property
    def is_paragraph(self) -> bool:
        return (self.ends_sentence and self.n >= 5) or self.n >= 25

    @property
    def is_heading_shape(self) -> bool:
        """Short and unpunctuated, or a short question standing alone ("What happens next?")."""
        if not 1 <= self.n <= MAX_HEADING_WORDS or len(self.text) > MAX_HEADING_CHARS:
            return False
        if not self.ends_sentence:
            return True
        return (
            self.text.endswith("?")
            and self.n <= MAX_QUESTION_HEADING_WORDS
            and not any(q in self.text for q in _QUOTE_CHARS)
        )

    @property
    def is_meta(self) -> bool:
        """Junk, a date, a byline or a source credit: never the start of the body."""
        return bool(self.junk or self.date or self.byline or self.source)

    def set(self, role: LineRole, reason: str) -> None:
        self.role, self.reason = role, reason


def read_lines(text: str, known_boilerplate: Set[str]) -> list[LineInfo]:
    """Split and inspect every non-blank line (the per-line, position-free part).

    Most of the text is long paragraphs: the length guards here skip every rule that cannot
    apply to a line before calling it (dates and source credits are short, bylines shorter
    than MAX_BYLINE_WORDS)."""
    out = []
    append = out.append
    for m in LINE.finditer(text):
        line = m.group()
        start, end = m.span()
        size = end - start
        n = word_count(line)
        junk = junk_reason(line) if size <= MAX_JUNK_CHARS else None
        if junk is None and known_boilerplate and line_hash(line) in known_boilerplate:
            junk = "seen in many articles"
        day = byline = source = None
        if junk == "menu" and n <= MAX_BYLINE_WORDS:  # "Written by Jane Doe | Delhi |"
            byline = parse_byline(line)
            junk = None if byline else junk
        elif junk is None and size <= MAX_META_CHARS:
            day = any_date_line(line) if size <= MAX_DATE_CHARS else None
            if day is not None and (" by " in line or " By " in line):
                byline = parse_byline(line)  # "Posted on 3 March 2023 by Jane Doe"
                day = None if byline else day
            elif day is None:
                byline = parse_byline(line) if n <= MAX_BYLINE_WORDS else None
                if byline is None and size <= MAX_SOURCE_CHARS:
                    source = source_line(line)
        append(LineInfo(start, end, line, n, junk, day, byline, source))
    return out


def find_title(lines: list[LineInfo], given: str | None) -> int | None:
    """Index of the title line: the line repeating ``given``, else the headline of the page head.

    The head is what comes before the first paragraph. Its headline is sentence-like (three words
    or more; a short capitalised name is the site's or the section's name, taken only when
    nothing else qualifies); not a crawl line, breadcrumb or widget. Among such lines, one the
    head repeats (page title and h1: "Headline | Site" then "Headline") is the title; else the
    first of the lines standing together just before the byline or date (headline, then dek),
    which skips a site's tagline or a section label higher up."""
    if given:
        key = compare_key(given)
        for i, ln in enumerate(lines[:TITLE_SEARCH_LINES]):
            if key and same_title(compare_key(ln.text), key):
                return i
        return None
    head, found = _head(lines)
    if len(found) <= 1:
        return found[0] if found else None
    sentence_like = [i for i in found if not looks_like_outlet(lines[i].text)]
    pool = sentence_like or found
    repeated = _repeated(lines, pool, found)
    if repeated is not None:
        return repeated
    meta = next((j for j in range(pool[0] + 1, head) if lines[j].byline or lines[j].date), head)
    before = [i for i in pool if i < meta]
    k = len(before) - 1
    while k > 0 and before[k - 1] == before[k] - 1:
        k -= 1  # back to the first of the adjacent lines: headline above its dek
    return before[k]


def _head(lines: list[LineInfo]) -> tuple[int, list[int]]:
    """The page head: the index of the first line that cannot be in it (a paragraph longer than
    a headline, or a line ending with a full stop: the lede; at most TITLE_SEARCH_LINES), and the
    headline-shaped lines before it. One pass: most texts have a short head."""
    found = []
    for i, ln in enumerate(lines[:TITLE_SEARCH_LINES]):
        if ln.junk or ln.date or ln.byline or ln.source:  # ln.is_meta, inlined
            continue
        n = ln.n
        last = ln.text.rstrip(_CLOSERS)[-1:]
        if (
            n > MAX_TITLE_WORDS
            or (n > MAX_SENTENCE_TITLE_WORDS and ln.is_paragraph)
            or (last == "." and not _ABBREVIATION_END.search(ln.text))
        ):
            return i, found
        if n >= 2 and _headline_shaped(ln):
            found.append(i)
    return min(len(lines), TITLE_SEARCH_LINES), found


def _headline_shaped(ln: LineInfo) -> bool:
    """Three words with letters or more (two when long), not a breadcrumb ("News | Asia")."""
    lettered = ln.n  # words with letters: a line without digits has no other words
    if _DIGIT.search(ln.text):
        lettered = sum(1 for w in words(ln.text) if not w[:1].isdigit())
    if lettered < MIN_TITLE_WORDS and not (lettered == 2 and len(ln.text) >= 12):
        return False  # "Crawled: 2024-02-15 04:10:33", "World"
    return not is_breadcrumb(ln.text)


def is_breadcrumb(text: str) -> bool:
    """ "Home / News / Local", "News | Asia": short items joined by separators."""
    items = _CRUMB_SEP.split(text)
    return len(items) >= 2 and all(0 < len(it.split()) <= MAX_CRUMB_WORDS for it in items)


def _repeated(lines: list[LineInfo], pool: list[int], found: list[int]) -> int | None:
    """The candidate another headline-shaped line of the head repeats (the shorter form:
    without "| Site")."""
    keys = {i: compare_key(lines[i].text) for i in found}
    for i in pool:
        for j in found:
            if j != i and keys[i] and same_title(keys[j], keys[i]) and len(keys[i]) <= len(keys[j]):
                return i
    return None


def split_site(text: str) -> tuple[str, str | None]:
    """ "Headline | The Daily Ledger" → ("Headline", "The Daily Ledger"); else (text, None).

    After "|" any short name is the site; after a dash only an outlet-like name ("The ... Ledger",
    a domain): "Putin Wins — Again" keeps its dash."""
    seps = list(_SITE_SEP.finditer(text))
    if not seps:
        return text, None
    m = seps[-1]
    head, tail = text[: m.start()].rstrip(), text[m.end() :].strip()
    if len(head.split()) < MIN_TITLE_WORDS:
        return text, None
    if _DOMAIN.match(tail) or (
        looks_like_outlet(tail)
        and (m.group().strip() == "|" or is_outlet_name(tail) or tail.startswith("The "))
    ):
        return head, tail
    return text, None


def same_title(key: str, title_key: str) -> bool:
    """Exact or near repeat ("Title | Site", straight vs curly quotes: keys ignore punctuation)."""
    if not key or not title_key:
        return False
    if key == title_key:
        return True
    if len(title_key) < 20:
        return False
    longer, shorter = (key, title_key) if len(key) >= len(title_key) else (title_key, key)
    return (
        longer.startswith(shorter)
        and len(longer) - len(shorter) <= 30
        and (len(shorter) >= 0.8 * len(title_key))
    )


def is_caption_with_credit(ln: LineInfo) -> bool:
    """A photo caption with its credit glued on: sentence-case words, then a capitalised run
    starting with a mid-line "The" or holding a credit word ("... with Putin The White House")."""
    toks = words(ln.text)
    if len(toks) < 4:
        return False
    run = len(toks)
    while run > 0 and toks[run - 1][:1].isupper():
        run -= 1
    tail = toks[run:]
    if run == 0 or len(tail) < 2 or not any(t[:1].islower() for t in toks[:run]):
        return False
    if any(t.lower() in _CAPTION_CREDIT_WORDS for t in tail):
        return True
    return any(t == "The" for t in tail[1:]) or (tail[0] == "The" and run > 0)


def is_crawl_date(lines: list[LineInfo], i: int) -> bool:
    """A date that is the page header of the scrape day: marked with "|"/"•"/"Last Update", or
    next to a weather widget or update widget ("Published: ..." dates never are)."""
    date = lines[i].date
    if date is not None and date[1] != "date":
        return False
    return bool(_CRAWL_MARK.search(lines[i].text)) or next_to_widget(lines, i)


def next_to_widget(lines: list[LineInfo], i: int) -> bool:
    """Next to a weather or "Updated" widget: the page header's corner."""
    return any(
        0 <= j < len(lines) and lines[j].junk in ("weather widget", "update widget")
        for j in (i - 1, i + 1)
    )


def first_paragraph(lines: list[LineInfo], after: int, title_key: str) -> int | None:
    for i in range(after + 1, len(lines)):
        ln = lines[i]
        if not ln.is_meta and ln.is_paragraph and not same_title(ln.key, title_key):
            return i
    for i in range(after + 1, len(lines)):
        ln = lines[i]
        if not ln.is_meta and not same_title(ln.key, title_key):
            return i
    return None


def last_paragraph(lines: list[LineInfo], first: int) -> int:
    """Last body paragraph; when the text has no paragraph-shaped line at all (lists, captions,
    texts without punctuation), the last line that is not junk or metadata."""
    for i in range(len(lines) - 1, first, -1):
        ln = lines[i]
        if not ln.is_meta and ln.is_paragraph:
            return i
    if lines[first].is_paragraph:
        return first
    for i in range(len(lines) - 1, first, -1):
        if not lines[i].is_meta:
            return i
    return first


def is_list_item(lines: list[LineInfo], i: int) -> bool:
    """Bulleted or numbered, or one of three or more short lines in a row: a list, not headings."""
    if _BULLET.match(lines[i].text):
        return True
    run = 1
    for step in (-1, 1):
        j = i + step
        while 0 <= j < len(lines) and lines[j].is_heading_shape and not lines[j].is_meta:
            run += 1
            j += step
    return run >= 3


def standalone_name(ln: LineInfo) -> bool:
    """A short capitalised name alone on a line (outlet near the top, author at the end)."""
    return (
        not ln.is_meta
        and ln.is_heading_shape
        and ln.text[:1] not in _OPEN_QUOTES
        and len(ln.text) >= 3
        and looks_like_outlet(ln.text)
    )


def trailing_author(ln: LineInfo) -> bool:
    return not ln.is_meta and not ln.ends_sentence and looks_like_person(ln.text)
