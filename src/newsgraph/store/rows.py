"""Conversion between model values (Document, Quote, Mention ...) and table rows.

Kept apart from the SQL so the mapping can be read (and tested) in one place: a Document written
and read back compares equal to the original.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Mapping, Sequence
from functools import lru_cache
from typing import Any

from newsgraph.model import (
    Article,
    Document,
    EntityType,
    Line,
    LineRole,
    Mention,
    Quote,
    QuoteKind,
    Span,
)
from newsgraph.store.syndication import quote_group_key


def fts_key(article_id: str) -> int:
    """A stable positive 63-bit integer for an article id (the full-text row key)."""
    digest = hashlib.blake2b(article_id.encode("utf-8"), digest_size=8).digest()
    return int.from_bytes(digest, "big") >> 1


def as_date(value: Any) -> dt.date | None:
    """Dates as ``date``: a stage handing over a datetime or an ISO string still stores fine."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def _start(span: Span | None) -> int | None:
    return span.start if span is not None else None


def _end(span: Span | None) -> int | None:
    return span.end if span is not None else None


def _span(start: int | None, end: int | None) -> Span | None:
    return Span(start, end) if start is not None and end is not None else None


class RawJson(str):
    """JSON text encoded already: the store's JSON serializer passes it through as it is."""

    __slots__ = ()


@lru_cache(maxsize=4096)  # line roles and the cleaner's reasons: a few dozen distinct strings
def _json_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def lines_json(lines: Sequence[Line]) -> RawJson:
    """``[{start, end, role, reason}, ...]`` as the store's JSON encoder writes it (compact, not
    ASCII-escaped), built as text: a dict per line and a generic encoder walk cost twice as much
    for the biggest JSON value of an article."""
    q = _json_string
    return RawJson(
        "["
        + ",".join(
            [
                f'{{"start":{ln.span.start},"end":{ln.span.end},'
                f'"role":{q(str(ln.role))},"reason":{q(ln.reason)}}}'
                for ln in lines
            ]
        )
        + "]"
    )


def spans_json(spans: Sequence[Span]) -> RawJson:
    """``[[start, end], ...]`` as compact JSON text."""
    return RawJson("[" + ",".join([f"[{s.start},{s.end}]" for s in spans]) + "]")


def article_row(doc: Document, now: dt.datetime) -> dict[str, Any]:
    a = doc.article
    return {
        "id": a.id,
        "fts_key": fts_key(a.id),
        "source": a.source,
        "url": a.url,
        "title": a.title,
        "title_start": _start(a.title_span),
        "title_end": _end(a.title_span),
        "authors": list(a.authors),
        "publisher": a.publisher,
        "published": as_date(a.published),
        "published_from": a.published_from,
        "language": a.language,
        "text": a.text,
        "body": a.body_text,
        "lines": lines_json(a.lines),
        "sentences": spans_json(doc.sentences),
        "metadata": dict(a.metadata),
        "quote_count": len(doc.quotes),
        "ingested_at": now,
        "updated_at": now,
    }


# Column order of the tuples below: quotes and mentions are the bulk of every write, and tuples
# in the INSERT's own order go to the driver without a per-row dict.
QUOTE_FIELDS = (
    "article_id",
    "start",
    "end",
    "text",
    "kind",
    "cue_start",
    "cue_end",
    "speaker_start",
    "speaker_end",
    "speaker_text",
    "speaker",
    "speaker_actor_id",
    "confidence",
    "evidence",
    "published",
    "group_key",
)
MENTION_FIELDS = ("article_id", "start", "end", "text", "type", "actor_id", "link", "canonical")

_AS_IS = object()


def quote_rows(
    doc: Document, published: Any = _AS_IS, story_id: str | None = None
) -> list[tuple[Any, ...]]:
    """One tuple per quote in :data:`QUOTE_FIELDS` order. ``published`` overrides the stored
    date value (the store passes it already converted for its database, once per article);
    ``story_id`` scopes the group of quotations without a speaker."""
    aid = doc.article.id
    if published is _AS_IS:
        published = as_date(doc.article.published)
    scope = story_id or aid
    out = []
    for q in doc.quotes:  # spans inline: four helper calls a row cost as much as the tuple
        cue, who = q.cue, q.speaker_span
        out.append(
            (
                aid,
                q.span.start,
                q.span.end,
                q.text,
                str(q.kind),
                None if cue is None else cue.start,
                None if cue is None else cue.end,
                None if who is None else who.start,
                None if who is None else who.end,
                q.speaker_text,
                q.speaker,
                q.speaker_actor_id,
                float(q.confidence),
                q.evidence,
                published,
                quote_group_key(q, scope),
            )
        )
    return out


def mention_rows(doc: Document) -> list[tuple[Any, ...]]:
    """One tuple per mention in :data:`MENTION_FIELDS` order."""
    aid = doc.article.id
    return [
        (aid, m.span.start, m.span.end, m.text, str(m.type), m.actor_id, m.link, m.canonical)
        for m in doc.mentions
    ]


def quote_from_row(r: Mapping[str, Any]) -> Quote:
    return Quote(
        span=Span(r["start"], r["end"]),
        text=r["text"],
        kind=QuoteKind(r["kind"]),
        cue=_span(r["cue_start"], r["cue_end"]),
        speaker_span=_span(r["speaker_start"], r["speaker_end"]),
        speaker_text=r["speaker_text"],
        speaker=r["speaker"],
        speaker_actor_id=r["speaker_actor_id"],
        confidence=r["confidence"],
        evidence=r["evidence"] or "",
    )


def mention_from_row(r: Mapping[str, Any]) -> Mention:
    return Mention(
        span=Span(r["start"], r["end"]),
        text=r["text"],
        type=EntityType(r["type"]),
        actor_id=r["actor_id"],
        link=r["link"],
        canonical=r["canonical"],
    )


def document_from_rows(
    a: Mapping[str, Any], quotes: list[Mapping[str, Any]], mentions: list[Mapping[str, Any]]
) -> Document:
    article = Article(
        id=a["id"],
        text=a["text"],
        source=a["source"],
        title=a["title"],
        title_span=_span(a["title_start"], a["title_end"]),
        authors=tuple(a["authors"] or ()),
        publisher=a["publisher"],
        published=a["published"],
        published_from=a["published_from"],
        url=a["url"],
        language=a["language"] or "en",
        lines=tuple(
            Line(Span(ln["start"], ln["end"]), LineRole(ln["role"]), ln.get("reason", ""))
            for ln in a["lines"] or ()
        ),
        metadata=dict(a["metadata"] or {}),
    )
    return Document(
        article=article,
        sentences=tuple(Span(s, e) for s, e in a["sentences"] or ()),
        mentions=tuple(mention_from_row(m) for m in mentions),
        quotes=tuple(quote_from_row(q) for q in quotes),
    )
