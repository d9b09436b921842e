"""Measure store write speed: ``python -m newsgraph.store.bench [N] [--db PATH]``.

Builds N synthetic ~4 KB documents shaped like pipeline output (22 lines, ~10 quotations,
~40 mentions each; one in ten a syndicated copy of another), writes them in batches as the
ingest driver does, then re-writes them (all unchanged) and prints documents per second for
both: the best of ``--repeat`` runs, wall clock and CPU time (the CPU figure is the steadier
one on a shared machine).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
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

_SYLLABLES = ("ka", "lo", "mi", "ren", "tas", "vo", "pel", "dun", "sar", "ti", "gor", "ne", "bu")
_VOCABULARY = tuple(
    a + b + c for a in _SYLLABLES for b in _SYLLABLES for c in ("", "s", "n", "ed")
)  # 676 made-up words: articles share vocabulary but not sentences, like real news
_SPEAKERS = tuple(
    f"{first} {last}"
    for first in ("Anna", "Oleg", "Maria", "John", "Leila")
    for last in ("Peskov", "Smith", "Okafor", "Tanaka", "Moreau", "Silva")
)
_CITIES = ("Moscow", "Kyiv", "Ankara", "Brussels", "Washington", "Nairobi", "Jakarta")
COPY_EVERY = 10  # every 10th document is a syndicated copy (other title, one edit) of another


def _words(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(_VOCABULARY) for _ in range(n))


def synthetic_document(i: int) -> Document:
    """A document of about 4 KB with the density of quotes and mentions of real news; every
    :data:`COPY_EVERY`-th one is a wire copy of an earlier document (other headline, one edit)."""
    copy_of = i - 5 if i % COPY_EVERY == COPY_EVERY - 1 and i >= 5 else i
    rng = random.Random(copy_of)
    parts, lines, quotes, mentions = [], [], [], []
    pos = 0
    title = f"Headline number {i} about talks"
    for n in range(22):
        speaker, city = rng.choice(_SPEAKERS), rng.choice(_CITIES)
        said = f"{speaker} told reporters in {city}"
        tail = _words(rng, 11)
        if copy_of != i and n == 7:
            tail = "an edited sentence " + tail  # copies are never exact
        para = f"“{_words(rng, 10)},” {said} on Tuesday, adding that {tail}." if n else title
        start = pos
        parts.append(para)
        pos += len(para)
        lines.append(Line(Span(start, pos), LineRole.TITLE if n == 0 else LineRole.BODY, "bench"))
        parts.append("\n\n")
        pos += 2
        if n and n % 2 == 0:
            q_end = start + para.index("”")
            s_at = q_end + 2
            quotes.append(
                Quote(
                    span=Span(start + 1, q_end),
                    text=para[1 : q_end - start],
                    kind=QuoteKind.DIRECT,
                    cue=Span(s_at + len(speaker) + 1, s_at + len(speaker) + 5),
                    speaker_span=Span(s_at, s_at + len(speaker)),
                    speaker_text=speaker,
                    speaker=speaker,
                    speaker_actor_id=speaker.lower().replace(" ", "-"),
                    confidence=0.9,
                    evidence="bench",
                )
            )
        if n:
            for word, etype in ((speaker, EntityType.PERSON), (city, EntityType.GPE)):
                at = start + para.index(word)
                mentions.append(Mention(Span(at, at + len(word)), word, etype))
    text = "".join(parts)
    article = Article(
        id=f"bench{i:011d}",
        text=text,
        source=f"bench/{i}.txt",
        url=f"https://site{i % 40}.example/news/{i}",
        title=title,
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
            with store.engine.connect() as conn:
                for table in ("stories", "quote_groups"):
                    counts[table] = conn.exec_driver_sql(f"SELECT count(*) FROM {table}").scalar()
            store.close()
    for label, (wall, cpu) in best.items():
        print(
            f"{label:9s} {len(docs)} documents: {len(docs) / wall:,.0f} docs/s wall"
            f" ({1000 * wall / len(docs):.3f} ms/doc), {1000 * cpu / len(docs):.3f} ms/doc CPU"
        )
    print(counts)


if __name__ == "__main__":
    main()
