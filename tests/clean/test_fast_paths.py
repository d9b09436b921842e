"""The cleaner's speed shortcuts agree with the plain rules they stand in for (property tests),
and an article using the constructions they cover still cleans as it should."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean import _set_keys, clean_record
from newsgraph.clean.dates import any_date_line, date_line, prefixed_date_line
from newsgraph.clean.junk import (
    _START,
    _START_REASONS,
    NAV_WORDS,
    _is_navigation,
    junk_reason,
    start_reason,
    words,
)
from newsgraph.clean.publisher import _READ_IN, read_in_report
from newsgraph.clean.roles import read_lines, same_title
from newsgraph.clean.textnorm import (
    compare_key,
    normalise,
    split_lines,
    straighten,
    word_count,
    wordset,
)
from newsgraph.model import Article, LineRole, Record

SPACES = [" ", " ", "  ", "\t", "\r", "\x0b", "\x0c", "\x1c", "\x85", "\xa0", "\u2009", "\u3000"]
TEXT = st.lists(
    st.sampled_from([*SPACES, "\n", "\u2028", "Budget", "vote", "é", "’", "“", "—", "…", "."]),
    max_size=25,
).map("".join)
# Words of junk lines and of ordinary lines, the letters whose case folding is special
# (İ ı K ſ), weather readings with upper- and lower-case units, menu separators.
JUNKY = st.sampled_from(
    sorted(
        wordset("""
    Advertisement ADVERTISEMENT advertısement İmage: IMAGE: Photo: photo ſponsored ſhare Share
    this on via Related: Watch: Home | › World Politics 12°C 12 c -3 F 21 f °C Cloudy Sunny /
    Updated updated: 3 hours ago 5 min read Copyright © (c) 2023 Follow us Sign up Subscribe
    Tags: comments (12) www.example.com https://x.co/a Latest News Most Read Kelvin
    The minister said on Tuesday talks would continue . , ? ! “ ” Loading Jane Doe [ad_1]
    - — • Read more: see also Story continues below sponsored content paid post ads by
    opens in new tab main image: file photo Credit: courtesy Check out our click to share
    Don't miss: Editor's picks: More from Reuters: you may also like Trending now 12 min read
    an hour ago 5 comments (3) Join us register now Download the app www.x.org/a
    Filed under: Disclaimer: Listen now Watch now :  | »""")
    )
)
LINE = st.lists(JUNKY, min_size=1, max_size=8).map(" ".join)


def _split_and_strip(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for chunk in text.split("\n"):
        stripped = chunk.strip()
        if stripped:
            start = pos + len(chunk) - len(chunk.lstrip())
            spans.append((start, start + len(stripped)))
        pos += len(chunk) + 1
    return spans


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_lines_found_by_regex_are_split_and_strip(text: str) -> None:
    assert split_lines(text) == _split_and_strip(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_single_spaced_shortcut_gives_the_normal_form(text: str) -> None:
    assert normalise(text) == " ".join(straighten(text).lower().split())


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_word_count_of_a_line_is_its_number_of_words(text: str) -> None:
    for start, end in split_lines(text):
        assert word_count(text[start:end]) == len(text[start:end].split())


@settings(max_examples=300, deadline=None)
@given(LINE)
def test_start_rules_on_the_lower_cased_line_agree_with_case_blind_rules(line: str) -> None:
    m = _START.match(line)
    expected = _START_REASONS[m.lastgroup or ""] if m else None
    assert start_reason(line, line.lower()) == expected


@settings(max_examples=300, deadline=None)
@given(LINE)
def test_navigation_test_agrees_with_checking_every_word(line: str) -> None:
    toks = words(line)
    expected = (
        0 < len(toks) <= 6
        and len(line) <= 160
        and all(t.lower().replace("’", "'") in NAV_WORDS for t in toks)
        and line.rstrip()[-1:] not in '.!?"”'
    )
    assert _is_navigation(line) == expected


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(["Jan 3, 2023", "Published:", "Updated", "10:30", "GMT", "|"])))
def test_date_line_shortcut(parts: list[str]) -> None:
    line = " ".join(parts)
    assert any_date_line(line) == (date_line(line) or prefixed_date_line(line))


READ_IN_PARTS = ["Read", "read", "Already", "bread", "ead", " in ", " on ", " more", " the ",
                 "Daily ", "Ledger", "’s ", "'s ", "report", "story", ".", " ", "\n"]  # fmt: skip
READ_IN_TEXT = st.lists(st.sampled_from(READ_IN_PARTS), max_size=16).map("".join)


@settings(max_examples=300, deadline=None)
@given(READ_IN_TEXT)
def test_read_in_report_finds_what_the_whole_pattern_finds(text: str) -> None:
    m = _READ_IN.search(text)
    assert read_in_report(text) == (m.group("name") if m else None)


TITLE_WORDS = st.lists(
    st.sampled_from(["The", "Harbour", "strike", "ends", "after", "3", "weeks", "Council", "vote"]),
    min_size=2,
    max_size=8,
).map(" ".join)
TITLE_VARIANTS = st.sampled_from(
    [str, str.upper, str.lower, lambda t: f"“{t}”", lambda t: f"{t} | Daily Ledger",
     lambda t: t.rsplit(" ", 1)[0], lambda t: f"Live: {t}", lambda t: t.replace(" ", "-")]
)  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(TITLE_WORDS, TITLE_VARIANTS, TITLE_WORDS)
def test_title_keys_kept_for_every_line_that_can_repeat_the_title(
    title: str, variant: object, other: str
) -> None:
    title_key = compare_key(title)
    for text in (variant(title), other):  # type: ignore[operator]
        [ln] = read_lines(text, frozenset())
        _set_keys([ln], title_key)
        window = 0.8 * len(title_key) <= len(text) <= 1.3 * len(title_key) + 40
        expected = window and same_title(compare_key(text), title_key)
        assert same_title(ln.key, title_key) == expected


PARA1 = "The harbour strike ended on Friday after workers accepted a new pay offer from the port."
PARA2 = "Union leaders said the deal would raise wages by four percent over the next two years."


def test_article_with_case_variants_of_junk_and_a_syndication_note() -> None:
    text = (
        "Harbour strike ends after three weeks\n12°C | Cloudy\nBy Jane Doe\n\n"
        f"{PARA1}\n\nİMAGE: Dock workers return to the cranes\n\n{PARA2}\n\n"
        "ADVERTISEMENT\n\nThis story was ORIGINALLY PUBLISHED ON www.harbour-news.co.uk.\n"
    )
    art = clean_record(Record("t", text))
    assert isinstance(art, Article)
    roles = {ln.span.of(text): (ln.role, ln.reason) for ln in art.lines}
    assert roles["12°C | Cloudy"] == (LineRole.BOILERPLATE, "weather widget")
    assert roles["İMAGE: Dock workers return to the cranes"] == (
        LineRole.BOILERPLATE,
        "image credit",
    )
    assert roles["ADVERTISEMENT"] == (LineRole.BOILERPLATE, "ad marker")
    assert roles[PARA2] == (LineRole.BODY, "body paragraph")
    assert art.authors == ("Jane Doe",)
    assert art.publisher == "Harbour News"  # from the upper-case syndication note


def test_lower_case_unit_is_not_a_weather_widget() -> None:
    assert junk_reason("12 C") == "weather widget"
    assert junk_reason("12 c") is None  # "c" is not a unit written this way
