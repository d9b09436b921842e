"""Server-rendered HTML pages: search, speaker, article and article list.

Templates only ever receive plain strings (autoescaped by Jinja) or Markup built by
:mod:`newsgraph.serve.highlight`, which escapes every piece of article text itself.
"""

from __future__ import annotations

from typing import Annotated, Any
from urllib.parse import quote, urlencode, urlsplit

from fastapi import APIRouter, HTTPException, Query, Request
from starlette.responses import HTMLResponse

from newsgraph.model import Document, LineRole
from newsgraph.serve import queries
from newsgraph.serve.api import (
    FilterDep,
    StoreDep,
    cached_outlets,
    cached_speakers,
    load_document,
)
from newsgraph.serve.highlight import Mark, SpanIndex, Tag, highlight
from newsgraph.serve.params import QuoteFilter
from newsgraph.serve.timeline import timeline_svg, weekly

PAGE_SIZE = 25
router = APIRouter(include_in_schema=False)
OffsetParam = Annotated[int, Query(ge=0)]


def speaker_path(name: str) -> str:
    return "/speaker/" + quote(name, safe="")


def _decorate(item: dict[str, Any]) -> dict[str, Any]:
    item["speaker_path"] = speaker_path(item["speaker"]) if item.get("speaker") else None
    item["article_path"] = "/article/" + quote(item["article_id"], safe="")
    item["context_html"] = item.pop("_context_html")
    return item


def _pager(base: str, query: dict[str, str], page: queries.Page) -> dict[str, Any]:
    def url(offset: int) -> str:
        q = {**query, "offset": str(offset)} if offset else dict(query)
        return base + ("?" + urlencode(q) if q else "")

    prev = max(0, page.offset - (page.limit or PAGE_SIZE)) if page.offset else None
    return {
        "total": page.total,
        "first": page.offset + 1 if page.items else 0,
        "last": page.offset + len(page.items),
        "prev_url": url(prev) if prev is not None else None,
        "next_url": url(page.next_offset) if page.next_offset is not None else None,
    }


def _render(request: Request, name: str, context: dict[str, Any], status: int = 200) -> Any:
    return request.app.state.templates.TemplateResponse(
        request, name, context, status_code=status
    )


@router.get("/", response_class=HTMLResponse)
def index(request: Request, store: StoreDep, f: FilterDep, offset: OffsetParam = 0) -> Any:
    page = queries.quote_page(store, f, limit=PAGE_SIZE, offset=offset, html=True)
    query = f.as_query()
    speakers = [
        {**s, "name": s["speaker"], "filter_url": speaker_path(s["speaker"])}
        for s in cached_speakers(request, store, f, limit=100).items
    ]
    outlets = [
        {**o, "name": o["outlet"], "filter_url": "/?" + urlencode({**query, "outlet": o["outlet"]})}
        for o in cached_outlets(request, store, limit=100)
    ]
    return _render(
        request,
        "index.html",
        {
            "filt": f,
            "items": [_decorate(i) for i in page.items],
            "page": _pager("/", query, page),
            "speakers": speakers,
            "outlets": outlets,
            "export_csv": "/api/quotes?" + urlencode({**query, "format": "csv"}),
            "export_jsonl": "/api/quotes?" + urlencode({**query, "format": "jsonl"}),
        },
    )


@router.get("/speaker/{name:path}", response_class=HTMLResponse)
def speaker(request: Request, store: StoreDep, name: str, offset: OffsetParam = 0) -> Any:
    f = QuoteFilter(speaker=name)
    page = queries.quote_page(
        store, f, limit=PAGE_SIZE, offset=offset, exact_speaker=True, html=True
    )
    if page.total == 0:
        raise HTTPException(404, f"no quotations by {name!r}")
    days, undated = request.app.state.facets.get_or_compute(
        ("speaker_days", name), lambda: queries.speaker_days(store, name)
    )
    weeks = weekly(days)
    return _render(
        request,
        "speaker.html",
        {
            "name": name,
            "items": [_decorate(i) for i in page.items],
            "page": _pager(speaker_path(name), {}, page),
            "chart": timeline_svg(weeks),
            "undated": undated,
            "first_day": min(d for d, _ in days) if days else None,
            "last_day": max(d for d, _ in days) if days else None,
        },
    )


def safe_link(url: str | None) -> str | None:
    """The article's URL if it is a plain web address (no ``javascript:`` and the like)."""
    if not url:
        return None
    parts = urlsplit(url.strip())
    return url.strip() if parts.scheme in ("http", "https") and parts.netloc else None


def article_blocks(doc: Document) -> list[dict[str, Any]]:
    """Lines in order, each as highlighted HTML; consecutive boilerplate lines grouped so the
    page can fold them into one <details>."""
    a = doc.article
    text = a.text
    marks = [Mark(q.span.start, q.span.end, q.speaker, str(q.kind)) for q in doc.quotes]
    tags = [
        Tag(m.span.start, m.span.end, f"{m.type}: {m.canonical or m.text}") for m in doc.mentions
    ]
    lines = sorted(a.lines, key=lambda ln: ln.span.start)
    if not lines:  # nothing from the cleaner: show the whole text as one body block
        html = highlight(text, marks, tags=tags)
        return [{"role": "body", "lines": [{"role": "body", "html": html, "reason": ""}]}]
    mark_index, tag_index = SpanIndex(marks), SpanIndex(tags)
    blocks: list[dict[str, Any]] = []
    for ln in lines:
        role = str(ln.role)
        lo, hi = ln.span.start, ln.span.end
        line_marks = mark_index.overlapping(lo, hi)
        line_tags = tag_index.overlapping(lo, hi)
        html = highlight(text, line_marks, start=lo, end=hi, tags=line_tags)
        entry = {"role": role, "html": html, "reason": ln.reason}
        group = "boilerplate" if ln.role is LineRole.BOILERPLATE else "content"
        if blocks and blocks[-1]["group"] == group:
            blocks[-1]["lines"].append(entry)
        else:
            blocks.append({"group": group, "role": group, "lines": [entry]})
    return blocks


@router.get("/article/{article_id}", response_class=HTMLResponse)
def article(request: Request, store: StoreDep, article_id: str) -> Any:
    doc = load_document(store, article_id)
    ids = queries.quote_ids(store, doc)
    qs = [
        {
            "id": qid,
            "text": q.text,
            "kind": str(q.kind),
            "speaker": q.speaker,
            "speaker_path": speaker_path(q.speaker) if q.speaker else None,
        }
        for q, qid in zip(doc.quotes, ids, strict=True)
    ]
    a = doc.article
    return _render(
        request,
        "article.html",
        {
            "article": {
                "title": a.title,
                "publisher": a.publisher,
                "published": a.published.isoformat() if a.published else None,
                "authors": list(a.authors),
            },
            "safe_url": safe_link(a.url),
            "blocks": article_blocks(doc),
            "quotes": qs,
        },
    )


@router.get("/articles", response_class=HTMLResponse)
def articles(request: Request, store: StoreDep, f: FilterDep, offset: OffsetParam = 0) -> Any:
    page = queries.article_page(store, f, limit=PAGE_SIZE, offset=offset)
    for item in page.items:
        item["path"] = "/article/" + quote(item["id"], safe="")
    return _render(
        request,
        "articles.html",
        {"filt": f, "items": page.items, "page": _pager("/articles", f.as_query(), page)},
    )



@router.get("/api", response_class=HTMLResponse)
def api_reference(request: Request) -> Any:
    """The API reference from the OpenAPI schema, served without any outside script (the
    Swagger UI at /docs needs its CDN)."""
    operations = []
    for path, methods in request.app.openapi()["paths"].items():
        for method, op in methods.items():
            params = [
                {
                    "name": p["name"],
                    "where": p.get("in", ""),
                    "required": p.get("required", False),
                    "description": p.get("description") or p.get("schema", {}).get("title", ""),
                }
                for p in op.get("parameters", [])
            ]
            if "requestBody" in op:
                params.append(
                    {"name": "JSON body", "where": "body", "required": True,
                     "description": "see /openapi.json for the schema"}
                )
            operations.append(
                {
                    "method": method.upper(),
                    "path": path,
                    "summary": op.get("summary", ""),
                    "description": " ".join((op.get("description") or "").split()),
                    "params": params,
                }
            )
    return _render(request, "api.html", {"operations": operations})
