"""Publisher signals in the text: "Source: X", "originally from www.x.com", "(Reuters) -",
"Read in X’s report". A cited source ("..., writes TASS") is not the publisher and is ignored."""

from __future__ import annotations

import re

from newsgraph.clean.names import looks_like_outlet
from newsgraph.clean.textnorm import wordset

_SOURCE = re.compile(
    r"^[\W_]*(?:source|sources|via|courtesy(?: of)?|published by|from)\s*:\s*(?P<name>.{2,60}?)"
    r"[\s.]*$",
    re.IGNORECASE,
)
_DOMAIN = re.compile(
    r"originally (?:from|published (?:on|in|at|by)|appeared (?:on|in|at)|posted (?:on|at))\s+"
    r"(?:https?://)?(?:www\.)?(?P<dom>[a-z0-9-]+(?:\.[a-z0-9-]+)*\.[a-z]{2,})",
    re.IGNORECASE,
)
_ORIGINALLY_NAMED = re.compile(
    r"originally (?:published|appeared) (?:on|in|at|by)\s+"
    r"(?P<name>(?:the\s+)?[A-Z][\w&'’\-]*(?:\s+[A-Z][\w&'’\-]*){0,4})"
)
_DATELINE = re.compile(
    r"^(?:[A-Z][A-Z.'’\- ]{1,40}(?:,\s*[A-Z][\w.'’\- ]{1,30}){0,2}\s*)?"
    r"\((?P<agency>[A-Z][\w&.'’\- ]{0,30})\)\s*[-–—:]\s*\S"
)
_READ_IN = re.compile(
    r"\b[Rr]ead (?:more )?(?:in|on|at) (?P<name>(?:the )?[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,4})"
    r"[’']s\s+(?:report|article|story|piece|coverage|interview|analysis|material)",
)
_READ_IN_TAIL = re.compile(r"ead (?:more )?(?:in|on|at) ")
_SLD_SHORT = wordset("co com net org gov ac edu")
_COPYRIGHT = re.compile(
    r"(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?[\s,]*"
    r"(?P<name>[A-Z][\w&'’.\-]*(?:\s+(?:[A-Z][\w&'’.\-]*|of|and|&|the)){0,5}?)"
    r"(?:\s*\([A-Z]\))?(?:\s*(?:pvt|private)\.?)?(?:\s+(?:inc|ltd|llc|plc|gmbh|corp|limited)\b)?"
    r"\s*(?:[.,;|]|all rights reserved|$)",
    re.IGNORECASE,
)
MAX_SOURCE_CHARS = 80
MIN_RECASED_CHARS = 5  # "AP", "AFP", "PTI" are written in capitals anyway
_LEGAL_SUFFIX = re.compile(r"\s+(?:inc|ltd|llc|plc|gmbh|corp|co|limited)\.?$", re.IGNORECASE)


def source_line(line: str) -> str | None:
    """The outlet named by a "Source: X" line (not "Main photo source: ...")."""
    if len(line) > MAX_SOURCE_CHARS:
        return None
    m = _SOURCE.match(line)
    if m is None:
        return None
    name = m.group("name").strip()
    if "." in name and " " not in name:  # "Source: www.example.com"
        return domain_name(name)
    return name if looks_like_outlet(name) or len(name.split()) <= 5 else None


def registered_name(domain: str) -> str:
    """ "www.news.example.co.uk" → "example": the label bought from the registry."""
    labels = [x for x in domain.lower().split(".") if x and x != "www"]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SLD_SHORT:
        return labels[-3]
    return labels[-2] if len(labels) >= 2 else labels[0]


def domain_name(domain: str, text: str = "") -> str:
    """A readable name for a domain: as the text writes it ("Benzinga’s ..."), else title-cased."""
    label = registered_name(domain)
    if text:
        for m in re.finditer(rf"(?<![\w.])({re.escape(label)})(?![\w]|\.[a-z])", text, re.I):
            written = m.group(1)
            if not written.islower():
                return written
    return label.replace("-", " ").title() if label.islower() else label


def originally_from(text: str) -> str | None:
    """Publisher of a syndicated copy: "originally from www.x.com" / "originally published in X"."""
    if "riginally" not in text and "RIGINALLY" not in text:
        return None  # a plain substring test is ten times cheaper than the case-blind search
    m = _DOMAIN.search(text)
    if m:
        return domain_name(m.group("dom"), text)
    m = _ORIGINALLY_NAMED.search(text)
    return m.group("name") if m else None


def dateline_agency(line: str) -> str | None:
    """ "WASHINGTON (AP) —" / "(Reuters) -" at the start of the first paragraph."""
    m = _DATELINE.match(line)
    if m is None:
        return None
    agency = m.group("agency").strip()
    if not looks_like_outlet(agency):
        return None
    return agency  # as the text writes it ("AP", "Reuters")


def read_in_report(text: str) -> str | None:
    """ "Read in X’s report ..." — the outlet pointing readers to its own report."""
    # _READ_IN starts with a word boundary and a character class, which re scans for slowly;
    # its literal tail finds the few places worth trying (each tail match is where a match of
    # the whole pattern would have its second character, so the first one found is the same).
    for tail in _READ_IN_TAIL.finditer(text):
        at = tail.start() - 1
        if at >= 0 and text[at] in "Rr":
            m = _READ_IN.match(text, at)
            if m is not None:
                return m.group("name")
    return None


def as_written(name: str, text: str) -> str:
    """An all-caps name ("THEDAILYPOST.COM" in a capitalised byline) as the text writes it
    elsewhere ("TheDailyPost.com"); other names unchanged."""
    if not name.isupper() or len(name) < MIN_RECASED_CHARS:
        return name
    for m in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", text, re.IGNORECASE):
        written = m.group()
        if not written.isupper() and not written.islower():
            return written
    return name


def copyright_holder(line: str) -> str | None:
    """ "© 2023 Metro Tribune. All rights reserved." → "Metro Tribune" (the site's owner)."""
    m = _COPYRIGHT.search(line)
    if m is None:
        return None
    name = _LEGAL_SUFFIX.sub("", m.group("name").strip().rstrip("."))
    if not name[:1].isupper() or name.lower() in ("all", "all rights"):
        return None
    return name if looks_like_outlet(name) else None
