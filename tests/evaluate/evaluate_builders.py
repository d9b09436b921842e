"""Builders for hand-made predictions: Documents whose quotes/lines we choose, so the scores
are known in advance."""

from __future__ import annotations

import hashlib

from newsgraph.model import Article, Document, Line, LineRole, Quote, QuoteKind, Span


def article(text: str, roles: dict[str, LineRole] | None = None, **meta: object) -> Article:
    """An Article over ``text`` whose lines get ``roles[line]`` (BODY when not listed)."""
    roles = roles or {}
    lines = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        if stripped:
            start = pos + raw.index(stripped)
            role = roles.get(stripped, LineRole.BODY)
            lines.append(Line(Span(start, start + len(stripped)), role))
        pos += len(raw) + 1
    aid = hashlib.sha256(text.encode()).hexdigest()[:16]
    return Article(id=aid, text=text, source="test", lines=tuple(lines), **meta)  # type: ignore[arg-type]


def quote(
    text: str, words: str, kind: QuoteKind, speaker: str | None = None, nth: int = 0
) -> Quote:
    """A predicted quote over the ``nth`` occurrence of ``words`` in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return Quote(Span(start, start + len(words)), words, kind, speaker=speaker, evidence="test")


def document(text: str, quotes: list[Quote]) -> Document:
    return Document(article=article(text), quotes=tuple(sorted(quotes, key=lambda q: q.span)))
