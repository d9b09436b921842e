"""One normal form for names and role phrases, so lookups ignore how news text spells them.

"The Kremlin's", "KREMLIN" and "kremlin" meet; so do "Zelenskyy", "Zelénskyy"; "U.S." and "US";
"Kim Jong-un" and "Kim Jong Un"; "Ukraine's foreign minister" and "Ukraine foreign minister".
"""

from __future__ import annotations

import re
import unicodedata

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'", "´": "'"})
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae", "œ": "oe"})
_POSSESSIVE = re.compile(r"(?<=\w)'s\b|(?<=s)'(?=\s|$)")
_DROP = re.compile(r"[.']")  # "U.S." -> "us", "Sa'ar" -> "saar"
_SPLIT = re.compile(r"[^\w]+|_")
_STOP = frozenset({"the"})


def fold(text: str) -> str:
    """Lower-case and strip accents ("Erdoğan" -> "erdogan")."""
    if text.isascii():
        return text.casefold()
    # Compatibility forms first ("𝗔" -> "A"), then case, then accents ("İ".casefold() adds one).
    text = unicodedata.normalize("NFKD", unicodedata.normalize("NFKD", text).casefold())
    return "".join(c for c in text if not unicodedata.combining(c)).translate(_LETTERS)


def norm(text: str) -> str:
    """The lookup key of a name or phrase: folded, possessives and "the" dropped,
    punctuation removed, words separated by single spaces."""
    text = fold(text).translate(_APOSTROPHES)
    text = _POSSESSIVE.sub("", text)
    text = _DROP.sub("", text)
    return " ".join(w for w in _SPLIT.split(text) if w and w not in _STOP)
