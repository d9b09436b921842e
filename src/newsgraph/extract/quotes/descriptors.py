"""Descriptive noun phrases that stand for a person named before: "the Italian", "the teenager".

News writers vary the speaker's name with nationality, age or position ("the 52-year-old said",
"the Frenchman added"); such a phrase is the person the text is about, never a new speaker.
"""

from __future__ import annotations

import re
from functools import cache

from newsgraph.annotate.ner.lexicons import gazetteers
from newsgraph.extract.quotes.lexicon import DESCRIPTOR_NOUNS, NATIONALITY_NOUNS, NATIONALITY_STEMS

# "the mother-of-two", "the father-of-three"
_PARENT_OF = re.compile(r"(?:grand)?(?:mother|father|mum|dad)-of-")


@cache
def _demonyms() -> frozenset[str]:
    """Lower-cased demonyms of the entity stage's list (loaded once per process)."""
    return frozenset(d.lower() for d in gazetteers().demonyms)


def is_demonym(word: str) -> bool:
    """ "Italian", "Kestranian", "Frenchman": a nationality word (capitalised as written)."""
    if not word[:1].isupper() or not word.isalpha():
        return False
    low = word.lower()
    if low in _demonyms() or low in NATIONALITY_NOUNS:
        return True
    stem = low.removesuffix("man") if low.endswith("man") else ""
    return stem.removesuffix("wo") in NATIONALITY_STEMS if stem else False


def is_descriptor(head: str) -> bool:
    """ "teenager", "striker", "52-year-old": a noun describing a person, not a post."""
    if head in DESCRIPTOR_NOUNS or head.endswith("-year-old"):
        return True
    return _PARENT_OF.match(head) is not None
