"""The Dask runner on an in-process LocalCluster: same documents, shards that load idempotently."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsgraph.batch import store_results
from newsgraph.model import Document, Failure, Record
from newsgraph.pipeline import process_record
from newsgraph.scale.dask_runner import DaskRunner
from newsgraph.scale.shards import ShardCounts, iter_shard_results, shard_paths
from newsgraph.store import open_store


@pytest.fixture(scope="module")
def cluster() -> Iterator[DaskRunner]:
    with DaskRunner("local", workers=2, chunk_size=4, processes=False) as run:
        yield run


def _key(result: Document | Failure) -> tuple[str, str]:
    if isinstance(result, Failure):
        return ("failure", result.source)
    return ("document", result.article.id)


def test_results_are_the_documents_of_one_process(
    cluster: DaskRunner, mixed_records: list[Record]
) -> None:
    expected = {_key(r): r for r in map(process_record, mixed_records)}
    got = list(cluster.results(mixed_records))
    assert len(got) == len(mixed_records)
    assert {_key(r): r for r in got} == expected


def test_shards_then_load_twice(
    cluster: DaskRunner, mixed_records: list[Record], tmp_path: Path
) -> None:
    folder = tmp_path / "shards"
    outcomes = list(cluster.write_shards(mixed_records, str(folder)))
    counts = [o for o in outcomes if isinstance(o, ShardCounts)]
    assert len(counts) == len(outcomes) == -(-len(mixed_records) // 4)
    assert sum(c.documents for c in counts) == len(mixed_records) - 2
    assert sum(c.failures for c in counts) == 2
    paths = shard_paths(folder)
    assert [p.name for p in paths] == [f"part-{i:06d}.parquet" for i in range(len(counts))]
    assert not list(folder.glob(".*"))  # no temporary files left behind
    schema = pq.read_schema(paths[0])
    assert str(schema.field("published").type) == "date32[day]"

    with open_store(tmp_path / "s.db") as store:
        first = store_results(iter_shard_results(paths), store)
        again = store_results(iter_shard_results(paths), store)
        assert store.counts()["articles"] == len(mixed_records) - 2
        assert {f.source for f in store.failures()} == {"broken/empty.txt", "broken/blank.txt"}
        stored = store.article(next(iter(store.articles())).id)
    assert (first.processed, first.failed) == (len(mixed_records) - 2, 2)
    assert (again.processed, again.unchanged) == (0, len(mixed_records) - 2)
    direct = {
        d.article.id: d for d in map(process_record, mixed_records) if isinstance(d, Document)
    }
    assert stored.quotes == direct[stored.article.id].quotes


def test_rewriting_shards_overwrites_them(
    cluster: DaskRunner, mixed_records: list[Record], tmp_path: Path
) -> None:
    folder = tmp_path / "shards"
    list(cluster.write_shards(mixed_records[:8], str(folder)))
    list(cluster.write_shards(mixed_records[:8], str(folder)))
    assert len(shard_paths(folder)) == 2
    assert sum(1 for _ in iter_shard_results(shard_paths(folder))) == 8
