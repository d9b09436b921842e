"""Sentence splitting over the article's content lines (TEMPORARY placeholder: one per line)."""

from __future__ import annotations

from newsgraph.model import Article, LineRole, Span


def split_sentences(article: Article) -> tuple[Span, ...]:
    roles = (LineRole.TITLE, LineRole.DEK, LineRole.HEADING, LineRole.BODY)
    return tuple(ln.span for ln in article.lines if ln.role in roles)
