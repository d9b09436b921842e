"""Load test of the JSON API: quotation search over a database of 100,000 quotations.

Builds a synthetic database (bulk insert through ``Store.write``), starts ``newsgraph serve`` on
127.0.0.1 in a subprocess, fires a bounded number of requests with bounded concurrency (keep-alive
connections on asyncio) and prints requests/s and latency percentiles. Target: >= 200 req/s,
p99 < 100 ms.

    .venv/bin/python benchmarks/load_api.py [--quotes 100000] [--requests 5000] [--concurrency 16]
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import hashlib
import itertools
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import httpx

from newsgraph.model import Article, Document, Line, LineRole, Quote, QuoteKind, Span
from newsgraph.store import open_store

FIRST = [
    "Anna", "Ben", "Carla", "David", "Elena", "Farid", "Grace", "Hugo", "Ines", "Jonas",
    "Karin", "Luis", "Maya", "Nikos", "Olga", "Pavel", "Rosa", "Samir", "Tara", "Umar", "Vera",
    "Wen", "Yusuf", "Zofia", "Amir", "Bea", "Chen", "Dana", "Emil", "Fatima",
]
LAST = [
    "Adler", "Brooks", "Costa", "Dimitrov", "Eriksen", "Fischer", "Garcia", "Haddad", "Ivanova",
    "Jensen", "Kowalski", "Laine", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
    "Santos", "Tanaka", "Urban", "Varga", "Weber", "Xu", "Yilmaz", "Zhou",
]
OUTLETS = [f"{w} {k}" for w in ("Coast", "Daily", "Metro", "Global", "Valley") for k in
           ("Herald", "Times", "Post", "Courier")]
WORDS = [
    "government", "minister", "talks", "sanctions", "economy", "budget", "energy", "gas",
    "prices", "strike", "union", "workers", "election", "vote", "parliament", "court", "ruling",
    "police", "protest", "border", "troops", "ceasefire", "peace", "war", "talks",
    "negotiations", "inflation", "rates", "bank", "market", "trade", "tariffs", "exports",
    "climate", "emissions", "flood", "storm", "hospital", "health", "vaccine", "schools",
    "teachers", "housing", "rents", "transport", "rail", "port", "airport", "security",
    "attack", "defence", "alliance", "summit", "treaty", "agreement", "deal", "reform", "tax",
    "pension", "water", "drought", "harvest", "farmers", "fuel", "oil", "pipeline", "nuclear",
    "plant", "grid", "power", "jobs", "wages", "growth",
]
STOPWORDS = [
    "the", "of", "to", "and", "a", "in", "is", "that", "we", "for", "it", "not", "will", "be",
    "on", "this", "are", "with", "our", "they",
]
QUOTES_PER_ARTICLE = 10


def _vocabulary(size: int = 5000) -> list[str]:
    """Content words, most frequent first: the real ones above, then made-up ones."""
    rng = random.Random(3)
    syllables = [
        "ba", "ko", "ri", "ten", "mus", "la", "po", "ver", "den", "sa", "li", "gor", "na",
        "tu", "pel", "mi", "ros", "an",
    ]
    extra = {"".join(rng.choices(syllables, k=rng.randint(2, 4))) for _ in range(size * 2)}
    return WORDS + sorted(extra - set(WORDS))[: size - len(WORDS)]


VOCAB = _vocabulary()
# Zipf-Mandelbrot over content words (rank r has weight 1/(r + 50)): the commonest is in about
# one quotation in forty, rank 500 in about one in four hundred, as content words in news.
CUM_WEIGHTS = list(itertools.accumulate(1 / (r + 50) for r in range(1, len(VOCAB) + 1)))


def _sentence(rng: random.Random, n: int) -> str:
    """Half stop words, half Zipf-distributed content words, as in news prose."""
    content = rng.choices(VOCAB, cum_weights=CUM_WEIGHTS, k=n // 2 + 1)
    stop = rng.choices(STOPWORDS, k=n // 2 + 1)
    words = [w for pair in zip(content, stop, strict=True) for w in pair]
    return " ".join(words[:n]).capitalize()


def synthetic_docs(n_quotes: int, seed: int = 7) -> Iterator[Document]:
    """Articles of ten attributed quotations each, with spans, lines and dates."""
    rng = random.Random(seed)
    speakers = [f"{f} {last}" for f in FIRST for last in LAST]  # 780 names
    rng.shuffle(speakers)
    weights = [1 / (i + 1) for i in range(len(speakers))]  # the top speaker: 1 quote in 7
    start = dt.date(2021, 1, 1)
    for i in range(-(-n_quotes // QUOTES_PER_ARTICLE)):
        title = f"{_sentence(rng, 6)} (report {i})"
        parts = [title, "\n"]
        pos = len(title) + 1
        lines = [Line(Span(0, len(title)), LineRole.TITLE)]
        quotes, sentences = [], []
        for _ in range(QUOTES_PER_ARTICLE):
            who = rng.choices(speakers, weights)[0]
            words = _sentence(rng, rng.randint(6, 16))
            para = f'"{words}," {who} said. {_sentence(rng, 12)}.'
            q0 = pos + 1
            quotes.append(
                Quote(
                    span=Span(q0, q0 + len(words)),
                    text=words,
                    kind=QuoteKind.DIRECT,
                    speaker=who,
                    speaker_text=who,
                    confidence=0.9,
                    evidence="synthetic",
                )
            )
            first_end = para.index(" said.") + len(" said.")
            sentences += [Span(pos, pos + first_end), Span(pos + first_end + 1, pos + len(para))]
            lines.append(Line(Span(pos, pos + len(para)), LineRole.BODY))
            parts += [para, "\n"]
            pos += len(para) + 1
        text = "".join(parts)
        article = Article(
            id=hashlib.sha256(text.encode()).hexdigest()[:16],
            text=text,
            source=f"synthetic/{i}.txt",
            title=title,
            title_span=Span(0, len(title)),
            publisher=rng.choice(OUTLETS),
            published=start + dt.timedelta(days=rng.randrange(3 * 365)),
            lines=tuple(lines),
        )
        yield Document(article=article, sentences=tuple(sentences), quotes=tuple(quotes))


def build_db(path: Path, n_quotes: int) -> float:
    t0 = time.perf_counter()
    store = open_store(path)
    batch: list[Document] = []
    for doc in synthetic_docs(n_quotes):
        batch.append(doc)
        if len(batch) == 1000:
            store.write(batch)
            batch = []
    store.write(batch)
    n = store.counts()["quotes"]
    store.close()
    print(f"built {n} quotations in {time.perf_counter() - t0:.1f} s ({path})")
    return time.perf_counter() - t0


def request_paths(n: int, seed: int = 11) -> list[str]:
    """A mix of the searches a user of the page makes."""
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        kind = rng.random()
        if kind < 0.35:  # one word, anywhere from very common to rare
            out.append(f"/api/quotes?q={rng.choice(VOCAB[:500])}&limit=20")
        elif kind < 0.6:
            out.append(f"/api/quotes?speaker={rng.choice(LAST)}&limit=20")
        elif kind < 0.75:
            y = rng.choice((2021, 2022, 2023))
            m = rng.randint(1, 12)
            out.append(f"/api/quotes?since={y}-{m:02d}-01&until={y}-{m:02d}-28&limit=20")
        elif kind < 0.9:
            out.append(
                f"/api/quotes?q={rng.choice(VOCAB[:100])}+{rng.choice(VOCAB[:500])}"
                f"&speaker={rng.choice(FIRST)}&limit=20"
            )
        else:
            out.append(f"/api/quotes?limit=20&offset={rng.randrange(0, 2000, 20)}")
    return out


class Connection:
    """A minimal keep-alive HTTP/1.1 GET client on asyncio streams.

    The load generator shares the machine with the server; a client that spends little CPU per
    request (httpx spends about a millisecond) keeps the measurement about the server.
    """

    def __init__(self, host: str, port: int) -> None:
        self.host, self.port = host, port
        self.reader: asyncio.StreamReader | None = None
        self.writer: asyncio.StreamWriter | None = None

    async def get(self, path: str) -> tuple[int, bytes]:
        if self.writer is None:
            self.reader, self.writer = await asyncio.open_connection(self.host, self.port)
        assert self.reader is not None
        self.writer.write(f"GET {path} HTTP/1.1\r\nHost: {self.host}\r\n\r\n".encode())
        head = await self.reader.readuntil(b"\r\n\r\n")
        status = int(head.split(b" ", 2)[1])
        length = 0
        for line in head.split(b"\r\n")[1:]:
            name, _, value = line.partition(b":")
            if name.strip().lower() == b"content-length":
                length = int(value)
        body = await self.reader.readexactly(length)
        return status, body

    async def close(self) -> None:
        if self.writer is not None:
            self.writer.close()
            await self.writer.wait_closed()


async def run_load(
    host: str, port: int, paths: list[str], concurrency: int
) -> tuple[list[float], int, float]:
    latencies: list[float] = []
    errors = 0
    todo = iter(paths)
    conns = [Connection(host, port) for _ in range(concurrency)]

    async def worker(conn: Connection) -> None:
        nonlocal errors
        for path in todo:  # a shared iterator: each path is fetched once
            t = time.perf_counter()
            status, _ = await conn.get(path)
            latencies.append(time.perf_counter() - t)
            if status != 200:
                errors += 1

    for p in paths[:50]:  # warm up the server and the database cache
        await conns[0].get(p)
    t0 = time.perf_counter()
    await asyncio.gather(*(worker(c) for c in conns))
    elapsed = time.perf_counter() - t0
    for c in conns:
        await c.close()
    return latencies, errors, elapsed


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def cpu_seconds(pid: int) -> float:
    """User + system CPU time used by a process and its descendants (Linux /proc), to report
    server CPU per request: unlike wall-clock figures it does not depend on what else the
    machine runs."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    total = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    for task in Path(f"/proc/{pid}/task").glob("*/children"):
        total += sum(cpu_seconds(int(c)) for c in task.read_text().split())
    return total


def serve(db: Path, port: int, workers: int = 1) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from newsgraph.cli import main; main()", "serve",
           "--db", str(db), "--port", str(port), "--workers", str(workers)]
    proc = subprocess.Popen(cmd, env={**os.environ, "NEWSGRAPH_API_TOKEN": ""})
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/outlets", timeout=1).status_code == 200:
                return proc
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise SystemExit("server did not start")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quotes", type=int, default=100_000)
    ap.add_argument("--requests", type=int, default=5000)
    ap.add_argument("--concurrency", type=int, default=16)
    ap.add_argument("--db", type=Path, help="reuse or keep the database here")
    ap.add_argument("--workers", type=int, default=1, help="server processes")
    args = ap.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db = args.db or Path(tmp) / "load.db"
        if not db.exists():
            build_db(db, args.quotes)
        port = _free_port()
        proc = serve(db, port, args.workers)
        try:
            paths = request_paths(args.requests)
            cpu0 = cpu_seconds(proc.pid)
            lat, errors, elapsed = asyncio.run(
                run_load("127.0.0.1", port, paths, args.concurrency)
            )
            cpu = cpu_seconds(proc.pid) - cpu0
        finally:
            proc.terminate()
            proc.wait(10)
    lat_ms = sorted(x * 1000 for x in lat)
    q = statistics.quantiles(lat_ms, n=100)
    rps = len(lat) / elapsed
    print(
        f"{len(lat)} requests, concurrency {args.concurrency}, {errors} errors: "
        f"{rps:.0f} req/s, p50 {q[49]:.1f} ms, p90 {q[89]:.1f} ms, p99 {q[98]:.1f} ms, "
        f"max {lat_ms[-1]:.1f} ms"
    )
    per_request = cpu * 1000 / (len(lat) + 50)
    print(
        f"server CPU {per_request:.2f} ms per request (capacity ~{1000 / per_request:.0f} "
        f"req/s on one free core); load average {os.getloadavg()[0]:.1f} on "
        f"{os.cpu_count()} CPUs"
    )
    ok = rps >= 200 and q[98] < 100 and errors == 0
    print("target (>= 200 req/s, p99 < 100 ms, no errors):", "met" if ok else "NOT met")


if __name__ == "__main__":
    main()
