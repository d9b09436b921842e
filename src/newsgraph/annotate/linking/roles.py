"""Role phrases in running text: "the Russian president", "Kremlin spokesman", "the US
Secretary of State", "Ukraine's foreign minister", "the spokesman".

Every office noun of the text is found by one trie-shaped alternation over the lower-cased
text; the words around it that can belong to a role ("Ukraine's foreign", "of State") are read by
the knowledge base's role phrases (``KnowledgeBase.role_key``), longest reading first.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from newsgraph.annotate.linking.lexicon import (
    BARE_OFFICES,
    CONTINUATION,
    DETERMINERS,
    MAX_AFTER,
    MAX_BEFORE,
    MODIFIERS,
    OFFICE_NOUNS,
    OFFICE_SET,
    TOKEN,
)
from newsgraph.model import Span


def _trie(words: Sequence[str]) -> str:
    """A regex alternation of ``words`` shaped as a trie ("p(?:m|ope|r(?:emier|...)))"): one
    pass over the text tries each position against the few nouns sharing its first letters."""
    by_first: dict[str, list[str]] = {}
    for w in sorted(words):
        by_first.setdefault(w[0], []).append(w[1:])
    parts = []
    for first, rests in by_first.items():
        longer = [r for r in rests if r]
        if not longer:
            parts.append(re.escape(first))
            continue
        optional = "?" if len(longer) < len(rests) else ""
        parts.append(f"{re.escape(first)}(?:{_trie(longer)}){optional}")
    return "|".join(parts)


# No office noun is a prefix or a part of another, so the leftmost match at a word's start is
# the one noun ``str.find`` would find there (property test against a find per noun).
OFFICE_RE = re.compile(_trie(OFFICE_NOUNS))
# The same nouns right after a character that cannot precede a word's start: the engine skips
# to the spaces and punctuation (a fifth of the text) instead of trying every letter that
# starts a noun (half of it). The lower-cased stretch gets a leading space for its first word.
_AFTER_EDGE = re.compile(f"[^a-z0-9](?:{OFFICE_RE.pattern})")


def lower_in_place(text: str) -> str:
    """``text.lower()`` with every character where it was: one that lower-cases to several
    ("İ" → "i̇") stays as it is, so offsets into the result are offsets into ``text``."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c if len(lc := c.lower()) != 1 else lc for c in text)


def office_nouns(text: str, lo: int = 0, hi: int | None = None) -> list[tuple[int, int]]:
    """Start/end of every office noun in ``text[lo:hi]`` as a whole word of the text, in text
    order (one regex pass over the lower-cased stretch, trying word starts only)."""
    hi = len(text) if hi is None else hi
    n = len(text)
    found: list[tuple[int, int]] = []
    lo -= 1  # for the leading space
    for m in _AFTER_EDGE.finditer(" " + lower_in_place(text[lo + 1 : hi])):
        start, end = lo + m.start() + 1, lo + m.end()
        if (start == 0 or not text[start - 1].isalnum()) and (end == n or not text[end].isalnum()):
            found.append((start, end))
    return found


@dataclass(slots=True)
class RoleHit:
    """A role phrase found in the text."""

    span: Span
    text: str
    head: str  # the office noun, lower case
    role_key: str | None


def find_role_phrases(
    text: str, sentences: Sequence[Span], role_key: Callable[[str], str | None]
) -> list[RoleHit]:
    """Role phrases of the text, one per office noun (the longest reading the KB knows)."""
    hits: list[RoleHit] = []
    sents = sentences
    starts = [s.start for s in sents]
    if not sents:
        return hits
    # only the stretch the sentences cover: a page's menus and footers name no one
    for hs, he in office_nouns(text, sents[0].start, sents[-1].end):
        i = bisect.bisect_right(starts, hs) - 1
        if i < 0 or sents[i].end < he:
            continue
        if hits and hits[-1].span.end > hs:
            continue  # this office noun is part of the previous phrase
        if text.startswith(("'s ", "’s ", "' ", "’ "), he):
            continue  # a possessor: "the president's spokesman" is about the spokesman
        hit = _read_role(text, role_key, sents[i], hs, he)
        if hit is None:
            continue
        # "the Secretary General" is one phrase: the KB's reading, else the longer, wins.
        rank = (hit.role_key is not None, len(hit.span))
        clashes = [h for h in hits[-2:] if h.span.overlaps(hit.span)]
        if any((h.role_key is not None, len(h.span)) >= rank for h in clashes):
            continue
        for h in clashes:
            hits.remove(h)
        hits.append(hit)
    return hits


def _read_role(
    text: str, role_key: Callable[[str], str | None], sent: Span, hs: int, he: int
) -> RoleHit | None:
    """The role phrase around one office noun: the longest reading the KB knows, else
    "the <noun>" for a later look back, else None."""
    before = list(TOKEN.finditer(text, max(sent.start, hs - 60), hs))
    # Walk back over words that can belong to a role phrase: ``before[k:]`` is what it took.
    k = len(before)
    edge = hs  # where the words taken start
    while k > 0 and len(before) - k < MAX_BEFORE:
        tok = before[k - 1]
        if text[tok.end() : edge].strip(" -"):
            break  # punctuation between: another phrase
        word = tok.group()
        low = _without_possessive(word.lower())
        if low in DETERMINERS or not (word[0].isupper() or low in MODIFIERS or low in OFFICE_SET):
            break
        k -= 1
        edge = tok.start()
    left = before[k:]
    definite = (
        k > 0
        and before[k - 1].group().lower() in DETERMINERS
        and not text[before[k - 1].end() : edge].strip()
    )
    # Read forward over "of Russia", "for the Kremlin", "of State".
    right: list[re.Match[str]] = []
    hi = min(sent.end, he + 60)
    first = TOKEN.search(text, he, hi)
    if first is not None and first.group().lower() in ("of", "for", "to"):
        prev_end = he
        for tok in itertools.islice(TOKEN.finditer(text, he, hi), MAX_AFTER):
            if text[prev_end : tok.start()].strip():
                break
            word = tok.group()
            if not (word[0].isupper() or word.lower() in CONTINUATION):
                break
            right.append(tok)
            prev_end = tok.end()
        while right and right[-1].group().lower() in CONTINUATION:
            right.pop()
    head = text[hs:he].lower()  # an office noun: letters only, no possessive
    # Longest reading first: fewer words on the right, then fewer on the left.
    ends = [t.end() for t in reversed(right)] + [he]
    starts = [t.start() for t in left] + [hs]
    for end in ends:
        for start in starts:
            if start == hs and end == he and not definite:
                continue  # a bare office noun is read only as "the <noun>"
            phrase = text[start:end].rstrip(".")
            key = role_key(phrase)
            if key is not None:
                return RoleHit(Span(start, start + len(phrase)), phrase, head, key)
    if not definite or head not in BARE_OFFICES:
        return None  # "the general public", "the head teacher" name nobody
    return RoleHit(Span(edge, he), text[edge:he], head, None)


def _without_possessive(word: str) -> str:
    """``POSSESSIVE.sub("", word)`` for a token (no newline in it), without a regex call."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    if word.endswith(("'", "’")):
        return word[:-1]
    return word
