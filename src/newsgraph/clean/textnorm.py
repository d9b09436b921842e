"""Text normalisation shared by the cleaner: line splitting, comparison keys, hashes.

Scraped text mixes straight and curly quotes, dashes and odd spaces; comparisons (repeated
titles, corpus-wide boilerplate, the article id) go through one normal form so they agree.
"""

from __future__ import annotations

import hashlib
import re

_REPLACEMENTS = tuple(
    {
        "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'", "´": "'",
        "“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
        "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-",
    }.items()
)  # fmt: skip
_NON_ALNUM = re.compile(r"[\W_]+")
# A non-blank line without its surrounding whitespace (lines end at "\n" only; "\s" is
# str.isspace, so this is str.split("\n") + strip() in one C-level pass).
LINE = re.compile(r"\S(?:[^\n]*\S)?")


def split_lines(text: str) -> list[tuple[int, int]]:
    """Spans ``(start, end)`` of the non-blank lines, stripped of surrounding whitespace."""
    return [m.span() for m in LINE.finditer(text)]


def word_count(line: str) -> int:
    """``len(line.split())`` for a stripped line, mostly without building the list of words:
    printable text has no whitespace but " ", so single-spaced text has one word more than
    spaces."""
    if line.isprintable() and "  " not in line:
        return line.count(" ") + 1
    return len(line.split())


def straighten(text: str) -> str:
    """Straight quotes and hyphens (str.replace per character beats a translate table here)."""
    for curly, plain in _REPLACEMENTS:
        if curly in text:
            text = text.replace(curly, plain)
    return text


def normalise(text: str) -> str:
    """Lowercase, straight quotes and hyphens, single spaces: the form the article id hashes."""
    low = straighten(text).lower()
    # The only printable whitespace is " " (the others are control or separator characters):
    # without doubled or outer spaces the text is single-spaced already, and splitting the whole
    # body into words to join them again is skipped.
    if low.isprintable() and "  " not in low and low[:1] != " " != low[-1:]:
        return low
    return " ".join(low.split())


def compare_key(text: str) -> str:
    """Letters and digits only (quotes and dashes vanish): equal keys say the same thing."""
    return _NON_ALNUM.sub("", text.lower())


def line_hash(text: str) -> str:
    """Hash of a line's comparison key, for corpus-wide "seen in many articles" boilerplate sets."""
    return hashlib.sha256(compare_key(text).encode()).hexdigest()[:16]


def body_id(paragraphs: list[str]) -> str:
    """Stable id of an article: sha256 of its normalised body text (first 16 hex digits)."""
    return hashlib.sha256(normalise(" ".join(paragraphs)).encode()).hexdigest()[:16]


def wordset(words: str) -> frozenset[str]:
    """A lexicon written as whitespace-separated words (readable in source, one set at import)."""
    return frozenset(words.split())
