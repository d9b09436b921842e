"""Documents survive the shard codec unchanged: every span, mention, quote and event."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.model import Document, Record
from newsgraph.pipeline import process_record
from newsgraph.scale.codec import dumps_document, loads_document


def test_seed_documents_round_trip(mixed_records: list[Record]) -> None:
    docs = [d for d in map(process_record, mixed_records) if isinstance(d, Document)]
    assert len(docs) >= 20
    assert any(d.quotes for d in docs) and any(d.mentions for d in docs)
    for doc in docs:
        text = dumps_document(doc)
        json.loads(text)  # plain JSON, readable by any tool
        assert loads_document(text) == doc


def test_metadata_and_dates_round_trip(make_story: Callable[[int], Record]) -> None:
    record = Record(
        "https://news.example/port",
        make_story(1).text,
        title="Port strike ends after pay deal",
        url="https://news.example/port",
        published="2024-03-05",
        authors=("Anna Weber", "Tom Reed"),
        metadata={"feed": "https://news.example/rss", "http_status": 200, "tags": ["port"]},
    )
    doc = process_record(record)
    assert isinstance(doc, Document)
    back = loads_document(dumps_document(doc))
    assert back == doc
    assert back.article.published == dt.date(2024, 3, 5)
    assert back.article.metadata["tags"] == ["port"]


WORDS = st.sampled_from(
    ["the", "minister", "said", "talks", "would", "resume", "Paris", "on", "Monday", "union"]
)


@settings(max_examples=15, deadline=None)
@given(
    st.lists(st.lists(WORDS, min_size=3, max_size=12).map(" ".join), min_size=1, max_size=5),
    st.sampled_from(['"', "“", "'"]),
)
def test_any_processed_text_round_trips(sentences: list[str], mark: str) -> None:
    body = "\n".join(f"{mark}{s.capitalize()},{mark} Anna Weber said." for s in sentences)
    doc = process_record(Record("gen.txt", "Headline here\n" + body + "\n"))
    if isinstance(doc, Document):
        assert loads_document(dumps_document(doc)) == doc
