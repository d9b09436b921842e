"""Corpus-level boilerplate: a line that recurs across many articles of one publisher is page
furniture ("Follow us on ...", a slogan, the site's tagline), whatever its shape.

A first pass collects :func:`repeated_lines`; the second passes the set to
``clean_record(record, known_boilerplate=...)``. Each article's cleaning stays a pure function.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from newsgraph.clean.textnorm import line_hash, split_lines

MAX_LINE_CHARS = 300  # long paragraphs recur only when the same article is scraped twice


def repeated_lines(texts: Iterable[str], *, min_articles: int = 5) -> frozenset[str]:
    """Hashes of lines found in at least ``min_articles`` different texts."""
    counts: Counter[str] = Counter()
    for text in texts:
        seen = {line_hash(text[a:b]) for a, b in split_lines(text) if b - a <= MAX_LINE_CHARS}
        counts.update(seen)
    return frozenset(h for h, n in counts.items() if n >= min_articles)
