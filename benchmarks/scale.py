"""Scale-out benchmark: ingest throughput in one process, 2 worker processes and Dask (1 and 2
local workers), and the WARC path at two archive sizes with peak memory.

Every case runs in a fresh subprocess (so peak RSS is that case's own) against a fresh SQLite
file, through the real code path (``newsgraph.scale.runners.runner`` + ``batch.store_results``,
one writer). Start-up (pool fork / cluster start, warm-up) is timed apart. CPU time is summed
over the main process and all its worker processes: on a shared machine it is the steadier
figure, and wall / CPU shows how much parallelism the machine actually gave.

    .venv/bin/python benchmarks/scale.py                      # corpus-2000 + WARC 1,000 / 5,000
    .venv/bin/python benchmarks/scale.py --n 500 --warc 1000 --modes local1,local2
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import make_corpus  # noqa: E402  (sibling scripts, not a package)

MODES = {  # name -> (workers, dask)
    "local1": (1, None),
    "local2": (2, None),
    "dask1": (1, "local"),
    "dask2": (2, "local"),
}


def _cpu_and_peak(children: list[Any]) -> tuple[float, float, int]:
    """CPU seconds of this process, of the given worker processes, and their largest peak RSS
    (kB, from /proc VmHWM: the high-water mark, not the current size)."""
    own = time.process_time()
    theirs, peak = 0.0, 0
    for child in children:
        try:
            t = child.cpu_times()
            theirs += t.user + t.system
            status = Path(f"/proc/{child.pid}/status").read_text()
            for line in status.splitlines():
                if line.startswith("VmHWM:"):
                    peak = max(peak, int(line.split()[1]))
        except Exception:  # a worker that already exited
            continue
    return own, theirs, peak


def child(mode: str, inputs: list[str], db: str) -> dict[str, Any]:
    """One case, in this (fresh) process: start the runner, ingest, measure."""
    import psutil

    from newsgraph.batch import store_results
    from newsgraph.ingest import iter_records
    from newsgraph.scale.runners import runner
    from newsgraph.store import open_store

    workers, dask = MODES[mode]
    started = time.perf_counter()
    with open_store(db) as store, runner(workers=workers, dask=dask) as results:
        if dask is None and workers == 1:  # in-process: warm up like the workers do
            from newsgraph.scale.work import warm_up

            warm_up()
        me = psutil.Process()
        kids = me.children(recursive=True)
        startup = time.perf_counter() - started
        own0, kids0, _ = _cpu_and_peak(kids)
        wall = time.perf_counter()
        summary = store_results(results(iter_records(inputs)), store)
        wall = time.perf_counter() - wall
        own1, kids1, kids_peak = _cpu_and_peak(me.children(recursive=True))
    main_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    docs = summary.total
    cpu = (own1 - own0) + (kids1 - kids0)
    return {
        "mode": mode,
        "documents": docs,
        "stored": summary.processed,
        "failed": summary.failed,
        "wall_s": round(wall, 2),
        "per_s": round(docs / wall, 1),
        "cpu_s": round(cpu, 2),
        "cpu_main_s": round(own1 - own0, 2),
        "per_cpu_s": round(docs / cpu, 1) if cpu else 0.0,
        "startup_s": round(startup, 2),
        "store_s": round(summary.store_seconds, 2),
        "maxrss_main_mb": round(main_peak / 1024, 1),
        "maxrss_worker_mb": round(kids_peak / 1024, 1),
    }


def run_case(mode: str, inputs: list[str]) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="ng-scale-") as tmp:
        cmd = [sys.executable, __file__, "--child", mode, "--db", f"{tmp}/b.db", *inputs]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            raise SystemExit(f"{mode} failed:\n{out.stderr[-3000:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])


def warc_input(n: int) -> str:
    path = make_corpus.OUT / f"pages-{n}.warc.gz"
    if not path.exists():
        import make_warc

        make_warc.write_warc(n)
    return str(path)


HEADER = (
    f"{'case':<26}{'docs':>7}{'fail':>6}{'wall s':>8}{'docs/s':>8}{'CPU s':>8}"
    f"{'docs/CPU s':>11}{'main CPU s':>11}{'start s':>8}{'RSS main':>10}{'RSS wkr':>9}"
)


def line(label: str, r: dict[str, Any]) -> str:
    return (
        f"{label:<26}{r['documents']:>7}{r['failed']:>6}{r['wall_s']:>8.1f}{r['per_s']:>8.1f}"
        f"{r['cpu_s']:>8.1f}{r['per_cpu_s']:>11.1f}{r['cpu_main_s']:>11.1f}{r['startup_s']:>8.1f}"
        f"{r['maxrss_main_mb']:>9.0f}M{r['maxrss_worker_mb']:>8.0f}M"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("inputs", nargs="*", help=argparse.SUPPRESS)
    ap.add_argument("--child", choices=sorted(MODES), help=argparse.SUPPRESS)
    ap.add_argument("--db", help=argparse.SUPPRESS)
    ap.add_argument("--n", type=int, default=2000, help="corpus articles (default 2000)")
    ap.add_argument("--modes", default="local1,local2,dask1,dask2", help="cases to run")
    ap.add_argument("--warc", default="1000,5000", help="WARC page counts ('' to skip)")
    ap.add_argument("--warc-modes", default="local1,local2", help="runners for the WARC cases")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child, args.inputs, args.db)))
        return 0

    print(f"cores: {os.cpu_count()}, load average: {os.getloadavg()[0]:.1f} (others share them)")
    if not make_corpus.manifest_ok(args.n):
        make_corpus.make_corpus(args.n)
    corpus = [str(make_corpus.corpus_dir(args.n))]
    print(HEADER)
    rates: dict[str, dict[str, Any]] = {}
    for mode in filter(None, args.modes.split(",")):
        rates[mode] = r = run_case(mode, corpus)
        print(line(f"corpus-{args.n} {mode}", r), flush=True)
    for two, one in (("local2", "local1"), ("dask2", "dask1"), ("dask1", "local1")):
        if two in rates and one in rates:
            a, b = rates[two], rates[one]
            print(
                f"ratio {two}/{one}: wall {a['per_s'] / b['per_s']:.2f}x,"
                f" CPU per document {b['per_cpu_s'] / a['per_cpu_s']:.2f}x"
            )
    for n in (int(x) for x in args.warc.split(",") if x.strip()):
        warc = warc_input(n)
        for mode in filter(None, args.warc_modes.split(",")):
            r = run_case(mode, [warc])
            print(line(f"warc-{n} {mode}", r), flush=True)
    print(f"load average now: {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
