"""Local worker processes store exactly what one process stores, in constant memory."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from newsgraph.batch import ingest_records, store_results
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record, processor
from newsgraph.scale.pool import WorkerPool
from newsgraph.scale.runners import in_process, runner
from newsgraph.store import open_store


def test_results_equal_one_process_in_input_order(mixed_records: list[Record]) -> None:
    expected = [process_record(r) for r in mixed_records]
    with WorkerPool(2, chunk_size=3) as pool:
        got = list(pool.results(mixed_records))
    assert got == expected
    failed = [r.source for r in got if isinstance(r, Failure)]
    assert failed == ["broken/empty.txt", "broken/blank.txt"]


def test_input_is_read_a_window_at_a_time(make_story: Callable[[int], Record]) -> None:
    pulled = 0

    def records() -> Iterator[Record]:
        nonlocal pulled
        for i in range(200):
            pulled += 1
            yield make_story(i)

    with WorkerPool(2, chunk_size=2) as pool:
        results = pool.results(records())
        first = next(results)
        assert isinstance(first, Document)
        assert pulled <= (pool.window + 1) * pool.chunk_size  # not the whole input
        assert len(list(results)) == 199


def test_stored_database_is_the_same_as_with_one_process(
    mixed_records: list[Record], tmp_path: Path
) -> None:
    with open_store(tmp_path / "one.db") as one:
        single = ingest_records(mixed_records, one, batch_size=4)
        one_quotes = [q.as_dict() for q in one.quotes(limit=None)]
        one_counts = one.counts()
    with open_store(tmp_path / "two.db") as two, runner(workers=2, chunk_size=5) as results:
        multi = store_results(results(mixed_records), two, batch_size=4)
        two_quotes = [q.as_dict() for q in two.quotes(limit=None)]
        assert two.counts() == one_counts
    for key in ("processed", "updated", "unchanged", "failed"):
        assert getattr(multi, key) == getattr(single, key)
    strip = [{k: v for k, v in q.items() if k != "id"} for q in one_quotes]
    assert [{k: v for k, v in q.items() if k != "id"} for q in two_quotes] == strip
    assert [f.source for f in multi.failures] == [f.source for f in single.failures]


def test_a_dead_worker_fails_its_chunk_not_the_run(make_story: Callable[[int], Record]) -> None:
    with WorkerPool(1, chunk_size=2) as pool:
        executor = pool._executor
        assert executor is not None
        for process in executor._processes.values():  # a worker killed mid-run (OOM killer)
            process.kill()
        got = list(pool.results([make_story(1), make_story(2)]))
    assert [type(r) for r in got] == [Failure, Failure]
    assert all("worker" in r.error for r in got if isinstance(r, Failure))


def test_runner_options() -> None:
    with runner(workers=1) as results:
        assert results is in_process
    with pytest.raises(ValueError, match="positive"):
        WorkerPool(0)


def test_ctrl_c_keeps_what_the_workers_finished(
    make_story: Callable[[int], Record], tmp_path: Path
) -> None:
    def records() -> Iterator[Record]:
        for i in range(40):
            if i == 30:
                raise KeyboardInterrupt
            yield make_story(i)

    with open_store(tmp_path / "c.db") as store, runner(workers=2, chunk_size=2) as results:
        summary = store_results(results(records()), store, batch_size=4)
        assert summary.interrupted
        assert 0 < summary.processed < 30, summary
        assert store.counts()["articles"] == summary.processed


@pytest.mark.parametrize("options", [{"workers": 2}, {"dask": "local", "processes": False}])
def test_a_stage_profile_runs_on_the_workers(
    mixed_records: list[Record], options: dict[str, object]
) -> None:
    quotes_only = processor("quotes")
    expected = [quotes_only(r) for r in mixed_records]
    assert not any(isinstance(d, Document) and d.mentions for d in expected)
    with runner(process=quotes_only, chunk_size=4, **options) as results:  # type: ignore[arg-type]
        got = list(results(mixed_records))
    assert sorted(map(repr, got)) == sorted(map(repr, expected))  # Dask: completion order
