"""`newsgraph evaluate ...`: score the pipeline against gold files (thin: load, run, score, print).

Other scorers register on :data:`evaluate_app` from their own ``*_cmd`` module
(``from newsgraph.cli.evaluate_cmd import evaluate_app``).
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from newsgraph.cli import app
from newsgraph.evaluate.articles import ArticleScores, score_articles
from newsgraph.evaluate.common import Rate, fmt_ratio, load_jsonl, run_documents
from newsgraph.evaluate.quotes import ROWS, TARGET_ROW, QuoteScores, score_quotes

evaluate_app = typer.Typer(
    name="evaluate",
    help="Score the pipeline against gold annotations.",
    no_args_is_help=True,
)
app.add_typer(evaluate_app, name="evaluate")


class OutputFormat(StrEnum):
    table = "table"
    json = "json"


GOLD_OPT = typer.Option(..., "--gold", help="Gold JSON Lines file (one item a line, with `doc`).")
DOCS_OPT = typer.Option(..., "--docs", help="Folder holding the gold documents (DIR/doc).")
FORMAT_OPT = typer.Option(OutputFormat.table, "--format", help="table or json.")
ERRORS_OPT = typer.Option(False, "--show-errors", help="List misses and wrong predictions.")


def _load(gold: Path, docs: Path, required: tuple[str, ...] = ("doc",)) -> list[dict[str, Any]]:
    """Gold rows, or exit 2 with a clear message (missing file/folder, bad JSON, missing keys)."""
    err = Console(stderr=True)
    if not gold.is_file():
        err.print(f"[red]error:[/] gold file not found: {escape(str(gold))}")
        raise typer.Exit(2)
    if not docs.is_dir():
        err.print(f"[red]error:[/] documents folder not found: {escape(str(docs))}")
        raise typer.Exit(2)
    try:
        rows = load_jsonl(gold)
    except (OSError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    bad = [
        i
        for i, r in enumerate(rows, 1)
        if not isinstance(r, dict) or any(k not in r for k in required)
    ]
    if bad:
        err.print(f"[red]error:[/] gold rows without {' / '.join(required)}: lines {bad[:10]}")
        raise typer.Exit(2)
    return rows


def _console() -> Console:
    """Stdout console at least 120 columns wide, so piped reports do not fold every cell."""
    probe = Console()
    return Console(width=max(probe.width, 120))


def _rate(r: Rate) -> str:
    return f"{fmt_ratio(r.value)} ({r.num}/{r.den})"


def _short(text: str | None, width: int = 90) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _failures(console: Console, failures: dict[str, str]) -> None:
    for doc, error in failures.items():
        console.print(f"[red]failed[/] {escape(doc)}: {escape(error)}")


@evaluate_app.command("quotes")
def quotes_cmd(
    gold: Path = GOLD_OPT,
    docs: Path = DOCS_OPT,
    fmt: OutputFormat = FORMAT_OPT,
    show_errors: bool = ERRORS_OPT,
    min_overlap: float = typer.Option(
        0.5,
        "--min-overlap",
        min=0.0,
        max=1.0,
        help="Shared characters needed, as a share of the shorter of gold and prediction.",
    ),
) -> None:
    """Quotation detection P/R/F1 and speaker accuracy, by kind."""
    rows = _load(gold, docs, ("doc", "quote"))
    results = run_documents(docs, [str(r["doc"]) for r in rows])
    scores = score_quotes(rows, results, min_overlap=min_overlap)
    if fmt == OutputFormat.json:
        typer.echo(json.dumps(scores.as_dict(errors=show_errors), ensure_ascii=False, indent=2))
        return
    _print_quotes(_console(), scores, show_errors)


def _print_quotes(console: Console, s: QuoteScores, show_errors: bool) -> None:
    table = Table(title=f"Quotations ({s.documents} documents)")
    for col in ("row", "precision", "recall", "F1", "pred hit/n", "gold hit/n", "speaker acc"):
        table.add_column(col, justify="left" if col == "row" else "right")
    for name in ROWS:
        d, sp = s.detection[name], s.speaker[name]
        table.add_row(
            f"[bold]{name}[/]" if name == TARGET_ROW else name,
            fmt_ratio(d.precision),
            fmt_ratio(d.recall),
            fmt_ratio(d.f1),
            f"{d.matched_pred}/{d.n_pred}",
            f"{d.matched_gold}/{d.n_gold}",
            _rate(sp),
        )
    console.print(table)
    console.print(
        f"indirect predictions (not scored): {s.indirect_predictions}   "
        f"repeats of a gold quotation (not scored): {s.repeats}"
    )
    if s.kind_confusion:
        pairs = sorted(s.kind_confusion.items(), key=lambda kv: (-kv[1], kv[0]))
        text = ", ".join(f"{g}→{p} {n}" for (g, p), n in pairs)
        console.print(f"kinds of matched quotations (gold→predicted): {text}")
    verdict = "[green]met[/]" if s.target_met else "[red]not met[/]"
    console.print(f"target ({TARGET_ROW}: F1 >= 0.90, speaker >= 0.95): {verdict}")
    _failures(console, s.failures)
    for u in s.unlocated:
        console.print(
            f"[yellow]gold not found in text[/] {escape(u['doc'])}: {escape(_short(u['quote']))}"
        )
    if not show_errors:
        return
    _error_table(
        console,
        f"Misses ({len(s.misses)})",
        ("doc", "kind", "gold speaker", "quote"),
        [(m["doc"], m["kind"], m["speaker"] or "-", _short(m["quote"])) for m in s.misses],
    )
    _error_table(
        console,
        f"False positives ({len(s.false_positives)})",
        ("doc", "kind", "speaker", "text"),
        [(f["doc"], f["kind"], f["speaker"] or "-", _short(f["text"])) for f in s.false_positives],
    )
    _error_table(
        console,
        f"Repeats of a gold quotation elsewhere, not scored ({len(s.repeat_items)})",
        ("doc", "kind", "speaker", "text"),
        [(r["doc"], r["kind"], r["speaker"] or "-", _short(r["text"])) for r in s.repeat_items],
    )
    _error_table(
        console,
        f"Wrong speakers ({len(s.wrong_speakers)})",
        ("doc", "kind", "gold", "predicted (as written) [rule]", "quote"),
        [
            (
                w["doc"],
                w["gold_kind"],
                " / ".join(x for x in [w["gold_speaker"] or "(none)", *w["gold_also"]]),
                f"{w['speaker'] or '(none)'} ({w['speaker_text'] or '-'}) [{w['evidence']}]",
                _short(w["gold_quote"], 60),
            )
            for w in s.wrong_speakers
        ],
    )


def _error_table(
    console: Console, title: str, columns: tuple[str, ...], rows: list[tuple[str, ...]]
) -> None:
    if not rows:
        console.print(f"{title}: none")
        return
    table = Table(title=title, show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*(Text(str(x)) for x in row))
    console.print(table)


@evaluate_app.command("articles")
def articles_cmd(
    gold: Path = GOLD_OPT,
    docs: Path = DOCS_OPT,
    fmt: OutputFormat = FORMAT_OPT,
    show_errors: bool = ERRORS_OPT,
) -> None:
    """Cleaner metadata exact match, non-body line P/R and heading recall."""
    rows = _load(gold, docs)
    results = run_documents(docs, [str(r["doc"]) for r in rows])
    scores = score_articles(rows, results)
    if fmt == OutputFormat.json:
        typer.echo(json.dumps(scores.as_dict(errors=show_errors), ensure_ascii=False, indent=2))
        return
    _print_articles(_console(), scores, show_errors)


def _print_articles(console: Console, s: ArticleScores, show_errors: bool) -> None:
    table = Table(title=f"Articles ({s.documents} documents)")
    table.add_column("measure")
    table.add_column("score", justify="right")
    for name, rate in s.fields.items():
        table.add_row(f"{name} exact match", _rate(rate))
    table.add_row("not-body lines precision", _rate(s.not_body_precision))
    table.add_row("not-body lines recall", _rate(s.not_body_recall))
    table.add_row("headings recall", _rate(s.headings_recall))
    table.add_row("headings precision", _rate(s.headings_precision))
    console.print(table)
    console.print(f"title/dek lines not scored for not-body precision: {s.neutral_lines}")
    _failures(console, s.failures)
    for u in s.unlocated:
        console.print(
            f"[yellow]gold {u['kind']} line not in text[/] {escape(u['doc'])}: {escape(u['line'])}"
        )
    if not show_errors:
        return
    _error_table(
        console,
        f"Metadata errors ({len(s.field_errors)})",
        ("doc", "field", "gold", "predicted"),
        [(e["doc"], e["field"], repr(e["gold"]), repr(e["pred"])) for e in s.field_errors],
    )
    for title, items in (
        ("Junk lines kept as body", s.missed_not_body),
        ("Body lines marked non-body", s.wrong_not_body),
        ("Headings missed", s.missed_headings),
    ):
        _error_table(
            console,
            f"{title} ({len(items)})",
            ("doc", "predicted roles", "line"),
            [(i["doc"], ",".join(i["roles"]) or "-", _short(i["line"])) for i in items],
        )
