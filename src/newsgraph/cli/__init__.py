"""The command line: thin — parses, calls pipeline/store/evaluate, prints.

Each command group lives in its own ``*_cmd.py`` module in this package and registers itself on
``app`` when imported; :func:`main` imports them all.
"""

from __future__ import annotations

import importlib
import pkgutil

import typer

app = typer.Typer(
    name="newsgraph",
    help="Who said what, and who did what to whom, when — from news text.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def load_commands() -> typer.Typer:
    """Import every ``*_cmd`` module of this package so their commands are on ``app``."""
    for info in pkgutil.iter_modules(__path__):
        if info.name.endswith("_cmd"):
            importlib.import_module(f"{__name__}.{info.name}")
    return app


def main() -> None:
    load_commands()()
