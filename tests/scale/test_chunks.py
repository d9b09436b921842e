"""chunked(): every item once, in order, in lists of the asked size, reading no further ahead."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.scale.chunks import chunked


@settings(max_examples=60, deadline=None)
@given(st.lists(st.integers(), max_size=60), st.integers(min_value=1, max_value=9))
def test_chunks_partition_the_stream(items: list[int], size: int) -> None:
    chunks = list(chunked(items, size))
    assert [x for c in chunks for x in c] == items
    assert all(len(c) == size for c in chunks[:-1])
    assert all(0 < len(c) <= size for c in chunks)


def test_reads_only_what_the_next_chunk_needs() -> None:
    pulled: list[int] = []

    def source() -> Iterator[int]:
        for i in range(100):
            pulled.append(i)
            yield i

    it = chunked(source(), 4)
    assert next(it) == [0, 1, 2, 3]
    assert len(pulled) == 4


def test_size_must_be_positive() -> None:
    with pytest.raises(ValueError, match="positive"):
        list(chunked([1], 0))
