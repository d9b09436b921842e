"""Sentence splitting + quotation extraction throughput (CPU time, best of 5 passes).

    .venv/bin/python -m newsgraph.extract.quotes.bench tests/fixtures/seeds \
        benchmarks/out/corpus-500.jsonl [--profile]

Articles are cleaned and their entities found once, outside the timer; only
``split_sentences`` and ``extract_quotes`` are timed, since they are what this package owns.
CPU time rather than wall clock because the machine is usually shared; the budget is 1.2 ms per
4 KB article.
"""

from __future__ import annotations

import cProfile
import pstats
import sys
import time

from newsgraph.annotate.entities import find_mentions
from newsgraph.annotate.sentences import split_sentences
from newsgraph.clean import clean_record
from newsgraph.extract.quotes import extract_quotes
from newsgraph.ingest import iter_records
from newsgraph.model import Article, Mention

PASSES = 5
MIN_ARTICLES = 1000  # small inputs are repeated so the timer sees enough work

Prepared = list[tuple[Article, tuple[Mention, ...]]]


def prepare(path: str) -> Prepared:
    """Cleaned articles with their mentions (the inputs the quote stage receives)."""
    out: Prepared = []
    for rec in iter_records([path]):
        if rec.text is None:
            continue
        article = clean_record(rec)
        if isinstance(article, Article):
            out.append((article, find_mentions(article, split_sentences(article))))
    return out


def run_once(items: Prepared, reps: int) -> None:
    for _ in range(reps):
        for article, mentions in items:
            extract_quotes(article, split_sentences(article), mentions)


def measure(items: Prepared) -> tuple[float, float]:
    """(ms per article, ms per 4 KB) of sentences + quotes over ``items``."""
    reps = max(1, MIN_ARTICLES // max(1, len(items)))
    best = float("inf")
    for _ in range(PASSES):
        start = time.process_time()
        run_once(items, reps)
        best = min(best, time.process_time() - start)
    n = len(items) * reps
    chars = sum(len(a.text) for a, _ in items) * reps
    return best / n * 1000, best / (chars / 4096) * 1000


def main(args: list[str]) -> None:
    profile = "--profile" in args
    paths = [a for a in args if not a.startswith("--")] or ["tests/fixtures/seeds"]
    for path in paths:
        items = prepare(path)
        if not items:
            print(f"{path}: no articles")
            continue
        per_article, per_4k = measure(items)
        print(
            f"{path}: {len(items)} articles, sentences+quotes {per_article:.3f} ms/article, "
            f"{per_4k:.3f} ms per 4 KB (CPU, best of {PASSES})"
        )
        if profile:
            prof = cProfile.Profile()
            prof.runcall(run_once, items, 1)
            pstats.Stats(prof).sort_stats("tottime").print_stats(25)


if __name__ == "__main__":
    main(sys.argv[1:])
