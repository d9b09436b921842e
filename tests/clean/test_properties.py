"""Property tests: the cleaner never raises, its spans tile the non-blank lines, and the id
ignores boilerplate and whitespace."""

from __future__ import annotations

import itertools

from hypothesis import example, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_record
from newsgraph.clean.textnorm import split_lines
from newsgraph.model import Article, Failure, Record

NEWSY = st.sampled_from(
    [
        "Council passes budget",
        "By Jane Doe and John Roe",
        "Jan 13, 2023",
        "Monday 30th of January 2023 |",
        "24.3 C",
        "[ad_1]",
        "- Advertisement -",
        "Source: Example Agency",
        "Read more: Something else",
        "“We will not give up”",
        "The minister said the talks would continue next week, officials confirmed.",
        "“It is a difficult time,” she said. “But we are ready.”",
        "LONDON (Reuters) - Prices rose again in March, data showed on Friday.",
        "Latest News",
        "Anna Kowalska",
        "",
        "   ",
        "\r",
    ]
)
LINES = st.lists(st.one_of(NEWSY, st.text(max_size=60)), max_size=14)
JUNK = st.sampled_from(
    ["[ad_1]", "- Advertisement -", "Most Read Articles", "Share this article", "Source link",
     "Photo: Getty Images", "Read more: Other story",
     "Sign up for our newsletter, it is free for you"]
)  # fmt: skip
PARAS = [
    "The minister said the talks would continue next week, officials confirmed.",
    "“It is a difficult time,” she said. “But we are ready.”",
    "Prices rose again in March, the statistics office said on Friday.",
]


@settings(max_examples=200, deadline=None)
@given(LINES, st.sampled_from(["\n", "\n\n", "\r\n", "\n \n"]))
@example(["Council passes budget", "A", "By Jane Doe and John Roe", "A"], "\n")
def test_never_raises_and_spans_tile_lines(lines: list[str], sep: str) -> None:
    text = sep.join(lines)
    result = clean_record(Record("p", text))
    if isinstance(result, Failure):
        assert result.error
        return
    assert result.text == text
    spans = [ln.span for ln in result.lines]
    assert spans == sorted(spans)
    for a, b in itertools.pairwise(spans):
        assert a.end <= b.start
    for s in spans:
        part = s.of(text)
        assert 0 <= s.start < s.end <= len(text)
        assert part == part.strip() and "\n" not in part
    assert [(s.start, s.end) for s in spans] == split_lines(text)
    assert all(ln.reason for ln in result.lines)
    assert result.body_spans


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text_never_raises(text: str) -> None:
    result = clean_record(Record("p", text, title=text[:20] or None, published=text[:12]))
    assert isinstance(result, Article | Failure)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, len(PARAS)), JUNK), max_size=5),
    st.sampled_from([" ", "  ", "\t", "\u00a0"]),
    st.sampled_from(["\n", "\n\n", "\r\n\r\n"]),
)
def test_id_stable_under_junk_and_whitespace(
    inserts: list[tuple[int, str]], space: str, sep: str
) -> None:
    base = ["Council passes budget", *PARAS]
    plain = clean_record(Record("p", "\n\n".join(base)))
    noisy_lines = [p.replace(" ", space) if i else p for i, p in enumerate(base)]
    for pos, junk in sorted(inserts, reverse=True):
        noisy_lines.insert(pos + 1, junk)
    noisy = clean_record(Record("p", sep.join(f"  {x} " for x in noisy_lines)))
    assert isinstance(plain, Article) and isinstance(noisy, Article)
    assert noisy.id == plain.id
