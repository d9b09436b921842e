"""Syndicated copies: the same wire story on many sites becomes one *story*, and the same quotation
(same words, same speaker) across copies and stories becomes one *quote group*.

Copies are found with MinHash LSH over word shingles of the article body (titles and boilerplate
differ between sites; the body barely does). Signatures are one-permutation MinHash (64 bins,
densified) computed with numpy from polynomial word hashes, a few dozen bodies per pass (~0.04 ms
for a 4 KB article; one hash per permutation, as datasketch does, costs more), and the LSH index
lives in the database as band hashes in a table keyed by band, so it persists across ingest runs
and candidate look-up is plain SQL. A band key shared by :data:`BAND_CAP` stories is common text,
not a sign of a copy: it keeps one marker row and no candidate search looks into it. A candidate
joins a story only when its estimated Jaccard similarity to an earlier copy reaches
:data:`SAME_STORY`. Everything is a pure function of the text: the same
articles ingested in the same order always give the same stories, and re-ingesting is a no-op.

Tables: ``stories`` (id = the first copy's article id, title, first seen, copy count),
``copies`` (one row per article: its story, outlet, first-seen date and MinHash signature),
``minhash_bands`` (the LSH index) and ``quote_groups`` (one canonical quotation per group with
the number of outlets and the first-seen date); ``quotes.group_key`` points at the group.
Their counters are kept incrementally by :mod:`newsgraph.store.syndication_counts`. Indexes come
from ``after_create`` hooks, like the events tables, so the store's index
migrations never touch tables an older database does not have yet.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import sqlalchemy as sa
from sqlalchemy.engine import Connection

from newsgraph.model import Document, Quote
from newsgraph.store.driver import run_many, select_in
from newsgraph.store.schema import articles, index_hook, metadata, quotes

SHINGLE = 4  # words per shingle: long enough that unrelated articles share almost none
NUM_PERM = 64  # signature values (one-permutation MinHash bins); a power of two
ROWS = 2  # signature values per LSH band; 32 bands find pairs down to a Jaccard of about 0.2
BANDS = NUM_PERM // ROWS
SAME_STORY = 0.35  # estimated Jaccard from which two bodies are copies of one story
MAX_CANDIDATES = 8  # stored copies compared per new article (those sharing most bands)
# Stories indexed under one band key at most: a key shared by more (a site's footer the cleaner
# kept, a stock phrase) says nothing about copies, and a cap keeps every look-up small.
BAND_CAP = 16
# A key that reached the cap keeps one row with this story id instead of its BAND_CAP entries: the
# look-up of a batch's keys then reads one row, not sixteen, for every common phrase.
FULL = ""
_CHUNK = 500
_BAND_CHUNK = 4000  # band keys per look-up: a batch's keys in two queries (SQLite allows 32766)

_NON_WORD = re.compile(r"[\W_]+")
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")

# Fixed odd 64-bit multipliers: the hash family is part of the stored data, never random.
_rng = np.random.default_rng(20220928)
_SHINGLE_MULT = (_rng.integers(1, 2**63, SHINGLE, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
_BAND_SALT = _rng.integers(1, 2**63, BANDS, dtype=np.uint64)
_MIX = np.uint64(0x9E3779B97F4A7C15)
_BIN_SHIFT = np.uint64(64 - NUM_PERM.bit_length() + 1)  # top log2(NUM_PERM) bits: the bin
_LOW32 = np.uint64(0xFFFFFFFF)
_EMPTY = np.uint64(1 << 32)  # above every 32-bit value: a bin no shingle fell in
_ROTATE = np.uint64(0x9E3779B1)
del _rng
_BASE = 0x100000001B3  # odd: invertible mod 2**64
_INV_BASE = pow(_BASE, -1, 2**64)
_POW_CACHE = 1 << 17  # bytes of body covered by the precomputed tables (1 MB each)

stories = sa.Table(
    "stories",
    metadata,
    sa.Column("id", sa.String(64), primary_key=True, comment="article id of the first copy"),
    sa.Column("title", sa.Text, comment="title of the first copy"),
    sa.Column("first_seen", sa.Date, comment="earliest publication (or ingest) date of a copy"),
    sa.Column("copies", sa.Integer, nullable=False, default=1),
    sa.Column("outlets", sa.Integer, nullable=False, default=1),
)

copies = sa.Table(
    "copies",
    metadata,
    sa.Column(
        "article_id",
        sa.String(64),
        sa.ForeignKey(articles.c.id, ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("story_id", sa.String(64), nullable=False),
    sa.Column("outlet", sa.Text, nullable=False, comment="URL host, else publisher, else source"),
    sa.Column("first_seen", sa.Date, nullable=False, comment="published, else ingest date"),
    sa.Column("signature", sa.LargeBinary, comment="MinHash of the body, 64 uint32"),
)

minhash_bands = sa.Table(
    "minhash_bands",
    metadata,
    sa.Column("band_key", sa.BigInteger, primary_key=True, comment="hash of band number + values"),
    sa.Column("story_id", sa.String(64), primary_key=True),
    # No foreign key and no index: a replaced copy's rows are found by their band keys (from its
    # signature), and an index on random article ids would double the cost of every insert.
    sa.Column("article_id", sa.String(64), nullable=False, comment="the copy that added it"),
    sqlite_with_rowid=False,  # the key order is the look-up order: one B-tree, no rowid
)

quote_groups = sa.Table(
    "quote_groups",
    metadata,
    sa.Column("key", sa.String(32), primary_key=True, comment="quotes.group_key"),
    sa.Column("article_id", sa.String(64), nullable=False, comment="the earliest copy ..."),
    sa.Column("start", sa.Integer, nullable=False, comment="... and its offset: canonical"),
    sa.Column("text", sa.Text, nullable=False),
    sa.Column("speaker", sa.Text),
    sa.Column("outlets", sa.Integer, nullable=False),
    sa.Column("copies", sa.Integer, nullable=False),
    sa.Column("first_seen", sa.Date),
)

# A story's copies in first-seen order: its first copy is one index probe, however many it has.
_INDEXES = (
    ("ix_copies_story_first", "copies", ("story_id", "first_seen", "article_id")),
    ("ix_quotes_group_key", "quotes", ("group_key",)),
)


create_indexes = index_hook(_INDEXES)

for _table in (copies, quote_groups, quotes):
    sa.event.listen(_table, "after_create", create_indexes)


def add_syndication_tables(conn: Connection, _dialect: object) -> None:
    """Migration: ``quotes.group_key`` and the story tables. Articles stored before stay
    ungrouped until they are ingested again."""
    if "group_key" not in {c["name"] for c in sa.inspect(conn).get_columns("quotes")}:
        conn.exec_driver_sql("ALTER TABLE quotes ADD COLUMN group_key VARCHAR(32)")
    create_indexes(quotes, conn)
    for table in (stories, copies, minhash_bands, quote_groups):
        table.create(conn, checkfirst=True)


# ---------------------------------------------------------------------- MinHash


def _power_table(base: int, n: int) -> np.ndarray:
    table = np.full(n, base, dtype=np.uint64)
    table[0] = 1
    return np.cumprod(table, dtype=np.uint64)  # wraps mod 2**64 on purpose


_POW = _power_table(_BASE, _POW_CACHE)
_INV_POW = _power_table(_INV_BASE, _POW_CACHE)


def _powers(n: int) -> tuple[np.ndarray, np.ndarray]:
    if n <= len(_POW):
        return _POW[:n], _INV_POW[:n]
    return _power_table(_BASE, n), _power_table(_INV_BASE, n)


def _hashes(data: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Word hashes of UTF-8 bytes (at most :data:`_POW_CACHE` of them) and each word's start."""
    pow_, inv = _powers(len(data))
    space = data <= 32
    word = ~space
    starts = np.flatnonzero(word & np.concatenate(([True], space[:-1])))
    ends = np.flatnonzero(word & np.concatenate((space[1:], [True]))) + 1
    prefix = np.zeros(len(data) + 1, dtype=np.uint64)
    np.cumsum((data.astype(np.uint64) + np.uint64(1)) * pow_, out=prefix[1:])
    h = (prefix[ends] - prefix[starts]) * inv[starts]
    h ^= h >> np.uint64(33)
    h *= _MIX
    h ^= h >> np.uint64(29)
    return h, starts


def word_hashes(text: str) -> np.ndarray:
    """A 64-bit hash per whitespace-separated word of the case-folded text, all in numpy:
    polynomial prefix sums over the UTF-8 bytes (mod 2**64, the base odd so it inverts)."""
    data = np.frombuffer(text.casefold().encode("utf-8"), dtype=np.uint8)
    if not len(data):
        return np.zeros(0, dtype=np.uint64)
    return _hashes(data)[0]


def _mixed(shingles: np.ndarray) -> np.ndarray:
    shingles ^= shingles >> np.uint64(29)
    shingles *= _MIX
    shingles ^= shingles >> np.uint64(32)
    return shingles


def _finished(sig: np.ndarray) -> np.ndarray:
    """Bin minima to the stored signature: short texts leave bins empty, which borrow the next
    full bin's value, rotated."""
    holes = np.flatnonzero(sig == _EMPTY)
    if len(holes):
        full = np.flatnonzero(sig != _EMPTY)
        donor = full[np.searchsorted(full, holes) % len(full)]
        distance = ((donor - holes) % NUM_PERM).astype(np.uint64)
        sig[holes] = (sig[donor] + distance * _ROTATE) & _LOW32
    return sig.astype(np.uint32)


def _signature_of(h: np.ndarray) -> np.ndarray | None:
    if not len(h):
        return None
    n = max(1, len(h) - SHINGLE + 1)
    shingles = np.zeros(n, dtype=np.uint64)
    for i in range(min(SHINGLE, len(h))):
        shingles += h[i : i + n] * _SHINGLE_MULT[i]  # wraps mod 2**64 on purpose
    shingles = _mixed(shingles)
    # One permutation, NUM_PERM bins: the top bits pick a bin, the low 32 bits compete for its
    # minimum. As accurate as NUM_PERM separate hashes and NUM_PERM times less work.
    sig = np.full(NUM_PERM, _EMPTY, dtype=np.uint64)
    np.minimum.at(sig, (shingles >> _BIN_SHIFT).astype(np.intp), shingles & _LOW32)
    return _finished(sig)


def signature(body: str) -> np.ndarray | None:
    """MinHash (``NUM_PERM`` uint32) of the body's word shingles; None for an empty body.
    Words are whitespace-separated and keep their punctuation: copies share it too."""
    return _signature_of(word_hashes(body))


def signatures(bodies: Sequence[str]) -> list[np.ndarray | None]:
    """:func:`signature` of every body, a few dozen bodies per pass: one set of array
    operations per group instead of per body (the same values, a fraction of the calls)."""
    encoded = [b.casefold().encode("utf-8") for b in bodies]
    out: list[np.ndarray | None] = [None] * len(bodies)
    group: list[int] = []
    size = 0
    for i, data in enumerate(encoded):
        if group and size + len(data) + 1 > _POW_CACHE:
            _group_signatures(encoded, group, out)
            group, size = [], 0
        group.append(i)
        size += len(data) + 1
    if group:
        _group_signatures(encoded, group, out)
    return out


def _group_signatures(encoded: list[bytes], group: list[int], out: list[Any]) -> None:
    """Signatures of the bodies ``group`` names, joined by a space (no word crosses two)."""
    joined = b" ".join(encoded[i] for i in group)
    if len(joined) > _POW_CACHE:  # one body longer than the tables: on its own
        for i in group:
            out[i] = _signature_of(word_hashes(encoded[i].decode("utf-8")))
        return
    h, starts = _hashes(np.frombuffer(joined, dtype=np.uint8))
    offsets = np.cumsum([0] + [len(encoded[i]) + 1 for i in group[:-1]])
    doc = np.searchsorted(offsets, starts, side="right") - 1
    words = np.bincount(doc, minlength=len(group))
    sig = np.full((len(group), NUM_PERM), _EMPTY, dtype=np.uint64)
    n = len(h) - SHINGLE + 1
    if n > 0:
        shingles = np.zeros(n, dtype=np.uint64)
        for i in range(SHINGLE):
            shingles += h[i : i + n] * _SHINGLE_MULT[i]
        inside = doc[:n] == doc[SHINGLE - 1 :]  # windows within one body
        shingles, owner = _mixed(shingles[inside]), doc[:n][inside]
        cells = owner * NUM_PERM + (shingles >> _BIN_SHIFT).astype(np.intp)
        np.minimum.at(sig.reshape(-1), cells, shingles & _LOW32)
    for j, i in enumerate(group):
        if words[j] >= SHINGLE:
            out[i] = _finished(sig[j])
        else:  # fewer words than a shingle: the single partial shingle of signature()
            out[i] = _signature_of(h[doc == j])


def band_keys(sig: np.ndarray) -> list[int]:
    """One non-negative 63-bit key per band (band number mixed in): the LSH index rows."""
    return _mixed_bands(sig[np.newaxis, :])[0]


def _mixed_bands(sigs: np.ndarray) -> list[list[int]]:
    """:func:`band_keys` of each row of an (n, NUM_PERM) uint32 array, in one pass."""
    sigs = np.ascontiguousarray(sigs, dtype=np.uint32)
    pairs = sigs.view(np.uint64) if ROWS == 2 else sigs.reshape(-1, BANDS, ROWS).sum(axis=2)
    mixed = (pairs ^ _BAND_SALT) * _MIX
    mixed ^= mixed >> np.uint64(31)
    keys: list[list[int]] = (mixed >> np.uint64(1)).astype(np.int64).tolist()
    return keys


def batch_band_keys(sigs: Sequence[np.ndarray | None]) -> list[list[int]]:
    """:func:`band_keys` of every signature (``[]`` for None), the array work done once."""
    present = [s for s in sigs if s is not None]
    if not present:
        return [[] for _ in sigs]
    found = iter(_mixed_bands(np.stack(present)))
    return [next(found) if s is not None else [] for s in sigs]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / NUM_PERM


def _from_blob(blob: bytes | None) -> np.ndarray | None:
    return np.frombuffer(blob, dtype=np.uint32) if blob else None


# ---------------------------------------------------------------------- keys


# ASCII text: every character but a letter or digit is a separator (``[\W_]`` of ASCII).
_ASCII_SEPARATORS = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def _fold(text: str) -> str:
    """Lower case, no accents, words separated by single spaces (typography does not count)."""
    if text.isascii():  # most text: one translation instead of case folding and a regex
        return " ".join(text.lower().translate(_ASCII_SEPARATORS).split())
    folded = text.casefold()
    if not folded.isascii():
        folded = _COMBINING.sub("", unicodedata.normalize("NFKD", folded))
    return _NON_WORD.sub(" ", folded).strip()


def outlet(doc: Document) -> str:
    """Who published this copy: the URL's host (without www.), else the publisher's name, else
    the source (each file its own outlet)."""
    a = doc.article
    if a.url:
        host = urlsplit(a.url if "//" in a.url else "//" + a.url).hostname or ""
        if host:
            return host.removeprefix("www.")
    if a.publisher and _fold(a.publisher):
        return _fold(a.publisher)
    return a.source


@lru_cache(maxsize=4096)
def _folded_name(name: str) -> str:
    return _fold(name)


# Syndicated copies repeat their quotations word for word: the key of a (scope, text) pair
# seen before is a dictionary hit instead of a fold and a hash.
@lru_cache(maxsize=16384)
def _scoped_key(scope: str, text: str) -> str | None:
    words = _fold(text)
    if not words:
        return None
    return hashlib.blake2b(f"{scope}\x1f{words}".encode(), digest_size=16).hexdigest()


def quote_group_key(q: Quote, story_id: str | None) -> str | None:
    """The group of a quotation: same normalised words by the same speaker, in any story; a
    quotation without a speaker only groups within its own story."""
    who = _folded_name(q.speaker) if q.speaker else ""
    return _scoped_key(f"speaker:{who}" if who else f"story:{story_id or ''}", q.text)


# ---------------------------------------------------------------------- writing


@dataclass(slots=True)
class Copy:
    """One article's place among the stories, decided before its rows are written."""

    article_id: str
    story_id: str
    outlet: str
    first_seen: dt.date
    title: str | None
    signature: np.ndarray | None
    new_bands: list[int]  # band keys this copy adds to its story's index
    filled_bands: list[int] = field(default_factory=list)  # of those, keys it made full


def _chunks(items: Sequence[Any], size: int = _CHUNK) -> Iterable[Sequence[Any]]:
    for i in range(0, len(items), size):
        yield items[i : i + size]


# band key -> [(story id, article id)]: each key is indexed once per story, so a story with a
# thousand copies costs no more to look up than one with a single copy.
_Bands = dict[int, list[tuple[str, str]]]


def _stored_bands(conn: Connection, keys: set[int]) -> _Bands:
    """Stored index entries of these band keys; a key marked full (:data:`FULL`) reads as
    :data:`BAND_CAP` entries, which no candidate search looks into."""
    by_band: _Bands = defaultdict(list)
    sql = "SELECT band_key, story_id, article_id FROM minhash_bands WHERE band_key IN ({})"
    for key, story, aid in select_in(conn, sql, sorted(keys), _BAND_CHUNK):
        if story == FULL:
            by_band[key] = [(FULL, aid)] * BAND_CAP
        else:
            by_band[key].append((story, aid))
    return by_band


def _signatures(conn: Connection, ids: Iterable[str]) -> dict[str, np.ndarray | None]:
    sql = "SELECT article_id, signature FROM copies WHERE article_id IN ({})"
    return {aid: _from_blob(blob) for aid, blob in select_in(conn, sql, sorted(set(ids)))}


def _by_shared_bands(item: tuple[tuple[str, str], int]) -> tuple[int, str]:
    (_story, aid), n = item
    return -n, aid


def _best_story(
    sig: np.ndarray, keys: list[int], by_band: _Bands, sigs: dict[str, np.ndarray | None]
) -> str | None:
    """The story of the most similar candidate (most shared bands first, at most
    :data:`MAX_CANDIDATES` compared) if it reaches :data:`SAME_STORY`."""
    found = [
        entry
        for k in keys
        if (entries := by_band.get(k)) and len(entries) < BAND_CAP  # a full key: common text
        for entry in entries
    ]
    if not found:  # most articles: no stored or earlier copy shares a band
        return None
    ranked = heapq.nsmallest(MAX_CANDIDATES, Counter(found).items(), key=_by_shared_bands)
    candidates = [(story, sigs.get(aid)) for (story, aid), _n in ranked]
    candidates = [(story, cand) for story, cand in candidates if cand is not None]
    if not candidates:
        return None
    # every candidate's similarity in one array operation (the same values as similarity())
    same = np.count_nonzero(np.stack([cand for _s, cand in candidates]) == sig, axis=1)
    best, story = SAME_STORY, None
    for (cand_story, _cand), n_same in zip(candidates, same.tolist(), strict=True):
        score = n_same / NUM_PERM
        if score > best or (score == best and story is None):
            best, story = score, cand_story
    return story


def plan_copies(
    conn: Connection,
    docs: Sequence[Document],
    first_seen: dict[str, dt.date],
    bodies: Sequence[str] | None = None,
) -> list[Copy]:
    """Decide each document's story: the story of its most similar earlier copy (stored, or
    earlier in this batch) when similar enough, else a new story named after itself.
    ``bodies`` are the documents' body texts when the caller has them already."""
    if bodies is None:
        bodies = [d.article.body_text for d in docs]
    sigs = signatures(bodies)
    bands = batch_band_keys(sigs)
    by_band = _stored_bands(conn, {k for b in bands for k in b})
    # Only keys below the cap name candidates (a key never shrinks): fetch just their signatures.
    open_keys = (entries for entries in by_band.values() if len(entries) < BAND_CAP)
    known = _signatures(conn, {aid for entries in open_keys for _, aid in entries})
    planned: list[Copy] = []
    for doc, sig, keys in zip(docs, sigs, bands, strict=True):
        aid = doc.article.id
        story = (_best_story(sig, keys, by_band, known) if sig is not None else None) or aid
        new_bands: list[int] = []
        full: list[int] = []
        for k in keys:
            entries = by_band[k]
            if not entries or (len(entries) < BAND_CAP and all(s != story for s, _ in entries)):
                entries.append((story, aid))  # later documents of this batch can join it
                new_bands.append(k)
                if len(entries) == BAND_CAP:
                    full.append(k)
        known[aid] = sig
        planned.append(
            Copy(
                aid,
                story,
                outlet(doc),
                first_seen[aid],
                doc.article.title,
                sig,
                new_bands,
                full,
            )
        )
    return planned


COPY_FIELDS = ("article_id", "story_id", "outlet", "first_seen", "signature")
BAND_FIELDS = ("band_key", "story_id", "article_id")
InsertTuples = Callable[[Connection, sa.Table, tuple[str, ...], list[tuple[Any, ...]]], None]


def write_copies(
    conn: Connection, planned: Sequence[Copy], insert: InsertTuples, date_param: Callable[..., Any]
) -> None:
    """The copies and their new band rows (the articles are written already), through the
    store's driver-level executemany (``insert``; dates converted with ``date_param``)."""
    if not planned:
        return
    copy_rows = [
        (
            c.article_id,
            c.story_id,
            c.outlet,
            date_param(c.first_seen),
            c.signature.tobytes() if c.signature is not None else None,
        )
        for c in planned
    ]
    insert(conn, copies, COPY_FIELDS, copy_rows)
    band_rows = [(k, c.story_id, c.article_id) for c in planned for k in c.new_bands]
    insert(conn, minhash_bands, BAND_FIELDS, band_rows)
    filled = [(k, FULL, c.article_id) for c in planned for k in c.filled_bands]
    if filled:
        for chunk in _chunks([k for k, _s, _a in filled]):
            conn.execute(sa.delete(minhash_bands).where(minhash_bands.c.band_key.in_(chunk)))
        insert(conn, minhash_bands, BAND_FIELDS, filled)


def band_rows_of(conn: Connection, article_ids: Sequence[str]) -> list[tuple[int, str]]:
    """(band key, article id) of every index row these stored copies may have added."""
    sql = "SELECT article_id, signature FROM copies WHERE article_id IN ({})"
    out = []
    for aid, blob in select_in(conn, sql, sorted(set(article_ids))):
        sig = _from_blob(blob)
        out.extend((k, aid) for k in (band_keys(sig) if sig is not None else ()))
    return out


def drop_band_rows(conn: Connection, rows: Sequence[tuple[int, str]]) -> None:
    """Delete the index rows of replaced copies (primary-key probes by band key)."""
    run_many(conn, "DELETE FROM minhash_bands WHERE band_key = ? AND article_id = ?", rows)


def reindex_stories(conn: Connection, story_ids: Iterable[str]) -> None:
    """After copies were deleted: give back to each story the band keys that only the deleted
    copies carried in the index, from the signatures of the copies that remain (keys marked
    full stay full)."""
    for chunk in _chunks(sorted(set(story_ids))):
        rows = conn.execute(
            sa.select(copies.c.story_id, copies.c.article_id, copies.c.signature)
            .where(copies.c.story_id.in_(chunk))
            .order_by(copies.c.first_seen, copies.c.article_id)
        )
        members = [(story, aid, _from_blob(blob)) for story, aid, blob in rows]
        keys = {k for _s, _a, sig in members if sig is not None for k in band_keys(sig)}
        have, full = set(), set()
        sql = "SELECT band_key, story_id FROM minhash_bands WHERE band_key IN ({})"
        for k, story in select_in(conn, sql, sorted(keys)):
            if story == FULL:
                full.add(k)
            else:
                have.add((k, story))
        missing = []
        for story, aid, sig in members:
            for k in band_keys(sig) if sig is not None else ():
                if k not in full and (k, story) not in have:
                    have.add((k, story))
                    missing.append((k, story, aid))
        sql = "INSERT INTO minhash_bands (band_key, story_id, article_id) VALUES (?, ?, ?)"
        run_many(conn, sql, missing)


def rebuild_band_index(conn: Connection) -> None:
    """Migration 5: ``minhash_bands`` without its foreign key and article index."""
    conn.exec_driver_sql("DROP INDEX IF EXISTS ix_minhash_bands_article_id")
    if conn.dialect.name == "postgresql":
        fk = "minhash_bands_article_id_fkey"
        conn.exec_driver_sql(f"ALTER TABLE minhash_bands DROP CONSTRAINT IF EXISTS {fk}")
        return
    conn.exec_driver_sql("ALTER TABLE minhash_bands RENAME TO minhash_bands_v4")
    minhash_bands.create(conn)
    conn.exec_driver_sql(
        "INSERT INTO minhash_bands (band_key, story_id, article_id)"
        " SELECT band_key, story_id, article_id FROM minhash_bands_v4"
    )
    conn.exec_driver_sql("DROP TABLE minhash_bands_v4")
