"""Property-based checks: the extractor and the date resolver on arbitrary input."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.events import extract_events
from newsgraph.extract.events.dates import event_date, find_date
from newsgraph.extract.events.inflect import noun_forms, verb_forms
from newsgraph.model import Article, Line, LineRole, Span

WORDS = [
    "Russia", "Ukraine", "the", "police", "arrested", "protesters", "rejected", "talks", "with",
    "not", "would", "Biden", "said", "on", "Thursday", "threatened", "to", "attack", "Kyiv", ",",
    "\u201c", "\u201d", ".", "sanctions", "against", "China", "was", "by", "refused", "meet",
    "called", "for", "its", "troops", "\u00e9", "İstanbul", "'s", "and", "we", "he",
]  # fmt: skip
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article_of(text: str, published: dt.date | None) -> tuple[Article, tuple[Span, ...]]:
    span = Span(0, len(text))
    art = Article(
        id="x",
        text=text,
        source="<t>",
        published=published,
        lines=(Line(span, LineRole.BODY),),
    )
    return art, (span,)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(WORDS), min_size=1, max_size=30),
    st.one_of(st.none(), st.dates(dt.date(1990, 1, 1), dt.date(2030, 12, 31))),
)
def test_extraction_never_fails_and_spans_stay_inside(
    words: list[str], pub: dt.date | None
) -> None:
    text = " ".join(words)
    art, sents = article_of(text, pub)
    for e in extract_events(art, sents, (), ()):
        assert 0 <= e.trigger.start < e.trigger.end <= len(text)
        assert e.sentence.contains(e.trigger)
        assert e.actor_text
        if e.actor_span is not None:
            assert e.actor_span.end <= len(text)
        assert not (e.negated and (e.hypothetical or e.future))
        assert 0.0 < e.confidence <= 1.0


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.sampled_from(DAYS))
def test_weekday_resolves_to_that_weekday_within_the_past_week(pub: dt.date, day: str) -> None:
    got, expr = find_date(f"The minister spoke on {day}.", pub)
    assert got is not None and expr is not None and day in expr
    assert got.strftime("%A") == day
    assert pub - dt.timedelta(days=6) <= got <= pub


@settings(max_examples=80, deadline=None)
@given(st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)), st.integers(1, 12), st.integers(1, 28))
def test_month_day_without_year_is_never_far_after_publication(
    pub: dt.date, month: int, day: int
) -> None:
    name = dt.date(2001, month, 1).strftime("%B")
    got, _ = find_date(f"Talks were held on {name} {day}.", pub)
    assert got is not None and (got.month, got.day) == (month, day)
    assert pub - dt.timedelta(days=366) <= got <= pub + dt.timedelta(days=7)


@settings(max_examples=50, deadline=None)
@given(st.text(max_size=80))
def test_dates_on_any_text_do_not_raise(text: str) -> None:
    day, expr = event_date(text, dt.date(2023, 3, 10))
    assert day is not None and expr is not None
    none_day, _ = event_date(text, None)
    if none_day is not None:
        assert expr != "published"


def test_relative_expressions() -> None:
    pub = dt.date(2023, 3, 10)  # Friday
    assert find_date("yesterday", pub)[0] == dt.date(2023, 3, 9)
    assert find_date("last week", pub)[0] == dt.date(2023, 3, 3)
    assert find_date("in early February", pub)[0] == dt.date(2023, 2, 1)
    assert find_date("in late December", pub)[0] == dt.date(2022, 12, 25)
    assert find_date("on Sept. 30", pub)[0] == dt.date(2022, 9, 30)
    assert find_date("three days ago", pub)[0] == dt.date(2023, 3, 7)
    assert find_date("Officials may meet soon", pub) == (None, None)
    assert find_date("on 2022-11-05", None)[0] == dt.date(2022, 11, 5)


def test_inflections() -> None:
    assert {"expelled", "expels", "expelling"} <= verb_forms("expel")
    assert {"met", "meets", "meeting"} <= verb_forms("meet")
    assert {"denied", "denies", "denying"} <= verb_forms("deny")
    assert {"banned", "banning"} <= verb_forms("ban")
    assert noun_forms("ally") == frozenset({"ally", "allies"})
