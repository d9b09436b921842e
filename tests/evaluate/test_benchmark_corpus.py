"""The benchmark corpus is deterministic, news-shaped and ingestible; the stage timer restores
what it wraps. (No timing assertions: the figures are printed by `make bench`.)"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parents[2] / "benchmarks"
sys.path.insert(0, str(BENCH))

import make_corpus  # noqa: E402
import run as bench_run  # noqa: E402

from newsgraph.ingest import iter_records  # noqa: E402
from newsgraph.pipeline import process_record  # noqa: E402


def test_corpus_is_deterministic_and_prefix_stable(tmp_path: Path) -> None:
    a = make_corpus.make_corpus(12, tmp_path / "a")
    b = make_corpus.make_corpus(5, tmp_path / "b")
    for i in range(5):
        name = f"{i:05d}.txt"
        assert (a / name).read_text(encoding="utf-8") == (b / name).read_text(encoding="utf-8")
    assert make_corpus.manifest_ok(12, tmp_path / "a")
    assert not make_corpus.manifest_ok(13, tmp_path / "a")


def test_articles_are_news_shaped(tmp_path: Path) -> None:
    folder = make_corpus.make_corpus(40, tmp_path)
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    sizes = [len(t.encode()) for t in texts]
    assert 3000 <= sum(sizes) / len(sizes) <= 5000
    joined = "\n".join(texts)
    for cue in ("said", "told", "According to", "said in a statement", "“", '"'):
        assert cue in joined
    assert len(set(texts)) == len(texts)
    rows = [json.loads(x) for x in make_corpus.jsonl_path(40, tmp_path).read_text().splitlines()]
    assert [r["text"] for r in rows] == texts
    assert any("title" in r for r in rows) and any("title" not in r for r in rows)


def test_corpus_goes_through_ingest_and_pipeline(tmp_path: Path) -> None:
    make_corpus.make_corpus(6, tmp_path)
    records = list(iter_records([str(make_corpus.jsonl_path(6, tmp_path))]))
    assert len(records) == 6 and all(r.error is None for r in records)
    docs = [process_record(r) for r in records]
    assert len({d.article.id for d in docs}) == 6  # distinct bodies: no "unchanged" rows


def test_stage_timer_counts_calls_and_restores_functions(tmp_path: Path) -> None:
    import newsgraph.pipeline

    before = dict(vars(newsgraph.pipeline))
    make_corpus.make_corpus(3, tmp_path)
    bd = bench_run.run_breakdown([str(make_corpus.corpus_dir(3, tmp_path))])
    assert bd.documents == 3 and bd.sentences > 0
    clean = [label for label in bd.stages if label.endswith("clean_record")]
    assert clean and bd.calls[clean[0]] == 3  # once per document
    assert all(seconds >= 0 for seconds in bd.stages.values())
    assert dict(vars(newsgraph.pipeline)) == before


def test_benchmark_runs_end_to_end_and_prints_its_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["--n", "4", "--out", str(tmp_path), "--jsonl", "--db", str(tmp_path / "b.db")]
    assert bench_run.main(argv) == 0
    out = capsys.readouterr().out
    assert "articles      : 4 (0 failed)" in out
    assert "newsgraph.batch.ingest" in out
    assert "= pipeline total (process_record)" in out
    summary = out.strip().splitlines()[-1]
    assert summary.startswith("BENCH n=4 jsonl stages=full:") and "articles/s" in summary
