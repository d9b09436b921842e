"""Group a stream into lists without reading ahead of what is asked (constant memory)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TypeVar

T = TypeVar("T")


def chunked(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """Lists of ``size`` consecutive items (the last may be shorter); never an empty list."""
    if size < 1:
        raise ValueError(f"chunk size must be positive, not {size}")
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk
