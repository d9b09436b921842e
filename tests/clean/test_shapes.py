"""Common article shapes written for the test: agency datelines, bylines, date lines, junk."""

from __future__ import annotations

import datetime as dt

from newsgraph.clean import clean_record, line_hash
from newsgraph.model import Article, Failure, LineRole, Record

PARA1 = "The city council approved the budget on Tuesday after a long debate about transport."
PARA2 = "Officials said the plan would add two new bus lines and repair several old bridges."
PARA3 = "“We have waited for this for years,” said the mayor, who backed the proposal."


def clean(text: str, **fields: object) -> Article:
    result = clean_record(Record(source="t", text=text, **fields))  # type: ignore[arg-type]
    assert isinstance(result, Article), result
    return result


def role_of(art: Article, line: str) -> LineRole:
    for ln in art.lines:
        if ln.span.of(art.text) == line:
            return ln.role
    raise AssertionError(f"no line {line!r}")


def test_ap_dateline_gives_publisher() -> None:
    text = f"Council passes budget\n\nWASHINGTON (AP) — {PARA1}\n\n{PARA2}\n"
    art = clean(text)
    assert art.publisher == "AP"
    assert art.title == "Council passes budget"
    assert role_of(art, f"WASHINGTON (AP) — {PARA1}") == LineRole.BODY


def test_reuters_dateline_and_reporting_by_footer() -> None:
    text = (
        "Budget approved in London\n\n"
        f"LONDON (Reuters) - {PARA1}\n\n{PARA2}\n\n"
        "Reporting by Jane Doe; Editing by John Roe\n"
    )
    art = clean(text)
    assert art.publisher == "Reuters"
    assert art.authors == ("Jane Doe",)
    assert role_of(art, "Reporting by Jane Doe; Editing by John Roe") == LineRole.BYLINE


def test_two_authors_and_published_on_line() -> None:
    text = (
        "Council passes budget\n\nBy Jane Doe and John Roe\nPublished on March 3, 2023\n\n"
        f"{PARA1}\n\n{PARA2}\n"
    )
    art = clean(text)
    assert art.authors == ("Jane Doe", "John Roe")
    assert art.published == dt.date(2023, 3, 3)
    assert art.published_from == "dateline"
    assert role_of(art, "Published on March 3, 2023") == LineRole.DATELINE


def test_byline_with_agency_and_date() -> None:
    text = f"Council passes budget\n\nBy Jane Doe, Reuters | 3 March 2023\n\n{PARA1}\n\n{PARA2}\n"
    art = clean(text)
    assert art.authors == ("Jane Doe",)
    assert art.publisher == "Reuters"
    assert art.published == dt.date(2023, 3, 3)
    assert art.published_from == "byline"


def test_glued_byline() -> None:
    art = clean(f"Council passes budget\n\nByMaria Lopez\n\n{PARA1}\n\n{PARA2}\n")
    assert art.authors == ("Maria Lopez",)


def test_updated_date_only_when_no_published_date() -> None:
    text = f"Council passes budget\nUpdated: 5 April 2023 10:14 GMT\n\n{PARA1}\n{PARA2}\n"
    art = clean(text)
    assert art.published == dt.date(2023, 4, 5)
    assert art.published_from == "updated"


def test_cookie_newsletter_photo_and_copyright_junk() -> None:
    text = (
        "Council passes budget\n\n"
        "We use cookies to improve your experience on our site.\n"
        f"{PARA1}\n\nPhoto: Getty Images\n\n{PARA2}\n\n"
        "Sign up for our newsletter to get the news in your inbox.\n\n"
        f"{PARA3}\n\n"
        "Copyright 2023 The Example Post. All rights reserved.\n"
        "Share this article\n"
    )
    art = clean(text)
    for junk in (
        "We use cookies to improve your experience on our site.",
        "Photo: Getty Images",
        "Sign up for our newsletter to get the news in your inbox.",
        "Copyright 2023 The Example Post. All rights reserved.",
        "Share this article",
    ):
        assert role_of(art, junk) == LineRole.BOILERPLATE, junk
    assert [s.of(art.text) for s in art.body_spans] == [PARA1, PARA2, PARA3]


def test_heading_between_paragraphs_and_dek_after_title() -> None:
    text = (
        "Council passes budget\n\nNew bus lines and bridge repairs planned\n\n"
        f"{PARA1}\n\nWhat happens next\n\n{PARA2}\n\n“A good day for the city”\n\n{PARA3}\n"
    )
    art = clean(text)
    assert role_of(art, "New bus lines and bridge repairs planned") == LineRole.DEK
    assert role_of(art, "What happens next") == LineRole.HEADING
    assert role_of(art, "“A good day for the city”") == LineRole.HEADING


def test_crawl_date_before_title_is_not_published() -> None:
    text = (
        "Tuesday, 14 March 2023 |\n18 °C\nCouncil passes budget\n\n"
        f"{PARA1}\n\n{PARA2}\n\nRelated: Mayor opens new park\n"
    )
    art = clean(text)
    assert art.title == "Council passes budget"
    assert art.published is None
    assert role_of(art, "Tuesday, 14 March 2023 |") == LineRole.BOILERPLATE
    assert role_of(art, "Related: Mayor opens new park") == LineRole.BOILERPLATE


def test_record_metadata_wins() -> None:
    text = f"Council passes budget\n\nBy Jane Doe\n\n{PARA1}\n\n{PARA2}\n\nSource: Daily Example\n"
    art = clean(
        text,
        title="Council passes budget",
        authors=("J. Doe",),
        publisher="The Example",
        published="2023-03-05T08:00:00Z",
    )
    assert (art.authors, art.publisher) == (("J. Doe",), "The Example")
    assert (art.published, art.published_from) == (dt.date(2023, 3, 5), "metadata")
    assert role_of(art, "Council passes budget") == LineRole.TITLE
    assert art.title_span is not None


def test_given_title_repeated_with_other_quotes_is_boilerplate() -> None:
    text = f"Mayor’s plan passes\n\nMayor's plan passes\n\n{PARA1}\n\n{PARA2}\n"
    art = clean(text)
    assert role_of(art, "Mayor's plan passes") == LineRole.BOILERPLATE


def test_syndicated_copy_names_the_outlet_as_written() -> None:
    text = (
        f"Council passes budget\n\n{PARA1}\n\n{PARA2}\n\n"
        "Follow CityWire’s council coverage on our site.\n\n"
        "This story originally appeared on www.citywire.co.uk and is republished here.\n"
    )
    art = clean(text)
    assert art.publisher == "CityWire"


def test_cited_agency_is_not_the_publisher() -> None:
    text = (
        f"Council passes budget\n\n{PARA1}\n\n"
        "The deal was signed on Monday, writes TASS, citing a source in the ministry.\n"
    )
    assert clean(text).publisher is None


def test_trailing_author_name() -> None:
    art = clean(f"Council passes budget\n\n{PARA1}\n\n{PARA2}\n\nAnna Kowalska\n")
    assert art.authors == ("Anna Kowalska",)
    assert role_of(art, "Anna Kowalska") == LineRole.BYLINE


def test_known_boilerplate_hashes() -> None:
    text = f"Council passes budget\n\n{PARA1}\n\nOur city, our voice\n\n{PARA2}\n"
    plain = clean(text)
    assert role_of(plain, "Our city, our voice") == LineRole.HEADING
    seen = frozenset({line_hash("Our City, our voice!")})
    result = clean_record(Record("t", text), known_boilerplate=seen)
    assert isinstance(result, Article)
    assert role_of(result, "Our city, our voice") == LineRole.BOILERPLATE
    assert result.id != plain.id  # the heading was body text; now it is not


def test_failures() -> None:
    assert isinstance(clean_record(Record("t", "")), Failure)
    assert isinstance(clean_record(Record("t", "  \n\t\n")), Failure)
    only_junk = clean_record(Record("t", "[ad_1]\nLatest News\nShare\n"))
    assert isinstance(only_junk, Failure)
    assert only_junk.error == "no article body found"


def test_same_article_with_other_junk_has_same_id() -> None:
    a = clean(f"Council passes budget\n\n{PARA1}\n\n{PARA2}\n")
    b = clean(
        f"Monday, March 6, 2023 |\nCouncil passes budget\n- Advertisement -\n\n{PARA1}\n"
        f"Read more: Other news\n{PARA2}   \r\n\nMost Read Articles\n"
    )
    assert a.id == b.id


def test_section_labels_standfirst_and_bare_byline() -> None:
    text = (
        "Skip to main content\nSign in\nWorld\nEurope\n"
        "Ukraine says grain exports resumed after week-long pause\n"
        "Officials say the first ships left Odesa on Monday under a new inspection regime.\n"
        "Jane Doe in Kyiv\nMon 13 Mar 2023 10.14 GMT\n"
        "Last modified on Mon 13 Mar 2023 12.20 GMT\n"
        f"{PARA1}\n{PARA2}\nWhat happens next\n{PARA3}\n"
        "Explore more on these topics\nReuse this content\n"
    )
    art = clean(text)
    assert art.title == "Ukraine says grain exports resumed after week-long pause"
    assert role_of(art, "World") == LineRole.BOILERPLATE
    assert art.lines_with(LineRole.DEK)[0].span.of(text).startswith("Officials say")
    assert art.authors == ("Jane Doe",)
    assert (art.published, art.published_from) == (dt.date(2023, 3, 13), "dateline")
    assert role_of(art, "What happens next") == LineRole.HEADING
    assert [s.of(text) for s in art.body_spans] == [PARA1, PARA2, "What happens next", PARA3]


def test_agency_byline_caps_captions_and_contributor_line() -> None:
    text = (
        "By JOHN SMITH and MARY JONES Associated Press\nImage source, Getty Images\n"
        "Senate passes spending bill hours before deadline\n"
        f"WASHINGTON — {PARA1}\nImage caption, Senators leave the Capitol after the vote\n"
        f"{PARA2}\nAssociated Press writer Tom Brown contributed to this report.\n"
        "Copyright 2023 The Associated Press. All rights reserved.\n"
    )
    art = clean(text)
    assert art.title == "Senate passes spending bill hours before deadline"
    assert art.authors == ("John Smith", "Mary Jones")
    assert art.publisher == "The Associated Press"
    assert [s.of(text) for s in art.body_spans] == [f"WASHINGTON — {PARA1}", PARA2]


def test_text_without_headline_starts_with_body() -> None:
    long_lede = PARA1 + " " + PARA2
    text = f"{long_lede}\nMar 3, 2023\n{PARA3}\n{PARA2}\n"
    art = clean(text)
    assert art.title is None and art.title_span is None
    assert [s.of(text) for s in art.body_spans] == [long_lede, PARA3, PARA2]
    assert art.published == dt.date(2023, 3, 3)


def test_one_sentence_text_is_body_not_title() -> None:
    art = clean("The council approved the budget on Tuesday.")
    assert art.title is None
    assert art.body_text == "The council approved the budget on Tuesday."


def test_lists_are_body_and_credited_captions_are_not() -> None:
    caption = "Protesters gather outside parliament on Monday. (AP Photo/Efrem Lukatsky)"
    text = (
        f"Council passes budget\n\n{PARA1}\n\n{caption}\n\n"
        "The plan includes:\n- two new bus lines\n- repairs to old bridges\n"
        "- a new cycle path\n\n"
        f"{PARA2}\n\nKey dates\n\n{PARA3}\n"
    )
    art = clean(text)
    assert role_of(art, caption) == LineRole.BOILERPLATE
    assert role_of(art, "- two new bus lines") == LineRole.BODY
    assert role_of(art, "Key dates") == LineRole.HEADING


def test_text_without_any_punctuation_keeps_its_lines() -> None:
    text = "Council passes budget\n\nnew bus lines\nbridge repairs\ncycle paths for the city\n"
    art = clean(text)
    assert [s.of(text) for s in art.body_spans] == [
        "new bus lines",
        "bridge repairs",
        "cycle paths for the city",
    ]


def test_question_heading_and_source_line_inside_body() -> None:
    text = (
        f"Council passes budget\n\n{PARA1}\n\nWhat happens next?\n\n{PARA2}\n\n"
        "Source: National Statistics Office\n\n"
        f"{PARA3}\n\nSource: Example Daily\n"
    )
    art = clean(text)
    assert role_of(art, "What happens next?") == LineRole.HEADING
    assert role_of(art, "Source: National Statistics Office") == LineRole.BOILERPLATE
    assert art.publisher == "Example Daily"
