"""Actor chunks read as noun phrases: collective nouns with their modifiers, counts and the
demonym in front ("a Venezuelan oil firm"), on short news-like sentences; chunk invariants."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from test_events_constructions import one

from newsgraph.extract.events.actors import TOKEN_RE, find_chunks
from newsgraph.kb import default_kb


def chunk_texts(text: str) -> list[str]:
    tokens = [m.span() for m in TOKEN_RE.finditer(text)]
    return [c.text for c in find_chunks(text, tokens, [], default_kb(), None, {})]


def test_noun_modifiers_belong_to_the_recipient() -> None:
    e = one("Norway airlifted tents and blankets to flood survivors in Libya.", "AID")
    assert e.recipient_text == "flood survivors"


def test_demonym_and_noun_modifier_make_one_party_of_that_country() -> None:
    e = one("Washington froze the assets of a Cuban sugar firm.", "SANCTION")
    assert e.recipient_text == "a Cuban sugar firm"
    assert e.recipient_country == "CUB" and e.recipient_sector == "business"


def test_a_counted_group_is_the_recipient_not_the_place() -> None:
    e = one("Soldiers shot three demonstrators in Khartoum on Sunday.", "ASSAULT")
    assert e.recipient_text == "three demonstrators"


def test_participle_after_a_count_is_a_modifier() -> None:
    e = one("Security forces detained 40 striking miners near the mine.", "COERCE")
    assert e.recipient_text == "40 striking miners"


def test_sentence_initial_group_name_before_a_collective_noun() -> None:
    e = one("Taliban fighters attacked a checkpoint in Kunduz.", "ASSAULT")
    assert e.actor_text == "Taliban fighters"


def test_role_noun_after_a_possessive_keeps_its_title_words() -> None:
    e = one("Peru's prime minister met Bolivian farmers in Puno.", "CONSULT")
    assert e.actor_text == "Peru's prime minister" and e.actor_country == "PER"
    assert e.recipient_text == "Bolivian farmers"


def test_common_noun_agents_can_act() -> None:
    e = one("Federal agents raided the offices of the mayor in Chicago.", "COERCE")
    assert e.actor_text == "Federal agents"


def test_word_after_a_noun_is_a_verb_not_a_modifier() -> None:
    assert "officials" in chunk_texts("Farmers want officials to resign.")
    assert "want officials" not in chunk_texts("Farmers want officials to resign.")
    assert "the striking workers" in chunk_texts("Police met the striking workers.")


_VOCABULARY = (
    "the a police protesters officials Russian oil firm two wounded survivors said want to"
    " of and in , earthquake attacked 40 striking Kenya 's prime minister"
)
_WORDS = st.sampled_from(_VOCABULARY.split())


@settings(max_examples=80, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=14))
def test_chunks_are_ordered_disjoint_and_cover_their_text(words: list[str]) -> None:
    text = " ".join(words).replace(" 's", "'s").capitalize() + "."
    tokens = [m.span() for m in TOKEN_RE.finditer(text)]
    chunks = find_chunks(text, tokens, [], default_kb(), None, {})
    end = -1
    for c in chunks:
        assert c.first <= c.last and c.first > end
        assert c.text == c.span.of(text)
        assert tokens[c.first][0] == c.span.start and tokens[c.last][1] == c.span.end
        end = c.last


def test_people_named_by_a_plural_demonym_the_recogniser_missed() -> None:
    e = one("The Dominican Republic deported more than 9,000 Haitians last week.", "COERCE")
    assert e.recipient_text == "more than 9,000 Haitians" and e.recipient_country == "HTI"


def test_a_count_with_its_quantifier_opens_the_phrase() -> None:
    e = one("Police in Dhaka arrested at least 40 opposition activists on Friday.", "COERCE")
    assert e.recipient_text == "at least 40 opposition activists"


def test_a_noun_that_is_no_verb_here_makes_the_chunk_a_modifier() -> None:
    e = one("Angry residents torched a police station in the town of Zaria.", "ASSAULT")
    assert e.recipient_text != "a police"


def test_object_complement_is_not_a_noun_after_the_object() -> None:
    e = one("A court in Dhaka found the former prime minister guilty of corruption.", "SANCTION")
    assert e.recipient_text == "the former prime minister"


def test_office_is_an_actor_noun() -> None:
    e = one("Pakistan's foreign office accused New Delhi of backing militants.", "ACCUSE")
    assert e.actor_text == "Pakistan's foreign office" and e.recipient_text == "New Delhi"
