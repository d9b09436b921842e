"""`newsgraph quotes` shows how many outlets carry a quotation; ``--merge`` lists it once."""

from __future__ import annotations

import json
from pathlib import Path

from store_builders import kremlin_doc
from test_syndication import other_story, wire_copies
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.store import open_store

app = load_commands()
runner = CliRunner()


def _db(tmp_path: Path) -> str:
    db = str(tmp_path / "wire.db")
    with open_store(db) as s:
        s.write([*wire_copies(), other_story(), kremlin_doc()])
    return db


def test_merged_listing_says_outlets_and_first_seen(tmp_path: Path) -> None:
    db = _db(tmp_path)
    result = runner.invoke(
        app, ["quotes", "--db", db, "--merge", "-q", "corridor", "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output)
    assert [(r["source"], r["outlets"], r["first_seen"]) for r in rows] == [
        ("a/grain.html", 3, "2022-11-02")
    ]


def test_table_shows_outlets_column_only_when_shared(tmp_path: Path) -> None:
    db = _db(tmp_path)
    wide = {"COLUMNS": "200"}
    shared = runner.invoke(app, ["quotes", "--db", db, "--merge", "-q", "corridor"], env=wide)
    assert shared.exit_code == 0, shared.output
    assert "outlets" in shared.output and "3 since 2022-11-02" in shared.output
    alone = runner.invoke(app, ["quotes", "--db", db, "-s", "peskov"], env=wide)
    assert "Peskov" in alone.output and "outlets" not in alone.output


def test_csv_has_the_group_columns(tmp_path: Path) -> None:
    result = runner.invoke(app, ["quotes", "--db", _db(tmp_path), "--format", "csv", "-n", "1"])
    header = result.output.splitlines()[0].split(",")
    assert header[-3:] == ["outlets", "copies", "first_seen"]
