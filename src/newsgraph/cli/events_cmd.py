"""`newsgraph events | dyad` and `newsgraph evaluate events`: who did what to whom.

``events`` lists stored events (PLOVER type, actor, recipient, date, how many sentences say so);
``dyad A B`` is the timeline between two parties in both directions; ``evaluate events`` scores
the extractor against gold sentences (format: tests/fixtures/events/README.md). Parties are
given as a name, an alias or role phrase, a KB actor id, or an ISO 3166 alpha-3 code ("RUS").
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from newsgraph.cli import app
from newsgraph.cli.evaluate_cmd import evaluate_app
from newsgraph.cli.ingest_cmd import DB_OPTION, fail, open_db
from newsgraph.cli.query_cmd import (
    FORMAT_OPTION,
    LIMIT_OPTION,
    OutputFormat,
    _date_option,
    _emit,
    _limit,
    ellipsise,
)
from newsgraph.extract.events.lexicon import EVENT_TYPES
from newsgraph.store.events import EventHit, PartyFilter, party_filter, query_events

EVENT_COLUMNS = (
    "date",
    "type",
    "mode",
    "actor",
    "actor_id",
    "actor_country",
    "recipient",
    "recipient_id",
    "recipient_country",
    "negated",
    "hypothetical",
    "future",
    "mentions",
    "articles",
    "confidence",
    "sentence",
    "id",
)
_TYPES = EVENT_TYPES


def _party(text: str | None, name: str) -> PartyFilter | None:
    if text is None:
        return None
    if not text.strip():
        raise typer.BadParameter("empty", param_hint=name)
    return party_filter(text)


def _flags(h: EventHit) -> str:
    marks = [("not", h.negated), ("if", h.hypothetical), ("will", h.future)]
    return ",".join(m for m, on in marks if on)


def _party_cell(text: str | None, country: str | None) -> str:
    if text is None:
        return "-"
    return f"{escape(text)} [dim]({country})[/]" if country else escape(text)


def _print(hits: list[EventHit], fmt: OutputFormat, title: str) -> None:
    rows = [h.as_dict() for h in hits]
    if fmt is not OutputFormat.table:
        _emit(rows, fmt, EVENT_COLUMNS)
        return
    table = Table(title=title, title_justify="left")
    for col in ("date", "type", "actor", "recipient", "flags", "n", "sentence"):
        table.add_column(col, overflow="fold")
    for h in hits:
        kind = f"{h.type}/{h.mode}" if h.mode else h.type
        table.add_row(
            h.date.isoformat() if h.date else "-",
            kind,
            _party_cell(h.actor, h.actor_country),
            _party_cell(h.recipient, h.recipient_country),
            _flags(h),
            str(h.mentions),
            escape(ellipsise(h.sentence or "", 90)),
        )
    Console().print(table)


@app.command("events")
def events_command(
    db: str = DB_OPTION,
    actor: str | None = typer.Option(None, "--actor", help="Name, actor id or ISO code (RUS)."),
    recipient: str | None = typer.Option(None, "--recipient", help="Name, actor id or ISO code."),
    type_: str | None = typer.Option(None, "--type", "-t", help="PLOVER type: ACCUSE, CONSULT ..."),
    since: str | None = typer.Option(None, "--since", help="From this date: 2022-09-01, 2022-09."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    fmt: OutputFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
) -> None:
    """Who did what to whom: stored events, newest first."""
    if type_ is not None and type_.upper() not in _TYPES:
        raise typer.BadParameter(f"one of {', '.join(_TYPES)}", param_hint="--type")
    since_date = _date_option(since, "--since", end=False)
    until_date = _date_option(until, "--until", end=True)
    a, r = _party(actor, "--actor"), _party(recipient, "--recipient")
    hits = _stored_events(
        db, actor=a, recipient=r, type=type_, since=since_date, until=until_date, limit=limit
    )
    _print(hits, fmt, f"{len(hits)} events")


def _stored_events(db: str, *, limit: int, **filters: Any) -> list[EventHit]:
    """Events from the database at ``db`` (which must exist), filtered by query_events."""
    store = open_db(db, create=False)
    try:
        with store.engine.connect() as conn:
            return query_events(conn, limit=_limit(limit), **filters)
    finally:
        store.close()


@app.command("dyad")
def dyad_command(
    first: str = typer.Argument(..., help="One party: name, actor id or ISO code."),
    second: str = typer.Argument(..., help="The other party."),
    db: str = DB_OPTION,
    type_: str | None = typer.Option(None, "--type", "-t", help="PLOVER type: ACCUSE, CONSULT ..."),
    since: str | None = typer.Option(None, "--since", help="From this date."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    fmt: OutputFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
) -> None:
    """The timeline between two parties, both directions, oldest first."""
    a, b = _party(first, "FIRST"), _party(second, "SECOND")
    hits = _stored_events(
        db,
        actor=a,
        recipient=b,
        type=type_,
        since=_date_option(since, "--since", end=False),
        until=_date_option(until, "--until", end=True),
        either_way=True,
        limit=limit,
    )
    _print(hits, fmt, f"{first} ↔ {second}: {len(hits)} events")


@evaluate_app.command("events")
def evaluate_events_command(
    gold: Path = typer.Option(..., "--gold", help="JSON Lines gold sentences with their events."),
    fmt: OutputFormat = typer.Option(OutputFormat.table, "--format", help="table or json."),
    show_errors: bool = typer.Option(False, "--show-errors", help="List misses and wrong ones."),
) -> None:
    """Score event extraction: type P/R/F1 and type+actor+recipient P/R/F1."""
    from newsgraph.evaluate.common import load_jsonl
    from newsgraph.evaluate.events import gold_from_row, predict, score_events

    if not gold.is_file():
        raise fail(f"gold file not found: {gold}")
    try:
        items = [gold_from_row(r) for r in load_jsonl(gold)]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise fail(f"{gold}: {exc}") from exc
    scores = score_events(items, predict(items))
    if fmt is OutputFormat.json:
        out: dict[str, Any] = scores.as_dict()
        if show_errors:
            out["errors"] = scores.errors
        typer.echo(json.dumps(out, indent=2))
        return
    table = Table(title=f"events: {scores.sentences} sentences", title_justify="left")
    for col in ("score", "precision", "recall", "F1", "pred", "gold"):
        table.add_column(col, justify="right" if col != "score" else "left")

    def row(name: str, prf: Any) -> None:
        table.add_row(
            name,
            *(f"{v:.3f}" if v is not None else "-" for v in (prf.precision, prf.recall, prf.f1)),
            str(prf.n_pred),
            str(prf.n_gold),
        )

    row("type", scores.type)
    row("type+actor+recipient", scores.full)
    for name, prf in sorted(scores.by_type.items()):
        row(f"  {name}", prf)
    console = Console()
    console.print(table)
    if show_errors:
        for e in scores.errors:
            console.print(escape(e["text"]))
            for m in e["missed"]:
                console.print(f"  [red]missed[/] {escape(m)}")
            for w in e["wrong"]:
                console.print(f"  [yellow]wrong[/]  {escape(w)}")
