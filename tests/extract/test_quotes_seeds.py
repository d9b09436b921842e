"""End to end on the five seed articles: newsgraph.process(text) against the gold quotations."""

from __future__ import annotations

import pytest
from quote_scoring import KindScore, score

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
