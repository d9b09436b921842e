"""Expand command-line inputs (files, folders, globs, "-") into an ordered list of paths."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterable, Iterator

STDIN = "-"
_GLOB_CHARS = frozenset("*?[")


def _walk(folder: str) -> Iterator[str]:
    """Every non-hidden file under ``folder``, recursively, in sorted order."""
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield os.path.join(root, name)


def expand(inputs: Iterable[str]) -> Iterator[tuple[str, str | None]]:
    """Yield ``(path, None)`` for each file to read, or ``(input, reason)`` when an input
    names nothing readable, so the caller can turn it into an error Record."""
    for item in inputs:
        if item == STDIN:
            yield item, None
        elif os.path.isdir(item):
            found = False
            for path in _walk(item):
                found = True
                yield path, None
            if not found:
                yield item, "folder contains no (non-hidden) files"
        elif os.path.exists(item):
            yield item, None
        elif _GLOB_CHARS & set(item):
            matches = sorted(glob.glob(item, recursive=True))
            if not matches:
                yield item, "glob matches nothing"
            for match in matches:
                if os.path.isdir(match):
                    yield from ((p, None) for p in _walk(match))
                else:
                    yield match, None
        else:
            yield item, "no such file or directory"
