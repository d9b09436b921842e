"""Word tokens with offsets, as the name rules see them."""

from __future__ import annotations

import re
from dataclasses import dataclass

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


@dataclass(frozen=True, slots=True)
class Token:
    start: int
    end: int
    text: str

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
