"""A small time-limited cache for facet counts (speakers, outlets).

Facets group the whole table (tens of milliseconds on 100,000 quotations) and change only when
articles are added, so the server keeps them for a short while and drops them all on ingest.
Lives on the app (``app.state.facets``), never in module globals.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Hashable
from typing import TypeVar

T = TypeVar("T")


class TTLCache:
    """Thread-safe map of key → (expiry, value) with a size bound."""

    def __init__(self, ttl: float = 60.0, max_items: int = 512) -> None:
        self.ttl = ttl
        self.max_items = max_items
        self._items: dict[Hashable, tuple[float, object]] = {}
        self._lock = threading.Lock()

    def get_or_compute(self, key: Hashable, compute: Callable[[], T]) -> T:
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
        if hit is not None and hit[0] > now:
            return hit[1]  # type: ignore[return-value]
        value = compute()
        with self._lock:
            if len(self._items) >= self.max_items:
                self._items.clear()
            self._items[key] = (now + self.ttl, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
