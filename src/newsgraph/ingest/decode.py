"""Bytes → text, or a clear reason why not. Only decoding: newlines and everything else are kept
exactly as they are, because every offset downstream points into this text."""

from __future__ import annotations

import codecs
import re

_SAMPLE = 8192
_CONTROL_OK = "\t\n\r\f\v\x1b"
# Bytes that are fine in text: everything from space up, plus the usual whitespace controls.
_TEXT_BYTES = bytes(range(32, 256)) + _CONTROL_OK.encode()
_CONTROL_CHARS = re.compile(r"[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f-\x9f]")
MAX_CONTROL_SHARE = 0.3


def looks_binary(data: bytes) -> bool:
    """NUL bytes or mostly control characters in the first few KB mean this is not text."""
    head = data[:_SAMPLE]
    if b"\x00" in head:
        return True
    if not head:
        return False
    controls = len(head.translate(None, _TEXT_BYTES))  # C speed: delete text bytes, count rest
    return controls / len(head) > MAX_CONTROL_SHARE


def _mostly_control(text: str) -> bool:
    head = text[:_SAMPLE]
    if not head:
        return False
    return len(_CONTROL_CHARS.findall(head)) / len(head) > MAX_CONTROL_SHARE


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
