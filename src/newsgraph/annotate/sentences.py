"""Rule-based English sentence splitting inside each content line.

A sentence never crosses a line: scraped paragraphs are the most reliable boundary we have. Inside a
line we break after ``.``/``!``/``?``/``…`` (plus any closing quotes or brackets) when the next word
starts like a sentence, except after abbreviations, initials, decimals, and while a quotation that
opened in this line is still open (so ``“A. B,” he said.`` stays one sentence).
"""

from __future__ import annotations

import re
from bisect import bisect_left

from newsgraph.model import Article, LineRole, Span

CONTENT_ROLES = frozenset((LineRole.TITLE, LineRole.DEK, LineRole.HEADING, LineRole.BODY))


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Lower-cased abbreviations that take a period and rarely end a sentence.
ABBREVIATIONS = _words(
    """mr mrs ms dr prof gen col lt sgt capt cmdr adm maj gov sen rep st sr jr rev fr hon pres
    supt insp det cpl pvt brig messrs mme mlle jan feb mar apr jun jul aug sep sept oct nov dec
    mon tue tues wed thu thur thurs fri sat sun inc corp ltd co bros dept univ assn est approx
    vol vols fig figs pp ed eds vs al cf ie eg ca mt ft ave blvd rd hwy"""
)
COMPANY_SUFFIXES = frozenset(("inc", "corp", "ltd", "co", "bros", "plc", "llc"))
NUMBERED = frozenset(("no", "nos", "art", "para"))  # abbreviations only before a number
SENTENCE_OPENERS = _words(
    """The A An He She It They We I You This That These Those But And Yet So In On At For
    However Meanwhile There Its His Her Their Our After Before When While As If"""
)

# Candidate boundaries: terminal punctuation (an ellipsis too), optional closing marks, then
# whitespace. A pattern that starts with one character set (``[.!?…][.!?…]*``, not
# ``[.!?…]+``) lets the engine skip to candidates: twice as fast.
_BOUNDARY = re.compile(r"[.!?…][.!?…]*[”\"’')\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+([“\"‘'(\[]*)(\S)")
_WORD_BEFORE = re.compile(r"([\w.’'-]+)$")
_WORD_CHARS = re.compile(r"[\w.’'-]+")
_QUOTE_CHARS = re.compile(r"[“”\"]")
_NEXT_WORD = re.compile(r"[\w’'-]+")


def split_sentences(article: Article) -> tuple[Span, ...]:
    """Sentence spans of every content line (title, dek, sub-headings, body), in text order."""
    out: list[Span] = []
    text = article.text
    for line in article.lines:
        if line.role in CONTENT_ROLES:
            span = line.span
            _split_into(out, text, span.start, span.end, span)
    return tuple(out)


def split_line(text: str, start: int, end: int) -> list[Span]:
    """Split ``text[start:end]`` (one line) into trimmed sentence spans."""
    spans: list[Span] = []
    _split_into(spans, text, start, end, None)
    return spans


def _split_into(out: list[Span], text: str, start: int, end: int, whole: Span | None) -> None:
    """Append the trimmed sentence spans of the line ``text[start:end]`` to ``out``; ``whole``
    (the line's own span, or None) stands for a sentence that is the whole line (most lines):
    spans are values, so sharing one is the same as making an equal one."""
    # offsets are absolute throughout: the line is never copied out of the text
    sent_start = start
    while sent_start < end and text[sent_start].isspace():
        sent_start += 1  # a cleaned line has no outer whitespace: usually no step
    states: tuple[list[int], list[bool]] | None = None  # computed on the first need
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if cut >= end:
            break
        nxt = _NEXT_START.match(text, cut, end)
        if nxt is None:
            continue
        opener, first = nxt.group(1, 2)
        if not (first.isupper() or first.isdigit() or opener):
            continue  # the common case: no capital after the full stop, decided without a call
        if not opener:  # a quotation open at the cut and going on: the sentence goes on
            inside = _last_mark_opens(text, start, cut)
            if inside is None:
                if states is None:
                    states = _quote_states(text, start, end)
                inside = _open_at(states, cut)
            if inside:
                continue
        if not _is_boundary(text, start, end, m.start(), nxt):
            continue
        # The sentence ends with its punctuation or closing mark (no space to trim) and starts
        # at a non-space: trimmed already. The next starts after the spaces ``nxt`` matched.
        out.append(Span(sent_start, cut))
        sent_start = nxt.start(1)
    b = end
    while b > sent_start and text[b - 1].isspace():
        b -= 1
    if sent_start < b:
        if whole is not None and sent_start == whole.start and b == whole.end:
            out.append(whole)
        else:
            out.append(Span(sent_start, b))


def _quote_states(text: str, start: int, end: int) -> tuple[list[int], list[bool]]:
    """Positions of double quotation marks in a line and whether a quotation is open right after
    each.

    Curly marks open/close explicitly; straight marks toggle.
    """
    positions: list[int] = []
    states: list[bool] = []
    open_ = False
    for m in _QUOTE_CHARS.finditer(text, start, end):
        c = m.group()
        open_ = True if c == "“" else False if c == "”" else not open_
        positions.append(m.start())
        states.append(open_)
    return positions, states


def _last_mark_opens(text: str, start: int, at: int) -> bool | None:
    """Whether a quotation is open at ``at`` in a line starting at ``start``, from the last
    double quotation mark before it alone (“ opens, ” closes, none: closed); None when that
    mark is a straight one, whose meaning depends on the marks before it."""
    q = max(text.rfind("“", start, at), text.rfind("”", start, at), text.rfind('"', start, at))
    if q < 0:
        return False
    mark = text[q]
    return None if mark == '"' else mark == "“"


def _open_at(states: tuple[list[int], list[bool]], i: int) -> bool:
    positions, opens = states
    k = bisect_left(positions, i)
    return opens[k - 1] if k else False


def _is_boundary(text: str, start: int, end: int, punct_at: int, nxt: re.Match[str]) -> bool:
    """Whether the candidate at ``punct_at``, outside a quotation, ends a sentence of the line
    ``text[start:end]`` (``nxt``: what follows it): not after an abbreviation or initial."""
    if text[punct_at] == "." and not text.startswith("...", punct_at):
        word = _word_before(text, max(start, punct_at - 30), punct_at)
        if word is not None and _is_abbreviation(word, text, nxt.start(2), end):
            return False
    return True


def _word_before(text: str, lo: int, at: int) -> str | None:
    """The run of word characters (and ``.’'-``) ending at ``at``, not starting before ``lo``."""
    # usually the text after the last space: checked whole instead of searched from ``lo``
    chunk = text[text.rfind(" ", lo, at) + 1 or lo : at]
    if _WORD_CHARS.fullmatch(chunk):
        return chunk
    word = _WORD_BEFORE.search(text, lo, at)
    return word.group(1) if word is not None else None


def _is_abbreviation(word: str, text: str, next_at: int, end: int) -> bool:
    w = word.lstrip("’'-")
    low = w.lower()
    # the next word only where a rule needs it: most words before a full stop are none of these
    if low in NUMBERED:
        return _next_word(text, next_at, end)[:1].isdigit()
    if low in COMPANY_SUFFIXES:
        return not (
            _next_word(text, next_at, end) in SENTENCE_OPENERS
            or text[next_at - 1 : next_at] in '“"‘'
        )
    if low in ABBREVIATIONS:
        return True
    if len(w) == 1 and w.isalpha() and w.isupper():
        return True  # an initial: "J. Smith"
    if "." in w and all(0 < len(p) <= 2 for p in w.split(".")):
        # dotted acronym ("U.S."): ends a sentence only before a typical sentence opener
        return _next_word(text, next_at, end) not in SENTENCE_OPENERS
    return False


def _next_word(text: str, at: int, end: int) -> str:
    """The word starting at ``at`` (letters, digits, apostrophes, hyphens), or ""."""
    nxt = _NEXT_WORD.match(text, at, end)
    return nxt.group() if nxt else ""
