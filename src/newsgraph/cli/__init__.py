"""The command line: thin — parses, calls pipeline/store/evaluate, prints.

Each command group lives in its own ``*_cmd.py`` module in this package and registers itself on
``app`` when imported; :func:`main` imports them all.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
from pathlib import Path

import typer

app = typer.Typer(
    name="newsgraph",
    help="Who said what, and who did what to whom, when — from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@app.callback()
def _global_options(
    kb: list[Path] = typer.Option(
        [],
        "--kb",
        help="Your own actor file(s) extending or overriding the bundled knowledge base "
        "(format: src/newsgraph/kb/data/README.md). Same as $NEWSGRAPH_KB.",
        exists=True,
    ),
) -> None:
    """Who said what, and who did what to whom, when — from news text."""
    if kb:
        from newsgraph.annotate.linking import default_linker
        from newsgraph.extract.events import default_extractor
        from newsgraph.kb.loader import KB_ENV, default_kb

        os.environ[KB_ENV] = os.pathsep.join(str(p) for p in kb)
        # Per-process singletons built over the knowledge base (empty in a fresh CLI process;
        # cleared so an embedding program or a test gets the new one).
        for cached in (default_kb, default_linker, default_extractor):
            cached.cache_clear()


def load_commands() -> typer.Typer:
    """Import every ``*_cmd`` module of this package so their commands are on ``app``."""
    for info in pkgutil.iter_modules(__path__):
        if info.name.endswith("_cmd"):
            importlib.import_module(f"{__name__}.{info.name}")
    return app


def main() -> None:
    load_commands()()
