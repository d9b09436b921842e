"""The quotation-listing statements, built once per *shape* of filter with bound parameters.

Building a SQLAlchemy select costs more CPU than SQLite needs to run it (about a millisecond
against a few tenths), and the listing is the API's hot path. A filter's shape (which filters
are set) picks a cached statement; the filter's values only travel as parameters. Full-text
conditions use :func:`newsgraph.store.fts.match_query`, so user text still reaches FTS5 only as
quoted literals, as in the store's own queries.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from newsgraph.serve.params import QuoteFilter
from newsgraph.store import fts
from newsgraph.store.dialects import SPEAKER_COLUMNS
from newsgraph.store.schema import articles, quotes

CONTEXT = 300  # characters fetched either side of a quotation to find its sentence
COUNT_CAP = 10_000  # totals are counted up to here; beyond, "10000+" (exact: false)


@dataclass(frozen=True, slots=True)
class Shape:
    """Which filters are present: the key of a cached statement."""

    speaker: str | None  # None, "exact" or "match"
    q: bool
    since: bool
    until: bool
    article: bool
    outlet: bool
    actor: bool = False

    @property
    def full_text(self) -> bool:
        return self.q or self.speaker == "match"

    @property
    def selective(self) -> bool:
        """Filters that pick few rows through their own index: sort the matches. Without
        them, walk the listing-order index instead and stop after one page."""
        return self.q or self.speaker is not None or self.article or self.actor


class NothingToMatch(Exception):
    """A search text with no searchable word in it: the answer is empty."""


def bind(f: QuoteFilter, *, exact_speaker: bool) -> tuple[Shape, dict[str, Any]]:
    """The shape of ``f`` and the parameter values for its statements."""
    params: dict[str, Any] = {}
    speaker = None
    if f.speaker:
        if exact_speaker:
            speaker, params["speaker"] = "exact", f.speaker
        else:
            expr = fts.match_query(f.speaker, prefix_all=True, columns=SPEAKER_COLUMNS)
            if expr is None:
                raise NothingToMatch
            speaker, params["speaker_match"] = "match", expr
    if f.q:
        expr = fts.match_query(f.q, columns=("text",))
        if expr is None:
            raise NothingToMatch
        params["q_match"] = expr
    if f.since:
        params["since"] = f.since
    if f.until:
        params["until"] = f.until
    if f.article:
        params["article_lo"] = f.article
        params["article_hi"] = f.article + "\U0010ffff"  # above any id with this prefix
    if f.outlet:
        params["outlet"] = f.outlet
    if f.actor:
        params["actor"] = f.actor
    shape = Shape(
        speaker,
        bool(f.q),
        bool(f.since),
        bool(f.until),
        bool(f.article),
        bool(f.outlet),
        bool(f.actor),
    )
    return shape, params


def _fts_ids(param: str) -> Any:
    stmt = sa.text(f"SELECT rowid FROM quotes_fts WHERE quotes_fts MATCH :{param}")
    return stmt.bindparams(sa.bindparam(param, type_=sa.Text)).columns(rowid=sa.Integer)


def _undated(flag: int) -> Any:
    """``(published IS NULL) = flag``: the first column of the store's listing-order index."""
    return quotes.c.published.is_(None) == sa.literal_column(str(flag))


# Parts of the listing. The store indexes quotes on (published IS NULL, published, article_id,
# start). "dated" pins the first column, so SQLite reads that index backwards for newest
# first and sorts only quotes of the same day; "undated" follows; "all" sorts every match
# (for selective filters, where the matches are few and found through another index).
PARTS = ("all", "dated", "undated")

def _from_where(shape: Shape, *, walk: bool = False) -> tuple[Any, list[Any]]:
    """FROM and WHERE for a shape. With ``walk``, the speaker and full-text conditions are
    written so no index can serve them (``id + 0``): SQLite then walks the listing-order index
    and tests each entry, which beats sorting when the matches are many."""
    conds: list[Any] = []
    qid = quotes.c.id + 0 if walk else quotes.c.id
    if shape.speaker == "exact":
        speaker = quotes.c.speaker + sa.literal_column("''") if walk else quotes.c.speaker
        conds.append(speaker == sa.bindparam("speaker", type_=sa.Text))
    elif shape.speaker == "match":
        conds.append(qid.in_(_fts_ids("speaker_match")))
    if shape.q:
        conds.append(qid.in_(_fts_ids("q_match")))
    if shape.actor:
        actor = quotes.c.speaker_actor_id
        conds.append((actor + sa.literal_column("''") if walk else actor) == sa.bindparam("actor"))
    if (shape.since or shape.until) and (walk or not shape.selective):
        conds.append(_undated(0))  # implied by any date bound; lets the order index serve it
    if shape.since:
        conds.append(quotes.c.published >= sa.bindparam("since", type_=sa.Date))
    if shape.until:
        conds.append(quotes.c.published <= sa.bindparam("until", type_=sa.Date))
    if shape.article:  # an id prefix as a range, so the article_id index serves it
        conds.append(quotes.c.article_id >= sa.bindparam("article_lo", type_=sa.Text))
        conds.append(quotes.c.article_id < sa.bindparam("article_hi", type_=sa.Text))
    src: Any = quotes
    if shape.outlet:
        src = quotes.join(articles, articles.c.id == quotes.c.article_id)
        conds.append(articles.c.publisher == sa.bindparam("outlet", type_=sa.Text))
    return src, conds


NEWEST_FIRST = (quotes.c.published.desc().nulls_last(), quotes.c.article_id, quotes.c.start)



def _ordered(stmt: Any, part: str) -> Any:
    if part == "dated":
        return stmt.where(_undated(0)).order_by(*NEWEST_FIRST)
    if part == "undated":
        return stmt.where(_undated(1)).order_by(
            quotes.c.article_id, quotes.c.start
        )
    return stmt.order_by(quotes.c.published.is_(None), *NEWEST_FIRST)


@functools.lru_cache(maxsize=256)
def ids_statement(
    shape: Shape, *, part: str, count_inline: bool, limited: bool, walk: bool = False
) -> Any:
    """Ids of one page of one part of the listing, newest first.

    With ``count_inline`` every row also carries the number of matches (a window count): a
    full-text filter makes SQLite collect and sort all matches anyway, so the total is free.
    """
    src, conds = _from_where(shape, walk=walk)
    cols: list[Any] = [quotes.c.id]
    if count_inline:
        cols.append(sa.func.count().over().label("n"))
    stmt = _ordered(sa.select(*cols).select_from(src).where(*conds), part)
    stmt = stmt.offset(sa.bindparam("offset", type_=sa.Integer))
    if limited:
        stmt = stmt.limit(sa.bindparam("limit", type_=sa.Integer))
    return stmt


@functools.lru_cache(maxsize=256)
def count_statement(shape: Shape, part: str = "all", *, capped: bool = True) -> Any:
    """How many rows match; ``capped`` stops at COUNT_CAP + 1 (bounded time)."""
    src, conds = _from_where(shape)
    if part == "dated":
        conds.append(_undated(0))
    inner = sa.select(sa.literal(1)).select_from(src).where(*conds)
    if capped:
        inner = inner.limit(COUNT_CAP + 1)
    return sa.select(sa.func.count()).select_from(inner.subquery())


_FTS_COUNT = {
    param: sa.text(f"SELECT count(*) FROM quotes_fts WHERE quotes_fts MATCH :{param}")
    for param in ("speaker_match", "q_match")
}
_SPEAKER_COUNT = sa.select(sa.func.count()).where(
    quotes.c.speaker == sa.bindparam("speaker", type_=sa.Text)
)
_ACTOR_COUNT = sa.select(sa.func.count()).where(
    quotes.c.speaker_actor_id == sa.bindparam("actor", type_=sa.Text)
)
_LAST_ID = sa.select(sa.func.max(quotes.c.id))
WALK_ADVANTAGE = 5  # reading an index entry costs about a fifth of fetching and sorting a row


def _estimate(conn: Any, shape: Shape, params: dict[str, Any]) -> int | None:
    """How many quotations the most selective indexed filter matches (None: not estimated).

    Exact, and cheap: full-text counts come from the FTS index alone, speaker counts from
    the speaker index."""
    counts = []
    if shape.speaker == "exact":
        counts.append(conn.execute(_SPEAKER_COUNT, params).scalar_one())
    if shape.actor:
        counts.append(conn.execute(_ACTOR_COUNT, params).scalar_one())
    for param in ("speaker_match", "q_match"):
        if param in params:
            stmt = _FTS_COUNT[param]
            counts.append(conn.execute(stmt, {param: params[param]}).scalar_one())
    return min(counts) if counts and not shape.article else None


def _only_filter(shape: Shape) -> bool:
    """True when one speaker or full-text filter is all there is (its count is the total)."""
    n = (shape.speaker is not None) + shape.q + shape.actor
    return n == 1 and not (shape.since or shape.until or shape.article or shape.outlet)


def page_ids(
    conn: Any,
    shape: Shape,
    params: dict[str, Any],
    *,
    limit: int | None,
    offset: int,
    count_inline: bool,
) -> tuple[list[int], int | None]:
    """Ids of one page, newest first, and the total when it came for free (else None).

    Three plans: without selective filters, walk the listing-order index and stop after the
    page; with them, sort the matches, unless they are so many that walking the index and
    testing each entry reaches the page sooner (judged from exact index counts).
    """
    limited = limit is not None

    def run(part: str, inline: bool, off: int, lim: int | None, walk: bool = False) -> list[Any]:
        stmt = ids_statement(shape, part=part, count_inline=inline, limited=limited, walk=walk)
        args = {**params, "offset": off}
        if limited:
            args["limit"] = lim
        return list(conn.execute(stmt, args).all())

    walk = False
    total = None
    if shape.selective:
        n = _estimate(conn, shape, params) if limited else None
        if n is not None and _only_filter(shape):
            total = n
        if not n:
            if n == 0:
                return [], 0
        else:
            last = conn.execute(_LAST_ID).scalar_one() or 0
            walk = (offset + (limit or 0)) * last / n <= WALK_ADVANTAGE * n
        if not walk:
            found = run("all", count_inline and total is None, offset, limit)
            if total is None and count_inline and found:
                total = found[0][1]
            return [r[0] for r in found], total
    dated = [r[0] for r in run("dated", False, offset, limit, walk)]
    if (limit is not None and len(dated) >= limit) or shape.since or shape.until:
        return dated, total  # a full page, or dates given: undated quotations cannot match
    undated_offset = 0
    if not dated and offset:
        n_dated = conn.execute(count_statement(shape, "dated", capped=False), params)
        undated_offset = offset - int(n_dated.scalar_one())
    rest = None if limit is None else limit - len(dated)
    return dated + [r[0] for r in run("undated", False, undated_offset, rest)], total


_WINDOW_START = sa.case((quotes.c.start > CONTEXT, quotes.c.start - CONTEXT), else_=0)

ROWS_STATEMENT = (
    sa.select(
        quotes.c.id,
        quotes.c.article_id,
        quotes.c.start,
        quotes.c.end,
        quotes.c.text,
        quotes.c.kind,
        quotes.c.speaker,
        quotes.c.speaker_text,
        quotes.c.speaker_actor_id,
        quotes.c.cue_start,
        quotes.c.cue_end,
        quotes.c.speaker_start,
        quotes.c.speaker_end,
        quotes.c.confidence,
        quotes.c.evidence,
        quotes.c.published,
        articles.c.title,
        articles.c.publisher,
        articles.c.url,
        articles.c.source,
        _WINDOW_START.label("ctx_start"),
        sa.func.substr(
            articles.c.text, _WINDOW_START + 1, quotes.c.end - _WINDOW_START + CONTEXT
        ).label("ctx"),
    )
    .select_from(quotes.join(articles, articles.c.id == quotes.c.article_id))
    .where(quotes.c.id.in_(sa.bindparam("ids", expanding=True)))
)
"""Full rows for a page of ids, with a window of the article text around each quotation."""
