"""The functions worker processes run: top-level and importable, so they pickle by reference."""

from __future__ import annotations

import os

from newsgraph.batch import Processor, safe_process
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record

_WARM_UP = Record(
    "<warm-up>",
    "Ministers meet\nThe minister said on Monday that talks would resume, officials said.\n",
)


def process_chunk(
    records: list[Record], process: Processor = process_record
) -> list[Document | Failure]:
    """Run the pipeline (or ``process``, a picklable one, e.g. ``pipeline.processor("quotes")``)
    on each record of a chunk; a crash becomes that record's Failure."""
    return [safe_process(record, process) for record in records]


def warm_up() -> int:
    """Load every lazily-loaded resource once (lexicons, knowledge base) before real work, so
    the first chunk is not slow; returns the worker's pid."""
    process_record(_WARM_UP)
    return os.getpid()


def failed_chunk(records: list[Record], exc: BaseException) -> list[Document | Failure]:
    """Every record of a chunk whose worker failed, as a Failure naming the cause."""
    reason = f"worker: {type(exc).__name__}: {exc}".rstrip(": ")
    return [Failure(record.source, reason) for record in records]
