"""Organisation names by their shape and context: heads, teams, titles before heads, ordinals,
coordinated companies, what a company does; and the dev file of news-like ORG sentences.

The names are invented where the point is that no lexicon knows them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from ner_checks import GPE, ORG, PER, found

from newsgraph.annotate.ner import EntityRecognizer
from newsgraph.evaluate.entities import evaluate_docs, parse_conll

DEV = Path(__file__).parents[1] / "fixtures" / "ner" / "dev_org_news.conll"
DEV2 = DEV.with_name("dev_org_news2.conll")  # context-only names; scored before its rules


def test_company_heads_name_organisations(rec: EntityRecognizer) -> None:
    got = found(
        rec,
        "Orvex Mining said output fell, while Tannery Row Brewing and Marlowe Bancorp "
        "hired advisers. Staff at the Alderney Chamber of Commerce and the Great Northern "
        "Railway were told on Monday.",
    )
    assert got["Orvex Mining"] is ORG
    assert got["Tannery Row Brewing"] is ORG
    assert got["Marlowe Bancorp"] is ORG
    assert got["Alderney Chamber of Commerce"] is ORG
    assert got["Great Northern Railway"] is ORG


def test_two_companies_joined_by_and_stay_two(rec: EntityRecognizer) -> None:
    got = found(rec, "Pelham Industries and Northgate Foods will merge next year.")
    assert got == {"Pelham Industries": ORG, "Northgate Foods": ORG}
    # one name whose first part is not a complete name stays one
    got = found(rec, "The England and Wales Cricket Board met in Tarnow.")
    assert got.get("England and Wales Cricket Board") is ORG


def test_a_title_word_before_an_organisation_head(rec: EntityRecognizer) -> None:
    got = found(rec, "Major League Baseball suspended the pitcher for 80 games.")
    assert got == {"Major League Baseball": ORG}
    got = found(rec, "General Olek Varga inspected the troops.")
    assert got.get("Olek Varga") is PER


def test_ordinal_belongs_to_a_military_unit(rec: EntityRecognizer) -> None:
    got = found(rec, "Troops from the 3rd Armoured Brigade were sent to the border.")
    assert got == {"3rd Armoured Brigade": ORG}


def test_school_district_is_a_body_not_a_place(rec: EntityRecognizer) -> None:
    got = found(rec, "Voters in the Fairfield Unified School District approved the budget.")
    assert got["Fairfield Unified School District"] is ORG
    got = found(rec, "Fighting spread to the Varnesk District overnight.")
    assert got["Varnesk District"] is GPE


def test_place_and_plural_is_a_team(rec: EntityRecognizer) -> None:
    got = found(rec, "The Auckland Falcons lost to the St. Louis Cardinals on Sunday.")
    assert got["Auckland Falcons"] is ORG
    assert got["St. Louis Cardinals"] is ORG
    # a place's own plural head, and a person whose first name is a city, are not teams
    got = found(rec, "Sofia Morales visited the Falkland Islands in May.")
    assert got["Sofia Morales"] is PER
    assert got["Falkland Islands"] is GPE


def test_town_and_city_clubs_in_match_reports(rec: EntityRecognizer) -> None:
    got = found(rec, "Rossdale United drew 1-1 with Kilbride Town on Saturday.")
    assert got["Kilbride Town"] is ORG
    got = found(rec, "Rain fell on Kilbride Town on Saturday.")
    assert got["Kilbride Town"] is GPE


def test_what_a_company_does_and_what_is_done_to_it(rec: EntityRecognizer) -> None:
    got = found(rec, "Vossberg, which makes wind turbines, said orders rose.")
    assert got["Vossberg"] is ORG
    got = found(rec, "Shares of Lumetra rose 4 percent on Tuesday.")
    assert got["Lumetra"] is ORG


def test_generic_head_opening_a_sentence_is_no_name(rec: EntityRecognizer) -> None:
    got = found(rec, "Police said the attack began at dawn in Marinsk.")
    assert "Police" not in got and got["Marinsk"] is GPE


def test_dev_file_of_news_organisations() -> None:
    """The dev sentences (tests/fixtures/ner/README.md): tuned on, so a floor, not a score."""
    s = evaluate_docs(parse_conll(DEV.read_text(encoding="utf-8")))
    assert s.by_type["ORG"].f1 >= 0.95, s.by_type["ORG"]
    assert s.micro.f1 >= 0.9, s.micro


def test_an_acronym_inside_an_unknown_name_is_an_organisation(rec: EntityRecognizer) -> None:
    got = found(rec, "KVRN Cable was sold last year.")
    assert got == {"KVRN Cable": ORG}
    got = found(rec, "Olek Varga was sold a house.")
    assert got["Olek Varga"] is PER


def test_a_plural_after_the_in_a_match_report_is_a_team(rec: EntityRecognizer) -> None:
    got = found(rec, "The Falcons beat the Saints 24-10 on Sunday.")
    assert got == {"Falcons": ORG, "Saints": ORG}
    assert "Saints" not in found(rec, "He painted the Saints in 1990.")


# Wire sentences where only the context says "organisation" (every name invented).
CONTEXT_CASES = [
    ("The leader of the Christian Democrats resigned on Monday.", "Christian Democrats"),
    ("Jonas Vikberg said the Moderates had lost touch with voters.", "Moderates"),
    ("A senior member of the Greens called the result a warning.", "Greens"),
    ("Last year Halvorsen acquired the Danish maker Brenvik for $400 million.", "Brenvik"),
    ("Analysts expect the tech giant Quarrix to cut jobs.", "Quarrix"),
    ("On Thursday Sorvelli reported a net loss of 40 million euros.", "Sorvelli"),
    ("About 300 of Drummore's employees will lose their jobs.", "Drummore"),
    ("Shares in the region fell after the Kalvan index lost 2 percent.", "Kalvan"),
    ("Analysts raised their price target on Tornaq after the results.", "Tornaq"),
    ("The Dockhands said talks with the port had broken down.", "Dockhands"),
    ("In Berlin the Landesbank warned that inflation would stay high.", "Landesbank"),
    ("ZFKA opened disciplinary proceedings against the club on Monday.", "ZFKA"),
    ("Veltra said it would not join.\nA spokesman for Veltra declined to comment.", "Veltra"),
    ("On Monday Marlowe Bancorp and Kestrin signed the deal.", "Kestrin"),
    ("Ilse Marken, a professor at Oxford, said the findings were striking.", "Oxford"),
]


@pytest.mark.parametrize(("text", "name"), CONTEXT_CASES)
def test_context_makes_an_organisation(rec: EntityRecognizer, text: str, name: str) -> None:
    assert found(rec, text)[name] is ORG


def test_context_rules_keep_peoples_persons_and_slugs(rec: EntityRecognizer) -> None:
    """A people's plural is no body unless it speaks; a named spokeswoman stays a person; a
    wire slug glued to a dash is no name."""
    got = found(
        rec,
        "The Vandrels sacked the city in 455.\n"
        "Marta Oyelaran, a spokeswoman for the ministry, said the plan was sound.\n"
        "BRIEF-Quarterly results due on Friday.",
    )
    assert got.get("Vandrels") is not ORG
    assert got["Marta Oyelaran"] is PER
    assert "BRIEF" not in got
    got = found(rec, "The Department of Energy and Mines said on Monday it would cut staff.")
    assert got.get("Mines") is not ORG  # one name split at "and", not a second body
    assert found(rec, "Ilse Marken was born in Oxford in 1970.")["Oxford"] is GPE


def test_second_org_dev_file_floor() -> None:
    """ORG F1 0.786 (recall 0.660) before the context rules; tuned on since, so a floor."""
    s = evaluate_docs(parse_conll(DEV2.read_text(encoding="utf-8")))
    assert s.by_type["ORG"].f1 >= 0.86, s.by_type["ORG"]
    assert s.by_type["ORG"].precision >= 0.95, s.by_type["ORG"]
    assert s.by_type["PER"].f1 >= 0.85, s.by_type["PER"]
