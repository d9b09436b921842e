"""`newsgraph quotes | articles | show` over a database of hand-built documents."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.cli.query_cmd import ellipsise, parse_date_bound
from newsgraph.store import open_store

sys.path.insert(0, str(Path(__file__).parents[1] / "store"))
from store_builders import ankara_doc, kremlin_doc, washington_doc

app = load_commands()
runner = CliRunner()


@pytest.fixture
def db(tmp_path: Path) -> str:
    path = tmp_path / "news.db"
    with open_store(path) as store:
        store.write([kremlin_doc(), ankara_doc(), washington_doc()])
    return str(path)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_quotes_json_is_an_array_in_order(db: str) -> None:
    rows = json.loads(_run("quotes", "--db", db, "--format", "json"))
    assert len(rows) == 7
    assert rows[0]["published"] == "2022-03-15"
    assert rows[-1]["speaker"] == "Joe Biden"
    assert rows[1]["text"] == "We cannot yet talk about progress and we will not,"
    assert rows[1]["speaker_text"] == "Peskov"


def test_quotes_jsonl_and_csv_parse(db: str) -> None:
    lines = _run("quotes", "--db", db, "--format", "jsonl", "--speaker", "peskov").splitlines()
    assert [json.loads(x)["speaker"] for x in lines] == ["Dmitry Peskov"] * 3
    table = list(csv.DictReader(io.StringIO(_run("quotes", "--db", db, "-f", "csv"))))
    assert len(table) == 7
    assert {"published", "speaker", "kind", "text", "article_id", "start", "end"} <= set(table[0])
    assert table[3]["text"] == "the grain corridor must stay open for the world's poor"


def test_quote_filters(db: str) -> None:
    def speakers(*args: str) -> list[str]:
        return [r["speaker"] for r in json.loads(_run("quotes", "--db", db, "-f", "json", *args))]

    assert speakers("--speaker", "Erdogan", "--search", "weapon") == ["Recep Tayyip Erdoğan"]
    assert set(speakers("--since", "2022-03", "--until", "2022-03")) == {"Dmitry Peskov"}
    assert set(speakers("--since", "2022-09-30")) == {"Recep Tayyip Erdoğan", None}
    assert speakers("--until", "2021") == []
    assert speakers("--kind", "scare") == [None]
    assert speakers("--limit", "2") == ["Dmitry Peskov"] * 2
    assert len(speakers("--limit", "0")) == 7
    aid = washington_doc().article.id
    assert speakers("--article", aid[:7]) == ["Joe Biden"]


def test_quotes_table_shows_date_speaker_kind_quote_article(db: str) -> None:
    out = runner.invoke(app, ["quotes", "--db", db], env={"COLUMNS": "200"}).stdout
    assert "2022-03-15" in out
    assert "Dmitry Peskov" in out
    assert "partial" in out
    assert "a big problem for Russia" in out
    assert kremlin_doc().article.id in out


def test_articles_formats(db: str) -> None:
    rows = json.loads(_run("articles", "--db", db, "-f", "json"))
    assert [r["quote_count"] for r in rows] == [3, 3, 1]
    assert rows[0]["authors"] == ["Anna Smith"]
    found = list(
        csv.DictReader(io.StringIO(_run("articles", "--db", db, "-f", "csv", "-q", "grain")))
    )
    assert [r["title"] for r in found] == ["Erdoğan urges calm over Black Sea grain deal"]
    out = runner.invoke(app, ["articles", "--db", db], env={"COLUMNS": "200"}).stdout
    assert "Biden signs aid package" in out


def test_show_highlights_quotes_with_speakers(db: str) -> None:
    aid = kremlin_doc().article.id
    out = _run("show", aid[:6], "--db", db)
    assert "Kremlin says talks with Kyiv will go on" in out
    assert "progress and we will not, [Dmitry Peskov]”" in out
    assert "“a big problem for Russia [Dmitry Peskov]”" in out
    assert "Advertisement" not in out  # boilerplate omitted ...
    assert "Advertisement" in _run("show", aid, "--db", db, "--all")  # ... or shown with --all


def test_show_gives_scare_quotes_no_speaker(db: str) -> None:
    out = _run("show", ankara_doc().article.id, "--db", db)
    assert "“sham”" in out
    assert "[the Turkish president]" not in out
    assert "weapon, [Recep Tayyip Erdoğan]" in out


@pytest.mark.parametrize("command", [["quotes"], ["articles"], ["show", "abc"]])
def test_missing_database_exits_2_and_is_not_created(tmp_path: Path, command: list[str]) -> None:
    path = tmp_path / "none.db"
    result = runner.invoke(app, [*command, "--db", str(path)])
    assert result.exit_code == 2
    assert "database not found" in result.output
    assert not path.exists()


def test_unknown_article_and_bad_dates_exit_2(db: str) -> None:
    missing = runner.invoke(app, ["show", "ffffffffffff", "--db", db])
    assert missing.exit_code == 2
    assert "no article" in missing.output
    assert runner.invoke(app, ["quotes", "--db", db, "--since", "not a date at all"]).exit_code == 2
    assert runner.invoke(app, ["quotes", "--db", db, "--format", "xml"]).exit_code == 2


def test_dates_are_read_leniently() -> None:
    assert parse_date_bound("2022-09-30") == dt.date(2022, 9, 30)
    assert parse_date_bound("2022-09") == dt.date(2022, 9, 1)
    assert parse_date_bound("2022-09", end=True) == dt.date(2022, 9, 30)
    assert parse_date_bound("2024-02", end=True) == dt.date(2024, 2, 29)
    assert parse_date_bound("2022", end=True) == dt.date(2022, 12, 31)
    assert parse_date_bound("2022-09-30T12:00:00Z") == dt.date(2022, 9, 30)
    assert parse_date_bound("3 May 2022") == dt.date(2022, 5, 3)
    last_week = parse_date_bound("last week")
    assert dt.timedelta(days=5) <= dt.date.today() - last_week <= dt.timedelta(days=9)
    for bad in ("2022-13", "2022-02-30", "", "yesterday-ish nonsense words"):
        with pytest.raises(ValueError):
            parse_date_bound(bad)


@settings(max_examples=60, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_iso_dates_and_months_bound_themselves(day: dt.date) -> None:
    assert parse_date_bound(day.isoformat()) == day
    month = day.strftime("%Y-%m")
    first, last = parse_date_bound(month), parse_date_bound(month, end=True)
    assert first.day == 1
    assert first <= day <= last
    assert (last + dt.timedelta(days=1)).day == 1


@given(st.text(max_size=300), st.integers(min_value=10, max_value=200))
def test_ellipsise_fits_and_keeps_short_text(text: str, width: int) -> None:
    out = ellipsise(text, width)
    assert len(out) <= width
    assert "\n" not in out
    if len(" ".join(text.split())) <= width:
        assert out == " ".join(text.split())
