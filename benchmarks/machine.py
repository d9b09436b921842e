"""A fixed pure-Python workload, timed, so throughput figures from different days can be compared.

The machines these benchmarks run on are shared and their speed drifts by tens of percent between
sessions; an articles/s figure means little without knowing how fast the interpreter ran that day.
The workload mixes what the pipeline spends its time on (regex scans, string methods, dict and list
work, small objects); it never changes, so its time is the day's yardstick.
"""

from __future__ import annotations

import re
import time

_TEXT = (
    'MOSCOW, Nov 25 (Reuters) - The Kremlin said on Tuesday that talks with Kyiv were "not on the '
    'agenda", rejecting a proposal by U.S. President Joe Biden. "We see no basis," Peskov told '
    "reporters. Ukraine's foreign minister said the offer stood. "
) * 4
_WORD = re.compile(r"[A-Z][a-z]+|[a-z]+|\d+|\S")
_CUE = re.compile(r"\b(?:said|told|rejected|stood)\b")


class _Token:
    __slots__ = ("start", "text")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start


def _work() -> int:
    counts: dict[str, int] = {}
    total = 0
    for _ in range(1200):
        tokens = [_Token(m.group(), m.start()) for m in _WORD.finditer(_TEXT)]
        for t in tokens:
            key = t.text.lower()
            counts[key] = counts.get(key, 0) + 1
            if key[0].isupper() or key.endswith("s"):
                total += 1
        total += len(_CUE.findall(_TEXT)) + len(sorted(counts))
    return total


def reference_seconds(repeat: int = 3) -> float:
    """Best CPU seconds of the fixed workload (0.2–0.4 s on this project's 2-core machines)."""
    best = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        _work()
        best = min(best, time.process_time() - started)
    return best
