"""The quote stage's fast paths give the answers of their plain definitions (properties)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.quotes.attribution import _sentence_tokens_apart, sentence_tokens
from newsgraph.extract.quotes.lexicon import (
    _REPORTING_WORD,
    _REPORTING_WORDS,
    CUE_FORMS,
    PERSON_ROLES,
    POST_NOMINALS,
    TITLE_ABBREVIATIONS,
    has_cue_word,
)
from newsgraph.extract.quotes.marks import Segment, double_marks, find_segments
from newsgraph.extract.quotes.people import (
    _APPOSITION,
    _HONORIFIC_NAME,
    _MULTI_CAP_RUN,
    FIRST_NAME_GENDER,
    FUNCTION_WORDS,
    NAME_PARTICLES,
    TITLE_WORDS,
    LastNameHits,
    _split_run,
    build_people,
    keeps_offsets,
    matches_by_line,
    name_part,
    strip_possessive,
)
from newsgraph.extract.quotes.people import (
    _PIECES as _WORD_PIECES,
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


_MARK_PIECES = st.sampled_from(
    ["“", "”", '"', "«", "»", "„", "‘", "’", "'", " ", "\n", "a", "We", "said", ",", ".", "’s"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.lists(_MARK_PIECES, max_size=40).map("".join), st.lists(st.floats(0, 1), max_size=8))
def test_segments_from_the_article_marks_equal_each_line_searched_alone(
    text: str, cuts: list[float]
) -> None:
    points = sorted(int(c * len(text)) for c in cuts)
    marks = double_marks(text)
    assert marks == [m.start() for m in re.finditer(r"[“”\"«»„]", text)]
    for a, b in zip(points[::2], points[1::2], strict=False):
        assert find_segments(text, a, b, marks) == find_segments(text, a, b)
        assert double_marks(text, a, b) == [i for i in marks if a <= i < b]


def test_segments_of_a_line_in_an_article() -> None:
    text = "Title\n“We will act,” she said. «Non» and 'maybe' too.\nA “last"
    marks = double_marks(text)
    a = text.index("“")
    b = text.index("\nA")
    segs = find_segments(text, a, b, marks)
    assert [text[s.start : s.end] for s in segs] == ["We will act,", "Non", "maybe"]
    (last,) = find_segments(text, b + 1, len(text), marks)
    assert text[last.start : last.end] == "last" and not last.closed


_APPOS_PIECES = st.sampled_from(
    [" ", "  ", "\n", ",", ", ", "the", "The", "THE", "a", "A", "an", "An", "then", "ant", "-",
     "’", "x", "director", "."]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(_APPOS_PIECES, max_size=12).map("".join), st.integers(0, 40))
def test_apposition_check_holds_whenever_the_pieces_open_an_apposition(text: str, cut: int) -> None:
    """The cheap check never says no where the pieces after a name read ", the|a|an ..."."""
    end = min(cut, len(text))
    after = _WORD_PIECES.findall(text, 0, end)
    opens = len(after) > 2 and after[0] == "," and after[1].lower() in ("the", "a", "an")
    if opens:
        assert _APPOSITION.match(text, 0, end) is not None


_OLD_HONORIFIC = re.compile(r"(Mrs?|Ms|Miss|Sir|Dame|Lord|Lady|Madam)\.? ([A-Z][\w’'\-]+)")


@settings(max_examples=200, deadline=None)
@given(st.lists(_NAME_PIECES, max_size=40).map("".join))
def test_honorific_pattern_finds_what_the_grouped_one_found(text: str) -> None:
    new = [
        (text[m.start() : m.start(1) - 1].removesuffix("."), m.group(1), m.span())
        for m in _HONORIFIC_NAME.finditer(text)
    ]
    old = [(m.group(1), m.group(2), m.span()) for m in _OLD_HONORIFIC.finditer(text)]
    assert new == old


def test_honorific_gives_the_gender_of_a_woman_named_once_in_full() -> None:
    text = "Anna Smith, the director of the institute, spoke.\n\nMrs. Smith said the plan works."
    lines = [(0, text.index("\n")), (text.index("Mrs"), len(text))]
    assert build_people(text, lines, ()).gender == {"Anna Smith": "f"}


@settings(max_examples=200, deadline=None)
@given(_TEXT, st.integers(0, 60), st.integers(0, 60))
def test_lower_casing_the_whole_text_keeps_offsets_when_it_says_so(
    text: str, a: int, b: int
) -> None:
    low = text.lower()
    if keeps_offsets(text, low):
        a, b = min(a, b, len(text)), min(max(a, b), len(text))
        assert low[a:b] == text[a:b].lower()


_RUN_WORDS = st.sampled_from(
    ["Anna", "Smith", "Smith’s", "O'Neil", "Dr.", "Mr", "The", "President", "of", "US", "UN",
     "Ahmed", "al", "Jean-Paul", "Sen.", "States", "Ministry", "Lee's", "Co."]
)  # fmt: skip


def _plain_name_part(tokens: list[str]) -> list[str]:
    """``name_part`` by its definition, word by word: post-nominal letters off the end; off the
    front, everything up to the last title, role word or lower-case word (a name particle
    excepted) before the last word; then leading all-caps and function words; a name of three
    words or more starts at its first given name; a bare "Jr" gets its dot."""
    words = list(tokens)
    while len(words) > 1 and words[-1].lower().rstrip(".") in POST_NOMINALS:
        words.pop()
    titles = TITLE_WORDS | PERSON_ROLES | set(TITLE_ABBREVIATIONS)
    cut = 0
    for k, t in enumerate(words[:-1]):
        parts = t.lower().rstrip(".").split("-")
        hyphened = len(parts) > 1 and all(
            p in titles or p in ("vice", "co", "ex", "deputy", "acting", "former") for p in parts
        )
        lower = t[0].islower() and t not in NAME_PARTICLES
        if lower or t.lower().rstrip(".") in titles or t.lower() in titles or hyphened:
            cut = k + 1
    rest = words[cut:]
    while rest and ((rest[0].isupper() and len(rest[0]) > 1) or rest[0].lower() in FUNCTION_WORDS):
        rest = rest[1:]
    if len(rest) >= 3 and rest[0] not in FIRST_NAME_GENDER:
        given = [i for i in range(1, len(rest) - 1) if rest[i] in FIRST_NAME_GENDER]
        rest = rest[given[0] :] if given else rest
    if len(rest) > 2 and rest[-1] in ("Jr", "Sr"):
        rest = [*rest[:-1], rest[-1] + "."]
    return rest


def _plain_split_run(run: str) -> list[str]:
    out: list[str] = []
    for w in run.split():
        if out and w and out[-1].endswith(("’s", "'s", "s’", "s'")):
            break
        out.append(w)
    if out:
        out[-1] = strip_possessive(out[-1])
    return out


@settings(max_examples=200, deadline=None)
@given(st.lists(_RUN_WORDS, min_size=1, max_size=6))
def test_name_part_and_run_split_equal_their_plain_definitions(words: list[str]) -> None:
    assert name_part(words) == _plain_name_part(words)
    run = " ".join(words)
    assert _split_run(run) == _plain_split_run(run)


@settings(max_examples=300, deadline=None)
@given(_TEXT, st.integers(0, 80), st.integers(0, 80))
def test_reporting_word_check_in_a_range_equals_the_look_behind_search(
    text: str, a: int, b: int
) -> None:
    """The range may start inside a word or right after one: the character before it counts."""
    a, b = min(a, b, len(text)), min(max(a, b), len(text))
    assert has_cue_word(text, a, b) == (_REPORTING_WORD.search(text, a, b) is not None)
