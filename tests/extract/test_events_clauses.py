"""Events in clauses around the main one: participle clauses, purposes, appositions, what a
show of force moves, what is denied; one short news-like article each."""

from __future__ import annotations

from test_events_constructions import events_of, one


def test_participle_clause_shares_the_main_subject_and_its_object() -> None:
    text = "Mali expelled two Danish diplomats on Monday, accusing them of espionage."
    e = one(text, "ACCUSE")
    assert e.actor_text == "Mali" and e.recipient_text == "two Danish diplomats"


def test_participle_clause_is_no_second_attack_by_the_place() -> None:
    text = "Bandits attacked a bus in western Niger, killing nine passengers."
    assert [e.actor_text for e in events_of(text) if e.type == "ASSAULT"] == ["Bandits"]


def test_name_in_apposition_is_the_recipient() -> None:
    text = "Lula spoke by phone with his Argentine counterpart, Javier Milei, on Friday."
    assert one(text, "CONSULT").recipient_text == "Javier Milei"


def test_purpose_of_a_meeting_is_no_second_meeting() -> None:
    text = "Egypt's foreign minister met the Qatari emir in Doha to discuss Sudan's war."
    found = [e for e in events_of(text) if e.type == "CONSULT"]
    assert len(found) == 1 and found[0].recipient_text != "Sudan"


def test_forces_moved_are_not_the_recipient() -> None:
    e = one("Rebel commanders mobilised hundreds of fighters near Goma.", "MOBILIZE")
    assert e.recipient_text != "hundreds of fighters"


def test_denied_act_has_no_recipient() -> None:
    e = one("Tehran denied arming Houthi rebels in Yemen.", "REJECT")
    assert e.mode == "deny" and e.recipient_text is None


def test_demand_of_a_protest_is_not_a_request() -> None:
    text = "Teachers blocked the main road in Lagos, demanding the resignation of the governor."
    assert [e.type for e in events_of(text)] == ["PROTEST"]


def test_source_asking_not_to_be_named_requests_nothing() -> None:
    text = "Two guards were killed, according to a police source who asked not to be named."
    assert not [e for e in events_of(text) if e.type == "REQUEST"]


def test_region_after_a_place_name_is_part_of_the_place() -> None:
    e = one("Russian missiles struck power plants in the Odesa region overnight.", "ASSAULT")
    assert e.recipient_text == "the Odesa region"


def test_person_extradited_is_no_party() -> None:
    e = one("Colombia extradited a drug lord to the United States.", "COOPERATE")
    assert e.recipient_text == "the United States"


def test_place_after_a_compass_word_is_still_governed_by_its_preposition() -> None:
    text = "Armed groups in Ethiopia's northern Amhara region agreed to a truce with the army."
    assert one(text, "AGREE").actor_text == "Armed groups"
    e = one("Gunmen ambushed a convoy in eastern Congo.", "ASSAULT")
    assert e.recipient_text == "Congo"


def test_purpose_clause_holds_no_recipient_of_a_protest() -> None:
    text = "Hundreds of nurses rallied outside the hospital to demand better pay in Lagos."
    assert one(text, "PROTEST").recipient_text is None


def test_agent_of_an_act_named_by_the_subject_is_the_actor() -> None:
    text = "A missile strike by the Russian army hit a school in the Kharkiv region."
    assert one(text, "ASSAULT").actor_text == "the Russian army"


def test_participle_adjective_after_a_possessive() -> None:
    e = one("Kenya's ruling party condemned the attack on its offices.", "ACCUSE")
    assert e.actor_text == "Kenya's ruling party"


def test_coordinated_subject_with_a_determiner_and_an_adjective() -> None:
    text = "Ethiopia's army and the regional Tigrayan forces agreed to a truce on Monday."
    e = one(text, "AGREE")
    assert e.actor_text == "Ethiopia's army"


def test_a_group_of_workers_striking_is_a_labour_strike() -> None:
    e = one("Kenya's doctors will not strike next week, their union said.", "PROTEST")
    assert e.mode == "strike" and e.negated
    assert not [
        x for x in events_of("Kenya's doctors will not strike next week.") if x.type == "ASSAULT"
    ]


def test_weapons_moved_are_a_show_of_force() -> None:
    assert (
        one("Russia has moved tactical nuclear warheads to Belarus.", "MOBILIZE").actor_text
        == "Russia"
    )


def test_subordinate_clause_after_after_has_its_own_subject() -> None:
    text = "The union protested after soldiers detained three reporters in Mandalay."
    e = one(text, "COERCE")
    assert e.actor_text == "soldiers" and e.recipient_text == "three reporters"


def test_event_in_a_days_after_clause_is_reported() -> None:
    text = "Talks resumed two days after jihadists attacked a border post in Burkina Faso."
    e = one(text, "ASSAULT")
    assert e.actor_text == "jihadists" and e.recipient_text == "Burkina Faso"


def test_place_after_a_preposition_is_still_no_subject() -> None:
    text = "After talks in Doha, Qatar pledged aid to Gaza on Monday."
    assert all(e.actor_text != "Doha" for e in events_of(text))
