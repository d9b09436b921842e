"""Events: who did what to whom, coded in PLOVER (16 event types, their modes, contexts).

    events = extract_events(article, sentences, mentions, quotes)   # tuple[Event, ...]
    doc = with_events(doc)                                          # Document with .events

Rules, not models: trigger lexicons (:mod:`.lexicon`), a light clause parse and actor chunks
(:mod:`.extractor`, :mod:`.actors`), dates resolved against publication (:mod:`.dates`).
"""

from __future__ import annotations

import dataclasses
from functools import lru_cache

from newsgraph.extract.events.extractor import EventExtractor
from newsgraph.extract.events.lexicon import EVENT_TYPES
from newsgraph.kb import default_kb
from newsgraph.model import Article, Document, Event, Mention, Quote, Span


@lru_cache(maxsize=1)
def default_extractor() -> EventExtractor:
    """One extractor per process over the bundled knowledge base (read-only, shareable)."""
    return EventExtractor(default_kb())


def extract_events(
    article: Article,
    sentences: tuple[Span, ...],
    mentions: tuple[Mention, ...],
    quotes: tuple[Quote, ...] = (),
) -> tuple[Event, ...]:
    """The PLOVER events stated in an article's sentences."""
    return default_extractor().extract(article, sentences, mentions, quotes)


def with_events(doc: Document) -> Document:
    """``doc`` with its events filled in (the pipeline's events stage)."""
    events = extract_events(doc.article, doc.sentences, doc.mentions, doc.quotes)
    return dataclasses.replace(doc, events=events)


__all__ = ["EVENT_TYPES", "EventExtractor", "default_extractor", "extract_events", "with_events"]
