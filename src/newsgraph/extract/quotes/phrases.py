"""Tokens, speech-verb cues and speaker noun phrases around a quotation.

Works on a flat token list of the words *outside* quotation marks, each token carrying its absolute
offsets, so every cue and speaker phrase found becomes a Span into the raw text.
"""

from __future__ import annotations

import re
from itertools import accumulate, compress, count
from operator import itemgetter, sub
from typing import NamedTuple

from newsgraph.extract.quotes.lexicon import (
    AUXILIARIES,
    CONJUNCTIONS,
    CUE_FORMS,
    FINITE_AUXILIARIES,
    PERSON_ROLES,
    PHRASAL_CUES,
    PLURAL_NOUN_FORMS,
    PREPOSITIONS,
    CueKind,
    words_of,
)

# A title abbreviation with its dot ("Mr. Smith": only as a whole token), a word (with inner
# apostrophes, hyphens, dots, and a plural possessive mark: "officials’"), or one punctuation
# character. The look-ahead lets the engine skip the abbreviations at most token starts, and the
# possessive quantifiers spare it backtracking state (a successful match never backtracks here).
_TOKEN = re.compile(
    r"(?=[MDPGSRLCAJ][a-z])(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Sgt|Capt|Adm|Maj|Rev|St|Jr"
    r"|Sr)\.(?= )|\w++(?:[’'\-.]\w++)*+(?:(?<=s)[’'](?!\w))?|[^\w\s]"
)
# The same tokens, each with the whitespace before it: ``findall`` then yields plain strings that
# tile the range, so offsets follow from running sums of their lengths (no match objects).
SPACED_TOKEN = re.compile(r"\s*+(?:" + _TOKEN.pattern + ")")
_NOUN_MARKERS = frozenset(
    [
        "the",
        "a",
        "an",
        "any",
        "some",
        "no",
        "many",
        "several",
        "these",
        "those",
        "his",
        "her",
        "its",
        "their",
        "our",
        "my",
        "your",
        "every",
        "each",
    ]
)
NP_DETERMINERS = frozenset(("the", "a", "an", "his", "her", "its", "their", "our"))
PRONOUNS = frozenset(("he", "she", "it", "they", "we", "i"))
RELATIVES = frozenset(("who", "which"))


# A token is a plain tuple (text, start, end, lower-cased text), read through these indexes: a
# tuple is built and indexed several times faster than a NamedTuple (whose instances C code
# cannot take from the tuple free list and whose fields are descriptor calls), and tokens are
# the stage's bulk (hundreds per article).
Tok = tuple[str, int, int, str]
TEXT, START, END, LOW = 0, 1, 2, 3


class Cue(NamedTuple):
    first: int  # token index of the first auxiliary (or the verb)
    verb: int  # token index of the verb
    base: str
    tense: str
    kind: CueKind


class Phrase(NamedTuple):
    first: int  # token index range [first, last]
    last: int
    start: int
    end: int


def tokenize(text: str, start: int, end: int) -> list[Tok]:
    """Word and punctuation tokens of ``text[start:end]`` with absolute offsets."""
    # built column-wise by map over C functions: no bytecode runs per token (this is the hottest
    # loop of the stage)
    return tokens_of_pieces(SPACED_TOKEN.findall(text, start, end), start)


def tokens_of_pieces(pieces: list[str], start: int) -> list[Tok]:
    """Tokens of ``pieces``, strings that tile the text from ``start`` on, each a token with the
    whitespace before it (what ``SPACED_TOKEN.findall`` yields)."""
    words = list(map(str.lstrip, pieces))
    ends = list(accumulate(map(len, pieces), initial=start))
    del ends[0]
    starts = map(sub, ends, map(len, words))
    return list(zip(words, starts, ends, map(str.lower, words), strict=True))


_LOW = itemgetter(LOW)  # a token's lower-cased text, read by C code
_IS_CUE_FORM = CUE_FORMS.__contains__


def cue_candidates(toks: list[Tok], start: int = 0) -> list[int]:
    """Indexes (from ``start`` on) of the tokens spelt like a speech verb: the only places where
    ``cue_at`` can find a cue, so loops look there instead of calling it at every token."""
    tail = toks[start:] if start else toks  # no copy of the whole list
    return list(compress(count(start), map(_IS_CUE_FORM, map(_LOW, tail))))


def is_word(t: Tok) -> bool:
    return t[TEXT][0].isalnum()


def is_cap(t: Tok) -> bool:
    return t[TEXT][0].isupper()


def cue_at(toks: list[Tok], i: int) -> Cue | None:
    """A speech verb at token ``i`` (lower case), with any auxiliaries right before it."""
    t = toks[i]
    entry = CUE_FORMS.get(t[LOW])
    if entry is None or not t[TEXT][0].islower():
        return None
    first = i
    while first > 0 and toks[first - 1][LOW] in AUXILIARIES and toks[first - 1][TEXT][0].islower():
        first -= 1
    base, tense, kind = entry
    if i > 0 and toks[i - 1][LOW] in _NOUN_MARKERS:
        return None  # "any forecasts", "the reports": a noun, not a verb
    if tense == "s" and first == i and t[LOW] in PLURAL_NOUN_FORMS and _verb_next(toks, i + 1):
        return None  # "the Gulf states expressed support": a subject followed by its verb
    if tense == "ing" and first == i:
        return None  # a bare participle ("terming them", "saying that") is not a cue
    after_to_or_pronoun = i > 0 and toks[i - 1][LOW] in ("to", "we", "i", "they", "you")
    if tense == "base" and first == i and not after_to_or_pronoun:
        return None  # a bare base form is usually a noun ("the note", "a call")
    particles = PHRASAL_CUES.get(base)
    if particles is not None:
        # "hit back", "went on": the particle makes the cue, and ends it
        if i + 1 >= len(toks) or toks[i + 1][LOW] not in particles:
            return None
        i += 1
    return Cue(first, i, base, tense, kind)


def _verb_next(toks: list[Tok], i: int) -> bool:
    """Token ``i`` is a finite verb in lower case: a past form, an auxiliary ("have", "were")."""
    if i >= len(toks) or not toks[i][TEXT][0].islower():
        return False
    low = toks[i][LOW]
    if low.endswith("ed") or low in FINITE_AUXILIARIES:
        return True
    entry = CUE_FORMS.get(low)
    return entry is not None and entry[1] == "past"


def cue_starting(toks: list[Tok], i: int) -> Cue | None:
    """A cue whose auxiliaries/verb begin at token ``i`` ("has claimed", "said")."""
    j = i
    while j < len(toks) and j < i + 4 and toks[j][LOW] in AUXILIARIES:
        j += 1
    if j < len(toks) and toks[j][LOW] in CUE_FORMS:
        cue = cue_at(toks, j)
        if cue is not None and cue.first <= i:
            return Cue(i, cue.verb, cue.base, cue.tense, cue.kind)
    return None


def according_to(toks: list[Tok], i: int) -> bool:
    return i + 1 < len(toks) and toks[i][LOW] == "according" and toks[i + 1][LOW] == "to"


def phrase(toks: list[Tok], first: int, last: int) -> Phrase:
    a, b = toks[first][START], toks[last][END]
    return Phrase(first, last, a, b)


def np_before(toks: list[Tok], i: int) -> Phrase | None:
    """The noun phrase ending right before token ``i`` (a cue's first token), skipping adverbs."""
    j = i - 1
    while (
        j >= 0
        and toks[j][TEXT][0].islower()
        and (toks[j][LOW] in AUXILIARIES or toks[j][LOW].endswith("ly"))
    ):
        j -= 1
    if j < 0:
        return None
    t = toks[j]
    if t[LOW] in PRONOUNS:
        return phrase(toks, j, j)
    if t[LOW] in RELATIVES:
        j -= 1
        if j >= 0 and toks[j][TEXT] == ",":
            j -= 1
        if j < 0:
            return None
    if not np_word(toks[j]):
        return None
    last = j
    count = 0
    while j >= 0 and count < 7:
        t = toks[j]
        if (t[LOW] in NP_DETERMINERS and t[TEXT][0].islower()) or t[LOW] in ("the", "a", "an"):
            return phrase(toks, j, last)
        if t[TEXT] == "of" and 0 < j < last and is_cap(toks[j - 1]) and is_cap(toks[j + 1]):
            j -= 1  # "the Royal College of Nursing"
            count += 1
            continue
        if not np_word(t):
            break
        if count and t[TEXT][0].islower() and is_cap(toks[j + 1]) and not _has_det_before(toks, j):
            break  # "pointing out that US President ..." stops at the name
        j -= 1
        count += 1
    first = j + 1
    if first > last:
        return None
    return phrase(toks, first, last)


def _has_det_before(toks: list[Tok], j: int) -> bool:
    for k in range(j, max(-1, j - 4), -1):
        if toks[k][LOW] in NP_DETERMINERS:
            return True
        if not np_word(toks[k]):
            return False
    return False


# Words that never belong to a speaker noun phrase; inflected speech verbs do not either when
# written in lower case ("said"), but a base form may be a noun ("a report").
_NOT_NP = (
    PREPOSITIONS
    | CONJUNCTIONS
    | AUXILIARIES
    | frozenset(("that", "this", "to", "not", "who", "which", "what", "when", "where"))
)
# ("-s" forms that are as often plural nouns do belong to a phrase: "several Gulf states")
_INFLECTED_CUES = frozenset(
    form for form, (_base, tense, _kind) in CUE_FORMS.items() if tense != "base"
) - PLURAL_NOUN_FORMS


def np_word(t: Tok) -> bool:
    first = t[TEXT][0]
    if not first.isalnum():
        return False
    if t[LOW] in _NOT_NP:
        return len(t[TEXT]) > 1 and t[TEXT].isupper()  # "IF Metall", "AT&T": letters, a name
    return not (t[LOW] in _INFLECTED_CUES and first.islower())


def np_after(toks: list[Tok], i: int) -> Phrase | None:
    """The noun phrase starting at token ``i`` (after a cue: "said Dmitry Peskov at ...")."""
    if i < len(toks) and toks[i][LOW] == "by":
        i += 1
    if i >= len(toks):
        return None
    t = toks[i]
    if t[LOW] in PRONOUNS and t[TEXT][0].islower():
        return phrase(toks, i, i)
    has_det = t[LOW] in NP_DETERMINERS
    j = i + 1 if has_det else i
    last = -1
    while j < len(toks) and j < i + 7:
        u = toks[j]
        if not np_word(u):
            break
        prev = toks[last] if last >= 0 else None
        if (
            prev is not None
            and not has_det
            and u[TEXT][0].islower()
            and is_cap(prev)
            and not prev[TEXT].endswith(("’s", "'s"))
            and not _role_before_name(toks, j)
        ):
            break  # "Peskov yesterday": the name has ended
        last = j
        j += 1
    if last < 0:
        return None
    return phrase(toks, i, last)


def _role_before_name(toks: list[Tok], j: int) -> bool:
    """ "Uzbek minister Bakhtiyor Rakhimov", "Kenyan opposition leader X": lower-case words ending
    in a role noun, right before a capitalised name (the phrase goes on to the name)."""
    role = False
    for k in range(j, min(len(toks), j + 4)):
        t = toks[k]
        if is_cap(t):
            return role
        if not np_word(t):
            return False
        role = role or t[LOW] in PERSON_ROLES
    return False


def np_forward(toks: list[Tok], i: int) -> Phrase | None:
    """A speaker phrase at token ``i`` followed by a cue ("Peskov said", "the Kremlin said")."""
    if i >= len(toks):
        return None
    t = toks[i]
    if t[LOW] in PRONOUNS:
        return phrase(toks, i, i)
    j = i + 1 if t[LOW] in NP_DETERMINERS else i
    last = -1
    while j < len(toks) and j < i + 7:
        if cue_starting(toks, j) is not None:
            break
        if not np_word(toks[j]):
            break
        last = j
        j += 1
    if last < 0:
        return None
    return phrase(toks, i, last)


def clause_subject(toks: list[Tok], i: int) -> Phrase | None:
    """The subject at the start of a clause beginning at token ``i``.

    Skips sentence adverbs ("Meanwhile,", "But") and a leading adverbial or participle clause that
    ends with a comma ("Speaking about the fate of X, Peskov said").
    """
    n = len(toks)
    while i < n and (toks[i][LOW] in _CLAUSE_OPENERS or toks[i][TEXT] in ",—–-"):
        i += 1
    if i >= n:
        return None
    t = toks[i]
    low = t[LOW]
    if low in PREPOSITIONS or low.endswith("ing") or low in ("as", "after", "when", "while"):
        for k in range(i + 1, min(n, i + 25)):
            if toks[k][TEXT] == ",":
                return clause_subject(toks, k + 1)
        return None
    if t[LOW] in PRONOUNS:
        return phrase(toks, i, i)
    j = i + 1 if t[LOW] in NP_DETERMINERS else i
    last = -1
    while j < n and j < i + 7:
        u = toks[j]
        if not np_word(u) or (u[LOW] in CUE_FORMS and cue_at(toks, j) is not None):
            break
        if last >= 0 and u[TEXT][0].islower() and is_cap(toks[last]) and u[LOW] not in _NP_LOWER_OK:
            break
        if last >= 0 and u[TEXT][0].islower() and not is_cap(u) and _looks_verb(u):
            break
        last = j
        j += 1
    if last < 0:
        return None
    return phrase(toks, i, last)


_CLAUSE_OPENERS = frozenset(
    [
        "however",
        "meanwhile",
        "moreover",
        "but",
        "and",
        "yet",
        "so",
        "then",
        "still",
        "thus",
        "earlier",
        "later",
        "also",
        "indeed",
        "instead",
        "besides",
        "finally",
        "whereas",
        "while",
    ]
)
_NP_LOWER_OK = frozenset(("spokesman", "spokeswoman", "spokesperson", "officials", "leaders"))


def _looks_verb(t: Tok) -> bool:
    low = t[LOW]
    return low.endswith(("ed", "es")) or low in AUXILIARIES or low in _COMMON_VERBS


_COMMON_VERBS = frozenset(
    [
        "is",
        "are",
        "was",
        "were",
        "has",
        "have",
        "had",
        "will",
        "would",
        "can",
        "could",
        "may",
        "might",
        "must",
        "should",
        "does",
        "did",
        "do",
        "remains",
        "remain",
        "sticks",
        "stick",
        "wants",
        "want",
        "needs",
        "need",
        "plans",
        "plan",
        "goes",
        "go",
        "makes",
        "make",
        "gets",
        "get",
        "takes",
        "take",
        "gives",
        "give",
        "keeps",
        "keep",
        "seems",
        "seem",
        "expects",
        "expect",
        "hopes",
        "hope",
        # irregular pasts ("The night nurse ran in and shouted"): the subject ends before them
        *words_of(
            """ran went came got took made gave saw knew felt left kept held stood sat began wrote
            spoke broke brought bought caught fought taught found lost met paid sent spent won led
            fell rose drove flew threw grew heard told"""
        ),
    ]
)
