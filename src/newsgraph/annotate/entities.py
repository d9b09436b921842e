"""Entity mentions: persons, organisations, places and other names, as spans into the raw text.

The work is done by :mod:`newsgraph.annotate.ner`; this module keeps the stage's entry point.
"""

from __future__ import annotations

from newsgraph.annotate.ner import EntityRecognizer, default_recognizer
from newsgraph.model import Article, Mention, Span


def find_mentions(article: Article, sentences: tuple[Span, ...]) -> tuple[Mention, ...]:
    """Named mentions in the article's sentences (PERSON mentions carry the fullest name)."""
    return default_recognizer().recognize(article.text, sentences)


__all__ = ["EntityRecognizer", "find_mentions"]
