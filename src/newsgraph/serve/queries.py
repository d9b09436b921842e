"""Read queries the API and pages need beyond :class:`~newsgraph.store.Store`'s own methods.

The Store lists quotations oldest first without totals, outlets or context; a web listing needs
newest first, a total for paging, an outlet filter, facet counts, weekly counts and the sentence
around each quotation. These are parameterised SQLAlchemy Core selects over the store's tables,
reusing the store's dialect for full-text conditions, so user text never reaches SQL or FTS raw.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from newsgraph.model import Document
from newsgraph.serve import quote_sql
from newsgraph.serve.highlight import Mark, highlight, sentence_bounds
from newsgraph.serve.params import QuoteFilter
from newsgraph.serve.quote_sql import COUNT_CAP
from newsgraph.store import Store
from newsgraph.store.rows import as_date
from newsgraph.store.schema import articles, quotes

_ARTICLE_COLS = (
    articles.c.id,
    articles.c.title,
    articles.c.published,
    articles.c.publisher,
    articles.c.authors,
    articles.c.source,
    articles.c.url,
    articles.c.quote_count,
)


@dataclass(frozen=True, slots=True)
class Page:
    """One page of a listing: the rows plus what a client needs to fetch the next."""

    items: list[dict[str, Any]]
    total: int
    limit: int | None
    offset: int
    exact: bool = True  # false when total is a lower bound (the count stopped at COUNT_CAP)

    @property
    def next_offset(self) -> int | None:
        if self.limit is None or not self.items:
            return None
        nxt = self.offset + len(self.items)
        more = nxt < self.total or (not self.exact and len(self.items) == self.limit)
        return nxt if more else None

    def as_dict(self) -> dict[str, Any]:
        return {
            "items": self.items,
            "total": self.total,
            "total_exact": self.exact,
            "limit": self.limit,
            "offset": self.offset,
            "next_offset": self.next_offset,
        }


def _quote_conditions(store: Store, f: QuoteFilter, *, exact_speaker: bool) -> list[Any]:
    conds: list[Any] = []
    if f.speaker:
        if exact_speaker:
            conds.append(quotes.c.speaker == f.speaker)
        else:
            conds.append(store.dialect.speaker_search(f.speaker))
    if f.q:
        conds.append(store.dialect.quote_search(f.q))
    if f.since:
        conds.append(quotes.c.published >= f.since)
    if f.until:
        conds.append(quotes.c.published <= f.until)
    if f.article:
        conds.append(quotes.c.article_id.startswith(f.article, autoescape=True))
    if f.actor:
        conds.append(quotes.c.speaker_actor_id == f.actor)
    return conds


def _joined(f: QuoteFilter) -> tuple[Any, list[Any]]:
    """The FROM clause and outlet condition: join articles only when a filter needs it."""
    if f.outlet:
        return (
            quotes.join(articles, articles.c.id == quotes.c.article_id),
            [articles.c.publisher == f.outlet],
        )
    return quotes, []


def _iso(value: Any) -> str | None:
    day = as_date(value)
    return day.isoformat() if day else None


def _portable_statements(
    store: Store, f: QuoteFilter, exact_speaker: bool, count_inline: bool, limited: bool
) -> tuple[Any, Any, dict[str, Any]]:
    """Ids and count statements built per call through the store's dialect (any engine)."""
    conds = _quote_conditions(store, f, exact_speaker=exact_speaker)
    src, outlet = _joined(f)
    conds += outlet
    cols: list[Any] = [quotes.c.id]
    if count_inline:
        cols.append(sa.func.count().over().label("n"))
    ids = sa.select(*cols).select_from(src).where(*conds).order_by(*quote_sql.NEWEST_FIRST)
    ids = ids.offset(sa.bindparam("offset", type_=sa.Integer))
    if limited:
        ids = ids.limit(sa.bindparam("limit", type_=sa.Integer))
    inner = sa.select(sa.literal(1)).select_from(src).where(*conds).limit(COUNT_CAP + 1)
    count = sa.select(sa.func.count()).select_from(inner.subquery())
    return ids, count, {}


def quote_page(
    store: Store,
    f: QuoteFilter,
    *,
    limit: int | None,
    offset: int = 0,
    exact_speaker: bool = False,
    with_total: bool = True,
    html: bool = False,
) -> Page:
    """Quotations matching ``f``, newest first, each with its sentence (as text and offsets;
    with ``html``, also as highlighted markup for the pages).

    Two steps: the ids of the page from a narrow, index-ordered select, then the full rows
    (with a window of article text for the sentence) for just those ids. Totals above
    COUNT_CAP are reported as COUNT_CAP with ``exact`` false.
    """
    full_text = bool(f.q or (f.speaker and not exact_speaker))  # sorted matches: count inline
    count_inline = with_total and full_text
    limited = limit is not None
    with store.engine.connect() as conn:
        if store.dialect.name == "sqlite":
            try:
                shape, params = quote_sql.bind(f, exact_speaker=exact_speaker)
            except quote_sql.NothingToMatch:
                return Page([], 0, limit, offset)
            ids, inline_total = quote_sql.page_ids(
                conn, shape, params, limit=limit, offset=offset, count_inline=count_inline
            )
            count_stmt = quote_sql.count_statement(shape)
        else:
            ids_stmt, count_stmt, params = _portable_statements(
                store, f, exact_speaker, count_inline, limited
            )
            page_params = {**params, "offset": offset}
            if limited:
                page_params["limit"] = limit
            found = conn.execute(ids_stmt, page_params).all()
            ids = [r[0] for r in found]
            inline_total = found[0][1] if count_inline and found else None
        rows_by_id: dict[int, dict[str, Any]] = {}
        for i in range(0, len(ids), 500):
            chunk = {"ids": ids[i : i + 500]}
            rows_by_id.update(
                (r.id, r._asdict()) for r in conn.execute(quote_sql.ROWS_STATEMENT, chunk)
            )
        exact = True
        if not with_total or (offset == 0 and limited and len(ids) < (limit or 0)):
            total = offset + len(ids)
        elif inline_total is not None:
            total = inline_total
        else:
            total = conn.execute(count_stmt, params).scalar_one()
            if total > COUNT_CAP:
                total, exact = max(COUNT_CAP, offset + len(ids)), False
    rows = [rows_by_id[i] for i in ids if i in rows_by_id]
    return Page([_quote_item(r, html) for r in rows], total, limit, offset, exact)


def _quote_item(r: dict[str, Any], html: bool) -> dict[str, Any]:
    ctx, base = r.pop("ctx") or "", r.pop("ctx_start") or 0
    a, b = sentence_bounds(ctx, r["start"] - base, r["end"] - base)
    r["published"] = _iso(r["published"])
    r["sentence"] = {"start": base + a, "end": base + b, "text": ctx[a:b]}
    if not html:
        return r
    r["_context_html"] = highlight(
        ctx,
        [Mark(r["start"] - base, r["end"] - base, r["speaker"], r["kind"])],
        start=a,
        end=b,
        labels=False,
    )
    return r


def public(item: dict[str, Any]) -> dict[str, Any]:
    """An item without the page-only keys (those starting with ``_``)."""
    return {k: v for k, v in item.items() if not k.startswith("_")}


def iter_quotes(store: Store, f: QuoteFilter, *, chunk: int = 500) -> Iterator[dict[str, Any]]:
    """Every matching quotation, in pages, for exports (memory stays flat)."""
    offset = 0
    while True:
        page = quote_page(store, f, limit=chunk, offset=offset, with_total=False)
        yield from (public(i) for i in page.items)
        if len(page.items) < chunk:
            return
        offset += chunk


def article_page(
    store: Store, f: QuoteFilter, *, limit: int | None, offset: int = 0
) -> Page:
    """Article summaries matching ``f.q`` (title/body), dates, outlet and speaker, newest first.

    Like quotation listings: without a text or speaker filter the ids come from walking the
    store's listing-order index (dated, then undated) so a page never sorts the table.
    """
    conds: list[Any] = []
    if f.q:
        conds.append(store.dialect.article_search(f.q))
    if f.since:
        conds.append(articles.c.published >= f.since)
    if f.until:
        conds.append(articles.c.published <= f.until)
    if f.outlet:
        conds.append(articles.c.publisher == f.outlet)
    if f.speaker:
        has = sa.select(quotes.c.article_id).where(store.dialect.speaker_search(f.speaker))
        conds.append(articles.c.id.in_(has))
    undated = articles.c.published.is_(None)
    newest = (articles.c.published.desc(), articles.c.source)

    def ids(where: list[Any], order: tuple[Any, ...], off: int, lim: int | None) -> list[str]:
        stmt = sa.select(articles.c.id).where(*where).order_by(*order).offset(off)
        stmt = stmt.limit(lim) if lim is not None else stmt
        return list(conn.execute(stmt).scalars())

    with store.engine.connect() as conn:
        if f.q or f.speaker or store.dialect.name != "sqlite":
            page_ids = ids(conds, (undated, *newest), offset, limit)
        else:
            dated_only = [undated == sa.literal_column("0"), *conds]
            page_ids = ids(dated_only, newest, offset, limit)
            if (limit is None or len(page_ids) < limit) and not (f.since or f.until):
                undated_offset = 0
                if not page_ids and offset:
                    count = sa.select(sa.func.count()).select_from(articles)
                    undated_offset = offset - conn.execute(count.where(*dated_only)).scalar_one()
                rest = None if limit is None else limit - len(page_ids)
                undated_only = [undated == sa.literal_column("1"), *conds]
                page_ids += ids(undated_only, (articles.c.source,), undated_offset, rest)
        by_id: dict[str, dict[str, Any]] = {}
        for i in range(0, len(page_ids), 500):
            stmt = sa.select(*_ARTICLE_COLS).where(articles.c.id.in_(page_ids[i : i + 500]))
            by_id.update((r.id, r._asdict()) for r in conn.execute(stmt))
        count = sa.select(sa.func.count()).select_from(articles).where(*conds)
        total = conn.execute(count).scalar_one()
    rows = [by_id[i] for i in page_ids if i in by_id]
    for r in rows:
        r["published"] = _iso(r["published"])
        r["authors"] = list(r["authors"] or ())
    return Page(rows, total, limit, offset)


def speaker_page(
    store: Store, f: QuoteFilter, *, limit: int | None, offset: int = 0
) -> Page:
    """Speakers with their quotation counts and first/last dates, most quoted first."""
    conds = [quotes.c.speaker.is_not(None), *_quote_conditions(store, f, exact_speaker=False)]
    src, outlet = _joined(f)
    conds += outlet
    n = sa.func.count().label("count")
    stmt = (
        sa.select(
            quotes.c.speaker,
            n,
            sa.func.min(quotes.c.published).label("first"),
            sa.func.max(quotes.c.published).label("last"),
        )
        .select_from(src)
        .where(*conds)
        .group_by(quotes.c.speaker)
        .order_by(n.desc(), quotes.c.speaker)
        .offset(offset)
    )
    if limit is not None:
        stmt = stmt.limit(limit)
    with store.engine.connect() as conn:
        rows = [r._asdict() for r in conn.execute(stmt)]
        count = sa.select(sa.func.count(sa.distinct(quotes.c.speaker))).select_from(src)
        total = conn.execute(count.where(*conds)).scalar_one()
    for r in rows:
        r["first"], r["last"] = _iso(r["first"]), _iso(r["last"])
    return Page(rows, total, limit, offset)


def outlet_counts(store: Store, *, limit: int = 50) -> list[dict[str, Any]]:
    """Outlets (publishers) with their quotation counts, most quoted first."""
    n = sa.func.sum(articles.c.quote_count).label("count")
    stmt = (
        sa.select(articles.c.publisher.label("outlet"), n)
        .where(articles.c.publisher.is_not(None))
        .group_by(articles.c.publisher)
        .order_by(n.desc(), articles.c.publisher)
        .limit(limit)
    )
    with store.engine.connect() as conn:
        return [r._asdict() for r in conn.execute(stmt)]


def speaker_days(store: Store, name: str) -> tuple[list[tuple[dt.date, int]], int]:
    """Quotation counts per day for one speaker (exact canonical name), and the undated count."""
    stmt = (
        sa.select(quotes.c.published, sa.func.count())
        .where(quotes.c.speaker == name)
        .group_by(quotes.c.published)
    )
    days: list[tuple[dt.date, int]] = []
    undated = 0
    with store.engine.connect() as conn:
        for published, n in conn.execute(stmt):
            day = as_date(published)
            if day is None:
                undated += n
            else:
                days.append((day, n))
    return days, undated


def quote_ids(store: Store, doc: Document) -> list[int | None]:
    """Database ids of a stored document's quotations, in the order of ``doc.quotes``, so the
    article page can anchor each one (``#q-<id>``) for links from listings."""
    stmt = (
        sa.select(quotes.c.id, quotes.c.start, quotes.c.end, quotes.c.kind)
        .where(quotes.c.article_id == doc.article.id)
        .order_by(quotes.c.start, quotes.c.id)
    )
    by_key: dict[tuple[int, int, str], list[int]] = {}
    with store.engine.connect() as conn:
        for qid, start, end, kind in conn.execute(stmt):
            by_key.setdefault((start, end, kind), []).append(qid)
    out: list[int | None] = []
    for q in doc.quotes:
        ids = by_key.get((q.span.start, q.span.end, str(q.kind)))
        out.append(ids.pop(0) if ids else None)
    return out
