"""A small store of news-like articles for the API and page tests.

Articles go through the real pipeline (``newsgraph.process``) for cleaning and sentences; the
quotations are set by the test (found by substring), so these tests check serving, not the
quote extractor's accuracy.
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from newsgraph import process
from newsgraph.model import (
    Document,
    EntityType,
    Line,
    LineRole,
    Mention,
    Quote,
    QuoteKind,
    Span,
)

TOKEN = "s3cret-test-token"

HARBOUR = """Dock workers walk out over pay
Advertisement
Dock workers at the city's main harbour began a 48-hour strike on Tuesday.
"We have waited three years for a fair offer," union leader Maria Santos said.
"The port cannot run without us," she added.
Port director Alan Brooks said the offer was "generous and final".
Subscribe to our newsletter
"""

HOSTILE = """Council meeting ends in uproar <script>alert(1)</script>
Share this article <img src=x onerror=alert(2)>
The council voted 7-2 on Monday to close the library.
"This is <b>vandalism</b> <img src=x onerror=alert(3)>," councillor Jo Reyes said.
Mayor Tom Kell said the vote was "<script>alert(4)</script> final".
"""

BUDGET = """Minister defends budget cuts
Finance minister Ruth Adler on Friday defended the cuts to regional transport.
"Every department has to contribute," Adler told reporters.
"""


def quote_at(text: str, words: str, speaker: str | None, kind: QuoteKind, **kw: object) -> Quote:
    start = text.index(words)
    return Quote(
        span=Span(start, start + len(words)),
        text=words,
        kind=kind,
        speaker=speaker,
        speaker_text=kw.get("speaker_text", speaker),  # type: ignore[arg-type]
        confidence=0.9,
        evidence="test",
    )


def make_doc(
    text: str,
    quotes: list[tuple[str, str | None, QuoteKind]],
    *,
    source: str,
    publisher: str | None,
    published: dt.date | None,
    url: str | None = None,
    mentions: tuple[str, ...] = (),
    boilerplate: tuple[str, ...] = (),
) -> Document:
    """The pipeline's document for ``text`` with the metadata, quotations, mentions and
    boilerplate lines given here (so tests do not depend on other stages' accuracy)."""
    doc = process(text, source=source)
    lines = tuple(
        Line(ln.span, LineRole.BOILERPLATE, "test")
        if ln.span.of(text) in boilerplate
        else Line(ln.span, LineRole.BODY if ln.role is LineRole.BOILERPLATE else ln.role, "test")
        for ln in doc.article.lines
    )
    article = dataclasses.replace(
        doc.article, publisher=publisher, published=published, url=url, lines=lines
    )
    ms = []
    for name in mentions:
        start = text.index(name)
        ms.append(Mention(Span(start, start + len(name)), name, EntityType.PERSON))
    qs = tuple(sorted((quote_at(text, w, s, k) for w, s, k in quotes), key=lambda q: q.span))
    return dataclasses.replace(doc, article=article, quotes=qs, mentions=tuple(ms))


def sample_docs() -> list[Document]:
    d = QuoteKind.DIRECT
    return [
        make_doc(
            HARBOUR,
            [
                ("We have waited three years for a fair offer,", "Maria Santos", d),
                ("The port cannot run without us,", "Maria Santos", d),
                ("generous and final", "Alan Brooks", QuoteKind.PARTIAL),
            ],
            source="harbour.txt",
            publisher="Coast Herald",
            published=dt.date(2024, 3, 5),
            url="https://example.org/harbour",
            mentions=("Maria Santos", "Alan Brooks"),
            boilerplate=("Advertisement", "Subscribe to our newsletter"),
        ),
        make_doc(
            HOSTILE,
            [
                ('This is <b>vandalism</b> <img src=x onerror=alert(3)>,', "Jo Reyes", d),
                ("<script>alert(4)</script> final", "Tom Kell <i>x</i>", QuoteKind.PARTIAL),
            ],
            source="hostile.txt",
            publisher="<b>Evil</b> Gazette",
            published=dt.date(2024, 3, 18),
            url="javascript:alert(5)",
        ),
        make_doc(
            BUDGET,
            [("Every department has to contribute,", "Ruth Adler", d)],
            source="budget.txt",
            publisher="Coast Herald",
            published=dt.date(2023, 11, 24),
            mentions=("Ruth Adler",),
        ),
    ]


