"""Speakers written as a description of a person named before (issue #2, round 2): nationality
("the Frenchman", "the Spanish engineer"), age, position ("the winger", "the 41-year-old"), an
all-caps role ("the CFO"); a person "of" a body; a name inside an opening participle phrase;
plus both dev sets' scores."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from articles import find, quotes_of
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.evaluate.common import run_documents
from newsgraph.evaluate.quotes import score_quotes
from newsgraph.extract.quotes.descriptors import is_demonym, is_descriptor

FIXTURES = Path(__file__).parents[1] / "fixtures"


def test_nationality_and_age_stand_for_the_person_the_text_is_about() -> None:
    qs = quotes_of(
        """# Grand prix
Racing driver Antoine Mercier took pole position on Saturday ahead of his team-mate.
"The car felt perfect from the first lap," the Frenchman said.
Mercier, 41, is the oldest driver on the grid.
"I still enjoy it more than anything," added the 41-year-old.
Winger Carla Dominguez was also asked about the race.
"It is a different sport but I love it," the Spanish winger said."""
    )
    assert find(qs, "The car felt").speaker == "Antoine Mercier"
    assert find(qs, "I still enjoy").speaker == "Antoine Mercier"
    assert find(qs, "It is a different").speaker == "Carla Dominguez"


def test_a_position_with_nobody_introduced_is_the_topic_person() -> None:
    qs = quotes_of(
        """# Cup tie
Lewis Barnard, whose goal sealed the tie, was calm afterwards.
"We knew they would tire," the striker told the club's website."""
    )
    assert find(qs, "We knew they").speaker == "Lewis Barnard"


def test_nationality_that_does_not_fit_the_introduced_role_holder() -> None:
    qs = quotes_of(
        """# Reactor study
Climate scientist Joanna Pike praised the study.
Its main author, Professor Marco Bellini, said the data were solid.
Bellini said the reactor had run for a year without fault.
"We did not expect such a stable result," the Italian scientist said."""
    )
    assert find(qs, "We did not expect").speaker == "Marco Bellini"


def test_an_all_caps_role_is_the_person_introduced_with_it() -> None:
    qs = quotes_of(
        """# Retailer results
Chief financial officer Dana Whitlock said margins had held up.
Analysts asked about the dividend.
"The dividend is safe," the CFO said."""
    )
    assert find(qs, "The dividend is").speaker == "Dana Whitlock"


def test_a_person_of_a_body_is_the_person() -> None:
    qs = quotes_of(
        """# Bank shares
Lena Forsberg of Nordvik Partners wrote to clients: "The sell-off is overdone. We are buyers."
"""
    )
    assert find(qs, "The sell-off").speaker == "Lena Forsberg"


def test_a_body_in_an_opening_phrase_is_not_the_topic() -> None:
    qs = quotes_of(
        """# Stadium plan
Speaking for the club, Rovemoor Holdings, finance director Omar Patel said the plan was costed.
"Every penny has been accounted for," he told the meeting."""
    )
    assert find(qs, "Every penny").speaker == "Omar Patel"


def test_a_name_after_a_role_in_apposition_stays_the_topic() -> None:
    qs = quotes_of(
        """# Market traders
Their neighbour, baker Ruth Oduya, was more hopeful.
"People will come back," she said."""
    )
    assert find(qs, "People will").speaker == "Ruth Oduya"


def test_a_name_in_apposition_before_its_body_is_the_speaker() -> None:
    qs = quotes_of(
        """# Flood defences
Engineer Nadia Greaves led the survey of the river banks.
Her colleague, Dr Paul Kowalczyk of the Riverside Institute, said the walls were sound.
"We found no cracks at all," he said."""
    )
    assert find(qs, "We found no").speaker == "Paul Kowalczyk"


def test_an_aside_inside_an_aside_does_not_give_the_speaker() -> None:
    qs = quotes_of(
        """# Library reopens
Gwen Morris, speaking about the new library, which opens on Monday, said it was "a gift"."""
    )
    assert find(qs, "a gift").speaker == "Gwen Morris"


def test_a_parent_described_by_children_is_the_person_named_before() -> None:
    qs = quotes_of(
        """# House fire
Grace Holm, 38, lost her home in the fire on Friday night.
"Everything is gone," the mother-of-two said."""
    )
    assert find(qs, "Everything is gone").speaker == "Grace Holm"


def test_a_short_quotation_right_after_an_utterance_verb_is_said() -> None:
    qs = quotes_of(
        """# Budget vote
Protesters chanted "no more cuts" outside the town hall.
One resident, who would not give her name, shouted "shame on you" as the vote was read."""
    )
    assert find(qs, "no more cuts").speaker == "Protesters"
    assert find(qs, "shame on you").speaker == "One resident"


def test_a_nationality_skips_people_introduced_with_another() -> None:
    qs = quotes_of(
        """# Fishing quotas
The minister, Ana Ruiz, flew to Brussels on Tuesday.
"Spain will not accept this deal," Ruiz told reporters on arrival.
Her German counterpart, Klaus Becker, disagreed.
"There is no better deal on offer," Becker said.
"We need unity now," the Spaniard said later."""
    )
    assert find(qs, "We need unity").speaker == "Ana Ruiz"


def test_a_nationality_before_a_role_nobody_was_introduced_with() -> None:
    qs = quotes_of(
        """# Carmaker results
Arvo boss Kenji Sato said the firm would hire 500 staff.
"We are growing again," the Japanese executive said.
Officials in Tokyo welcomed the news.
"It is good for everyone," the Japanese president said."""
    )
    assert find(qs, "We are growing").speaker == "Kenji Sato"
    assert find(qs, "It is good for").speaker != "Kenji Sato"  # an office is read by its date


def test_an_honorific_chooses_between_people_of_the_same_surname() -> None:
    qs = quotes_of(
        """# Sentencing
Wayne Hollis, 34, showed no emotion as he was jailed.
Speaking outside court, his mother, Janet Hollis, said: "He is not a bad lad."
"He got in with the wrong crowd," Mrs Hollis added."""
    )
    assert find(qs, "He got in with").speaker == "Janet Hollis"


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=12))
def test_descriptor_tests_never_fail_on_any_word(word: str) -> None:
    assert isinstance(is_demonym(word), bool)
    assert isinstance(is_descriptor(word.lower()), bool)
    if not word[:1].isupper():
        assert not is_demonym(word)  # a nationality is written with a capital


def test_role_words_are_no_nationality() -> None:
    assert is_demonym("Italian") and is_demonym("Welshman") and is_demonym("Spaniard")
    assert not any(is_demonym(w) for w in ("Chairman", "Guardian", "Spokesman", "Woman"))


@pytest.mark.parametrize("name", ["quotes_dev", "quotes_dev2"])
def test_dev_sets_speaker_accuracy(name: str) -> None:
    folder = FIXTURES / name
    rows = [json.loads(line) for line in (folder / "quotes.jsonl").read_text().splitlines()]
    docs = run_documents(folder / "docs", [r["doc"] for r in rows])
    scores = score_quotes(rows, docs)
    assert (scores.detection["direct+continuation"].f1 or 0) >= 0.95
    assert (scores.speaker["direct+continuation"].value or 0) >= 0.95
    assert (scores.speaker["all"].value or 0) >= 0.9
