"""The pipeline on a dask.distributed cluster: a scheduler address, or ``local`` for a
LocalCluster on this machine.

Records are shipped to the workers in chunks (``client.submit`` per chunk), at most ``window``
chunks in flight so the input streams in constant memory. Results come back as they complete
(``as_completed``) to the caller's single writer; or, with :meth:`DaskRunner.write_shards`, the
workers write Parquet shards themselves (the folder must be one they all see) and nothing comes
back but counts.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable, Iterator
from types import TracebackType
from typing import TYPE_CHECKING, Any

from newsgraph.batch import Processor
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record
from newsgraph.scale.chunks import chunked
from newsgraph.scale.work import failed_chunk, process_chunk, warm_up

if TYPE_CHECKING:
    from newsgraph.scale.shards import ShardCounts

LOCAL = "local"
DEFAULT_CHUNK = 64
IN_FLIGHT_PER_WORKER = 3
LOCAL_PROCESSES = True  # LocalCluster workers as processes (tests set False: threads, fast start)


class DaskRunner:
    """``with DaskRunner("local", workers=2) as run: store_results(run.results(recs), store)``.

    ``processes=False`` (tests) runs a LocalCluster's workers as threads of this process.
    """

    def __init__(
        self,
        address: str = LOCAL,
        *,
        workers: int = 1,
        chunk_size: int | None = None,
        processes: bool | None = None,
        process: Processor = process_record,
    ) -> None:
        self.address = address
        self.workers = max(1, workers)
        self.chunk_size = chunk_size or DEFAULT_CHUNK
        self.process = process
        self.processes = LOCAL_PROCESSES if processes is None else processes
        self.client: Any = None
        self._cluster: Any = None

    def __enter__(self) -> DaskRunner:
        from distributed import Client, LocalCluster  # imported lazily: an optional extra

        if self.address == LOCAL:
            self._cluster = LocalCluster(
                n_workers=self.workers,
                threads_per_worker=1,  # the pipeline is pure Python: threads would share the GIL
                processes=self.processes,
                dashboard_address=None,
                silence_logs=logging.ERROR,
            )
            self.client = Client(self._cluster)
        else:
            self.client = Client(self.address)
        self.client.run(warm_up)  # load lexicons and the KB on every worker before timing starts
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if self.client is not None:
            self.client.close()
        if self._cluster is not None:
            self._cluster.close()
        self.client = self._cluster = None

    @property
    def window(self) -> int:
        """Chunks in flight: enough to keep every worker busy, few enough to bound memory."""
        if self.client is None:
            return self.workers * IN_FLIGHT_PER_WORKER
        return max(1, len(self.client.scheduler_info()["workers"])) * IN_FLIGHT_PER_WORKER

    def results(self, records: Iterable[Record]) -> Iterator[Document | Failure]:
        """Pipeline results for ``records`` in completion order; a chunk whose task failed
        (a worker lost, say) yields one Failure per record."""
        tasks = ((chunk, (self.process,)) for chunk in chunked(records, self.chunk_size))
        for chunk, outcome in self._run_with(tasks, process_chunk):
            if isinstance(outcome, BaseException):
                yield from failed_chunk(chunk, outcome)
            else:
                yield from outcome

    def write_shards(
        self, records: Iterable[Record], folder: str
    ) -> Iterator[ShardCounts | list[Failure]]:
        """Workers process chunks and write ``folder/part-NNNNNN.parquet``; yields each shard's
        counts, or the chunk's records as Failures when its task failed."""
        from newsgraph.scale.shards import process_to_shard  # pyarrow only when sharding

        indexed = enumerate(chunked(records, self.chunk_size))
        tasks = ((chunk, (folder, index, self.process)) for index, chunk in indexed)
        for chunk, outcome in self._run_with(tasks, process_to_shard):
            if isinstance(outcome, BaseException):
                yield [f for f in failed_chunk(chunk, outcome) if isinstance(f, Failure)]
            else:
                yield outcome

    def _run_with(
        self, tasks: Iterable[tuple[list[Record], tuple[Any, ...]]], task: Callable[..., Any]
    ) -> Iterator[tuple[list[Record], Any]]:
        """Submit ``task(chunk, *extra)`` with a bounded window; yield (chunk, result or the
        exception) as tasks complete."""
        from distributed import as_completed

        client = self.client
        if client is None:
            raise RuntimeError("DaskRunner used outside its `with` block")
        pending: dict[str, list[Record]] = {}
        done = as_completed()
        it = iter(tasks)

        def submit_next() -> None:
            item = next(it, None)
            if item is not None:
                chunk, extra = item
                future = client.submit(task, chunk, *extra, pure=False)
                pending[future.key] = chunk
                done.add(future)

        for _ in range(self.window):
            submit_next()
        for future in done:
            chunk = pending.pop(future.key)
            try:
                outcome: Any = future.result()
            except Exception as exc:  # a lost worker, an unpicklable result ...
                outcome = exc
            future.release()
            submit_next()
            yield chunk, outcome
