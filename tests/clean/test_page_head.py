"""The headline among what scrapers put above it (site names, crawl lines, breadcrumbs, page
titles, taglines), the dek under it, and the site named in "Headline | Site"."""

from __future__ import annotations

from clean_checks import PARA1, PARA2, PARA3, clean, role_of
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.clean.roles import is_breadcrumb, split_site
from newsgraph.clean.textnorm import wordset
from newsgraph.model import LineRole

BODY = f"{PARA1}\n\n{PARA2}\n\n{PARA3}\n"


def test_site_line_page_title_and_h1_give_headline_and_publisher() -> None:
    text = (
        "Skip to content\nThe Harbour Gazette\n"
        "Council passes budget after marathon session | The Harbour Gazette\n\n"
        "Council passes budget after marathon session\n\n"
        "Two new bus lines and a bridge programme survive a night of amendments\n\n"
        f"By Jane Doe, Chief Political Correspondent\n\n{BODY}"
    )
    art = clean(text)
    assert art.title == "Council passes budget after marathon session"
    assert art.title_span is not None and art.title_span.of(text) == art.title
    assert art.publisher == "The Harbour Gazette"
    assert art.authors == ("Jane Doe",)
    dek = "Two new bus lines and a bridge programme survive a night of amendments"
    assert role_of(art, dek) == LineRole.DEK


def test_only_a_page_title_is_cut_at_the_site_name() -> None:
    art = clean(f"Council passes budget after marathon session - The Valley Ledger\n\n{BODY}")
    assert art.title == "Council passes budget after marathon session"
    assert art.publisher == "The Valley Ledger"
    assert art.title_span is not None and art.title_span.of(art.text) == art.title


def test_crawl_line_weather_breadcrumb_and_section_label_are_not_the_title() -> None:
    text = (
        "Crawled: 2024-02-15 04:10:33\n41°F\nHome / News / Local\nRiverside County\n"
        "Council approves bond for new water plant\n"
        f"By Mark Ellis and Dana Whitfield | Staff Writers\n{BODY}"
    )
    art = clean(text)
    assert art.title == "Council approves bond for new water plant"
    assert art.authors == ("Mark Ellis", "Dana Whitfield")
    assert role_of(art, "Crawled: 2024-02-15 04:10:33") == LineRole.BOILERPLATE
    assert art.publisher is None  # a county is not an outlet


def test_blog_name_and_tagline_above_the_post() -> None:
    text = (
        "The Quiet Ledger\nNotes on energy, money and the grid\nMenu\n"
        "Why the price cap will not save small firms\n"
        f"Posted on 3 March 2024 by Sarah Lindqvist\nLeave a comment\n{BODY}"
    )
    art = clean(text)
    assert art.title == "Why the price cap will not save small firms"
    assert art.authors == ("Sarah Lindqvist",)
    assert art.published is not None and art.published.isoformat() == "2024-03-03"
    assert art.publisher == "The Quiet Ledger"
    assert role_of(art, "Posted on 3 March 2024 by Sarah Lindqvist") == LineRole.BYLINE


def test_news_portal_label_and_agency_byline() -> None:
    text = f"News | Asia\nBoats collide near disputed shoal\nBy AFP\n{BODY}"
    art = clean(text)
    assert art.title == "Boats collide near disputed shoal"
    assert art.authors == ()
    assert art.publisher == "AFP"


def test_outlet_name_above_headline_beats_a_byline_place() -> None:
    text = (
        "Wednesday, 14 February 2024\nThe Lagos Courier\nNEWS\n"
        f"Senate summons bank governor over currency slide\nBy Chinedu Okafor, Abuja\n{BODY}"
    )
    art = clean(text)
    assert art.title == "Senate summons bank governor over currency slide"
    assert art.publisher == "The Lagos Courier"
    assert art.authors == ("Chinedu Okafor",)


def test_ad_markers_in_other_wordings_are_not_headings() -> None:
    text = (
        "Council passes budget after marathon session\n\n"
        f"{PARA1}\n\nStory continues below advert\n\n{PARA2}\n\nPUBLICITÉ\n\n{PARA3}\n"
    )
    art = clean(text)
    assert role_of(art, "Story continues below advert") == LineRole.BOILERPLATE
    assert role_of(art, "PUBLICITÉ") == LineRole.BOILERPLATE


def test_one_sentence_text_is_body_not_title() -> None:
    art = clean("Peskov rejected the allegations.")
    assert art.title is None
    assert art.body_text == "Peskov rejected the allegations."


WORD = st.sampled_from(
    sorted(wordset("council budget passes after vote mayor plan bridges water new talks resume"))
)
HEADLINE = st.lists(WORD, min_size=3, max_size=10).map(lambda ws: " ".join(ws).capitalize())
SITE = st.sampled_from(["The Harbour Gazette", "Valley Ledger", "Daily Beacon", "news.example.com"])


@settings(max_examples=60, deadline=None)
@given(HEADLINE, SITE, st.sampled_from([" | ", " - ", " — "]))
def test_split_site_takes_the_outlet_after_the_headline(head: str, site: str, sep: str) -> None:
    assert split_site(head + sep + site) == (head, site)
    assert split_site(head) == (head, None)


@settings(max_examples=60, deadline=None)
@given(HEADLINE, st.sampled_from(["Again", "But Asks To Keep Its Regions On The Table"]))
def test_a_dash_before_words_that_are_no_outlet_stays(head: str, tail: str) -> None:
    assert split_site(f"{head} — {tail}") == (f"{head} — {tail}", None)


CRUMB = st.sampled_from(["Home", "News", "World", "Latin America", "Premier League", "Health"])


@settings(max_examples=60, deadline=None)
@given(st.lists(CRUMB, min_size=2, max_size=5), st.sampled_from([" / ", " | ", " > ", " › "]))
def test_breadcrumbs_are_short_items_between_separators(items: list[str], sep: str) -> None:
    assert is_breadcrumb(sep.join(items))
    assert not is_breadcrumb(f"{' '.join(items)} council passes budget after vote{sep}Site")


def test_author_and_date_above_the_headline() -> None:
    text = (
        "The Harbour Gazette\nMon, 04 Mar, 2024 - 18:30\nSeán O'Riordan\n"
        f"Hospital waiting lists hit record as winter surge continues\n{BODY}"
    )
    art = clean(text)
    assert art.title == "Hospital waiting lists hit record as winter surge continues"
    assert art.authors == ("Seán O'Riordan",)
    assert art.published is not None and art.published.isoformat() == "2024-03-04"
    assert art.publisher == "The Harbour Gazette"


def test_byline_above_headline_and_abbreviation_in_menu() -> None:
    text = (
        "Home\nU.S.\nMetro\nBy: Juan dela Cruz - Reporter / @juandc\nMarch 04, 2024 | 6:30 PM\n"
        f"Agency to extend bus lane hours starting next week\n{BODY}"
    )
    art = clean(text)
    assert art.title == "Agency to extend bus lane hours starting next week"
    assert art.authors == ("Juan dela Cruz",)
    assert art.published is not None and art.published.isoformat() == "2024-03-04"


def test_page_header_date_far_above_the_headline_is_the_crawl_day() -> None:
    text = (
        "Wednesday, 14 February 2024\nLatest\nThe Lagos Courier\n"
        f"Senate summons bank governor over currency slide\n{BODY}"
    )
    art = clean(text)
    assert art.published is None
    assert art.lines[0].role == LineRole.BOILERPLATE


def test_desk_credit_buttons_and_several_deks_under_the_headline() -> None:
    text = (
        "Retired firefighter pulls family from burning car\n"
        "Veteran, 71, smashed window with a rock after spotting smoke on the interstate\n"
        "Mother and two children escaped with minor injuries\n"
        "Staff Reporter\nSave\nCape Sentinel\n"
        f"{BODY}"
    )
    art = clean(text)
    assert art.publisher == "Cape Sentinel"
    assert art.authors == ()
    deks = [ln.span.of(text) for ln in art.lines if ln.role == LineRole.DEK]
    assert deks == [
        "Veteran, 71, smashed window with a rock after spotting smoke on the interstate",
        "Mother and two children escaped with minor injuries",
    ]
    assert role_of(art, "Staff Reporter") == LineRole.BYLINE
    assert role_of(art, "Save") == LineRole.BOILERPLATE


def test_all_caps_outlet_in_byline_is_named_as_the_text_writes_it() -> None:
    text = (
        "Retired firefighter pulls family from burning car\n"
        f"By KATE BROWN FOR THEDAILYPOST.COM\n{PARA1}\n"
        f"'I just did it,' Delgado told TheDailyPost.com.\n{PARA2}\n"
    )
    art = clean(text)
    assert art.authors == ("Kate Brown",)
    assert art.publisher == "TheDailyPost.com"
