"""Actors as a database sees them: who appears, how often, with whom — counts from the store's
tables (``quotes.speaker_actor_id``, ``mentions.actor_id``) joined with the knowledge base.

Library code for the ``actors``/``actor`` commands, the exporter and anything else that lists
actors; local actors (``local:<slug>``) carry the name the articles give them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from newsgraph.annotate.linking import LOCAL_PREFIX, local_actor_id, resolve_speaker_filter
from newsgraph.kb import KnowledgeBase
from newsgraph.kb.normalize import fold
from newsgraph.store.schema import articles, mentions, quotes

CO_MENTIONED = 10


@dataclass(frozen=True, slots=True)
class ActorRow:
    """One actor seen in the database, with how often."""

    id: str
    name: str
    kind: str
    country: str | None
    quotes: int
    mentions: int
    articles: int
    in_kb: bool

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


ACTOR_COLUMNS = ("id", "name", "kind", "country", "quotes", "mentions", "articles", "in_kb")


# ------------------------------------------------------------------ queries


def actor_rows(
    engine: Engine, kb: KnowledgeBase, ids: Sequence[str] | None = None
) -> list[ActorRow]:
    """Every actor with quotes or mentions (or only ``ids``), most quoted first."""
    q_stmt = (
        sa.select(quotes.c.speaker_actor_id, sa.func.count(), sa.func.max(quotes.c.speaker))
        .where(quotes.c.speaker_actor_id.is_not(None))
        .group_by(quotes.c.speaker_actor_id)
    )
    m_stmt = (
        sa.select(
            mentions.c.actor_id,
            sa.func.count(),
            sa.func.count(sa.distinct(mentions.c.article_id)),
            sa.func.max(mentions.c.canonical),
        )
        .where(mentions.c.actor_id.is_not(None))
        .group_by(mentions.c.actor_id)
    )
    if ids is not None:
        q_stmt = q_stmt.where(quotes.c.speaker_actor_id.in_(list(ids)))
        m_stmt = m_stmt.where(mentions.c.actor_id.in_(list(ids)))
    said: dict[str, tuple[int, str | None]] = {}
    seen: dict[str, tuple[int, int, str | None]] = {}
    with engine.connect() as conn:
        for aid, n, name in conn.execute(q_stmt):
            said[aid] = (n, name)
        for aid, n, n_articles, name in conn.execute(m_stmt):
            seen[aid] = (n, n_articles, name)
    rows = []
    for aid in said.keys() | seen.keys():
        actor = kb.get(aid)
        n_quotes, quote_name = said.get(aid, (0, None))
        n_mentions, n_articles, mention_name = seen.get(aid, (0, 0, None))
        rows.append(
            ActorRow(
                id=aid,
                name=actor.name if actor else (mention_name or quote_name or aid),
                kind=actor.kind if actor else ("person" if aid.startswith(LOCAL_PREFIX) else ""),
                country=actor.country if actor else None,
                quotes=n_quotes,
                mentions=n_mentions,
                articles=n_articles,
                in_kb=actor is not None,
            )
        )
    rows.sort(key=lambda r: (-r.quotes, -r.mentions, r.name.casefold()))
    return rows


def matching(rows: Sequence[ActorRow], text: str, kb: KnowledgeBase) -> list[ActorRow]:
    """Rows the search text means: the KB's reading of it (name, alias, role phrase) or every
    word of it in the actor's name or id."""
    wanted = set(resolve_speaker_filter(text, kb))
    words = fold(text).split()
    return [r for r in rows if r.id in wanted or all(w in fold(r.name) or w in r.id for w in words)]


def resolve_actor(engine: Engine, kb: KnowledgeBase, name: str) -> tuple[str | None, list[str]]:
    """The actor id a user means by NAME, and the other candidates: KB names, aliases and role
    phrases ("Kremlin spokesman") first, preferring those the database has; then local actors."""
    candidates = resolve_speaker_filter(name, kb)
    rows = {r.id: r for r in actor_rows(engine, kb, candidates)} if candidates else {}
    in_db = sorted((c for c in candidates if c in rows), key=lambda c: -rows[c].quotes)
    kb_ids = [c for c in candidates if c in kb]
    if in_db:
        best = in_db[0]
    elif kb_ids:
        best = kb_ids[0]
    else:
        local = local_actor_id(name)
        best = local if _exists(engine, local) else _local_by_words(engine, name)
    others = [c for c in candidates if c != best and (c in rows or c in kb)]
    return best, others


def _exists(engine: Engine, actor_id: str) -> bool:
    with engine.connect() as conn:
        found = conn.execute(
            sa.select(mentions.c.id).where(mentions.c.actor_id == actor_id).limit(1)
        ).first()
        if found is None:
            found = conn.execute(
                sa.select(quotes.c.id).where(quotes.c.speaker_actor_id == actor_id).limit(1)
            ).first()
    return found is not None


def _local_by_words(engine: Engine, name: str) -> str | None:
    """A local actor whose id has every word of the name ("kovalenko" → local:maria-kovalenko)."""
    words = local_actor_id(name)[len(LOCAL_PREFIX) :].split("-")
    if not words or not words[0]:
        return None
    stmt = sa.select(mentions.c.actor_id, sa.func.count()).where(
        mentions.c.actor_id.startswith(LOCAL_PREFIX, autoescape=True)
    )
    for w in words:
        stmt = stmt.where(mentions.c.actor_id.contains(w, autoescape=True))
    stmt = stmt.group_by(mentions.c.actor_id).order_by(sa.func.count().desc()).limit(1)
    with engine.connect() as conn:
        row = conn.execute(stmt).first()
    return row[0] if row else None


def actor_quotes(engine: Engine, actor_id: str, limit: int | None) -> list[dict[str, Any]]:
    """The actor's quotations, oldest first (undated last), with their article."""
    stmt = (
        sa.select(
            quotes.c.published,
            quotes.c.kind,
            quotes.c.text,
            quotes.c.speaker_text,
            quotes.c.article_id,
            quotes.c.start,
            articles.c.title,
            articles.c.source,
        )
        .join(articles, articles.c.id == quotes.c.article_id)
        .where(quotes.c.speaker_actor_id == actor_id)
        .order_by(
            quotes.c.published.is_(None), quotes.c.published, quotes.c.article_id, quotes.c.start
        )
        .limit(limit)
    )
    with engine.connect() as conn:
        return [r._asdict() for r in conn.execute(stmt)]


def co_mentioned(engine: Engine, actor_id: str, limit: int = CO_MENTIONED) -> list[tuple[str, int]]:
    """Other actors in the articles that mention or quote this one, by number of shared articles."""
    mine = sa.union(
        sa.select(mentions.c.article_id).where(mentions.c.actor_id == actor_id),
        sa.select(quotes.c.article_id).where(quotes.c.speaker_actor_id == actor_id),
    ).subquery()
    shared = sa.func.count(sa.distinct(mentions.c.article_id))
    stmt = (
        sa.select(mentions.c.actor_id, shared)
        .where(mentions.c.article_id.in_(sa.select(mine.c.article_id)))
        .where(mentions.c.actor_id.is_not(None), mentions.c.actor_id != actor_id)
        .group_by(mentions.c.actor_id)
        .order_by(shared.desc(), mentions.c.actor_id)
        .limit(limit)
    )
    with engine.connect() as conn:
        return [(aid, n) for aid, n in conn.execute(stmt)]


def actor_name(kb: KnowledgeBase, engine: Engine, actor_id: str) -> str:
    """The KB name of an actor, else the fullest name the articles give it, else its id."""
    actor = kb.get(actor_id)
    if actor is not None:
        return actor.name
    with engine.connect() as conn:
        found = conn.execute(
            sa.select(sa.func.max(mentions.c.canonical)).where(mentions.c.actor_id == actor_id)
        ).scalar()
    return found or actor_id
