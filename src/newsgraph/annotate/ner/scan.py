"""The capitalised-word scan: where names may start in a sentence, the windows around them
the token rules read, and the word shapes both the scan and the rules test.

Most of a news sentence is lower case, so the rules tokenise only these windows; the scan's
regex finds capitals without looking at every character in Python.
"""

from __future__ import annotations

import re

from newsgraph.annotate.ner import lexicons as lx

OPENERS = frozenset("“\"‘'([«„-–—•*")
MODEL_CODE = re.compile(r"^[A-Z]{1,3}-?\d{1,4}[A-Za-z]?$")  # aircraft, weapons, flights
POSSESSIVES = frozenset({"'s", "’s", "'S", "’S", "‘s"})

_UPPER = re.escape("".join(chr(c) for c in range(0x41, 0x2000) if chr(c).isupper()))
# where a capitalised word starts (the look-behind after the capital lets re scan for capitals
# fast), the word, and whether a lower-case word follows
# (one group for the word, so that ``split`` hands the text before it, the word and the two
# look-aheads as strings: cheaper than a match object per capital)
_CAP_WORD = re.compile(
    rf"([{_UPPER}](?<![\w'’‘-].)[^\W_]*)(?=(,? [a-z])?)"
    r"(?=([\s,;:!?)\"”]|\.(?![^\W_])|['’]s(?![^\W_])|$))?"  # a plain word: nothing glued on
)
# a glued particle before a capital ("al-Assad", "d'Estaing"): found from the separator, rarely;
# or a number glued to a capital ("3M", "7-Eleven"), found in the same pass
_GLUE = re.compile(rf"[-'’0-9][{_UPPER}]")
_PARTICLE_START = re.compile(
    rf"(?<![\w'’‘-])(?:al|el|ad|as|ash|at|bin|ibn|abu|d|l|o|de|van|von|di)[-'’][{_UPPER}]"
)
# Capitalised function words before a lower-case word ("The government", "It was", "In a"):
# no name starts there, and the window of a name before them already covers them.
# Only closed-class words: a noun or numeral ("Rights", "News", "One") may end a name.
SKIP_CAPS = frozenset(
    w.capitalize()
    for w in (lx.FUNCTION_WORDS - lx.NAME_ENDING_WORDS) | {w.lower() for w in lx.WEEKDAYS_MONTHS}
)
CAP_CONNECTORS = frozenset(
    f for w in lx.ORG_CONNECTORS for f in (w.capitalize(), w.upper()) if f != w
)
LOWER_NEXT = re.compile(r",? [a-z]")  # as _CAP_WORD reads "followed by a lower-case word"


def name_starts(text: str) -> tuple[list[int], list[str | None], bool]:
    """Offsets where a name may start, except capitalised function words before a lower-case
    word ("The government"): no name starts there and a name's window before covers them.
    With each, the word when it is a plain one (nothing glued on: "Moscow", not "U.S."); and
    whether a number is glued to a capital ("3M", "7-Eleven": a name may open with it)."""
    caps: list[int] = []
    words: list[str | None] = []
    # [text before, word, lower-case word next, plain, text before, word, ...]
    parts: list[str | None] = _CAP_WORD.split(text)  # type: ignore[assignment]
    pos = 0
    for k in range(0, len(parts) - 1, 4):
        pos += len(parts[k])  # type: ignore[arg-type]
        word: str = parts[k + 1]  # type: ignore[assignment]
        if parts[k + 2] is None or word not in SKIP_CAPS:
            caps.append(pos)
            words.append(word if parts[k + 3] is not None else None)
        pos += len(word)
    numbered = False
    if _GLUE.search(text) is not None:
        for m in _GLUE.finditer(text):
            p = m.start()
            if text[p].isdigit() or (p and text[p - 1].isdigit()):
                numbered = True
                continue
            for k in (1, 2, 3):
                if p >= k and _PARTICLE_START.match(text, p - k):
                    caps.append(p - k)
                    words.append(None)
                    break
        order = sorted(range(len(caps)), key=caps.__getitem__)
        caps = [caps[k] for k in order]
        words = [words[k] for k in order]
    return caps, words, numbered


def name_windows(text: str, caps: list[int]) -> list[list[int]]:
    """Stretches of the sentence from the word before each capitalised word to a few words
    after it, cut at spaces and merged where they touch: [start, end, first cap, caps]."""
    windows: list[list[int]] = []
    n = len(text)
    for k, p in enumerate(caps):
        ws = text.rfind(" ", 0, p - 1) + 1 if p > 1 else 0
        we = text.find(" ", p + 1)  # two words after: "Smith, 52,", "Luhansk regions"
        we = n if we < 0 else text.find(" ", we + 1)
        if we < 0:
            we = n
        if windows:
            # merged where they touch or one word apart ("Organization of the Petroleum")
            last = windows[-1]
            if ws <= last[1] or text.rfind(" ", 0, ws - 1) <= last[1]:
                if we > last[1]:
                    last[1] = we
                last[3] += 1
                continue
        windows.append([ws, we, k, 1])
    return windows
