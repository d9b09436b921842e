"""Quotations and their speakers.

Contract: ``extract_quotes(article, sentences, mentions) -> tuple[Quote, ...]`` sorted by span.
"""

from __future__ import annotations

from newsgraph.model import Article, Mention, Quote, Span

# TEMPORARY placeholder: finds nothing. Replaced by the quote extractor.


def extract_quotes(
    article: Article, sentences: tuple[Span, ...], mentions: tuple[Mention, ...]
) -> tuple[Quote, ...]:
    return ()
