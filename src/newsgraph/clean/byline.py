"""Bylines: "By Jane Doe", "By Jane Doe and John Roe", "ByJane Doe" (glued by the scraper),
"By Jane Doe, Reuters", "By Jane Doe | March 3, 2023", "Reporting by Jane Doe; Editing by ...",
"By Jane Doe, Chief Political Correspondent", "By Jane Doe, Abuja", "Posted on 3 March 2023 by
Jane Doe"."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsgraph.clean.dates import date_line, find_date
from newsgraph.clean.names import (
    OUTLET_WORDS,
    is_job_title,
    is_place,
    is_role_only,
    looks_like_outlet,
    looks_like_person,
    starts_with_first_name,
)

_BY = re.compile(
    r"^[\W_]*(?:(?:(?:written|reported|story|words|text|reporting|posted)\s+)?"
    r"(?:by(?:\s*:\s*|\s+)|(?-i:By)(?=(?-i:[A-Z][a-z])))"
    r"|(?:authors?|reporter|writer|words)\s*:\s*)(?P<rest>.+)$",
    re.IGNORECASE,
)
_SPLIT = re.compile(r"\s*(?:,|;|\band\b|&|\bwith\b)\s*")
_CUT = re.compile(r"\s*(?:\||•|·|—|–| - |\bon\b|\bupdated\b|\bpublished\b|\(|\bfor\b).*$", re.I)
_EDITING = re.compile(r";?\s*(?:additional reporting|editing|edited|writing|compiled)\b.*$", re.I)
MAX_BYLINE_WORDS = 16
MAX_BYLINE_CHARS = 200
_AFTER_NAMES = re.compile(r"\s*(?:\||•|·|—|–| - ).*$")  # "Jane Doe | Reuters"
_IN_PLACE = re.compile(r"\s+(?:in|from|at)\s+[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2}$")
# "Posted on 3 March 2023 by Jane Doe", "March 3, 2023 by Jane Doe": a date, then the byline.
_DATED_BY = re.compile(
    r"^[\W_]*(?:(?:posted|published|written|updated)(?:\s+on)?\s+)?(?P<date>.{6,45}?)"
    r"\s+by\s+(?P<rest>\S.*)$",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")
_FOR = re.compile(r"^for\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Byline:
    authors: tuple[str, ...]
    affiliation: str | None  # "Reuters" in "By Jane Doe, Reuters"
    date: dt.date | None  # a date written in the byline, if any


def parse_byline(line: str, *, day_first: bool = False) -> Byline | None:
    """The authors named by a byline line, or None when the line is not a byline.
    ``day_first``: how to read an ambiguous numeric date in it (see dates.day_first_text)."""
    if len(line) > MAX_BYLINE_CHARS:
        return None
    m = _BY.match(line)  # rejects almost every line: before the word count
    if m is None:
        if (" by " in line or " By " in line) and _DIGIT.search(line):
            return _dated_byline(line, day_first)
        return None
    if len(line.split()) > MAX_BYLINE_WORDS:
        return None
    rest = m.group("rest").strip()
    if not rest or not rest[0].isupper():
        return None
    found = find_date(rest, day_first=day_first)
    day = found[0] if found else None
    if found:
        rest = (rest[: found[2][0]] + " " + rest[found[2][1] :]).strip()
    rest = _EDITING.sub("", rest)
    extra = None
    cut = _CUT.search(rest)
    if cut and cut.start() > 0:
        extra = _FOR.sub("", rest[cut.start() :].strip(" |•·—–-("))  # "... for Reuters"
        rest = rest[: cut.start()]
    parts = [p.strip(" .") for p in _SPLIT.split(rest) if p.strip(" .")]
    authors: list[str] = []
    affiliation = None
    for i, part in enumerate(parts):
        if i > 0 and part[:4].lower() == "the ":  # "By Jane Doe, the Daily Ledger"
            part = "The " + part[4:]
        if i > 0 and (is_job_title(part) or is_place(part)):
            continue  # "..., Chief Football Writer", "..., Abuja": not an author or outlet
        person, outlet = _name_then_outlet(part)
        if person:
            authors.append(person.title() if person.isupper() else person)
            affiliation = affiliation or outlet
        elif is_role_only(part):
            continue
        elif i == len(parts) - 1 and i > 0 and looks_like_outlet(part):
            affiliation = part
        elif i == 0 and len(parts) == 1 and looks_like_outlet(part):
            affiliation = part  # "By AFP", "By Reuters Staff" (no person named)
        else:
            return None
    if affiliation is None and extra and looks_like_outlet(extra):
        affiliation = extra if _outletish(extra) else None
    if not authors and affiliation is None and not any(is_role_only(p) for p in parts):
        return None
    return Byline(tuple(authors), affiliation, day)


def _dated_byline(line: str, day_first: bool) -> Byline | None:
    """ "Posted on 3 March 2023 by Jane Doe": the byline after the date, with that date."""
    m = _DATED_BY.match(line)
    if m is None:
        return None
    found = date_line(m.group("date"), day_first=day_first)  # all of it a date (and time)
    if found is None:
        return None
    byline = parse_byline("By " + m.group("rest"), day_first=day_first)
    if byline is None or (not byline.authors and byline.affiliation is None):
        return None
    return Byline(byline.authors, byline.affiliation, found[0])


def _name_then_outlet(part: str) -> tuple[str | None, str | None]:
    """ "Jane Doe" → (name, None); "JANE DOE Associated Press" → (name, outlet) for bylines that
    run the outlet on without a comma."""
    if looks_like_person(part, allow_caps=True):
        return part, None
    toks = part.split()
    for k in (2, 3):
        head, tail = " ".join(toks[:k]), " ".join(toks[k:])
        if tail and _outletish(tail) and looks_like_person(head, allow_caps=True):
            return head, tail
    return None, None


def bare_byline(line: str) -> tuple[str, ...]:
    """Authors of a byline without "By" under a title: "Jane Doe", "Jane Doe in Kyiv",
    "Jane Doe and John Roe in Brussels". Names must start with a known given name."""
    if len(line) > 80 or line.rstrip()[-1:] in ".!?:;,":
        return ()
    names_part = _AFTER_NAMES.sub("", _IN_PLACE.sub("", line))
    parts = [p.strip() for p in _SPLIT.split(names_part) if p.strip()]
    if not parts or not all(looks_like_person(p) and starts_with_first_name(p) for p in parts):
        return ()
    return tuple(parts)


def _outletish(text: str) -> bool:
    return any(w.lower() in OUTLET_WORDS for w in text.split()) or len(text.split()) == 1
