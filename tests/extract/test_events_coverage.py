"""Trigger coverage from the PLOVER codebook: one short news sentence per new wording, the known
misses (passive aid, "welcomed by X in Y", requests "from X"), and the same words in senses that
state no event."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.extract.events.lexicon import TRIGGERS
from newsgraph.model import Event
from newsgraph.pipeline import process

PUB = "2025-02-10"


def events_of(text: str) -> list[Event]:
    return list(process(text, source="<test>", published=PUB).events)


def _words(text: str | None) -> str:
    return (text or "").lower()


# (sentence, type, actor contains, recipient contains or None for "no recipient")
COVERED = [
    ("Tunisia accepted an invitation from Algeria to attend the summit.", "AGREE", "tunisia", ""),
    ("Qatar and Bahrain settled their dispute over fishing rights.", "AGREE", "qatar", "bahrain"),
    ("Indonesia's foreign minister conferred with Malaysian officials.", "CONSULT", "minister", ""),
    ("The Brazilian president paid a state visit to Angola last week.", "CONSULT", "brazil", ""),
    ("Emmanuel Macron received the Lebanese prime minister in Paris.", "CONSULT", "lebanese", ""),
    ("Germany voiced support for Moldova's bid to join the bloc.", "SUPPORT", "germany", ""),
    ("The Kenyan president paid tribute to the peacekeepers.", "SUPPORT", "kenyan", ""),
    ("The government bowed to pressure from farmers and cut fuel taxes.", "CONCEDE", "govern", ""),
    ("Spain and Morocco joined forces to dismantle a smuggling ring.", "COOPERATE", "spain", ""),
    ("The Indian navy evacuated 400 citizens from Sudan.", "AID", "navy", "citizens"),
    ("Canada airlifted food and tents to survivors in Turkey.", "AID", "canada", "survivors"),
    ("Italy granted asylum to the Afghan journalist on Friday.", "AID", "italy", "journalist"),
    ("The governor pardoned 200 prisoners to mark the holiday.", "RETREAT", "governor", None),
    ("Israel lifted the closure of the main crossing on Sunday.", "RETREAT", "israel", None),
    ("Zambia sought a new loan from the IMF on Monday.", "REQUEST", "zambia", "imf"),
    ("The mayor requested assistance from the national guard.", "REQUEST", "mayor", "guard"),
    ("The Senate voted down the president's budget bill.", "REJECT", "senate", ""),
    ("Hungary walked away from the talks in Brussels.", "REJECT", "hungary", ""),
    ("Dock workers picketed the port of Antwerp for a second day.", "PROTEST", "workers", ""),
    ("Niger cut military ties with France on Thursday.", "SANCTION", "niger", "france"),
    ("Belarus closed its embassy in Vilnius on Friday.", "SANCTION", "belarus", ""),
    ("Taiwan raised its alert level as Chinese warships gathered.", "MOBILIZE", "taiwan", None),
    ("The junta shut down mobile internet across the country.", "COERCE", "junta", None),
    ("Houthi rebels launched drones at a cargo ship in the Red Sea.", "ASSAULT", "rebels", ""),
    ("Militias violated the ceasefire near Tripoli overnight.", "ASSAULT", "militias", ""),
    ("Israeli aircraft bombed a refugee camp in central Gaza.", "ASSAULT", "aircraft", "gaza"),
]


@pytest.mark.parametrize(("text", "etype", "actor", "recipient"), COVERED)
def test_codebook_wording_is_an_event(
    text: str, etype: str, actor: str, recipient: str | None
) -> None:
    found = [e for e in events_of(text) if e.type == etype]
    assert found, [(e.type, e.actor_text, e.recipient_text) for e in events_of(text)]
    e = found[0]
    assert actor in _words(e.actor_text)
    if recipient is None:
        assert e.recipient_text is None
    else:
        assert recipient in _words(e.recipient_text)


def test_passive_aid_keeps_the_giver_and_the_receiver() -> None:
    (e,) = events_of("Aid was delivered to Gaza by the World Food Programme on Thursday.")
    assert e.type == "AID"
    assert e.actor_text == "the World Food Programme" and e.recipient_text == "Gaza"
    (s,) = events_of("Medical supplies were sent to Libya by the Red Crescent after the floods.")
    assert (s.type, s.actor_text, s.recipient_text) == ("AID", "the Red Crescent", "Libya")


def test_troops_sent_in_the_passive_are_a_mobilisation() -> None:
    (e,) = events_of("Troops were sent to the border by the government on Monday.")
    assert (e.type, e.actor_text, e.recipient_text) == ("MOBILIZE", "the government", None)


def test_welcomed_by_a_host_in_a_city_is_the_visitors_consultation() -> None:
    found = events_of(
        "The Egyptian foreign minister was welcomed by Saudi officials in Riyadh on Tuesday."
    )
    assert [(e.type, e.mode, e.actor_text, e.recipient_text) for e in found] == [
        ("CONSULT", "visit", "The Egyptian foreign minister", "Saudi officials")
    ]


def test_help_sought_from_a_party_makes_it_the_recipient() -> None:
    (e,) = events_of("Haiti sought help from the United Nations.")
    assert (e.type, e.actor_text, e.recipient_text) == ("REQUEST", "Haiti", "the United Nations")


@pytest.mark.parametrize(
    "text",
    [
        "The minister received a letter from the president on Monday.",  # receive: no visit
        "He was sent to prison by a court in Ankara.",  # passive send: no aid
        "The letter was delivered to the wrong address.",  # no agent
        "Shares in Tokyo advanced on Monday as exporters rallied.",
        "The striker scored twice as Madrid beat Valencia 3-1.",  # a match result
        "The report raised the prospect of lower interest rates.",
        "She worked with the charity for a decade before entering politics.",
        "The space agency launched a rocket on Tuesday carrying two satellites.",
        "He walked away from the crash without injury.",
        "The party mustered enough votes to pass the budget.",
        "The club tightened its grip on the title with a win in Milan.",
    ],
)
def test_new_trigger_words_in_other_senses_state_no_event(text: str) -> None:
    assert [(e.type, e.actor_text) for e in events_of(text)] == []


_FILLER = st.sampled_from(["official", "two-day", "long", "rare", "first", "surprise"])


@settings(max_examples=40, deadline=None)
@given(st.lists(_FILLER, max_size=6))
def test_short_gap_takes_at_most_three_words(fillers: list[str]) -> None:
    """``..`` in a phrase ("pay~ .. visit+") bridges up to three words and no more."""
    (trig,) = [t for t in TRIGGERS["paid"] if t.phrase == "pay~ .. visit+"]
    assert trig.tail is not None
    tail = " " + " ".join([*fillers, "visit"])
    assert (trig.tail.match(tail) is not None) == (len(fillers) <= 3)


@settings(max_examples=40, deadline=None)
@given(st.sampled_from(["delivered", "sent", "shipped", "airlifted", "donated"]))
def test_passive_only_readings_need_a_passive(verb: str) -> None:
    """Active "Japan sent to ..." never takes the passive-only aid reading."""
    assert any(t.passive_only for t in TRIGGERS[verb])
    found = events_of(f"Japan {verb} to Turkey what it could.")
    assert all("passive" not in e.evidence or e.type != "AID" for e in found)


def test_a_verb_joined_by_and_keeps_the_first_verbs_subject() -> None:
    found = events_of("Niger expelled the French ambassador and cut military ties with Paris.")
    assert [(e.type, e.actor_text, e.recipient_text) for e in found] == [
        ("SANCTION", "Niger", "the French ambassador"),
        ("SANCTION", "Niger", "Paris"),
    ]


def test_a_demanded_resignation_names_whose_but_a_release_does_not() -> None:
    (e,) = events_of("The opposition demanded the resignation of the interior minister.")
    assert (e.type, e.recipient_text) == ("REQUEST", "the interior minister")
    (r,) = events_of("Protesters demanded the release of the journalists.")
    assert (r.type, r.recipient_text) == ("REQUEST", None)


@pytest.mark.parametrize(
    ("text", "giver", "receiver"),
    [
        ("Pakistan secured a loan from the IMF on Friday.", "the IMF", "Pakistan"),
        ("Egypt received weapons from Russia last year.", "Russia", "Egypt"),
    ],
)
def test_aid_received_from_a_giver_makes_the_giver_the_actor(
    text: str, giver: str, receiver: str
) -> None:
    (e,) = events_of(text)
    assert (e.type, e.actor_text, e.recipient_text) == ("AID", giver, receiver)


def test_a_letter_received_is_no_aid() -> None:
    assert events_of("Egypt received a letter from Russia.") == []


def test_refraining_from_an_act_negates_it() -> None:
    (e,) = events_of("Kenya refrained from criticising China.")
    assert (e.type, e.negated, e.actor_text, e.recipient_text) == ("ACCUSE", True, "Kenya", "China")
