"""End to end on the five seed articles: newsgraph.process(text) against the gold quotations."""

from __future__ import annotations

import re

import pytest
from quote_scoring import KindScore, score

from newsgraph.annotate.sentences import split_sentences
from newsgraph.extract.quotes import extract_quotes
from newsgraph.model import Article, Line, LineRole, Span
from newsgraph.pipeline import process


@pytest.fixture(scope="module")
def seed_scores(seed_texts: dict[str, str], gold_quotes: list[dict]) -> dict[str, KindScore]:
    preds = {name: process(text, source=name).quotes for name, text in seed_texts.items()}
    scores = score(seed_texts, preds, gold_quotes)
    for kind, s in sorted(scores.items()):
        print(
            f"{kind:20} gold={s.gold:3} found={s.found:3} P={s.precision:.2f} R={s.recall:.2f} "
            f"F1={s.f1:.2f} speaker={s.speaker_accuracy:.2f}"
        )
        for miss in s.misses:
            print("   ", miss)
    return scores


def test_direct_and_continuation_detection(seed_scores: dict[str, KindScore]) -> None:
    s = seed_scores["direct+continuation"]
    assert s.f1 >= 0.90, s.misses


def test_direct_and_continuation_speakers(seed_scores: dict[str, KindScore]) -> None:
    s = seed_scores["direct+continuation"]
    assert s.speaker_accuracy >= 0.95, s.misses


def test_partial_quotations(seed_scores: dict[str, KindScore]) -> None:
    s = seed_scores["partial"]
    assert s.recall >= 0.9, s.misses
    assert s.speaker_accuracy >= 0.7, s.misses


def test_heading_quotations(seed_scores: dict[str, KindScore]) -> None:
    s = seed_scores["heading"]
    assert s.recall >= 0.8, s.misses
    assert s.speaker_accuracy >= 0.8, s.misses


def test_scare_quotes_have_no_speaker(seed_scores: dict[str, KindScore]) -> None:
    s = seed_scores["scare"]
    assert s.recall >= 0.8, s.misses
    assert s.speaker_accuracy == 1.0, s.misses


def test_overall_detection(seed_scores: dict[str, KindScore]) -> None:
    assert seed_scores["all"].f1 >= 0.9, seed_scores["all"].misses


@pytest.fixture(scope="module")
def seed_scores_with_gold_roles(
    seed_texts: dict[str, str], gold_quotes: list[dict], gold_articles: dict[str, dict]
) -> dict[str, KindScore]:
    """The same seeds with the line roles a good cleaner gives (title, headings, boilerplate)."""
    preds = {}
    for name, text in seed_texts.items():
        article = article_with_gold_roles(text, gold_articles[name])
        preds[name] = extract_quotes(article, split_sentences(article), ())
    return score(seed_texts, preds, gold_quotes)


def article_with_gold_roles(text: str, gold: dict) -> Article:
    lines = []
    title_seen = False
    for m in re.finditer(r"[^\n]+", text):
        line = m.group().strip()
        if not line:
            continue
        a = m.start() + m.group().index(line)
        role = LineRole.BODY
        if line == gold["title"] and not title_seen:
            role, title_seen = LineRole.TITLE, True
        elif line in gold["headings"]:
            role = LineRole.HEADING
        elif line in gold["not_body"] or line == gold["title"]:
            role = LineRole.BOILERPLATE
        lines.append(Line(Span(a, a + len(line)), role))
    return Article(id="x", text=text, source="seed", lines=tuple(lines))


def test_with_cleaner_roles_direct_and_continuation(
    seed_scores_with_gold_roles: dict[str, KindScore],
) -> None:
    s = seed_scores_with_gold_roles["direct+continuation"]
    assert s.f1 >= 0.90, s.misses
    assert s.speaker_accuracy >= 0.95, s.misses


def test_with_cleaner_roles_headings_partials_and_scare(
    seed_scores_with_gold_roles: dict[str, KindScore],
) -> None:
    scores = seed_scores_with_gold_roles
    assert scores["heading"].recall >= 0.8 and scores["heading"].speaker_accuracy >= 0.8
    assert scores["partial"].recall >= 0.9 and scores["partial"].speaker_accuracy >= 0.7
    assert scores["scare"].speaker_accuracy == 1.0, scores["scare"].misses
    assert scores["all"].f1 >= 0.9, scores["all"].misses
