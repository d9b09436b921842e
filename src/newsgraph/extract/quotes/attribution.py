"""Attribution inside one sentence: which cue and which speaker phrase a quotation belongs to.

The sentence is a token list where every quotation is one sentinel token, so patterns read the words
around the quotes: "…,” Peskov said", "…,” said Dmitry Peskov", "he said: “…”", "according to X",
"called the accident “…”", "– emphasized by the Kremlin".
"""

from __future__ import annotations

from typing import NamedTuple

from newsgraph.extract.quotes.lexicon import (
    CLAUSE_VERBS,
    CONJUNCTIONS,
    CUE_FORMS,
    PERSON_ROLES,
    PREPOSITIONS,
    UTTERANCE_VERBS,
    CueKind,
    words_of,
)
from newsgraph.extract.quotes.marks import Segment
from newsgraph.extract.quotes.phrases import (
    END,
    LOW,
    PRONOUNS,
    SPACED_TOKEN,
    START,
    TEXT,
    Cue,
    Phrase,
    Tok,
    according_to,
    clause_subject,
    cue_at,
    cue_candidates,
    cue_starting,
    is_cap,
    np_after,
    np_before,
    np_forward,
    tokenize,
    tokens_of_pieces,
)

# enum members as module constants (a global is read faster than a member of the enum)
REPORT, NAMING, DOCUMENT = CueKind.REPORT, CueKind.NAMING, CueKind.DOCUMENT


QUOTE_TOKEN = "\x00q"
_LEAD_PUNCT = frozenset((",", ".", "–", "—", "-", ";", "!", "?"))
_BOUNDARIES = frozenset(("—", "–", ";", ":", "whereas"))


class Attribution(NamedTuple):
    cue: Cue | None  # None for "according to X" and subject-only attributions
    cue_span: tuple[int, int] | None
    phrase: Phrase
    rule: str


def sentence_tokens(
    text: str, start: int, end: int, segs: list[Segment]
) -> tuple[list[Tok], list[int]]:
    """Tokens of a sentence with each quotation replaced by one sentinel; sentinel indexes.

    The words between quotations are found chunk by chunk, but their tokens are built in one go:
    each quotation becomes one piece (the blanks before it and its marks) so the pieces tile the
    sentence, then that piece's token is swapped for the sentinel.
    """
    if not segs:
        return tokenize(text, start, end), []
    findall = SPACED_TOKEN.findall
    pieces: list[str] = []
    where: list[int] = []
    pos = start
    for s in segs:
        if s.mark_start < pos:
            return _sentence_tokens_apart(text, start, end, segs)  # overlapping marks
        chunk = findall(text, pos, s.mark_start)
        pieces += chunk
        where.append(len(pieces))
        pieces.append(text[pos + sum(map(len, chunk)) : s.mark_end])
        pos = s.mark_end
    pieces += findall(text, pos, end)
    toks = tokens_of_pieces(pieces, start)
    for w, s in zip(where, segs, strict=True):
        toks[w] = ("“”", s.mark_start, s.mark_end, QUOTE_TOKEN)
    return toks, where


def _sentence_tokens_apart(
    text: str, start: int, end: int, segs: list[Segment]
) -> tuple[list[Tok], list[int]]:
    """``sentence_tokens`` chunk by chunk: the rule the one-go version stands in for (it also
    reads quotations whose marks overlap)."""
    toks: list[Tok] = []
    where: list[int] = []
    pos = start
    for s in segs:
        toks.extend(tokenize(text, pos, s.mark_start))
        where.append(len(toks))
        toks.append(("“”", s.mark_start, s.mark_end, QUOTE_TOKEN))
        pos = max(pos, s.mark_end)
    toks.extend(tokenize(text, pos, end))
    return toks, where


def _cue_span(toks: list[Tok], cue: Cue) -> tuple[int, int]:
    return toks[cue.first][START], toks[cue.verb][END]


def after(toks: list[Tok], i: int, stop: int) -> Attribution | None:
    """An attribution starting at token ``i`` (after leading punctuation), before ``stop``."""
    while i < stop and toks[i][TEXT] in _LEAD_PUNCT:
        i += 1
    if i >= stop:
        return None
    sub = toks if stop >= len(toks) else toks[:stop]
    cue = cue_starting(sub, i)
    if cue is not None:
        if cue.base == "tell":
            return None  # "…,” told AFP": who follows "told" is the listener, never the speaker
        ph = np_after(sub, cue.verb + 1)
        if ph is None or not _speakerish(sub, ph):
            return None
        nxt = ph.last + 1
        if nxt < stop and sub[nxt][LOW] in _FINITE:
            return None  # "said the alarm had failed": a reported clause, not an inversion
        if ph.first == ph.last and sub[ph.first][LOW] in PRONOUNS:
            if nxt < stop and sub[nxt][TEXT][0].isalnum():
                return None  # "said they felt ignored": a reported clause, not an inversion
        elif nxt + 1 < stop and sub[nxt][TEXT] == "," and is_cap(sub[nxt + 1]):
            named = np_after(sub, nxt + 1)  # "said one resident, Mary Evans"
            if named is not None and not toks[ph.first][TEXT][0].isupper():
                ph = named
        return Attribution(cue, _cue_span(sub, cue), ph, "cue-then-speaker")
    if according_to(sub, i):
        ph = np_after(sub, i + 2)
        if ph is not None:
            span = (sub[i][START], sub[i + 1][END])
            return Attribution(None, span, ph, "according-to")
        return None
    ph = np_forward(sub, i)
    if ph is None:
        return None
    k = ph.last + 1
    if k < stop and sub[k][TEXT] == ",":
        # "…,” Jane Doe, 54, said" / "…,” Jane Doe, a spokeswoman for X, said"
        k = next((j + 1 for j in range(k + 1, min(stop, k + 14)) if sub[j][TEXT] == ","), k)
    cue = cue_starting(sub, k)
    if cue is None or cue.kind == DOCUMENT:
        return None
    return Attribution(cue, _cue_span(sub, cue), ph, "speaker-then-cue")


def _speakerish(toks: list[Tok], ph: Phrase) -> bool:
    """A phrase after an inverted cue must look like a speaker, not an object ("told reporters")."""
    first = toks[ph.first]
    if is_cap(first) or first[LOW] in _SPEAKER_STARTS:
        return True
    words = toks[ph.first : ph.last + 1]
    return any(is_cap(t) for t in words) or words[-1][LOW] in PERSON_ROLES  # "army chief X"


_SPEAKER_STARTS = frozenset(
    ("he", "she", "it", "they", "the", "his", "her", "its", "their", "a", "an", "one", "another")
)


def before(toks: list[Tok], lo: int, q: int) -> Attribution | None:
    """An attribution ending right before a quotation: "he said: “…”", "According to X, “…”"."""
    if q - 1 < lo or toks[q - 1][TEXT] not in (":", ","):
        return None
    for k in range(q - 2, lo - 1, -1):
        low = toks[k][LOW]
        if low == "according" and according_to(toks, k):
            ph = np_after(toks[: q - 1], k + 2)
            if ph is not None:
                return Attribution(None, (toks[k][START], toks[k + 1][END]), ph, "according-to")
        if low not in CUE_FORMS:
            continue
        cue = cue_at(toks, k)
        if cue is not None and cue.kind != DOCUMENT:
            ph = subject_of(toks, cue, lo)
            if ph is not None:
                return Attribution(cue, _cue_span(toks, cue), ph, "speaker-cue-colon")
            return None
    return None


def subject_of(toks: list[Tok], cue: Cue, lo: int = 0) -> Phrase | None:
    """The speaker of a cue: the phrase right before it, else the subject of its clause."""
    ph = np_before(toks, cue.first)
    if ph is not None and ph.first >= lo:
        return _head_phrase(toks, ph, lo)
    if cue.first > lo and toks[cue.first - 1][TEXT] == ",":
        ph = _before_aside(toks, cue.first - 1, lo)
        if ph is not None:
            return ph
    start = clause_start(toks, cue.first, lo)
    ph = clause_subject(toks, start)
    if ph is not None and ph.last < cue.first:
        return ph
    return None


def _head_phrase(toks: list[Tok], ph: Phrase, lo: int) -> Phrase:
    """The speaker phrase a cue's nearest noun phrase belongs to.

    "A Western diplomat who attended the talks said" → "A Western diplomat"; "The Green group in
    a communique called" → "The Green group"; "A spokeswoman for the union said" → the whole.
    """
    k = ph.first - 1
    if k <= lo:
        return ph
    prev = toks[k][LOW]
    if prev in _ROLE_PREPOSITIONS or prev in _ADJUNCT_PREPOSITIONS:
        whole = ph
        while k > lo and toks[k][LOW] in _ROLE_PREPOSITIONS:
            left = np_before(toks, k)
            if left is None or left.first < lo or left.last != k - 1:
                break
            if toks[left.last][LOW] in PERSON_ROLES:
                return Phrase(left.first, ph.last, left.start, ph.end)  # the role and its body
            if not (is_cap(toks[left.last]) and is_cap(toks[whole.first])):
                break
            # "the Department for Transport": one name, read on leftwards
            whole = Phrase(left.first, ph.last, left.start, ph.end)
            k = left.first - 1
        if whole is not ph:
            return whole
        left = np_before(toks, k) if k > lo else None
        if (
            left is not None
            and left.first >= lo
            and left.last == k - 1
            and prev in _ADJUNCT_PREPOSITIONS
            and toks[ph.last][LOW] in _ADJUNCT_HEADS
        ):
            return left  # "in a statement", "on Twitter": an adjunct, not the speaker
        return ph
    # a relative clause between the subject and the cue: "X who attended the talks said"
    for j in range(k, max(lo, k - 10) - 1, -1):
        t = toks[j]
        if t[LOW] in ("who", "whose"):
            left = np_before(toks, j)
            if left is not None and left.first >= lo:
                return left
            return ph
        if not t[TEXT][0].isalnum() or t[LOW] in CUE_FORMS:
            return ph
    return ph


_ROLE_PREPOSITIONS = frozenset(("for", "of", "at"))
_ADJUNCT_PREPOSITIONS = frozenset(("in", "on", "via", "through"))
_ADJUNCT_HEADS = frozenset(
    words_of(
        """statement communique communiqué release post tweet interview letter message speech
        briefing conference video broadcast note email twitter facebook x instagram"""
    )
)


def _before_aside(toks: list[Tok], comma: int, lo: int) -> Phrase | None:
    """ "Jane Miller, a spokeswoman for X, said" / "Haines, who toured ..., called": the phrase
    before the comma that opens the aside; "Her publisher, Tomasz Lewicki, says": the name
    between the commas."""
    for k in range(comma - 1, max(lo, comma - 30) - 1, -1):
        if toks[k][TEXT] != ",":
            continue
        nxt = toks[k + 1][LOW] if k + 1 < len(toks) else ""
        if nxt in _ASIDE_OPENERS or nxt.endswith("ing"):
            left = np_before(toks, k)
            if left is not None and left.first > lo and toks[left.first - 1][LOW] in PREPOSITIONS:
                continue  # "X, speaking about the club's side, which ..., said": read on left
            return left
        return _name_between(toks, k, comma)
    return None


def _name_between(toks: list[Tok], k: int, comma: int) -> Phrase | None:
    """ "Her publisher, Tomasz Lewicki, says"; "Her co-author, Professor Y of the Z Institute,
    said": the capitalised run that opens the aside between the commas (the body after "of",
    "at" or "from" is no part of the speaker)."""
    j = k + 1
    while j < comma and j - k < 5 and is_cap(toks[j]) and toks[j][TEXT][0].isalpha():
        j += 1
    if j == k + 1 or (j < comma and (toks[j][LOW] not in _BODY_PREPOSITIONS or comma - j > 8)):
        return None
    return Phrase(k + 1, j - 1, toks[k + 1][START], toks[j - 1][END])


_BODY_PREPOSITIONS = frozenset(("of", "at", "from"))


_ASIDE_OPENERS = frozenset(("who", "which", "a", "an", "the", "whose", "speaking", "its", "his"))


def clause_start(toks: list[Tok], i: int, lo: int = 0) -> int:
    for k in range(i - 1, lo - 1, -1):
        t = toks[k]
        if t[TEXT] in _BOUNDARIES or t[LOW] in _BOUNDARIES:
            return k + 1
        if t[LOW] in ("but", "while", "and") and k > lo and toks[k - 1][TEXT] == ",":
            return k + 1
    return lo


def is_pure_lead(toks: list[Tok], lo: int, q: int) -> bool:
    """Nothing but conjunctions/punctuation between ``lo`` and the quotation at ``q``."""
    return all(t[TEXT] in _LEAD_PUNCT or t[LOW] in CONJUNCTIONS for t in toks[lo:q])


def is_pure_tail(toks: list[Tok], q: int, stop: int) -> bool:
    return all(not t[TEXT][0].isalnum() for t in toks[q + 1 : stop])


def cue_before(toks: list[Tok], q: int, *, short: bool) -> Cue | None:
    """Nearest speech verb before the quotation at ``q`` in its sentence.

    For a short quotation (a term), the cue must name it ("called it a “…”") or introduce a
    reported clause ("said that … “…”"): "declared victory in “referendums”" is no attribution.
    """
    # "said members were “shocked and angry”", "had “gone above and beyond”": a quoted predicate
    seen_that = q > 0 and toks[q - 1][LOW] in _PREDICATE_LEADS
    for k in range(q - 1, -1, -1):
        t = toks[k]
        low = t[LOW]
        if low == QUOTE_TOKEN:
            continue
        if low == "that" or t[TEXT] == ":":
            seen_that = True
        if low == "according" and according_to(toks, k):
            return Cue(k, k + 1, "according to", "past", REPORT)
        if low not in CUE_FORMS:
            continue
        cue = cue_at(toks, k)
        if cue is None or cue.kind == DOCUMENT:
            continue
        if not short or cue.kind == NAMING or seen_that or _clause_follows(toks, k, q):
            return cue
        if cue.verb + 2 == q and toks[q - 1][LOW] in _QUOTED_OBJECT_PREPOSITIONS:
            return cue  # "cautioned against “headline numbers”", "warned of “…”"
        if cue.verb + 1 == q and cue.base in UTTERANCE_VERBS:
            return cue  # "shouted “shame on you”"
    return None


_PREDICATE_LEADS = frozenset(
    words_of("is are was were be been being had has have become became remained looked seemed")
)
_QUOTED_OBJECT_PREPOSITIONS = frozenset(words_of("of against about as"))


def _clause_follows(toks: list[Tok], k: int, q: int) -> bool:
    """ "He has said he has no regrets ...", "insisted the government was “…”": a clause (not an
    object) follows the cue. Only verbs that rarely take a plain object qualify without "that"."""
    if k + 1 >= q:
        return False
    nxt = toks[k + 1]
    if nxt[LOW] in ("he", "she", "they", "it", "we", "i"):
        return True
    base = CUE_FORMS[toks[k][LOW]][0]
    if base not in CLAUSE_VERBS:
        return False
    if nxt[LOW] in _CLAUSE_STARTS or is_cap(nxt):
        return True
    # "said talks could resume “at any time”": a finite verb before the quotation
    return any(t[LOW] in _FINITE for t in toks[k + 2 : q])


_FINITE = frozenset(
    words_of(
        """is are was were has have had will would could should can may might must did does do
        won't wouldn't couldn't can't didn't"""
    )
)


_CLAUSE_STARTS = frozenset(("the", "its", "his", "her", "their", "our", "this", "these", "there"))


def end_attribution(
    toks: list[Tok], q: int, cues: list[int] | None = None
) -> Attribution | None:
    """ "…, the Kremlin said." at the end of the sentence, after the quotation at ``q``.

    ``cues``: ``cue_candidates(toks, q + 1)`` when the caller has it already.
    """
    n = len(toks)
    # ``after`` finds a cue at most _CUE_REACH tokens past its start: commas with no speech-verb
    # form within reach are skipped without trying it (most commas of a long sentence)
    if cues is None:
        cues = cue_candidates(toks, q + 1)
    if not cues:
        return None
    c = len(cues) - 1
    for k in range(min(n - 1, cues[-1] - 1), q, -1):
        if toks[k][TEXT] != ",":
            continue
        i = k + 1
        while i < n and toks[i][TEXT] in _LEAD_PUNCT:
            i += 1
        while c > 0 and cues[c - 1] >= i:
            c -= 1
        if not i <= cues[c] <= i + _CUE_REACH:
            continue
        att = after(toks, k + 1, n)
        if att is not None and att.cue is not None and _tail_short(toks, att, n):
            return att
    return None


# np_forward: up to 7 tokens; an aside between commas: up to 14; auxiliaries: up to 4
_CUE_REACH = 32


def _tail_short(toks: list[Tok], att: Attribution, n: int) -> bool:
    """Only a short adverbial ("at a briefing in Moscow") may follow, never a clause."""
    last = max(att.phrase.last, att.cue.verb if att.cue else 0)
    tail = [t for t in toks[last + 1 : n] if t[TEXT][0].isalnum() or t[LOW] == QUOTE_TOKEN]
    return len(tail) <= 6 and not any(t[LOW] in ("that", QUOTE_TOKEN) for t in tail)
