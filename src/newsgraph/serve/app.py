"""The FastAPI application: JSON API, HTML pages, static files, errors and security headers."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio.to_thread
import jinja2
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, Response

from newsgraph import __version__
from newsgraph.serve.api import api_router
from newsgraph.serve.cache import TTLCache
from newsgraph.serve.pages import router as pages_router
from newsgraph.serve.security import SecurityHeaders
from newsgraph.store import Store

HERE = Path(__file__).parent
MAX_BODY = 2 * 1024 * 1024
TOKEN_ENV = "NEWSGRAPH_API_TOKEN"


def _templates() -> Jinja2Templates:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(HERE / "templates"),
        autoescape=True,  # every template, whatever its file name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    return Jinja2Templates(env=env)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(
    store: Store,
    *,
    token: str | None = None,
    max_body: int = MAX_BODY,
    facet_ttl: float = 30.0,
) -> FastAPI:
    """The app serving ``store``. Ingest (POST /api/articles) is enabled only with a token,
    given here or in the NEWSGRAPH_API_TOKEN environment variable. Facet counts are cached
    for ``facet_ttl`` seconds (and dropped on ingest): another process writing to the same
    database shows up in them that much later."""

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Sync endpoints run in a thread pool (40 threads by default). More threads than pooled
        # database connections makes the pool open and close overflow connections per request,
        # and each new SQLite connection re-reads the schema and starts with a cold cache.
        # SQLite releases the GIL while it works, so a few threads keep both cores busy.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = db_threads(store)
        yield
        if getattr(_app.state, "owns_store", False):
            store.close()

    app = FastAPI(
        lifespan=lifespan,
        title="newsgraph",
        version=__version__,
        description="Who said what, traced to character offsets in the source articles.",
    )
    app.state.store = store
    app.state.token = token or os.environ.get(TOKEN_ENV) or None
    app.state.max_body = max_body
    app.state.templates = _templates()
    app.state.facets = TTLCache(ttl=facet_ttl)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        headers = getattr(exc, "headers", None)
        if _wants_json(request):
            return JSONResponse(
                {"detail": exc.detail, "status": exc.status_code},
                status_code=exc.status_code,
                headers=headers,
            )
        return _error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(RequestValidationError)
    async def bad_params(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if _wants_json(request):
            return JSONResponse({"detail": errors, "status": 422}, status_code=422)
        message = "; ".join(f"{'.'.join(map(str, e['loc'][1:]))}: {e['msg']}" for e in errors)
        return _error_page(request, 400, message)

    app.include_router(api_router())
    app.include_router(pages_router)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    app.add_middleware(SecurityHeaders, max_body=max_body)
    return app


DB_ENV = "NEWSGRAPH_DB"


def app_from_env() -> FastAPI:
    """App factory for ``uvicorn --factory`` and multi-worker serving: each worker process
    opens the database named by NEWSGRAPH_DB (token from NEWSGRAPH_API_TOKEN) and closes it
    when the worker stops."""
    from newsgraph.store import open_store

    path = os.environ.get(DB_ENV, "newsgraph.db")
    store = open_store(path, create=False)
    app = create_app(store)
    app.state.owns_store = True
    return app


def db_threads(store: Store, default: int = 4) -> int:
    """How many requests may use the database at once: the engine's pool size."""
    size = getattr(store.engine.pool, "size", None)
    return max(1, size()) if callable(size) else default


def _error_page(request: Request, status: int, message: str) -> Response:
    templates: Jinja2Templates = request.app.state.templates
    context: dict[str, Any] = {"status": status, "message": message}
    return templates.TemplateResponse(request, "error.html", context, status_code=status)
