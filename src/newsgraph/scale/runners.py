"""Pick a runner from the command-line options: in-process, local worker processes, or Dask."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

from newsgraph.batch import safe_process
from newsgraph.model import Document, Failure, Record

Results = Callable[[Iterable[Record]], Iterator[Document | Failure]]


def in_process(records: Iterable[Record]) -> Iterator[Document | Failure]:
    """The pipeline in this process, one record at a time."""
    return (safe_process(record) for record in records)


@contextmanager
def runner(
    *,
    workers: int = 1,
    dask: str | None = None,
    chunk_size: int | None = None,
    processes: bool | None = None,
) -> Iterator[Results]:
    """A function from Records to results, alive for the ``with`` block: ``dask`` (an address
    or "local") runs on a cluster, ``workers`` > 1 on local processes, otherwise in-process."""
    if dask:
        from newsgraph.scale.dask_runner import DEFAULT_CHUNK, DaskRunner

        size = chunk_size or DEFAULT_CHUNK
        with DaskRunner(dask, workers=workers, chunk_size=size, processes=processes) as cluster:
            yield cluster.results
    elif workers > 1:
        from newsgraph.scale.pool import DEFAULT_CHUNK as POOL_CHUNK
        from newsgraph.scale.pool import WorkerPool

        with WorkerPool(workers, chunk_size=chunk_size or POOL_CHUNK) as pool:
            yield pool.results
    else:
        yield in_process
