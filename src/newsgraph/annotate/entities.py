"""Entity mentions (TEMPORARY placeholder: finds none)."""

from __future__ import annotations

from newsgraph.model import Article, Mention, Span


def find_mentions(article: Article, sentences: tuple[Span, ...]) -> tuple[Mention, ...]:
    return ()
