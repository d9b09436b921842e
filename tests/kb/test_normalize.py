"""Name normalisation, partial dates and phrase expansion (property-based where it parses)."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.kb import norm
from newsgraph.kb.dates import parse_partial
from newsgraph.kb.loader import _expand_phrase

words = st.text(alphabet=st.characters(categories=("L", "N", "P", "Zs")), max_size=40)


def test_norm_examples() -> None:
    assert norm("The Kremlin’s") == "kremlin"
    assert norm("U.S.") == norm("US") == "us"
    assert norm("Kim Jong-un") == norm("Kim Jong Un")
    assert norm("Erdoğan") == "erdogan"
    assert norm("Zelenskyy's") == "zelenskyy"
    assert norm("Ukraine's foreign minister") == "ukraine foreign minister"
    assert norm("Gideon Sa'ar") == norm("Gideon Saar")
    assert norm("  Ministry   of\tDefence ") == "ministry of defence"
    assert norm("allies’ talks") == "allies talks"


@settings(max_examples=150, deadline=None)
@given(words)
def test_norm_is_idempotent_and_tidy(text: str) -> None:
    once = norm(text)
    assert norm(once) == once
    assert once == once.strip() and "  " not in once
    assert "the" not in once.split()


@settings(max_examples=150, deadline=None)
@given(words)
def test_norm_ignores_case_and_leading_the(text: str) -> None:
    assert norm(text.upper()) == norm(text.lower()) or not text.isascii()
    assert norm("the " + text) == norm(text)


@settings(max_examples=100, deadline=None)
@given(st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31)))
def test_partial_dates_contain_the_day(day: dt.date) -> None:
    for text in (day.isoformat(), day.isoformat()[:7], day.isoformat()[:4]):
        rng = parse_partial(text)
        assert rng is not None
        lo, hi = rng
        assert lo <= day <= hi
        assert lo.isoformat().startswith(text) and hi.isoformat().startswith(text)


def test_partial_date_examples() -> None:
    assert parse_partial("") is None
    assert parse_partial("2014-02") == (dt.date(2014, 2, 1), dt.date(2014, 2, 28))
    assert parse_partial("2016-02") == (dt.date(2016, 2, 1), dt.date(2016, 2, 29))
    for bad in ("2014/05", "May 2014", "14", "2014-13", "2014-02-30"):
        try:
            parse_partial(bad)
        except ValueError:
            continue
        raise AssertionError(bad)


def test_expand_phrase() -> None:
    assert _expand_phrase("(a|b) c (d|)") == ["a c d", "a c ", "b c d", "b c "]
    assert _expand_phrase("plain") == ["plain"]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.lists(st.sampled_from("xyz"), min_size=1, max_size=3), max_size=3))
def test_expand_phrase_counts(groups: list[list[str]]) -> None:
    template = " ".join("(" + "|".join(g) + ")" for g in groups)
    expected = 1
    for g in groups:
        expected *= len(g)
    assert len(_expand_phrase(template)) == expected
