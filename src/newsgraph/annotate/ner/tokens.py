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
        "headquartered",
    ]
)


# the suffix tokens "-based", "-born": the name before them is where something is
PLACE_SUFFIXES = frozenset({"-based", "-born", "-headquartered"})


def _can_be_name(text: str) -> bool:
    """Whether a token of this text can be part of a name."""
    c = text[0]
    if c.isupper():
        return text not in UPPER_NOT_NAMES and not (
            "-" in text and text.rsplit("-", 1)[1] in _ADJECTIVE_SUFFIXES
        )
    if c.islower() and len(text) > 2 and ("-" in text or "'" in text or "’" in text):
        return _GLUED_PARTICLE.match(text) is not None  # "al-Assad", "d'Estaing"
    return False


# token texts seen so far -> _can_be_name (a pure cache, cleared when full)
_NAME_MEMO: dict[str, bool] = {}
_MEMO_SIZE = 100_000


class Token:
    """A token and whether it can be part of a name (a plain slotted class: cheap to build)."""

    __slots__ = ("end", "name", "start", "text")

    def __init__(self, start: int, end: int, text: str) -> None:
        self.start = start
        self.end = end
        self.text = text
        name = _NAME_MEMO.get(text)
        if name is None:
            if len(_NAME_MEMO) >= _MEMO_SIZE:
                _NAME_MEMO.clear()
            name = _NAME_MEMO[text] = _can_be_name(text)
        self.name = name

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


_UPPER = "".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper())
_SUFFIX_ALT = "|".join(sorted(_ADJECTIVE_SUFFIXES, key=len, reverse=True))
# One regex does all the splitting, so the loop below only builds tokens: an acronym with dots
# ("U.S."); a known abbreviation or a single capital with its full stop ("Mr.", "J."); a word
# (letters/digits with inner hyphens, apostrophes, dots: "al-Assad", "O'Brien", "2.5") that
# leaves a possessive ending and an adjective suffix to the next alternatives ("Russia’s" →
# "Russia", "’s"; "Houston-based" → "Houston", "-based"); any other single non-space character.
_TOKENS = re.compile(
    r"(?:[^\W_]\.){2,}"
    rf"|(?P<abbr>[{re.escape(_UPPER)}][a-z]{{0,3}}\.|vs\.|etc\.)(?![^\W_])"
    rf"|[^\W_]+(?:(?!['’‘][sS](?![^\W_])|-(?:{_SUFFIX_ALT})(?![^\W_]))[-'’‘.][^\W_]+)*"
    r"|['’‘][sS](?![^\W_])"
    rf"|-(?:{_SUFFIX_ALT})(?![^\W_])"
    r"|\S"
)


def tokenize(text: str, offset: int = 0) -> list[Token]:
    """Split ``text`` into tokens whose offsets are shifted by ``offset``.

    A possessive ending becomes its own token ("Russia’s" → "Russia", "’s"); a known abbreviation
    or a single capital keeps its full stop ("Mr.", "J.").
    """
    out = tokenize_range(text, 0, len(text))
    if offset:
        for t in out:
            t.start += offset
            t.end += offset
    return out


def tokenize_range(raw: str, start: int, end: int) -> list[Token]:
    """Tokens of ``raw[start:end]`` with offsets into ``raw`` (no copy of the slice is made)."""
    out: list[Token] = []
    append = out.append
    for m in _TOKENS.finditer(raw, start, end):
        s, e = m.span()
        word = m.group()
        if m.lastgroup is not None and len(word) > 2 and word[:-1] not in ABBREVIATIONS:
            append(Token(s, e - 1, word[:-1]))  # "Iran." ends a sentence
            append(Token(e - 1, e, "."))
        else:
            append(Token(s, e, word))
    return out


def next_token(raw: str, pos: int, end: int) -> str:
    """The text of the first token in ``raw[pos:end]`` as the tokeniser reads it ("" if none;
    a word's glued full stop aside, which no caller compares)."""
    m = _TOKENS.search(raw, pos, end)
    return m.group() if m is not None else ""
