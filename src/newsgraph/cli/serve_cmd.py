"""`newsgraph serve`: the JSON API and web page over a database, on uvicorn."""

from __future__ import annotations

import os
from typing import Any

import typer

from newsgraph.cli import app
from newsgraph.cli.ingest_cmd import DB_OPTION, open_db


@app.command()
def serve(
    db: str = DB_OPTION,
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    port: int = typer.Option(8000, "--port", min=0, max=65535, help="Port to listen on."),
    token: str | None = typer.Option(
        None,
        "--token",
        envvar="NEWSGRAPH_API_TOKEN",
        help="Bearer token that enables POST /api/articles (ingest is off without one).",
        show_default=False,
    ),
    log_level: str = typer.Option("warning", "--log-level", help="uvicorn log level."),
    workers: int = typer.Option(
        1, "--workers", min=1, max=64, help="Server processes (each opens the database)."
    ),
) -> None:
    """Serve quotations: web page at /, JSON API at /api, OpenAPI docs at /docs."""
    import uvicorn  # imported here so other commands do not pay for it

    from newsgraph.serve.app import DB_ENV, TOKEN_ENV, create_app

    store = open_db(db, create=True)  # creates or migrates once, before any worker starts
    typer.echo(f"newsgraph: serving {db} on http://{host}:{port}/ (API docs at /docs)")
    options: dict[str, Any] = {
        "host": host, "port": port, "log_level": log_level, "access_log": False
    }
    if workers > 1:
        store.close()
        os.environ[DB_ENV] = db
        if token:
            os.environ[TOKEN_ENV] = token
        factory = "newsgraph.serve.app:app_from_env"
        uvicorn.run(factory, factory=True, workers=workers, **options)
        return
    try:
        uvicorn.run(create_app(store, token=token), **options)
    finally:
        store.close()
