"""Throughput benchmark: a full ingest of a generated corpus into a fresh SQLite file, one core.

    .venv/bin/python benchmarks/run.py [--n 2000] [--jsonl] [--profile] [--tracemalloc] [--repeat K]

1. Builds the corpus (benchmarks/make_corpus.py) if it is missing or stale.
2. Warm-up: one article through the pipeline (imports, lazy lexicon loading), timed apart.
3. The headline: ``newsgraph.batch.ingest`` (read → pipeline → batched store writes) into a fresh
   database, one process (``--pin`` also pins it to one CPU). Articles/s by wall clock and by
   CPU time (the machine may be shared: CPU time is the steadier figure), sentences/s, peak RSS.
4. Breakdown: read the corpus again, then run the pipeline with a timer around each stage
   function it calls (found by name in ``newsgraph.pipeline`` and ``newsgraph.annotate``), so
   every engineer sees where the milliseconds go. Store-write time comes from the headline run.
5. ``--profile``: another ingest under cProfile, top 25 functions by own time;
   ``--tracemalloc``: another ingest under tracemalloc (peak Python allocation);
   ``--repeat K``: K headline runs, the fastest reported (the machine may be shared).

Ends with one summary line starting ``BENCH``. Targets (one core, articles/s): quotes >= 300
(issue #2), actors >= 200 (issue #3), full >= 150 (issue #4).
"""

from __future__ import annotations

import argparse
import cProfile
import io
import os
import pstats
import resource
import sys
import tempfile
import time
import tracemalloc
import types
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import machine  # noqa: E402
import make_corpus  # noqa: E402  (a sibling script, not a package)

# the issues' one-core targets, by pipeline profile
TARGETS = {"quotes": 300.0, "actors": 200.0, "full": 150.0}
STAGES = "full"  # pipeline profile (newsgraph.pipeline.PROFILES), set by --stages


@dataclass
class Headline:
    articles: int = 0
    failed: int = 0
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    store_cpu_seconds: float = 0.0
    store_seconds: float = 0.0
    rows: dict[str, int] = field(default_factory=dict)
    path: str = ""  # which code path ran
    failures: list[str] = field(default_factory=list)
    tracemalloc_peak: int | None = None
    maxrss_kb: int = 0  # ru_maxrss right after the headline runs (before the other passes)
    runs: list[float] = field(default_factory=list)  # seconds of every repeat
    machine_ref: float = 0.0  # CPU seconds of benchmarks/machine.py's fixed workload


@dataclass
class Breakdown:
    read_seconds: float = 0.0
    pipeline_seconds: float = 0.0
    stages: dict[str, float] = field(default_factory=dict)  # label -> seconds
    calls: dict[str, int] = field(default_factory=dict)
    sentences: int = 0
    mentions: int = 0
    quotes: int = 0
    quote_kinds: dict[str, int] = field(default_factory=dict)
    documents: int = 0


def pin_one_core(pin: bool) -> str:
    """Optionally run on one CPU so the figure is a one-core figure even if a library spawns
    threads (off by default: on a busy shared machine the chosen CPU may be the loaded one)."""
    if not pin:
        return "single process, not pinned"
    try:
        cpu = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {cpu})
        return f"pinned to CPU {cpu}"
    except (AttributeError, OSError):
        return "not pinned (no sched_setaffinity)"


def corpus_inputs(n: int, jsonl: bool, rebuild: bool, out: Path = make_corpus.OUT) -> list[str]:
    if rebuild or not make_corpus.manifest_ok(n, out):
        started = time.perf_counter()
        make_corpus.make_corpus(n, out)
        print(f"built corpus of {n} in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    if jsonl:
        return [str(make_corpus.jsonl_path(n, out))]
    return [str(make_corpus.corpus_dir(n, out))]


def warm_up() -> float:
    """Process one example article outside the timed runs (imports and lazy loading)."""
    started = time.perf_counter()
    from newsgraph.model import Record
    from newsgraph.pipeline import process_record

    sample = next(iter(sorted(make_corpus.EXAMPLES.glob("*.txt"))), None)
    text = sample.read_text(encoding="utf-8") if sample else "Title\n\nBody text, he said."
    process_record(Record(source="warm-up", text=text))
    return time.perf_counter() - started


def run_headline(inputs: list[str], db: Path) -> Headline:
    """The real code path: batch ingest into a fresh store (fallback: a plain loop)."""
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    from newsgraph.store import open_store

    store = open_store(db)
    store_cpu = _cpu_timed_writes(store)
    try:
        try:
            from newsgraph.batch import ingest
            from newsgraph.pipeline import processor
        except ImportError:
            return _fallback_ingest(inputs, store)
        started, cpu = time.perf_counter(), time.process_time()
        summary = ingest(inputs, store, progress=False, process=processor(STAGES))
        seconds = time.perf_counter() - started
        return Headline(
            cpu_seconds=time.process_time() - cpu,
            store_cpu_seconds=store_cpu[0],
            articles=summary.total,
            failed=summary.failed,
            seconds=seconds,
            store_seconds=summary.store_seconds,
            rows=store.counts(),
            path="newsgraph.batch.ingest + newsgraph.store (SQLite)",
            failures=[f"{f.source}: {f.error}" for f in summary.failures[:5]],
        )
    finally:
        store.close()


def _cpu_timed_writes(store: Any) -> list[float]:
    """Count the CPU time of ``store.write`` calls (once per batch, so the wrapper costs nothing
    measurable); the batch driver reports their wall time, which a busy machine inflates."""
    total = [0.0]
    original = store.write

    def write(docs: Any) -> Any:
        started = time.process_time()
        try:
            return original(docs)
        finally:
            total[0] += time.process_time() - started

    store.write = write
    return total


def _fallback_ingest(inputs: list[str], store: Any) -> Headline:
    """Used only when newsgraph.batch is missing: the same steps, written out."""
    from newsgraph.ingest import iter_records
    from newsgraph.model import Failure
    from newsgraph.pipeline import process_record

    h = Headline(path="fallback loop: iter_records → process_record → store.write")
    started, cpu = time.perf_counter(), time.process_time()
    docs = []
    for record in iter_records(inputs):
        h.articles += 1
        result = process_record(record)
        if isinstance(result, Failure):
            h.failed += 1
            continue
        docs.append(result)
        if len(docs) >= 250:
            t = time.perf_counter()
            store.write(docs)
            h.store_seconds += time.perf_counter() - t
            docs = []
    t = time.perf_counter()
    store.write(docs)
    h.store_seconds += time.perf_counter() - t
    h.seconds = time.perf_counter() - started
    h.cpu_seconds = time.process_time() - cpu
    h.rows = store.counts()
    return h


def _stage_targets() -> list[tuple[types.ModuleType, str, str]]:
    """(module, attribute, label) for every newsgraph stage function the pipeline calls by name."""
    import newsgraph.annotate
    import newsgraph.pipeline

    targets = []
    for module, indent in ((newsgraph.pipeline, ""), (newsgraph.annotate, "  ")):
        for name, obj in sorted(vars(module).items()):
            if (
                isinstance(obj, types.FunctionType)
                and obj.__module__.startswith("newsgraph.")
                and obj.__module__ != module.__name__
                and obj.__module__ != "newsgraph.model"
            ):
                targets.append((module, name, f"{indent}{obj.__module__}.{name}"))
    return targets


@contextmanager
def timed_stages(bd: Breakdown) -> Iterator[None]:
    """Wrap each stage function with a timer for the duration of the block, then restore."""
    saved = []
    for module, name, label in _stage_targets():
        original = getattr(module, name)
        saved.append((module, name, original))
        setattr(module, name, _timer(original, label, bd))
    try:
        yield
    finally:
        for module, name, original in saved:
            setattr(module, name, original)


def _timer(fn: Callable[..., Any], label: str, bd: Breakdown) -> Callable[..., Any]:
    clock = time.process_time  # CPU time: steadier than wall time on a shared machine

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        # registered on entry: dict order = call order, so nested stages print under their parent
        bd.stages.setdefault(label, 0.0)
        started = clock()
        try:
            return fn(*args, **kwargs)
        finally:
            bd.stages[label] += clock() - started
            bd.calls[label] = bd.calls.get(label, 0) + 1

    return wrapper


def traced_peak(inputs: list[str], db: Path) -> int:
    """Peak Python allocation during a whole ingest (a separate, slower run)."""
    tracemalloc.start()
    try:
        run_headline(inputs, db)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def run_breakdown(inputs: list[str]) -> Breakdown:
    from newsgraph.ingest import iter_records
    from newsgraph.model import Document
    from newsgraph.pipeline import PROFILES, process_record

    stages = PROFILES[STAGES]
    bd = Breakdown()
    started = time.process_time()
    records = list(iter_records(inputs))
    bd.read_seconds = time.process_time() - started
    with timed_stages(bd):
        started = time.process_time()
        for record in records:
            try:
                result = process_record(record, stages)
            except Exception:  # counted by the headline run; keep measuring the rest
                continue
            if isinstance(result, Document):
                bd.documents += 1
                bd.sentences += len(result.sentences)
                bd.mentions += len(result.mentions)
                bd.quotes += len(result.quotes)
                for q in result.quotes:
                    bd.quote_kinds[str(q.kind)] = bd.quote_kinds.get(str(q.kind), 0) + 1
        bd.pipeline_seconds = time.process_time() - started
    return bd


def run_profile(inputs: list[str], db: Path, top: int = 25) -> str:
    profiler = cProfile.Profile()
    profiler.enable()
    run_headline(inputs, db)
    profiler.disable()
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out)
    stats.sort_stats("tottime").print_stats(top)
    # Paths relative to the project (or site-packages) keep lines short but unambiguous.
    text = out.getvalue().replace(str(HERE.parent / "src") + os.sep, "")
    for prefix in sorted({p for p in sys.path if p and "site-packages" in p}, key=len)[::-1]:
        text = text.replace(prefix + os.sep, "")
    return text


def ms_per(seconds: float, n: int) -> str:
    return f"{1000 * seconds / n:8.3f} ms/article" if n else "       - ms/article"


W = 54  # label column width of the breakdown


def report(h: Headline, bd: Breakdown | None, warm: float, pinned: str, fmt: str) -> str:
    n = max(h.articles, 1)
    rate = h.articles / h.seconds if h.seconds else 0.0
    maxrss_mb = h.maxrss_kb / 1024  # ru_maxrss is in KiB on Linux
    lines = [
        f"code path     : {h.path}",
        f"input         : {fmt}; {pinned}; warm-up {warm:.2f} s (not counted)",
        f"articles      : {h.articles} ({h.failed} failed)",
        f"stored rows   : {', '.join(f'{k} {v}' for k, v in h.rows.items())}",
    ]
    if bd is not None:
        kinds = ", ".join(f"{k} {v}" for k, v in sorted(bd.quote_kinds.items()))
        lines += [
            f"sentences     : {bd.sentences}",
            f"mentions      : {bd.mentions}",
            f"quotes        : {bd.quotes} ({kinds or 'none'})",
        ]
    cpu_rate = h.articles / h.cpu_seconds if h.cpu_seconds else 0.0
    lines += [
        f"seconds       : {h.seconds:.2f} wall, {h.cpu_seconds:.2f} CPU",
        f"articles/s    : {rate:.1f} wall, {cpu_rate:.1f} CPU",
    ]
    if bd is not None and h.seconds:
        lines.append(f"sentences/s   : {bd.sentences / h.seconds:.0f} wall")
    lines.append(f"peak memory   : maxrss {maxrss_mb:.0f} MB (process, after the headline run)")
    if h.machine_ref:
        lines.append(
            f"machine ref   : {h.machine_ref:.3f} s CPU for benchmarks/machine.py's fixed workload "
            "(the day's interpreter speed: scale figures by it before comparing across days)"
        )
    if h.tracemalloc_peak is not None:
        lines[-1] += f", tracemalloc peak {h.tracemalloc_peak / 2**20:.1f} MB (separate ingest)"
    if len(h.runs) > 1:
        lines.append(f"repeats       : {', '.join(f'{x:.2f}' for x in h.runs)} s (best shown)")
    for f in h.failures:
        lines.append(f"failed        : {f}")
    if bd is not None:
        docs = max(bd.documents, 1)
        lines.append("per-stage CPU time (breakdown pass; store write: from the headline run):")
        lines.append(f"  {'ingest read (iter_records)':<{W}}{ms_per(bd.read_seconds, n)}")
        top_level = 0.0
        for label, seconds in bd.stages.items():
            if not label.startswith(" "):
                top_level += seconds
            lines.append(f"  {label:<{W}}{ms_per(seconds, docs)}")
        other = bd.pipeline_seconds - top_level
        accounted = bd.read_seconds + bd.pipeline_seconds + h.store_cpu_seconds
        lines += [
            f"  {'pipeline glue / other':<{W}}{ms_per(other, docs)}",
            f"  {'= pipeline total (process_record)':<{W}}{ms_per(bd.pipeline_seconds, docs)}",
            f"  {'store write (batched; CPU)':<{W}}{ms_per(h.store_cpu_seconds, n)}",
            f"  {'  store write (wall, includes I/O waits)':<{W}}{ms_per(h.store_seconds, n)}",
            f"  {'≈ batch driver, GC, other (headline CPU - the above)':<{W}}"
            f"{ms_per(h.cpu_seconds - accounted, n)}",
            f"  {'= headline total (CPU)':<{W}}{ms_per(h.cpu_seconds, n)}",
            f"  {'  headline total (wall)':<{W}}{ms_per(h.seconds, n)}",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="newsgraph ingest throughput benchmark")
    ap.add_argument("--n", type=int, default=2000, help="articles in the corpus (default 2000)")
    ap.add_argument("--jsonl", action="store_true", help="ingest the JSONL variant")
    ap.add_argument("--profile", action="store_true", help="cProfile top 25 (a second run)")
    ap.add_argument("--tracemalloc", action="store_true", help="tracemalloc peak (extra run)")
    ap.add_argument("--repeat", type=int, default=1, help="headline runs; the best is reported")
    ap.add_argument("--no-breakdown", action="store_true", help="skip the per-stage pass")
    ap.add_argument("--rebuild", action="store_true", help="regenerate the corpus")
    ap.add_argument("--pin", action="store_true", help="pin the process to one CPU")
    ap.add_argument("--out", type=Path, default=make_corpus.OUT, help="corpus folder")
    ap.add_argument("--db", type=Path, default=None, help="database file (default: temp dir)")
    ap.add_argument(
        "--stages",
        choices=["quotes", "actors", "full"],
        default="full",
        help="pipeline profile: quotes (core), actors (+entities, linking), full (+events)",
    )
    ap.add_argument("--top", type=int, default=25, help="functions listed by --profile")
    args = ap.parse_args(argv)

    global STAGES
    STAGES = args.stages
    pinned = pin_one_core(args.pin)
    inputs = corpus_inputs(args.n, args.jsonl, args.rebuild, args.out)
    warm = warm_up()
    with tempfile.TemporaryDirectory(prefix="newsgraph-bench-") as tmp:
        db = args.db or Path(tmp) / "bench.db"
        runs = [run_headline(inputs, db) for _ in range(max(args.repeat, 1))]
        headline = min(runs, key=lambda h: h.seconds)
        headline.runs = [h.seconds for h in runs]
        headline.maxrss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        headline.machine_ref = machine.reference_seconds()
        breakdown = None if args.no_breakdown else run_breakdown(inputs)
        if args.tracemalloc:
            headline.tracemalloc_peak = traced_peak(inputs, Path(tmp) / "traced.db")
        fmt = "jsonl" if args.jsonl else "txt files"
        print(report(headline, breakdown, warm, pinned, fmt))
        if args.profile:
            print(f"\ncProfile of another ingest (top {args.top} by own time):")
            print(run_profile(inputs, Path(tmp) / "profile.db", args.top))
    rate = headline.articles / headline.seconds if headline.seconds else 0.0
    cpu_rate = headline.articles / headline.cpu_seconds if headline.cpu_seconds else 0.0
    target = TARGETS[STAGES]
    verdict = "OK" if rate >= target else "BELOW TARGET"
    cpu_verdict = "OK" if cpu_rate >= target else "BELOW TARGET"
    per_sentence = ""
    if breakdown is not None and headline.seconds:
        per_sentence = f", {breakdown.sentences / headline.seconds:.0f} sentences/s"
    quotes = headline.rows.get("quotes", breakdown.quotes if breakdown else 0)
    print(
        f"BENCH n={headline.articles} {'jsonl' if args.jsonl else 'txt'} stages={STAGES}: "
        f"{rate:.1f} articles/s wall ({headline.seconds:.2f} s{per_sentence}), "
        f"{cpu_rate:.1f} articles/s CPU, {quotes} quotes, "
        f"{headline.failed} failed, maxrss {headline.maxrss_kb / 1024:.0f} MB, "
        f"machine ref {headline.machine_ref:.3f} s "
        f"— target {target:.0f}/s: {verdict} (wall), {cpu_verdict} (CPU)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
