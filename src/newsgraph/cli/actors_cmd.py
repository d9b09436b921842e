"""`newsgraph actors` and `newsgraph actor NAME`: the people and organisations of a database.

Counts come from the store's tables (``quotes.speaker_actor_id``, ``mentions.actor_id``) joined in
Python with the knowledge base (names, kind, country, roles). Local actors (``local:<slug>``, people
the KB does not know) are listed with the name the articles give them.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any

import sqlalchemy as sa
import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy.engine import Engine

from newsgraph.annotate.linking import LOCAL_PREFIX, local_actor_id, resolve_speaker_filter
from newsgraph.cli import app
from newsgraph.cli.ingest_cmd import DB_OPTION, fail, open_db
from newsgraph.cli.query_cmd import FORMAT_OPTION, LIMIT_OPTION, OutputFormat, ellipsise
from newsgraph.kb import KnowledgeBase, default_kb
from newsgraph.kb.normalize import fold
from newsgraph.model import Actor
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


# ------------------------------------------------------------------ output


def _emit(rows: Sequence[dict[str, Any]], fmt: OutputFormat, columns: Sequence[str]) -> None:
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2, default=str))
    elif fmt is OutputFormat.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: "" if v is None else v for k, v in r.items()})
        typer.echo(buf.getvalue(), nl=False)


def _date(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def _role_dates(start: str, end: str) -> str:
    return f"{start or '?'} – {end}" if end else f"{start or '?'} –"


@app.command("actors")
def actors_command(
    db: str = DB_OPTION,
    search: str | None = typer.Option(
        None, "--search", "-q", help="A name, alias or role phrase ('Kremlin spokesman')."
    ),
    fmt: OutputFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
) -> None:
    """The actors seen in the database: quotations as speaker, mentions, KB name, kind, country."""
    kb = default_kb()
    store = open_db(db, create=False)
    try:
        rows = actor_rows(store.engine, kb)
    finally:
        store.close()
    if search and search.strip():
        rows = matching(rows, search, kb)
    if limit:
        rows = rows[:limit]
    if fmt is not OutputFormat.table:
        _emit([r.as_dict() for r in rows], fmt, ACTOR_COLUMNS)
        return
    if not rows:
        Console(stderr=True).print("no actors match")
        return
    console = Console()
    widths = {"kind": 12, "country": 7, "quotes": 6, "mentions": 8, "articles": 8}
    widths["name"] = min(28, max(4, *(len(r.name) for r in rows)))
    room = console.width - sum(widths.values()) - 2 * 6 - 1
    columns = ["name", "kind", "country", "quotes", "mentions", "articles"]
    if room >= 12:  # ids (also in json/csv) only where they fit
        widths["id"] = min(room, max(len(r.id) for r in rows))
        columns.append("id")
    else:
        widths["name"] = min(widths["name"], max(10, room + widths["name"] + 2 - 12))
    table = Table(box=None, pad_edge=False, header_style="bold")
    for col in columns:
        right = col in ("quotes", "mentions", "articles")
        table.add_column(
            col,
            justify="right" if right else "left",
            width=widths[col],
            no_wrap=True,
            overflow="ellipsis",
        )
    for r in rows:
        table.add_row(
            Text(r.name, style="" if r.in_kb else "italic"),
            r.kind,
            r.country or "",
            str(r.quotes),
            str(r.mentions),
            str(r.articles),
            *([Text(r.id, style="dim")] if "id" in columns else []),
        )
    console.print(table)


def actor_profile(
    engine: Engine, kb: KnowledgeBase, name: str, limit: int | None
) -> dict[str, Any]:
    """Everything `newsgraph actor NAME` shows, as one dict (``found`` False when unknown)."""
    best, others = resolve_actor(engine, kb, name)
    if best is None:
        return {"query": name, "found": False}
    actor: Actor | None = kb.get(best)
    counts = actor_rows(engine, kb, [best])
    row = counts[0] if counts else None
    co = co_mentioned(engine, best)
    return {
        "query": name,
        "found": True,
        "id": best,
        "name": actor.name if actor else (row.name if row else best),
        "kind": actor.kind if actor else "person",
        "country": actor.country if actor else None,
        "sector": actor.sector if actor else "",
        "in_kb": actor is not None,
        "aliases": list(actor.aliases) if actor else [],
        "roles": [
            {
                "title": r.title,
                "role_key": r.role_key,
                "start": r.start_text or _date(r.start),
                "end": r.end_text or _date(r.end),
            }
            for r in sorted(actor.roles, key=lambda r: r.start or dt.date.min)
        ]
        if actor
        else [],
        "quote_count": row.quotes if row else 0,
        "mention_count": row.mentions if row else 0,
        "quotes": actor_quotes(engine, best, limit),
        "co_mentioned": [
            {"id": aid, "name": _name_of(kb, engine, aid), "articles": n} for aid, n in co
        ],
        "other_candidates": others,
    }


def _name_of(kb: KnowledgeBase, engine: Engine, actor_id: str) -> str:
    actor = kb.get(actor_id)
    if actor is not None:
        return actor.name
    with engine.connect() as conn:
        found = conn.execute(
            sa.select(sa.func.max(mentions.c.canonical)).where(mentions.c.actor_id == actor_id)
        ).scalar()
    return found or actor_id


@app.command("actor")
def actor_command(
    name: str = typer.Argument(..., help="A name, alias or role phrase ('Kremlin spokesman')."),
    db: str = DB_OPTION,
    fmt: OutputFormat = FORMAT_OPTION,
    limit: int = typer.Option(20, "--limit", "-n", min=0, help="At most this many quotations."),
) -> None:
    """One actor: roles with dates, aliases, quotations over time, most co-mentioned actors."""
    kb = default_kb()
    store = open_db(db, create=False)
    try:
        profile = actor_profile(store.engine, kb, name, limit or None)
    finally:
        store.close()
    if not profile["found"]:
        raise fail(f"no actor matches {name!r}", code=1)
    if fmt is not OutputFormat.table:
        if fmt is OutputFormat.csv:
            _emit(profile["quotes"], fmt, list(profile["quotes"][0]) if profile["quotes"] else [])
        else:
            typer.echo(json.dumps(profile, ensure_ascii=False, indent=2, default=str))
        return
    _print_profile(profile)


def _print_profile(p: dict[str, Any]) -> None:
    console = Console()
    head = Text(p["name"], style="bold")
    head.append(f"  {p['id']}", style="dim")
    console.print(head)
    facts = [p["kind"], p["country"] or "", p["sector"], "" if p["in_kb"] else "not in the KB"]
    console.print(" · ".join(f for f in facts if f))
    if p["aliases"]:
        console.print(Text("aliases: " + ", ".join(p["aliases"])))
    if p["roles"]:
        console.print(Text("roles:", style="bold"))
        for r in p["roles"]:
            console.print(
                Text(f"  {r['title']} ({r['role_key']}), {_role_dates(r['start'], r['end'])}")
            )
    console.print(
        Text(f"quotations: {p['quote_count']}, mentions: {p['mention_count']}", style="bold")
    )
    if p["quotes"]:
        table = Table(box=None, pad_edge=False, header_style="bold")
        kind_w = max(4, *(len(q["kind"]) for q in p["quotes"]))
        room = max(30, console.width - 10 - kind_w - 2 * 3 - 1)  # padding between columns
        article_w = max(10, room // 4)
        quote_w = room - article_w
        table.add_column("date", width=10, no_wrap=True)
        table.add_column("kind", width=kind_w, no_wrap=True)
        table.add_column("quote", width=quote_w, no_wrap=True, overflow="ellipsis")
        table.add_column("article", width=article_w, no_wrap=True, overflow="ellipsis")
        for q in p["quotes"]:
            where = q["title"] or q["source"] or q["article_id"]
            table.add_row(
                _date(q["published"]),
                q["kind"],
                Text(ellipsise(q["text"], quote_w)),
                Text(ellipsise(where, article_w), style="dim"),
            )
        console.print(table)
    if p["co_mentioned"]:
        shown = ", ".join(f"{c['name']} ({c['articles']})" for c in p["co_mentioned"])
        console.print(Text("most co-mentioned: " + shown))
    if p["other_candidates"]:
        console.print(Text("also matches: " + ", ".join(p["other_candidates"]), style="dim"))


__all__ = [
    "ActorRow",
    "actor_profile",
    "actor_quotes",
    "actor_rows",
    "co_mentioned",
    "matching",
    "resolve_actor",
]
