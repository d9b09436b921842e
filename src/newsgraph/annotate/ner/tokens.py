"""Word tokens with offsets, as the name rules see them."""

from __future__ import annotations

import re

from newsgraph.annotate.ner.lexicons import UPPER_NOT_NAMES

# A word (letters/digits with inner hyphens, apostrophes and dots: "al-Assad", "O'Brien", "U.S."),
# or any single other non-space character.
# Lower-case particles glued to a capitalised name: "al-Assad", "d'Estaing", "bin-Salman".
_GLUED_PARTICLE = re.compile(r"^(?:al|el|ad|as|ash|at|bin|ibn|abu|d|l|o|de|van|von|di)[-'’]\w")
ABBREVIATIONS = frozenset(
    [
        "Mr",
        "Mrs",
        "Ms",
        "Dr",
        "Prof",
        "Gen",
        "Lt",
        "Col",
        "Maj",
        "Capt",
        "Sgt",
        "Adm",
        "Brig",
        "Gov",
        "Sen",
        "Rep",
        "Rev",
        "Fr",
        "St",
        "Jr",
        "Sr",
        "Mt",
        "Inc",
        "Corp",
        "Co",
        "Ltd",
        "No",
        "Mme",
        "Cmdr",
        "Gov",
        "Pres",
        "Dept",
        "Univ",
        "Ave",
        "Jan",
        "Feb",
        "Mar",
        "Apr",
        "Jun",
        "Jul",
        "Aug",
        "Sep",
        "Sept",
        "Oct",
        "Nov",
        "Dec",
        "vs",
        "etc",
    ]
)


# "Hamas-run", "Kremlin-backed": an adjective, not part of the name that follows
_ADJECTIVE_SUFFIXES = frozenset(
    [
        "run",
        "led",
        "backed",
        "based",
        "owned",
        "controlled",
        "born",
        "made",
        "style",
        "linked",
        "allied",
        "funded",
        "occupied",
        "held",
        "friendly",
        "aligned",
        "oriented",
        "bound",
        "speaking",
        "affiliated",
        "sponsored",
        "brokered",
        "era",
    ]
)


class Token:
    """A token and whether it can be part of a name (a plain slotted class: cheap to build)."""

    __slots__ = ("end", "name", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        c = text[0]
        if c.isupper():
            self.name = text not in UPPER_NOT_NAMES and not (
                "-" in text and text.rsplit("-", 1)[1] in _ADJECTIVE_SUFFIXES
            )
        elif c.islower() and len(text) > 2 and ("-" in text or "'" in text or "’" in text):
            self.name = _GLUED_PARTICLE.match(text) is not None  # "al-Assad", "d'Estaing"
        else:
            self.name = False

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()

    @property
    def is_cap(self) -> bool:
        """Starts like a name: capital letter, or a glued particle before one ("al-Assad")."""
        t = self.text
        return t[0].isupper() or (t[0].islower() and _GLUED_PARTICLE.match(t) is not None)

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_lower(self) -> bool:
        return self.text[0].islower()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


# a word (letters/digits with inner hyphens, apostrophes, dots: "al-Assad", "O'Brien", "2.5"),
# an acronym with dots ("U.S."), or any other single non-space character
_TOKENS = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:[-'’‘.][^\W_]+)*|\S")
_APOSTROPHES = "'’‘"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens whose offsets are shifted by ``offset``.

    A possessive ending becomes its own token ("Russia’s" → "Russia", "’s"); a known abbreviation
    or a single capital keeps its full stop ("Mr.", "J.").
    """
    out: list[Token] = []
    append = out.append
    for m in _TOKENS.finditer(text):
        word = m.group()
        s = m.start() + offset
        if len(word) > 2 and word[-1] in "sS" and word[-2] in _APOSTROPHES:
            append(Token(s, s + len(word) - 2, word[:-2]))
            append(Token(s + len(word) - 2, s + len(word), word[-2:]))
        elif (
            word == "."
            and out
            and out[-1].end == s
            and (
                out[-1].text in ABBREVIATIONS or (len(out[-1].text) == 1 and out[-1].text.isupper())
            )
        ):
            prev = out[-1]
            out[-1] = Token(prev.start, s + 1, prev.text + ".")
        else:
            append(Token(s, s + len(word), word))
    return out
