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
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy.engine import Engine

from newsgraph.cli import app
from newsgraph.cli.ingest_cmd import DB_OPTION, fail, open_db
from newsgraph.cli.query_cmd import FORMAT_OPTION, LIMIT_OPTION, OutputFormat, ellipsise
from newsgraph.kb import KnowledgeBase, default_kb
from newsgraph.model import Actor
from newsgraph.store.actors import (
    ACTOR_COLUMNS,
    actor_name,
    actor_quotes,
    actor_rows,
    co_mentioned,
    matching,
    resolve_actor,
)

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
            {"id": aid, "name": actor_name(kb, engine, aid), "articles": n} for aid, n in co
        ],
        "other_candidates": others,
    }


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


__all__ = ["actor_profile"]
