"""Wires the stages for one article: Record → clean → annotate → extract → link → Document.

The per-article pipeline is a pure function of the record (and, later, the knowledge base), so it
runs the same on one core, in worker processes or on a Dask cluster. Linking (mentions and quote
speakers → knowledge-base or local actors) runs last, over what annotate and extract found.
Storage is not a stage here: callers hand the Documents to a store.
"""

from __future__ import annotations

from typing import Any

from newsgraph.annotate import annotate
from newsgraph.annotate.linking import link_document
from newsgraph.clean import clean_record
from newsgraph.extract.events import with_events
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import Document, Failure, Record


def process_record(record: Record) -> Document | Failure:
    """Run every stage on one record; a record that cannot be processed becomes a Failure."""
    if record.error is not None or record.text is None:
        return Failure(record.source, record.error or "no text")
    cleaned = clean_record(record)
    if isinstance(cleaned, Failure):
        return cleaned
    sentences, mentions = annotate(cleaned)
    quotes = extract_quotes(cleaned, sentences, mentions)
    doc = Document(article=cleaned, sentences=sentences, mentions=mentions, quotes=quotes)
    return with_events(link_document(doc))


def process(text: str, *, source: str = "<text>", **metadata: Any) -> Document:
    """Process one article's text; metadata keys are those of :class:`Record`
    (title, url, published, publisher, authors), anything else is kept as metadata.

    Raises ValueError when the text cannot be processed (empty, for instance).
    """
    known = {"title", "url", "published", "publisher"}
    fields = {k: v for k, v in metadata.items() if k in known}
    authors = metadata.get("authors") or ()
    if isinstance(authors, str):
        authors = (authors,)
    extra = {k: v for k, v in metadata.items() if k not in known and k != "authors"}
    record = Record(source=source, text=text, authors=tuple(authors), metadata=extra, **fields)
    result = process_record(record)
    if isinstance(result, Failure):
        raise ValueError(f"{result.source}: {result.error}")
    return result
