"""`newsgraph export`: every table in every format reads back to what the store holds."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.export import (
    Column,
    Export,
    ExportError,
    ExportFormat,
    Kind,
    table_export,
    write_export,
)
from newsgraph.store import open_store

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"
app = load_commands()
runner = CliRunner(env={"COLUMNS": "400"})

STORY = """Mayor backs tram extension
LYON — The mayor of Lyon, Claire Martin, said on Friday that the tram extension would open
in 2026. "We have the money and we have the plans," she told the city council.
"""


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    (folder / "tram.txt").write_text(STORY, encoding="utf-8")
    path = folder / "news.db"
    result = runner.invoke(app, ["ingest", "-q", "--db", str(path), str(SEEDS), str(folder)])
    assert result.exit_code == 0, result.output
    return path


def _export(db: Path, table: str, fmt: str, out: Path, *extra: str) -> None:
    args = ["export", "--db", str(db), "-t", table, "-f", fmt, "-o", str(out), *extra]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    assert out.exists()


@pytest.mark.parametrize("table", ["quotes", "articles", "mentions"])
def test_every_format_reads_back(db: Path, tmp_path: Path, table: str) -> None:
    with open_store(db, create=False) as store:
        expected = store.counts()[table]
    assert expected > 0
    _export(db, table, "csv", tmp_path / "t.csv")
    _export(db, table, "jsonl", tmp_path / "t.jsonl", "--chunk-size", "7")
    _export(db, table, "parquet", tmp_path / "t.parquet", "--chunk-size", "7")
    with open(tmp_path / "t.csv", encoding="utf-8", newline="") as fh:
        from_csv = list(csv.DictReader(fh))
    lines = (tmp_path / "t.jsonl").read_text(encoding="utf-8").splitlines()
    from_jsonl = [json.loads(x) for x in lines]
    from_parquet = pq.read_table(tmp_path / "t.parquet").to_pylist()
    assert len(from_csv) == len(from_jsonl) == len(from_parquet) == expected
    ids = [str(r["id"]) for r in from_jsonl]
    assert [r["id"] for r in from_csv] == ids == [str(r["id"]) for r in from_parquet]
    assert [r["text"] for r in from_csv] == [r["text"] for r in from_jsonl]
    assert [r["text"] for r in from_parquet] == [r["text"] for r in from_jsonl]


def test_quotes_match_the_store_and_keep_their_types(db: Path, tmp_path: Path) -> None:
    _export(db, "quotes", "parquet", tmp_path / "q.parquet")
    table = pq.read_table(tmp_path / "q.parquet")
    assert table.schema.field("published").type == pa.date32()
    assert table.schema.field("start").type == pa.int64()
    assert table.schema.field("confidence").type == pa.float64()
    with open_store(db, create=False) as store:
        stored = {(q.article_id, q.start, q.end): q for q in store.quotes(limit=None)}
    for row in table.to_pylist():
        q = stored[(row["article_id"], row["start"], row["end"])]
        assert (row["text"], row["speaker"], row["published"]) == (q.text, q.speaker, q.published)
    tram = [r for r in table.to_pylist() if "money and we have the plans" in r["text"]]
    assert len(tram) == 1 and tram[0]["kind"] == "direct"


def test_json_columns_nest_in_jsonl_and_stay_json_elsewhere(db: Path, tmp_path: Path) -> None:
    _export(db, "articles", "jsonl", tmp_path / "a.jsonl")
    _export(db, "articles", "csv", tmp_path / "a.csv")
    _export(db, "articles", "parquet", tmp_path / "a.parquet")
    rows = [json.loads(x) for x in (tmp_path / "a.jsonl").read_text("utf-8").splitlines()]
    assert all(isinstance(r["authors"], list) and isinstance(r["lines"], list) for r in rows)
    with open(tmp_path / "a.csv", encoding="utf-8", newline="") as fh:
        from_csv = list(csv.DictReader(fh))
    assert [json.loads(r["lines"]) for r in from_csv] == [r["lines"] for r in rows]
    table = pq.read_table(tmp_path / "a.parquet")
    assert table.schema.field("lines").metadata == {b"format": b"json"}
    assert table.schema.field("ingested_at").type == pa.timestamp("us")
    assert [json.loads(x) for x in table.column("sentences").to_pylist()] == [
        r["sentences"] for r in rows
    ]


def test_stdout_is_the_default_output(db: Path) -> None:
    result = runner.invoke(app, ["export", "--db", str(db), "-t", "mentions", "-f", "csv"])
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    with open_store(db, create=False) as store:
        assert len(rows) == store.counts()["mentions"]
    assert {"article_id", "start", "end", "text", "type"} <= set(rows[0])


def test_actors_are_derived_when_not_stored(db: Path, tmp_path: Path) -> None:
    _export(db, "actors", "parquet", tmp_path / "actors.parquet")
    _export(db, "actors", "jsonl", tmp_path / "actors.jsonl")
    table = pq.read_table(tmp_path / "actors.parquet")
    assert table.schema.field("quotes").type == pa.int64()
    assert table.schema.field("in_kb").type == pa.bool_()
    rows = [json.loads(x) for x in (tmp_path / "actors.jsonl").read_text("utf-8").splitlines()]
    assert rows == table.to_pylist()
    assert any(r["quotes"] > 0 for r in rows)


def test_a_missing_table_is_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "old.db"
    open_store(db).close()
    con = sqlite3.connect(db)
    con.execute("DROP TABLE mentions")
    con.close()
    out = tmp_path / "m.csv"
    result = runner.invoke(app, ["export", "--db", str(db), "-t", "mentions", "-o", str(out)])
    assert result.exit_code == 2
    assert "no 'mentions' table" in result.output
    assert not out.exists()  # no empty or half file left behind
    if not _has_events(db):  # a store that keeps events exports them like any table
        with open_store(db, create=False) as store, pytest.raises(ExportError, match="events"):
            table_export(store.engine, "events")


def _has_events(db: Path) -> bool:
    con = sqlite3.connect(db)
    try:
        return bool(con.execute("SELECT 1 FROM sqlite_master WHERE name = 'events'").fetchall())
    finally:
        con.close()


def test_usage_errors(db: Path, tmp_path: Path) -> None:
    missing = runner.invoke(app, ["export", "--db", str(tmp_path / "none.db")])
    assert missing.exit_code == 2
    assert not (tmp_path / "none.db").exists()
    bad = runner.invoke(app, ["export", "--db", str(db), "-t", "people"])
    assert bad.exit_code == 2
    folder = runner.invoke(app, ["export", "--db", str(db), "-o", str(tmp_path)])
    assert folder.exit_code == 2


def test_rows_are_read_a_chunk_at_a_time(db: Path) -> None:
    with open_store(db, create=False) as store:
        total = store.counts()["mentions"]
        export = table_export(store.engine, "mentions", chunk_size=5)
        sizes = [len(chunk) for chunk in export.chunks]
    assert sum(sizes) == total
    assert max(sizes) == 5 and len(sizes) == -(-total // 5)


TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.tuples(
            TEXT,
            st.none() | st.integers(-(2**62), 2**62),
            st.none() | st.dates(),
            st.none() | st.lists(TEXT, max_size=3),
        ),
        max_size=12,
    )
)
def test_any_values_survive_every_format(rows: list[tuple[object, ...]]) -> None:
    columns = [
        Column("text", Kind.TEXT),
        Column("n", Kind.INT),
        Column("day", Kind.DATE),
        Column("tags", Kind.JSON),
    ]

    def export() -> Export:
        return Export("t", columns, iter([rows[:5], rows[5:]]))

    as_dicts = [dict(zip(("text", "n", "day", "tags"), r, strict=True)) for r in rows]
    out = io.BytesIO()
    assert write_export(export(), ExportFormat.JSONL, out) == len(rows)
    back = [json.loads(x) for x in out.getvalue().decode("utf-8").split("\n") if x]
    for got, want in zip(back, as_dicts, strict=True):
        assert got == {**want, "day": want["day"].isoformat() if want["day"] else None}
    out = io.BytesIO()
    write_export(export(), ExportFormat.CSV, out)
    from_csv = list(csv.DictReader(io.StringIO(out.getvalue().decode("utf-8"), newline="")))
    assert [r["text"] for r in from_csv] == [d["text"] for d in as_dicts]
    assert [json.loads(r["tags"]) if r["tags"] else None for r in from_csv] == [
        d["tags"] for d in as_dicts
    ]
    out = io.BytesIO()
    write_export(export(), ExportFormat.PARQUET, out)
    assert pq.read_table(io.BytesIO(out.getvalue())).to_pylist() == [
        {**d, "tags": None if d["tags"] is None else json.dumps(d["tags"], ensure_ascii=False,
                                                              separators=(",", ":"))}
        for d in as_dicts
    ]  # fmt: skip
