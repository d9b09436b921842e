"""Word lists and patterns of actor linking: general English, no names."""

from __future__ import annotations

import re


def words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Office nouns: a role phrase ends with one of these (or continues "of/for ..." after it).
OFFICE_NOUNS = words(
    """
    president premier minister secretary spokesman spokeswoman spokesperson chancellor leader
    chief governor mayor ambassador envoy diplomat representative general director commander
    king queen prince pope speaker ceo adviser advisor negotiator prosecutor chairman chairwoman
    head boss monarch emir sultan ayatollah patriarch taoiseach pm
    """
)
OFFICE_SET = frozenset(OFFICE_NOUNS)
# Those that refer back to a person on their own ("the spokesman said"); others ("general",
# "head", "leader", "chief") are as often adjectives or everyday nouns.
BARE_OFFICES = frozenset(
    words(
        """
        president premier minister secretary spokesman spokeswoman spokesperson chancellor
        governor mayor ambassador envoy diplomat pope prosecutor chairman chairwoman ceo
        negotiator taoiseach pm
        """
    )
)
TOKEN = re.compile(r"\w(?:[\w'’\-]|\.(?=\w))*\.?")
POSSESSIVE = re.compile(r"['’]s?$")
APPOSITION_GAP = re.compile(r"[\s,]*")  # between a title and the name it belongs to
# Lower-case words inside full names ("Ursula von der Leyen", "Mohammed bin Salman").
NAME_PARTICLES = frozenset(words("van von der den de da del di du dos das bin ibn al el la le"))
SLUG = re.compile(r"[^a-z0-9]+")
LINK_EVIDENCE = re.compile(r";?link=[\w@]+$")

# Lower-case words that may sit inside a role phrase before its office noun.
MODIFIERS = frozenset(
    words(
        """
        foreign defence defense deputy press prime vice first top interior finance presidential
        government ministry affairs state national security acting former chief supreme military
        army armed forces justice health economy economic trade energy education culture
        environment agriculture transport labour labor home external general executive senior
        special crown grand opposition party
        """
    )
)
# Words that may continue a role phrase after its office noun ("President of Russia",
# "spokesman for the Kremlin", "Secretary of State").
CONTINUATION = frozenset({"of", "for", "to", "the", "and", "on"})
MAX_BEFORE = 4
MAX_AFTER = 5
DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})

# Office noun → words that must occur in an actor's role (office key or title) for a bare
# role noun ("the spokesman", "the diplomat") to refer back to that actor.
OFFICE_MATCH: dict[str, tuple[str, ...]] = {
    "spokesman": ("spokesperson", "press secretary", "spokesman", "spokeswoman"),
    "spokeswoman": ("spokesperson", "press secretary", "spokesman", "spokeswoman"),
    "spokesperson": ("spokesperson", "press secretary", "spokesman", "spokeswoman"),
    "diplomat": (
        "foreign minister",
        "ambassador",
        "envoy",
        "diplomat",
        "deputy foreign",
        "secretary of state",
        "mfa",
        "foreign affairs",
    ),
    "premier": ("prime minister", "premier"),
    "pm": ("prime minister",),
    "boss": ("chief", "head", "director", "leader", "ceo"),
}

# "the minister" is not the prime minister, "the president" not the vice president.
OTHER_OFFICE = frozenset({"prime", "vice", "deputy", "acting", "first", "former"})

# "<Russian> side" speaking for a state.
STATE_SIDES = frozenset({"side", "authorities", "leadership", "officials"})

PERSON_KINDS = frozenset({"person"})
ORG_KINDS = frozenset({"organisation", "state"})
STATE_KINDS = frozenset({"state", "organisation"})
