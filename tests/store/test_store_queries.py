"""Queries: speaker and full-text filters, dates, order, paging, id prefixes."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from store_builders import ankara_doc, kremlin_doc, news_doc, washington_doc

from newsgraph.model import QuoteKind
from newsgraph.store import AmbiguousArticleIdError, ArticleNotFoundError, Store


@pytest.fixture
def filled(store: Store) -> Store:
    store.write([kremlin_doc(), ankara_doc(), washington_doc()])
    return store


def _speakers(hits: list) -> set[str | None]:
    return {h.speaker for h in hits}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Peskov", {"Dmitry Peskov"}),
        ("peskov", {"Dmitry Peskov"}),
        ("DMITRY PESKOV", {"Dmitry Peskov"}),
        ("peskov dmitry", {"Dmitry Peskov"}),
        ("Pesk", {"Dmitry Peskov"}),  # a word prefix
        ("Erdogan", {"Recep Tayyip Erdoğan"}),  # accents do not matter
        ("erdoğan", {"Recep Tayyip Erdoğan"}),
        ("turkish president", {"Recep Tayyip Erdoğan"}),  # the speaker as written
        ("Biden", {"Joe Biden"}),
    ],
)
def test_speaker_matches_canonical_or_written_words(
    filled: Store, query: str, expected: set[str]
) -> None:
    assert _speakers(filled.quotes(speaker=query)) == expected


def test_speaker_does_not_match_inside_words_or_other_people(filled: Store) -> None:
    assert filled.quotes(speaker="eskov") == []
    assert filled.quotes(speaker="Putin") == []
    assert filled.quotes(speaker="Peskov Biden") == []


def test_search_is_full_text_over_quote_words(filled: Store) -> None:
    assert [h.text for h in filled.quotes(search="weapon")] == [
        "Nobody should use food as a weapon,"
    ]
    assert [h.text for h in filled.quotes(search="food weapon")] == [
        "Nobody should use food as a weapon,"
    ]
    assert filled.quotes(search='"weapon food"') == []  # a phrase keeps its order
    assert len(filled.quotes(search='"use food"')) == 1
    assert len(filled.quotes(search="progr*")) == 1
    assert filled.quotes(search="Peskov") == []  # the speaker is not the quotation


@pytest.mark.parametrize(
    "hostile",
    [
        'weapon" OR "',
        "NEAR(food weapon)",
        "text:weapon",
        "'; DROP TABLE quotes; --",
        "*",
        "^weapon",
        "{text speaker}: x",
        "a AND OR NOT",
        "(((",
    ],
)
def test_search_input_is_never_syntax(filled: Store, hostile: str) -> None:
    filled.quotes(search=hostile)
    filled.quotes(speaker=hostile)
    filled.articles(search=hostile)
    assert filled.counts()["quotes"] == 7


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=40))
def test_any_search_text_is_safe(filled: Store, text: str) -> None:
    hits = filled.quotes(search=text, speaker=text)
    assert len(hits) <= 7
    assert len(filled.articles(search=text)) <= 3


def test_punctuation_only_search_finds_nothing(filled: Store) -> None:
    assert filled.quotes(search="“ ” — ...") == []
    assert filled.quotes(search="   ") != []  # blank means no filter


def test_date_filters_are_inclusive_and_skip_undated(filled: Store) -> None:
    march = filled.quotes(since=dt.date(2022, 3, 1), until=dt.date(2022, 3, 31))
    assert _speakers(march) == {"Dmitry Peskov"}
    assert _speakers(filled.quotes(since=dt.date(2022, 9, 30))) == {"Recep Tayyip Erdoğan", None}
    assert _speakers(filled.quotes(until=dt.date(2022, 3, 15))) == {"Dmitry Peskov"}
    assert filled.quotes(until=dt.date(2022, 3, 14)) == []


def test_order_is_date_then_article_then_offset_undated_last(filled: Store) -> None:
    hits = filled.quotes()
    assert [h.published for h in hits] == [dt.date(2022, 3, 15)] * 3 + [
        dt.date(2022, 9, 30)
    ] * 3 + [None]
    starts = [h.start for h in hits[:3]]
    assert starts == sorted(starts)
    assert hits[0].title == "Kremlin says talks with Kyiv will go on"


def test_limit_offset_page_through_everything(filled: Store) -> None:
    everything = filled.quotes(limit=None)
    pages = [filled.quotes(limit=3, offset=o) for o in (0, 3, 6)]
    assert [h.id for p in pages for h in p] == [h.id for h in everything]


def test_kind_and_article_filters(filled: Store) -> None:
    assert {h.kind for h in filled.quotes(kinds=["scare"])} == {"scare"}
    aid = ankara_doc().article.id
    assert {h.article_id for h in filled.quotes(article=aid[:6])} == {aid}
    assert filled.quotes(article="%") == []  # LIKE wildcards are text


def test_quote_hit_as_dict_is_json_ready(filled: Store) -> None:
    d = filled.quotes(speaker="Biden")[0].as_dict()
    assert d["published"] is None
    assert d["speaker"] == "Joe Biden"
    assert d["text"] == "This is a good day for America,"


def test_articles_listing_and_search(filled: Store) -> None:
    listed = filled.articles()
    assert [a.title for a in listed][-1] == "Biden signs aid package"  # undated last
    assert [a.quote_count for a in listed] == [3, 3, 1]
    assert [a.title for a in filled.articles(search="grain corridor")] == [
        "Erdoğan urges calm over Black Sea grain deal"
    ]
    assert [a.title for a in filled.articles(search="erdogan")] == [
        "Erdoğan urges calm over Black Sea grain deal"
    ]
    assert filled.articles(search="Advertisement") == []  # boilerplate is not the body
    assert filled.articles(limit=1, offset=2)[0].title == "Biden signs aid package"


def test_article_by_unique_prefix(filled: Store) -> None:
    aid = washington_doc().article.id
    assert filled.article(aid[:8]).article.id == aid
    assert filled.resolve_article_id(aid) == aid
    with pytest.raises(ArticleNotFoundError):
        filled.article("zzzz")
    with pytest.raises(ArticleNotFoundError):
        filled.article("  ")


def test_ambiguous_prefix_is_an_error(store: Store) -> None:
    docs = [news_doc(f"Story {i}\nBody line number {i}.\n", source=f"s{i}") for i in range(40)]
    store.write(docs)
    first = {d.article.id[0] for d in docs}
    shared = next(c for c in first if sum(d.article.id[0] == c for d in docs) > 1)
    with pytest.raises(AmbiguousArticleIdError):
        store.article(shared)


def test_heading_quote_kinds_survive(store: Store) -> None:
    doc = news_doc(
        "“We will win” — the minister\nThe minister said: “We will win.”\n",
        source="h.txt",
        quotes=[("We will win", QuoteKind.HEADING, "The Minister", None)],
    )
    store.write([doc])
    assert store.quotes()[0].kind == "heading"
