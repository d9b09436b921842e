"""Clean throughput on a folder or JSONL of articles (CPU time, best of 5 passes).

    .venv/bin/python -m newsgraph.clean.bench tests/fixtures/seeds benchmarks/out/corpus-2000.jsonl

CPU time rather than wall clock because the machine is usually shared; the budget is 1 ms per
4 KB article.
"""

from __future__ import annotations

import sys
import time

from newsgraph.clean import clean_record
from newsgraph.ingest import iter_records
from newsgraph.model import Record

PASSES = 5
MIN_ARTICLES = 2000  # small inputs are repeated so the timer sees enough work


def measure(records: list[Record]) -> tuple[float, float]:
    """(ms per article, ms per 4 KB) of clean_record over ``records``."""
    reps = max(1, MIN_ARTICLES // max(1, len(records)))
    best = float("inf")
    for _ in range(PASSES):
        start = time.process_time()
        for _ in range(reps):
            for rec in records:
                clean_record(rec)
        best = min(best, time.process_time() - start)
    n = len(records) * reps
    chars = sum(len(r.text or "") for r in records) * reps
    return best / n * 1000, best / (chars / 4096) * 1000


def main(paths: list[str]) -> None:
    for path in paths:
        records = [r for r in iter_records([path]) if r.text is not None]
        if not records:
            print(f"{path}: no articles")
            continue
        per_article, per_4k = measure(records)
        print(
            f"{path}: {len(records)} articles, clean {per_article:.3f} ms/article, "
            f"{per_4k:.3f} ms per 4 KB, {1000 / per_article:.0f} articles/s (CPU)"
        )


if __name__ == "__main__":
    main(sys.argv[1:] or ["tests/fixtures/seeds"])
