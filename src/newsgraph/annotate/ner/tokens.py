"""Word tokens with offsets, as the name rules see them."""

from __future__ import annotations

import re

from newsgraph.annotate.ner.lexicons import UPPER_NOT_NAMES

# A word (letters/digits with inner hyphens, apostrophes and dots: "al-Assad", "O'Brien", "U.S."),
# or any single other non-space character.
_TOKEN = re.compile(r"(?:[^\W_]\.){2,}|[^\W_]+(?:[-'’‘.][^\W_]+)*|\S")
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


class Token:
    """A token and its shape, computed once (a plain slotted class: cheap to build)."""

    __slots__ = ("cap", "end", "is_word", "name", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        c = text[0]
        self.is_word = c.isalnum()
        # starts like a name: a capital letter, or a glued particle before one ("al-Assad")
        self.cap = c.isupper() or (
            c.islower() and len(text) > 2 and _GLUED_PARTICLE.match(text) is not None
        )
        self.name = self.cap and self.is_word and text not in UPPER_NOT_NAMES

    @property
    def is_cap(self) -> bool:
        return self.cap

    @property
    def is_upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return len(letters) >= 2 and all(c.isupper() for c in letters)

    @property
    def is_lower(self) -> bool:
        return self.text[0].islower()

    def __repr__(self) -> str:
        return f"Token({self.start}, {self.end}, {self.text!r})"


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens whose offsets are shifted by ``offset``.

    A possessive ending becomes its own token ("Russia’s" → "Russia", "’s"); a known abbreviation
    or a single capital keeps its full stop ("Mr.", "J.").
    """
    out: list[Token] = []
    n = len(text)
    for m in _TOKEN.finditer(text):
        s, e = m.start(), m.end()
        word = m.group()
        if word[0].isalnum() and len(word) > 2 and word[-2] in "'’‘" and word[-1] in "sS":
            out.append(Token(s + offset, e - 2 + offset, word[:-2]))
            out.append(Token(e - 2 + offset, e + offset, word[-2:]))
            continue
        if (
            e < n
            and text[e] == "."
            and word[0].isalpha()
            and (word in ABBREVIATIONS or (len(word) == 1 and word.isupper()))
        ):
            e += 1
            word += "."
        out.append(Token(s + offset, e + offset, word))
    # the regex may have produced "." tokens already swallowed by an abbreviation
    dedup: list[Token] = []
    last_end = -1
    for t in out:
        if t.start >= last_end:
            dedup.append(t)
            last_end = t.end
    return dedup
