"""`newsgraph ingest` at scale: worker processes, reruns after a kill, feeds, pages, Dask shards."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import ingest_cmd, load_commands
from newsgraph.ingest.fetch import FetchResult
from newsgraph.scale import dask_runner
from newsgraph.store import open_store

FIXTURES = Path(__file__).parents[1] / "fixtures"
SEEDS = FIXTURES / "seeds"
PAGE = (FIXTURES / "html" / "harbour_strike.html").read_bytes()
PAGE_2 = (FIXTURES / "html" / "rail_fares_no_date.html").read_bytes()
FEED = "https://news.example/rss"
app = load_commands()
runner = CliRunner(env={"COLUMNS": "400"})

STORY = """Council approves ferry timetable
The regional council approved a new timetable for the ferry service on Sunday after months of
complaints from islanders about cancelled crossings.
"This gives people back a service they can plan their week around," councillor Ruth Abara said.
"""


def _counts(output: str) -> dict[str, int]:
    m = re.search(r"(\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed", output)
    assert m, output
    return dict(zip(("new", "updated", "unchanged", "failed"), map(int, m.groups()), strict=True))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """The seeds, a dozen short stories and two files that must fail."""
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    for i in range(12):
        extra = f"Ferry operators said {i + 3} crossings had been cancelled in January alone.\n"
        (folder / f"story-{i:02d}.txt").write_text(STORY + extra, encoding="utf-8")
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    return folder


def _quotes(db: Path) -> list[dict[str, object]]:
    with open_store(db, create=False) as store:
        return [
            {k: v for k, v in q.as_dict().items() if k != "id"} for q in store.quotes(limit=None)
        ]


def test_workers_store_what_one_process_stores(corpus: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.db", tmp_path / "two.db"
    r1 = runner.invoke(app, ["ingest", "-q", "--db", str(one), str(corpus)])
    r2 = runner.invoke(
        app, ["ingest", "-q", "--db", str(two), "--workers", "2", "--chunk-size", "3", str(corpus)]
    )
    assert r1.exit_code == 0 and r2.exit_code == 0, r1.output + r2.output
    assert _counts(r1.output) == _counts(r2.output) == {
        "new": 17, "updated": 0, "unchanged": 0, "failed": 2
    }  # fmt: skip
    for name in ("empty.txt", "image.txt"):  # bad records reported per document
        assert name in r2.output
    assert _quotes(one) == _quotes(two)
    with open_store(one, create=False) as a, open_store(two, create=False) as b:
        assert a.counts() == b.counts()


@pytest.mark.parametrize("workers", ["1", "2"])
def test_a_rerun_after_a_kill_finishes_without_duplicates(
    corpus: Path, tmp_path: Path, workers: str
) -> None:
    files = sorted(str(p) for p in corpus.iterdir())
    db = tmp_path / "news.db"
    half = runner.invoke(app, ["ingest", "-q", "--db", str(db), "-w", workers, *files[:9]])
    assert half.exit_code == 0, half.output
    done = _counts(half.output)
    rest = runner.invoke(app, ["ingest", "-q", "--db", str(db), "-w", workers, str(corpus)])
    counts = _counts(rest.output)
    assert counts["unchanged"] == done["new"]
    assert counts["new"] + counts["unchanged"] == 17
    assert counts["updated"] == 0
    whole = tmp_path / "whole.db"
    assert runner.invoke(app, ["ingest", "-q", "--db", str(whole), str(corpus)]).exit_code == 0
    assert _quotes(db) == _quotes(whole)
    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == 17


class FakeWeb:
    """A Fetcher serving a feed and its pages from memory, counting what was asked."""

    def __init__(self) -> None:
        self.calls: list[str] = []
        links = ["https://news.example/strike", "https://news.example/fares"]
        items = "".join(
            f"<item><title>Story {i}</title><link>{u}</link></item>" for i, u in enumerate(links)
        )
        self.pages = {
            FEED: (f'<?xml version="1.0"?><rss version="2.0"><channel><title>T</title>{items}'
                   "</channel></rss>").encode(),
            links[0]: PAGE,
            links[1]: PAGE_2,
        }  # fmt: skip

    def fetch(self, url: str) -> FetchResult:
        self.calls.append(url)
        ctype = "application/rss+xml" if url == FEED else "text/html"
        if url not in self.pages:
            return FetchResult(url, url, 404, error="HTTP 404")
        return FetchResult(url, url, 200, self.pages[url], ctype, None, {}, "2024-02-01T10:00:00Z")


@pytest.fixture
def web(monkeypatch: pytest.MonkeyPatch) -> FakeWeb:
    fake = FakeWeb()
    monkeypatch.setattr(ingest_cmd, "make_fetcher", lambda *_a, **_k: fake)
    return fake


def test_ingest_feed_fetches_only_new_items(web: FakeWeb, tmp_path: Path) -> None:
    db = str(tmp_path / "feed.db")
    first = runner.invoke(app, ["ingest", "-q", "--db", db, "--feed", FEED])
    assert first.exit_code == 0, first.output
    assert _counts(first.output)["new"] == 2
    web.calls.clear()
    again = runner.invoke(app, ["ingest", "-q", "--db", db, "--feed", FEED])
    assert _counts(again.output) == {"new": 0, "updated": 0, "unchanged": 0, "failed": 0}
    assert web.calls == [FEED]  # the pages were known from the database
    with open_store(db, create=False) as store:
        urls = {a.url for a in store.articles()}
    assert urls == {"https://news.example/strike", "https://news.example/fares"}


def test_watch_remembers_links_across_restarts(web: FakeWeb, tmp_path: Path) -> None:
    db = str(tmp_path / "watch.db")
    first = runner.invoke(app, ["watch", FEED, "--db", db, "--rounds", "1"])
    assert first.exit_code == 0, first.output
    assert "2 new" in first.output
    web.calls.clear()
    restart = runner.invoke(app, ["watch", FEED, "--db", db, "--rounds", "1", "-q"])
    assert restart.exit_code == 0, restart.output
    assert web.calls == [FEED]
    assert _counts(restart.output)["new"] == 0


def test_ingest_single_pages_and_files_together(web: FakeWeb, corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "pages.db")
    args = ["https://news.example/strike", str(corpus / "story-00.txt"), "https://news.example/x"]
    result = runner.invoke(app, ["ingest", "-q", "--db", db, *args])
    assert result.exit_code == 0, result.output
    assert _counts(result.output) == {"new": 2, "updated": 0, "unchanged": 0, "failed": 1}
    assert "HTTP 404" in result.output


def test_dask_shards_then_load(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_runner, "LOCAL_PROCESSES", False)  # threads: a fast start
    shards, db = tmp_path / "shards", str(tmp_path / "loaded.db")
    made = runner.invoke(
        app,
        ["ingest", "--dask", "local", "-w", "1", "--chunk-size", "8", "--shards", str(shards),
         str(corpus)],
    )  # fmt: skip
    assert made.exit_code == 0, made.output
    assert "17 documents, 2 failed, in 3 shards" in made.output
    loaded = runner.invoke(app, ["load", str(shards), "--db", db, "-q"])
    assert _counts(loaded.output) == {"new": 17, "updated": 0, "unchanged": 0, "failed": 2}
    again = runner.invoke(app, ["load", str(shards), "--db", db, "-q"])
    assert _counts(again.output)["unchanged"] == 17
    direct = tmp_path / "direct.db"
    assert runner.invoke(app, ["ingest", "-q", "--db", str(direct), str(corpus)]).exit_code == 0
    assert _quotes(Path(db)) == _quotes(direct)


def test_usage_errors(tmp_path: Path) -> None:
    no_dask = runner.invoke(app, ["ingest", "--shards", str(tmp_path / "s"), str(SEEDS)])
    assert no_dask.exit_code == 2 and "--dask" in no_dask.output
    missing = runner.invoke(app, ["load", str(tmp_path / "none"), "--db", str(tmp_path / "d")])
    assert missing.exit_code == 2
    (tmp_path / "empty").mkdir()
    empty = runner.invoke(app, ["load", str(tmp_path / "empty"), "--db", str(tmp_path / "d")])
    assert empty.exit_code == 2 and "no shards" in empty.output
    assert runner.invoke(app, ["ingest", "-w", "0", str(SEEDS)]).exit_code == 2


def test_worker_ingest_lists_every_article(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "x.db")
    runner.invoke(app, ["ingest", "-q", "--db", db, "-w", "2", str(corpus)])
    listed = runner.invoke(app, ["articles", "--db", db, "--format", "json", "--limit", "0"])
    assert len(json.loads(listed.stdout)) == 17


def test_dask_results_stream_to_the_single_writer(
    corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dask_runner, "LOCAL_PROCESSES", False)
    db = tmp_path / "dask.db"
    result = runner.invoke(app, ["ingest", "-q", "--db", str(db), "--dask", "local", "-w", "2",
                                 "--chunk-size", "4", str(corpus)])  # fmt: skip
    assert _counts(result.output) == {"new": 17, "updated": 0, "unchanged": 0, "failed": 2}
    direct = tmp_path / "direct.db"
    assert runner.invoke(app, ["ingest", "-q", "--db", str(direct), str(corpus)]).exit_code == 0
    assert _quotes(db) == _quotes(direct)


def test_a_stage_profile_on_workers(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "quotes.db"
    args = ["ingest", "-q", "--db", str(db), "-w", "2", "--profile", "quotes", str(corpus)]
    result = runner.invoke(app, args)
    assert _counts(result.output)["new"] == 17, result.output
    with open_store(db, create=False) as store:
        counts = store.counts()
    assert counts["quotes"] > 0 and counts["mentions"] == 0  # no entity stage
    bad = runner.invoke(app, ["ingest", "--db", str(db), "--profile", "everything", str(corpus)])
    assert bad.exit_code == 2 and "quotes" in bad.output
