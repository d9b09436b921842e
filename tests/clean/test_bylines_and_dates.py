"""Bylines with job titles, places and agencies; dates written day first or month first, decided
from the article's own cues."""

from __future__ import annotations

import datetime as dt

from clean_checks import PARA1, PARA2, clean
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.byline import parse_byline
from newsgraph.clean.dates import date_line, day_first_text, has_ambiguous_date
from newsgraph.model import LineRole

BODY = f"{PARA1}\n\n{PARA2}\n"


def test_job_titles_places_and_agencies_in_bylines() -> None:
    cases = {
        "By Tom Haddon, Chief Football Writer": (("Tom Haddon",), None),
        "By Helen Marsh | Political Correspondent": (("Helen Marsh",), None),
        "By Jane Doe and John Roe, Political Correspondents": (("Jane Doe", "John Roe"), None),
        "By Jane Doe, Senior Reporter, and John Roe": (("Jane Doe", "John Roe"), None),
        "By Chinedu Okafor, Abuja": (("Chinedu Okafor",), None),
        "Written by Ananya Rao | New Delhi |": (("Ananya Rao",), None),
        "By AFP": ((), "AFP"),
        "By Jane Doe, Reuters": (("Jane Doe",), "Reuters"),
    }
    for line, (authors, outlet) in cases.items():
        byline = parse_byline(line)
        assert byline is not None, line
        assert (byline.authors, byline.affiliation) == (authors, outlet), line


def test_menu_shaped_byline_is_a_byline() -> None:
    art = clean(f"Council passes budget after vote\nWritten by Ananya Rao | New Delhi |\n{BODY}")
    assert art.authors == ("Ananya Rao",)
    assert art.lines[1].role == LineRole.BYLINE


def test_uk_outlet_reads_numeric_dates_day_first() -> None:
    text = (
        "Rovers go top after late double\n\nBy Tom Haddon, Chief Football Writer\n"
        "Published: 11/03/2024 18:42 | Updated: 11/03/2024 21:05\n\n"
        f"{BODY}\nTheir next match is away at Millbrook on 16 March.\n"
    )
    art = clean(text)
    assert art.published == dt.date(2024, 3, 11)
    assert art.authors == ("Tom Haddon",)


def test_us_outlet_reads_numeric_dates_month_first() -> None:
    text = (
        "Council passes budget after vote\n\nPublished: 11/03/2024 6:42 PM EST\n\n"
        f"{BODY}\nThe next meeting is on November 12.\n"
    )
    assert clean(text).published == dt.date(2024, 11, 3)


def test_dotted_and_zoned_dates_are_day_first() -> None:
    art = clean(f"Boats collide near disputed shoal\nBy AFP\nPublished 05.10.2022, 4:15 pm\n{BODY}")
    assert art.published == dt.date(2022, 10, 5)
    text = f"Vaccine reaches more counties\nPublished: 11/02/2024 | 09:30 EAT\n{BODY}"
    assert clean(text).published == dt.date(2024, 2, 11)
    text = f"Bill passes upper house\nUpdated: 09-08-2023 22:14 IST\n{BODY}"
    assert clean(text).published == dt.date(2023, 8, 9)


def test_date_line_with_update_after_it_is_the_publication_day() -> None:
    for line in (
        "Feb 13, 2024 Updated Feb 14, 2024",
        "March 4, 2024 5:12 PM UTC Updated 2 hours ago",
    ):
        art = clean(f"Council passes budget after vote\nBy Jane Doe\n{line}\n{BODY}")
        assert art.published in (dt.date(2024, 2, 13), dt.date(2024, 3, 4)), line
        assert (
            next(ln.role for ln in art.lines if ln.span.of(art.text) == line) == LineRole.DATELINE
        )


DAYS = st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2035, 12, 31))


@settings(max_examples=80, deadline=None)
@given(DAYS, st.sampled_from("/.-"))
def test_numeric_dates_read_in_the_given_order(day: dt.date, sep: str) -> None:
    dmy = f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year}"
    mdy = f"{day.month:02d}{sep}{day.day:02d}{sep}{day.year}"
    assert date_line(dmy, day_first=True) == (day, "date")
    assert date_line(mdy, day_first=False) == (day, "date")
    assert has_ambiguous_date(dmy) == (day.day <= 12 and day.day != day.month)
    if day.day > 12:  # the numbers leave no choice: either setting reads it right
        assert date_line(dmy, day_first=False) == (day, "date")
        assert date_line(mdy, day_first=True) == (day, "date")


FILLER = st.lists(
    st.sampled_from(["the council met", "officials said", "on Tuesday", "in the city", "a vote"]),
    max_size=8,
).map(" ".join)


@settings(max_examples=80, deadline=None)
@given(FILLER, DAYS.filter(lambda d: d.day > 12), FILLER)
def test_a_date_that_can_be_read_one_way_sets_the_order(
    before: str, day: dt.date, after: str
) -> None:
    dmy = f"{before} {day.day}/{day.month}/{day.year} {after}"
    mdy = f"{before} {day.month}/{day.day}/{day.year} {after}"
    assert day_first_text(dmy)
    assert not day_first_text(mdy)
    assert not day_first_text(f"{before} {after}")  # no cue: month first, as dateparser


NAMES = st.sampled_from(["Jane Doe", "Sarah Lindqvist", "Chinedu Okafor", "Ananya Rao"])


@settings(max_examples=60, deadline=None)
@given(NAMES, DAYS, st.sampled_from(["Posted on ", "Published ", ""]))
def test_dated_byline_gives_author_and_date(name: str, day: dt.date, prefix: str) -> None:
    line = f"{prefix}{day.day} {day:%B} {day.year} by {name}"
    byline = parse_byline(line)
    assert byline is not None and byline.authors == (name,) and byline.date == day


@settings(max_examples=60, deadline=None)
@given(
    NAMES,
    st.sampled_from(["Chief", "Senior", "Deputy Political", "Health", "Staff", ""]),
    st.sampled_from(["Writer", "Correspondent", "Editor", "Reporter", "Columnist"]),
    st.sampled_from([", ", " | "]),
)
def test_job_title_after_the_name_is_not_an_author(
    name: str, rank: str, noun: str, sep: str
) -> None:
    byline = parse_byline(f"By {name}{sep}{rank} {noun}".replace("  ", " "))
    assert byline is not None and byline.authors == (name,)
