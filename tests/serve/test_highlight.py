"""Highlighting untrusted text: escaping is total, text is preserved, spans are honoured."""

from __future__ import annotations

import html
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.serve.highlight import Mark, Tag, highlight, sentence_bounds

TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
OUR_TAGS = {"mark", "span"}

PIECES = [*"ab <>&\"'=/\n.!?”“", "<script>", "onerror=", "<img src=x ", "&amp;"]
hostile_text = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


@st.composite
def text_and_marks(draw: st.DrawFn) -> tuple[str, list[Mark], list[Tag], int, int]:
    text = draw(hostile_text)
    n = len(text)

    def span() -> tuple[int, int]:
        a = draw(st.integers(0, n))
        b = draw(st.integers(a, n))
        return a, b

    marks = [Mark(*span(), speaker=draw(hostile_text)) for _ in range(draw(st.integers(0, 4)))]
    tags = [Tag(*span(), label=draw(hostile_text)) for _ in range(draw(st.integers(0, 3)))]
    lo, hi = span()
    return text, marks, tags, lo, hi


def visible_text(markup: str) -> str:
    """What a reader sees: tags dropped (labels removed first), entities decoded."""
    no_labels = re.sub(r'<span class="who">.*?</span>', "", markup, flags=re.S)
    return html.unescape(TAG.sub("", no_labels))


@settings(max_examples=150, deadline=None)
@given(text_and_marks())
def test_only_our_tags_and_the_text_survives(case: tuple) -> None:
    text, marks, tags, lo, hi = case
    out = str(highlight(text, marks, start=lo, end=hi, tags=tags))
    for _, name, _ in TAG.findall(out):
        assert name in OUR_TAGS
    assert "<script" not in out
    assert visible_text(out) == text[lo:hi]


@settings(max_examples=100, deadline=None)
@given(text_and_marks())
def test_marks_are_balanced_and_never_nested(case: tuple) -> None:
    text, marks, tags, lo, hi = case
    out = str(highlight(text, marks, start=lo, end=hi, tags=tags))
    depth = 0
    for closing, name, _ in TAG.findall(out):
        if name == "mark":
            depth += -1 if closing else 1
            assert depth in (0, 1)
    assert depth == 0


def test_quote_marked_with_speaker_title_and_label() -> None:
    text = 'Officials met. "We will rebuild the bridge," mayor Ana Ruiz said on Monday.'
    start = text.index("We will")
    end = text.index(',"') + 1
    out = str(highlight(text, [Mark(start, end, "Ana Ruiz")]))
    assert out == (
        "Officials met. &#34;<mark class=\"q q-direct\" title=\"Ana Ruiz (direct)\">"
        'We will rebuild the bridge,</mark><span class="who">Ana Ruiz</span>'
        "&#34; mayor Ana Ruiz said on Monday."
    )


def test_quote_over_two_lines_gets_one_label_where_it_ends() -> None:
    text = '"First part of it\nand the second part," she said.'
    mark = Mark(1, text.index(","), "Lee Chan")
    first = str(highlight(text, [mark], start=0, end=text.index("\n")))
    second = str(highlight(text, [mark], start=text.index("\n") + 1, end=len(text)))
    assert "<mark" in first and "<mark" in second
    assert 'class="who"' not in first
    assert second.count('class="who"') == 1


def test_overlapping_marks_do_not_duplicate_text() -> None:
    text = "alpha beta gamma delta"
    out = str(highlight(text, [Mark(0, 10, "A"), Mark(6, 16, "B")], labels=False))
    assert visible_text(out) == text
    assert out.count("<mark") == 2


def test_unattributed_and_scare_quotes_say_so() -> None:
    out = str(highlight('a "sham" vote', [Mark(3, 7, None, "scare")]))
    assert 'title="scare quote (scare)"' in out
    out = str(highlight('a "sham" vote', [Mark(3, 7, None, "direct")]))
    assert 'title="unattributed (direct)"' in out
    assert '<span class="who">unattributed</span>' in out


def test_sentence_bounds_in_news_text() -> None:
    text = (
        "The strike began on Tuesday. "
        '"We have waited three years," union leader Maria Santos said. '
        "Talks resume on Friday."
    )
    start = text.index("We have")
    a, b = sentence_bounds(text, start, start + len("We have waited three years,"))
    assert text[a:b] == '"We have waited three years," union leader Maria Santos said.'


def test_sentence_bounds_stop_at_line_breaks_and_window() -> None:
    text = "Headline without stop\nHe said it was “fine” and left"
    s = text.index("fine")
    a, b = sentence_bounds(text, s, s + 4)
    assert text[a:b] == "He said it was “fine” and left"
    long = "word " * 200 + "target " + "word " * 200
    t = long.index("target")
    a, b = sentence_bounds(long, t, t + 6, limit=50)
    assert a <= t and b >= t + 6 and b - a <= 120
    assert long[a] != " " and not long[a - 1].isalpha()


@settings(max_examples=150, deadline=None)
@given(hostile_text, st.data())
def test_sentence_bounds_contain_the_quote(text: str, data: st.DataObject) -> None:
    a0 = data.draw(st.integers(0, len(text)))
    b0 = data.draw(st.integers(a0, len(text)))
    a, b = sentence_bounds(text, a0, b0, limit=30)
    assert 0 <= a <= a0 <= b0 <= b <= len(text)


@settings(max_examples=100, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 200), st.integers(0, 40)), max_size=30),
    st.integers(0, 250),
    st.integers(0, 60),
)
def test_span_index_finds_exactly_the_overlapping(
    spans: list[tuple[int, int]], lo: int, width: int
) -> None:
    from newsgraph.serve.highlight import SpanIndex

    marks = [Mark(a, a + n) for a, n in spans]
    hi = lo + width
    found = SpanIndex(marks).overlapping(lo, hi)
    expected = [m for m in marks if m.start < hi and m.end > lo]
    assert sorted(found, key=lambda m: (m.start, m.end)) == sorted(
        expected, key=lambda m: (m.start, m.end)
    )
