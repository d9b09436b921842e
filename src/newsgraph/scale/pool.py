"""Local worker processes: the pipeline on N cores, one writer in the main process.

Records go to the workers in chunks (one pickle round trip per chunk, not per article). At most
``window`` chunks are in flight, so a 10 GB WARC streams through in constant memory — unlike
``Pool.imap``, whose feeder thread reads the whole input ahead. Results come back in input
order, so a run with N workers stores exactly what a one-process run stores.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from types import TracebackType

from newsgraph.batch import Processor
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record
from newsgraph.scale.chunks import chunked
from newsgraph.scale.work import failed_chunk, process_chunk, warm_up

DEFAULT_CHUNK = 32
IN_FLIGHT_PER_WORKER = 3


class WorkerPool:
    """``with WorkerPool(4) as pool: store_results(pool.results(records), store)``."""

    def __init__(
        self, workers: int, *, chunk_size: int = DEFAULT_CHUNK, process: Processor = process_record
    ) -> None:
        if workers < 1:
            raise ValueError(f"workers must be positive, not {workers}")
        self.workers = workers
        self.chunk_size = chunk_size
        self.process = process
        self.window = workers * IN_FLIGHT_PER_WORKER
        self._executor: ProcessPoolExecutor | None = None

    def __enter__(self) -> WorkerPool:
        # fork: workers inherit the loaded pipeline; started (and warmed) here, before any
        # progress-bar thread exists in the parent.
        methods = multiprocessing.get_all_start_methods()
        context = multiprocessing.get_context("fork" if "fork" in methods else None)
        self._executor = ProcessPoolExecutor(self.workers, mp_context=context)
        for future in [self._executor.submit(warm_up) for _ in range(self.workers)]:
            future.result()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self._executor is not None:
            self._executor.shutdown(wait=True, cancel_futures=True)
            self._executor = None

    def results(self, records: Iterable[Record]) -> Iterator[Document | Failure]:
        """Pipeline results for ``records``, in their order; a chunk whose worker died yields
        one Failure per record (the rest of the run goes on while the pool can)."""
        executor = self._executor
        if executor is None:
            raise RuntimeError("WorkerPool.results() outside its `with` block")
        pending: deque[tuple[list[Record], Future[list[Document | Failure]]]] = deque()
        chunks = chunked(records, self.chunk_size)
        for chunk in chunks:
            pending.append((chunk, executor.submit(process_chunk, chunk, self.process)))
            if len(pending) >= self.window:
                yield from _collect(*pending.popleft())
        while pending:
            yield from _collect(*pending.popleft())


def _collect(
    chunk: list[Record], future: Future[list[Document | Failure]]
) -> list[Document | Failure]:
    try:
        return future.result()
    except Exception as exc:  # BrokenProcessPool, an unpicklable result ...
        return failed_chunk(chunk, exc)
