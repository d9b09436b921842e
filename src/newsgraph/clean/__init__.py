"""Clean: boilerplate removal and metadata (title, byline, publisher, dateline, date).

Contract: ``clean_record(record) -> Article | Failure``. Every non-blank line of the raw text gets a
LineRole; metadata from the record (JSONL fields, HTML metadata) wins over text heuristics.
"""

from __future__ import annotations

import hashlib
import re

from newsgraph.model import Article, Failure, Line, LineRole, Record, Span

# TEMPORARY placeholder: first line is the title, every other line is body. Replaced by clean/.


def clean_record(record: Record) -> Article | Failure:
    text = record.text or ""
    if not text.strip():
        return Failure(record.source, "empty")
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        a, b = m.start(), m.end()
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            role = LineRole.TITLE if not lines else LineRole.BODY
            lines.append(Line(Span(a, b), role))
    body = " ".join(text[ln.span.start : ln.span.end] for ln in lines[1:])
    aid = hashlib.sha256(" ".join(body.split()).encode()).hexdigest()[:16]
    return Article(
        id=aid,
        text=text,
        source=record.source,
        title=record.title or text[lines[0].span.start : lines[0].span.end],
        title_span=lines[0].span,
        lines=tuple(lines),
        url=record.url,
    )
