"""`--speaker` finds a person by any name the knowledge base knows: surname, full name, role."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.cli import load_commands

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"


def _quotes(db: str, speaker: str) -> list[dict]:
    out = CliRunner().invoke(
        load_commands(), ["quotes", "--db", db, "--speaker", speaker, "-f", "json", "-n", "0"]
    )
    assert out.exit_code == 0, out.output
    return json.loads(out.output)


def test_surname_full_name_and_role_find_the_same_quotations(tmp_path: Path) -> None:
    db = str(tmp_path / "n.db")
    res = CliRunner().invoke(load_commands(), ["ingest", "--db", db, "-q", str(SEEDS)])
    assert res.exit_code == 0, res.output
    by_surname = _quotes(db, "Peskov")
    by_name = _quotes(db, "Dmitry Peskov")
    by_role = _quotes(db, "Kremlin spokesman")
    assert len(by_surname) >= 20
    key = lambda rows: sorted((r["article_id"], r["start"]) for r in rows)  # noqa: E731
    assert key(by_surname) == key(by_name) == key(by_role)
    assert {r["speaker"] for r in by_role} == {"Dmitry Peskov"}
    assert not _quotes(db, "Foreign Minister of Japan")
