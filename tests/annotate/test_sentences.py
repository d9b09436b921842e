"""Sentence splitting: constructions from news text, and properties on arbitrary text."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.annotate.sentences import (
    _last_mark_opens,
    _open_at,
    _quote_states,
    _word_before,
    split_line,
    split_sentences,
)
from newsgraph.model import Article, Line, LineRole, Span


def sentences(text: str) -> list[str]:
    return [s.of(text) for s in split_line(text, 0, len(text))]


def test_plain_sentences() -> None:
    text = "The talks ended on Friday. Both sides left early! Will they return? Nobody knows."
    assert sentences(text) == [
        "The talks ended on Friday.",
        "Both sides left early!",
        "Will they return?",
        "Nobody knows.",
    ]


def test_titles_and_abbreviations_do_not_split() -> None:
    text = (
        "Mr. Smith met Dr. Jones and Gen. Mark Milley on Jan. 5 in St. Louis. "
        "The meeting was arranged by Sept. 30 at the latest."
    )
    assert sentences(text) == [
        "Mr. Smith met Dr. Jones and Gen. Mark Milley on Jan. 5 in St. Louis.",
        "The meeting was arranged by Sept. 30 at the latest.",
    ]


def test_dotted_acronym_splits_only_before_a_sentence_opener() -> None:
    text = "Troops left the U.S. Embassy on Monday. Aid came from the U.S. The rest came later."
    assert sentences(text) == [
        "Troops left the U.S. Embassy on Monday.",
        "Aid came from the U.S.",
        "The rest came later.",
    ]


def test_initials_and_decimals() -> None:
    text = "J. R. Smith scored 3.5 points per game. He retired in 2019."
    assert sentences(text) == ["J. R. Smith scored 3.5 points per game.", "He retired in 2019."]


def test_ellipsis_before_lower_case_continues_and_before_capital_splits() -> None:
    text = "We waited... and waited. Then it came… Everyone cheered."
    assert sentences(text) == ["We waited... and waited.", "Then it came…", "Everyone cheered."]


def test_quote_closing_after_the_period() -> None:
    text = 'He called it “a disgrace.” The minister disagreed. She said "no." Then she left.'
    assert sentences(text) == [
        "He called it “a disgrace.”",
        "The minister disagreed.",
        'She said "no."',
        "Then she left.",
    ]


def test_no_split_inside_a_quotation_that_continues() -> None:
    text = "“We cannot talk about progress. The talks will continue,” the envoy said. It rained."
    assert sentences(text) == [
        "“We cannot talk about progress. The talks will continue,” the envoy said.",
        "It rained.",
    ]


def test_new_quotation_after_attribution_starts_a_sentence() -> None:
    text = "“Stay indoors,” the coast guard said. “The worst is yet to come.”"
    assert sentences(text) == [
        "“Stay indoors,” the coast guard said.",
        "“The worst is yet to come.”",
    ]


def test_sentences_stay_inside_content_lines() -> None:
    text = "Title here\n\nFirst line. Second\nthird line.\nAd: buy now. Cheap."
    roles = [LineRole.TITLE, LineRole.BODY, LineRole.BODY, LineRole.BOILERPLATE]
    starts = [text.index(s) for s in ("Title", "First", "third", "Ad:")]
    ends = [text.index(s) + len(s) for s in ("here", "Second", "third line.", "Cheap.")]
    lines = tuple(Line(Span(a, b), r) for a, b, r in zip(starts, ends, roles, strict=True))
    article = Article(id="x", text=text, source="t", lines=lines)
    got = [s.of(text) for s in split_sentences(article)]
    assert got == ["Title here", "First line.", "Second", "third line."]


_ALPHABET = st.sampled_from([*"ab AB.!?…“”\"'’,:;-0123\n", "Mr.", "U.S.", " The ", "..."])


@settings(max_examples=150, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join))
def test_sentences_partition_each_line(text: str) -> None:
    """Sentences are sorted, disjoint, trimmed, and cover every non-space character of a line."""
    spans = split_line(text, 0, len(text))
    covered = set()
    last_end = 0
    for s in spans:
        assert last_end <= s.start < s.end <= len(text)
        chunk = s.of(text)
        assert chunk == chunk.strip()
        covered.update(range(s.start, s.end))
        last_end = s.end
    for i, c in enumerate(text):
        if not c.isspace():
            assert i in covered


@settings(max_examples=150, deadline=None)
@given(
    st.lists(_ALPHABET, max_size=20).map("".join),
    st.lists(_ALPHABET, max_size=60).map("".join),
    st.lists(_ALPHABET, max_size=20).map("".join),
)
def test_a_line_splits_the_same_inside_a_longer_text(before: str, line: str, after: str) -> None:
    """Offsets are absolute: text around the line never changes how the line splits."""
    text = before + line + after
    alone = [(s.start, s.end) for s in split_line(line, 0, len(line))]
    inside = split_line(text, len(before), len(before) + len(line))
    assert [(s.start - len(before), s.end - len(before)) for s in inside] == alone


@settings(max_examples=200, deadline=None)
@given(st.lists(_ALPHABET, max_size=40).map("".join), st.integers(0, 40), st.integers(0, 40))
def test_word_before_is_the_longest_word_run_ending_there(text: str, lo: int, at: int) -> None:
    lo, at = min(lo, at, len(text)), min(at, len(text))
    found = re.search(r"[\w.’'-]+$", text[lo:at])
    assert _word_before(text, lo, at) == (found.group() if found else None)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.lists(_ALPHABET, max_size=25).map("".join), min_size=1, max_size=5))
def test_article_sentences_are_the_sentences_of_its_lines(lines: list[str]) -> None:
    """A sentence that is a whole line shares the line's span object; the values are those
    ``split_line`` gives for each line on its own (spans of lines may hold outer spaces)."""
    text = "\n".join(lines)
    spans, at = [], 0
    for line in lines:
        spans.append(Span(at, at + len(line)))
        at += len(line) + 1
    article = Article(
        id="x", text=text, source="t", lines=tuple(Line(s, LineRole.BODY) for s in spans)
    )
    expected = [x for s in spans for x in split_line(text, s.start, s.end)]
    assert list(split_sentences(article)) == expected


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([*"ab .“”\"'’"]), max_size=30).map("".join), st.integers(0, 5))
def test_last_quotation_mark_decides_unless_straight(text: str, start: int) -> None:
    """The shortcut agrees with reading every mark of the line from its start."""
    start = min(start, len(text))
    states = _quote_states(text, start, len(text))
    for at in range(start, len(text) + 1):
        shortcut = _last_mark_opens(text, start, at)
        assert shortcut is None or shortcut == _open_at(states, at)
        assert shortcut is not None or '"' in text[start:at]
