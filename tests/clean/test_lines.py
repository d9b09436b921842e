"""Line-level recognisers: dates, bylines, junk, publisher signals."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.byline import parse_byline
from newsgraph.clean.dates import date_line, parse_date
from newsgraph.clean.junk import junk_reason
from newsgraph.clean.publisher import copyright_holder, domain_name, source_line


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Jan 13, 2023", (dt.date(2023, 1, 13), "date")),
        ("• Fri. Nov 22nd, 2024", (dt.date(2024, 11, 22), "date")),
        ("Monday 30th of January 2023 |", (dt.date(2023, 1, 30), "date")),
        ("Published: 3 March 2023 10:14 GMT", (dt.date(2023, 3, 3), "published")),
        ("Updated 2023-03-04T10:00:00Z", (dt.date(2023, 3, 4), "updated")),
        ("Posted on March 3, 2023 at 5:04 p.m. ET", (dt.date(2023, 3, 3), "published")),
        ("31/12/2023", (dt.date(2023, 12, 31), "date")),
        ("2023/03/13", (dt.date(2023, 3, 13), "date")),
        ("Posted: Mar 3, 2023 / 05:04 PM EST", (dt.date(2023, 3, 3), "published")),
        (
            "Updated Mon, March 13, 2023 at 10:14 AM GMT+1·3 min read",
            (dt.date(2023, 3, 13), "updated"),
        ),
        ("The 3 March 2023 meeting was cancelled", None),
        ("Feb 30, 2023", None),
        ("24.3 C", None),
    ],
)
def test_date_lines(line: str, expected: tuple[dt.date, str] | None) -> None:
    assert date_line(line) == expected


def test_parse_metadata_dates() -> None:
    assert parse_date("2023-01-13T10:00:00Z") == dt.date(2023, 1, 13)
    assert parse_date("Fri, 13 Jan 2023 10:00:00 +0000") == dt.date(2023, 1, 13)
    assert parse_date("yesterday") is None  # relative to an unknown day
    assert parse_date("") is None


@pytest.mark.parametrize(
    ("line", "authors", "affiliation"),
    [
        ("ByNavdeep Yadav", ("Navdeep Yadav",), None),
        ("By Jane Doe and John Roe", ("Jane Doe", "John Roe"), None),
        ("By Jane Doe, Reuters", ("Jane Doe",), "Reuters"),
        ("By Maria de la Cruz, Anna Smith and Bo Li", ("Maria de la Cruz", "Anna Smith", "Bo Li"),
         None),
        ("By JANE DOE, Associated Press", ("Jane Doe",), "Associated Press"),
        ("By Staff Reporter", (), None),
    ],
)  # fmt: skip
def test_bylines(line: str, authors: tuple[str, ...], affiliation: str | None) -> None:
    got = parse_byline(line)
    assert got is not None
    assert (got.authors, got.affiliation) == (authors, affiliation)


@pytest.mark.parametrize(
    "line",
    ["By 2030, the country will need more power.", "By Tuesday, officials had agreed.",
     "Bylaws were changed last year.", "By the way, this is fine"],
)  # fmt: skip
def test_sentences_starting_with_by_are_not_bylines(line: str) -> None:
    assert parse_byline(line) is None


@pytest.mark.parametrize(
    "line",
    ["[ad_1]", "- Advertisement -", "24.3 C", "• Last Update", "Source link", "Latest News",
     "More articles", "Most Read Articles", "Must read", "Main photo source: PAP / EPA",
     "Photo: Getty Images", "See Also: Something happened somewhere",
     "Read more: Another story", "Home › World › Politics", "3 min read", "Updated 2 hours ago",
     "Image and article originally from www.example.com. Read the original article here.",
     "Check out more of Example’s Europe coverage by following this link.",
     "We use cookies to improve your experience on our site.", "Share this article",
     "© 2023 Example Media. All rights reserved.",
     "Click to share on Twitter (Opens in new window)", "Advertisement - Scroll to continue",
     "Like this:", "Loading...", "Sign up here.", "Getty Images",
     "Protesters gather in Kyiv on Monday. (AP Photo/Jane Doe)"],
)  # fmt: skip
def test_junk_lines(line: str) -> None:
    assert junk_reason(line) is not None


@pytest.mark.parametrize(
    "line",
    ["Russia, Türkiye have to counter US bank sanctions", "Tatiana Dyomina",
     "“We cannot yet talk about progress and we will not”", "What happens next",
     "Images from the scene showed burnt cars and broken windows.",
     "More than 100 people were injured: officials gave no further details.",
     "The newsletter, first printed in 1901, was closed by the censors.",
     "Subscribers voted to change the rules on Tuesday.",
     "Loading of ships resumed on Monday after a pause."],
)  # fmt: skip
def test_content_lines_are_not_junk(line: str) -> None:
    assert junk_reason(line) is None


def test_publisher_signals() -> None:
    assert source_line("Source: Anadolu Agency") == "Anadolu Agency"
    assert source_line("Main photo source: PAP") is None
    assert domain_name("www.example-news.co.uk") == "Example News"
    assert domain_name("www.benzinga.com", "Read Benzinga’s coverage.") == "Benzinga"
    assert copyright_holder("© 2021 Metro Tribune. All rights reserved.") == "Metro Tribune"


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=120))
def test_line_recognisers_never_raise(line: str) -> None:
    date_line(line)
    parse_byline(line)
    junk_reason(line)
    source_line(line)
    copyright_holder(line)
