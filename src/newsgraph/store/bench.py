"""Measure store write speed: ``python -m newsgraph.store.bench [N] [--db PATH]``.

Builds N synthetic ~4 KB documents shaped like pipeline output (30 lines, ~10 quotations,
~40 mentions each), writes them in batches as the ingest driver does, then re-writes them
(all unchanged) and prints documents per second for both: the best of ``--repeat`` runs, wall
clock and CPU time (the CPU figure is the steadier one on a shared machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import tempfile
import time
from pathlib import Path

from newsgraph.model import (
    Article,
    Document,
    EntityType,
    Line,
    LineRole,
    Mention,
    Quote,
    QuoteKind,
    Span,
)
from newsgraph.store import open_store

_PARAGRAPH = (
    "“We will not accept any ultimatum from anyone, and talks can only continue on equal terms,”"
    " Dmitry Peskov told reporters in Moscow on Tuesday, adding that the Kremlin was ready."
)


def synthetic_document(i: int) -> Document:
    """A document of about 4 KB with the density of quotes and mentions of real news."""
    parts, lines, quotes, mentions = [], [], [], []
    pos = 0
    for n in range(22):
        para = f"{_PARAGRAPH} ({i}/{n})" if n else f"Headline number {i} about talks"
        start = pos
        parts.append(para)
        pos += len(para)
        lines.append(Line(Span(start, pos), LineRole.TITLE if n == 0 else LineRole.BODY, "bench"))
        parts.append("\n\n")
        pos += 2
        if n and n % 2 == 0:
            q_end = start + para.index("”")
            quotes.append(
                Quote(
                    span=Span(start + 1, q_end),
                    text=para[1 : q_end - start],
                    kind=QuoteKind.DIRECT,
                    cue=Span(q_end + 16, q_end + 20),
                    speaker_span=Span(q_end + 3, q_end + 15),
                    speaker_text="Dmitry Peskov",
                    speaker="Dmitry Peskov",
                    speaker_actor_id="dmitry-peskov",
                    confidence=0.9,
                    evidence="bench",
                )
            )
        if n:
            for word in ("Dmitry Peskov", "Moscow", "Kremlin"):
                at = start + para.index(word)
                mentions.append(Mention(Span(at, at + len(word)), word, EntityType.PERSON))
    text = "".join(parts)
    article = Article(
        id=f"bench{i:011d}",
        text=text,
        source=f"bench/{i}.txt",
        title=f"Headline number {i} about talks",
        title_span=lines[0].span,
        published=dt.date(2022, 1, 1) + dt.timedelta(days=i % 365),
        lines=tuple(lines),
    )
    return Document(article=article, mentions=tuple(mentions), quotes=tuple(quotes))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("n", nargs="?", type=int, default=2000)
    parser.add_argument("--db", default=None, help="database file (default: a temporary one)")
    parser.add_argument("--batch", type=int, default=250)
    parser.add_argument("--repeat", type=int, default=3, help="best of this many runs")
    args = parser.parse_args()
    docs = [synthetic_document(i) for i in range(args.n)]
    best: dict[str, tuple[float, float]] = {}
    for _ in range(args.repeat):
        with tempfile.TemporaryDirectory() as tmp:
            store = open_store(args.db or Path(tmp) / "bench.db")
            for label in ("new", "unchanged"):
                wall, cpu = time.perf_counter(), time.process_time()
                for b in range(0, len(docs), args.batch):
                    store.write(docs[b : b + args.batch])
                took = (time.perf_counter() - wall, time.process_time() - cpu)
                best[label] = min(best.get(label, took), took)
            counts = store.counts()
            store.close()
    for label, (wall, cpu) in best.items():
        print(
            f"{label:9s} {len(docs)} documents: {len(docs) / wall:,.0f} docs/s wall"
            f" ({1000 * wall / len(docs):.3f} ms/doc), {1000 * cpu / len(docs):.3f} ms/doc CPU"
        )
    print(counts)


if __name__ == "__main__":
    main()
