"""The JSON API under ``/api``: listings with filters, paging and exports, one article in full,
search across quotations and articles, and token-gated ingest.

Each further resource has its own router module (``serve/actors.py`` for ``/api/actors``; events
next); :func:`api_router` is the one place they are mounted.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from pydantic import BaseModel, Field, ValidationError, field_validator
from starlette.concurrency import run_in_threadpool
from starlette.responses import JSONResponse, Response

from newsgraph.model import Document
from newsgraph.pipeline import process
from newsgraph.serve import queries
from newsgraph.serve.export import export_response
from newsgraph.serve.params import DEFAULT_LIMIT, MAX_LIMIT, QuoteFilter, quote_filter
from newsgraph.serve.security import token_matches
from newsgraph.store import AmbiguousArticleIdError, ArticleNotFoundError, Store

Format = Literal["json", "csv", "jsonl"]
LimitParam = Annotated[
    int | None,
    Query(ge=1, le=MAX_LIMIT, description=f"page size, at most {MAX_LIMIT} (default 50; "
          "exports without a limit return every match)"),
]
OffsetParam = Annotated[int, Query(ge=0, description="rows to skip")]
FormatParam = Annotated[Format, Query(description="json (paged), or csv / jsonl for export")]


# Dependencies are ``async def`` although they do not await: FastAPI runs plain ``def``
# dependencies in the thread pool, a thread hop per dependency per request for no benefit.
async def get_store(request: Request) -> Store:
    return request.app.state.store  # type: ignore[no-any-return]


async def filter_params(
    speaker: Annotated[str | None, Query(description="speaker name words (prefix match)")] = None,
    q: Annotated[str | None, Query(description="words in the text; \"a phrase\"; word*")] = None,
    since: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    until: Annotated[str | None, Query(description="YYYY-MM-DD, YYYY-MM or YYYY")] = None,
    article: Annotated[str | None, Query(description="article id or id prefix")] = None,
    outlet: Annotated[str | None, Query(description="publisher, exactly")] = None,
    actor: Annotated[
        str | None, Query(description="knowledge-base id of the speaker (dmitry-peskov)")
    ] = None,
) -> QuoteFilter:
    return quote_filter(speaker, q, since, until, article, outlet, actor)


StoreDep = Annotated[Store, Depends(get_store)]
FilterDep = Annotated[QuoteFilter, Depends(filter_params)]


def json_response(data: Any, status: int = 200) -> Response:
    """JSON straight from plain data: skips FastAPI's generic encoder, which costs more than
    the query on a page of quotations."""
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body.encode(), status_code=status, media_type="application/json")


def _listing(
    page_fn: Any, store: Store, f: QuoteFilter, limit: int | None, offset: int, fmt: Format,
    name: str,
) -> Any:
    """A JSON page, or an export of the page (or of everything when no limit is given)."""
    if fmt == "json":
        page = page_fn(store, f, limit=limit or DEFAULT_LIMIT, offset=offset)
        out = page.as_dict()
        out["items"] = [queries.public(i) for i in out["items"]]
        return json_response(out)
    if page_fn is queries.quote_page and limit is None:
        rows = queries.iter_quotes(store, f)
        if offset:
            rows = (r for i, r in enumerate(rows) if i >= offset)
        return export_response(rows, fmt, name)
    page = page_fn(store, f, limit=limit, offset=offset)
    return export_response((queries.public(i) for i in page.items), fmt, name)


router = APIRouter(prefix="/api")


@router.get("/quotes", tags=["quotations"], summary="Quotations, newest first")
def list_quotes(
    store: StoreDep, f: FilterDep, limit: LimitParam = None, offset: OffsetParam = 0,
    format: FormatParam = "json",
) -> Any:
    """Filter by ``speaker`` (name words, prefix match), ``q`` (words in the quotation),
    ``since``/``until`` (inclusive dates), ``article`` (id or prefix) and ``outlet`` (publisher).
    Each item carries its character offsets and the sentence it sits in."""
    return _listing(queries.quote_page, store, f, limit, offset, format, "quotes")


@router.get("/articles", tags=["articles"], summary="Articles, newest first")
def list_articles(
    store: StoreDep, f: FilterDep, limit: LimitParam = None, offset: OffsetParam = 0,
    format: FormatParam = "json",
) -> Any:
    """``q`` searches titles and text; ``speaker`` keeps articles quoting that speaker."""
    return _listing(queries.article_page, store, f, limit, offset, format, "articles")


@router.get("/speakers", tags=["quotations"], summary="Speakers with quotation counts")
def list_speakers(
    request: Request, store: StoreDep, f: FilterDep, limit: LimitParam = None,
    offset: OffsetParam = 0, format: FormatParam = "json",
) -> Any:
    """Facet counts: how many quotations each speaker has under the same filters as /quotes."""
    if format != "json":
        return _listing(queries.speaker_page, store, f, limit, offset, format, "speakers")
    n = limit or DEFAULT_LIMIT
    page = cached_speakers(request, store, f, limit=n, offset=offset)
    return json_response(page.as_dict())


def cached_speakers(
    request: Request, store: Store, f: QuoteFilter, *, limit: int, offset: int = 0
) -> queries.Page:
    """Speaker facet counts, from the app's short-lived cache when fresh."""
    return request.app.state.facets.get_or_compute(  # type: ignore[no-any-return]
        ("speakers", f, limit, offset),
        lambda: queries.speaker_page(store, f, limit=limit, offset=offset),
    )


def cached_outlets(request: Request, store: Store, *, limit: int) -> list[dict[str, Any]]:
    """Outlet facet counts, from the app's short-lived cache when fresh."""
    return request.app.state.facets.get_or_compute(  # type: ignore[no-any-return]
        ("outlets", limit), lambda: queries.outlet_counts(store, limit=limit)
    )


@router.get("/outlets", tags=["articles"], summary="Outlets with quotation counts")
def list_outlets(request: Request, store: StoreDep, limit: LimitParam = None) -> Any:
    return json_response({"items": cached_outlets(request, store, limit=limit or DEFAULT_LIMIT)})


@router.get("/search", tags=["quotations", "articles"], summary="Search quotations and articles")
def search(
    store: StoreDep,
    q: Annotated[str, Query(description="words; \"a phrase\"; word* for a prefix")],
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
) -> Any:
    if not q.strip():
        raise HTTPException(400, "q: empty search")
    f = QuoteFilter(q=q.strip())
    quotes_page = queries.quote_page(store, f, limit=limit)
    articles_page = queries.article_page(store, f, limit=limit)
    return json_response(
        {
            "q": q,
            "quotes": {
                "items": [queries.public(i) for i in quotes_page.items],
                "total": quotes_page.total,
            },
            "articles": {"items": articles_page.items, "total": articles_page.total},
        }
    )


def load_document(store: Store, article_id: str) -> Document:
    """The stored document, or a 404 / 400 that says why not."""
    try:
        return store.article(article_id)
    except ArticleNotFoundError as err:
        raise HTTPException(404, str(err).strip("'\"")) from None
    except AmbiguousArticleIdError as err:
        raise HTTPException(400, str(err).strip("'\"")) from None


def _span(span: Any) -> dict[str, int] | None:
    return {"start": span.start, "end": span.end} if span is not None else None


def document_json(doc: Document, quote_ids: list[int | None]) -> dict[str, Any]:
    """An article with everything found in it; every span is offsets into ``text``."""
    a = doc.article
    return {
        "id": a.id,
        "title": a.title,
        "title_span": _span(a.title_span),
        "url": a.url,
        "source": a.source,
        "publisher": a.publisher,
        "published": a.published.isoformat() if a.published else None,
        "published_from": a.published_from,
        "authors": list(a.authors),
        "language": a.language,
        "text": a.text,
        "body": a.body_text,
        "lines": [
            {"start": ln.span.start, "end": ln.span.end, "role": str(ln.role), "reason": ln.reason}
            for ln in a.lines
        ],
        "sentences": [[s.start, s.end] for s in doc.sentences],
        "quotes": [
            {
                "id": qid,
                "start": q.span.start,
                "end": q.span.end,
                "text": q.text,
                "kind": str(q.kind),
                "cue": _span(q.cue),
                "speaker_span": _span(q.speaker_span),
                "speaker_text": q.speaker_text,
                "speaker": q.speaker,
                "speaker_actor_id": q.speaker_actor_id,
                "confidence": q.confidence,
                "evidence": q.evidence,
            }
            for q, qid in zip(doc.quotes, quote_ids, strict=True)
        ],
        "mentions": [
            {
                "start": m.span.start,
                "end": m.span.end,
                "text": m.text,
                "type": str(m.type),
                "actor_id": m.actor_id,
                "link": m.link,
                "canonical": m.canonical,
            }
            for m in doc.mentions
        ],
    }


@router.get("/articles/{article_id}", tags=["articles"], summary="One article in full")
def get_article(store: StoreDep, article_id: str) -> Any:
    """Raw and cleaned text, line roles, sentences, quotation and mention spans. The id may be
    a unique prefix."""
    doc = load_document(store, article_id)
    return json_response(document_json(doc, queries.quote_ids(store, doc)))


# ---------------------------------------------------------------------------------- ingest


class IngestIn(BaseModel):
    """An article to process and store."""

    text: str = Field(min_length=1, description="the article's plain text")
    title: str | None = None
    url: str | None = None
    published: str | None = Field(None, description="ISO date (YYYY-MM-DD)")
    publisher: str | None = None
    authors: list[str] = Field(default_factory=list)

    @field_validator("text")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("text is blank")
        return v

    @field_validator("published")
    @classmethod
    def _iso_date(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        try:
            dt.date.fromisoformat(v.strip()[:10])
        except ValueError:
            raise ValueError("published must be an ISO date, YYYY-MM-DD") from None
        return v.strip()[:10]


def _check_token(request: Request) -> None:
    expected: str | None = request.app.state.token
    if not expected:
        raise HTTPException(403, "ingest is disabled: no API token is configured on the server")
    header = request.headers.get("authorization", "")
    scheme, _, given = header.partition(" ")
    if scheme.lower() != "bearer" or not token_matches(given.strip(), expected):
        raise HTTPException(
            401, "missing or wrong bearer token", headers={"WWW-Authenticate": "Bearer"}
        )


async def _read_body(request: Request) -> bytes:
    limit: int = request.app.state.max_body
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, f"request body larger than {limit} bytes")
        chunks.append(chunk)
    return b"".join(chunks)


def _ingest(store: Store, item: IngestIn) -> dict[str, Any]:
    source = item.url or "api:" + hashlib.sha256(item.text.encode()).hexdigest()[:16]
    meta = item.model_dump(exclude={"text"}, exclude_none=True)
    try:
        doc = process(item.text, source=source, **meta)
    except ValueError as err:
        raise HTTPException(422, f"cannot process this article: {err}") from None
    counts = store.write([doc])
    status = "new" if counts.new else "updated" if counts.updated else "unchanged"
    return {
        "id": doc.article.id,
        "status": status,
        "quotes": len(doc.quotes),
        "url": f"/api/articles/{doc.article.id}",
    }


@router.post(
    "/articles",
    tags=["articles"],
    summary="Ingest one article (needs the API token)",
    status_code=201,
    openapi_extra={
        "requestBody": {
            "required": True,
            "content": {"application/json": {"schema": IngestIn.model_json_schema()}},
        }
    },
    responses={401: {"description": "no or wrong token"}, 403: {"description": "disabled"},
               413: {"description": "body too large"}},
)
async def ingest_article(request: Request) -> Response:
    """Process the text through the whole pipeline and store it. Send
    ``Authorization: Bearer <token>``; the server must be started with a token."""
    _check_token(request)
    raw = await _read_body(request)
    try:
        item = IngestIn.model_validate_json(raw)
    except ValidationError as err:
        errors = json.loads(err.json(include_url=False, include_context=False))
        return JSONResponse({"detail": errors, "status": 422}, status_code=422)
    result = await run_in_threadpool(_ingest, request.app.state.store, item)
    request.app.state.facets.clear()
    code = 201 if result["status"] != "unchanged" else 200
    return JSONResponse(result, status_code=code, headers={"location": result["url"]})


def api_router() -> APIRouter:
    """Every API route; new resource routers (events next) are included here."""
    from newsgraph.serve.actors import router as actors

    everything = APIRouter()
    everything.include_router(router)
    everything.include_router(actors)
    return everything
