"""Event extraction on short news-like articles, one construction each, and on the seeds."""

from __future__ import annotations

import datetime as dt

import pytest

from newsgraph.model import Event
from newsgraph.pipeline import process

PUB = "2023-03-10"  # a Friday


def events_of(text: str, published: str | None = PUB) -> list[Event]:
    meta = {"published": published} if published else {}
    return list(process(text, source="<test>", **meta).events)


def one(text: str, etype: str, published: str | None = PUB) -> Event:
    found = [e for e in events_of(text, published) if e.type == etype]
    assert len(found) == 1, [(e.type, e.actor_text, e.recipient_text) for e in found]
    return found[0]


def test_rejection_with_possessive_recipient() -> None:
    e = one("Moscow on Thursday rejected US President Joe Biden's conditions for talks.", "REJECT")
    assert (e.actor_country, e.recipient_country) == ("RUS", "USA")
    assert e.recipient_id == "joe-biden"
    assert e.date == dt.date(2023, 3, 9) and "Thursday" in (e.date_text or "")


def test_phone_call_names_recipient_inside_phrase() -> None:
    e = one(
        "Putin told German Chancellor Olaf Scholz in a phone call that talks must go on.", "CONSULT"
    )
    assert e.mode == "phone"
    assert e.actor_id == "vladimir-putin" and e.recipient_id == "olaf-scholz"


def test_denial_is_reject_deny() -> None:
    e = one("Peskov rejected allegations about Russia's involvement in the blast.", "REJECT")
    assert e.actor_id == "dmitry-peskov"
    assert not [x for x in events_of("Peskov rejected allegations.") if x.type == "ACCUSE"]


def test_pressure_from_abroad_is_coercion_by_that_country() -> None:
    e = one("Turkish banks stop using the Mir system under US pressure.", "COERCE")
    assert e.actor_country == "USA" and e.recipient_country == "TUR"
    s = one("Turkish banks stop using the Mir system under US pressure.", "SANCTION")
    assert s.actor_country == "TUR" and s.actor_sector == "business"


def test_conditional_sanctions_are_a_threat() -> None:
    text = (
        "Biden said the United States would impose sanctions on Russia in the event of escalation."
    )
    e = one(text, "THREATEN")
    assert (e.actor_country, e.recipient_country) == ("USA", "RUS")
    assert not [x for x in events_of(text) if x.type == "SANCTION"]


def test_negated_talks_are_flagged_not_coded_as_happening() -> None:
    e = one("Russia would certainly not hold talks with Zelensky, Peskov said.", "CONSULT")
    assert e.negated and not e.hypothetical
    assert e.recipient_id == "volodymyr-zelenskyy"


def test_prepared_to_speak_is_hypothetical() -> None:
    e = one("Zelensky said he would be prepared to speak to Putin.", "CONSULT")
    assert e.hypothetical and not e.negated
    assert e.actor_id == "volodymyr-zelenskyy"


def test_plans_and_will_are_future() -> None:
    e = one("Germany plans to send more tanks to Ukraine next month.", "AID")
    assert e.future and e.recipient_country == "UKR"
    f = one("Turkey will hold talks with Sweden next week.", "CONSULT")
    assert f.future and f.date == dt.date(2023, 3, 17)


def test_refusal_governs_the_act() -> None:
    evs = events_of("North Korea refused to return to talks with Washington.")
    assert [e.type for e in evs] == ["REJECT"]
    assert evs[0].mode == "meet" and evs[0].recipient_country == "USA"


def test_request_names_the_addressee_and_mode() -> None:
    e = one("The EU called on Russia to withdraw its troops from Ukraine.", "REQUEST")
    assert e.actor_id == "eu" and e.recipient_country == "RUS" and e.mode == "yield"
    assert not [x for x in events_of("The EU called on Russia to withdraw.") if x.type == "RETREAT"]


def test_threat_to_act() -> None:
    e = one("Turkey threatened to expel ten Western ambassadors.", "THREATEN")
    assert e.actor_country == "TUR" and e.mode == "expel"


def test_passive_swaps_actor_and_recipient() -> None:
    e = one("The journalist was arrested by Iranian police on Monday.", "COERCE")
    assert e.actor_text.endswith("police") and e.actor_country == "IRN"
    assert e.recipient_text == "The journalist"
    assert e.date == dt.date(2023, 3, 6)


def test_passive_without_agent_is_not_coded() -> None:
    assert not events_of("Twenty protesters were arrested in the capital.")


def test_host_is_recipient_of_a_visit() -> None:
    e = one("Erdogan hosted Israeli President Isaac Herzog in Ankara.", "CONSULT")
    assert e.mode == "visit"
    assert e.actor_text.endswith("Isaac Herzog") and e.recipient_country == "TUR"


def test_reciprocal_meeting_codes_first_as_actor() -> None:
    e = one("Japan and South Korea held talks in Tokyo on Monday.", "CONSULT")
    assert (e.actor_country, e.recipient_country) == ("JPN", "KOR")


def test_quote_speaker_is_actor_of_we() -> None:
    text = '"We condemn this attack on our embassy," Foreign Minister Sergei Lavrov said.'
    e = one(text, "ACCUSE")
    assert e.actor_id == "sergei-lavrov" and e.quote is not None


def test_noun_owner_is_actor() -> None:
    e = one("Residents described Russia's missile strikes on Kharkiv as the worst yet.", "ASSAULT")
    assert e.actor_country == "RUS" and e.recipient_text == "Kharkiv"


def test_noun_after_determiner_is_not_a_verb() -> None:
    evs = events_of("Modi visited Washington last week for a state visit.")
    assert [(e.type, e.actor_text) for e in evs] == [("CONSULT", "Modi")]


def test_no_events_in_plain_reporting() -> None:
    text = "The stock market closed higher on Friday as investors shrugged off inflation fears."
    assert events_of(text) == []


def test_no_publication_date_keeps_only_explicit_dates() -> None:
    e = one("Moscow rejected the proposal on Thursday.", "REJECT", published=None)
    assert e.date is None
    f = one("Moscow rejected the proposal on 3 March 2022.", "REJECT", published=None)
    assert f.date == dt.date(2022, 3, 3)


def test_every_span_points_into_the_text() -> None:
    text = (
        "Poland asked Germany to approve the transfer of Leopard tanks.\n\n"
        "China accused the United States of spreading disinformation about the balloon."
    )
    doc = process(text, published=PUB)
    assert len(doc.events) == 2
    for e in doc.events:
        assert e.sentence.contains(e.trigger)
        assert e.actor_span is not None and text[e.actor_span.start : e.actor_span.end]
        assert e.actor_text and e.actor_text in text


@pytest.fixture(scope="module")
def seed_events(seed_texts: dict[str, str]) -> dict[str, list[Event]]:
    return {name: list(process(text, source=name).events) for name, text in seed_texts.items()}


def test_seed_rejection_and_phone_call(seed_events: dict[str, list[Event]]) -> None:
    every = [e for evs in seed_events.values() for e in evs]
    assert any(
        e.type == "REJECT" and e.actor_country == "RUS" and e.recipient_country == "USA"
        for e in every
    )
    assert any(
        e.type == "CONSULT" and e.mode == "phone" and e.recipient_id == "olaf-scholz" for e in every
    )
    assert any(e.type == "REJECT" and e.actor_id == "dmitry-peskov" for e in every)


def test_seed_events_have_actors_and_confidence(seed_events: dict[str, list[Event]]) -> None:
    every = [e for evs in seed_events.values() for e in evs]
    assert every
    assert all(e.actor_text and 0.0 < e.confidence <= 1.0 for e in every)


def test_the_date_in_the_events_own_clause_wins() -> None:
    text = "NATO said on Sept. 30 that Russia had massed troops near the border last week."
    e = one(text, "MOBILIZE")
    assert e.date_text == "last week" and e.date == dt.date(2023, 3, 3)


def test_sending_a_delegation_is_a_visit_to_the_place() -> None:
    e = one("The Kremlin plans to send a delegation to Minsk next week.", "CONSULT")
    assert e.mode == "visit" and e.future and e.recipient_country == "BLR"


def test_conditional_clause_is_not_an_event() -> None:
    evs = events_of("Kyiv might consider talks with Moscow if Russian troops withdraw.")
    assert [(e.type, e.hypothetical) for e in evs] == [("CONSULT", True)]


def test_relative_clause_subject_is_its_antecedent() -> None:
    text = "Zelenskiy, who met Biden at the White House on Tuesday, urged Congress to act."
    req = one(text, "REQUEST")
    assert req.actor_id == "volodymyr-zelenskyy" and req.recipient_country == "USA"
    met = one(text, "CONSULT")
    assert met.actor_id == "volodymyr-zelenskyy" and met.recipient_id == "joe-biden"


def test_fronted_clause_ends_at_its_comma() -> None:
    text = "Since Russia's invasion of Ukraine, Western countries have imposed sanctions on Moscow."
    e = one(text, "SANCTION")
    assert e.actor_text == "Western countries" and e.recipient_country == "RUS"
    assert one(text, "ASSAULT").actor_country == "RUS"


def test_month_without_year_reads_forwards_for_announced_events() -> None:
    # Said in January: "will visit in March" is this March, what happened "in March" last year's.
    will = one("Germany will host Japan's prime minister in March.", "CONSULT", "2024-01-20")
    assert will.future and will.date == dt.date(2024, 3, 1)
    did = one("Germany hosted Japan's prime minister in March.", "CONSULT", "2024-01-20")
    assert not did.future and did.date == dt.date(2023, 3, 1)
    # Said in November: "in December" with future tense is this December; "in January" next year.
    dec = one("The Kenyan president will visit Ethiopia in December.", "CONSULT", "2024-11-10")
    assert dec.date == dt.date(2024, 12, 1)
    jan = one("Erdogan plans to visit Moscow in January.", "CONSULT", "2024-12-05")
    assert jan.date == dt.date(2025, 1, 1) and jan.date_text == "in January"


def test_day_and_weekday_without_year_read_forwards_for_announced_events() -> None:
    e = one("Erdogan will visit Moscow on March 3.", "CONSULT", "2024-12-05")
    assert e.date == dt.date(2025, 3, 3)
    # PUB is a Friday: "will meet on Monday" is the Monday after, "met on Monday" the one before.
    f = one("Turkey will hold talks with Sweden on Monday.", "CONSULT")
    assert f.date == dt.date(2023, 3, 13) and f.date_text == "on Monday"
    p = one("Turkey held talks with Sweden on Monday.", "CONSULT")
    assert p.date == dt.date(2023, 3, 6)


# ---------------------------------------------------------------- actors and recipients (issue #4)


def test_apposition_after_a_name_is_not_the_subject() -> None:
    e = one("Jens Stoltenberg, the NATO secretary general, criticised Hungary on Monday.", "ACCUSE")
    assert e.actor_text == "Jens Stoltenberg" and e.recipient_country == "HUN"
    f = one("Kuwait, a small Gulf monarchy, donated $50 million to Syria.", "AID")
    assert f.actor_country == "KWT" and f.recipient_country == "SYR"


def test_coordinated_subject_of_a_directed_act_gives_each_actor_an_event() -> None:
    evs = [e for e in events_of("Canada and Australia sanctioned four Russian officials.")]
    assert sorted(e.actor_country or "" for e in evs if e.type == "SANCTION") == ["AUS", "CAN"]
    assert all((e.recipient_text or "").endswith("Russian officials") for e in evs)
    # a symmetric act keeps one event: the first named is the actor, the other the recipient
    meet = [e for e in events_of("Kenya and Uganda signed a trade agreement.")]
    assert [(e.actor_country, e.recipient_country) for e in meet] == [("KEN", "UGA")]


def test_possessor_and_the_named_actor_after_it_are_one_party() -> None:
    e = one("Egypt's foreign minister Sameh Shoukry met Qatar's prime minister.", "CONSULT")
    assert e.actor_text.startswith("Egypt's") and "Shoukry" in e.actor_text
    assert e.actor_country == "EGY" and e.recipient_country == "QAT"


def test_its_forces_belong_to_the_speaker() -> None:
    text = "Russia's defence ministry said its troops had captured the town of Avdiivka."
    e = one(text, "ASSAULT")
    assert e.actor_text == "its troops" and e.actor_country == "RUS"


def test_hosted_by_in_the_passive_keeps_the_visitor_as_actor() -> None:
    text = "Israeli President Isaac Herzog was hosted by President Recep Tayyip Erdogan in Ankara."
    e = one(text, "CONSULT")
    assert e.actor_text.endswith("Isaac Herzog") and e.recipient_country == "TUR"


def test_a_stance_noun_makes_the_name_before_it_the_party() -> None:
    e = one("Serbia rejected an EU proposal on Kosovo.", "REJECT")
    assert e.recipient_text is not None and "EU" in e.recipient_text
    f = one("Farmers protested outside the EU headquarters in Brussels.", "PROTEST")
    assert f.recipient_text is not None and "EU" in f.recipient_text
    # a topic after "for" that follows the object is not the party
    g = one("Hungary vetoed an EU aid package for Ukraine.", "REJECT")
    assert g.recipient_country != "UKR"


def test_author_of_a_stance_after_by_is_the_party() -> None:
    e = one("Hamas accepted the terms set by Egyptian mediators.", "CONCEDE")
    assert e.recipient_text is not None and e.recipient_text.endswith("mediators")


def test_forces_are_moved_to_places_but_aimed_near_parties() -> None:
    near = one("China massed troops near Taiwan on Monday.", "MOBILIZE")
    assert near.recipient_country == "TWN"
    sent = one("Britain deployed troops to Estonia.", "MOBILIZE")
    assert sent.recipient_text is None
    strait = one("Russia deployed warships near the Bosporus Strait.", "MOBILIZE")
    assert strait.recipient_text is None
    out = one("Israeli forces withdrew from the town of Jenin.", "RETREAT")
    assert out.recipient_text is None


def test_forces_can_be_attacked_but_weapons_cannot() -> None:
    e = one("Rebels attacked government forces near Goma.", "ASSAULT")
    assert e.recipient_text == "government forces"


def test_no_recipient_beyond_another_act() -> None:
    e = one("Saudi Arabia executed a man convicted of killing police officers.", "ASSAULT")
    assert e.recipient_text == "a man"


def test_struck_a_target_is_an_attack_but_struck_a_deal_is_not() -> None:
    e = one("Russian missiles struck an apartment block in Dnipro.", "ASSAULT")
    assert e.recipient_text == "Dnipro"
    deal = events_of("Ghana struck a new deal with the IMF.")
    assert not [x for x in deal if x.type == "ASSAULT"]


def test_adverb_between_verb_and_preposition() -> None:
    e = one("France stood firmly with Ukraine, Macron said.", "SUPPORT")
    assert e.actor_country == "FRA" and e.recipient_country == "UKR"


def test_subject_with_a_prepositional_phrase_keeps_its_verb() -> None:
    e = one("Relatives of the detained sailors appealed to the Iranian government.", "REQUEST")
    assert e.actor_text.startswith("Relatives") and e.recipient_country == "IRN"


def test_demonym_before_an_act_noun_owns_it() -> None:
    e = one("Turkish airstrikes hit Kurdish positions in northern Iraq.", "ASSAULT")
    assert e.actor_country == "TUR"


def test_adjective_before_an_act_noun_is_not_a_subject() -> None:
    text = "\u201cWe condemn this brutal attack,\u201d said the Kenyan president."
    assert [e.type for e in events_of(text)] == ["ACCUSE"]


def test_purpose_protest_and_occupation_by_civilians_are_protests() -> None:
    evs = events_of("Workers occupied the factory in Turin to protest the layoffs.")
    assert [(e.type, e.actor_text) for e in evs] == [("PROTEST", "Workers")]


def test_accused_party_is_the_recipient_whatever_it_is() -> None:
    e = one("Vietnam accused Chinese fishing boats of entering its waters.", "ACCUSE")
    assert e.recipient_text == "Chinese fishing boats"


def test_handing_power_back_is_a_concession() -> None:
    e = one("The junta in Guinea agreed to hand power back to civilians.", "CONCEDE")
    assert e.actor_text.startswith("The junta")


def test_a_word_inside_a_name_is_no_trigger() -> None:
    text = "The International Monetary Fund said growth would slow in Kenya."
    assert not events_of(text)


def test_passive_with_no_agent_and_noun_after_possessive_trigger_nothing() -> None:
    assert not events_of("The proposal was discussed at length in Geneva.")
    assert not events_of("Russia's press reported heavy snow in Moscow.")


def test_refusing_an_act_that_is_no_event_is_still_a_rejection() -> None:
    e = one("Belarus refused to pardon the jailed activist.", "REJECT")
    assert e.actor_country == "BLR" and e.recipient_text is None
    assert not events_of("The spokesman declined to comment on the report.")


def test_a_body_of_water_is_nobody() -> None:
    e = one("Houthi rebels fired missiles at a cargo ship in the Red Sea.", "ASSAULT")
    assert e.recipient_text is None  # nor is a ship: only people and bodies are parties


def test_what_a_protest_demands_is_not_a_request_of_its_own() -> None:
    evs = events_of("Thousands of nurses marched through Lagos to demand better pay.")
    assert [e.type for e in evs] == ["PROTEST"]


def test_expelling_a_mission_head_is_a_sanction() -> None:
    e = one("Burkina Faso expelled the head of the UN mission.", "SANCTION")
    assert e.mode == "expel" and e.recipient_text == "the head"


def test_prepositions_do_not_make_a_chunk_a_modifier() -> None:
    e = one("Police detained dozens of protesters outside parliament in Yerevan.", "COERCE")
    assert e.recipient_text == "dozens of protesters"


def test_place_after_an_infinitive_is_not_the_party() -> None:
    e = one("Serbia threatened to launch an operation in Kosovo.", "THREATEN")
    assert e.recipient_text is None


def test_capitalised_word_before_a_verb_is_a_name_the_recogniser_missed() -> None:
    e = one("Thousands of Uzbeks protested in Tashkent against the new tax.", "PROTEST")
    assert e.actor_text is not None and "Uzbeks" in e.actor_text
    # a weekday or a function word before the verb is no name
    assert not events_of("On Monday attacked positions were shelled again.")


def test_more_general_news_wording() -> None:
    e = one("The German chancellor hit out at Hungary over its veto.", "ACCUSE")
    assert e.mode == "disapprove" and e.recipient_country == "HUN"
    assert not [x for x in events_of("Macron hit out at Orban.") if x.type == "ASSAULT"]
    assert one("Turkey opposed Sweden's bid to join NATO.", "REJECT").recipient_country == "SWE"
    assert one("Police cracked down on protesters in Dhaka.", "COERCE").recipient_text == (
        "protesters"
    )
    assert one("The authorities launched a crackdown on journalists.", "COERCE").mode == "restrict"
    assert one("The Pentagon dispatched two warships to the region.", "MOBILIZE").mode == "troops"
    seized = one("Iranian forces intercepted a tanker in the Gulf.", "COERCE")
    assert seized.mode == "seize" and seized.recipient_text is None
