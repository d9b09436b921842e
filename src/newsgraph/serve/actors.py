"""``/api/actors``: the knowledge base's people, organisations and states, with how often the
stored quotations attribute words to them.

The knowledge base is loaded on first use (about half a second) and kept by the process.
"""

from __future__ import annotations

from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import APIRouter, HTTPException, Query, Request

from newsgraph.model import Actor
from newsgraph.serve import queries
from newsgraph.serve.params import DEFAULT_LIMIT, MAX_LIMIT, QuoteFilter
from newsgraph.store import Store
from newsgraph.store.schema import quotes

router = APIRouter(prefix="/api/actors", tags=["actors"])
LimitParam = Annotated[int, Query(ge=1, le=MAX_LIMIT)]


def _kb(request: Request) -> Any:
    kb = getattr(request.app.state, "kb", None)
    if kb is None:
        from newsgraph.kb import default_kb

        kb = request.app.state.kb = default_kb()
    return kb


def actor_json(actor: Actor, quote_count: int) -> dict[str, Any]:
    return {
        "id": actor.id,
        "name": actor.name,
        "kind": actor.kind,
        "country": actor.country,
        "sector": actor.sector,
        "aliases": list(actor.aliases),
        "roles": [
            {
                "title": r.title,
                "role_key": r.role_key,
                "start": r.start_text or (r.start.isoformat() if r.start else None),
                "end": r.end_text or (r.end.isoformat() if r.end else None),
            }
            for r in actor.roles
        ],
        "quotes": quote_count,
    }


def _quote_counts(store: Store, ids: list[str] | None, limit: int) -> list[tuple[str, int]]:
    """(actor id, quotations) for the given ids, or the most quoted actors when ids is None."""
    n = sa.func.count().label("n")
    stmt = (
        sa.select(quotes.c.speaker_actor_id, n)
        .where(quotes.c.speaker_actor_id.is_not(None))
        .group_by(quotes.c.speaker_actor_id)
    )
    if ids is not None:
        stmt = stmt.where(quotes.c.speaker_actor_id.in_(ids))
    else:
        stmt = stmt.order_by(n.desc(), quotes.c.speaker_actor_id).limit(limit)
    with store.engine.connect() as conn:
        return [(aid, count) for aid, count in conn.execute(stmt)]


@router.get("", summary="Actors: search the knowledge base, or the most quoted")
def list_actors(
    request: Request,
    q: Annotated[str | None, Query(description="a name, alias or role phrase")] = None,
    limit: LimitParam = DEFAULT_LIMIT,
) -> Any:
    """With ``q``: knowledge-base matches (names, aliases, holders of a named role), best first.
    Without: the actors the stored quotations attribute most words to."""
    kb = _kb(request)
    store: Store = request.app.state.store
    if q and q.strip():
        found = kb.search(q.strip(), limit=limit)
        counts = dict(_quote_counts(store, [a.id for a in found], limit))
        items = [actor_json(a, counts.get(a.id, 0)) for a in found]
    else:
        items = []
        for aid, count in _quote_counts(store, None, limit):
            actor = kb.get(aid)
            if actor is not None:
                items.append(actor_json(actor, count))
    return {"items": items}


@router.get("/{actor_id}", summary="One actor with their latest quotations")
def get_actor(request: Request, actor_id: str, limit: LimitParam = 20) -> Any:
    actor = _kb(request).get(actor_id)
    if actor is None:
        raise HTTPException(404, f"no actor with id {actor_id!r}")
    store: Store = request.app.state.store
    page = queries.quote_page(store, QuoteFilter(actor=actor_id), limit=limit)
    out = actor_json(actor, page.total)
    out["latest"] = [queries.public(i) for i in page.items]
    return out
