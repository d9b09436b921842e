"""Annotate: sentences and entity mentions, all as spans into the article's raw text."""

from __future__ import annotations

from newsgraph.annotate.entities import find_mentions
from newsgraph.annotate.sentences import split_sentences
from newsgraph.model import Article, Mention, Span


def annotate(article: Article) -> tuple[tuple[Span, ...], tuple[Mention, ...]]:
    sentences = split_sentences(article)
    return sentences, find_mentions(article, sentences)
