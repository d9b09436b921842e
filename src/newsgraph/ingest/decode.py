"""Bytes → text, or a clear reason why not. Only decoding: newlines and everything else are kept
exactly as they are, because every offset downstream points into this text."""

from __future__ import annotations

import codecs

_SAMPLE = 8192
_CONTROL_OK = frozenset("\t\n\r\f\v\x1b")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or mostly control characters in the first few KB mean this is not text."""
    head = data[:_SAMPLE]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = sum(1 for b in head if b < 32 and chr(b) not in _CONTROL_OK)
    return controls / len(head) > 0.3


def _mostly_control(text: str) -> bool:
    head = text[:_SAMPLE]
    if not head:
        return False
    bad = sum(1 for c in head if (ord(c) < 32 and c not in _CONTROL_OK) or 0x7F <= ord(c) < 0xA0)
    return bad / len(head) > 0.3


def decode_bytes(data: bytes) -> tuple[str | None, str | None]:
    """Return ``(text, None)`` or ``(None, reason)``.

    UTF-8 (with or without BOM) first since nearly all scraped text is UTF-8; UTF-16 only with a
    BOM; charset_normalizer as a last resort for legacy encodings (cp1252, latin-1 ...).
    """
    if not data:
        return None, "empty file"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None, "undecodable: bad UTF-16"
        return _check_text(text)
    if looks_binary(data):
        return None, "binary content (NUL bytes or control characters), not text"
    try:
        return _check_text(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        pass
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # pragma: no cover - dependency is declared
        return None, "undecodable: not UTF-8 and charset_normalizer is not installed"
    best = from_bytes(data).best()
    if best is None:
        return None, "undecodable: not UTF-8 and no other encoding fits"
    return _check_text(str(best))


def _check_text(text: str) -> tuple[str | None, str | None]:
    if not text.strip():
        return None, "empty text (only whitespace)"
    if _mostly_control(text):
        return None, "binary content (mostly control characters), not text"
    return text, None
