"""The batch driver: counts, batching, and one bad document never stopping the rest."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path

from newsgraph.batch import ingest, ingest_records, safe_process
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record
from newsgraph.store import open_store

STORY = """Minister backs port deal
The transport minister said on Monday that the port deal was “good for everyone”.
“We will sign it this week,” she told reporters.
"""


def _records(n: int) -> list[Record]:
    return [Record(f"feed/{i}.txt", STORY + _counted(i)) for i in range(n)]


def _counted(i: int) -> str:
    return f"Officials counted {i + 10} ships waiting outside the harbour on Monday evening.\n"


def test_counts_across_several_batches(tmp_path: Path) -> None:
    with open_store(tmp_path / "b.db") as store:
        first = ingest_records(_records(23), store, batch_size=5)
        assert (first.processed, first.updated, first.unchanged, first.failed) == (23, 0, 0, 0)
        assert first.total == 23
        assert first.elapsed > 0
        assert first.store_seconds <= first.elapsed
        again = ingest_records(_records(23), store, batch_size=7)
        assert (again.processed, again.unchanged) == (0, 23)
        assert store.counts()["articles"] == 23


def test_a_crashing_stage_becomes_a_failure_and_the_rest_is_stored(tmp_path: Path) -> None:
    def flaky(record: Record) -> Document | Failure:
        if record.source.endswith("/3.txt"):
            raise RuntimeError("tokeniser exploded")
        return process_record(record)

    bad = Record("feed/bad.bin", None, error="binary file")
    with open_store(tmp_path / "b.db") as store:
        summary = ingest_records([*_records(6), bad], store, batch_size=2, process=flaky)
        assert summary.processed == 5
        assert summary.failed == 2
        reasons = {f.source: f.error for f in summary.failures}
        assert reasons["feed/3.txt"] == "RuntimeError: tokeniser exploded"
        assert reasons["feed/bad.bin"] == "binary file"
        assert {f.source for f in store.failures()} == {"feed/3.txt", "feed/bad.bin"}


def test_safe_process_passes_results_through() -> None:
    record = _records(1)[0]
    assert isinstance(safe_process(record), Document)
    assert isinstance(safe_process(Record("x", None, error="empty")), Failure)


def test_a_store_error_isolates_the_bad_document(tmp_path: Path) -> None:
    """A document the database refuses is retried alone and reported; the others are kept."""

    def breaking(record: Record) -> Document | Failure:
        doc = process_record(record)
        if isinstance(doc, Document) and record.source.endswith("/2.txt"):
            bad = dataclasses.replace(doc.quotes[0], text=None)  # quotes.text is NOT NULL
            return dataclasses.replace(doc, quotes=(bad, *doc.quotes[1:]))
        return doc

    with open_store(tmp_path / "b.db") as store:
        summary = ingest_records(_records(5), store, batch_size=10, process=breaking)
        assert summary.processed == 4
        assert summary.failed == 1
        assert summary.failures[0].source == "feed/2.txt"
        assert summary.failures[0].error.startswith("store: ")  # the driver's words follow
        assert store.counts()["articles"] == 4


def test_ingest_reads_paths(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(3):
        (folder / f"{i}.txt").write_text(STORY + _counted(i), encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    with open_store(tmp_path / "b.db") as store:
        summary = ingest([str(folder)], store, max_bytes=100_000, progress=False)
    assert (summary.processed, summary.failed) == (3, 1)
    assert summary.failures[0].source.endswith("empty.txt")


def test_ctrl_c_keeps_what_was_processed(tmp_path: Path) -> None:
    def records() -> Iterator[Record]:
        yield from _records(3)
        raise KeyboardInterrupt

    with open_store(tmp_path / "b.db") as store:
        summary = ingest_records(records(), store, batch_size=100)
        assert summary.interrupted
        assert summary.processed == 3
        assert store.counts()["articles"] == 3


def test_a_reader_that_raises_stops_cleanly(tmp_path: Path) -> None:
    def records() -> Iterator[Record]:
        yield from _records(2)
        raise OSError("disk went away")

    with open_store(tmp_path / "b.db") as store:
        summary = ingest_records(records(), store)
        assert summary.processed == 2
        assert summary.failures[-1].error == "reading stopped: OSError: disk went away"
        assert store.counts()["articles"] == 2


def test_cyclic_garbage_is_collected_between_batches_and_the_collector_restored(
    tmp_path: Path, monkeypatch
) -> None:
    """The driver paces the cyclic collector by batches; cycles a stage leaves are still freed."""
    import gc
    import weakref

    import newsgraph.batch as batch

    monkeypatch.setattr(batch, "FULL_GC_EVERY", 2)

    class Node:
        pass

    refs: list[weakref.ref] = []

    def leaky(record: Record) -> Document | Failure:
        node = Node()
        node.self = node  # type: ignore[attr-defined]  # a reference cycle per document
        refs.append(weakref.ref(node))
        return process_record(record)

    assert gc.isenabled()
    with open_store(tmp_path / "gc.db") as store:
        summary = ingest_records(_records(12), store, batch_size=3, process=leaky)
    assert summary.processed == 12
    assert gc.isenabled()
    # every batch but the last has been followed by a collection: their cycles are gone
    assert all(ref() is None for ref in refs[:9])
