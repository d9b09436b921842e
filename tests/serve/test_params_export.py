"""Date parameters, CSV/JSONL export and the body-limit middleware in isolation."""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json

import pytest
from fastapi import HTTPException
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.serve.export import csv_lines, jsonl_lines
from newsgraph.serve.params import parse_day, quote_filter
from newsgraph.serve.security import SecurityHeaders


@pytest.mark.parametrize(
    ("value", "end", "expected"),
    [
        ("2024-02-10", False, dt.date(2024, 2, 10)),
        ("2024-02", False, dt.date(2024, 2, 1)),
        ("2024-02", True, dt.date(2024, 2, 29)),
        ("2023", True, dt.date(2023, 12, 31)),
        (" 2023-1-5 ", False, dt.date(2023, 1, 5)),
        ("", False, None),
        (None, True, None),
    ],
)
def test_parse_day(value: str | None, end: bool, expected: dt.date | None) -> None:
    assert parse_day(value, "since", end=end) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=12))
def test_parse_day_returns_a_date_or_raises_400(value: str) -> None:
    try:
        out = parse_day(value, "until")
    except HTTPException as err:
        assert err.status_code == 400
        assert "until" in err.detail
    else:
        assert out is None or isinstance(out, dt.date)


def test_quote_filter_blank_is_absent_and_roundtrips() -> None:
    f = quote_filter(speaker="  ", q=" port ", since="2024-01", until="2024")
    assert f.speaker is None and f.q == "port"
    assert f.as_query() == {"q": "port", "since": "2024-01-01", "until": "2024-12-31"}


ROWS = [
    {"id": 1, "text": "=HYPERLINK(\"http://x\")", "sentence": {"start": 0, "end": 5},
     "authors": ["A", "B"], "published": None},
    {"id": 2, "text": 'plain, with "quotes"\nand a newline', "sentence": {"start": 6, "end": 9},
     "authors": [], "published": "2024-01-01"},
]


def test_csv_flattens_and_defuses_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO("".join(csv_lines(ROWS)))))
    assert list(rows[0]) == ["id", "text", "sentence_start", "sentence_end", "authors",
                             "published"]
    assert rows[0]["text"].startswith("'=")
    assert rows[0]["authors"] == "A; B"
    assert rows[1]["text"] == 'plain, with "quotes"\nand a newline'
    assert rows[0]["published"] == ""


def test_jsonl_is_one_object_per_line() -> None:
    lines = "".join(jsonl_lines(ROWS)).splitlines()
    assert [json.loads(x)["id"] for x in lines] == [1, 2]


def test_empty_csv_export_is_empty() -> None:
    assert "".join(csv_lines([])) == ""


def _run(app: SecurityHeaders, chunks: list[bytes], headers: list) -> tuple[int, dict, bytes]:
    """Drive the ASGI middleware by hand: a request whose body arrives in chunks."""
    messages = [
        {"type": "http.request", "body": c, "more_body": i < len(chunks) - 1}
        for i, c in enumerate(chunks)
    ]
    sent: list[dict] = []

    async def receive() -> dict:
        return messages.pop(0)

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "path": "/api/articles", "method": "POST", "headers": headers}
    asyncio.run(app(scope, receive, send))
    start = sent[0]
    return start["status"], dict(start["headers"]), b"".join(m.get("body", b"") for m in sent[1:])


async def _echo(scope, receive, send) -> None:  # type: ignore[no-untyped-def]
    body = b""
    while True:
        message = await receive()
        body += message.get("body", b"")
        if not message.get("more_body"):
            break
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": body})


def test_middleware_limits_streamed_bodies_without_content_length() -> None:
    app = SecurityHeaders(_echo, max_body=100)
    status, headers, body = _run(app, [b"x" * 60, b"y" * 60], [])
    assert status == 413
    assert json.loads(body)["status"] == 413
    assert b"content-security-policy" in headers
    status, _, body = _run(app, [b"x" * 50, b"y" * 50], [])
    assert (status, body) == (200, b"x" * 50 + b"y" * 50)


def test_middleware_rejects_declared_large_bodies_early() -> None:
    app = SecurityHeaders(_echo, max_body=100)
    status, _, _ = _run(app, [b""], [(b"content-length", b"5000")])
    assert status == 413


def test_ttl_cache_computes_once_until_cleared() -> None:
    from newsgraph.serve.cache import TTLCache

    calls: list[int] = []
    cache = TTLCache(ttl=60)

    def compute() -> int:
        calls.append(1)
        return len(calls)

    assert cache.get_or_compute("k", compute) == 1
    assert cache.get_or_compute("k", compute) == 1
    cache.clear()
    assert cache.get_or_compute("k", compute) == 2
    expired = TTLCache(ttl=0)
    expired.get_or_compute("k", compute)
    assert expired.get_or_compute("k", compute) == 4
