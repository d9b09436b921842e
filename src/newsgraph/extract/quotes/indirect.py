"""Indirect (reported) speech without quotation marks.

Two shapes: "X said (that) CLAUSE." with the speaker opening the clause, and "CLAUSE, X said." /
"CLAUSE, said X at a briefing." with the attribution closing the sentence. The span is the reported
clause. Weak verbs ("called", "spoke") and bare participles never make indirect speech.
"""

from __future__ import annotations

from typing import NamedTuple

from newsgraph.extract.quotes.attribution import (
    Attribution,
    clause_start,
    end_attribution,
    subject_of,
)
from newsgraph.extract.quotes.lexicon import (
    BODY_NOUNS,
    DOCUMENT_NOUNS,
    OBJECT_VERBS,
    PERSON_ROLES,
    PREPOSITIONS,
    WEAK_FOR_INDIRECT,
    CueKind,
)
from newsgraph.extract.quotes.phrases import (
    END,
    LOW,
    START,
    TEXT,
    Phrase,
    Tok,
    according_to,
    cue_at,
    cue_candidates,
    is_cap,
    np_after,
    np_word,
    phrase,
)
from newsgraph.extract.quotes.resolve import singular

# an enum member as a module constant (a global is read faster than a member of the enum)
REPORT = CueKind.REPORT

_MIN_CLAUSE_WORDS = 3
_END_PUNCT = frozenset((".", "!", "?", "…", ";", ":"))


class Reported(NamedTuple):
    start: int
    end: int
    att: Attribution


def _strong(att: Attribution) -> bool:
    cue = att.cue
    return cue is not None and cue.kind == REPORT and cue.base not in WEAK_FOR_INDIRECT


def find_indirect(toks: list[Tok], cands: list[int] | None = None) -> Reported | None:
    """The reported clause of a sentence without a direct quotation, if it has one.

    ``cands``: ``cue_candidates(toks)`` when the caller has it already."""
    n = len(toks)
    if n < 5:
        return None
    end_i = n - 1
    while end_i >= 0 and toks[end_i][TEXT] in _END_PUNCT:
        end_i -= 1
    if cands is None:
        cands = cue_candidates(toks)
    if not cands:
        return None  # no speech-verb spelling: neither shape below can match
    # "CLAUSE, X said ..." / "CLAUSE, said X ..."
    att = end_attribution(toks, -1, cands)
    if att is not None and _strong(att):
        comma = _comma_before(toks, min(att.phrase.first, att.cue.first if att.cue else n))
        first = _after_dateline(toks, comma) if comma is not None else 0
        if comma is not None and _has_words(toks, first, comma, _MIN_CLAUSE_WORDS):
            return Reported(toks[first][START], toks[comma - 1][END], att)
    # "X said (that) CLAUSE"
    for k in cands:
        cue = cue_at(toks, k)
        if cue is None or cue.kind != REPORT or cue.base in WEAK_FOR_INDIRECT:
            continue
        if cue.first > 0 and toks[cue.first - 1][LOW] in ("who", "which", "that", "whom"):
            continue  # inside a relative clause: "residents, who had complained ..., said"
        ph = subject_of(toks, cue)
        if ph is None or not _opens_clause(toks, ph.first):
            return None
        j = _clause_begin(toks, cue.verb + 1, needs_that=cue.base in OBJECT_VERBS, stop=end_i)
        if j is None or not _has_words(toks, j, end_i + 1, _MIN_CLAUSE_WORDS):
            return None
        span = (toks[cue.first][START], toks[cue.verb][END])
        return Reported(toks[j][START], toks[end_i][END], Attribution(cue, span, ph, "indirect"))
    return None


def find_according(toks: list[Tok]) -> Reported | None:
    """A statement attributed by "according to X" opening or closing a sentence without
    quotation marks: "According to two diplomats, the talks collapsed." / "The talks collapsed,
    according to two diplomats." X must name a source (a name, a role, a body, a document):
    "according to plan" and "according to the rules" attribute nothing."""
    n = len(toks)
    end_i = n - 1
    while end_i >= 0 and toks[end_i][TEXT] in _END_PUNCT:
        end_i -= 1
    first = _after_dateline(toks, n)
    if according_to(toks, first):
        stop = min(n, first + 16)
        comma = next((k for k in range(first + 3, stop) if toks[k][TEXT] == ","), None)
        ph = _source(toks, first + 2, comma) if comma is not None else None
        if comma is None or ph is None or _has_words(toks, ph.last + 1, comma, _TAIL_WORDS + 1):
            return None
        if not _has_words(toks, comma + 1, end_i + 1, _MIN_CLAUSE_WORDS):
            return None
        return Reported(toks[comma + 1][START], toks[end_i][END], _according(toks, first, ph))
    for k in range(end_i - 2, first, -1):
        if toks[k][TEXT] == "," and according_to(toks, k + 1):
            ph = _source(toks, k + 3, end_i + 1)
            if ph is None or _has_words(toks, ph.last + 1, end_i + 1, _TAIL_WORDS + 1):
                return None  # a clause follows X, not a short adverbial ("on Friday")
            if not _has_words(toks, first, k, _MIN_CLAUSE_WORDS):
                return None
            return Reported(toks[first][START], toks[k - 1][END], _according(toks, k + 1, ph))
    return None


_TAIL_WORDS = 6  # "according to X familiar with the matter": words allowed after the source


def _source(toks: list[Tok], i: int, stop: int) -> Phrase | None:
    """The noun phrase at ``i`` (before ``stop``) cut after its last word that can speak: a
    capitalised name, or a person, body or text noun ("two diplomats familiar" → two diplomats)."""
    if 0 < stop - i <= 8 and is_cap(toks[stop - 1]) and all(np_word(t) for t in toks[i:stop]):
        return phrase(toks, i, stop - 1)  # "Interior Ministry spokesman Peter Hall": all of it
    ph = np_after(toks[:stop], i)
    if ph is None:
        return None
    for j in range(ph.last, ph.first - 1, -1):
        t = toks[j]
        if is_cap(t) or singular(t[LOW]) in _SPEAKING_NOUNS:
            return phrase(toks, ph.first, j)
    return None


_SPEAKING_NOUNS = (
    PERSON_ROLES
    | BODY_NOUNS
    | DOCUMENT_NOUNS
    | frozenset(("witness", "survey", "poll", "estimate", "study", "people", "person"))
)


def _according(toks: list[Tok], k: int, ph: Phrase) -> Attribution:
    return Attribution(None, (toks[k][START], toks[k + 1][END]), ph, "according-to")


def _opens_clause(toks: list[Tok], i: int) -> bool:
    """Token ``i`` starts the sentence or a clause (after a comma, a dash, "But", "Later")."""
    if i == 0 or toks[i - 1][TEXT] == "," or clause_start(toks, i) == i:
        return True
    start = clause_start(toks, i)
    if i - start <= 5 and all(np_word(t) for t in toks[start:i]) and toks[start][TEXT][0].isupper():
        return True  # "Airport director Omar Haddad said", "— UN envoy Peter Rossi said"
    return all(t[LOW] in _OPENERS or not t[TEXT][0].isalnum() for t in toks[:i])


_OPENERS = frozenset(("but", "and", "yet", "so", "meanwhile", "however", "later", "then", "also"))


def _comma_before(toks: list[Tok], i: int) -> int | None:
    for k in range(i - 1, max(-1, i - 3), -1):
        if toks[k][TEXT] == ",":
            return k
    return None


_WEEKDAYS = frozenset(
    ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
)
_DAY_WORDS = frozenset(("yesterday", "today", "tonight", "earlier", "later"))


def _skip_when(toks: list[Tok], j: int, stop: int) -> int:
    """Index after a short time adverbial right after the verb ("said on Tuesday the ...",
    "said yesterday it ..."), else ``j``: the reported clause starts after it."""
    if j < stop and toks[j][LOW] in _DAY_WORDS:
        return j + 1
    if j + 1 < stop and toks[j][LOW] == "on" and toks[j + 1][LOW] in _WEEKDAYS:
        return j + 2
    return j


def _clause_begin(toks: list[Tok], j: int, *, needs_that: bool, stop: int) -> int | None:
    if j > stop:
        return None
    if not needs_that:
        j = _skip_when(toks, j, stop)
        if j > stop:
            return None
    if toks[j][LOW] == "that":
        return j + 1
    if needs_that or toks[j][LOW] in PREPOSITIONS or toks[j][TEXT] == ",":
        for k in range(j, min(stop, j + 14)):
            if toks[k][LOW] == "that":
                return k + 1
        return None
    return j if toks[j][TEXT][0].isalnum() else None


_DASHES = frozenset(("—", "–", "-", ":"))
_DATELINE_PUNCT = frozenset((",", "(", ")", ".", "/"))


def _after_dateline(toks: list[Tok], stop: int) -> int:
    """Index of the first token after a dateline opening the sentence, else 0.

    A dateline is a place in capitals, maybe a region and a news agency, then a dash:
    "WASHINGTON (AP) —", "KYIV, Ukraine (Reuters) -", "NEW YORK:".
    """
    if not toks or not (toks[0][TEXT].isupper() and toks[0][TEXT].isalpha()):
        return 0
    for k in range(1, min(stop, 12)):
        t = toks[k][TEXT]
        if t in _DASHES:
            j = k + 1
            while j < stop and toks[j][TEXT] in _DASHES:
                j += 1  # "--"
            return j if j < stop else 0
        if not (t in _DATELINE_PUNCT or t[0].isupper()):
            return 0
    return 0


def _has_words(toks: list[Tok], a: int, b: int, want: int) -> bool:
    """Whether ``toks[a:b]`` holds at least ``want`` words (stops counting there)."""
    for k in range(a, b):
        if toks[k][TEXT][0].isalnum():
            want -= 1
            if want <= 0:
                return True
    return want <= 0
