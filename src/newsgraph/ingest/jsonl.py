"""JSON Lines (and JSON) articles → Records: one object a line, common field names mapped."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

from newsgraph.model import Record

TEXT_KEYS = ("text", "body", "content")
TITLE_KEYS = ("title", "headline")
URL_KEYS = ("url", "link")
PUBLISHED_KEYS = ("published", "date", "published_at", "pubdate")
PUBLISHER_KEYS = ("publisher", "source", "site")
AUTHOR_KEYS = ("authors", "author")
_KNOWN = frozenset(
    TEXT_KEYS + TITLE_KEYS + URL_KEYS + PUBLISHED_KEYS + PUBLISHER_KEYS + AUTHOR_KEYS
)


def _name(value: Any) -> str | None:
    """A string field, or the ``name`` of an object (publisher/author objects in some feeds)."""
    if isinstance(value, dict):
        value = value.get("name")
    if value is None or isinstance(value, (list, dict)):
        return None
    text = str(value).strip()
    return text or None


def _first(obj: dict[str, Any], keys: tuple[str, ...]) -> str | None:
    for key in keys:
        got = _name(obj.get(key))
        if got:
            return got
    return None


def _authors(obj: dict[str, Any]) -> tuple[str, ...]:
    for key in AUTHOR_KEYS:
        value = obj.get(key)
        if isinstance(value, list):
            names = tuple(n for n in (_name(v) for v in value) if n)
        else:
            single = _name(value)
            names = (single,) if single else ()
        if names:
            return names
    return ()


def record_from_object(obj: Any, source: str) -> Record:
    """Map one decoded JSON value to a Record (an error Record when it is not a usable article)."""
    if not isinstance(obj, dict):
        return Record(source, None, error=f"not a JSON object ({type(obj).__name__})")
    text = None
    for key in TEXT_KEYS:
        value = obj.get(key)
        if isinstance(value, str) and value.strip():
            text = value
            break
    if text is None:
        return Record(source, None, error="no text: none of the fields text/body/content is set")
    metadata = {k: v for k, v in obj.items() if k not in _KNOWN}
    return Record(
        source=source,
        text=text,
        title=_first(obj, TITLE_KEYS),
        url=_first(obj, URL_KEYS),
        published=_first(obj, PUBLISHED_KEYS),
        publisher=_first(obj, PUBLISHER_KEYS),
        authors=_authors(obj),
        metadata=metadata,
    )


def records_from_lines(lines: Iterable[bytes], source: str, *, max_bytes: int) -> Iterator[Record]:
    """One Record per non-blank line; ``source`` becomes ``source:LINENO`` (1-based)."""
    for lineno, raw in enumerate(lines, 1):
        where = f"{source}:{lineno}"
        if len(raw) > max_bytes:
            yield Record(where, None, error=f"line too large ({len(raw)} bytes > {max_bytes})")
            continue
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw.decode("utf-8-sig" if lineno == 1 else "utf-8"))
        except UnicodeDecodeError as exc:
            yield Record(where, None, error=f"undecodable JSON line (not UTF-8): {exc.reason}")
            continue
        except json.JSONDecodeError as exc:
            yield Record(where, None, error=f"malformed JSON line: {exc.msg} at column {exc.colno}")
            continue
        except RecursionError:
            yield Record(where, None, error="malformed JSON line: nested too deeply")
            continue
        yield record_from_object(obj, where)


def records_from_json(data: bytes, source: str) -> Iterator[Record]:
    """A whole ``.json`` file: one article object, or a list of them (``source:INDEX``)."""
    try:
        obj = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        yield Record(source, None, error=f"malformed JSON file: {exc}")
        return
    if isinstance(obj, list):
        if not obj:
            yield Record(source, None, error="empty JSON list")
        for i, item in enumerate(obj, 1):
            yield record_from_object(item, f"{source}:{i}")
    else:
        yield record_from_object(obj, source)
