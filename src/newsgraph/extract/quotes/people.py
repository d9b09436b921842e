"""Who is who in one article: full names of people, the roles they were introduced with.

Built once per article from capitalised word runs in sentence-case lines (title-case headlines are
skipped: every word is capitalised there). Entity mentions from the NER stage, when present, are
added as well. Used to turn "Peskov" into the fullest form of that name and "the spokesman" into
the person the article introduced with that role.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field
from itertools import pairwise

from newsgraph.extract.quotes.lexicon import (
    CONJUNCTIONS,
    DETERMINERS,
    HONORIFIC_GENDER,
    NON_PERSON_HEADS,
    NON_SUBJECT_WORDS,
    PERSON_ROLES,
    PREPOSITIONS,
    ROLE_GENDER,
    TITLE_WORDS,
)
from newsgraph.model import EntityType, Mention

NAME_PARTICLES = frozenset(("de", "da", "van", "von", "der", "al", "bin", "ibn", "la", "le", "du"))
# Capitalised function words ("The", "In", "But") that open a run but are no part of a name.
FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | NON_SUBJECT_WORDS


_POSSESSIVE_ENDS = ("’s", "'s", "’", "'")


def strip_possessive(word: str) -> str:
    if not word.endswith(_POSSESSIVE_ENDS):
        return word  # the common case, in one call
    for suffix in _POSSESSIVE_ENDS:
        if word.endswith(suffix):
            return word[: -len(suffix)]
    return word


@dataclass(slots=True)
class Role:
    head: str
    modifiers: frozenset[str]
    person: str
    at: int


@dataclass(slots=True)
class People:
    """Persons (full names with counts) and role introductions of one article."""

    full_names: Counter[str] = field(default_factory=Counter)
    by_last: dict[str, list[str]] = field(default_factory=dict)
    roles: list[Role] = field(default_factory=list)
    orgs: set[str] = field(default_factory=set)
    gender: dict[str, str] = field(default_factory=dict)  # full name -> "m" | "f", when known

    def set_gender(self, name: str, gender: str | None) -> None:
        """Record what an honorific or a gendered role noun says; conflicting evidence → unknown."""
        if gender is None:
            return
        if self.gender.setdefault(name, gender) != gender:
            self.gender[name] = "?"

    def add_person(self, name: str) -> None:
        self.full_names[name] += 1
        last = name.split()[-1].lower()
        names = self.by_last.setdefault(last, [])
        if name not in names:
            names.append(name)

    def canonical(self, name_tokens: list[str]) -> str | None:
        """Fullest form of the person ``name_tokens`` name, or None when not a known person."""
        if not name_tokens:
            return None
        last = name_tokens[-1].lower()
        cands = self.by_last.get(last)
        if not cands:
            if len(name_tokens) >= 2 and _person_like(name_tokens):
                return " ".join(name_tokens)
            return None
        first = name_tokens[0] if len(name_tokens) >= 2 else None
        if first is not None:
            fitting = [c for c in cands if c.split()[0] == first]
            cands = fitting or [" ".join(name_tokens)]
        if len(cands) == 1:
            return cands[0]  # what max() returns, without computing its key
        return max(cands, key=lambda c: (self.full_names[c], -abs(len(c.split()) - 2), len(c)))

    def is_person(self, canonical: str | None) -> bool:
        return canonical is not None and canonical in self.full_names

    def role_person(self, head: str, modifiers: frozenset[str], at: int) -> str | None:
        best: tuple[bool, int, int] | None = None
        person = None
        for r in self.roles:
            if r.head != head:
                continue
            score = (r.at <= at, len(modifiers & r.modifiers), r.at if r.at <= at else -r.at)
            if best is None or score > best:
                best, person = score, r.person
        return person


class LastNameHits:
    """Where the article's last names occur (lower-cased), found once for the whole text.

    ``within(a, b)`` answers ``any(last in text[a:b].lower() for last in lasts)`` without slicing
    and lower-casing every sentence. When lower-casing is not one character for one character
    (or depends on context, as capital sigma does), it falls back to exactly that expression.
    """

    __slots__ = ("_ends", "_lasts", "_starts", "_text")

    def __init__(self, text: str, lasts: tuple[str, ...], low: str | None = None) -> None:
        """``low``: ``text.lower()`` when the caller has it already."""
        self._text, self._lasts = text, lasts
        self._starts: list[int] | None = None
        self._ends: list[int] = []
        if low is None:
            low = text.lower()
        if not keeps_offsets(text, low) or not all(lasts):
            return  # offsets of ``low`` would not be offsets of ``text``: per-slice fallback
        hits = []
        for last in lasts:
            at = low.find(last)
            while at >= 0:
                hits.append((at, at + len(last)))
                at = low.find(last, at + 1)
        hits.sort()
        self._starts = [a for a, _ in hits]
        self._ends = [b for _, b in hits]

    def within(self, start: int, end: int) -> bool:
        starts = self._starts
        if starts is None:
            low = self._text[start:end].lower()
            return any(last in low for last in self._lasts)
        ends = self._ends
        k = bisect_left(starts, start)
        while k < len(starts) and starts[k] < end:
            if ends[k] <= end:
                return True
            k += 1
        return False


def keeps_offsets(text: str, low: str) -> bool:
    """Whether ``low`` (``text.lower()``) lower-cases each character on its own, one for one: then
    ``low[a:b] == text[a:b].lower()`` for every slice (capital sigma's lower case depends on the
    letters around it)."""
    return len(low) == len(text) and "Σ" not in text


def _person_like(tokens: list[str]) -> bool:
    if not 2 <= len(tokens) <= 4:
        return False
    for t in tokens:
        low = t.lower()
        if low in NAME_PARTICLES:
            continue
        if not t[0].isupper() or (t.isupper() and len(t) > 1) or low in NON_PERSON_HEADS:
            return False
        if low in TITLE_WORDS or low in FUNCTION_WORDS or not t.replace("-", "").isalpha():
            return False
    return True


_TITLE_OR_OF = TITLE_WORDS | {"of"}


def name_part(tokens: list[str]) -> list[str]:
    """The name in a capitalised run: drop titles, leading all-caps and places before it."""
    cut = 0
    for k, t in enumerate(tokens):
        low = t.lower()
        if low in _TITLE_OR_OF or (low[-1:] == "." and low.rstrip(".") in TITLE_WORDS):
            cut = k + 1
    rest = tokens[cut:]
    while rest and ((rest[0].isupper() and len(rest[0]) > 1) or rest[0].lower() in FUNCTION_WORDS):
        rest = rest[1:]
    return rest


_CAP_WORD = r"[A-Z][\w’'\-]*+(?:\.(?= [A-Z]))?"
_JOINER = r" (?:(?:de|da|van|von|der|al|bin|ibn|la|le|du|of) )?"
# The first capital comes before the look-behind (not after it) so the regex engine can skip
# ahead to capitals instead of trying the look-behind at every character (twice as fast);
# possessive quantifiers spare the engine giving back letters it can never use.
_FIRST_CAP = r"[A-Z](?<![\w’'][A-Z])[\w’'\-]*+(?:\.(?= [A-Z]))?"
CAP_RUN = re.compile(rf"{_FIRST_CAP}(?:{_JOINER}{_CAP_WORD})*+")
_MULTI_CAP_RUN = re.compile(rf"{_FIRST_CAP}(?:{_JOINER}{_CAP_WORD})++")


_PIECES = re.compile(r"[\w’'\-]+|[^\w\s]")
# what the pieces after a name start with when they open an apposition: ",", then "the", "a" or
# "an" as a whole piece (``_roles_around`` reads them only then)
_APPOSITION = re.compile(r"\s*+,\s*+(?:the|an?)(?![\w’'\-])", re.IGNORECASE)


_THE = frozenset(("the ", "The "))
_CAP_LONG = re.compile(r"[A-Z](?<!\w[A-Z])\w{3,}")
_LOW_LONG = re.compile(r"(?<!\w)[a-z]\w{3,}")


_TITLE_MAX = 200  # longer lines are paragraphs, never headlines


def _title_case(line: str) -> bool:
    """A headline in Title Case (body paragraphs are long, so only short lines are checked)."""
    if len(line) > _TITLE_MAX:
        return False
    caps = len(_CAP_LONG.findall(line))
    return caps >= 3 and caps > 2.3 * len(_LOW_LONG.findall(line))


def matches_by_line(
    pattern: re.Pattern[str], text: str, lines: list[tuple[int, int]]
) -> list[list[re.Match[str]]] | None:
    """``[list(pattern.finditer(text, a, b)) for a, b in lines]`` found by one scan over the
    stretch the lines cover (one regex call per article instead of one per line).

    A match that stays inside a line is the match the line's own scan finds; matches between
    lines are dropped. When a match runs over a line's edge (where the line's own scan would have
    stopped) or the lines are out of order, the answer could differ: None, and the caller scans
    line by line.
    """
    out: list[list[re.Match[str]]] = [[] for _ in lines]
    if not lines:
        return out
    for (_, b), (a, _) in pairwise(lines):
        if a < b:
            return None
    k, last = 0, len(lines) - 1
    a, b = lines[0]
    for m in pattern.finditer(text, a, lines[-1][1]):
        start, end = m.span()
        while start >= b and k < last:
            k += 1
            a, b = lines[k]
        if end > b or (start < a < end):
            return None
        if start >= a:
            out[k].append(m)
    return out


def build_people(text: str, lines: list[tuple[int, int]], mentions: tuple[Mention, ...]) -> People:
    """Collect person names and role introductions from the given (sentence-case) lines."""
    people = People()
    # run -> (words, number of title words, "the" before the name, no lead, full name) or None
    seen: dict[str, tuple[list[str], int, bool, bool, str] | None] = {}
    full_names = people.full_names
    by_line = matches_by_line(_MULTI_CAP_RUN, text, lines)
    for k, (a, b) in enumerate(lines):
        # one word is never a full name; the title-case test only matters for lines with a run
        # that reads as a person's name (runs are parsed once per article: pure, cached)
        found = []
        for m in by_line[k] if by_line is not None else _MULTI_CAP_RUN.finditer(text, a, b):
            run = m.group()
            parsed = seen.get(run, False)
            if parsed is False:
                parsed = seen[run] = _parse_run(run)
            if parsed is None or parsed[2]:
                continue
            start = m.start()
            if parsed[3] and text[max(a, start - 4) : start] in _THE:
                continue  # "the Red Cross" is no person (but "the US President Joe Biden" is)
            found.append((m, start, parsed))
        if not found or (b - a <= _TITLE_MAX and _title_case(text[a:b])):
            continue
        for m, start, (words, titled, _the_lead, _no_lead, full) in found:
            people.add_person(full)
            if titled:
                people.set_gender(full, HONORIFIC_GENDER.get(words[titled - 1].lower().rstrip(".")))
            if full_names[full] > 2:
                continue  # roles are introduced at the first mentions
            before = _PIECES.findall(text, max(a, start - 60), start)
            end = m.end()
            stop = min(b, end + 100)
            # the words after matter only for an apposition ("NAME, the director of ...")
            appos = _APPOSITION.match(text, end, stop) is not None
            after = _PIECES.findall(text, end, stop) if appos else []
            _roles_around(people, before, words[:titled], after, full, start)
    person, org = EntityType.PERSON, EntityType.ORG  # enum members read once, not per mention
    for mention in mentions:
        if mention.type == person and len(mention.text.split()) >= 2:
            people.add_person(mention.canonical or mention.text)
        elif mention.type == org:
            people.orgs.add(mention.canonical or mention.text)
    _honorific_genders(people, text, lines)
    return people


# no leading \b (it would make the engine try every character): the word start is checked apart;
# no group around the honorific either (a leading group hides the first letters from the engine,
# which then tries every character: four times slower)
_HONORIFIC_NAME = re.compile(r"(?:Mrs?|Ms|Miss|Sir|Dame|Lord|Lady|Madam)\.? ([A-Z][\w’'\-]+)")


def _honorific_genders(people: People, text: str, lines: list[tuple[int, int]]) -> None:
    """ "Mr Peskov", "Ms Zakharova": the honorific gives the gender of the person so named."""
    if not people.by_last:
        return
    by_line = matches_by_line(_HONORIFIC_NAME, text, lines)
    for k, (a, b) in enumerate(lines):
        for m in by_line[k] if by_line is not None else _HONORIFIC_NAME.finditer(text, a, b):
            if m.start() > a and text[m.start() - 1].isalnum():
                continue
            names = people.by_last.get(strip_possessive(m.group(1)).lower())
            if names and len(names) == 1:
                honorific = text[m.start() : m.start(1) - 1].removesuffix(".")
                people.set_gender(names[0], HONORIFIC_GENDER[honorific.lower()])


def _parse_run(run: str) -> tuple[list[str], int, bool, bool, str] | None:
    """What a capitalised run says, computed once per distinct run of an article."""
    words = _split_run(run)
    name = name_part(words)
    if not _person_like(name):
        return None
    titled = len(words) - len(name)
    lead = [w.lower() for w in words[:titled]]
    return words, titled, lead == ["the"], not lead, " ".join(name)


def _split_run(run: str) -> list[str]:
    """Words of a capitalised run; a possessive ends the run ("Biden’s Conditions" → Biden)."""
    if "’" not in run and "'" not in run:
        return run.split()  # no possessive (the common case)
    out: list[str] = []
    for w in run.split():
        if out and _possessive_word(out[-1]):
            break
        out.append(w)
    if out:
        out[-1] = strip_possessive(out[-1])
    return out


def _possessive_word(w: str) -> bool:
    return w.endswith(("’s", "'s", "s’", "s'"))


def _roles_around(
    people: People, before: list[str], title: list[str], after: list[str], full: str, at: int
) -> None:
    """Record "Kremlin spokesman NAME", "NAME, the director of", "The spokesman for X, NAME"."""
    # words before the name: the title inside the run plus lower-case role words before it
    words = [strip_possessive(w).lower() for w in title]
    j = len(before) - 1
    while j >= 0 and j >= len(before) - 5 and before[j][0].isalnum():
        low = before[j].lower()
        if low in ("the", "a"):
            break
        words.insert(0, strip_possessive(low))
        j -= 1
    if j >= 0 and before[j] == "," and not words:
        # "The spokesman for the Russian president, NAME"
        k = j - 1
        while k >= 0 and before[k][0].isalnum() and len(words) < 8:
            words.insert(0, strip_possessive(before[k].lower()))
            k -= 1
        _add_role(people, words, full, at, last_head=False)
        return
    _add_role(people, words, full, at, last_head=True)
    if len(after) > 2 and after[0] == "," and after[1].lower() in ("the", "a", "an"):
        appos = [strip_possessive(w.lower()) for w in after[2:9] if w[0].isalnum()]
        _add_role(people, appos, full, at, last_head=False)


def _add_role(people: People, words: list[str], full: str, at: int, *, last_head: bool) -> None:
    heads = [w for w in words if w in PERSON_ROLES]
    if not heads:
        return
    head = heads[-1] if last_head else heads[0]
    mods = frozenset(w for w in words if w != head and w not in ("the", "a", "an", "of", "for"))
    people.roles.append(Role(head, mods, full, at))
    people.set_gender(full, ROLE_GENDER.get(head))
