"""Organisations of the third dev round: names with a number or a possessive ending, clubs
named by their towns outside a score line, company evidence that outweighs a first name, and
company doings ("said it would close", "cut 300 jobs"). Names are invented where no lexicon
should know them; market indexes and ratings agencies come from the shipped lexicon.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ner_checks import GPE, ORG, PER, found

from newsgraph.annotate.ner import EntityRecognizer
from newsgraph.evaluate.entities import evaluate_docs, parse_conll

DEV3 = Path(__file__).parents[1] / "fixtures" / "ner" / "dev_org_news3.conll"


def test_indexes_and_agencies_with_numbers_symbols_and_possessives(rec: EntityRecognizer) -> None:
    got = found(
        rec,
        "The S&P 500 rose 0.6 percent and the FTSE 100 closed flat in Tarnow, while the "
        "Hang Seng index fell.\nShares of Orvex slid after Moody's cut its rating.",
    )
    assert got["S&P 500"] is ORG
    assert got["FTSE 100"] is ORG
    assert got["Hang Seng"] is ORG
    assert got["Moody's"] is ORG
    assert "S&P" not in got and "FTSE" not in got and "Moody" not in got


def test_a_broadcaster_keeps_its_number(rec: EntityRecognizer) -> None:
    got = found(rec, "The interview was first shown by Channel 4 on Monday.")
    assert got == {"Channel 4": ORG}
    assert found(rec, "In an interview with Channel 4, he said so.") == {"Channel 4": ORG}
    # a number after a place or a person stays out of the name
    got = found(rec, "Prices in Tarnow rose 4 percent, Maria Kaur 3 said.")
    assert "Tarnow" in got and not any(k.endswith(("4", "3")) for k in got)


def test_a_possessive_stays_out_of_an_ordinary_name(rec: EntityRecognizer) -> None:
    got = found(rec, "Russia's central bank and Maria Kaur's lawyers met in Tarnow.")
    assert got["Russia"] is GPE and got["Maria Kaur"] is PER


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Fans of Sunderland protested outside the ground on Saturday.", "Sunderland"),
        ("United confirmed he would miss the derby against Manchester City.", "Manchester City"),
        ("Wigan were relegated after losing 2-0 at home to Bolton.", "Bolton"),
        ("In Spain, Betis drew 0-0 with Osasuna on Sunday.", "Osasuna"),
        ("Juventus signed the defender Marco Ferri on Monday.", "Juventus"),
    ],
)
def test_clubs_named_by_towns_or_unknown_words(rec: EntityRecognizer, text: str, name: str) -> None:
    assert found(rec, text)[name] is ORG


def test_towns_and_surnames_stay_themselves_outside_sport(rec: EntityRecognizer) -> None:
    assert found(rec, "Police in Sunderland arrested two men.")["Sunderland"] is GPE
    got = found(rec, "The envoy spoke to Bolton after the talks in Geneva.")
    assert got.get("Bolton") is not ORG


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Brennic said it would cut 1,200 jobs and close a plant.", "Brennic"),
        ("Tolvane cut 300 jobs on Tuesday.", "Tolvane"),
        ("Workers at Korvanto will strike on Friday.", "Korvanto"),
        ("Gains at Dravix offset losses at Quenmark.", "Dravix"),
        ("Mining equipment supplier Tessaly said demand had slowed.", "Tessaly"),
        ("Velzor lawmakers voted against the motion.", "Velzor"),
        ("Anna Veldt shares fell 6 percent after the results.", "Anna Veldt"),
    ],
)
def test_company_doings_make_an_organisation(rec: EntityRecognizer, text: str, name: str) -> None:
    assert found(rec, text)[name] is ORG


def test_persons_keep_their_type_beside_the_new_cues(rec: EntityRecognizer) -> None:
    got = found(rec, "Maria Kaur said it was a mistake, and her shares in the firm were sold.")
    assert got["Maria Kaur"] is PER
    assert found(rec, "Judge Helen Marsh adjourned the case.")["Helen Marsh"] is PER
    got = found(rec, "Maria Kaur said her firm would cut 300 jobs.")
    assert got["Maria Kaur"] is PER


def test_a_body_named_for_two_fields_stays_one(rec: EntityRecognizer) -> None:
    got = found(rec, "The Department of Energy and Mines said on Monday it would cut staff.")
    assert got == {"Department of Energy and Mines": ORG}
    got = found(rec, "The Ministry of Health and Barclays signed the deal.")
    assert got["Ministry of Health"] is ORG and got["Barclays"] is ORG


def test_third_org_dev_file_floor() -> None:
    """ORG F1 0.777 (recall 0.664) before this round's rules; tuned on since, so a floor."""
    s = evaluate_docs(parse_conll(DEV3.read_text(encoding="utf-8")))
    assert s.by_type["ORG"].f1 >= 0.88, s.by_type["ORG"]
    assert s.by_type["ORG"].precision >= 0.95, s.by_type["ORG"]
    assert s.by_type["LOC"].f1 >= 0.9, s.by_type["LOC"]


def test_a_body_named_for_its_country_and_newspaper_heads(rec: EntityRecognizer) -> None:
    got = found(rec, "Statistics Canada said sales rose, the Halvern Sentinel reported.")
    assert got["Statistics Canada"] is ORG
    assert got["Halvern Sentinel"] is ORG
    assert found(rec, "Michael Jordan said he was tired.")["Michael Jordan"] is PER


def test_towns_in_a_results_table_are_clubs_countries_stay_places(rec: EntityRecognizer) -> None:
    text = (
        "Results of matches played on Saturday:\n"
        "Leeds 2 Chelsea 1\n"
        "Tarnow 1 ( Kaur 35 ) Bolton 1\n"
        "Japan 2 Syria 1\n"
        "Standings: Leeds 10 6 2 2 18 9 20"
    )
    got = found(rec, text)
    for club in ("Leeds", "Chelsea", "Bolton"):
        assert got[club] is ORG, club
    assert got["Japan"] is GPE and got["Syria"] is GPE
    assert got.get("Kaur") is not ORG  # a scorer in brackets is no club
    # a sentence with numbers that is no table
    assert found(rec, "Prices in Leeds rose 2 percent in May.")["Leeds"] is GPE


def test_a_word_joined_to_an_organisation_known_later_in_the_article(
    rec: EntityRecognizer,
) -> None:
    got = found(rec, "Velmora and Karsk will hold talks next week, a spokeswoman for Karsk said.")
    assert got["Velmora"] is ORG and got["Karsk"] is ORG
    got = found(rec, "Velmora and Karsk will hold talks next week, Maria Kaur said.")
    assert got.get("Velmora") is not ORG  # no evidence anywhere: no organisation


def test_a_company_noun_opening_the_sentence_is_no_part_of_the_name(
    rec: EntityRecognizer,
) -> None:
    got = found(rec, "Chipmaker Tolvex said demand was strong.\nRival Brenvik reported a loss.")
    assert got == {"Tolvex": ORG, "Brenvik": ORG}
    assert found(rec, "Carmaker Volvo Cars recalled 70,000 vehicles.") == {"Volvo Cars": ORG}
