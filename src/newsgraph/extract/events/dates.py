"""When an event happened: the date expression in its sentence, resolved against publication.

A fast regex finds the common news forms ("on Thursday", "yesterday", "last week", "in early
February", "on Sept. 30", "March 3, 2022", "2022-03-03"); relative ones need the publication date.
Without one only explicit dates (with a year) are kept. Month-only dates land on the 1st, 15th or
25th for early/mid/late (and the 1st when unqualified): a day to sort and filter by, not a claim.
A date without a year, or a weekday, is read backwards from publication for what happened
("met on Thursday", "in March") and forwards for what is announced ("will meet on Thursday",
"will visit in March" said in January: this March; "in December" said in November: this one).
"""

from __future__ import annotations

import datetime as dt
import re

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_DAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
         "sunday": 6}  # fmt: skip

_MONTH = (
    r"(?P<{n}>jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_DATE_PATTERN = (
    r"\b(?=[0-9abdefijlmnostuwy])(?:"  # the letters a date expression can start with: a fast
    # rejection of the other words
    r"(?P<iso>(?P<iy>\d{4})-(?P<im>\d{2})-(?P<id>\d{2}))"
    r"|(?:"
    + _MONTH.format(n="m1")
    + r"\s+(?P<d1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y1>\d{4}))?)"
    r"|(?:(?P<d2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?"
    + _MONTH.format(n="m2")
    + r"(?:,?\s+(?P<y2>\d{4}))?)"
    r"|(?:in\s+(?P<part>early|mid|mid-|late)?\s*-?"
    + _MONTH.format(n="m3")
    + r"(?:\s+(?P<y3>\d{4}))?)"
    r"|(?P<rel>yesterday|today|tonight|last\s+night|the\s+day\s+before|earlier\s+today)"
    r"|(?:(?P<wq>last|this|next|on|since|by|until)\s+)?(?P<wd>monday|tuesday|wednesday|thursday"
    r"|friday|saturday|sunday)"
    r"|(?P<ago>(?P<n>\d+|two|three|four|five|six|seven|ten|a)\s+(?P<unit>days?|weeks?|months?)"
    r"\s+ago)"
    r"|(?P<lw>last|next)\s+(?P<lu>week|month|year)"
    r")\b"
)
# Matched on lower-cased text: several times faster than IGNORECASE with this many branches.
_DATE_LOW = re.compile(_DATE_PATTERN)
_DATE_RE = re.compile(_DATE_PATTERN, re.IGNORECASE)  # for text whose case folding moves offsets
_NUM = {"a": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "ten": 10}
_PART_DAY = {"early": 1, "mid": 15, "mid-": 15, "late": 25}


def _month(text: str) -> int:
    return _MONTHS[
        text.lower().rstrip(".")[:4] if text.lower().startswith("sept") else text.lower()[:3]
    ]


def _safe(y: int, m: int, d: int) -> dt.date | None:
    try:
        return dt.date(y, m, d)
    except ValueError:
        return None


def _year_for(month: int, day: int, published: dt.date, forward: bool = False) -> int:
    """The latest year in which month/day is not after publication (+ a few days of slack);
    ``forward``: the earliest in which it is not before publication (- a month of slack, so
    "will meet in March" said in mid-March is this March)."""
    cand = _safe(published.year, month, day)
    if forward:
        if cand is not None and cand >= published - dt.timedelta(days=31):
            return published.year
        return published.year + 1
    if cand is not None and cand <= published + dt.timedelta(days=7):
        return published.year
    return published.year - 1


def _resolve(m: re.Match[str], published: dt.date | None, forward: bool = False) -> dt.date | None:
    g = m.groupdict()
    if g["iso"]:
        return _safe(int(g["iy"]), int(g["im"]), int(g["id"]))
    for mk, dk, yk in (("m1", "d1", "y1"), ("m2", "d2", "y2")):
        if g[mk]:
            month, day = _month(g[mk]), int(g[dk])
            if g[yk]:
                return _safe(int(g[yk]), month, day)
            if published is None:
                return None
            return _safe(_year_for(month, day, published, forward), month, day)
    if g["m3"]:
        if g["m3"] == "may" and not g["part"] and not g["y3"]:
            return None  # "in may" is too often the modal verb in lower-cased text
        month, day = _month(g["m3"]), _PART_DAY.get((g["part"] or "").lower(), 1)
        if g["y3"]:
            return _safe(int(g["y3"]), month, day)
        if published is None:
            return None
        return _safe(_year_for(month, day, published, forward), month, day)
    if published is None:
        return None
    if g["rel"]:
        rel = g["rel"].lower()
        back = 1 if rel in ("yesterday", "last night", "the day before") else 0
        return published - dt.timedelta(days=back)
    if g["wd"]:
        target = _DAYS[g["wd"].lower()]
        delta = (published.weekday() - target) % 7
        qualifier = (g["wq"] or "on").lower()
        if qualifier == "next":
            return published + dt.timedelta(days=(target - published.weekday()) % 7 or 7)
        if forward and qualifier in ("on", "by", "until", "this"):
            return published + dt.timedelta(days=(target - published.weekday()) % 7)
        if qualifier == "last" and delta == 0:
            delta = 7
        return published - dt.timedelta(days=delta)
    if g["ago"]:
        n = _NUM.get(g["n"].lower()) or int(g["n"])
        unit = g["unit"].lower().rstrip("s")
        days = n * {"day": 1, "week": 7, "month": 30}[unit]
        return published - dt.timedelta(days=days)
    if g["lw"]:
        sign = -1 if g["lw"].lower() == "last" else 1
        days = {"week": 7, "month": 30, "year": 365}[g["lu"].lower()]
        return published + dt.timedelta(days=sign * days)
    return None


#: Every word a date expression needs one of (besides digits), as a token: a sentence without
#: any has no date and needs no regex.
DATE_WORDS: frozenset[str] = frozenset(
    [*_DAYS, *_MONTHS, "january", "february", "march", "april", "june", "july", "august",
     "september", "october", "november", "december", "yesterday", "today", "tonight", "night",
     "day", "week", "weeks", "month", "months", "year", "days", "ago"]
)  # fmt: skip


def may_hold_date(words: list[str], text: str) -> bool:
    """Whether a sentence (its text and lower-cased tokens) can hold a date expression: a
    number or a date word."""
    return not DATE_WORDS.isdisjoint(words) or _DIGIT.search(text) is not None


_DIGIT = re.compile(r"\d")


def _matches(text: str) -> list[re.Match[str]]:
    low = text.lower()
    return list((_DATE_LOW if len(low) == len(text) else _DATE_RE).finditer(low))


def find_date(text: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The first resolvable date expression in ``text`` and its wording; (None, None) if none."""
    for m in _matches(text):
        day = _resolve(m, published)
        if day is not None:
            return day, text[m.start() : m.end()]
    return None, None


#: (offset, day read backwards, wording, day read forwards) of one date expression.
Found = tuple[int, dt.date, str, dt.date]


def find_dates(text: str, published: dt.date | None) -> list[Found]:
    """Every resolvable date expression in ``text``: (offset, day, wording, forward day)."""
    out: list[Found] = []
    for m in _matches(text):
        day = _resolve(m, published)
        if day is not None:
            ahead = _resolve(m, published, forward=True) or day
            out.append((m.start(), day, text[m.start() : m.end()], ahead))
    return out


def pick_date(
    found: list[Found],
    published: dt.date | None,
    at: int = 0,
    clause_start: int = 0,
    future: bool = False,
) -> tuple[dt.date | None, str | None]:
    """The date of an event whose trigger is at offset ``at``: the expression nearest to it in
    its own clause ("NATO said on Sept. 30 that Russia massed troops last week" → last week),
    else the nearest in the sentence, else the publication date ("published"). A ``future``
    event reads a date without a year forwards."""
    if found:
        own = [f for f in found if f[0] >= clause_start] or found
        _pos, day, text, ahead = min(own, key=lambda f: abs(f[0] - at))
        return (ahead if future else day), text
    if published is not None:
        return published, "published"
    return None, None


def event_date(sentence: str, published: dt.date | None) -> tuple[dt.date | None, str | None]:
    """The sentence's own (first) date, else the publication date (``date_text`` "published")."""
    return pick_date(find_dates(sentence, published)[:1], published)
