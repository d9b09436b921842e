"""`newsgraph ingest` end to end on the seed articles: idempotent, updates, failures reported."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.store import open_store

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
app = load_commands()
runner = CliRunner(env={"COLUMNS": "400"})  # long tmp paths stay on one line


def _quiet_counts(output: str) -> dict[str, int]:
    m = re.search(r"(\d+) new, (\d+) updated, (\d+) unchanged, (\d+) failed", output)
    assert m, output
    return dict(zip(("new", "updated", "unchanged", "failed"), map(int, m.groups()), strict=True))


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    for p in folder.iterdir():
        p.chmod(0o644)
    return folder


def test_ingest_twice_then_change_one_file(corpus: Path, tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    first = runner.invoke(app, ["ingest", "--db", str(db), str(corpus)])
    assert first.exit_code == 0, first.output
    assert "processed (new)" in first.output
    assert re.search(r"processed \(new\)\s*│\s*5\b", first.output), first.output
    assert "articles/s" in first.output

    again = runner.invoke(app, ["ingest", "--db", str(db), "--quiet", str(corpus)])
    assert again.exit_code == 0, again.output
    assert _quiet_counts(again.output) == {"new": 0, "updated": 0, "unchanged": 5, "failed": 0}

    victim = sorted(corpus.iterdir())[1]
    victim.write_text(
        victim.read_text(encoding="utf-8")
        + "\n\nThe minister said the talks would resume in the spring.\n",
        encoding="utf-8",
    )
    third = runner.invoke(app, ["ingest", "--db", str(db), "-q", str(corpus)])
    assert _quiet_counts(third.output) == {"new": 0, "updated": 1, "unchanged": 4, "failed": 0}
    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == 5
        assert len({a.source for a in store.articles()}) == 5


def test_bad_files_fail_with_reasons_and_the_batch_goes_on(corpus: Path, tmp_path: Path) -> None:
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "blank.txt").write_text("   \n\n  \n", encoding="utf-8")
    (corpus / "image.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
    (corpus / "huge.txt").write_text("Long story\n" + "word " * 2000, encoding="utf-8")
    db = tmp_path / "news.db"
    result = runner.invoke(app, ["ingest", "--db", str(db), "--max-bytes", "6000", str(corpus)])
    assert result.exit_code == 0, result.output
    assert "failed documents" in result.output
    for name in ("empty.txt", "blank.txt", "image.txt", "huge.txt"):
        assert name in result.output
    with open_store(db, create=False) as store:
        assert store.counts()["articles"] == 5
        failed = {Path(f.source).name: f.error for f in store.failures()}
    assert set(failed) == {"empty.txt", "blank.txt", "image.txt", "huge.txt"}
    assert all(failed.values())


def test_missing_input_is_a_reported_failure_not_a_crash(tmp_path: Path) -> None:
    db = tmp_path / "news.db"
    result = runner.invoke(app, ["ingest", "--db", str(db), "-q", str(tmp_path / "nope.txt")])
    assert result.exit_code == 0, result.output
    assert _quiet_counts(result.output)["failed"] == 1
    assert "nope.txt" in result.output


def test_usage_errors_exit_2(tmp_path: Path) -> None:
    assert runner.invoke(app, ["ingest", "--db", str(tmp_path / "x.db")]).exit_code == 2
    folder_db = runner.invoke(app, ["ingest", "--db", str(tmp_path), str(SEEDS)])
    assert folder_db.exit_code == 2
    assert "folder" in folder_db.output
    bad = runner.invoke(app, ["ingest", "--db", str(tmp_path / "y.db"), "--max-bytes", "0", "x"])
    assert bad.exit_code == 2


def test_ingest_then_list_and_show_the_seeds(corpus: Path, tmp_path: Path) -> None:
    db = str(tmp_path / "news.db")
    assert runner.invoke(app, ["ingest", "--db", db, "-q", str(corpus)]).exit_code == 0
    listed = runner.invoke(app, ["articles", "--db", db, "--format", "json"])
    assert listed.exit_code == 0, listed.output
    articles = json.loads(listed.stdout)
    assert len(articles) == 5
    quotes = runner.invoke(app, ["quotes", "--db", db, "--format", "json", "--limit", "100"])
    assert quotes.exit_code == 0, quotes.output
    assert isinstance(json.loads(quotes.stdout), list)
    for a in articles:
        shown = runner.invoke(app, ["show", a["id"][:10], "--db", db])
        assert shown.exit_code == 0, shown.output
        if a["title"]:
            assert a["title"] in shown.stdout
        assert f"id {a['id']}" in shown.stdout
