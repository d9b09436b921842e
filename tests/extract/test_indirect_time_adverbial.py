"""Indirect speech with a time adverbial between the verb and a that-less clause."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.pipeline import PROFILES


@pytest.mark.parametrize(
    ("sentence", "clause", "speaker"),
    [
        (
            "White House spokesman John Kirby said on Tuesday the United States welcomed the plan.",
            "the United States welcomed the plan",
            "John Kirby",
        ),
        (
            "Finance Minister Ana Lopes said yesterday her government would not resign.",
            "her government would not resign",
            "Ana Lopes",
        ),
    ],
)
def test_time_adverbial_before_the_reported_clause(
    sentence: str, clause: str, speaker: str
) -> None:
    doc = newsgraph.process("Officials respond\n\n" + sentence, stages=PROFILES["quotes"])
    indirect = [q for q in doc.quotes if q.kind == "indirect"]
    assert [(q.text, q.speaker) for q in indirect] == [(clause, speaker)]
    q = indirect[0]
    assert doc.article.text[q.span.start : q.span.end] == clause
