"""Security headers, the request body limit and the ingest token check.

Article text is untrusted web content, so pages get a strict Content-Security-Policy (no inline
script, nothing from other origins) as a second line of defence behind autoescaping. Written as
plain ASGI middleware: cheaper per request than Starlette's BaseHTTPMiddleware.
"""

from __future__ import annotations

import hmac
import json

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
    "frame-ancestors 'none'"
)
# FastAPI's /docs and /redoc pages load Swagger UI / ReDoc from a CDN with an inline bootstrap
# script; only those two developer pages get this looser policy.
DOCS_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; "
    "style-src 'self' 'unsafe-inline' https://cdn.jsdelivr.net; img-src 'self' data: "
    "https://fastapi.tiangolo.com; worker-src 'self' blob:; object-src 'none'; base-uri 'none'; "
    "frame-ancestors 'none'"
)
DOCS_PATHS = frozenset({"/docs", "/docs/oauth2-redirect", "/redoc"})

BASE_HEADERS = [
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"same-origin"),
    (b"x-frame-options", b"DENY"),
    (b"cross-origin-opener-policy", b"same-origin"),
]


class SecurityHeaders:
    """Adds CSP and friends to every response, and answers 413 to over-large request bodies.

    The body limit is checked on the declared Content-Length first and then on the bytes actually
    received, so a chunked upload cannot get past it either.
    """

    def __init__(self, app: ASGIApp, *, max_body: int = 2 * 1024 * 1024) -> None:
        self.app = app
        self.max_body = max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path: str = scope.get("path", "")
        csp = DOCS_CSP if path in DOCS_PATHS else PAGE_CSP
        headers = [(b"content-security-policy", csp.encode()), *BASE_HEADERS]

        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.max_body
                except ValueError:
                    too_big = False
                if too_big:
                    await _too_large(send, headers, self.max_body)
                    return

        started = False
        received = 0
        limit = self.max_body

        async def counting_receive() -> Message:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                present = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in headers if k not in present]
                message = {**message, "headers": [*message.get("headers", []), *extra]}
            await send(message)

        try:
            await self.app(scope, counting_receive, send_with_headers)
        except BodyTooLarge:
            if not started:
                await _too_large(send, headers, limit)


class BodyTooLarge(Exception):
    """Raised inside the receive channel when a body passes the limit."""


async def _too_large(send: Send, headers: list[tuple[bytes, bytes]], limit: int) -> None:
    body = json.dumps(
        {"detail": f"request body larger than {limit} bytes", "status": 413}
    ).encode()
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *headers,
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def token_matches(given: str | None, expected: str) -> bool:
    """Constant-time comparison of a bearer token."""
    if given is None:
        return False
    return hmac.compare_digest(given.encode(), expected.encode())
