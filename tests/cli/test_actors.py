"""`newsgraph actors` and `newsgraph actor NAME` over a database of seeds and short articles."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.kb import default_kb
from newsgraph.pipeline import process
from newsgraph.store import open_store
from newsgraph.store.actors import actor_rows, resolve_actor

app = load_commands()
runner = CliRunner()

ARTICLES = [
    (
        """Sanctions warning

The US president said on Tuesday that new sanctions would follow if the talks failed.
""",
        "2019-06-04",
    ),
    (
        """Sanctions warning again

The US president said on Tuesday that new sanctions would follow if the talks failed again.
""",
        "2022-06-04",
    ),
    (
        """Farmers protest new tariffs

Local farmer Maria Kovalenko said the new tariffs would ruin her business.
""",
        "2023-03-01",
    ),
    (
        """Grain prices fall again

"Nobody is buying," said Maria Kovalenko, who grows wheat near the border.
""",
        "2023-04-11",
    ),
]


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory, seed_texts: dict[str, str]) -> str:
    path = tmp_path_factory.mktemp("actors") / "news.db"
    docs = [process(text, source=name) for name, text in seed_texts.items()]
    docs += [
        process(text, source=f"short-{i}.txt", published=date)
        for i, (text, date) in enumerate(ARTICLES)
    ]
    with open_store(path) as store:
        store.write(docs)
    return str(path)


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


def test_actors_json_counts_quotes_and_mentions(db: str) -> None:
    rows = json.loads(_run("actors", "--db", db, "--format", "json", "--limit", "0"))
    by_id = {r["id"]: r for r in rows}
    peskov = by_id["dmitry-peskov"]
    assert rows[0]["id"] == "dmitry-peskov"  # the most quoted
    assert (peskov["name"], peskov["kind"], peskov["country"]) == ("Dmitry Peskov", "person", "RUS")
    assert peskov["quotes"] >= 40 and peskov["mentions"] >= 20 and peskov["articles"] == 4
    assert by_id["kremlin"]["kind"] == "organisation"
    assert by_id["donald-trump"]["quotes"] == 1 and by_id["joe-biden"]["quotes"] >= 1
    local = by_id["local:maria-kovalenko"]
    assert (local["name"], local["in_kb"], local["quotes"]) == ("Maria Kovalenko", False, 2)
    assert by_id["local:alexei-polishchuk"]["quotes"] >= 5


def test_actors_search_by_role_phrase_csv_and_limit(db: str) -> None:
    found = list(
        csv.DictReader(
            io.StringIO(_run("actors", "--db", db, "-f", "csv", "-q", "Kremlin spokesman"))
        )
    )
    assert [r["id"] for r in found] == ["dmitry-peskov"]
    assert found[0]["in_kb"] == "True"
    assert len(json.loads(_run("actors", "--db", db, "-f", "json", "--limit", "3"))) == 3
    words = json.loads(_run("actors", "--db", db, "-f", "json", "-q", "kovalenko"))
    assert [r["id"] for r in words] == ["local:maria-kovalenko"]


def test_actors_table_lists_names(db: str) -> None:
    out = _run("actors", "--db", db, "--limit", "5")
    assert "Dmitry Peskov" in out and "Kremlin" in out
    result = runner.invoke(app, ["actors", "--db", db, "-q", "no such person anywhere"])
    assert result.exit_code == 0 and "no actors match" in result.output


@pytest.mark.parametrize("query", ["Peskov", "Dmitry Peskov", "Kremlin spokesman"])
def test_actor_resolves_names_and_role_phrases_to_the_same_actor(db: str, query: str) -> None:
    profile = json.loads(_run("actor", query, "--db", db, "--format", "json", "--limit", "0"))
    assert profile["id"] == "dmitry-peskov"
    assert profile["roles"][0]["role_key"] == "RUS:president_spokesperson"
    assert profile["roles"][0]["start"] == "2012-05-22"
    assert "Peskov" in profile["aliases"]
    assert len(profile["quotes"]) == profile["quote_count"] >= 40
    co = [c["id"] for c in profile["co_mentioned"]]
    assert "kremlin" in co and "vladimir-putin" in co


def test_actor_quotes_are_oldest_first_with_articles(db: str) -> None:
    profile = json.loads(_run("actor", "Biden", "--db", db, "-f", "json", "--limit", "0"))
    dates = [q["published"] for q in profile["quotes"]]
    dated = [d for d in dates if d]
    assert dated == sorted(dated) and dated[0] == "2022-06-04"
    assert dates.index(dated[-1]) < len(dates) - 1  # undated seed quotes come last
    assert all(q["article_id"] and q["title"] for q in profile["quotes"])
    trump = json.loads(_run("actor", "the US president", "--db", db, "-f", "json"))
    assert trump["id"] in {"donald-trump", "joe-biden"}  # holders of the role found in the db


def test_actor_local_and_table_and_unknown(db: str) -> None:
    out = _run("actor", "Kovalenko", "--db", db)
    assert "Maria Kovalenko" in out and "not in the KB" in out and "quotations: 2" in out
    out = _run("actor", "Kremlin spokesman", "--db", db, "--limit", "3")
    assert "Press Secretary of the President of Russia" in out and "2012-05-22" in out
    result = runner.invoke(app, ["actor", "Nobody Whatsoever Here", "--db", db])
    assert result.exit_code == 1
    assert "no actor matches" in result.output


def test_missing_database_is_a_usage_error(tmp_path: Path) -> None:
    result = runner.invoke(app, ["actors", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2
    assert not (tmp_path / "none.db").exists()


def test_helpers_over_the_engine(db: str) -> None:
    kb = default_kb()
    with open_store(db, create=False) as store:
        rows = actor_rows(store.engine, kb, ["joe-biden", "donald-trump"])
        assert {r.id for r in rows} == {"joe-biden", "donald-trump"}
        best, others = resolve_actor(store.engine, kb, "Zelensky")
        assert best == "volodymyr-zelenskyy" and others == []
