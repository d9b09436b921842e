"""`newsgraph serve`: options reach uvicorn and the app (the server itself is not started)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from fastapi.testclient import TestClient
from serve_samples import sample_docs
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.store import open_store

runner = CliRunner(env={"COLUMNS": "200"})


@pytest.fixture()
def captured(monkeypatch: pytest.MonkeyPatch) -> dict[str, Any]:
    seen: dict[str, Any] = {}

    def fake_run(app: Any, **kwargs: Any) -> None:
        seen["app"], seen["kwargs"] = app, kwargs
        with TestClient(app) as c:  # exercise the app while its store is still open
            seen["quotes"] = c.get("/api/quotes").json()["total"]
            seen["post"] = c.post(
                "/api/articles",
                json={"text": "Title\nBody text here.\n"},
                headers={"Authorization": "Bearer cli-token"},
            ).status_code

    monkeypatch.setattr("uvicorn.run", fake_run)
    monkeypatch.delenv("NEWSGRAPH_API_TOKEN", raising=False)
    return seen


def test_serve_passes_host_port_db_and_token(tmp_path: Path, captured: dict[str, Any]) -> None:
    db = tmp_path / "cli.db"
    store = open_store(db)
    store.write(sample_docs())
    store.close()
    args = ["serve", "--db", str(db), "--host", "0.0.0.0", "--port", "9123", "--token", "cli-token"]
    result = runner.invoke(load_commands(), args)
    assert result.exit_code == 0, result.output
    assert "serving" in result.output and "9123" in result.output
    assert captured["kwargs"]["host"] == "0.0.0.0"
    assert captured["kwargs"]["port"] == 9123
    assert captured["quotes"] == 6
    assert captured["post"] == 201


def test_serve_without_token_disables_ingest(tmp_path: Path, captured: dict[str, Any]) -> None:
    result = runner.invoke(load_commands(), ["serve", "--db", str(tmp_path / "new.db")])
    assert result.exit_code == 0, result.output
    assert captured["quotes"] == 0
    assert captured["post"] == 403


def test_serve_rejects_a_bad_port() -> None:
    result = runner.invoke(load_commands(), ["serve", "--port", "70000"])
    assert result.exit_code == 2


def test_serve_with_workers_uses_the_env_factory(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, Any] = {}
    monkeypatch.setattr("uvicorn.run", lambda app, **kw: seen.update(app=app, **kw))
    for name in ("NEWSGRAPH_API_TOKEN", "NEWSGRAPH_DB"):  # the command sets them for workers:
        monkeypatch.setenv(name, "")  # setenv first so monkeypatch restores their absence
        monkeypatch.delenv(name)
    db = tmp_path / "w.db"
    store = open_store(db)
    store.write(sample_docs())
    store.close()
    args = ["serve", "--db", str(db), "--workers", "3", "--token", "tok"]
    result = runner.invoke(load_commands(), args)
    assert result.exit_code == 0, result.output
    assert seen["app"] == "newsgraph.serve.app:app_from_env"
    assert seen["factory"] is True and seen["workers"] == 3

    from newsgraph.serve.app import app_from_env

    with TestClient(app_from_env()) as c:  # what each worker builds, from the environment
        assert c.get("/api/quotes").json()["total"] == 6
        post = c.post(
            "/api/articles", json={"text": "T\nBody.\n"}, headers={"Authorization": "Bearer tok"}
        )
        assert post.status_code == 201
