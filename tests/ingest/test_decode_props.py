"""Property tests: decoding and JSONL parsing never raise, whatever the bytes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest.decode import decode_bytes
from newsgraph.ingest.jsonl import records_from_lines


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=400))
def test_decode_returns_text_or_reason(data: bytes) -> None:
    text, error = decode_bytes(data)
    assert (text is None) != (error is None)
    if text is not None:
        assert text.strip()


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_utf8_text_round_trips(text: str) -> None:
    got, error = decode_bytes(text.encode("utf-8"))
    if error is None:
        assert got == text.removeprefix("\ufeff")


@settings(max_examples=100, deadline=None)
@given(st.lists(st.binary(max_size=80), max_size=6))
def test_jsonl_lines_never_raise(lines: list[bytes]) -> None:
    for rec in records_from_lines(lines, "f.jsonl", max_bytes=1000):
        assert (rec.text is None) == (rec.error is not None)
        assert rec.source.startswith("f.jsonl:")
