"""Parquet shards: workers store their results as files, ``newsgraph load`` imports them.

One shard per chunk of records, named by the chunk's position in the input
(``part-000042.parquet``), written to a temporary name and renamed, so a killed run leaves only
whole shards and a rerun overwrites instead of duplicating. Each row is one document (or one
failure): a few flat columns to inspect with any Parquet tool, and the whole Document as JSON
(:mod:`newsgraph.scale.codec`) so loading stores exactly what an in-process ingest stores.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from newsgraph.batch import Processor
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record
from newsgraph.scale.codec import dumps_document, loads_document
from newsgraph.scale.work import process_chunk
from newsgraph.store.rows import as_date

SHARD_SCHEMA = pa.schema(
    [
        pa.field("id", pa.string(), metadata={"comment": "article id; null for a failure"}),
        pa.field("source", pa.string(), nullable=False),
        pa.field("url", pa.string()),
        pa.field("title", pa.string()),
        pa.field("published", pa.date32()),
        pa.field("quotes", pa.int32()),
        pa.field("mentions", pa.int32()),
        pa.field("events", pa.int32()),
        pa.field("error", pa.string(), metadata={"comment": "why it failed; null: a document"}),
        pa.field("document", pa.string(), metadata={"comment": "the Document as JSON"}),
    ]
)
SHARD_GLOB = "part-*.parquet"
READ_BATCH = 256


@dataclass(frozen=True, slots=True)
class ShardCounts:
    """What one shard holds."""

    path: str
    documents: int
    failures: int


def shard_name(index: int) -> str:
    return f"part-{index:06d}.parquet"


def results_table(results: Iterable[Document | Failure]) -> pa.Table:
    """Pipeline results as rows of :data:`SHARD_SCHEMA`."""
    columns: dict[str, list[object]] = {name: [] for name in SHARD_SCHEMA.names}
    for r in results:
        if isinstance(r, Failure):
            row: tuple[object, ...] = (None, r.source, None, None, None, 0, 0, 0, r.error, None)
        else:
            a = r.article
            row = (
                a.id,
                a.source,
                a.url,
                a.title,
                as_date(a.published),
                len(r.quotes),
                len(r.mentions),
                len(r.events),
                None,
                dumps_document(r),
            )
        for values, value in zip(columns.values(), row, strict=True):
            values.append(value)
    return pa.table(columns, schema=SHARD_SCHEMA)


def write_shard(results: Iterable[Document | Failure], path: str | Path) -> ShardCounts:
    """Write one shard atomically (temporary file, then rename)."""
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    table = results_table(results)
    tmp = target.with_name(f".{target.name}.{uuid.uuid4().hex}.tmp")
    try:
        pq.write_table(table, tmp, compression="zstd")
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)
    documents = table.column("error").null_count  # a document has no error
    return ShardCounts(str(target), documents, table.num_rows - documents)


def process_to_shard(
    records: list[Record], folder: str, index: int, process: Processor = process_record
) -> ShardCounts:
    """The worker task: run the pipeline on a chunk and write its shard."""
    return write_shard(process_chunk(records, process), Path(folder) / shard_name(index))


def shard_paths(folder: str | Path) -> list[Path]:
    """The shards of a folder in input order (or the one file given)."""
    path = Path(folder)
    if path.is_file():
        return [path]
    return sorted(path.glob(SHARD_GLOB))


def iter_shard_results(paths: Iterable[str | Path]) -> Iterator[Document | Failure]:
    """Documents and failures back from shards, a batch of rows at a time (constant memory)."""
    for path in paths:
        shard = pq.ParquetFile(path)
        columns = ["source", "error", "document"]
        for batch in shard.iter_batches(batch_size=READ_BATCH, columns=columns):
            sources, errors, documents = (batch.column(i).to_pylist() for i in range(3))
            for source, error, document in zip(sources, errors, documents, strict=True):
                if document is None:
                    yield Failure(source, error or "no document in shard")
                else:
                    yield loads_document(document)
