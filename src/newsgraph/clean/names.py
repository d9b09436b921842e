"""Person-name and outlet-name shapes (for bylines, trailing author lines, publisher lines)."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from newsgraph.clean.textnorm import wordset

# Lowercase particles inside names ("Ursula von der Leyen", "Luiz Inácio Lula da Silva").
PARTICLES = wordset(
    "de van von der den al el bin ibn da di del della la le du dos das ter ten y bint abu dela"
    " delos"
)
# Words that say a byline credits a desk or role, not a person ("By Staff Reporter").
ROLE_WORDS = wordset("""
    staff reporter reporters correspondent correspondents editor editors desk team writer writers
    bureau news agency agencies wire wires online digital web contributor contributors guest
    service services media press our special the a an and of
    """)
# Words typical of outlet names; a standalone line with one of them is not a person.
OUTLET_WORDS = wordset("""
    news agency press times post daily journal herald tribune gazette telegraph guardian
    chronicle observer independent review magazine media network networks tv radio television
    broadcasting broadcast channel wire today online weekly monitor express mail star sun record
    report reports insider standard courier dispatch bulletin digest world international global
    reuters bloomberg associated ledger sentinel beacon echo mirror recorder inquirer enquirer
    examiner advocate argus clarion messenger pioneer register statesman telegram vanguard
    voice leader citizen nation tribune journal newsday newswire wireless broadcaster
    """)
# The head noun of a job title in a byline ("Chief Football Writer", "Political Correspondent").
JOB_NOUNS = wordset("""
    writer writers reporter reporters correspondent correspondents editor editors columnist
    columnists journalist journalists contributor contributors producer producers analyst
    analysts critic critics commentator presenter anchor photographer photographers blogger
    staff desk bureau team intern chief
    """)
_NAME_TOKEN = re.compile(r"^[^\W\d_][\w'’.\-]*$")
_INITIAL = re.compile(r"^[^\W\d_]\.$")


def name_tokens(text: str) -> list[str] | None:
    """Tokens of ``text`` when it is shaped like a proper name (capitalised words, particles,
    initials; no digits or sentence punctuation), else None."""
    toks = text.split()
    if not toks or len(toks) > 6:
        return None
    for tok in toks:
        if tok.lower() in PARTICLES and tok is not toks[0]:
            continue
        if not (_NAME_TOKEN.match(tok) or _INITIAL.match(tok)) or not tok[0].isupper():
            return None
    return toks


def looks_like_person(text: str, *, allow_caps: bool = False) -> bool:
    """2-4 capitalised words that are not a desk, role or outlet ("Jane Doe", "J. R. Smith").
    All-caps words are usually photo-agency credits, except in a byline (``allow_caps``)."""
    toks = name_tokens(text)
    if toks is None or not 2 <= len(toks) <= 4:
        return False
    lowered = {t.lower().strip(".") for t in toks}
    if lowered & (ROLE_WORDS | OUTLET_WORDS):
        return False
    return allow_caps or not all(t.isupper() and len(t) > 1 for t in toks)


def is_role_only(text: str) -> bool:
    """ "Staff Reporter", "Our Correspondent": a byline naming a role, not a person or outlet."""
    toks = text.lower().split()
    return bool(toks) and all(t in ROLE_WORDS for t in toks)


def is_job_title(text: str) -> bool:
    """ "Chief Football Writer", "Senior Health Writer", "Staff Writers": capitalised words
    ending in a job noun, what a byline adds after the name (not a person, not an outlet)."""
    toks = text.split()
    return (
        0 < len(toks) <= 5
        and toks[-1].lower().strip(".") in JOB_NOUNS
        and all(t[:1].isupper() or t.lower() in PARTICLES or t in ("of", "and", "&") for t in toks)
    )


def is_outlet_name(text: str) -> bool:
    """An outlet-shaped name with a word outlets are named with ("The Daily Ledger")."""
    return looks_like_outlet(text) and any(w.lower() in OUTLET_WORDS for w in text.split())


def looks_like_outlet(text: str) -> bool:
    """A short capitalised name that could be a news outlet (1-5 words, no sentence)."""
    toks = name_tokens(text)
    return toks is not None and 1 <= len(toks) <= 5 and len(text) <= 50


# Given names shipped by the annotate stage's gazetteer; optional (an empty set without it).
_FIRST_NAMES_FILE = Path(__file__).parents[1] / "annotate" / "ner" / "data" / "first_names.txt"
_NOT_NAMES = frozenset({"The", "A", "An", "In", "On", "Of", "And", "For", "News", "Live"})


@cache
def first_names() -> frozenset[str]:
    """Known given names (read once, immutable)."""
    try:
        lines = _FIRST_NAMES_FILE.read_text(encoding="utf-8").split()
    except OSError:
        return frozenset()
    return frozenset(lines) - _NOT_NAMES


def starts_with_first_name(text: str) -> bool:
    """ "Daniel Brennan" yes, "Asharq Al-Awsat" no: tells an author line from an outlet line."""
    toks = text.split()
    return bool(toks) and toks[0] in first_names()


_PLACES_FILES = tuple(
    Path(__file__).parents[1] / "annotate" / "ner" / "data" / name
    for name in ("places.tsv", "places_extra.tsv")
)


@cache
def place_names() -> frozenset[str]:
    """Names of countries, regions and cities (the NER gazetteer; read once, on first use)."""
    names: set[str] = set()
    for path in _PLACES_FILES:
        try:
            text = path.read_text(encoding="utf-8")
        except OSError:
            continue
        names.update(ln.split("\t", 1)[0] for ln in text.splitlines() if ln and ln[0] != "#")
    return frozenset(names)


def is_place(text: str) -> bool:
    """ "Abuja", "New Delhi", "Washington": where a byline says the reporter filed from."""
    return text in place_names()
