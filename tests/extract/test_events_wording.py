"""Trigger wording added for issue #4 (unseen text), each with a sentence in a non-event sense."""

from __future__ import annotations

import pytest
from test_events_constructions import events_of

CASES = [
    ("Chile and Peru reached a staff-level agreement on fishing rights.", "AGREE", "Chile"),
    ("Unions called off a planned national strike in Lagos.", "CONCEDE", "Unions"),
    ("The ruling party withdrew its controversial media bill.", "CONCEDE", "The ruling party"),
    ("Serbia and Hungary resumed cross-border rail services.", "COOPERATE", "Serbia"),
    ("Pakistan sought debt relief from China.", "REQUEST", "Pakistan"),
    ("Indonesia banned all palm oil exports to India.", "SANCTION", "Indonesia"),
    ("The junta allowed UN human rights inspectors into the prison.", "RETREAT", "The junta"),
    ("China launched large-scale military drills around Taiwan.", "MOBILIZE", "China"),
    ("Russia began war games near the Finnish border.", "MOBILIZE", "Russia"),
    ("Japan delivered two patrol boats to the Philippine navy.", "AID", "Japan"),
    ("Korea shipped rice to flood victims in Myanmar.", "AID", "Korea"),
]


@pytest.mark.parametrize(("text", "etype", "actor"), CASES)
def test_wording_codes_the_event(text: str, etype: str, actor: str) -> None:
    assert (etype, actor) in [(e.type, e.actor_text) for e in events_of(text)]


@pytest.mark.parametrize(
    "text",
    [
        "The jury reached a verdict after three days.",
        "The company shipped steel to Vietnam.",
        "The ministry launched a new website for tourists.",
        "Rescuers called off the search after nightfall.",
        "The firm resumed production in March.",
    ],
)
def test_same_words_in_other_senses_code_nothing(text: str) -> None:
    assert events_of(text) == []
