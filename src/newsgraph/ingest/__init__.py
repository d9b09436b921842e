"""Ingest: turn files, folders, globs and stdin into Records.

Contract: ``iter_records(inputs, max_bytes=...)`` yields one Record per article; a source that
cannot be read yields a Record with ``text=None`` and ``error`` set, so a batch never stops on bad
input. Text is only decoded, never normalised: offsets downstream point into it.
HTML and WARC are read by ``ingest.html`` / ``ingest.warc`` (imported lazily, optional).
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable, Iterator
from typing import BinaryIO

from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.jsonl import records_from_json, records_from_lines
from newsgraph.ingest.paths import STDIN, expand
from newsgraph.model import Record

__all__ = ["DEFAULT_MAX_BYTES", "iter_records", "read_stream"]

DEFAULT_MAX_BYTES = 10_000_000
JSONL_EXTS = (".jsonl", ".ndjson")
HTML_EXTS = (".html", ".htm")
WARC_EXTS = (".warc", ".warc.gz")


def iter_records(
    inputs: Iterable[str | os.PathLike[str]] | str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """Yield Records for every article in ``inputs`` (paths, folders, globs, "-" for stdin)."""
    if isinstance(inputs, (str, os.PathLike)):
        inputs = [inputs]  # one path given on its own, not a list of one-letter paths
    for path, problem in expand(os.fspath(i) for i in inputs):
        if problem is not None:
            yield Record(path, None, error=f"{problem}: {path}")
        elif path == STDIN:
            yield from _guarded(_read_stdin(max_bytes), "<stdin>")
        else:
            yield from _guarded(_read_path(path, max_bytes), path)


def _read_stdin(max_bytes: int) -> Iterator[Record]:
    stream = getattr(sys.stdin, "buffer", None)
    if stream is None:  # a text-only stdin (replaced by a test harness or an embedding app)
        stream = io.BytesIO(sys.stdin.read().encode("utf-8"))
    yield from read_stream(stream, "<stdin>", max_bytes=max_bytes)


def _guarded(records: Iterator[Record], source: str) -> Iterator[Record]:
    """Turn any unexpected exception of a reader into an error Record: a batch never stops."""
    try:
        yield from records
    except Exception as exc:  # the contract: never raise out of iter_records
        yield Record(source, None, error=f"cannot read: {type(exc).__name__}: {exc}")


def _read_path(path: str, max_bytes: int) -> Iterator[Record]:
    lower = path.lower()
    if lower.endswith(WARC_EXTS):
        yield from _read_warc(path)
        return
    if lower.endswith(JSONL_EXTS):
        try:
            with open(path, "rb") as fh:
                yield from records_from_lines(fh, path, max_bytes=max_bytes)
        except OSError as exc:
            yield Record(path, None, error=f"unreadable: {exc.strerror or exc}")
        return
    data, error = _read_bytes(path, max_bytes)
    if data is None:
        yield Record(path, None, error=error)
    elif lower.endswith(HTML_EXTS):
        yield _read_html(data, path)
    elif lower.endswith(".json"):
        yield from records_from_json(data, path)
    else:
        yield _text_record(data, path)


def _read_bytes(path: str, max_bytes: int) -> tuple[bytes | None, str | None]:
    try:
        with open(path, "rb") as fh:
            data = fh.read(max_bytes + 1)
    except OSError as exc:
        return None, f"unreadable: {exc.strerror or exc}"
    if len(data) > max_bytes:
        return None, f"too large (more than {max_bytes} bytes)"
    return data, None


def _text_record(data: bytes, source: str) -> Record:
    text, error = decode_bytes(data)
    return Record(source, text, error=error)


def _read_html(data: bytes, source: str) -> Record:
    try:
        from newsgraph.ingest.html import record_from_html
    except ImportError:
        return Record(source, None, error="HTML support not installed")
    return record_from_html(data, source)


def _read_warc(path: str) -> Iterator[Record]:
    try:
        from newsgraph.ingest.warc import iter_warc
    except ImportError:
        yield Record(path, None, error="WARC support not installed")
        return
    yield from iter_warc(path)


def read_stream(
    stream: BinaryIO, source: str, *, max_bytes: int = DEFAULT_MAX_BYTES
) -> Iterator[Record]:
    """Stdin (or any byte stream): JSONL when the first non-blank character is '{', else one
    text article."""
    try:
        data = stream.read(max_bytes + 1)
    except OSError as exc:
        yield Record(source, None, error=f"unreadable: {exc}")
        return
    if data.lstrip(b"\xef\xbb\xbf \t\r\n")[:1] == b"{":
        if len(data) > max_bytes:
            data += stream.read()
        yield from records_from_lines(data.splitlines(), source, max_bytes=max_bytes)
        return
    if len(data) > max_bytes:
        yield Record(source, None, error=f"too large (more than {max_bytes} bytes)")
        return
    yield _text_record(data, source)
