"""The quote stage's fast paths give the answers of their plain definitions (properties)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.quotes.attribution import _sentence_tokens_apart, sentence_tokens
from newsgraph.extract.quotes.lexicon import _REPORTING_WORDS, CUE_FORMS, has_cue_word
from newsgraph.extract.quotes.marks import Segment, find_segments
from newsgraph.extract.quotes.people import (
    _HONORIFIC_NAME,
    _MULTI_CAP_RUN,
    LastNameHits,
    build_people,
    matches_by_line,
)
from newsgraph.extract.quotes.phrases import (
    _TOKEN,
    END,
    LOW,
    START,
    TEXT,
    Tok,
    cue_candidates,
    tokenize,
)

_PIECES = st.sampled_from(
    [
        " ", "  ", "\n", "\t", "\u00a0", "\u2003", ".", ",", "’", "'", "-", "“", "”", "Mr.", "Dr",
        "Mr", "officials’", "don’t", "U.S.", "said", "Said", "saids", "resaid", "told", "warns",
        "added", "says", "x", "3", "_", "Peter", "Hall", "hall", "İstanbul", "ΣΟΦΙΑ", "Σ", "é",
    ]
)  # fmt: skip
_TEXT = st.lists(_PIECES, max_size=40).map("".join)


def _match_tokens(text: str, start: int, end: int) -> list[Tok]:
    """Tokens by match objects: the definition ``tokenize`` must equal."""
    return [
        (m.group(), m.start(), m.end(), m.group().lower())
        for m in _TOKEN.finditer(text, start, end)
    ]


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(0, 200), st.integers(0, 200))
def test_tokens_are_the_token_pattern_matches(text: str, a: int, b: int) -> None:
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    toks = tokenize(text, a, b)
    assert toks == _match_tokens(text, a, b)
    assert all(text[t[START] : t[END]] == t[TEXT] for t in toks)


@settings(max_examples=100, deadline=None)
@given(_TEXT, st.integers(0, 30))
def test_cue_candidates_are_the_speech_verb_spellings(text: str, start: int) -> None:
    toks = tokenize(text, 0, len(text))
    expected = [k for k, t in enumerate(toks) if k >= start and t[LOW] in CUE_FORMS]
    assert cue_candidates(toks, start) == expected


@settings(max_examples=200, deadline=None)
@given(_TEXT)
def test_reporting_word_check_is_a_lookup_of_whole_lower_case_words(text: str) -> None:
    words = re.findall(r"(?<![\w’'])[a-z]{3,}", text)
    assert has_cue_word(text, 0, len(text)) == any(w in _REPORTING_WORDS for w in words)


def test_reporting_words_in_news_sentences() -> None:
    assert has_cue_word("The ministry said on Monday it would act.", 0, 41)
    assert has_cue_word("Officials warned that prices would rise.", 0, 40)
    assert not has_cue_word("The sayings of the Said family were resaid.", 0, 43)
    assert not has_cue_word("He had a say in the talks.", 0, 26)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.lists(st.sampled_from(["hall", "peter", "σοφια", "i̇stanbul", "x"]), max_size=3))
def test_last_name_index_answers_like_lower_casing_each_slice(text: str, lasts: list[str]) -> None:
    hits = LastNameHits(text, tuple(lasts))
    n = len(text)
    for a in range(0, n + 1, 3):
        for end in (n, (a + n) // 2, min(n, a + 5)):
            low = text[a:end].lower()
            assert hits.within(a, end) == any(last in low for last in lasts)


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.lists(st.tuples(st.integers(0, 60), st.integers(1, 20)), max_size=4))
def test_sentence_tokens_in_one_go_equal_chunk_by_chunk(text: str, marks: list) -> None:
    """Any quotation marks, even out of order or overlapping, and the line's real quotations."""
    n = len(text)
    segs = [Segment(a, a, a, min(n, a + w), True, False) for a, w in marks if a + 1 <= n]
    for found in (segs, find_segments(text, 0, n)):
        end = max([n, *(g.mark_end for g in found)])
        assert sentence_tokens(text, 0, end, found) == _sentence_tokens_apart(text, 0, end, found)


def test_sentence_tokens_of_a_quoted_sentence() -> None:
    text = "“We will not back down,” Mr. Smith said, calling it “a ‘red line’.”"
    toks, where = sentence_tokens(text, 0, len(text), find_segments(text, 0, len(text)))
    assert [t[TEXT] for t in toks] == ["“”", "Mr.", "Smith", "said", ",", "calling", "it", "“”"]
    assert where == [0, 7]
    assert all(text[t[START] : t[END]] == t[TEXT] for t in toks if t[TEXT] != "“”")


_NAME_PIECES = st.sampled_from(
    [" ", " ", " ", "\n", ".", ",", "-", "’", "Mr", "Mr.", "Ms", "Lady", "van", "of", "Anna",
     "Jean", "Smith", "O’Neil", "US", "the", "said", "x"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=40).map("".join), st.lists(st.floats(0, 1), max_size=8))
def test_matches_by_line_equal_line_by_line_scans(text: str, cuts: list[float]) -> None:
    """Lines anywhere (touching, cutting words, out of order): one scan's answer is None or the
    line-by-line answer, never other matches."""
    points = sorted(int(c * len(text)) for c in cuts)
    ordered = list(zip(points[::2], points[1::2], strict=False))
    for lines in (ordered, ordered[::-1]):
        for pattern in (_MULTI_CAP_RUN, _HONORIFIC_NAME):
            got = matches_by_line(pattern, text, lines)
            if got is not None:
                want = [[m.span() for m in pattern.finditer(text, a, b)] for a, b in lines]
                assert [[m.span() for m in ms] for ms in got] == want


def test_people_of_an_article_with_names_on_many_lines() -> None:
    text = (
        "Kremlin spokesman Dmitry Peskov told reporters on Monday.\n\n"
        "Ms Anna Smith, the director of the institute, disagreed.\n\n"
        "Mr Peskov said the talks would go on."
    )
    starts = [0, text.index("Ms"), text.index("Mr")]
    lines = [(a, text.index(".", a) + 1) for a in starts]
    people = build_people(text, lines, ())
    assert set(people.full_names) == {"Dmitry Peskov", "Anna Smith"}
    assert people.gender == {"Dmitry Peskov": "m", "Anna Smith": "f"}
    assert {(r.head, r.person) for r in people.roles} == {
        ("spokesman", "Dmitry Peskov"),
        ("director", "Anna Smith"),
    }
