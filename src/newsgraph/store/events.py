"""Events in the database: one row per event, one ``event_mentions`` row per sentence stating it.

Syndicated copies and follow-ups report the same event many times. A mention joins an existing
event when type, actor, recipient and negation agree (``match_key``), the dates are at most
:data:`DAY_WINDOW` days apart, and the sentences share words (or the recipient is named, which
already pins the event down). Otherwise it opens a new event whose id is a hash of what it is
(match key, date, sentence), so re-ingesting never duplicates: an article's mentions are deleted
with it and written again, and an event left without mentions is deleted too.

Tables carry no ``sa.Index`` objects on purpose: their indexes are created by an ``after_create``
hook, so the store's own index migrations (which rebuild every ``sa.Index`` of the metadata) never
touch tables that an older database does not have yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import weakref
from collections.abc import Callable, Iterable, Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.model import Document, Event, Span
from newsgraph.store.driver import padded_chunks, select_in, select_rows
from newsgraph.store.rows import as_date
from newsgraph.store.schema import Json, articles, index_hook, metadata

DAY_WINDOW = 3
_SIMILAR = 0.2  # Jaccard overlap of sentence words that makes two mentions one event
_CHUNK = 500
_WINDOW_CHUNK = 256  # (match key, day) windows per look-up: 768 parameters
_WORD = re.compile(r"[a-z0-9]{3,}")

events = sa.Table(
    "events",
    metadata,
    sa.Column("id", sa.String(40), primary_key=True, comment="hash: match key, date, sentence"),
    sa.Column("match_key", sa.String(40), nullable=False, comment="type+actor+recipient+negated"),
    sa.Column("type", sa.String(16), nullable=False, comment="PLOVER event type"),
    sa.Column("mode", sa.String(32), nullable=False, default=""),
    sa.Column("actor", sa.Text, comment="as first written"),
    sa.Column("actor_id", sa.String(128)),
    sa.Column("actor_country", sa.String(8), comment="ISO 3166 alpha-3"),
    sa.Column("actor_sector", sa.String(32)),
    sa.Column("recipient", sa.Text),
    sa.Column("recipient_id", sa.String(128)),
    sa.Column("recipient_country", sa.String(8)),
    sa.Column("recipient_sector", sa.String(32)),
    sa.Column("date", sa.Date, comment="the day the first mention says, else its publication"),
    sa.Column("negated", sa.Boolean, nullable=False, default=False),
    sa.Column("hypothetical", sa.Boolean, nullable=False, default=False),
    sa.Column("future", sa.Boolean, nullable=False, default=False),
    sa.Column("contexts", Json, comment="JSON list of PLOVER contexts"),
    sa.Column("sentence", sa.Text, comment="the sentence of the first mention"),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
)

event_mentions = sa.Table(
    "event_mentions",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column(
        "event_id", sa.String(40), sa.ForeignKey("events.id", ondelete="CASCADE"), nullable=False
    ),
    sa.Column(
        "article_id",
        sa.String(64),
        sa.ForeignKey(articles.c.id, ondelete="CASCADE"),
        nullable=False,
    ),
    sa.Column("start", sa.Integer, nullable=False, comment="the sentence"),
    sa.Column("end", sa.Integer, nullable=False),
    sa.Column("trigger_start", sa.Integer, nullable=False),
    sa.Column("trigger_end", sa.Integer, nullable=False),
    sa.Column("actor_start", sa.Integer),
    sa.Column("actor_end", sa.Integer),
    sa.Column("recipient_start", sa.Integer),
    sa.Column("recipient_end", sa.Integer),
    sa.Column("quote_start", sa.Integer),
    sa.Column("quote_end", sa.Integer),
    sa.Column("date", sa.Date),
    sa.Column("date_text", sa.Text, comment='the expression the date came from, or "published"'),
    sa.Column("confidence", sa.Float, nullable=False, default=0.0),
    sa.Column("evidence", sa.Text),
    sa.Column(
        "own",
        sa.JSON(none_as_null=True),
        comment="JSON: where this mention differs from its event (as written)",
    ),
)

# Candidates for a new mention are its match key within a few days: one index range each.
# No index on actor_id or recipient_id: a party filter is "id in (...) OR name like ...", which
# no index serves, so they only cost every insert (dropped by migration 6).
_INDEXES = (
    ("ix_events_match_date", "events", ("match_key", "date")),
    ("ix_events_date", "events", ("date",)),
    ("ix_events_type", "events", ("type",)),
    ("ix_events_actor_country", "events", ("actor_country",)),
    ("ix_events_recipient_country", "events", ("recipient_country",)),
    ("ix_event_mentions_event_id", "event_mentions", ("event_id",)),
    ("ix_event_mentions_article_id", "event_mentions", ("article_id",)),
)
UNUSED_EVENT_INDEXES = ("ix_events_actor_id", "ix_events_recipient_id")
_create_indexes = index_hook(_INDEXES)

sa.event.listen(events, "after_create", _create_indexes)
sa.event.listen(event_mentions, "after_create", _create_indexes)


def add_event_tables(conn: Connection, _dialect: object) -> None:
    """Migration: the events and event_mentions tables (with their indexes)."""
    events.create(conn, checkfirst=True)
    event_mentions.create(conn, checkfirst=True)


def windowed_event_index(conn: Connection) -> None:
    """Migration 5: ``event_mentions.own`` and the (match key, date) index."""
    if "own" not in {c["name"] for c in sa.inspect(conn).get_columns("event_mentions")}:
        kind = Json.compile(dialect=conn.dialect)
        conn.exec_driver_sql(f"ALTER TABLE event_mentions ADD COLUMN own {kind}")
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_events_match_key")
    _create_indexes(events, conn)


# ---------------------------------------------------------------------- writing


def party_key(actor_id: str | None, country: str | None, text: str | None) -> str:
    """Who a party is, for matching: KB id, else country, else the folded name ("" for none)."""
    if actor_id:
        return actor_id
    if country:
        return country
    return " ".join((text or "").lower().split())


def match_key(e: Event) -> str:
    parts = (
        e.type,
        party_key(e.actor_id, e.actor_country, e.actor_text),
        party_key(e.recipient_id, e.recipient_country, e.recipient_text),
        "neg" if e.negated else "",
    )
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()


@lru_cache(maxsize=8192)  # copies repeat their sentences; an event's id reads them again
def _words(sentence: str) -> frozenset[str]:
    return frozenset(_WORD.findall(sentence.lower()))


def event_id(mkey: str, date: dt.date | None, sentence: str) -> str:
    """Deterministic id of a new event: what it is, when, and the sentence that first said it."""
    norm = " ".join(sorted(_words(sentence)))
    raw = f"{mkey}|{date.isoformat() if date else ''}|{norm}"
    return hashlib.sha1(raw.encode("utf-8")).hexdigest()


# Event attribute -> events column: what a mention shares with its event unless its own row
# says otherwise (``event_mentions.own``), so a stored article reads back as it was written.
_SHARED = (
    ("mode", "mode"),
    ("actor_text", "actor"),
    ("actor_id", "actor_id"),
    ("actor_country", "actor_country"),
    ("actor_sector", "actor_sector"),
    ("recipient_text", "recipient"),
    ("recipient_id", "recipient_id"),
    ("recipient_country", "recipient_country"),
    ("recipient_sector", "recipient_sector"),
    ("contexts", "contexts"),
    ("hypothetical", "hypothetical"),
    ("future", "future"),
)
_TEXT_DEFAULTS = {"mode", "actor_sector", "recipient_sector"}  # "" in the model, maybe NULL stored


def _shared_of_event(e: Event) -> tuple[Any, ...]:
    return tuple(
        list(e.contexts) if attr == "contexts" else getattr(e, attr) for attr, _c in _SHARED
    )


def _shared_of_row(row: Any) -> tuple[Any, ...]:
    values = []
    for attr, column in _SHARED:
        value = row[column]
        if attr in _TEXT_DEFAULTS:
            value = value or ""
        elif attr == "contexts":
            value = list(value or ())
        values.append(value)
    return tuple(values)


@dataclass(slots=True)
class _Known:
    id: str
    date: dt.date | None
    words: frozenset[str]
    has_recipient: bool
    shared: tuple[Any, ...]


def _close(a: dt.date | None, b: dt.date | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs((a - b).days) <= DAY_WINDOW


def _similar(a: frozenset[str], b: frozenset[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def _pick(known: list[_Known], date: dt.date | None, words: frozenset[str]) -> _Known | None:
    best: _Known | None = None
    best_score = -1.0
    for k in known:
        if not _close(k.date, date):
            continue
        score = _similar(k.words, words)
        if score < _SIMILAR and not k.has_recipient:
            continue
        # equal scores go to the smaller id, not to whichever the pool listed first: the
        # pool's order depends on batch boundaries (stored rows vs events made in this batch)
        if score > best_score or (score == best_score and best is not None and k.id < best.id):
            best, best_score = k, score
    return best


def delete_event_mentions(conn: Connection, article_ids: Sequence[str]) -> None:
    """Drop the mentions of these articles, then the events no mention is left for."""
    if not article_ids:
        return
    touched: set[str] = set()
    for i in range(0, len(article_ids), _CHUNK):
        chunk = list(article_ids[i : i + _CHUNK])
        where = event_mentions.c.article_id.in_(chunk)
        touched.update(conn.execute(sa.select(event_mentions.c.event_id).where(where)).scalars())
        conn.execute(sa.delete(event_mentions).where(where))
    ids = sorted(touched)
    for i in range(0, len(ids), _CHUNK):
        chunk = ids[i : i + _CHUNK]
        still = sa.select(event_mentions.c.event_id).where(event_mentions.c.event_id.in_(chunk))
        alive = set(conn.execute(still).scalars())
        dead = [x for x in chunk if x not in alive]
        if dead:
            conn.execute(sa.delete(events).where(events.c.id.in_(dead)))


_POOL_COLUMNS = ("id", "match_key", "date", "sentence", *(c for _a, c in _SHARED))


@lru_cache(maxsize=32)
def _windows_sql(n: int) -> str:
    """Stored events of ``n`` (match key, first day, last day) windows: a join with a VALUES
    list, one range of ``ix_events_match_date`` each (the same text for every chunk of n)."""
    cols = ", ".join(f'e."{c}"' for c in _POOL_COLUMNS)
    return (
        f"WITH wanted(mk, lo, hi) AS (VALUES {', '.join(['(?, ?, ?)'] * n)}) SELECT {cols}"
        " FROM wanted JOIN events AS e ON e.match_key = wanted.mk"
        " AND e.date >= wanted.lo AND e.date <= wanted.hi"
    )


_UNDATED_SQL = (
    "SELECT " + ", ".join(f'"{c}"' for c in _POOL_COLUMNS) + " FROM events"
    " WHERE match_key IN ({}) AND date IS NULL"
)


def _pool_row(values: Sequence[Any]) -> dict[str, Any]:
    """A stored event as read through the driver, in model types whatever the engine returns
    (SQLite: ISO dates, JSON text and 0/1; PostgreSQL: dates, lists and booleans)."""
    row = dict(zip(_POOL_COLUMNS, values, strict=True))
    row["date"] = as_date(row["date"])
    contexts = row["contexts"]
    if isinstance(contexts, str):
        row["contexts"] = json.loads(contexts)
    for flag in ("hypothetical", "future"):
        row[flag] = bool(row[flag])
    return row


def _stored_pool(
    conn: Connection, wanted: set[tuple[str, dt.date | None]], date_param: Callable[[Any], Any]
) -> list[dict[str, Any]]:
    """Stored events a batch's mentions can join: same match key, dated within
    :data:`DAY_WINDOW` days (or both undated) — never every event of a common key. Plain SQL
    through the driver: SQLAlchemy's handling of 768 typed parameters a query cost more than
    SQLite's look-ups."""
    found: list[Any] = []
    window = dt.timedelta(days=DAY_WINDOW)
    dated = sorted((mk, d) for mk, d in wanted if d is not None)
    for part in padded_chunks(dated, _WINDOW_CHUNK):
        params: list[Any] = []
        for mk, day in part:
            params += (mk, date_param(day - window), date_param(day + window))
        found.extend(select_rows(conn, _windows_sql(len(part)), params))
    undated = sorted({mk for mk, d in wanted if d is None})
    found.extend(select_in(conn, _UNDATED_SQL, undated, _CHUNK))
    return [_pool_row(r) for r in found]


def write_events(conn: Connection, docs: Iterable[Document], insert: InsertTuples) -> int:
    """Store the events of freshly inserted documents, merging mentions of the same event;
    returns how many mentions were written. Rows are built as tuples in database form and go
    through ``insert``, the store's driver-level executemany."""
    items: list[tuple[Document, Event, str]] = [
        (d, e, match_key(e)) for d in docs for e in d.events
    ]
    if not items:
        return 0
    writer = _Writer.of(conn.dialect)
    pool: dict[str, list[_Known]] = {}
    seen_ids: set[str] = set()
    for row in _stored_pool(conn, {(mk, e.date) for _d, e, mk in items}, writer.date):
        if row["id"] in seen_ids:
            continue
        seen_ids.add(row["id"])
        known = _Known(
            row["id"],
            row["date"],
            _words(row["sentence"] or ""),
            row["recipient"] is not None,
            _shared_of_row(row),
        )
        pool.setdefault(row["match_key"], []).append(known)
    new_events: dict[str, tuple[Any, ...]] = {}
    mention_rows: list[tuple[Any, ...]] = []
    for doc, e, mk in items:
        sentence = e.sentence.of(doc.article.text)
        words = _words(sentence)
        shared = _shared_of_event(e)
        hit = _pick(pool.get(mk, []), e.date, words)
        if hit is None:
            eid = event_id(mk, e.date, sentence)
            hit = _Known(eid, e.date, words, e.recipient_text is not None, shared)
            pool.setdefault(mk, []).append(hit)
            if eid not in new_events:
                new_events[eid] = _event_row(eid, mk, e, sentence, writer)
        own = {
            a: v for (a, _c), v, base in zip(_SHARED, shared, hit.shared, strict=True) if v != base
        }
        mention_rows.append(_mention_row(hit.id, doc.article.id, e, own or None, writer))
    if new_events:
        sql = "SELECT id FROM events WHERE id IN ({})"
        existing = {eid for (eid,) in select_in(conn, sql, list(new_events), _CHUNK)}
        rows = [r for eid, r in new_events.items() if eid not in existing]
        insert(conn, events, EVENT_FIELDS, rows)
    insert(conn, event_mentions, MENTION_FIELDS, mention_rows)
    return len(mention_rows)


InsertTuples = Callable[[Connection, sa.Table, tuple[str, ...], list[tuple[Any, ...]]], None]
EVENT_FIELDS = tuple(c.name for c in events.columns)
MENTION_FIELDS = tuple(c.name for c in event_mentions.columns if c.name != "id")


@dataclass(frozen=True, slots=True)
class _Writer:
    """The engine's conversions of the values that need one (dates, JSON, flags), so rows are
    built as ready tuples."""

    date: Callable[[Any], Any]
    json: Callable[[Any], Any]
    flag: Callable[[Any], Any]

    @staticmethod
    def of(dialect: sa.Dialect) -> _Writer:
        found = _WRITERS.get(dialect)
        if found is None:
            found = _WRITERS[dialect] = _Writer(
                _processor(events.c.date, dialect),
                _processor(events.c.contexts, dialect),
                _processor(events.c.negated, dialect),
            )
        return found


_WRITERS: weakref.WeakKeyDictionary[sa.Dialect, _Writer] = weakref.WeakKeyDictionary()


def _processor(column: sa.Column[Any], dialect: sa.Dialect) -> Callable[[Any], Any]:
    process = column.type.dialect_impl(dialect).bind_processor(dialect)
    return process or _same


def _same(value: Any) -> Any:
    return value


def _event_row(eid: str, mk: str, e: Event, sentence: str, w: _Writer) -> tuple[Any, ...]:
    """A row in :data:`EVENT_FIELDS` order, values in database form."""
    return (
        eid,
        mk,
        e.type,
        e.mode,
        e.actor_text,
        e.actor_id,
        e.actor_country,
        e.actor_sector,
        e.recipient_text,
        e.recipient_id,
        e.recipient_country,
        e.recipient_sector,
        w.date(e.date),
        w.flag(e.negated),
        w.flag(e.hypothetical),
        w.flag(e.future),
        w.json(list(e.contexts)),
        sentence,
        e.confidence,
    )


def _mention_row(
    eid: str, article_id: str, e: Event, own: dict[str, Any] | None, w: _Writer
) -> tuple[Any, ...]:
    """A row in :data:`MENTION_FIELDS` order, values in database form."""
    actor, recipient, quote = e.actor_span, e.recipient_span, e.quote
    return (
        eid,
        article_id,
        e.sentence.start,
        e.sentence.end,
        e.trigger.start,
        e.trigger.end,
        actor.start if actor else None,
        actor.end if actor else None,
        recipient.start if recipient else None,
        recipient.end if recipient else None,
        quote.start if quote else None,
        quote.end if quote else None,
        w.date(e.date),
        e.date_text,
        e.confidence,
        e.evidence,
        w.json(own) if own is not None else None,
    )


# ---------------------------------------------------------------------- reading


def _span(start: int | None, end: int | None) -> Span | None:
    return Span(start, end) if start is not None and end is not None else None


def article_events(conn: Connection, article_id: str) -> tuple[Event, ...]:
    """The events of one stored article as the pipeline gave them: each mention's spans, date
    and evidence, with its event's shared fields unless the mention's own values differ."""
    m, e = event_mentions, events
    shared_cols = [e.c[c].label(f"shared_{c}") for _a, c in _SHARED]
    stmt = (
        sa.select(m, e.c.type, e.c.negated, *shared_cols)
        .join(e, e.c.id == m.c.event_id)
        .where(m.c.article_id == article_id)
        .order_by(m.c.id)
    )
    out = []
    for r in conn.execute(stmt).mappings():
        fields = dict(
            zip(
                (a for a, _c in _SHARED),
                _shared_of_row({c: r[f"shared_{c}"] for _a, c in _SHARED}),
                strict=True,
            )
        )
        fields.update(r["own"] or {})
        fields["contexts"] = tuple(fields["contexts"])
        out.append(
            Event(
                type=r["type"],
                trigger=Span(r["trigger_start"], r["trigger_end"]),
                sentence=Span(r["start"], r["end"]),
                actor_span=_span(r["actor_start"], r["actor_end"]),
                recipient_span=_span(r["recipient_start"], r["recipient_end"]),
                quote=_span(r["quote_start"], r["quote_end"]),
                date=r["date"],
                date_text=r["date_text"],
                negated=bool(r["negated"]),
                confidence=r["confidence"],
                evidence=r["evidence"] or "",
                **fields,
            )
        )
    return tuple(out)


@dataclass(frozen=True, slots=True)
class EventHit:
    """One stored event with how many sentences (in how many articles) state it."""

    id: str
    type: str
    mode: str
    actor: str | None
    actor_id: str | None
    actor_country: str | None
    recipient: str | None
    recipient_id: str | None
    recipient_country: str | None
    date: dt.date | None
    negated: bool
    hypothetical: bool
    future: bool
    confidence: float
    sentence: str | None
    mentions: int
    articles: int

    def as_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["date"] = self.date.isoformat() if self.date else None
        return d


@dataclass(frozen=True, slots=True)
class PartyFilter:
    """Who a ``--actor``/``--recipient`` filter means: ISO country, KB/local ids, or a name."""

    text: str
    country: str | None = None
    ids: tuple[str, ...] = ()


def party_filter(text: str) -> PartyFilter:
    """Read a filter: "RUS" is a country; a name, alias, role phrase or id goes to the KB."""
    text = " ".join(text.split())
    if re.fullmatch(r"[A-Z]{3}", text):
        return PartyFilter(text, country=text)
    from newsgraph.annotate.linking import resolve_speaker_filter

    ids = tuple(resolve_speaker_filter(text))
    if ":" in text or "-" in text:
        ids = (*ids, text)
    return PartyFilter(text, ids=ids)


def _party_clause(
    f: PartyFilter, text: sa.Column[Any], aid: sa.Column[Any], ctry: sa.Column[Any]
) -> Any:
    if f.country is not None:
        return ctry == f.country
    conds = [sa.func.lower(text).like(f"%{_escape(f.text.lower())}%", escape="\\")]
    if f.ids:
        conds.append(aid.in_(f.ids))
    return sa.or_(*conds)


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


_HIT_COLUMNS = (
    "id", "type", "mode", "actor", "actor_id", "actor_country", "recipient", "recipient_id",
    "recipient_country", "date", "negated", "hypothetical", "future", "confidence", "sentence",
)  # fmt: skip


def query_events(
    conn: Connection,
    *,
    actor: PartyFilter | None = None,
    recipient: PartyFilter | None = None,
    type: str | None = None,
    since: dt.date | None = None,
    until: dt.date | None = None,
    either_way: bool = False,
    limit: int | None = 100,
) -> list[EventHit]:
    """Events by actor, recipient, type and date, newest first; ``either_way`` also takes the
    events where the two parties are swapped (a dyad's timeline both directions, oldest first)."""
    e = events
    count = sa.func.count(event_mentions.c.id).label("mentions")
    narts = sa.func.count(sa.distinct(event_mentions.c.article_id)).label("articles")
    stmt = (
        sa.select(
            *(e.c[name] for name in _HIT_COLUMNS),
            count,
            narts,
        )
        .join(event_mentions, event_mentions.c.event_id == e.c.id)
        .group_by(e.c.id)
    )
    conds: list[Any] = []

    def direction(a: PartyFilter | None, r: PartyFilter | None) -> Any:
        parts = []
        if a is not None:
            parts.append(_party_clause(a, e.c.actor, e.c.actor_id, e.c.actor_country))
        if r is not None:
            parts.append(_party_clause(r, e.c.recipient, e.c.recipient_id, e.c.recipient_country))
        return sa.and_(*parts) if parts else sa.true()

    if either_way:
        conds.append(sa.or_(direction(actor, recipient), direction(recipient, actor)))
    elif actor is not None or recipient is not None:
        conds.append(direction(actor, recipient))
    if type:
        conds.append(e.c.type == type.upper())
    if since is not None:
        conds.append(e.c.date >= since)
    if until is not None:
        conds.append(e.c.date <= until)
    if conds:
        stmt = stmt.where(*conds)
    order = (e.c.date.asc(), e.c.id) if either_way else (e.c.date.desc(), e.c.id)
    stmt = stmt.order_by(*order)
    if limit is not None:
        stmt = stmt.limit(limit)
    return [EventHit(**row._mapping) for row in conn.execute(stmt)]


def event_counts(conn: Connection) -> dict[str, int]:
    """How many events and event mentions are stored."""
    n_events = conn.execute(sa.select(sa.func.count()).select_from(events)).scalar() or 0
    n_mentions = conn.execute(sa.select(sa.func.count()).select_from(event_mentions)).scalar()
    return {"events": int(n_events), "event_mentions": int(n_mentions or 0)}
