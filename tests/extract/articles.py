"""Build small test Articles with chosen line roles, independent of the cleaner."""

from __future__ import annotations

import re

from newsgraph.annotate.sentences import split_sentences
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import Article, Line, LineRole, Quote, Span

ROLE_PREFIX = {"# ": LineRole.TITLE, "## ": LineRole.HEADING, "> ": LineRole.DEK}


def make_article(markup: str) -> Article:
    """Lines starting "# " are the title, "## " sub-headings, "> " the dek; others are body.

    The prefixes are replaced by spaces so offsets stay those of the text given.
    """
    text_parts: list[str] = []
    lines: list[Line] = []
    pos = 0
    for raw in markup.strip("\n").split("\n"):
        role = LineRole.BODY
        content = raw
        for prefix, r in ROLE_PREFIX.items():
            if raw.startswith(prefix):
                role, content = r, " " * len(prefix) + raw[len(prefix) :]
                break
        m = re.search(r"\S(?:.*\S)?", content)
        if m:
            lines.append(Line(Span(pos + m.start(), pos + m.end()), role))
        text_parts.append(content)
        pos += len(content) + 1
    text = "\n".join(text_parts)
    return Article(id="t", text=text, source="test", lines=tuple(lines))


def quotes_of(markup: str) -> tuple[Quote, ...]:
    article = make_article(markup)
    return extract_quotes(article, split_sentences(article), ())


def find(quotes: tuple[Quote, ...], words: str) -> Quote:
    """The quotation whose text contains ``words`` (fails the test when there is none).

    Indirect speech is only returned when nothing else matches (it may contain a partial).
    """
    hits = sorted((q for q in quotes if words in q.text), key=lambda q: q.kind == "indirect")
    assert hits, f"no quotation containing {words!r} in {[q.text for q in quotes]}"
    return hits[0]
