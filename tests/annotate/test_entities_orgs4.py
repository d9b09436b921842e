"""Organisations of the fourth round: a lone unknown word that speaks of a company's business,
a capitalised common word before "broadcaster NAME", names opening with a digit, a university
named with its town, parties named "X for Y", foreign articles opening a newspaper's name.
Names are invented where no lexicon should know them.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ner_checks import ORG, PER, found

from newsgraph.annotate.ner import EntityRecognizer
from newsgraph.annotate.ner.context import digit_names


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Dravolt warned that freight rates would fall further this year.", "Dravolt"),
        ("Kelmora said quarterly sales rose 4 percent.", "Kelmora"),
        ("On Tuesday, Brenvar said orders from customers in Asia had slowed.", "Brenvar"),
    ],
)
def test_a_lone_word_speaking_of_business_is_a_company(
    rec: EntityRecognizer, text: str, name: str
) -> None:
    assert found(rec, text)[name] is ORG


@pytest.mark.parametrize(
    "text",
    [
        "Kestrel warned on Tuesday that he would resign.",
        "Kestrel said sales of his book had doubled.",
        "Kestrel said the talks had failed.",
        # a surname of a person the article named in full stays the person
        "Mark Kestrel runs a shipping firm.\nKestrel said profits would fall.",
        # a first name alone is a person whatever it speaks of
        "Maria said sales had slowed.",
    ],
)
def test_a_lone_surname_stays_a_person(rec: EntityRecognizer, text: str) -> None:
    got = found(rec, text)
    assert got[text.split("\n")[-1].split()[0]] is PER


def test_a_common_word_before_a_broadcaster_is_no_name(rec: EntityRecognizer) -> None:
    assert found(rec, "State broadcaster NHK reported the quake.") == {"NHK": ORG}
    assert found(rec, "Public broadcaster Velta said the show was cancelled.") == {"Velta": ORG}
    # the noun after a name still makes it an organisation
    assert found(rec, "The Tarvo party said it would join the coalition.")["Tarvo"] is ORG


@pytest.mark.parametrize(
    "text",
    [
        "Researchers at Tarnow College London and the University of Oxford published the data.",
        "Tarnow College London said the trial had been stopped.",
    ],
)
def test_a_college_keeps_its_town(rec: EntityRecognizer, text: str) -> None:
    assert found(rec, text)["Tarnow College London"] is ORG


def test_a_known_head_glued_to_a_place_still_splits(rec: EntityRecognizer) -> None:
    got = found(rec, "The Interior Ministry Moscow said.")
    assert got["Interior Ministry"] is ORG and "Moscow" in got


@pytest.mark.parametrize(
    "text",
    [
        "Le Monde and Der Kurier published the leaked documents on Sunday.",
        "He spoke to Der Kurier and Le Monde.",
    ],
)
def test_a_foreign_article_opens_a_newspaper_after_and(rec: EntityRecognizer, text: str) -> None:
    got = found(rec, text)
    assert got["Der Kurier"] is ORG and "Kurier" not in got


@pytest.mark.parametrize(
    "text",
    [
        "Alternative for Tarnow won 20 percent of the vote.",
        "The far-right Alternative for Tarnow came third with 14 percent.",
        "Support for the Alternative for Tarnow rose in the latest poll.",
    ],
)
def test_a_party_named_for_what_it_stands_for(rec: EntityRecognizer, text: str) -> None:
    got = found(rec, text)
    assert got["Alternative for Tarnow"] is ORG and "Tarnow" not in got


def test_a_common_noun_before_for_opens_no_name(rec: EntityRecognizer) -> None:
    assert "Hope for Tarnow" not in found(rec, "Hope for Tarnow faded on Monday.")
    assert "Lawyers for Kestrel" not in found(rec, "Lawyers for Kestrel said they would appeal.")


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("4K agreed to pay $6 billion to settle lawsuits over contaminated water.", "4K"),
        ("Shares of 9Q fell 2 percent on Monday.", "9Q"),
        ("He works at a 9-Tarvel store in Osaka.", "9-Tarvel"),
        ("9-Tarvel owner Kelmora Holdings rejected the offer.", "9-Tarvel"),
    ],
)
def test_names_opening_with_a_number(rec: EntityRecognizer, text: str, name: str) -> None:
    assert found(rec, text)[name] is ORG


@pytest.mark.parametrize(
    "text",
    [
        "The 5G network was launched on Monday.",
        "He bought a 3D printer in 2020.",
        "The 2-Day meeting ended without a deal.",
        "Leeds won 3-1 at home and the F-16 jets flew over.",
    ],
)
def test_numbers_glued_to_capitals_are_seldom_names(rec: EntityRecognizer, text: str) -> None:
    assert not any(k[0].isdigit() for k in found(rec, text))


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet="3M7-Eleven aQ,.'s$", max_size=40))
def test_digit_names_lie_inside_the_sentence_and_open_with_a_digit(text: str) -> None:
    raw = "Shares of " + text
    for s, e in digit_names(raw, 0, len(raw)):
        assert 0 <= s < e <= len(raw) and raw[s].isdigit()


def test_a_grocer_in_apposition_is_a_company(rec: EntityRecognizer) -> None:
    got = found(rec, "Tarveld, Britain's second-largest grocer, said sales rose 3 percent.")
    assert got["Tarveld"] is ORG
