"""Build Documents by hand from short news-like articles, the way the pipeline would."""

from __future__ import annotations

import datetime as dt
import hashlib
import re

from newsgraph.model import (
    Article,
    Document,
    EntityType,
    Line,
    LineRole,
    Mention,
    Quote,
    QuoteKind,
    Span,
)

QuoteSpec = tuple[str, QuoteKind, str | None, str | None]  # words, kind, speaker, as written


def _lines(text: str) -> list[Line]:
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        if not m.group().strip():
            continue
        if not lines:
            role = LineRole.TITLE
        elif m.group().startswith(("Advertisement", "Read more", "Share this")):
            role = LineRole.BOILERPLATE
        else:
            role = LineRole.BODY
        lines.append(Line(Span(m.start(), m.end()), role, "test"))
    return lines


def news_doc(
    text: str,
    *,
    source: str,
    published: dt.date | None = None,
    quotes: list[QuoteSpec] = (),  # type: ignore[assignment]
    mentions: list[tuple[str, EntityType]] = (),  # type: ignore[assignment]
    publisher: str | None = None,
    authors: tuple[str, ...] = (),
    metadata: dict | None = None,
) -> Document:
    """A Document over ``text``: first line the title, quotes and mentions located by substring."""
    lines = _lines(text)
    qs = []
    for words, kind, speaker, written in quotes:
        start = text.index(words)
        span = Span(start, start + len(words))
        speaker_span = cue = None
        if written is not None:
            at = (
                text.index(written, span.end)
                if written in text[span.end :]
                else text.index(written)
            )
            speaker_span = Span(at, at + len(written))
            said = text.find("said", span.end)
            cue = Span(said, said + 4) if said >= 0 else None
        qs.append(
            Quote(
                span=span,
                text=words,
                kind=kind,
                cue=cue,
                speaker_span=speaker_span,
                speaker_text=written,
                speaker=speaker,
                speaker_actor_id=speaker.lower().replace(" ", "-") if speaker else None,
                confidence=0.8 if speaker else 0.0,
                evidence="test rule",
            )
        )
    ms = []
    for name, etype in mentions:
        for m in re.finditer(re.escape(name), text):
            ms.append(Mention(Span(m.start(), m.end()), name, etype, None, "alias", name))
    body = " ".join(ln.span.of(text) for ln in lines if ln.role is LineRole.BODY)
    aid = hashlib.sha256(" ".join(body.split()).encode()).hexdigest()[:16]
    article = Article(
        id=aid,
        text=text,
        source=source,
        title=lines[0].span.of(text),
        title_span=lines[0].span,
        authors=authors,
        publisher=publisher,
        published=published,
        published_from="metadata" if published else None,
        url=f"https://news.example/{source}",
        lines=tuple(lines),
        metadata=metadata or {},
    )
    sentences = tuple(
        Span(m.start(), m.end()) for m in re.finditer(r"[^.!?\n]+[.!?]?", text) if m.group().strip()
    )
    return Document(
        article=article,
        sentences=sentences,
        mentions=tuple(sorted(ms, key=lambda m: m.span)),
        quotes=tuple(sorted(qs, key=lambda q: q.span)),
    )


KREMLIN = """Kremlin says talks with Kyiv will go on
Advertisement
Kremlin spokesman Dmitry Peskov said on Tuesday that talks with Ukraine would continue.
“We cannot yet talk about progress and we will not,” Peskov told reporters in Moscow.
He called the new sanctions “a big problem for Russia” and said the Kremlin would answer.
Read more: the latest on the war
"""


def kremlin_doc(source: str = "wire/kremlin.txt", **kw: object) -> Document:
    return news_doc(
        KREMLIN,
        source=source,
        published=kw.pop("published", dt.date(2022, 3, 15)),  # type: ignore[arg-type]
        quotes=[
            (
                "talks with Ukraine would continue",
                QuoteKind.INDIRECT,
                "Dmitry Peskov",
                "Dmitry Peskov",
            ),
            (
                "We cannot yet talk about progress and we will not,",
                QuoteKind.DIRECT,
                "Dmitry Peskov",
                "Peskov",
            ),
            ("a big problem for Russia", QuoteKind.PARTIAL, "Dmitry Peskov", "He"),
        ],
        mentions=[("Dmitry Peskov", EntityType.PERSON), ("Moscow", EntityType.GPE)],
        publisher="Wire Service",
        authors=("Anna Smith",),
        **kw,  # type: ignore[arg-type]
    )


ANKARA = """Erdoğan urges calm over Black Sea grain deal
President Recep Tayyip Erdoğan said the grain corridor must stay open for the world's poor.
“Nobody should use food as a weapon,” the Turkish president said in Ankara.
Critics dismissed what they called a “sham” process.
"""


def ankara_doc(source: str = "wire/ankara.txt", published: dt.date | None = None) -> Document:
    return news_doc(
        ANKARA,
        source=source,
        published=published or dt.date(2022, 9, 30),
        quotes=[
            (
                "the grain corridor must stay open for the world's poor",
                QuoteKind.INDIRECT,
                "Recep Tayyip Erdoğan",
                "Recep Tayyip Erdoğan",
            ),
            (
                "Nobody should use food as a weapon,",
                QuoteKind.DIRECT,
                "Recep Tayyip Erdoğan",
                "the Turkish president",
            ),
            ("sham", QuoteKind.SCARE, None, None),
        ],
        mentions=[("Recep Tayyip Erdoğan", EntityType.PERSON), ("Ankara", EntityType.GPE)],
        publisher="Daily Example",
    )


WASHINGTON = """Biden signs aid package
Washington — Joe Biden signed the package on Friday, the White House said.
“This is a good day for America,” Biden said after the ceremony.
"""


def washington_doc(
    source: str = "wire/washington.txt", published: dt.date | None = None
) -> Document:
    return news_doc(
        WASHINGTON,
        source=source,
        published=published,
        quotes=[("This is a good day for America,", QuoteKind.DIRECT, "Joe Biden", "Biden")],
        mentions=[("Joe Biden", EntityType.PERSON), ("White House", EntityType.ORG)],
    )
