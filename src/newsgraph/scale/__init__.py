"""Scale-out: run the per-article pipeline in worker processes or on a Dask cluster.

The pipeline is a pure function of a Record, so it can run anywhere; storing stays in one place.
Every runner turns a stream of Records into a stream of results (``Document | Failure``) that
:func:`newsgraph.batch.store_results` writes with ONE writer, in batches:

- :class:`~newsgraph.scale.pool.WorkerPool`: local processes, chunks of records, results in
  input order (identical to a one-process run), a bounded number of chunks in flight.
- :class:`~newsgraph.scale.dask_runner.DaskRunner`: a dask.distributed cluster (an address or a
  LocalCluster); results stream back as they complete, or workers write Parquet shards
  (:mod:`newsgraph.scale.shards`) that ``newsgraph load`` imports.
"""

from newsgraph.scale.chunks import chunked
from newsgraph.scale.work import process_chunk

__all__ = ["chunked", "process_chunk"]
