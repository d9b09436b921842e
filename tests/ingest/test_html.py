"""HTML pages → Records: metadata, boilerplate removal, encodings, and bad input as errors."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.ingest import html as html_module
from newsgraph.ingest.html import decode_html, record_from_html, sniff_not_html
from newsgraph.model import Document
from newsgraph.pipeline import process_record

HTML_DIR = Path(__file__).parent.parent / "fixtures" / "html"


def page(name: str) -> bytes:
    return (HTML_DIR / name).read_bytes()


def lines(text: str | None) -> list[str]:
    return [ln for ln in (text or "").split("\n") if ln.strip()]


def test_news_page_metadata_and_body() -> None:
    rec = record_from_html(page("harbour_strike.html"), "harbour.html", fetched="2023-03-20")
    assert rec.error is None
    assert rec.title == "Dock workers vote to strike over pay, union says"
    assert rec.authors == ("Maria Okafor", "Tom Lindqvist")
    assert rec.published == "2023-03-14"
    assert rec.publisher == "The Coastal Herald"
    assert rec.url == "https://www.coastalherald.example/business/2023/03/14/dock-workers-strike"
    assert rec.metadata["fetched"] == "2023-03-20"
    assert rec.metadata["extraction"]["tool"] == "trafilatura"
    body = lines(rec.text)
    assert body[0] == rec.title and (rec.text or "").startswith(rec.title + "\n\n")
    assert body[1].startswith("Dock workers at the port of Ellsworth have voted")
    assert "Talks collapse" in body  # a sub-heading stays, on its own line
    assert body[-1].endswith("she told reporters outside the terminal gates.")
    assert len(body) == 8  # title + 6 paragraphs + 1 sub-heading, one per line


@pytest.mark.parametrize(
    "junk",
    [
        "cookies",
        "Accept all",
        "Share on Facebook",
        "LinkedIn",
        "Most read",
        "Sign up",
        "All rights reserved",
        "Privacy policy",
        "Advertisement",
        "dataLayer",
        "Subscribe",
        "Tuesday, 28 November 2023",
    ],
)
def test_news_page_boilerplate_is_gone(junk: str) -> None:
    rec = record_from_html(page("harbour_strike.html"), "harbour.html")
    assert junk.lower() not in (rec.text or "").lower()


def test_cp1252_page_with_meta_tags_only() -> None:
    rec = record_from_html(page("water_plan_cp1252.html"), "water.html")
    assert rec.error is None
    assert rec.metadata["extraction"]["encoding"] == "cp1252"
    assert rec.title == "Minister defends water plan as farmers protest"
    assert rec.authors == ("Pierre Dubé",)
    assert rec.published == "2022-08-15" and rec.publisher == "Valley Times"
    text = rec.text or ""
    assert text.count(rec.title) == 1  # the headline repeated in the body is dropped
    assert "“We cannot keep pretending that the river is endless." in text
    assert "Farmers’ groups" in text
    assert "riverwatcher" not in text and "3 comments" not in text  # reader comments
    assert "Advertise with us" not in text and "24.3 C" not in text


def test_header_date_is_not_the_publication_date() -> None:
    raw = page("rail_fares_no_date.html")
    rec = record_from_html(raw, "rail.html", fetched="2023-01-30T09:20:00Z")
    assert rec.error is None and rec.published is None
    assert rec.publisher == "Northern Gazette"
    assert rec.metadata["extraction"]["lang"] == "en-gb"
    for junk in ("Last Update", "Trending", "ADVERTISEMENT", "googletag", "Cookie policy", "Tweet"):
        assert junk not in (rec.text or "")
    dated = record_from_html(raw, "rail.html", url="https://gazette.example/2022/12/01/rail-fares")
    assert dated.published == "2022-12-01"  # a date in the URL is metadata too


def test_fetch_date_caps_publication_date() -> None:
    rec = record_from_html(page("harbour_strike.html"), "harbour.html", fetched="2023-03-01")
    assert rec.error is None and rec.published != "2023-03-14"


def test_record_feeds_the_pipeline() -> None:
    rec = record_from_html(page("harbour_strike.html"), "harbour.html")
    doc = process_record(rec)
    assert isinstance(doc, Document)
    assert doc.article.text == rec.text


STORM = b"""<html><head><title>Storm cuts power to thousands</title></head><body><article>
<h1>Storm cuts power to thousands</h1>
<p>A powerful storm brought winds of up to 120 km/h to the coast on Sunday, cutting power to
thousands of homes and closing the main coastal road.</p>
<figure><img src="waves.jpg">
<figcaption>Waves crash over the harbour wall. Photo: Agency</figcaption>
</figure>
<p>Emergency services said they had received more than 400 calls overnight, most about trees.</p>
<blockquote class="twitter-tweet"><p lang="en">Stay indoors tonight if you can. Crews are working
to restore power.</p>&mdash; City Council (@citycouncil) <a href="https://t.example/1">March 3</a>
</blockquote><script async src="https://platform.example/widgets.js"></script>
<blockquote><p>Gusts above 100 km/h are likely along exposed coasts until Monday morning.</p>
</blockquote>
<p>"We expect the worst of it to pass by Monday morning," a forecaster said.</p>
</article></body></html>"""


def test_social_embeds_are_pruned_but_block_quotations_stay() -> None:
    rec = record_from_html(STORM, "storm.html")
    text = rec.text or ""
    assert "Stay indoors" not in text and "@citycouncil" not in text
    assert "Photo: Agency" not in text
    assert "Gusts above 100 km/h are likely" in text
    assert text.rstrip().endswith("a forecaster said.")


XHTML = b"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN"
  "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">
<html xmlns="http://www.w3.org/1999/xhtml" xml:lang="en" lang="en">
<head><title>Court clears way for bridge vote</title></head>
<body><div id="menu"><a href="/">Home</a></div>
<div class="story"><h1>Court clears way for bridge vote</h1>
<p>The supreme court on Thursday rejected an appeal by residents against the new river bridge,
clearing the way for a council vote next month on the project's final design.</p>
<p>\xe2\x80\x9cThis is the end of a long road,\xe2\x80\x9d said the council leader.</p></div>
</body></html>"""


def test_xhtml_with_xml_declaration() -> None:
    rec = record_from_html(XHTML, "bridge.xhtml")
    assert rec.error is None and rec.title == "Court clears way for bridge vote"
    assert "“This is the end of a long road,” said the council leader." in (rec.text or "")


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty page"),
        (b"   \n\t ", "empty page"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "not HTML: PDF document"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not HTML: PNG image"),
        (b"PK\x03\x04\x14\x00\x06\x00", "not HTML: ZIP archive (or office document)"),
        (b"abc\x00\x01\x02def", "not HTML: binary content"),
        (b"Just a plain sentence, no markup at all.", "not HTML: no markup found"),
        (
            b"<html><body><nav><a href='/'>Home</a></nav><footer>(c) 2024</footer></body></html>",
            "no article text extracted (empty or boilerplate only)",
        ),
    ],
)
def test_bad_input_is_an_error_record(data: bytes, reason: str) -> None:
    rec = record_from_html(data, "bad", url="https://x.example/a", fetched="2024-01-01")
    assert rec.text is None and rec.error == reason
    assert rec.source == "bad" and rec.url == "https://x.example/a"
    assert rec.metadata == {"fetched": "2024-01-01"}


def test_too_large_and_wrong_type(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html_module, "MAX_HTML_BYTES", 1000)
    rec = record_from_html(page("harbour_strike.html"), "big.html")
    assert rec.text is None and (rec.error or "").startswith("page too large")
    wrong = record_from_html("<html>not bytes</html>", "str.html")  # type: ignore[arg-type]
    assert wrong.text is None and wrong.error == "not bytes: str"


def test_decode_html_order_of_evidence() -> None:
    text = "<p>Café “quoted”</p>"
    assert decode_html(codecs.BOM_UTF8 + text.encode()) == (text, "utf-8-sig")
    assert decode_html(text.encode("utf-16")) == (text, "utf-16")
    meta = b'<meta charset="iso-8859-1"><p>caf\xe9</p>'
    assert decode_html(meta) == ('<meta charset="iso-8859-1"><p>café</p>', "cp1252")
    # the HTTP header's charset wins over a wrong meta tag
    lying = '<meta charset="utf-8"><p>Zürich</p>'.encode("cp1252")
    assert decode_html(lying, "windows-1252")[0].endswith("Zürich</p>")
    assert decode_html(b"<p>caf\xe9 \x93x\x94</p>") == ("<p>café “x”</p>", "cp1252")
    assert decode_html(b'<meta charset="nonsense-42"><p>ok</p>')[1] == "utf-8"


def test_sniff_lets_boms_through() -> None:
    assert sniff_not_html("<html></html>".encode("utf-16")) is None
    assert sniff_not_html(b"<!doctype html><title>x</title>") is None


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_never_raises_on_arbitrary_bytes(data: bytes) -> None:
    rec = record_from_html(data, "fuzz")
    assert (rec.text is None) == (rec.error is not None)


_html_ish = st.lists(
    st.sampled_from(
        [
            "<p>",
            "</p>",
            "<div>",
            "</div>",
            "<h1>",
            "</h1>",
            "<script>",
            "</script>",
            "<!--",
            "-->",
            "<title>",
            "</title>",
            "&amp;",
            "&#x0;",
            "<br/>",
            "<?xml ?>",
            "\x00",
            "“",
            "é",
            " said ",
            "The minister said the plan would go ahead. ",
            "<html lang='en'>",
            "<meta charset=utf-8>",
            "\u2028",
            "\x0b",
            "\x85",
            "\r",
            "\x1c",
        ]
    )
    | st.text(max_size=30),
    max_size=60,
)


@settings(max_examples=150, deadline=None)
@given(_html_ish)
def test_never_raises_on_html_like_soup(parts: list[str]) -> None:
    rec = record_from_html("".join(parts).encode("utf-8", "surrogatepass"), "soup")
    assert (rec.text is None) == (rec.error is not None)
    if rec.text is not None:
        assert rec.text.strip() and "\n\n\n" not in rec.text
        # one paragraph per line, whatever line splitting a later stage uses
        assert rec.text.rstrip("\n").split("\n") == rec.text.splitlines()
        if rec.title:
            assert rec.text.startswith(rec.title + "\n\n")
