"""`newsgraph evaluate entities`: NER P/R/F1 against a CoNLL file (thin: load, run, print)."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from newsgraph.cli.evaluate_cmd import evaluate_app
from newsgraph.evaluate.entities import TYPES, EntityScores, evaluate_docs, read_conll


class EntityFormat(StrEnum):
    table = "table"
    json = "json"


@evaluate_app.command("entities")
def entities_cmd(
    gold: Path = typer.Option(..., "--gold", help="CoNLL file: `token LABEL` or 4 columns."),
    fmt: EntityFormat = typer.Option(EntityFormat.table, "--format", help="table or json."),
    spacy_model: str = typer.Option(
        "", "--spacy-model", help="Also use this spaCy pipeline (name or path)."
    ),
) -> None:
    """Entity-level precision, recall and F1 per type (PER, ORG, LOC, MISC) and micro overall."""
    from newsgraph.annotate.ner import EntityRecognizer

    if not gold.is_file():
        Console(stderr=True).print(f"[red]error:[/] gold file not found: {gold}")
        raise typer.Exit(2)
    docs = read_conll(gold)
    if not docs:
        Console(stderr=True).print(f"[red]error:[/] no sentences in {gold}")
        raise typer.Exit(2)
    try:
        recognizer = EntityRecognizer(spacy_model or None, env=not spacy_model)
    except (ImportError, OSError) as exc:
        Console(stderr=True).print(f"[red]error:[/] {exc}")
        raise typer.Exit(2) from exc
    scores = evaluate_docs(docs, recognizer)
    if fmt == EntityFormat.json:
        typer.echo(json.dumps(scores.as_dict(), indent=2))
        return
    _print(scores)


def _print(s: EntityScores) -> None:
    console = Console(width=max(Console().width, 100))
    table = Table(
        title=f"Entities ({s.documents} documents, {s.sentences} sentences, {s.tokens} tokens, "
        f"{s.scheme} tags)"
    )
    for col in ("type", "precision", "recall", "F1", "support"):
        table.add_column(col, justify="left" if col == "type" else "right")
    rows = [(t, s.by_type[t]) for t in TYPES if t in s.by_type]
    rows += [(t, v) for t, v in s.by_type.items() if t not in TYPES]
    for name, v in [*rows, ("micro", s.micro)]:
        table.add_row(
            f"[bold]{name}[/]" if name == "micro" else name,
            f"{v.precision:.3f}",
            f"{v.recall:.3f}",
            f"{v.f1:.3f}",
            str(v.support),
        )
    console.print(table)
    console.print(f"recognition time: {s.seconds:.2f} s")
