"""Wires the stages for one article: Record → clean → annotate → extract → link → Document.

The per-article pipeline is a pure function of the record (and, later, the knowledge base), so it
runs the same on one core, in worker processes or on a Dask cluster. Linking (mentions and quote
speakers → knowledge-base or local actors) runs last, over what annotate and extract found.
Storage is not a stage here: callers hand the Documents to a store.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any

from newsgraph.annotate.entities import find_mentions
from newsgraph.annotate.linking import link_document
from newsgraph.annotate.sentences import split_sentences
from newsgraph.clean import clean_record
from newsgraph.extract.events import with_events
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import Document, Failure, Record


@dataclass(frozen=True, slots=True)
class Stages:
    """Which optional stages run. Cleaning, sentences and quotations always do.

    Linking needs entity mentions and events need linked actors, so turning a stage off turns
    off the stages that depend on it.
    """

    entities: bool = True
    linking: bool = True
    events: bool = True

    def __post_init__(self) -> None:
        if not self.entities:
            object.__setattr__(self, "linking", False)
        if not self.linking:
            object.__setattr__(self, "events", False)


#: Named stage sets for the CLI and the benchmark: ``quotes`` is the core (quotations and
#: speakers as written), ``actors`` adds entities and knowledge-base linking, ``full`` adds events.
PROFILES: dict[str, Stages] = {
    "quotes": Stages(entities=False),
    "actors": Stages(events=False),
    "full": Stages(),
}
ALL_STAGES = PROFILES["full"]


def process_record(record: Record, stages: Stages = ALL_STAGES) -> Document | Failure:
    """Run the stages on one record; a record that cannot be processed becomes a Failure."""
    if record.error is not None or record.text is None:
        return Failure(record.source, record.error or "no text")
    cleaned = clean_record(record)
    if isinstance(cleaned, Failure):
        return cleaned
    sentences = split_sentences(cleaned)
    mentions = find_mentions(cleaned, sentences) if stages.entities else ()
    quotes = extract_quotes(cleaned, sentences, mentions)
    doc = Document(article=cleaned, sentences=sentences, mentions=mentions, quotes=quotes)
    if stages.linking:
        doc = link_document(doc)
    if stages.events:
        doc = with_events(doc)
    return doc


def processor(profile: str | Stages = "full") -> Callable[[Record], Document | Failure]:
    """A picklable one-argument ``process_record`` for a stage profile (for batch and workers)."""
    stages = PROFILES[profile] if isinstance(profile, str) else profile
    return process_record if stages == ALL_STAGES else partial(process_record, stages=stages)


def process(
    text: str, *, source: str = "<text>", stages: Stages = ALL_STAGES, **metadata: Any
) -> Document:
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
    result = process_record(record, stages)
    if isinstance(result, Failure):
        raise ValueError(f"{result.source}: {result.error}")
    return result
