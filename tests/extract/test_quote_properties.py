"""Properties of quotation marks and extraction on arbitrary (junk-filled) text."""

from __future__ import annotations

from articles import make_article
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.annotate.sentences import split_sentences
from newsgraph.extract.quotes import extract_quotes
from newsgraph.extract.quotes.marks import find_segments

_PIECES = st.sampled_from(
    [
        "“", "”", '"', "‘", "’", "'", " ", ", ", ". ", ": ", "\n", "\n\n", "he said", "said",
        " Peter Hall", " the ministry", "told", "according to", "We will", "’s", "called",
        " a “term”", "added", "Mr.", "It", "says", "that", "—", "(", ")", "x", "ABC",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


@settings(max_examples=150, deadline=None)
@given(_TEXT)
def test_segments_are_ordered_disjoint_and_inside_the_line(text: str) -> None:
    segs = find_segments(text, 0, len(text))
    last = 0
    for s in segs:
        assert last <= s.mark_start <= s.start <= s.end <= s.mark_end <= len(text)
        assert any(c.isalnum() for c in text[s.start : s.end])
        last = s.mark_end


def test_apostrophes_inside_words_are_never_marks() -> None:
    text = "Russia’s army and the militaries’ plans don’t change, O'Brien's team said."
    assert find_segments(text, 0, len(text)) == []


def test_single_quotes_pair_around_a_headline_phrase() -> None:
    text = "Putin Sets ‘New Territories’ as Condition, Officials' Plans Say"
    segs = find_segments(text, 0, len(text))
    assert [text[s.start : s.end] for s in segs] == ["New Territories"]


def test_unclosed_quotation_runs_to_end_of_line() -> None:
    text = "“We lost four games in a row."
    (seg,) = find_segments(text, 0, len(text))
    assert not seg.closed
    assert text[seg.start : seg.end] == "We lost four games in a row."


@settings(max_examples=80, deadline=None)
@given(st.lists(_TEXT, min_size=1, max_size=6))
def test_extraction_never_fails_and_spans_point_into_the_text(paragraphs: list[str]) -> None:
    markup = "# " + "\n".join(p.replace("\n", " ") or "x" for p in paragraphs)
    article = make_article(markup)
    quotes = extract_quotes(article, split_sentences(article), ())
    assert [q.span for q in quotes] == sorted(q.span for q in quotes)
    for q in quotes:
        assert q.span.of(article.text) == q.text
        assert 0.0 <= q.confidence <= 1.0
        if q.cue is not None:
            assert q.cue.end <= len(article.text)
        if q.kind.value == "scare":
            assert q.speaker is None
