"""Recipients that sit past the act's object: the origin of traded goods a trade measure hits,
the agent of a received visit, the party named after a role noun; one short news-like article
each."""

from __future__ import annotations

from test_events_constructions import one


def test_origin_of_goods_is_the_sanctioned_state() -> None:
    e = one("Canada imposed duties on aluminium imports from China on Tuesday.", "SANCTION")
    assert e.actor_text == "Canada" and e.recipient_text == "China"


def test_origin_after_goods_named_by_a_participle() -> None:
    text = "The EU imposed tariffs of up to 38% on electric vehicles imported from China."
    assert one(text, "SANCTION").recipient_text == "China"


def test_threatened_tariffs_name_the_exporter() -> None:
    text = "Washington threatened to impose tariffs on steel from Mexico, officials said."
    e = one(text, "THREATEN")
    assert e.actor_text == "Washington" and e.recipient_text == "Mexico"


def test_troops_withdrawn_from_a_town_take_no_origin() -> None:
    e = one("The army withdrew troops from the town of Kupiansk on Friday.", "RETREAT")
    assert e.recipient_text is None or "Kupiansk" not in e.recipient_text


def test_people_accused_are_the_recipient_not_who_they_are_linked_to() -> None:
    text = "Britain accused hackers linked to Iran's intelligence ministry of breaching servers."
    e = one(text, "ACCUSE")
    assert e.actor_text == "Britain" and e.recipient_text == "hackers"


def test_complaint_at_a_forum_is_against_the_party_named_after_it() -> None:
    text = "Ukraine filed a case at the International Court of Justice against Russia on Monday."
    e = one(text, "ACCUSE")
    assert e.recipient_text == "Russia"


def test_visitor_received_somewhere_by_a_host_is_the_actor() -> None:
    text = "The Iraqi prime minister was received at the White House on Tuesday by Joe Biden."
    e = one(text, "CONSULT")
    assert e.mode == "visit" and e.actor_text == "The Iraqi prime minister"
    assert e.recipient_text is not None and "Joe Biden" in e.recipient_text


def test_adjectives_coordinated_before_forces_that_exchanged_fire() -> None:
    text = "Indian and Pakistani troops exchanged fire across the Line of Control in Kashmir."
    e = one(text, "ASSAULT")
    assert e.actor_text == "Indian" and e.recipient_text == "Pakistani troops"


def test_coordinated_parties_clash_with_each_other_not_the_place() -> None:
    e = one("Armenian and Azerbaijani forces clashed near Tegh on Monday.", "ASSAULT")
    assert e.recipient_text == "Azerbaijani forces"


def test_a_demonym_with_people_names_a_nation() -> None:
    e = one("Japan sent emergency aid to the Turkish people on Monday.", "AID")
    assert e.recipient_text == "the Turkish people"


def test_state_in_its_leaders_quotation_speaks_through_the_leader() -> None:
    text = "“Germany stands with Ukraine,” Chancellor Olaf Scholz said on Monday."
    e = one(text, "SUPPORT")
    assert e.actor_text == "Olaf Scholz" and e.recipient_text == "Ukraine"


def test_another_state_named_in_a_quotation_stays_the_actor() -> None:
    text = "“Russia shelled our cities again,” Ukrainian President Volodymyr Zelensky said."
    assert one(text, "ASSAULT").actor_text == "Russia"


def test_announced_future_withdrawal_is_a_concession() -> None:
    text = "Russia will withdraw its troops from Kherson, the defence minister said on Friday."
    assert one(text, "CONCEDE").actor_text == "Russia"


def test_withdrawal_done_stays_a_retreat() -> None:
    assert one("Russia withdrew its troops from Kherson on Friday.", "RETREAT").mode == "withdraw"


def test_agreement_with_a_day_before_its_infinitive() -> None:
    e = one("Iran agreed on Thursday to resume talks with the IAEA.", "AGREE")
    assert e.actor_text == "Iran"


def test_presidency_is_an_actor() -> None:
    text = "Bosnia's presidency agreed to cooperate with an international audit."
    assert one(text, "AGREE").actor_text == "Bosnia's presidency"


def test_round_of_negotiations_is_a_meeting() -> None:
    text = "Serbia and Kosovo held a fresh round of EU-facilitated negotiations in Brussels."
    e = one(text, "CONSULT")
    assert (e.actor_text, e.recipient_text) == ("Serbia", "Kosovo")


def test_state_of_emergency_with_a_length_is_declared() -> None:
    text = "Peru's president declared a 60-day state of emergency in three provinces."
    assert one(text, "COERCE").actor_text == "Peru's president"


def test_missionaries_not_released_is_a_negated_release() -> None:
    e = one("Gang leaders have not released the seven missionaries.", "RETREAT")
    assert e.negated and e.mode == "release"


def test_purpose_after_crowd_control_is_no_recipient_phrase() -> None:
    e = one("Police fired tear gas to disperse the protesters.", "ASSAULT")
    assert e.recipient_text is None or not e.recipient_text.startswith("disperse")


def test_dismissed_as_groundless_allegations_is_a_denial() -> None:
    text = "Beijing dismissed as groundless allegations that its hackers broke into servers."
    e = one(text, "REJECT")
    assert e.mode == "deny" and e.actor_text == "Beijing"


def test_sharing_evidence_is_cooperation() -> None:
    text = "French investigators are sharing evidence with their Belgian counterparts."
    e = one(text, "COOPERATE")
    assert e.recipient_text == "their Belgian counterparts"
