"""Dates written on a line of their own ("Jan 13, 2023", "Published: 3 March 2023 10:14 GMT").

A fast regex recognises the common shapes; dateparser (slow) only runs on a few candidate
strings that the regex cannot read (e.g. metadata values in unusual formats).
"""

from __future__ import annotations

import datetime as dt
import re

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_MON = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = (
    r"(?:(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)\.?"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday),?\s+"
)
_DAY = r"(?:[0-3]?\d)(?:st|nd|rd|th)?"
_TIME = (
    r"(?:\s*(?:,|at|-|–|—|\||•|/)?\s*\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:[ap]\.?m\.?)?"
    r"(?:\s*\(?(?:[A-Z]{2,5}|UTC|GMT)(?:\s*[+-]\s*\d{1,2}(?::?\d{2})?)?\)?)?)?"
)
_DATE = (
    rf"(?:(?P<m1>{_MON})\s+(?P<d1>{_DAY}),?\s+(?P<y1>\d{{4}})"
    rf"|(?P<d2>{_DAY})(?:\s+of)?\s+(?P<m2>{_MON}),?\s+(?P<y2>\d{{4}})"
    r"|(?P<y3>\d{4})[-/](?P<n3>[01]?\d)[-/](?P<d3>[0-3]?\d)"
    r"|(?P<a4>[0-3]?\d)[/.](?P<b4>[0-3]?\d)[/.](?P<y4>\d{4}))"
)
_PREFIX = (
    r"(?P<kind>published|posted|updated|last\s+updated|last\s+modified|modified|date|first"
    r"\s+published|created|released)(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
)
_TAIL = r"(?:\s*[·•|,]\s*(?:\d+\s*(?:-\s*)?min(?:ute)?s?\s+read|[A-Z]{2,3}))?"  # "· 3 min read"
_DATE_LINE = re.compile(
    rf"^[\W_]*(?:{_PREFIX})?(?:{_WEEKDAY})?{_DATE}(?:T[\d:.+\-Z]*)?{_TIME}{_TAIL}[\s|•·,\-–—]*$",
    re.IGNORECASE,
)
_DATE_ANY = re.compile(rf"(?:{_PREFIX})?(?:{_WEEKDAY})?{_DATE}{_TIME}", re.IGNORECASE)
_PREFIXED = re.compile(rf"^[\W_]*{_PREFIX}(?P<rest>.+)$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
MAX_DATE_CHARS = 80


def _to_date(m: re.Match[str]) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["m1"]:
            return dt.date(int(g["y1"]), MONTHS[g["m1"][:3].lower()], int(_digits(g["d1"])))
        if g["m2"]:
            return dt.date(int(g["y2"]), MONTHS[g["m2"][:3].lower()], int(_digits(g["d2"])))
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["n3"]), int(g["d3"]))
        a, b = int(g["a4"]), int(g["b4"])
        day, month = (a, b) if a > 12 else (b, a)  # day first only when it must be
        return dt.date(int(g["y4"]), month, day)
    except (ValueError, KeyError):
        return None


def _digits(day: str) -> str:
    return "".join(c for c in day if c.isdigit())


def _kind(m: re.Match[str]) -> str:
    """ "updated" / "published" when the text says so, "date" for a bare date."""
    kind = (m.group("kind") or "").lower()
    if not kind:
        return "date"
    return "updated" if ("updated" in kind or "modified" in kind) else "published"


def date_line(line: str) -> tuple[dt.date, str] | None:
    """``(date, kind)`` when the whole line is a date (with an optional "Published:"-like prefix
    and time); kind is "updated" / "published" after such a prefix, "date" for a bare date."""
    return _whole_date(line) if _may_be_date(line) else None


def _may_be_date(line: str) -> bool:
    return len(line) <= MAX_DATE_CHARS and _DIGIT.search(line) is not None


def _whole_date(line: str) -> tuple[dt.date, str] | None:
    m = _DATE_LINE.match(line)
    if m is None:
        return None
    day = _to_date(m)
    return (day, _kind(m)) if day else None


def find_date(text: str) -> tuple[dt.date, str, tuple[int, int]] | None:
    """First date written inside ``text`` (e.g. in a byline), with its kind and offsets."""
    if not _DIGIT.search(text):
        return None
    for m in _DATE_ANY.finditer(text):
        day = _to_date(m)
        if day:
            return day, _kind(m), m.span()
    return None


def prefixed_date_line(line: str) -> tuple[dt.date, str] | None:
    """ "Published: <something the regex cannot read>" → ask dateparser (rare, slow path)."""
    return _prefixed(line) if _may_be_date(line) else None


def any_date_line(line: str) -> tuple[dt.date, str] | None:
    """:func:`date_line`, else :func:`prefixed_date_line` (the guard tested once)."""
    if not _may_be_date(line):
        return None
    return _whole_date(line) or _prefixed(line)


def _prefixed(line: str) -> tuple[dt.date, str] | None:
    m = _PREFIXED.match(line)
    if m is None:
        return None
    day = parse_date(m.group("rest"))
    return (day, _kind(m)) if day else None


def parse_date(value: str) -> dt.date | None:
    """Parse a metadata date: ISO first, then the regex, then dateparser."""
    value = value.strip()
    if not _DIGIT.search(value):  # "yesterday", "2 hours ago": relative to an unknown day
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    found = find_date(value)
    if found:
        return found[0]
    try:
        import dateparser
    except ImportError:  # pragma: no cover - declared dependency
        return None
    try:
        parsed = dateparser.parse(
            value,
            languages=["en"],
            settings={"REQUIRE_PARTS": ["day", "month", "year"], "PREFER_DAY_OF_MONTH": "first"},
        )
    except Exception:  # dateparser raises assorted errors on junk; a date is optional
        return None
    return parsed.date() if parsed else None
