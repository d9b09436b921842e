"""`newsgraph quotes | articles | show`: read a database built by `newsgraph ingest`.

Listings take ``--format table|json|jsonl|csv`` (json is one JSON array; jsonl one object a line)
and ``--limit``. Read commands never create a database: a missing one exits with code 2.
"""

from __future__ import annotations

import calendar
import csv
import datetime as dt
import io
import json
import re
from collections.abc import Sequence
from enum import StrEnum
from typing import Any

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from newsgraph.cli import app
from newsgraph.cli.ingest_cmd import DB_OPTION, fail, open_db
from newsgraph.model import Document, LineRole, Quote, QuoteKind
from newsgraph.store import AmbiguousArticleIdError, ArticleNotFoundError


class OutputFormat(StrEnum):
    table = "table"
    json = "json"
    jsonl = "jsonl"
    csv = "csv"


FORMAT_OPTION = typer.Option(
    OutputFormat.table, "--format", "-f", help="table, json (one array), jsonl or csv."
)
LIMIT_OPTION = typer.Option(100, "--limit", "-n", min=0, help="At most this many rows (0: all).")
QUOTE_WIDTH = 120
WIDE = 120  # terminal columns from which tables show full article ids
SHORT_ID = 10

KIND_STYLES: dict[str, str] = {
    QuoteKind.DIRECT: "bold green",
    QuoteKind.PARTIAL: "cyan",
    QuoteKind.INDIRECT: "yellow",
    QuoteKind.CONTINUATION: "green",
    QuoteKind.HEADING: "bold magenta",
    QuoteKind.SCARE: "italic bright_black",
}

# ------------------------------------------------------------------ dates

_YEAR = re.compile(r"\d{4}")
_YEAR_MONTH = re.compile(r"(\d{4})-(\d{1,2})")
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def parse_date_bound(text: str, *, end: bool = False) -> dt.date:
    """A date from what a user typed: "2022-09-30", "2022-09", "2022", "last week", "3 May 2022".

    A year or month means its first day for a lower bound and its last day for an upper bound
    (``end=True``), so ``--since 2022-09 --until 2022-09`` is all of September.
    Raises ValueError when nothing sensible can be read.
    """
    s = text.strip()
    if _YEAR.fullmatch(s):
        return dt.date(int(s), 12, 31) if end else dt.date(int(s), 1, 1)
    m = _YEAR_MONTH.fullmatch(s)
    if m:
        year, month = int(m.group(1)), int(m.group(2))
        if not 1 <= month <= 12 or year < 1:
            raise ValueError(f"not a month: {text!r}")
        last = calendar.monthrange(year, month)[1]
        return dt.date(year, month, last if end else 1)
    if _ISO_DAY.match(s):
        try:
            return dt.date.fromisoformat(s[:10])
        except ValueError as exc:
            raise ValueError(f"not a date: {text!r}") from exc
    import dateparser  # slow to import: only when a free-form date is given

    settings = {
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "last" if end else "first",
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(s, languages=["en"], settings=settings) if s else None
    if parsed is None:
        raise ValueError(f"not a date: {text!r}")
    return parsed.date()


def _date_option(value: str | None, name: str, *, end: bool) -> dt.date | None:
    if value is None:
        return None
    try:
        return parse_date_bound(value, end=end)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint=name) from exc


# ------------------------------------------------------------------ output


def ellipsise(text: str, width: int = QUOTE_WIDTH) -> str:
    """One line of at most ``width`` characters, cut at a word when possible."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space > width // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def _emit(rows: Sequence[dict[str, Any]], fmt: OutputFormat, columns: Sequence[str]) -> None:
    if fmt is OutputFormat.json:
        typer.echo(json.dumps(list(rows), ensure_ascii=False, indent=2))
    elif fmt is OutputFormat.jsonl:
        for r in rows:
            typer.echo(json.dumps(r, ensure_ascii=False))
    else:
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for r in rows:
            writer.writerow({k: _csv_value(v) for k, v in r.items()})
        typer.echo(buf.getvalue(), nl=False)


def _csv_value(value: Any) -> Any:
    if isinstance(value, list | tuple | dict):
        return "; ".join(map(str, value)) if not isinstance(value, dict) else json.dumps(value)
    return "" if value is None else value


def _limit(limit: int) -> int | None:
    return None if limit == 0 else limit


# ------------------------------------------------------------------ quotes


QUOTE_CSV_COLUMNS = (
    "published",
    "speaker",
    "speaker_text",
    "kind",
    "text",
    "article_id",
    "start",
    "end",
    "confidence",
    "evidence",
    "speaker_actor_id",
    "cue_start",
    "cue_end",
    "speaker_start",
    "speaker_end",
    "title",
    "source",
    "url",
    "id",
    "outlets",
    "copies",
    "first_seen",
)


def _speaker_actor_ids(speaker: str | None) -> list[str]:
    """Actors the knowledge base reads the name as ("Kremlin spokesman" → Dmitry Peskov)."""
    if not speaker or not speaker.strip():
        return []
    from newsgraph.annotate.linking import resolve_speaker_filter

    return resolve_speaker_filter(speaker)


@app.command("quotes")
def quotes_command(
    db: str = DB_OPTION,
    speaker: str | None = typer.Option(
        None, "--speaker", "-s", help="Name words, as word prefixes: 'peskov' finds Dmitry Peskov."
    ),
    search: str | None = typer.Option(
        None, "--search", "-q", help='Words in the quotation (all of them; "a phrase"; word*).'
    ),
    since: str | None = typer.Option(None, "--since", help="From this date: 2022-09-01, 2022-09."),
    until: str | None = typer.Option(None, "--until", help="Up to this date, inclusive."),
    article: str | None = typer.Option(None, "--article", "-a", help="Article id or id prefix."),
    kind: list[QuoteKind] = typer.Option(
        [],
        "--kind",
        "-k",
        metavar="KIND",
        help="Only this kind (repeatable): direct, partial, indirect, continuation, heading,"
        " scare.",
    ),
    merge: bool = typer.Option(
        False,
        "--merge",
        "-m",
        help="One row per quotation that several articles carry (syndicated copies, the same"
        " words by the same speaker elsewhere): its earliest copy.",
    ),
    fmt: OutputFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many rows first."),
) -> None:
    """Who said what: quotations ordered by date, article and position; a quotation several
    outlets carry says so ("14 outlets since 2022-09-28")."""
    since_date = _date_option(since, "--since", end=False)
    until_date = _date_option(until, "--until", end=True)
    store = open_db(db, create=False)
    try:
        hits = store.quotes(
            speaker=speaker,
            speaker_ids=_speaker_actor_ids(speaker),
            search=search,
            since=since_date,
            until=until_date,
            article=article,
            kinds=[str(k) for k in kind],
            merged=merge,
            limit=_limit(limit),
            offset=offset,
        )
    finally:
        store.close()
    if fmt is not OutputFormat.table:
        _emit([h.as_dict() for h in hits], fmt, QUOTE_CSV_COLUMNS)
        return
    if not hits:
        Console(stderr=True).print("no quotations match")
        return
    console = Console()
    ids = [short_id(h.article_id, console) for h in hits]
    names = [h.speaker or h.speaker_text or "—" for h in hits]
    reach = [outlets_label(h.outlets, h.first_seen) for h in hits]
    widths = {
        "date": 10,
        "kind": max(4, *(len(h.kind) for h in hits)),
        "article": max(len(i) for i in ids),
    }
    if any(reach):
        widths["outlets"] = max(7, *map(len, reach))
    # padding (0, 1) between the columns, none at the outer edges
    room = console.width - sum(widths.values()) - 2 * len(widths) - 1
    widths["speaker"] = min(24, max(7, *map(len, names)), max(10, room // 3))
    quote_width = max(10, min(QUOTE_WIDTH, room - widths["speaker"]))
    table = Table(box=None, pad_edge=False, header_style="bold")
    table.add_column("date", width=widths["date"], no_wrap=True)
    table.add_column("speaker", width=widths["speaker"], no_wrap=True, overflow="ellipsis")
    table.add_column("kind", width=widths["kind"], no_wrap=True)
    table.add_column("quote", width=quote_width, no_wrap=True, overflow="ellipsis")
    if "outlets" in widths:
        table.add_column("outlets", width=widths["outlets"], no_wrap=True)
    table.add_column("article", width=widths["article"], no_wrap=True)
    for h, who, aid, seen in zip(hits, names, ids, reach, strict=True):
        cells = [
            h.published.isoformat() if h.published else "",
            Text(who, style="" if h.speaker else "dim"),
            Text(h.kind, style=KIND_STYLES.get(h.kind, "")),
            Text(ellipsise(h.text, quote_width)),
        ]
        if "outlets" in widths:
            cells.append(Text(seen, style="bold"))
        table.add_row(*cells, aid)
    console.print(table)


def outlets_label(outlets: int, first_seen: dt.date | None) -> str:
    """The label "14 since 2022-09-28" for a quotation several outlets carry; "" for one."""
    if outlets <= 1:
        return ""
    return f"{outlets} since {first_seen.isoformat()}" if first_seen else str(outlets)


def short_id(article_id: str, console: Console) -> str:
    """The full id on wide terminals; a prefix (which `show` accepts) on narrow ones."""
    return article_id if console.width >= WIDE else article_id[:SHORT_ID]


# ------------------------------------------------------------------ articles


ARTICLE_CSV_COLUMNS = (
    "id",
    "published",
    "publisher",
    "title",
    "authors",
    "quote_count",
    "source",
    "url",
    "ingested_at",
    "updated_at",
)


@app.command("articles")
def articles_command(
    db: str = DB_OPTION,
    search: str | None = typer.Option(
        None, "--search", "-q", help='Words in the title or body (all of them; "a phrase").'
    ),
    fmt: OutputFormat = FORMAT_OPTION,
    limit: int = LIMIT_OPTION,
    offset: int = typer.Option(0, "--offset", min=0, help="Skip this many rows first."),
) -> None:
    """The stored articles, by publication date."""
    store = open_db(db, create=False)
    try:
        found = store.articles(search=search, limit=_limit(limit), offset=offset)
    finally:
        store.close()
    if fmt is not OutputFormat.table:
        _emit([a.as_dict() for a in found], fmt, ARTICLE_CSV_COLUMNS)
        return
    if not found:
        Console(stderr=True).print("no articles match")
        return
    console = Console()
    table = Table(title_justify="left")
    table.add_column("id", no_wrap=True)
    table.add_column("date", no_wrap=True)
    table.add_column("publisher", max_width=24)
    table.add_column("title", ratio=1)
    table.add_column("quotes", justify="right")
    for a in found:
        table.add_row(
            short_id(a.id, console),
            a.published.isoformat() if a.published else "",
            Text(a.publisher or ""),
            Text(ellipsise(a.title or "(no title)", 100)),
            str(a.quote_count),
        )
    console.print(table)


# ------------------------------------------------------------------ show

_SHOWN_ROLES = {
    LineRole.TITLE: "bold",
    LineRole.DEK: "italic",
    LineRole.HEADING: "bold underline",
    LineRole.BODY: "",
}


def render_line(
    text: str,
    start: int,
    end: int,
    quotes: Sequence[Quote],
    style: str,
    *,
    labels_at_end: bool = False,
) -> Text:
    """The raw text ``[start, end)`` with quotations coloured by kind and "[speaker]" after each.

    Quotes are clipped to the line; the speaker label goes where the quote ends (if in the line),
    or at the end of the line with ``labels_at_end`` (titles stay readable and searchable).
    Scare quotes nobody said get colour but no label.
    """
    line = Text(text[start:end], style=style)
    labels: list[tuple[int, Text]] = []
    for q in quotes:
        a, b = max(q.span.start, start), min(q.span.end, end)
        if a >= b:
            continue
        kind_style = KIND_STYLES.get(q.kind, "reverse")
        line.stylize(kind_style, a - start, b - start)
        who = q.speaker or q.speaker_text
        if q.span.end <= end and (who or q.kind != QuoteKind.SCARE):
            at = end - start if labels_at_end else b - start
            labels.append((at, Text(f" [{who or '?'}]", style=kind_style)))
    if not labels:
        return line
    out = Text(style=style)
    pos = 0
    for offset, label in sorted(labels, key=lambda x: x[0]):
        out.append_text(line[pos:offset])
        out.append_text(label)
        pos = offset
    out.append_text(line[pos:])
    return out


def render_document(doc: Document, *, show_all: bool = False) -> list[Text]:
    """Terminal lines for one article: content only (boilerplate dim with ``show_all``)."""
    a = doc.article
    out: list[Text] = []
    title_lines = [ln for ln in a.lines if ln.role is LineRole.TITLE]
    if a.title and not any(a.title in ln.span.of(a.text) for ln in title_lines):
        out.append(Text(a.title, style="bold"))
    facts = [
        a.published.isoformat() if a.published else None,
        a.publisher,
        ", ".join(a.authors) or None,
        a.url or a.source,
        f"id {a.id}",
    ]
    out.append(Text(" · ".join(f for f in facts if f), style="dim"))
    quotes = sorted(doc.quotes, key=lambda q: (q.span.start, -q.span.end))
    for ln in a.lines:
        if ln.role in _SHOWN_ROLES:
            style = _SHOWN_ROLES[ln.role]
        elif show_all:
            style = "dim"
        else:
            continue
        here = [q for q in quotes if q.span.start < ln.span.end and q.span.end > ln.span.start]
        out.append(Text())
        at_end = ln.role is LineRole.TITLE
        rendered = render_line(
            a.text, ln.span.start, ln.span.end, here, style, labels_at_end=at_end
        )
        if show_all and ln.role not in _SHOWN_ROLES:
            rendered = Text(f"[{ln.role}] ", style="dim") + rendered
        out.append(rendered)
    out.append(Text())
    out.append(legend(doc))
    return out


def legend(doc: Document) -> Text:
    counts: dict[str, int] = {}
    for q in doc.quotes:
        counts[q.kind] = counts.get(q.kind, 0) + 1
    text = Text(f"{len(doc.quotes)} quotations", style="dim")
    for kind, n in sorted(counts.items()):
        text.append("  ")
        text.append(f"{kind} {n}", style=KIND_STYLES.get(kind, ""))
    return text


@app.command("show")
def show_command(
    article_id: str = typer.Argument(..., help="Article id, or a unique prefix of one."),
    db: str = DB_OPTION,
    show_all: bool = typer.Option(False, "--all", help="Also show boilerplate lines, dimmed."),
) -> None:
    """Print an article with its quotations highlighted and attributed."""
    store = open_db(db, create=False)
    try:
        doc = store.article(article_id)
    except (ArticleNotFoundError, AmbiguousArticleIdError) as exc:
        raise fail(str(exc.args[0] if exc.args else exc)) from exc
    finally:
        store.close()
    console = Console()
    console.soft_wrap = not console.is_terminal  # piped: whole lines, for grep and files
    for line in render_document(doc, show_all=show_all):
        console.print(line)
