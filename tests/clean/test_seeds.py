"""The cleaner against the hand-made gold of the five seed articles."""

from __future__ import annotations

import pytest

from newsgraph.clean import clean_record
from newsgraph.model import Article, LineRole, Record

BODYISH = (LineRole.BODY, LineRole.HEADING)


@pytest.fixture(scope="module")
def cleaned(seed_texts: dict[str, str]) -> dict[str, Article]:
    out = {}
    for name, text in seed_texts.items():
        result = clean_record(Record(source=name, text=text))
        assert isinstance(result, Article), result
        out[name] = result
    return out


def _squash(line: str) -> str:
    """Gold lines are typed with plain spaces; the scraped text has no-break spaces."""
    return " ".join(line.split())


def _roles(article: Article) -> dict[str, LineRole]:
    return {_squash(ln.span.of(article.text)): ln.role for ln in article.lines}


def test_all_five_seeds_have_gold(cleaned: dict[str, Article], gold_articles: dict) -> None:
    assert set(cleaned) == set(gold_articles)


@pytest.mark.parametrize("field", ["title", "publisher", "authors", "published"])
def test_metadata_matches_gold(
    cleaned: dict[str, Article], gold_articles: dict, field: str
) -> None:
    for name, gold in gold_articles.items():
        art = cleaned[name]
        got = {
            "title": art.title,
            "publisher": art.publisher,
            "authors": list(art.authors),
            "published": art.published.isoformat() if art.published else None,
        }[field]
        assert got == gold[field], f"{name}: {field}"


def test_not_body_lines_are_not_body(cleaned: dict[str, Article], gold_articles: dict) -> None:
    for name, gold in gold_articles.items():
        roles = _roles(cleaned[name])
        for line in map(_squash, gold["not_body"]):
            assert line in roles, f"{name}: gold line not found as a line: {line!r}"
            assert roles[line] not in BODYISH, f"{name}: {line!r} is {roles[line]}"


def test_headings_are_headings(cleaned: dict[str, Article], gold_articles: dict) -> None:
    for name, gold in gold_articles.items():
        roles = _roles(cleaned[name])
        for line in map(_squash, gold["headings"]):
            assert roles[line] in (LineRole.HEADING, LineRole.TITLE, LineRole.DEK), (name, line)


def test_body_keeps_every_gold_quote(cleaned: dict[str, Article], gold_quotes: list[dict]) -> None:
    """Cleaning must not throw away article content: every gold quotation stays in the body
    (or in the title/dek, where heading quotations live)."""
    for q in gold_quotes:
        art = cleaned[q["doc"]]
        kept = [
            ln.span.of(art.text)
            for ln in art.lines
            if ln.role in (*BODYISH, LineRole.TITLE, LineRole.DEK)
        ]
        assert any(q["quote"] in k for k in kept), (q["doc"], q["quote"])


def test_crawl_dates_are_not_published(cleaned: dict[str, Article]) -> None:
    art = cleaned["002_d38e492bfaebc241.txt"]
    assert art.published is None
    assert art.metadata.get("page_date") == "2023-01-30"
    assert cleaned["003_831da36cce977f8d.txt"].published_from == "dateline"


def test_ids_are_distinct_and_hex(cleaned: dict[str, Article]) -> None:
    ids = [a.id for a in cleaned.values()]
    assert len(set(ids)) == len(ids)
    assert all(len(i) == 16 and int(i, 16) >= 0 for i in ids)
