"""`newsgraph evaluate quotes|articles` end to end on the seeds: output structure, not figures
(the figures move while the stages are being built)."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

import newsgraph.cli.evaluate_cmd  # noqa: F401  (registers the evaluate sub-app)
from newsgraph.cli import app
from newsgraph.evaluate.quotes import ROWS

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEEDS = str(FIXTURES / "seeds")
QUOTES = str(FIXTURES / "seeds.quotes.jsonl")
ARTICLES = str(FIXTURES / "seeds.articles.jsonl")
runner = CliRunner()


def test_quotes_json_structure(gold_quotes: list[dict]) -> None:
    args = ["evaluate", "quotes", "--gold", QUOTES, "--docs", SEEDS]
    result = runner.invoke(app, [*args, "--format", "json", "--show-errors"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == len({g["doc"] for g in gold_quotes})
    assert set(out["rows"]) == set(ROWS)
    for row in out["rows"].values():
        assert {"precision", "recall", "f1", "speaker_accuracy", "n_gold", "n_pred"} <= set(row)
        for key in ("precision", "recall", "f1", "speaker_accuracy"):
            assert row[key] is None or 0.0 <= row[key] <= 1.0
    assert out["rows"]["all"]["n_gold"] == len(gold_quotes)
    assert out["unlocated_gold"] == []  # every gold quotation is found in its article
    assert out["target"]["row"] == "direct+continuation"
    assert set(out["errors"]) == {"misses", "false_positives", "wrong_speakers", "repeats"}
    assert len(out["errors"]["repeats"]) == out["repeats"]
    errs = out["errors"]
    assert len(errs["misses"]) == row_gap(out["rows"]["all"])
    assert isinstance(out["indirect_predictions"], int)
    assert sum(d["gold"] for d in out["by_doc"].values()) == len(gold_quotes)
    strict = runner.invoke(app, [*args, "--format", "json", "--min-overlap", "1.0"])
    assert strict.exit_code == 0, strict.output
    loose_hits = out["rows"]["all"]["matched_gold"]
    assert json.loads(strict.stdout)["rows"]["all"]["matched_gold"] <= loose_hits
    assert runner.invoke(app, [*args, "--min-overlap", "2"]).exit_code == 2


def row_gap(row: dict) -> int:
    return row["n_gold"] - row["matched_gold"]


def test_quotes_table_lists_every_row() -> None:
    args = ["evaluate", "quotes", "--gold", QUOTES, "--docs", SEEDS, "--show-errors"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    for name in ROWS:
        assert name in result.output
    assert "Misses" in result.output and "Wrong speakers" in result.output
    assert "target (direct+continuation" in result.output


def test_articles_json_and_table(gold_articles: dict[str, dict]) -> None:
    args = ["evaluate", "articles", "--gold", ARTICLES, "--docs", SEEDS]
    result = runner.invoke(app, [*args, "--format", "json"])
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert out["documents"] == len(gold_articles)
    assert set(out["fields"]) == {"title", "authors", "publisher", "published"}
    assert all(v["den"] == len(gold_articles) for v in out["fields"].values())
    n_headings = sum(len(g["headings"]) for g in gold_articles.values())
    assert out["headings"]["recall"]["den"] == n_headings
    assert out["not_body"]["recall"]["den"] >= sum(
        len(g["not_body"]) for g in gold_articles.values()
    )
    assert out["unlocated_gold_lines"] == []
    table = runner.invoke(app, [*args, "--show-errors"])
    assert table.exit_code == 0, table.output
    assert "not-body lines recall" in table.output and "headings recall" in table.output


def test_missing_inputs_exit_2(tmp_path: Path) -> None:
    result = runner.invoke(
        app, ["evaluate", "quotes", "--gold", str(tmp_path / "no.jsonl"), "--docs", SEEDS]
    )
    assert result.exit_code == 2
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc": "x.txt", "quote": "q", "kind": "direct", "speaker": null}\n')
    result = runner.invoke(
        app, ["evaluate", "articles", "--gold", str(gold), "--docs", str(tmp_path / "none")]
    )
    assert result.exit_code == 2
    result = runner.invoke(app, ["evaluate", "quotes", "--gold", str(gold), "--docs", SEEDS])
    assert result.exit_code == 0  # a well-formed row, its document missing: reported, not fatal
    gold.write_text('{"doc": "x.txt", "kind": "direct"}\n')  # no "quote"
    result = runner.invoke(app, ["evaluate", "quotes", "--gold", str(gold), "--docs", SEEDS])
    assert result.exit_code == 2
    gold.write_text("{not json\n")
    result = runner.invoke(app, ["evaluate", "quotes", "--gold", str(gold), "--docs", SEEDS])
    assert result.exit_code == 2


def test_a_missing_document_is_reported_not_fatal(tmp_path: Path) -> None:
    gold = tmp_path / "g.jsonl"
    gold.write_text('{"doc": "absent.txt", "quote": "q", "kind": "direct", "speaker": "X"}\n')
    args = ["evaluate", "quotes", "--gold", str(gold), "--docs", str(tmp_path), "--format", "json"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    out = json.loads(result.stdout)
    assert "absent.txt" in out["failures"]
    assert out["rows"]["all"]["recall"] == 0.0
