"""Story and quote-group counters kept up to date incrementally, so a write costs the same whatever
the size of the stories and groups it touches: the 501st copy of a wire story printed by 500
outlets costs no more than the 2nd, and the counting reads no more rows in a big database.

Every batch adds its own copies (and a replaced article takes its copy away) as deltas: ``copies``
counts move by the batch's articles, the canonical (earliest) quotation of a group is compared with
the batch's candidates, and a story's first copy is one look-up on ``copies (story_id, first_seen,
article_id)``. Distinct outlets are counted through tally tables — ``story_outlets`` and
``quote_group_outlets``, one row per story (group) and outlet with its number of copies — read pair
by pair through their primary key. Only replacing an article (rare next to adding one) still
reads whole groups: a quote group whose canonical copy it was looks for the next earliest, and its
story re-reads its copies' signatures to give back the band keys only the replaced copy held.

:func:`recount_stories` and :func:`recount_groups` compute the same figures from scratch; the tests
hold the incremental counters to them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple

import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.store.driver import run_many, select_in, select_rows
from newsgraph.store.rows import as_date
from newsgraph.store.schema import articles, metadata, quotes
from newsgraph.store.syndication import (
    Copy,
    InsertTuples,
    copies,
    create_indexes,
    quote_groups,
    rebuild_band_index,
    reindex_stories,
    stories,
)

_CHUNK = 500  # keys per IN (...) list
_PAIR_CHUNK = 400  # (owner, outlet) pairs per VALUES list: 800 parameters

story_outlets = sa.Table(
    "story_outlets",
    metadata,
    sa.Column("story_id", sa.String(64), primary_key=True),
    sa.Column("outlet", sa.Text, primary_key=True),
    sa.Column("copies", sa.Integer, nullable=False, comment="copies of the story from the outlet"),
    sqlite_with_rowid=False,
)

quote_group_outlets = sa.Table(
    "quote_group_outlets",
    metadata,
    sa.Column("key", sa.String(32), primary_key=True, comment="quote_groups.key"),
    sa.Column("outlet", sa.Text, primary_key=True),
    sa.Column("copies", sa.Integer, nullable=False, comment="articles from the outlet carrying it"),
    sqlite_with_rowid=False,
)

_Pair = tuple[str, str]


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# ---------------------------------------------------------------------- outlet tallies


def _tally_counts(conn: Connection, table: sa.Table, pairs: Sequence[_Pair]) -> dict[_Pair, int]:
    """Stored counts of these (owner, outlet) pairs: a join with a VALUES list, so each pair is
    one primary-key probe (SQLite would scan the table for a row-value ``IN`` list)."""
    owner = next(iter(table.c)).name
    found: dict[_Pair, int] = {}
    for chunk in _chunks(sorted(pairs), _PAIR_CHUNK):
        sql = (
            f"WITH wanted(owner, outlet) AS (VALUES {', '.join(['(?, ?)'] * len(chunk))})"
            f' SELECT t."{owner}", t.outlet, t.copies FROM wanted JOIN {table.name} AS t'
            f' ON t."{owner}" = wanted.owner AND t.outlet = wanted.outlet'
        )
        params = [v for pair in chunk for v in pair]
        found.update(((o, u), n) for o, u, n in select_rows(conn, sql, params))
    return found


def apply_tally(conn: Connection, table: sa.Table, deltas: dict[_Pair, int]) -> dict[str, int]:
    """Add copy-count deltas to (owner, outlet) rows; returns, per owner, how its number of
    distinct outlets changed (a pair reaching zero copies loses its row)."""
    deltas = {pair: d for pair, d in deltas.items() if d}
    if not deltas:
        return {}
    current = _tally_counts(conn, table, list(deltas))
    change: dict[str, int] = defaultdict(int)
    fresh, changed, gone = [], [], []
    for (who, where), d in deltas.items():
        old = current.get((who, where), 0)
        new = old + d
        if old <= 0 < new:
            fresh.append((who, where, new))
            change[who] += 1
        elif new <= 0 < old:
            gone.append((who, where))
            change[who] -= 1
        elif new > 0:
            changed.append((new, who, where))
    name, owner = table.name, next(iter(table.c)).name
    match = f'"{owner}" = ? AND outlet = ?'
    run_many(conn, f'INSERT INTO {name} ("{owner}", outlet, copies) VALUES (?, ?, ?)', fresh)
    run_many(conn, f"UPDATE {name} SET copies = ? WHERE {match}", changed)
    run_many(conn, f"DELETE FROM {name} WHERE {match}", gone)
    return change


def _drop_tallies(conn: Connection, table: sa.Table, owners: Iterable[str]) -> None:
    owner = next(iter(table.c))
    for chunk in _chunks(sorted(set(owners))):
        conn.execute(sa.delete(table).where(owner.in_(chunk)))


# ---------------------------------------------------------------------- stories


@dataclass(slots=True)
class Removed:
    """What a batch's replaced articles took away, read before their rows are deleted."""

    story_copies: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    story_outlets: dict[_Pair, int] = field(default_factory=lambda: defaultdict(int))
    # group key -> {article id: outlet}
    group_articles: dict[str, dict[str, str]] = field(default_factory=lambda: defaultdict(dict))


def removed(conn: Connection, article_ids: Sequence[str]) -> Removed:
    """The stories, groups and outlets these stored articles count in."""
    out = Removed()
    joined = quotes.join(copies, copies.c.article_id == quotes.c.article_id)
    for chunk in _chunks(sorted(set(article_ids))):
        stmt = sa.select(copies.c.story_id, copies.c.outlet).where(copies.c.article_id.in_(chunk))
        for story, where in conn.execute(stmt):
            out.story_copies[story] += 1
            out.story_outlets[(story, where)] += 1
        stmt = (
            sa.select(quotes.c.group_key, quotes.c.article_id, copies.c.outlet)
            .select_from(joined)
            .where(quotes.c.article_id.in_(chunk), quotes.c.group_key.is_not(None))
        )
        for key, aid, where in conn.execute(stmt):
            out.group_articles[key][aid] = where
    return out


def _first_copies(conn: Connection, story_ids: Iterable[str]) -> dict[str, tuple[dt.date, str]]:
    """Each story's earliest copy (first seen, then article id) as (first_seen, title): one index
    probe per story on ``ix_copies_story_first``."""
    other = copies.alias("other")
    first = (
        sa.select(other.c.article_id)
        .where(other.c.story_id == stories.c.id)
        .order_by(other.c.first_seen, other.c.article_id)
        .limit(1)
        .correlate(stories)
        .scalar_subquery()
    )
    found: dict[str, tuple[dt.date, str]] = {}
    source = stories.join(copies, copies.c.article_id == first).join(
        articles, articles.c.id == copies.c.article_id
    )
    for chunk in _chunks(sorted(set(story_ids))):
        stmt = (
            sa.select(stories.c.id, copies.c.first_seen, articles.c.title)
            .select_from(source)
            .where(stories.c.id.in_(chunk))
        )
        found.update((story, (seen, title)) for story, seen, title in conn.execute(stmt))
    return found


STORY_FIELDS = ("id", "title", "first_seen", "copies", "outlets")


def update_stories(
    conn: Connection,
    planned: Sequence[Copy],
    gone: Removed,
    insert: InsertTuples,
    date_param: Callable[..., Any],
) -> None:
    """Bring ``stories`` up to date after a batch (its copies written, replaced ones deleted)."""
    if gone.story_copies:
        reindex_stories(conn, gone.story_copies)
    delta: dict[str, int] = defaultdict(int)
    pairs: dict[_Pair, int] = defaultdict(int)
    for story, n in gone.story_copies.items():
        delta[story] -= n
    for pair, n in gone.story_outlets.items():
        pairs[pair] -= n
    batch: dict[str, list[Copy]] = defaultdict(list)
    for c in planned:
        batch[c.story_id].append(c)
        delta[c.story_id] += 1
        pairs[(c.story_id, c.outlet)] += 1
    if not delta:
        return
    stored = {}
    for chunk in _chunks(sorted(delta)):
        stmt = sa.select(stories.c.id, stories.c.copies, stories.c.outlets)
        stored.update((s, (n, o)) for s, n, o in conn.execute(stmt.where(stories.c.id.in_(chunk))))
    outlets = apply_tally(conn, story_outlets, pairs)
    living = [s for s, (n, _o) in stored.items() if n + delta[s] > 0]
    firsts = _first_copies(conn, living)
    updates, dead, fresh = [], [], []
    for story, (n, o) in stored.items():
        if story not in firsts:
            dead.append(story)
            continue
        seen, title = firsts[story]
        copies_n, outlets_n = n + delta[story], o + outlets.get(story, 0)
        updates.append((title, date_param(seen), copies_n, outlets_n, story))
    for story, members in batch.items():
        if story in stored:
            continue
        first = min(members, key=lambda c: (c.first_seen, c.article_id))
        seen = date_param(first.first_seen)
        fresh.append((story, first.title, seen, len(members), outlets.get(story, 0)))
    sql = "UPDATE stories SET title = ?, first_seen = ?, copies = ?, outlets = ? WHERE id = ?"
    run_many(conn, sql, updates)
    for chunk in _chunks(dead):
        conn.execute(sa.delete(stories).where(stories.c.id.in_(chunk)))
    _drop_tallies(conn, story_outlets, dead)
    insert(conn, stories, STORY_FIELDS, fresh)


# ---------------------------------------------------------------------- quote groups


class Member(NamedTuple):
    """One quotation of a group; the earliest by :data:`EARLIEST` is the group's canonical copy."""

    first_seen: dt.date
    article_id: str
    start: int
    text: str
    speaker: str | None
    outlet: str


EARLIEST = itemgetter(0, 1, 2)  # first seen, article id, offset


# canonical article id, its offset, first seen, copies, outlets
_Group = tuple[str, int, dt.date, int, int]


def _group_rows(conn: Connection, keys: Iterable[str]) -> dict[str, _Group]:
    sql = (
        'SELECT "key", article_id, start, first_seen, copies, outlets FROM quote_groups'
        ' WHERE "key" IN ({})'
    )
    return {
        key: (aid, start, as_date(seen), n, outlets)
        for key, aid, start, seen, n, outlets in select_in(conn, sql, sorted(set(keys)))
    }


def _stored_members(conn: Connection, keys: Iterable[str]) -> dict[str, list[Member]]:
    """The stored quotations of these keys (for keys without a group row: one article's at
    most, by the rule that a group row exists as soon as two articles share the key)."""
    found: dict[str, list[Member]] = defaultdict(list)
    sql = (
        "SELECT q.group_key, c.first_seen, q.article_id, q.start, q.text, q.speaker, c.outlet"
        " FROM quotes AS q JOIN copies AS c ON c.article_id = q.article_id"
        " WHERE q.group_key IN ({})"
    )
    for key, seen, *rest in select_in(conn, sql, sorted(set(keys))):
        found[key].append(Member(as_date(seen), *rest))
    return found


def _canonical_rescan(conn: Connection, keys: Sequence[str]) -> dict[str, Member]:
    """The earliest remaining quotation of each group (reads the whole group: only for groups
    whose canonical copy was replaced)."""
    out: dict[str, Member] = {}
    for key, members in _stored_members(conn, keys).items():
        out[key] = min(members, key=EARLIEST)
    return out


GROUP_FIELDS = ("key", "article_id", "start", "text", "speaker", "outlets", "copies", "first_seen")
_SET_COUNTS = 'UPDATE quote_groups SET copies = ?, outlets = ? WHERE "key" = ?'
_SET_ALL = (
    "UPDATE quote_groups SET article_id = ?, start = ?, text = ?, speaker = ?, first_seen = ?,"
    ' copies = ?, outlets = ? WHERE "key" = ?'
)


@dataclass(slots=True)
class _GroupWrites:
    """A batch's group changes as ready-made rows for three executemany statements."""

    date_param: Callable[..., Any]
    counts: list[tuple[Any, ...]] = field(default_factory=list)
    moved: list[tuple[Any, ...]] = field(default_factory=list)  # the canonical copy changed
    fresh: list[tuple[Any, ...]] = field(default_factory=list)

    def count(self, key: str, copies_n: int, outlets_n: int, best: Member | None = None) -> None:
        if best is None:
            self.counts.append((copies_n, outlets_n, key))
            return
        seen = self.date_param(best.first_seen)
        m = best
        self.moved.append(
            (m.article_id, m.start, m.text, m.speaker, seen, copies_n, outlets_n, key)
        )

    def new(self, key: str, m: Member, copies_n: int, outlets_n: int) -> None:
        seen = self.date_param(m.first_seen)
        self.fresh.append(
            (key, m.article_id, m.start, m.text, m.speaker, outlets_n, copies_n, seen)
        )

    def run(self, conn: Connection, insert: InsertTuples | None = None) -> None:
        run_many(conn, _SET_COUNTS, self.counts)
        run_many(conn, _SET_ALL, self.moved)
        if insert is not None:
            insert(conn, quote_groups, GROUP_FIELDS, self.fresh)


def remove_from_groups(conn: Connection, gone: Removed, date_param: Callable[..., Any]) -> None:
    """After replaced articles were deleted: take them out of their groups; a group left with
    one article loses its row."""
    rows = _group_rows(conn, gone.group_articles)
    pairs: dict[_Pair, int] = defaultdict(int)
    dissolved, rescan = [], []
    for key, (aid, _start, _seen, n, _outlets) in rows.items():
        lost = gone.group_articles[key]
        if n - len(lost) < 2:
            dissolved.append(key)
            continue
        for where in lost.values():
            pairs[(key, where)] -= 1
        if aid in lost:
            rescan.append(key)
    outlets = apply_tally(conn, quote_group_outlets, pairs)
    canonical = _canonical_rescan(conn, rescan)
    writes = _GroupWrites(date_param)
    for key, (_aid, _start, _seen, n, n_outlets) in rows.items():
        if key not in dissolved:
            copies_n = n - len(gone.group_articles[key])
            writes.count(key, copies_n, n_outlets + outlets.get(key, 0), canonical.get(key))
    writes.run(conn)
    for chunk in _chunks(dissolved):
        conn.execute(sa.delete(quote_groups).where(quote_groups.c.key.in_(chunk)))
    _drop_tallies(conn, quote_group_outlets, dissolved)


def add_to_groups(
    conn: Connection,
    batch: dict[str, list[Member]],
    insert: InsertTuples,
    date_param: Callable[..., Any],
) -> None:
    """Count a batch's quotations (group key -> members, articles not stored yet) into their
    groups: a stored group moves its counters and perhaps its canonical copy; a key now carried
    by two articles or more gets its row."""
    if not batch:
        return
    rows = _group_rows(conn, batch)
    stored = _stored_members(conn, [k for k in batch if k not in rows])
    pairs: dict[_Pair, int] = defaultdict(int)
    fresh: dict[str, tuple[Member, int]] = {}
    for key, members in batch.items():
        row = rows.get(key)
        old = stored.get(key, ()) if row is None else ()
        everyone = [*old, *members]
        by_article = {m.article_id: m.outlet for m in everyone}
        if row is None and len(by_article) < 2:
            continue
        if row is not None:
            by_article = {m.article_id: m.outlet for m in members}
        for where in by_article.values():
            pairs[(key, where)] += 1
        fresh[key] = (min(everyone, key=EARLIEST), len(by_article))
    outlets = apply_tally(conn, quote_group_outlets, pairs)
    writes = _GroupWrites(date_param)
    for key, (best, n) in fresh.items():
        row = rows.get(key)
        if row is None:
            writes.new(key, best, n, outlets.get(key, 0))
            continue
        aid, start, seen, copies_n, outlets_n = row
        moved = best if EARLIEST(best) < (seen, aid, start) else None
        writes.count(key, copies_n + n, outlets_n + outlets.get(key, 0), moved)
    writes.run(conn, insert)


# ---------------------------------------------------------------------- from scratch


def recount_stories(conn: Connection) -> set[tuple[Any, ...]]:
    """Every story's (id, title, first_seen, copies, outlets) computed from ``copies`` alone."""
    out = set()
    rows = conn.execute(
        sa.select(copies.c.story_id, copies.c.first_seen, copies.c.article_id, copies.c.outlet)
    )
    members: dict[str, list[tuple[dt.date, str, str]]] = defaultdict(list)
    for story, seen, aid, where in rows:
        members[story].append((seen, aid, where))
    titles = {aid: title for aid, title in conn.execute(sa.select(articles.c.id, articles.c.title))}
    for story, ms in members.items():
        seen, aid, _ = min(ms)
        out.add((story, titles[aid], seen, len(ms), len({w for *_x, w in ms})))
    return out


def recount_groups(conn: Connection) -> set[tuple[Any, ...]]:
    """Every quote group (key, article_id, start, text, speaker, outlets, copies, first_seen)
    with two articles or more, computed from ``quotes`` and ``copies`` alone."""
    joined = quotes.join(copies, copies.c.article_id == quotes.c.article_id)
    members: dict[str, list[Member]] = defaultdict(list)
    cols = (
        quotes.c.group_key,
        copies.c.first_seen,
        quotes.c.article_id,
        quotes.c.start,
        quotes.c.text,
        quotes.c.speaker,
        copies.c.outlet,
    )
    for key, *rest in conn.execute(
        sa.select(*cols).select_from(joined).where(quotes.c.group_key.is_not(None))
    ):
        members[key].append(Member(*rest))
    out = set()
    for key, ms in members.items():
        by_article = {m.article_id: m.outlet for m in ms}
        if len(by_article) < 2:
            continue
        m = min(ms, key=EARLIEST)
        outlets = len(set(by_article.values()))
        row = (key, m.article_id, m.start, m.text, m.speaker)
        out.add((*row, outlets, len(by_article), m.first_seen))
    return out


def add_outlet_tallies(conn: Connection, _dialect: object) -> None:
    """Migration 5: the outlet tally tables, filled from what is stored, and the copies index
    that finds a story's first copy."""
    for table in (story_outlets, quote_group_outlets):
        table.create(conn, checkfirst=True)
    tallies_from_scratch(conn)
    rebuild_band_index(conn)
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_copies_story_id")
    create_indexes(copies, conn)


def tallies_from_scratch(conn: Connection) -> None:
    """Fill the tally tables from ``copies``, ``quotes`` and ``quote_groups``."""
    conn.execute(sa.delete(story_outlets))
    conn.execute(sa.delete(quote_group_outlets))
    by_outlet = sa.select(copies.c.story_id, copies.c.outlet, sa.func.count()).group_by(
        copies.c.story_id, copies.c.outlet
    )
    conn.execute(sa.insert(story_outlets).from_select(["story_id", "outlet", "copies"], by_outlet))
    grouped = (
        sa.select(
            quotes.c.group_key,
            copies.c.outlet,
            sa.func.count(sa.distinct(quotes.c.article_id)),
        )
        .select_from(
            quotes.join(copies, copies.c.article_id == quotes.c.article_id).join(
                quote_groups, quote_groups.c.key == quotes.c.group_key
            )
        )
        .group_by(quotes.c.group_key, copies.c.outlet)
    )
    conn.execute(sa.insert(quote_group_outlets).from_select(["key", "outlet", "copies"], grouped))
