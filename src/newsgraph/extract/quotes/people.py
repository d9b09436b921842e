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
from pathlib import Path

from newsgraph.extract.quotes.descriptors import is_demonym
from newsgraph.extract.quotes.lexicon import (
    CONJUNCTIONS,
    DETERMINERS,
    HONORIFIC_GENDER,
    NAME_SUFFIXES,
    NON_PERSON_HEADS,
    NON_SUBJECT_WORDS,
    PERSON_ROLES,
    POST_NOMINALS,
    PREPOSITIONS,
    ROLE_GENDER,
    ROLE_SYNONYMS,
    TITLE_ABBREVIATIONS,
    TITLE_WORDS,
)
from newsgraph.model import EntityType, Mention

NAME_PARTICLES = frozenset(("de", "da", "van", "von", "der", "al", "bin", "ibn", "la", "le", "du"))
# Capitalised function words ("The", "In", "But") that open a run but are no part of a name.
FUNCTION_WORDS = DETERMINERS | PREPOSITIONS | CONJUNCTIONS | NON_SUBJECT_WORDS


_POSSESSIVE_ENDS = ("’s", "'s", "’", "'")


# Words that make a different post of the same role ("deputy minister", "vice-chair").
_RANKS = frozenset(("deputy", "vice", "assistant", "acting", "former", "junior", "associate"))


def _load_first_names() -> dict[str, str]:
    """Given name -> "m" | "f" (names of one gender only; see ``build_genders``)."""
    path = Path(__file__).with_name("data") / "first_name_gender.tsv"
    out: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        name, _, gender = line.partition("\t")
        out[name] = gender
    return out


#: Given names that say whether a person is a man or a woman ("he" is never "Sandra Lyle").
FIRST_NAME_GENDER = _load_first_names()


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
    first_at: dict[str, int] = field(default_factory=dict)  # full name -> first offset seen
    by_first: dict[str, list[str]] = field(default_factory=dict)  # "caroline" -> full names

    def set_gender(self, name: str, gender: str | None) -> None:
        """Record what an honorific or a gendered role noun says; conflicting evidence → unknown."""
        if gender is None:
            return
        if self.gender.setdefault(name, gender) != gender:
            self.gender[name] = "?"

    def add_person(self, name: str, at: int = -1) -> None:
        self.full_names[name] += 1
        words = name.split()
        if at >= 0:
            self.first_at.setdefault(name, at)
        if len(words) > 2 and words[-1].lower() in NAME_SUFFIXES:
            words.pop()  # "Raymond Tate Jr." is "Tate"
        last = words[-1].lower()
        names = self.by_last.setdefault(last, [])
        if name not in names:
            names.append(name)
            firsts = self.by_first.setdefault(words[0].lower(), [])
            if name not in firsts:
                firsts.append(name)
            if name not in self.gender:
                self.set_gender(name, FIRST_NAME_GENDER.get(words[0]))

    def canonical(self, name_tokens: list[str], at: int = -1) -> str | None:
        """Fullest form of the person ``name_tokens`` name, or None when not a known person.

        ``at``: where the name is written; a namesake introduced only later ("His wife, Melissa
        Ferris" after "Ferris told the Herald") is no candidate there.
        """
        if not name_tokens:
            return None
        last = name_tokens[-1].lower()
        if last in NAME_SUFFIXES and len(name_tokens) > 1:
            last = name_tokens[-2].lower()
        cands = self.by_last.get(last)
        if not cands:
            if len(name_tokens) >= 2 and _person_like(name_tokens):
                return " ".join(name_tokens)
            firsts = self.by_first.get(last) if len(name_tokens) == 1 else None
            if firsts is not None and len(firsts) == 1:
                return firsts[0]  # "Dame Caroline", "Sir Keir": the one person so named
            return None
        first = name_tokens[0] if len(name_tokens) >= 2 else None
        if first in NAME_PARTICLES:
            first = None  # "van Dalen" is the last name of "Pieter van Dalen"
        if first is not None:
            fitting = [c for c in cands if c.split()[0] == first]
            cands = fitting or [" ".join(name_tokens)]
        elif at >= 0 and len(cands) > 1:
            before = [c for c in cands if self.first_at.get(c, at) < at]
            cands = before or cands
        if len(cands) == 1:
            return cands[0]  # what max() returns, without computing its key
        return max(cands, key=lambda c: (self.full_names[c], -abs(len(c.split()) - 2), len(c)))

    def is_person(self, canonical: str | None) -> bool:
        return canonical is not None and canonical in self.full_names

    def other_nationality(self, name: str, nationality: str) -> bool:
        """Whether ``name`` was introduced with a nationality other than ``nationality``."""
        for r in self.roles:
            if r.person == name:
                for m in r.modifiers:
                    if m != nationality and is_demonym(m.title()):
                        return True
        return False

    def role_has_modifier(self, head: str, word: str) -> bool:
        """Whether someone was introduced with role ``head`` and ``word`` ("Italian" striker)."""
        key = role_key(head)
        roles = self.roles
        return any(word in r.modifiers for r in roles if r.head == head or role_key(r.head) == key)

    def role_person(self, head: str, modifiers: frozenset[str], at: int) -> str | None:
        """The person introduced with role ``head`` ("the detective": "Detective Inspector X"),
        preferring introductions before ``at`` that share the most modifiers."""
        return self.role_intro(head, modifiers, at)[0]

    def role_intro(self, head: str, modifiers: frozenset[str], at: int) -> tuple[str | None, int]:
        """``role_person`` and where that person was introduced with the role (-1: nobody)."""
        ranks = modifiers & _RANKS
        if ranks and head not in _RANKS:
            # "the deputy mayor": whoever was introduced as the deputy, before "the mayor"
            found = self.role_intro(next(iter(sorted(ranks))), modifiers - ranks, at)
            if found[0] is not None:
                return found
        best: tuple[bool, int, int, int] | None = None
        person, where = None, -1
        key = role_key(head)
        for r in self.roles:
            if r.head != head and role_key(r.head) != key:
                continue
            score = (
                r.at <= at,
                -len((r.modifiers & _RANKS) ^ ranks),  # "the minister" is no deputy minister
                len(modifiers & r.modifiers),
                r.at if r.at <= at else -r.at,
            )
            if best is None or score > best:
                best, person, where = score, r.person, r.at
        return person, where


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
        if low in NAME_PARTICLES or (low in NAME_SUFFIXES and t is not tokens[0]):
            continue
        if not t[0].isupper() or (t.isupper() and len(t) > 1) or low in NON_PERSON_HEADS:
            return False
        if low in TITLE_WORDS or low in FUNCTION_WORDS or not t.replace("-", "").isalpha():
            return False
    return True


_TITLE_LIKE = TITLE_WORDS | PERSON_ROLES | frozenset(TITLE_ABBREVIATIONS)
_TITLE_PREFIXES = frozenset(("vice", "co", "ex", "deputy", "acting", "former"))


def is_title(word: str) -> bool:
    """A title or role word before a name: "Councillor", "Cllr.", "Skipper", "Vice-chairwoman"."""
    low = word.lower()
    if low in _TITLE_LIKE or low.rstrip(".") in _TITLE_LIKE:
        return True
    if "-" not in low:
        return False
    return all(p in _TITLE_LIKE or p in _TITLE_PREFIXES for p in low.split("-"))


def name_part(tokens: list[str]) -> list[str]:
    """The name in a capitalised run: drop titles and role words before it ("Vice-chairwoman",
    "Wexham striker"), leading all-caps and places, post-nominal letters after it ("KC", "MP");
    a generational suffix stays ("Raymond Tate Jr.")."""
    end = len(tokens)
    while end > 1 and tokens[end - 1].lower().rstrip(".") in POST_NOMINALS:
        end -= 1
    cut = 0
    for k in range(end - 1):
        t = tokens[k]
        if t[0].islower():
            if t not in NAME_PARTICLES:
                cut = k + 1  # "of", "minister" in "Uzbek minister X"
        elif is_title(t):
            cut = k + 1
    rest = tokens[cut:end] if cut or end < len(tokens) else tokens
    while rest and ((rest[0].isupper() and len(rest[0]) > 1) or rest[0].lower() in FUNCTION_WORDS):
        rest = rest[1:]
    if len(rest) >= 3 and rest[0] not in FIRST_NAME_GENDER:
        # "Assembly Renate Vogt": the name starts at its given name
        k = next((i for i in range(1, len(rest) - 1) if rest[i] in FIRST_NAME_GENDER), 0)
        rest = rest[k:]
    if len(rest) > 2 and rest[-1] in _BARE_SUFFIXES:
        rest = [*rest[:-1], rest[-1] + "."]
    return rest


_BARE_SUFFIXES = frozenset(("Jr", "Sr"))


def person_name(name: str) -> str:
    """A person's name as the entity stage wrote it, without titles and post-nominal letters
    ("Councillor Bell" -> "Bell" is too short: then the name is kept as it was)."""
    words = name.split()
    if not is_title(words[0]) and words[-1].lower().rstrip(".") not in POST_NOMINALS:
        return name  # most names: nothing to drop
    core = name_part(words)
    return " ".join(core) if len(core) >= 2 and core != words else name


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
    if len(line) > _TITLE_MAX or line.endswith("."):
        return False  # a paragraph, or a sentence: headlines end without a full stop
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
            people.add_person(full, start)
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
            people.add_person(person_name(mention.canonical or mention.text), mention.span.start)
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
    titled = words.index(name[0])
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
    _add_role(people, words, full, at, last_head=True, titles=len(title))
    if len(after) > 2 and after[0] == "," and after[1].lower() in ("the", "a", "an"):
        appos = [strip_possessive(w.lower()) for w in after[2:9] if w[0].isalnum()]
        _add_role(people, appos, full, at, last_head=False)


def role_key(word: str) -> str:
    """One spelling per role: "Dr" and "doctor", "boss" and "manager", "neighbour", "neighbor"."""
    word = word.rstrip(".")
    return TITLE_ABBREVIATIONS.get(word) or ROLE_SYNONYMS.get(word, word)


def _add_role(
    people: People, words: list[str], full: str, at: int, *, last_head: bool, titles: int = 0
) -> None:
    words = [TITLE_ABBREVIATIONS.get(w.rstrip("."), w) for w in words]
    heads = [w for w in words if w in PERSON_ROLES]
    if not heads:
        return
    if last_head:
        # every title word inside the name's run: "Detective Inspector X" is the detective too
        # (but "the Russian president's spokesman X" is only the spokesman)
        k = len(words)
        while k > len(words) - titles and words[k - 1] in PERSON_ROLES:
            k -= 1
        heads = words[k:] or heads[-1:]
    else:
        heads = heads[:1]
    for head in heads:
        mods = frozenset(w for w in words if w != head and w not in ("the", "a", "an", "of", "for"))
        people.roles.append(Role(head, mods, full, at))
        people.set_gender(full, ROLE_GENDER.get(head))
