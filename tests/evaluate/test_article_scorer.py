"""The article (cleaning) scorer on hand-made gold and cleaner output whose scores we know."""

from __future__ import annotations

import datetime as dt

from evaluate_builders import article
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.evaluate.articles import raw_lines, score_articles
from newsgraph.evaluate.common import fold_key, normalise
from newsgraph.model import Document, Failure, LineRole

R = LineRole
TEXT = """Monday 30th of January 2023 |
  Storm ‘Hits’ Coast

By Jane Roe
Advertisement
The storm hit the coast on Monday, officials said.
What comes next
Residents were told to stay home.
Advertisement
Read more: other story
"""
GOLD = {
    "doc": "s.txt",
    "title": "Storm 'Hits'  Coast",  # quote characters and spaces are normalised
    "authors": ["Jane Roe"],
    "publisher": None,
    "published": None,
    "not_body": ["Monday 30th of January 2023 |", "By Jane Roe", "Advertisement", "Read more:"],
    "headings": ["What comes next"],
}


def cleaned(**meta: object) -> dict:
    roles = {
        "Monday 30th of January 2023 |": R.BOILERPLATE,
        "Storm ‘Hits’ Coast": R.TITLE,
        "By Jane Roe": R.BYLINE,
        "What comes next": R.HEADING,
        "Residents were told to stay home.": R.BOILERPLATE,  # wrongly dropped
        "Read more: other story": R.BOILERPLATE,
    }
    fields = {"title": "Storm ‘Hits’ Coast", "authors": ("Jane Roe",), **meta}
    return {"s.txt": Document(article=article(TEXT, roles, **fields))}


def test_line_precision_recall_and_headings() -> None:
    s = score_articles([GOLD], cleaned())
    # gold junk lines: date, byline, both "Advertisement" lines, "Read more: ..." (substring)
    assert (s.not_body_recall.num, s.not_body_recall.den) == (3, 5)
    # cleaner's non-body: date, byline, residents (wrong), read more; the title is not scored
    assert (s.not_body_precision.num, s.not_body_precision.den) == (3, 4)
    assert s.neutral_lines == 1
    assert s.headings_recall.value == 1.0 and s.headings_precision.value == 1.0
    assert [w["line"] for w in s.wrong_not_body] == ["Residents were told to stay home."]
    assert {m["line"] for m in s.missed_not_body} == {"Advertisement"}


def test_metadata_exact_match_after_normalisation() -> None:
    s = score_articles([GOLD], cleaned(publisher="Daily Planet", published=dt.date(2023, 1, 30)))
    assert s.fields["title"].value == 1.0
    assert s.fields["authors"].value == 1.0
    assert s.fields["publisher"].value == 0.0  # gold says the text does not name one
    assert s.fields["published"].value == 0.0
    gold = {**GOLD, "publisher": "Daily Planet", "published": "2023-01-30"}
    s = score_articles([gold], cleaned(publisher="Daily Planet", published=dt.date(2023, 1, 30)))
    assert s.fields["publisher"].value == 1.0 and s.fields["published"].value == 1.0
    s = score_articles([gold], cleaned(published=dt.datetime(2023, 1, 30, 14, 5)))
    assert s.fields["published"].value == 1.0  # the date is compared, not the time
    s = score_articles([GOLD], cleaned(authors=("Jane Roe", "John Doe")))
    assert s.fields["authors"].value == 0.0
    assert s.field_errors[0]["field"] == "authors"


def test_heading_kept_as_plain_body_is_missed() -> None:
    docs = cleaned()
    art = docs["s.txt"].article
    lines = tuple(type(ln)(ln.span, R.BODY) if ln.role == R.HEADING else ln for ln in art.lines)
    docs["s.txt"] = Document(article=type(art)(**{**_fields(art), "lines": lines}))
    s = score_articles([GOLD], docs)
    assert s.headings_recall.value == 0.0
    assert s.missed_headings[0]["roles"] == ["body"]


def _fields(art: object) -> dict:
    return {name: getattr(art, name) for name in art.__dataclass_fields__}  # type: ignore[attr-defined]


def test_a_line_no_predicted_line_covers_counts_as_non_body() -> None:
    art = article("Title\nBody text here.\nJunk")
    art = type(art)(**{**_fields(art), "lines": art.lines[:2]})
    flags = [ln.non_body for ln in raw_lines(art)]
    assert flags == [False, False, True]


def test_failed_document_scores_zero() -> None:
    s = score_articles([GOLD], {"s.txt": Failure("s.txt", "empty")})
    assert s.failures == {"s.txt": "empty"}
    assert s.fields["title"].value == 0.0
    assert s.not_body_recall.value == 0.0


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=40))
def test_normalisation_is_idempotent(text: str) -> None:
    once = normalise(text)
    assert normalise(once) == once
    assert fold_key(fold_key(text)) == fold_key(text)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.text(alphabet="ab \t‘’“”", max_size=8), max_size=8))
def test_raw_lines_are_the_stripped_nonblank_lines(parts: list[str]) -> None:
    text = "\n".join(parts)
    got = raw_lines(article(text))
    assert [ln.text for ln in got] == [p.strip() for p in parts if p.strip()]
    assert all(ln.span.of(text) == ln.text for ln in got)
