"""HTTP payload helpers shared by the live fetcher and the WARC reader: both see the same
headers and encodings, one from the network, one as archived."""

from __future__ import annotations

import zlib


def parse_content_type(value: str | None) -> tuple[str | None, str | None]:
    """``"text/html; charset=UTF-8"`` → ``("text/html", "UTF-8")``; missing parts are None."""
    if not value:
        return None, None
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        key, _, val = param.partition("=")
        if key.strip().lower() == "charset" and val.strip():
            charset = val.strip().strip("\"'")
    return media.strip().lower() or None, charset


def decompress(body: bytes, encoding: str, limit: int) -> bytes:
    """Undo a Content-Encoding (gzip, deflate, br), producing at most ``limit + 1`` bytes so a
    caller can tell an over-limit body from one exactly at the limit. Raises ValueError for an
    encoding it does not know."""
    encoding = encoding.strip().lower()
    if encoding in ("", "identity"):
        return body
    if encoding in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(body, limit + 1)
    if encoding == "deflate":
        return zlib.decompressobj().decompress(body, limit + 1)
    if encoding == "br":
        import brotli  # installed with fastwarc

        return bytes(brotli.decompress(body))[: limit + 1]
    raise ValueError(f"unsupported content-encoding {encoding!r}")
