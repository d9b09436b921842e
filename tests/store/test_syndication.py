"""Syndicated copies: one wire story on several sites becomes one story; the same quotation by
the same speaker becomes one group with its outlets and first-seen date. On SQLite and, when a
server is available, PostgreSQL."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st
from store_builders import ankara_doc, kremlin_doc, news_doc, washington_doc
from test_postgres_store import pg_server, pg_url  # noqa: F401  (fixtures)

from newsgraph.model import Document, QuoteKind
from newsgraph.store import Store, open_store
from newsgraph.store import syndication as syn

WIRE_BODY = (
    "ISTANBUL — Turkey will keep the Black Sea grain corridor open as long as ships need it, "
    "President Recep Tayyip Erdoğan said on Wednesday, after Russia suspended its part of the"
    " deal.\n"
    "“We will keep the corridor open as long as ships need it,” Erdoğan told reporters after "
    "Friday prayers in Istanbul.\n"
    "Russia pulled out of the United Nations-brokered arrangement at the weekend, citing a "
    "drone attack on its fleet in Sevastopol, but cargo vessels continued to leave Ukrainian "
    "ports on Monday and Tuesday.\n"
    "The agreement, signed in July, has allowed more than nine million tonnes of corn, wheat "
    "and sunflower oil to be shipped from Odesa, Chornomorsk and Pivdennyi.\n"
    "Erdoğan said his defence minister was in contact with his Russian counterpart and that "
    "the two countries' intelligence chiefs would meet in Ankara later this week.\n"
    "Wheat futures in Chicago rose as much as six per cent on Monday before easing, as "
    "traders weighed the risk of the route closing for good.\n"
    "“Nobody should use food as a weapon,” the Turkish president said, adding that the "
    "poorest countries would suffer most from higher prices.\n"
)

EDITED_BODY = (
    WIRE_BODY.replace("ISTANBUL — ", "ISTANBUL, Nov 2 (Wire) — ")
    .replace("on Wednesday", "on Wednesday evening")
    .replace("as much as six per cent", "by up to 6%")
    .replace("“Nobody should use food as a weapon,”", '"Nobody should use food as a weapon,"')
)
TRIMMED_BODY = "\n".join(WIRE_BODY.splitlines()[:5]) + "\n"

OTHER_BODY = (
    "KYIV — Power was restored to most of the capital on Thursday after engineers repaired "
    "substations damaged by overnight strikes, the city's mayor said.\n"
    "Queues formed at petrol stations in several districts, and the metro ran a reduced "
    "timetable until noon while crews checked the lines.\n"
    "The mayor urged residents to charge phones and store water, warning that further outages"
    " were likely as temperatures fell below freezing.\n"
    "“Nobody should use food as a weapon,” a spokesman for the regional administration said, "
    "quoting the Turkish president.\n"
    "Schools in the city will move lessons online for the rest of the week, the education "
    "department said in a statement.\n"
)


def _copy(
    title: str,
    body: str,
    *,
    source: str,
    url: str | None,
    published: dt.date | None,
    boilerplate: str = "",
    speaker: str = "Recep Tayyip Erdoğan",
) -> Document:
    text = f"{title}\n{boilerplate}{body}"
    quotes = []
    for words in (
        "We will keep the corridor open as long as ships need it,",
        "Nobody should use food as a weapon,",
    ):
        if words in text:
            quotes.append((words, QuoteKind.DIRECT, speaker, "Erdoğan"))
    if "the Turkish president" in text and quotes:
        quotes[-1] = (quotes[-1][0], QuoteKind.DIRECT, speaker, "the Turkish president")
    doc = news_doc(text, source=source, published=published, quotes=quotes)
    return dataclasses.replace(doc, article=dataclasses.replace(doc.article, url=url))


def wire_copies() -> list[Document]:
    """Three sites running one wire story: other headlines, boilerplate, edits, a cut."""
    return [
        _copy(
            "Erdoğan vows to keep grain corridor open",
            WIRE_BODY,
            source="a/grain.html",
            url="https://www.daily-a.example/world/grain",
            published=dt.date(2022, 11, 2),
            boilerplate="Advertisement\n",
        ),
        _copy(
            "Turkey's Erdogan: grain ships will keep sailing",
            EDITED_BODY,
            source="b/erdogan.html",
            url="https://news-b.example/2022/11/02/erdogan",
            published=dt.date(2022, 11, 3),
            boilerplate="Share this article\nRead more: the war in Ukraine\n",
            speaker="Recep Tayyip Erdogan",  # the other outlet's linker dropped the accent
        ),
        _copy(
            "Grain deal: Ankara defies Moscow",
            TRIMMED_BODY,
            source="c/ankara-defies.html",
            url="https://c-times.example/a/1",
            published=dt.date(2022, 11, 4),
        ),
    ]


def other_story(source: str = "d/kyiv.html") -> Document:
    return _copy(
        "Kyiv restores power after strikes",
        OTHER_BODY,
        source=source,
        url="https://d-post.example/kyiv",
        published=dt.date(2022, 11, 1),
    )


@pytest.fixture(params=["sqlite", "postgresql"])
def any_store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    url = str(tmp_path / "s.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    s = open_store(url)
    yield s
    s.close()


def _story_of(store: Store) -> dict[str, str]:
    with store.engine.connect() as conn:
        rows = conn.execute(sa.select(syn.copies.c.article_id, syn.copies.c.story_id))
        return {aid: story for aid, story in rows}


def _table(store: Store, table: sa.Table) -> list[tuple]:
    with store.engine.connect() as conn:
        return sorted(tuple(r) for r in conn.execute(sa.select(table)))


def test_wire_copies_group_into_one_story(any_store: Store) -> None:
    copies = wire_copies()
    any_store.write([other_story(), *copies, kremlin_doc(), ankara_doc(), washington_doc()])
    story_of = _story_of(any_store)
    ids = [d.article.id for d in copies]
    assert len({story_of[i] for i in ids}) == 1
    story = story_of[ids[0]]
    others = [other_story(), kremlin_doc(), ankara_doc(), washington_doc()]
    assert all(story_of[d.article.id] != story for d in others)
    assert len(set(story_of.values())) == 5
    assert {a.story_id for a in any_store.articles() if a.id in ids} == {story}
    rows = {r[0]: r for r in _table(any_store, syn.stories)}
    _, title, first_seen, n_copies, outlets = rows[story]
    assert (title, first_seen, n_copies, outlets) == (
        "Erdoğan vows to keep grain corridor open",
        dt.date(2022, 11, 2),
        3,
        3,
    )


def test_copies_in_separate_runs_find_each_other(tmp_path: Path) -> None:
    """The LSH index lives in the database: a later run joins the story of an earlier one."""
    first, second, third = wire_copies()
    with open_store(tmp_path / "s.db") as s:
        s.write([first])
    with open_store(tmp_path / "s.db") as s:
        s.write([other_story()])
        s.write([third, second])
        story_of = _story_of(s)
    assert story_of[second.article.id] == story_of[third.article.id] == first.article.id


def test_quotes_merge_across_copies_with_outlets_and_first_seen(any_store: Store) -> None:
    any_store.write([*wire_copies(), other_story()])
    hits = any_store.quotes(search="corridor open ships")
    assert len(hits) == 3
    assert {(h.outlets, h.copies, h.first_seen) for h in hits} == {(3, 3, dt.date(2022, 11, 2))}
    merged = any_store.quotes(search="corridor open ships", merged=True)
    assert [(h.source, h.outlets) for h in merged] == [("a/grain.html", 3)]
    assert merged[0].as_dict()["first_seen"] == "2022-11-02"


def test_same_words_same_speaker_merge_across_stories(any_store: Store) -> None:
    """The unrelated Kyiv story quotes the same words, attributed to the same person."""
    kyiv = dataclasses.replace(
        other_story(),
        quotes=tuple(
            dataclasses.replace(q, speaker="Recep Tayyip Erdoğan") for q in other_story().quotes
        ),
    )
    any_store.write([*wire_copies()[:2], kyiv])
    weapon = any_store.quotes(search="food weapon", merged=True)
    assert [(h.outlets, h.copies, h.first_seen) for h in weapon] == [(3, 3, dt.date(2022, 11, 1))]
    assert weapon[0].source == "d/kyiv.html"  # the earliest copy is the canonical one


def test_speakerless_quotes_group_only_within_their_story(any_store: Store) -> None:
    def scare(source: str, body: str) -> Document:
        text = f"Headline\n{body}Critics called it a “sham” process.\n"
        return news_doc(
            text,
            source=source,
            published=dt.date(2022, 1, 1),
            quotes=[("sham", QuoteKind.SCARE, None, None)],
        )

    any_store.write([scare("x/1", WIRE_BODY), scare("y/2", OTHER_BODY), scare("z/3", EDITED_BODY)])
    copies = sorted((h.source, h.copies) for h in any_store.quotes(search="sham"))
    assert copies == [("x/1", 2), ("y/2", 1), ("z/3", 2)]


def test_unrelated_articles_stay_apart(any_store: Store) -> None:
    docs = [
        news_doc(
            f"Story {i}\nMinister {i} said the plan for district {i} was “ready” on day {i}.\n"
            f"Officials in region {i} expect work on {i * 7} homes to begin in spring.\n",
            source=f"s/{i}.txt",
        )
        for i in range(30)
    ]
    any_store.write([*docs, other_story(), *wire_copies()[:1]])
    assert len(set(_story_of(any_store).values())) == 32


def test_reingest_changes_nothing(any_store: Store) -> None:
    docs = [*wire_copies(), other_story(), kremlin_doc()]
    any_store.write(docs)
    before = [_table(any_store, t) for t in (syn.stories, syn.quote_groups, syn.copies)]
    count_bands = sa.select(sa.func.count()).select_from(syn.minhash_bands)
    with any_store.engine.connect() as conn:
        bands = conn.execute(count_bands).scalar()
    any_store.write(docs)
    any_store.write(list(reversed(docs)))
    after = [_table(any_store, t) for t in (syn.stories, syn.quote_groups, syn.copies)]
    assert after == before
    with any_store.engine.connect() as conn:
        assert conn.execute(count_bands).scalar() == bands


def test_an_updated_copy_leaves_its_story_and_counts_follow(any_store: Store) -> None:
    copies = wire_copies()
    any_store.write(copies)
    rewritten = other_story(source=copies[1].article.source)  # the site replaced the page
    assert any_store.write([rewritten]).updated == 1
    story = copies[0].article.id
    rows = {r[0]: r for r in _table(any_store, syn.stories)}
    assert rows[story][3:] == (2, 2)  # copies, outlets
    corridor = any_store.quotes(search="corridor", merged=True)
    assert [(h.outlets, h.copies) for h in corridor] == [(2, 2)]
    any_store.write([copies[1]])  # and back: it rejoins
    assert _story_of(any_store)[copies[1].article.id] == story


def test_same_order_same_stories_batched_or_not(tmp_path: Path) -> None:
    docs = [other_story(), *wire_copies(), kremlin_doc()]
    with open_store(tmp_path / "one.db") as a, open_store(tmp_path / "many.db") as b:
        a.write(docs)
        for d in docs:
            b.write([d])
        assert _story_of(a) == _story_of(b)
        assert _table(a, syn.quote_groups) == _table(b, syn.quote_groups)


def test_outlet_is_host_then_publisher_then_source() -> None:
    doc = kremlin_doc()
    assert syn.outlet(doc) == "news.example"
    no_url = dataclasses.replace(doc, article=dataclasses.replace(doc.article, url=None))
    assert syn.outlet(no_url) == "wire service"
    bare = dataclasses.replace(no_url, article=dataclasses.replace(no_url.article, publisher=None))
    assert syn.outlet(bare) == "wire/kremlin.txt"


# ---------------------------------------------------------------------- MinHash properties

_TEXT = st.lists(
    st.text(alphabet=st.characters(categories=["L", "N", "P"]), min_size=1, max_size=8),
    min_size=1,
    max_size=60,
)


@settings(max_examples=60, deadline=None)
@given(
    words=_TEXT,
    spaces=st.lists(st.sampled_from([" ", "  ", "\n", "\n\n", "\t"]), min_size=60, max_size=60),
)
def test_signature_ignores_case_and_spacing_only(words: list[str], spaces: list[str]) -> None:
    plain = " ".join(words)
    spaced = "".join(w + s for w, s in zip(words, spaces, strict=False))
    a, b = syn.signature(plain), syn.signature(spaced.upper())
    assert a is not None and b is not None
    if plain.casefold() == plain.upper().casefold():  # case folding is the only change
        assert syn.similarity(a, b) == 1.0
    assert syn.signature(plain) is not None and np.array_equal(a, syn.signature(plain))


@settings(max_examples=40, deadline=None)
@given(words=_TEXT)
def test_band_keys_are_stable_non_negative_63_bit(words: list[str]) -> None:
    sig = syn.signature(" ".join(words))
    assert sig is not None
    keys = syn.band_keys(sig)
    assert len(keys) == syn.BANDS and keys == syn.band_keys(sig.copy())
    assert all(0 <= k < 2**63 for k in keys)


@settings(max_examples=40, deadline=None)
@given(bodies=st.lists(st.lists(st.text(min_size=1, max_size=8), max_size=12).map(" ".join)))
def test_batch_signatures_equal_one_at_a_time(bodies: list[str]) -> None:
    """Bodies of no word, of fewer words than a shingle and of many, side by side."""
    bodies = [*bodies, WIRE_BODY, "", "one", "two words", " ".join(["long"] * 40_000)]
    one_by_one = [syn.signature(b) for b in bodies]
    batched = syn.signatures(bodies)
    for a, b in zip(one_by_one, batched, strict=True):
        assert (a is None and b is None) or (
            a is not None and b is not None and a.dtype == b.dtype and np.array_equal(a, b)
        )


def test_empty_body_has_no_signature_but_still_a_story(tmp_path: Path) -> None:
    assert syn.signature("  \n ") is None
    doc = news_doc("Only a headline\n", source="h.txt")
    with open_store(tmp_path / "e.db") as s:
        s.write([doc])
        assert _story_of(s) == {doc.article.id: doc.article.id}


def test_long_bodies_past_the_precomputed_tables() -> None:
    body = " ".join(f"w{i}" for i in range(40_000))  # > 128 KB of bytes
    head = syn.word_hashes(body[:1000])
    assert np.array_equal(syn.word_hashes(body)[: len(head)], head)


def test_a_version_3_database_gains_stories_and_keeps_working(tmp_path: Path) -> None:
    """Articles stored before the migration stay ungrouped; new copies group among themselves."""
    path = tmp_path / "v3.db"
    first, second, third = wire_copies()
    with open_store(path) as s:
        s.write([first])
        with s.engine.begin() as conn:  # back to the version 3 layout
            for table in ("quote_groups", "minhash_bands", "copies", "stories"):
                conn.exec_driver_sql(f"DROP TABLE {table}")
            conn.exec_driver_sql("DROP INDEX ix_quotes_group_key")
            conn.exec_driver_sql("ALTER TABLE quotes DROP COLUMN group_key")
            conn.exec_driver_sql("UPDATE schema_meta SET value = '3' WHERE key = 'schema_version'")
    with open_store(path) as s:
        assert [h.outlets for h in s.quotes(search="corridor")] == [1]
        s.write([second, third])
        story_of = _story_of(s)
        assert first.article.id not in story_of
        assert story_of[second.article.id] == story_of[third.article.id]
        assert sorted(h.outlets for h in s.quotes(search="corridor")) == [1, 2, 2]


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=127), max_size=60))
def test_ascii_folding_matches_the_general_rule(text: str) -> None:
    """ASCII text takes a shortcut (one translation); it folds exactly as the general rule."""
    import re

    general = re.sub(r"[\W_]+", " ", text.casefold()).strip()
    assert syn._fold(text) == general
    assert syn._fold(f"“{text}” — ¡Sí!") == re.sub(r"[\W_]+", " ", f"{text} si".casefold()).strip()


def test_candidate_similarity_in_one_pass_picks_the_closest_story() -> None:
    """The most similar candidate at or above SAME_STORY wins; below it, none does."""
    base = np.arange(syn.NUM_PERM, dtype=np.uint32)
    near, far = base.copy(), base.copy()
    near[:20] += 1000  # 44 of 64 values shared
    far[:50] += 1000  # 14 of 64: under SAME_STORY
    keys = [1, 2, 3]
    by_band = {1: [("near", "a1"), ("far", "a2")], 2: [("far", "a2")], 3: []}
    sigs = {"a1": near, "a2": far}
    assert syn._best_story(base, keys, by_band, sigs) == "near"
    assert syn._best_story(base, keys, {1: [("far", "a2")]}, sigs) is None
    assert syn._best_story(base, [9], by_band, sigs) is None
