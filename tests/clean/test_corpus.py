"""Corpus-wide repeated lines become boilerplate when passed back to the cleaner."""

from __future__ import annotations

from newsgraph.clean import clean_record
from newsgraph.clean.corpus import repeated_lines
from newsgraph.model import Article, LineRole, Record

TAGLINE = "Independent journalism for the valley"


def _article(i: int) -> str:
    return (
        f"Council meeting number {i} ends early\n\n"
        f"The council met for the {i}th time this year and approved {i} new projects.\n\n"
        f"{TAGLINE}\n\n"
        f"Residents said meeting {i} was shorter than usual and asked for more debate.\n"
    )


def test_tagline_seen_in_many_articles_is_boilerplate() -> None:
    texts = [_article(i) for i in range(6)]
    known = repeated_lines(texts, min_articles=5)
    assert len(known) == 1  # only the tagline recurs; titles and paragraphs differ
    before = clean_record(Record("a", texts[0]))
    after = clean_record(Record("a", texts[0]), known_boilerplate=known)
    assert isinstance(before, Article) and isinstance(after, Article)
    role = {ln.span.of(after.text): ln.role for ln in after.lines}
    assert role[TAGLINE] == LineRole.BOILERPLATE
    assert TAGLINE in before.body_text and TAGLINE not in after.body_text


def test_below_threshold_nothing_is_known() -> None:
    assert repeated_lines([_article(i) for i in range(4)], min_articles=5) == frozenset()
