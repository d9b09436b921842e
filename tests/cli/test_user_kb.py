"""`--kb FILE` extends the bundled knowledge base for every command (and worker processes)."""

from __future__ import annotations

import json
import os
from pathlib import Path

from typer.testing import CliRunner

from newsgraph.annotate.linking import default_linker
from newsgraph.cli import load_commands
from newsgraph.extract.events import default_extractor
from newsgraph.kb.loader import KB_ENV, default_kb

ARTICLE = """Port authority rejects strike demands

"We cannot pay what we do not have," Marta Quillfeather told reporters on Monday.
"""


def test_a_user_actor_file_links_speakers(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.delenv(KB_ENV, raising=False)
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    kb = tmp_path / "actors.csv"
    kb.write_text(
        "id,name,kind,country,sector,aliases,wikidata,source\n"
        "marta-quillfeather,Marta Quillfeather,person,NOR,business,Quillfeather,,test\n",
        encoding="utf-8",
    )
    db = str(tmp_path / "n.db")
    app = load_commands()
    try:
        res = CliRunner().invoke(app, ["--kb", str(kb), "ingest", "--db", db, "-q", str(tmp_path)])
        assert res.exit_code == 0, res.output
        assert os.environ[KB_ENV] == str(kb)
        out = CliRunner().invoke(app, ["quotes", "--db", db, "-f", "json"])
        rows = json.loads(out.output)
        assert [r["speaker_actor_id"] for r in rows] == ["marta-quillfeather"]
    finally:
        os.environ.pop(KB_ENV, None)
        for cached in (default_kb, default_linker, default_extractor):
            cached.cache_clear()
