"""Statements attributed by "according to X" without quotation marks become indirect quotes."""

from __future__ import annotations

import pytest

import newsgraph
from newsgraph.pipeline import PROFILES


def _indirect(text: str) -> list[tuple[str, str | None, str | None]]:
    doc = newsgraph.process("Talks stall\n\n" + text, stages=PROFILES["quotes"])
    out = []
    for q in doc.quotes:
        if q.kind == "indirect":
            assert doc.article.text[q.span.start : q.span.end] == q.text
            out.append((q.text, q.speaker_text, q.speaker))
    return out


@pytest.mark.parametrize(
    ("sentence", "clause", "speaker_text", "speaker"),
    [
        (
            "According to two diplomats, the talks collapsed on Friday over sanctions.",
            "the talks collapsed on Friday over sanctions",
            "two diplomats",
            "two diplomats",
        ),
        (
            "The talks collapsed on Friday over sanctions, according to two diplomats.",
            "The talks collapsed on Friday over sanctions",
            "two diplomats",
            "two diplomats",
        ),
        (
            "The ceasefire was broken twice overnight, according to officials familiar with it.",
            "The ceasefire was broken twice overnight",
            "officials",
            "officials",
        ),
        (
            "According to Interior Ministry spokesman Peter Hall, three people were arrested.",
            "three people were arrested",
            "Interior Ministry spokesman Peter Hall",
            "Peter Hall",
        ),
        (
            "Prices rose by 4 percent in March, according to the statistics office.",
            "Prices rose by 4 percent in March",
            "the statistics office",
            "statistics office",
        ),
        (
            "KYIV (Reuters) - According to the army, two drones were shot down overnight.",
            "two drones were shot down overnight",
            "the army",
            "army",
        ),
    ],
)
def test_according_to_at_sentence_start_or_end(
    sentence: str, clause: str, speaker_text: str, speaker: str
) -> None:
    assert _indirect(sentence) == [(clause, speaker_text, speaker)]


@pytest.mark.parametrize(
    "sentence",
    [
        "The vote will go ahead next week, according to plan.",
        "According to the rules, each member state has one vote in the council.",
        "The talks, according to two diplomats, collapsed on Friday.",  # an aside, not an end
        "Rain fell, according to two diplomats.",  # a clause of two words says too little
        "The plan failed, according to two diplomats who then said it would be revived soon.",
    ],
)
def test_no_statement_without_a_source_or_a_clause(sentence: str) -> None:
    assert _indirect(sentence) == []


def test_a_quotation_in_the_sentence_keeps_its_own_attribution() -> None:
    doc = newsgraph.process(
        "Talks stall\n\nAccording to two diplomats, the talks were “a complete failure”.",
        stages=PROFILES["quotes"],
    )
    assert [(q.kind, q.speaker_text) for q in doc.quotes] == [("partial", "two diplomats")]


def test_the_source_becomes_the_person_he_refers_to() -> None:
    text = (
        "According to Finance Minister Anna Weber, the budget was agreed in principle.\n\n"
        "“We will not raise taxes,” she said."
    )
    doc = newsgraph.process("Budget talks\n\n" + text, stages=PROFILES["quotes"])
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert [(q.text, q.speaker) for q in direct] == [("We will not raise taxes,", "Anna Weber")]
