"""The Store: idempotent batched writes of Documents and the queries the CLI and API need.

One interface over SQLAlchemy Core; engine differences live in :mod:`newsgraph.store.dialects`.
Writes are one transaction per batch: driver-level executemany for the rows, one ``IN (...)``
look-up per batch for what is stored already, and story and quote-group counters moved by the
batch's own copies (:mod:`newsgraph.store.syndication_counts`), so a write costs the same however
large the database and its syndication groups grow. All SQL is parameterised; user text reaches
full-text search only as quoted literals.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import operator
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection, Engine

from newsgraph.model import Document, Failure
from newsgraph.store import rows, syndication
from newsgraph.store import syndication_counts as counters
from newsgraph.store.dialects import WRITE_OPTION, Dialect, dialect_for
from newsgraph.store.events import article_events, delete_event_mentions, write_events
from newsgraph.store.migrations import migrate
from newsgraph.store.schema import articles, failures, mentions, quotes
from newsgraph.store.syndication import copies, quote_groups

_CHUNK = 500  # ids per IN (...) list: well under every engine's bound-parameter limit
assert rows.QUOTE_FIELDS[-1] == "group_key"
assert rows.QUOTE_FIELDS[3] == "text" and rows.QUOTE_FIELDS[10] == "speaker"


class StoreNotFoundError(FileNotFoundError):
    """A read-only open of a database that does not exist."""


class ArticleNotFoundError(LookupError):
    """No article has that id (or id prefix)."""


class AmbiguousArticleIdError(LookupError):
    """An id prefix matches more than one article."""


@dataclass(slots=True)
class WriteCounts:
    """What one write did: every document lands in exactly one of the three counts."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0

    def __add__(self, other: WriteCounts) -> WriteCounts:
        return WriteCounts(
            self.new + other.new, self.updated + other.updated, self.unchanged + other.unchanged
        )

    @property
    def total(self) -> int:
        return self.new + self.updated + self.unchanged


@dataclass(frozen=True, slots=True)
class QuoteHit:
    """One stored quotation with the article fields a listing needs."""

    id: int
    article_id: str
    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_text: str | None
    speaker_actor_id: str | None
    cue_start: int | None
    cue_end: int | None
    speaker_start: int | None
    speaker_end: int | None
    confidence: float
    evidence: str | None
    published: dt.date | None
    title: str | None
    source: str
    url: str | None
    # The same words by the same speaker elsewhere (syndicated copies, other stories): how many
    # outlets and articles carry them, and since when ("quoted by 14 outlets since ...").
    outlets: int = 1
    copies: int = 1
    first_seen: dt.date | None = None

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        d["first_seen"] = self.first_seen.isoformat() if self.first_seen else None
        return d


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str | None
    published: dt.date | None
    publisher: str | None
    authors: tuple[str, ...]
    source: str
    url: str | None
    quote_count: int
    ingested_at: dt.datetime
    updated_at: dt.datetime
    story_id: str | None = None  # the story it is a copy of (stories.id); None before migration

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["published"] = self.published.isoformat() if self.published else None
        d["authors"] = list(self.authors)
        d["ingested_at"] = self.ingested_at.isoformat(timespec="seconds")
        d["updated_at"] = self.updated_at.isoformat(timespec="seconds")
        return d


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def replaceable(source: str) -> bool:
    """Whether a newer article from ``source`` replaces the older one: true for file paths and
    URLs, false for pseudo-sources like ``<stdin>``, ``<text>`` or ``<stdin>:3``."""
    return not source.startswith("<")


def _chunks(items: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _json_default(value: Any) -> Any:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    if isinstance(value, set | frozenset | tuple):
        return list(value)
    return str(value)


# One encoder for every value (``json.dumps`` with options builds a new one per call).
_ENCODER = json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), default=_json_default)


def _dumps(value: Any) -> str:
    """The engine's JSON serializer: compact, not ASCII-escaped; text that :mod:`.rows` encoded
    already (:class:`rows.RawJson`) goes through unchanged."""
    if type(value) is rows.RawJson:
        return str.__str__(value)
    return _ENCODER.encode(value)


_QUOTE_COLUMNS = (
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
    articles.c.source,
    articles.c.url,
    sa.func.coalesce(quote_groups.c.outlets, 1).label("outlets"),
    sa.func.coalesce(quote_groups.c.copies, 1).label("copies"),
    sa.func.coalesce(quote_groups.c.first_seen, quotes.c.published).label("first_seen"),
)

_SUMMARY_COLUMNS = (
    articles.c.id,
    articles.c.title,
    articles.c.published,
    articles.c.publisher,
    articles.c.authors,
    articles.c.source,
    articles.c.url,
    articles.c.quote_count,
    articles.c.ingested_at,
    articles.c.updated_at,
    copies.c.story_id,
)


_PreparedInsert = tuple[str, list[str], list[tuple[str, Callable[[Any], Any]]], bool]


def _prepare_insert(
    table: sa.Table, dialect: sa.Dialect, fields: Sequence[str] | None = None
) -> _PreparedInsert:
    """Driver-level INSERT text for ``table`` (``fields``, or every column but an autoincrement
    key), the parameter order and each column's bind processor (dates, JSON) for this dialect."""
    if fields is None:
        cols = [c for c in table.columns if not (c.primary_key and c.autoincrement is True)]
    else:
        cols = [table.c[name] for name in fields]
    keys = [c.name for c in cols]
    compiled = sa.insert(table).compile(dialect=dialect, column_keys=keys)
    order = list(compiled.positiontup or keys) if compiled.positional else keys
    by_name = {c.name: c for c in cols}
    procs = [(k, by_name[k].type.dialect_impl(dialect).bind_processor(dialect)) for k in order]
    converters = [(k, p) for k, p in procs if p is not None]
    return compiled.string, order, converters, bool(compiled.positional)


class Store:
    """A newsgraph database. Open with :func:`open_store`."""

    def __init__(self, engine: Engine, dialect: Dialect) -> None:
        self.engine = engine
        self.dialect = dialect
        self._inserts: dict[str, _PreparedInsert] = {}
        date_type = quotes.c.published.type.dialect_impl(engine.dialect)
        process = date_type.bind_processor(engine.dialect)
        self._date_param: Callable[[Any], Any] = process or (lambda value: value)

    # ------------------------------------------------------------------ writes

    @contextmanager
    def _writing(self) -> Iterator[Connection]:
        """A write transaction (SQLite: BEGIN IMMEDIATE), committed on success."""
        with self.engine.connect() as conn:
            conn.execution_options(**{WRITE_OPTION: True})
            with conn.begin():
                yield conn

    def write(self, docs: Iterable[Document]) -> WriteCounts:
        """Store documents in one transaction; re-writing the same content is a no-op.

        An id already stored → unchanged. A source stored before under another id → updated
        (its old rows replaced, ``ingested_at`` kept). Otherwise new. Pseudo-sources such as
        ``<stdin>`` or ``<text>`` name no particular article, so they never replace anything.
        """
        docs = list(docs)
        counts = WriteCounts()
        if not docs:
            return counts
        now = _now()
        with self._writing() as conn:
            known_ids = self._existing_ids(conn, [d.article.id for d in docs])
            by_source = self._ids_by_source(
                conn, [d.article.source for d in docs if replaceable(d.article.source)]
            )
            pending: dict[str, Document] = {}  # source -> document to insert
            pending_ids: set[str] = set()
            stale: dict[str, dt.datetime] = {}  # article id to delete -> its ingested_at
            first_seen: dict[str, dt.datetime] = {}  # source -> ingested_at to keep
            for doc in docs:
                aid, source = doc.article.id, doc.article.source
                if aid in known_ids or aid in pending_ids:
                    counts.unchanged += 1
                    continue
                if not replaceable(source):
                    source = "\0" + aid  # a key of its own: replaces nothing
                earlier = pending.pop(source, None)
                if earlier is not None:
                    pending_ids.discard(earlier.article.id)
                old = by_source.get(source, ())
                if old or earlier is not None:
                    counts.updated += 1
                    for old_id, ingested in old:
                        stale[old_id] = ingested
                        first_seen[source] = min(ingested, first_seen.get(source, ingested))
                else:
                    counts.new += 1
                pending[source] = doc
                pending_ids.add(aid)
            stale_ids = list(stale)
            gone = counters.removed(conn, stale_ids)
            stale_bands = syndication.band_rows_of(conn, stale_ids)
            self._delete_articles(conn, stale_ids)
            syndication.drop_band_rows(conn, stale_bands)
            counters.remove_from_groups(conn, gone, self._date_param)
            self._insert(conn, list(pending.values()), now, first_seen, gone)
        return counts

    def record_failure(self, failure: Failure) -> None:
        self.record_failures([failure])

    def record_failures(self, items: Iterable[Failure]) -> None:
        """Remember documents that could not be processed (one row per source, latest error)."""
        latest = {f.source: f.error for f in items}
        if not latest:
            return
        now = _now()
        with self._writing() as conn:
            for chunk in _chunks(list(latest)):
                conn.execute(sa.delete(failures).where(failures.c.source.in_(chunk)))
            conn.execute(
                sa.insert(failures),
                [{"source": s, "error": e, "seen_at": now} for s, e in latest.items()],
            )

    def _existing_ids(self, conn: Connection, ids: list[str]) -> set[str]:
        found: set[str] = set()
        for chunk in _chunks(sorted(set(ids))):
            found.update(
                conn.execute(sa.select(articles.c.id).where(articles.c.id.in_(chunk))).scalars()
            )
        return found

    def _ids_by_source(
        self, conn: Connection, sources: list[str]
    ) -> dict[str, list[tuple[str, dt.datetime]]]:
        out: dict[str, list[tuple[str, dt.datetime]]] = {}
        stmt = sa.select(articles.c.source, articles.c.id, articles.c.ingested_at)
        for chunk in _chunks(sorted(set(sources))):
            for source, aid, ingested in conn.execute(stmt.where(articles.c.source.in_(chunk))):
                out.setdefault(source, []).append((aid, ingested))
        return out

    def _delete_articles(self, conn: Connection, ids: list[str]) -> None:
        delete_event_mentions(conn, ids)
        for chunk in _chunks(ids):
            conn.execute(sa.delete(quotes).where(quotes.c.article_id.in_(chunk)))
            conn.execute(sa.delete(mentions).where(mentions.c.article_id.in_(chunk)))
            conn.execute(sa.delete(articles).where(articles.c.id.in_(chunk)))

    def _insert(
        self,
        conn: Connection,
        docs: list[Document],
        now: dt.datetime,
        first_seen: dict[str, dt.datetime],
        gone: counters.Removed,
    ) -> None:
        """Insert the documents' rows and count them into their stories and quote groups (with
        what the replaced articles took away)."""
        insert = self._bulk_insert_tuples
        date_param = self._date_param
        if not docs:
            counters.update_stories(conn, [], gone, insert, date_param)
            return
        article_rows: list[dict[str, Any]] = []
        quote_rows: list[tuple[Any, ...]] = []
        mention_rows: list[tuple[Any, ...]] = []
        seen: dict[str, dt.date] = {}
        for doc in docs:
            row = rows.article_row(doc, now)
            row["ingested_at"] = first_seen.get(doc.article.source, now)
            article_rows.append(row)
            seen[doc.article.id] = row["published"] or row["ingested_at"].date()
        bodies = [row["body"] for row in article_rows]
        planned = syndication.plan_copies(conn, docs, seen, bodies)
        members: dict[str, list[counters.Member]] = defaultdict(list)
        for doc, row, copy in zip(docs, article_rows, planned, strict=True):
            published = date_param(row["published"])
            these = rows.quote_rows(doc, published, copy.story_id)
            quote_rows.extend(these)
            for q in these:
                if q[-1] is not None:  # group_key comes last
                    members[q[-1]].append(
                        counters.Member(copy.first_seen, q[0], q[1], q[3], q[10], copy.outlet)
                    )
            mention_rows.extend(rows.mention_rows(doc))
        counters.add_to_groups(conn, members, insert, date_param)  # before the quotes: reads stored
        marks = self.dialect.mark(conn)
        self._bulk_insert(conn, articles, article_rows)
        syndication.write_copies(conn, planned, insert, date_param)
        self._bulk_insert_tuples(conn, quotes, rows.QUOTE_FIELDS, quote_rows)
        self._bulk_insert_tuples(conn, mentions, rows.MENTION_FIELDS, mention_rows)
        write_events(conn, docs, insert)
        self.dialect.index_new_rows(conn, marks)
        for chunk in _chunks([d.article.source for d in docs]):
            conn.execute(sa.delete(failures).where(failures.c.source.in_(chunk)))
        counters.update_stories(conn, planned, gone, insert, date_param)

    def _bulk_insert(self, conn: Connection, table: sa.Table, items: list[dict[str, Any]]) -> None:
        """executemany straight to the driver: SQLAlchemy's per-row parameter handling would
        cost more than SQLite's insert itself. Values go through the same type processors."""
        if not items:
            return
        prepared = self._inserts.get(table.name)
        if prepared is None:
            prepared = self._inserts[table.name] = _prepare_insert(table, self.engine.dialect)
        sql, keys, procs, positional = prepared
        for r in items:  # the dicts are ours, fresh from rows.py: convert in place
            for k, proc in procs:
                r[k] = proc(r[k])
        params: list[Any]
        params = list(map(operator.itemgetter(*keys), items)) if positional else items
        conn.exec_driver_sql(sql, params)

    def _bulk_insert_tuples(
        self,
        conn: Connection,
        table: sa.Table,
        fields: tuple[str, ...],
        items: list[tuple[Any, ...]],
    ) -> None:
        """executemany of ready-made tuples (values already in database form) in ``fields``
        order; for drivers whose parameter order differs (or is by name) they become dicts."""
        if not items:
            return
        key = f"{table.name}:tuples"
        prepared = self._inserts.get(key)
        if prepared is None:
            prepared = self._inserts[key] = _prepare_insert(table, self.engine.dialect, fields)
        sql, order, _converters, positional = prepared
        if positional and tuple(order) == fields:
            conn.exec_driver_sql(sql, items)
        else:
            named = [dict(zip(fields, t, strict=True)) for t in items]
            conn.exec_driver_sql(
                sql, list(map(operator.itemgetter(*order), named)) if positional else named
            )

    # ------------------------------------------------------------------ queries

    def quotes(
        self,
        *,
        speaker: str | None = None,
        speaker_ids: Sequence[str] = (),
        search: str | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        article: str | None = None,
        kinds: Sequence[str] = (),
        merged: bool = False,
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[QuoteHit]:
        """Quotations in order of publication date, article and position.

        ``speaker`` matches the canonical name or the speaker as written, case- and
        accent-insensitively, each word as a word prefix ("peskov" finds "Dmitry Peskov"), or
        a quote whose speaker is linked to one of ``speaker_ids`` (the actors the knowledge
        base resolves the name to: "Kremlin spokesman" → Dmitry Peskov).
        ``search`` is full-text over the quoted words (all words must occur; "a phrase" works).
        ``article`` is an article id or a prefix of one. Dates are inclusive. ``merged`` lists
        a quotation carried by several articles once, as its earliest copy; every hit says how
        many outlets carry it (``outlets``) and since when (``first_seen``).
        """
        stmt = (
            sa.select(*_QUOTE_COLUMNS)
            .join(articles, articles.c.id == quotes.c.article_id)
            .outerjoin(quote_groups, quote_groups.c.key == quotes.c.group_key)
        )
        if merged:
            canonical = sa.and_(
                quote_groups.c.article_id == quotes.c.article_id,
                quote_groups.c.start == quotes.c.start,
            )
            stmt = stmt.where(sa.or_(quote_groups.c.key.is_(None), canonical))
        if speaker and speaker.strip():
            by_name = self.dialect.speaker_search(speaker)
            if speaker_ids:
                by_name = sa.or_(by_name, quotes.c.speaker_actor_id.in_(list(speaker_ids)))
            stmt = stmt.where(by_name)
        if search and search.strip():
            stmt = stmt.where(self.dialect.quote_search(search))
        if since is not None:
            stmt = stmt.where(quotes.c.published >= since)
        if until is not None:
            stmt = stmt.where(quotes.c.published <= until)
        if article:
            stmt = stmt.where(quotes.c.article_id.startswith(article, autoescape=True))
        if kinds:
            stmt = stmt.where(quotes.c.kind.in_([str(k) for k in kinds]))
        stmt = stmt.order_by(
            quotes.c.published.is_(None), quotes.c.published, quotes.c.article_id, quotes.c.start
        )
        stmt = stmt.limit(limit).offset(offset) if limit is not None else stmt.offset(offset)
        with self.engine.connect() as conn:
            return [QuoteHit(**r._asdict()) for r in conn.execute(stmt)]

    def articles(
        self, *, search: str | None = None, limit: int | None = 100, offset: int = 0
    ) -> list[ArticleSummary]:
        """Articles in order of publication date (undated last), then source."""
        stmt = sa.select(*_SUMMARY_COLUMNS).outerjoin(copies, copies.c.article_id == articles.c.id)
        if search and search.strip():
            stmt = stmt.where(self.dialect.article_search(search))
        stmt = stmt.order_by(
            articles.c.published.is_(None), articles.c.published, articles.c.source
        )
        stmt = stmt.limit(limit).offset(offset) if limit is not None else stmt.offset(offset)
        with self.engine.connect() as conn:
            out = []
            for r in conn.execute(stmt):
                d = r._asdict()
                d["authors"] = tuple(d["authors"] or ())
                out.append(ArticleSummary(**d))
            return out

    def resolve_article_id(self, id_or_prefix: str) -> str:
        """The full id of the one article whose id is, or starts with, the given text."""
        key = id_or_prefix.strip()
        if not key:
            raise ArticleNotFoundError("empty article id")
        stmt = sa.select(articles.c.id).where(articles.c.id.startswith(key, autoescape=True))
        with self.engine.connect() as conn:
            found = list(conn.execute(stmt.limit(11)).scalars())
        if key in found:
            return key
        if not found:
            raise ArticleNotFoundError(f"no article with id {key!r}")
        if len(found) > 1:
            shown = ", ".join(found[:10]) + (", ..." if len(found) > 10 else "")
            raise AmbiguousArticleIdError(f"id prefix {key!r} matches several articles: {shown}")
        return found[0]

    def article(self, id_or_prefix: str) -> Document:
        """The stored Document (article, sentences, mentions, quotes, events) for an id or
        unique prefix."""
        aid = self.resolve_article_id(id_or_prefix)
        with self.engine.connect() as conn:
            a = conn.execute(sa.select(articles).where(articles.c.id == aid)).one()._asdict()
            qs = conn.execute(
                sa.select(quotes).where(quotes.c.article_id == aid).order_by(quotes.c.start)
            )
            ms = conn.execute(
                sa.select(mentions).where(mentions.c.article_id == aid).order_by(mentions.c.start)
            )
            doc = rows.document_from_rows(a, [q._mapping for q in qs], [m._mapping for m in ms])
            return dataclasses.replace(doc, events=article_events(conn, aid))

    def failures(self, *, limit: int | None = 100) -> list[Failure]:
        stmt = sa.select(failures.c.source, failures.c.error).order_by(failures.c.source)
        with self.engine.connect() as conn:
            return [Failure(s, e) for s, e in conn.execute(stmt.limit(limit))]

    def counts(self) -> dict[str, int]:
        """Row counts per table (for summaries and tests)."""
        with self.engine.connect() as conn:
            return {
                t.name: conn.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                for t in (articles, quotes, mentions, failures)
            }

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


_DEFAULT_DRIVERS = {"postgresql": "postgresql+psycopg", "postgres": "postgresql+psycopg"}


def _url(url_or_path: str | Path) -> str:
    """A SQLAlchemy URL: paths are SQLite files; ``postgresql://`` means psycopg (v3), the
    driver newsgraph installs, rather than SQLAlchemy's default psycopg2."""
    text = str(url_or_path)
    if "://" not in text:
        return f"sqlite:///{text}"
    scheme, rest = text.split("://", 1)
    return f"{_DEFAULT_DRIVERS.get(scheme, scheme)}://{rest}"


def _sqlite_file(url: sa.URL) -> Path | None:
    """The file behind a SQLite URL; None for in-memory databases and other engines."""
    if url.get_backend_name() != "sqlite":
        return None
    db = url.database
    if not db or db == ":memory:" or db.startswith("file:"):
        return None
    return Path(db)


def open_store(url_or_path: str | Path, *, create: bool = True) -> Store:
    """Open (and create or migrate) a store: a SQLite file path or any SQLAlchemy URL.

    With ``create=False`` a missing SQLite file raises :class:`StoreNotFoundError` instead of
    being created (read commands must not leave empty databases behind).
    """
    url = sa.make_url(_url(url_or_path))
    path = _sqlite_file(url)
    if path is not None and not path.exists():
        if not create:
            raise StoreNotFoundError(f"database not found: {path}")
        path.parent.mkdir(parents=True, exist_ok=True)
    engine = sa.create_engine(url, json_serializer=_dumps)
    dialect = dialect_for(engine)
    dialect.configure(engine)
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            migrate(conn, dialect)
    return Store(engine, dialect)
