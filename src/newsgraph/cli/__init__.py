"""The command line: thin — parses, calls pipeline/store/evaluate, prints.

Each command group lives in its own module and registers itself on ``app``.
"""

from __future__ import annotations

import typer

app = typer.Typer(
    name="newsgraph",
    help="Who said what, and who did what to whom, when — from news text.",
    no_args_is_help=True,
    add_completion=False,
)


def _register() -> None:
    # Imported for their side effect of adding commands to ``app``.
    from newsgraph.cli import evaluate_cmd, ingest_cmd, query_cmd  # noqa: F401


def main() -> None:
    _register()
    app()
