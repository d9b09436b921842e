"""Names: local actor ids, what counts as a full name, which KB kinds a mention type allows."""

from __future__ import annotations

from newsgraph.annotate.linking.lexicon import (
    NAME_PARTICLES,
    ORG_KINDS,
    PERSON_KINDS,
    SLUG,
    STATE_KINDS,
)
from newsgraph.kb.normalize import fold
from newsgraph.model import EntityType

LOCAL_PREFIX = "local:"


def local_actor_id(name: str) -> str:
    """The id of a person the knowledge base does not know: ``local:<slug>`` of the full name
    ("Alexei Polishchuk" → "local:alexei-polishchuk"), identical in every article."""
    slug = SLUG.sub("-", fold(name).replace("’", "").replace("'", "")).strip("-")
    return LOCAL_PREFIX + slug


def is_full_name(name: str) -> bool:
    """Two or more capitalised words (particles allowed between): who may become a local actor."""
    words = name.split()
    if len(words) < 2 or not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(w[0].isupper() or w in NAME_PARTICLES for w in words[1:-1])


def same_person(name: str, kb_name: str) -> bool:
    """Whether an article's full name can be a KB person known by the same surname: the same
    surname and first names starting alike ("sergei lavrov" / "sergey lavrov"), so that
    "Pablo Castillo" does not become "Pedro Castillo" through the bare surname."""
    a, b = name.split(), kb_name.split()
    if len(a) < 2 or len(b) < 2:
        return True  # no first name to disagree on
    return a[-1] == b[-1] and a[0][:3] == b[0][:3]


def kinds_for(etype: EntityType) -> frozenset[str] | None:
    if etype is EntityType.PERSON:
        return PERSON_KINDS
    if etype is EntityType.ORG:
        return ORG_KINDS
    if etype is EntityType.GPE:
        return STATE_KINDS
    return None  # MISC ("Russian", "Western"): adjectives and events are not actors
