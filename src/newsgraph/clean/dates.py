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
    r"|(?P<a4>[0-3]?\d)[/.\-](?P<b4>[0-3]?\d)[/.\-](?P<y4>\d{4}))"
)
_PREFIX = (
    r"(?P<kind>published|posted|updated|last\s+updated|last\s+modified|modified|date|first"
    r"\s+published|created|released)(?:\s+(?:on|at))?\s*[:\-–—]?\s*"
)
_TAIL = r"(?:\s*[·•|,]\s*(?:\d+\s*(?:-\s*)?min(?:ute)?s?\s+read|[A-Z]{2,3}))?"  # "· 3 min read"
# "... | Updated: 11/03/2024 21:05", "Feb 13, 2024 Updated 2 hours ago": the first date is the
# publication; what follows the update marker does not matter.
_UPDATED_TAIL = r"(?:[\s|•·,;\-–—]*(?:last\s+)?(?:updated|modified)\b[^\n]{0,60})?"
_DATE_LINE = re.compile(
    rf"^[\W_]*(?:{_PREFIX})?(?:{_WEEKDAY})?{_DATE}(?:T[\d:.+\-Z]*)?{_TIME}{_TAIL}{_UPDATED_TAIL}"
    r"[\s|•·,\-–—]*$",
    re.IGNORECASE,
)
_DATE_ANY = re.compile(rf"(?:{_PREFIX})?(?:{_WEEKDAY})?{_DATE}{_TIME}", re.IGNORECASE)
_PREFIXED = re.compile(rf"^[\W_]*{_PREFIX}(?P<rest>.+)$", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
MAX_DATE_CHARS = 80


def _to_date(m: re.Match[str], day_first: bool = False) -> dt.date | None:
    g = m.groupdict()
    try:
        if g["m1"]:
            return dt.date(int(g["y1"]), MONTHS[g["m1"][:3].lower()], int(_digits(g["d1"])))
        if g["m2"]:
            return dt.date(int(g["y2"]), MONTHS[g["m2"][:3].lower()], int(_digits(g["d2"])))
        if g["y3"]:
            return dt.date(int(g["y3"]), int(g["n3"]), int(g["d3"]))
        a, b = int(g["a4"]), int(g["b4"])
        # the article's order (see day_first_text) unless the numbers leave no choice
        day, month = (a, b) if a > 12 or (day_first and b <= 12) else (b, a)
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


def date_line(line: str, *, day_first: bool = False) -> tuple[dt.date, str] | None:
    """``(date, kind)`` when the whole line is a date (with an optional "Published:"-like prefix
    and time); kind is "updated" / "published" after such a prefix, "date" for a bare date.
    ``day_first`` reads an ambiguous 03/04/2024 as 3 April (see :func:`day_first_text`)."""
    return _whole_date(line, day_first) if _may_be_date(line) else None


def _may_be_date(line: str) -> bool:
    return len(line) <= MAX_DATE_CHARS and _DIGIT.search(line) is not None


def _whole_date(line: str, day_first: bool = False) -> tuple[dt.date, str] | None:
    m = _DATE_LINE.match(line)
    if m is None:
        return None
    day = _to_date(m, day_first)
    return (day, _kind(m)) if day else None


def find_date(text: str, *, day_first: bool = False) -> tuple[dt.date, str, tuple[int, int]] | None:
    """First date written inside ``text`` (e.g. in a byline), with its kind and offsets."""
    if not _DIGIT.search(text):
        return None
    for m in _DATE_ANY.finditer(text):
        day = _to_date(m, day_first)
        if day:
            return day, _kind(m), m.span()
    return None


def prefixed_date_line(line: str, *, day_first: bool = False) -> tuple[dt.date, str] | None:
    """ "Published: <something the regex cannot read>" → ask dateparser (rare, slow path)."""
    return _prefixed(line, day_first) if _may_be_date(line) else None


def any_date_line(line: str, *, day_first: bool = False) -> tuple[dt.date, str] | None:
    """:func:`date_line`, else :func:`prefixed_date_line` (the guard tested once)."""
    if not _may_be_date(line):
        return None
    return _whole_date(line, day_first) or _prefixed(line, day_first)


def _prefixed(line: str, day_first: bool = False) -> tuple[dt.date, str] | None:
    m = _PREFIXED.match(line)
    if m is None:
        return None
    day = parse_date(m.group("rest"), day_first=day_first)
    return (day, _kind(m)) if day else None


def parse_date(value: str, *, day_first: bool = False) -> dt.date | None:
    """Parse a metadata date: ISO first, then the regex, then dateparser (told the date order)."""
    value = value.strip()
    if not _DIGIT.search(value):  # "yesterday", "2 hours ago": relative to an unknown day
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        pass
    found = find_date(value, day_first=day_first)
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
            settings={
                "REQUIRE_PARTS": ["day", "month", "year"],
                "PREFER_DAY_OF_MONTH": "first",
                "DATE_ORDER": "DMY" if day_first else "MDY",
            },
        )
    except Exception:  # dateparser raises assorted errors on junk; a date is optional
        return None
    return parsed.date() if parsed else None


# ---------------------------------------------------------------- which order the outlet writes
# 03/04/2024 is 3 April in Britain, India, Africa and Europe and March 4 in the US. The order is
# not guessed per date: the article's own cues decide (other numeric dates whose numbers leave no
# choice, dotted dates, dates written in words, time zones, currencies of day-first countries).
_AMBIGUOUS = re.compile(r"(?<![\d.])(0?[1-9]|1[0-2])[/.\-](0?[1-9]|1[0-2])[/.\-]\d{4}(?!\d)")
_NUMERIC = re.compile(r"(?<![\d.])([0-3]?\d)([/.\-])([0-3]?\d)\2\d{4}(?!\d)")
_MONTH_NAME = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_DAY_MONTH = re.compile(rf"\b[0-3]?\d(?:st|nd|rd|th)?(?: of)? {_MONTH_NAME}\b")
_MONTH_DAY = re.compile(rf"\b{_MONTH_NAME}\.? [0-3]?\d(?:st|nd|rd|th)?\b(?!:)")
# Zones of day-first countries (UK, Ireland, Europe, Africa, South and South-East Asia, Oceania)
# and of the US; currencies of day-first countries.
_DMY_ZONE = re.compile(
    r"\b(?:BST|GMT|IST|CET|CEST|EET|EEST|WET|WEST|MSK|EAT|WAT|CAT|SAST|PKT|NPT|BDT|SGT|MYT|PHT"
    r"|HKT|WIB|ICT|AEST|AEDT|ACST|AWST|NZST|NZDT)\b"
)
_MDY_ZONE = re.compile(r"\b(?:EST|EDT|CST|CDT|MST|MDT|PST|PDT|AKST|HST|ET|PT)\b")
_DMY_MONEY = re.compile(r"[£€₹₦₵₱৳]|\b(?:Rs|KSh|Ksh|Sh|Tk|RM|Rp)\.?\s?\d")


def has_ambiguous_date(line: str) -> bool:
    """A numeric date both of whose first numbers could be the month (03/04/2024)."""
    return any(int(m.group(1)) != int(m.group(2)) for m in _AMBIGUOUS.finditer(line))


def day_first_text(text: str) -> bool:
    """Whether the article writes numeric dates day first, from the cues in its whole text.

    Each cue votes: a numeric date that can only be read one way (26/09/2022, 09/26/2022) counts
    three; dotted dates (day-first everywhere they are used) and the time zones of day-first or
    US outlets count two; "16 March" against "March 16" and day-first currencies one each.
    No cue, or a tie, keeps the month-first reading (the US convention dateparser defaults to)."""
    dmy = mdy = 0
    for m in _NUMERIC.finditer(text):
        a, sep, b = int(m.group(1)), m.group(2), int(m.group(3))
        if a > 12 >= b:
            dmy += 3
        elif b > 12 >= a:
            mdy += 3
        if sep == ".":
            dmy += 2
    dmy += 2 * len(_DMY_ZONE.findall(text)) + len(_DAY_MONTH.findall(text))
    mdy += 2 * len(_MDY_ZONE.findall(text)) + len(_MONTH_DAY.findall(text))
    dmy += 1 if _DMY_MONEY.search(text) else 0
    return dmy > mdy
