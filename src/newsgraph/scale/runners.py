"""Pick a runner from the command-line options: in-process, local worker processes, or Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from functools import partial

from newsgraph.batch import Processor, safe_process
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record

Results = Callable[[Iterable[Record]], Iterator[Document | Failure]]


def in_process(
    records: Iterable[Record], process: Processor = process_record
) -> Iterator[Document | Failure]:
    """The pipeline in this process, one record at a time."""
    return (safe_process(record, process) for record in records)


@contextmanager
def runner(
    *,
    workers: int = 1,
    dask: str | None = None,
    chunk_size: int | None = None,
    processes: bool | None = None,
    process: Processor = process_record,
) -> Iterator[Results]:
    """A function from Records to results, alive for the ``with`` block: ``dask`` (an address
    or "local") runs on a cluster, ``workers`` > 1 on local processes, otherwise in-process.
    ``process`` must pickle by reference (``pipeline.processor(profile)`` does)."""
    if dask:
        from newsgraph.scale.dask_runner import DaskRunner

        cluster = DaskRunner(
            dask, workers=workers, chunk_size=chunk_size, processes=processes, process=process
        )
        with cluster:
            yield cluster.results
    elif workers > 1:
        from newsgraph.scale.pool import DEFAULT_CHUNK as POOL_CHUNK
        from newsgraph.scale.pool import WorkerPool

        with WorkerPool(workers, chunk_size=chunk_size or POOL_CHUNK, process=process) as pool:
            yield pool.results
    elif process is process_record:
        yield in_process
    else:
        yield partial(in_process, process=process)
