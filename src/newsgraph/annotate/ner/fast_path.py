"""The fast path of the name rules: windows whose capitalised words are plain words in runs a
lexicon knows (most of them in news), typed without tokenising.

Every shortcut here gives what the token rules (``rules.RuleTagger``) would give the same
window, or declines (None) and leaves the window to them; a property test holds the two equal.
"""

from __future__ import annotations

import re

from newsgraph.annotate.ner import context as cx
from newsgraph.annotate.ner import lexicons as lx
from newsgraph.annotate.ner.candidates import (
    CONTEXT,
    CUE,
    GPE,
    GUESS,
    LEXICON,
    ORG,
    PER,
    Candidate,
)
from newsgraph.annotate.ner.scan import (
    CAP_CONNECTORS,
    MODEL_CODE,
    OPENERS,
    POSSESSIVES,
    SKIP_CAPS,
)
from newsgraph.annotate.ner.tokens import ABBREVIATIONS, PLACE_SUFFIXES, Token, next_token
from newsgraph.model import EntityType

UNSEEN = object()  # not in the lexicon memo yet

# words the fast path leaves to the rules: sentence-opening words, months, non-names
_NOT_FAST = SKIP_CAPS | {w.capitalize() for w in lx.FUNCTION_WORDS} | lx.WEEKDAYS_MONTHS
_NOT_FAST |= lx.UPPER_NOT_NAMES

# what between two runs of capitalised words can join them into one name
_JOINERS = lx.ORG_CONNECTORS | lx.NAME_PARTICLES | POSSESSIVES | {"", "'", "’", "of the", "for the"}

# words of _NOT_FAST the fast path still reads: "The" before a name, a lone month or weekday
_FAST_ALONE = lx.WEEKDAYS_MONTHS | {"The"}
_DECLINED = _NOT_FAST - _FAST_ALONE  # the words that send a window to the token rules
_POSSESSIVE_S = frozenset({"'s", "’s"})
_OPENER_CHARS = "".join(OPENERS)
_CLAUSE_ENDS = "!?:;•|…"  # one-character tokens after which a word opens a clause
_ORDINAL_BEFORE = re.compile(r"\d+(?:st|nd|rd|th|d) $")
# the word token ending where a search stops (the tokeniser's inner hyphens and apostrophes)
_WORD_BEFORE = re.compile(r"[^\W_]+(?:[-'’‘.][^\W_]+)*$")
# capitalised words that a lone-word rule of ``rules._guess`` would read as more than a person
_NOT_LONE = _NOT_FAST | lx.PLACE_HEADS | lx.ORG_HEADS | lx.HONORIFICS
# words that keep a first name and unknown words from the fast path's person rule
_NOT_PERSON = (
    _NOT_FAST
    | CAP_CONNECTORS
    | lx.ROLE_FILLERS
    | lx.COMPASS
    | lx.PLACE_PREFIXES
    | lx.ORG_HEADS
    | lx.PLACE_HEADS
    | lx.MISC_HEADS
    | cx.OPENING_ORG_NOUNS
)


class FastPath:
    """Mixin of :class:`~newsgraph.annotate.ner.rules.RuleTagger`: what it needs of it below."""

    gz: lx.Gazetteers
    _lexicon_memo: dict[str, object]  # text -> lexicon_type(text), or UNSEEN

    def lexicon_type(self, text: str) -> EntityType | None:
        raise NotImplementedError

    def glued_end(self, raw: str, s: int, e: int) -> int:
        raise NotImplementedError

    def _known(
        self, raw: str, part: list[Token], kind: EntityType, sports: bool = False
    ) -> Candidate:
        raise NotImplementedError

    def _around(
        self, raw: str, s: int, e: int, typ: EntityType | None, strength: int
    ) -> tuple[EntityType | None, int]:
        raise NotImplementedError

    def _fast_known(
        self,
        raw: str,
        start: int,
        caps: list[int],
        words: list[str | None],
        first: int,
        count: int,
        sports: bool,
        end: int = -1,
        w_start: int = -1,
    ) -> list[Candidate] | None:
        """The common case without tokenising: the window's capitalised words are plain words,
        in runs a lexicon knows ("in Moscow on", "said Vladimir Putin", "The Kremlin and ...
        Russia") with nothing between runs that could join them into one name. A lone month
        ("of May.") names nothing; a common word opening the sentence ("Protesters gathered")
        is a weak candidate and a first name before unknown words ("Maria Kaur") a person,
        as the token rules make them; "Russia and Ukraine" are two names, "The Interior
        Ministry" one. ``end``: where the sentence ends; ``w_start``: where the window starts."""
        runs: list[list[int]] = []  # [start, end, first cap, last cap]
        ands: list[int] = []  # runs joined to the run before by "and"
        last: list[int] | None = None  # the run being read
        for k in range(first, first + count):
            word = words[k]
            if word is None or word in _DECLINED:
                return None
            p = start + caps[k]
            if last is not None:
                le = last[1]
                if p == le + 1 and raw[le] == " ":
                    last[1] = p + len(word)
                    last[3] = k
                    continue
                gap = raw[le:p]
                if gap.strip() in _JOINERS:
                    if gap != " and ":
                        return None
                    ands.append(len(runs))
            last = [p, p + len(word), k, k]
            runs.append(last)
        if ands and not self._split_at_and(raw, start, caps, words, runs, ands):
            return None
        out: list[Candidate] = []
        memo = self._lexicon_memo
        for s, e, k0, k1 in runs:
            after = raw[e : e + 2]
            c = after[:1]
            if c == " ":
                if after[1:].isupper():
                    return None  # a capitalised word the scan passed over follows ("Paris Many")
                if after[1:].isdigit() and self.glued_end(raw, s, e) >= 0:
                    return None  # "Channel 4", "S&P 500": the token rules take the tail in
            elif c == ".":
                if words[k1] in ABBREVIATIONS:
                    return None  # a token of its own with the full stop ("Apr.", "Co.")
            elif after in _POSSESSIVE_S and self.glued_end(raw, s, e) >= 0:
                return None  # "Moody's"
            word = words[k0]
            if k0 == k1 and word in lx.WEEKDAYS_MONTHS:
                continue  # "of May.": the token rules drop a lone month too
            lead = False  # a capitalised function word inside the name ("in New Delhi")
            if word.lower() in lx.FUNCTION_WORDS:  # type: ignore[union-attr]
                initial = opens_sentence(raw, start, s, w_start)
                if initial is None:
                    return None
                if word == "The" or (initial and word not in lx.ROLE_FILLERS):
                    # "The Kremlin", "But Biden": the word is not part of the name
                    if k0 == k1:
                        if initial:
                            continue  # "In 2020, ...": the token rules find nothing either
                        return None
                    k0 += 1
                    s = start + caps[k0]
                    word = words[k0]
                else:
                    lead = True
            if word in _NOT_FAST and not lead:
                if k0 != k1 or word not in lx.WEEKDAYS_MONTHS:
                    return None
                continue  # "In May": the token rules drop a lone month too
            key = raw[s:e]
            kind = memo.get(key, UNSEEN)  # lexicon_type's memo, read without a call
            if kind is UNSEEN:
                kind = self.lexicon_type(key)
            if kind is None:
                if k0 == k1:
                    if lead or sports:
                        return None  # in a match report an unknown word may be a club
                    one = self._lone_word(raw, start, s, e, word, end, w_start)  # type: ignore[arg-type]
                    if one is None:
                        return None
                    out.append(one)
                    continue
                ws: list[str] = words[k0 : k1 + 1]  # type: ignore[assignment]
                pos = [start + caps[k] for k in range(k0, k1 + 1)]
                if ws[-1] in lx.ORG_HEADS:  # "The Interior Ministry said"
                    body = self._org_run(raw, pos, ws)
                    if body is None:
                        return None
                    out.append(body)
                    continue
                if _may_be_titled(ws):  # "Prime Minister Kwame Okafor"
                    titled = self._titled_run(raw, pos, ws, end, sports)
                    if titled is None:
                        return None
                    out += titled
                    continue
                person = self._person_run(raw, pos, ws, end)
                if person is None:
                    return None
                out.append(person)
                continue
            if kind is PER and word in lx.HONORIFICS:  # "Pope Francis": the title is no name
                ws = words[k0 : k1 + 1]  # type: ignore[assignment]
                titled = self._titled_run(
                    raw, [start + caps[k] for k in range(k0, k1 + 1)], ws, end, sports
                )
                if titled is None:
                    return None
                out += titled
                continue
            toks = [Token(s, s + len(word), word)]  # type: ignore[arg-type]
            for k in range(k0 + 1, k1 + 1):
                p, word = start + caps[k], words[k]
                if word in _NOT_FAST:
                    return None
                toks.append(Token(p, p + len(word), word))  # type: ignore[arg-type]
            # only a place (or a surname that is a town) can be more than the lexicon says:
            # a club ("Leeds beat Chelsea", "lost to Bolton")
            out.append(
                self._known(raw, toks, kind, sports)
                if kind is GPE or (kind is PER and k0 == k1)
                else Candidate(toks, kind, LEXICON)
            )
        return out

    def _split_at_and(
        self,
        raw: str,
        start: int,
        caps: list[int],
        words: list[str | None],
        runs: list[list[int]],
        ands: list[int],
    ) -> bool:
        """Whether the token rules split every "A and B" of the window into two names, as they
        do unless the whole is known or B ends in an organisation head ("Democratic and
        Republican Party"); runs with capitalised connectors ("The", "Of") are left to them."""
        for r in runs:
            if any(words[k] in CAP_CONNECTORS for k in range(r[2], r[3] + 1)):
                return False
        for a in ands:
            left, right = runs[a - 1], runs[a]
            if words[right[3]] in lx.ORG_HEADS or words[right[2]] in lx.WEEKDAYS_MONTHS:
                return False
            if self.lexicon_type(raw[left[0] : right[1]]) is not None:
                return False
        return True

    def _org_run(self, raw: str, pos: list[int], ws: list[str]) -> Candidate | None:
        """Plain words no lexicon knows ending in an organisation head ("Interior Ministry"),
        at ``pos``: the organisation the token rules make of them, or None when an ordinal
        before or a connector inside leaves them to the rules."""
        for w in ws:
            if w in _NOT_FAST or w in CAP_CONNECTORS:
                return None
        if _ORDINAL_BEFORE.search(raw, max(0, pos[0] - 12), pos[0]) is not None:
            return None  # "3rd Armoured Brigade": the rules take the ordinal in
        return Candidate(_tokens(pos, ws, 0, len(ws)), ORG, CUE)

    def _splits_head(self, head: str) -> EntityType | None:
        """The type of a known name glued before a first name that the token rules split off
        ("Ukraine" in "Ukraine Vladimir Putin"); None when they keep it (a city: a surname)."""
        kind = self.lexicon_type(head)
        if kind in (None, PER) or (kind is GPE and self.gz.places.get(head) == "city"):
            return None
        return kind

    def _titled_run(
        self, raw: str, pos: list[int], ws: list[str], end: int, sports: bool
    ) -> list[Candidate] | None:
        """A name after a title ("Prime Minister Kwame Okafor", "French President Emmanuel
        Macron"): the candidates the token rules' title loop makes of it, step by step (a known
        modifier, the title words dropped, the name known or a person); None when another of
        their rules could apply first (heads, connectors, a team's plural) or no title is read."""
        n = len(ws)
        if n < 2 or ws[-1][-1] == "s" or ws[-1] in lx.ORG_HEADS or ws[-1] in lx.PLACE_HEADS:
            return None
        if MODEL_CODE.match(ws[0]) is not None or ws[0] == "Operation":
            return None
        for w in ws:
            if w in _NOT_FAST or w in CAP_CONNECTORS:
                return None
        for w in ws[1:]:
            if w in lx.MISC_HEADS or w in lx.ORG_HEADS or w in lx.PLACE_HEADS:
                return None
        out: list[Candidate] = []
        i, titled = 0, False
        while i < n - 1:  # the token rules' title loop, over the run's words
            for k in (2, 1):
                if i + k < n and ws[i + k] in lx.HONORIFICS:
                    kind = self.lexicon_type(raw[pos[i] : pos[i + k - 1] + len(ws[i + k - 1])])
                    if kind is not None:
                        out.append(Candidate(_tokens(pos, ws, i, i + k), kind, LEXICON))
                        i += k
                        break
            else:
                k = i
                while k < n - 1 and (ws[k] in lx.ROLE_FILLERS or ws[k] in lx.HONORIFICS):
                    k += 1
                if k > i and any(w in lx.HONORIFICS for w in ws[i:k]):
                    titled = True
                    i = k
                    continue
                break
        if not titled:
            return None
        if n - i == 1 and ws[i] in lx.HONORIFICS:
            return out  # "Vice President": a title and no name
        for k in range(i + 1, n):  # "Ukraine Vladimir Putin": a known head glued to a name
            if ws[k] in self.gz.first_names:
                kind = self._splits_head(raw[pos[i] : pos[k - 1] + len(ws[k - 1])])
                if kind is not None:
                    out.append(Candidate(_tokens(pos, ws, i, k), kind, LEXICON))
                    i = k
                break
        part = _tokens(pos, ws, i, n)
        kind = self.lexicon_type(raw[part[0].start : part[-1].end])
        if kind is not None:
            out.append(self._known(raw, part, kind, sports))
            return out
        after = next_token(raw, part[-1].end, end)
        if after in PLACE_SUFFIXES or (n - i > 1 and ws[i] in lx.PLACE_PREFIXES):
            return None
        out.append(Candidate(part, PER, CUE, speech=after in lx.SPEECH_VERBS))
        return out

    def _person_run(self, raw: str, pos: list[int], ws: list[str], end: int) -> Candidate | None:
        """A first name and one or two more plain words no lexicon knows ("Maria Kaur"), at
        ``pos``: the person the token rules make of it, or None when any of their other rules
        could apply (a title, a head word, a connector, a known name glued before, a team)."""
        first = ws[0]
        if len(ws) > 3 or end < 0 or first not in self.gz.first_names or first in _NOT_PERSON:
            return None
        name_seen = False
        for k in range(1, len(ws)):
            if ws[k] in _NOT_PERSON or ws[k] in lx.HONORIFICS:
                return None
            if not name_seen and ws[k] in self.gz.first_names:
                name_seen = True  # "Ukraine Vladimir Putin": the token rules split a known head
                if self._splits_head(raw[pos[0] : pos[k - 1] + len(ws[k - 1])]) is not None:
                    return None
        if MODEL_CODE.match(first) is not None:
            return None
        if ws[-1][-1] == "s" and self.lexicon_type(raw[pos[0] : pos[-2] + len(ws[-2])]) is GPE:
            return None  # maybe a team ("Dallas Cowboys"): the token rules decide
        toks = _tokens(pos, ws, 0, len(ws))
        after = next_token(raw, toks[-1].end, end)
        if after in PLACE_SUFFIXES:
            return None  # "Maria Kaur-based": the token rules make it a place
        if cx.company(raw, toks[-1].end):
            return None  # "Novo Nordisk shares fell": the token rules make it a company
        return Candidate(toks, PER, CUE, speech=after in lx.SPEECH_VERBS)

    def _lone_word(
        self, raw: str, start: int, s: int, e: int, word: str, end: int, w_start: int
    ) -> Candidate | None:
        """A capitalised word no lexicon knows, alone: a weak candidate opening the sentence
        ("Protesters gathered"), or a person before a verb ("...,” Jensen said", "spokesman
        Peskov told") as ``rules._guess`` reads it; None for anything else."""
        initial = opens_sentence(raw, start, s, w_start)
        if initial is True:
            if not self._weak_opener(raw, start, s, e, word, end, w_start):
                return None
            return Candidate([Token(s, e, word)], None, GUESS, weak=True)
        if initial is None or end < 0 or not word[1:].islower() or word in _NOT_LONE:
            return None
        after = next_token(raw, e, end)
        if after not in lx.PERSON_VERBS_AFTER:
            return None
        j = s - 1
        while j >= w_start and raw[j].isspace():
            j -= 1
        if j < w_start:
            typ, strength = PER, CONTEXT  # the window's start: the rules' "~", no role noun
        elif raw[j].isalnum():
            m = _WORD_BEFORE.search(raw, w_start, j + 1)
            prev = m.group() if m is not None else ""
            if not prev or prev[0].isupper() or "." in prev or prev == "the":
                return None  # "Mr.", "U.S.", "the Falcons": the rules' tokens decide
            typ, strength = (PER, CUE) if prev.lower() in lx.ROLE_NOUNS else (PER, CONTEXT)
        elif raw[j] in ".”":
            return None
        else:
            typ, strength = PER, CONTEXT  # after a comma, a quote mark, a bracket
        if strength < CUE:
            typ, strength = self._around(raw, s, e, typ, strength)
        return Candidate([Token(s, e, word)], typ, strength, speech=after in lx.SPEECH_VERBS)

    def _weak_opener(
        self, raw: str, start: int, s: int, e: int, word: str, end: int, w_start: int = -1
    ) -> bool:
        """Whether the token rules make ``raw[s:e]``, an unknown word, a weak candidate with no
        cue of its own: it opens the sentence or a clause, no speech verb or place suffix
        follows and nothing around it speaks of a place or an organisation."""
        if end < 0 or opens_sentence(raw, start, s, w_start) is not True:
            return False
        if word in lx.PLACE_HEADS or MODEL_CODE.match(word) is not None:
            return False
        if acronym_opener(raw, word, e):
            return False
        after = next_token(raw, e, end)
        if after in lx.SPEECH_VERBS or after in PLACE_SUFFIXES:
            return False
        return self._around(raw, s, e, None, GUESS)[1] < CUE


def acronym_opener(raw: str, word: str, e: int) -> bool:
    """An acronym of three to five letters followed by a space: at a sentence's start it is a
    name ("FIFA opened"), not a common word capitalised by its place."""
    return 2 < len(word) <= 5 and word.isupper() and word.isalpha() and raw[e : e + 1] == " "


def _may_be_titled(ws: list[str]) -> bool:
    """A title or a title's modifier opens the run ("President ...", "French President ...")."""
    return (
        ws[0] in lx.HONORIFICS
        or ws[0] in lx.ROLE_FILLERS
        or ws[1] in lx.HONORIFICS
        or (len(ws) > 2 and ws[2] in lx.HONORIFICS)
    )


def _tokens(pos: list[int], ws: list[str], a: int, b: int) -> list[Token]:
    """Tokens of the run's words ``a`` to ``b`` (starting at ``pos``)."""
    return [Token(pos[x], pos[x] + len(ws[x]), ws[x]) for x in range(a, b)]


def opens_sentence(raw: str, start: int, s: int, w_start: int = -1) -> bool | None:
    """Whether the word at ``s`` opens the sentence starting at ``start`` (or a clause) as
    ``rules._is_initial`` reads the tokens of the window starting at ``w_start``: quote marks
    and brackets are passed over; True at the sentence's start or after a colon, dash ...,
    False after a word or the window's start inside the sentence, None when unsure ("U.S.",
    "Iran." both end in a full stop) or when ``w_start`` is not given."""
    if w_start < 0:
        return True if not raw[start:s].strip(_OPENER_CHARS) else None
    j = s - 1
    while j >= w_start and (raw[j].isspace() or raw[j] in _OPENER_CHARS):
        j -= 1
    if j < w_start:
        return w_start == start  # inside the sentence the window's start stands for a word
    c = raw[j]
    if c.isalnum():
        return False
    if c in _CLAUSE_ENDS:
        return True
    if c == "”":  # a closing quote ends a sentence after a full stop token
        j -= 1
        while j >= w_start and raw[j].isspace():
            j -= 1
        return None if j >= w_start and raw[j] == "." else False
    return None if c == "." else False
