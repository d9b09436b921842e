"""Rule-based name finding: capitalised chunks, split and typed by context cues and gazetteers.

Works sentence by sentence (``scan`` finds the windows worth reading, ``fast_path`` types the
plain ones, the token rules here the rest), then once over the whole document (``resolve``) so
that a name keeps the type it was given where the evidence was strongest.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from newsgraph.annotate.ner import context as cx
from newsgraph.annotate.ner import lexicons as lx
from newsgraph.annotate.ner.candidates import (
    CONTEXT,
    CUE,
    GPE,
    GUESS,
    LEXICON,
    MISC,
    ORG,
    PER,
    TEAM,
    Candidate,
)
from newsgraph.annotate.ner.fast_path import UNSEEN, FastPath, acronym_opener
from newsgraph.annotate.ner.resolve import resolve
from newsgraph.annotate.ner.scan import (
    CAP_CONNECTORS,
    LOWER_NEXT,
    MODEL_CODE,
    OPENERS,
    POSSESSIVES,
    SKIP_CAPS,
    name_starts,
    name_windows,
)
from newsgraph.annotate.ner.tokens import PLACE_SUFFIXES, Token, tokenize_range
from newsgraph.model import EntityType

_SENTENCE_END = frozenset(".!?:;•|–—-…")
_CLUB_PLACE_HEADS = frozenset({"Town", "City", "County", "Borough"})  # clubs in match reports
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th|d)$")
_DET = frozenset({"the", "a", "an", "The", "A", "An", "this", "that"})

_OF_FOR = frozenset({"of", "for"})
# Capitalised particles that open a name (a newspaper, a company) rather than join two.
_NAME_ARTICLES = frozenset(
    w.capitalize() for w in lx.ORG_CONNECTORS & lx.NAME_PARTICLES if w != "the"
)
# Words a party or a campaign names itself with before "for" what it stands for (not common
# nouns that open sentences: "Hope for Ukraine faded", "Support for X").
_CAUSE_NOUNS = frozenset(
    ["Alternative", "Forum", "Campaign", "Platform", "Coalition", "Alliance", "Movement"]
)
# Heads a university's town may follow as part of its name: "Imperial College London".
_CAMPUS_HEADS = frozenset({"College", "University", "Polytechnic"})
_THE = frozenset({"the", "The"})
_MID_SENTENCE = Token(0, 0, "~")  # stands for the words before a window: "not sentence start"
# Heads a broadcaster's number follows: "Channel 4", "Radio 3", "TV 2".
_NUMBERED_HEADS = frozenset({"Channel", "Radio", "TV"})
# A number glued to a name ("S&P 500", "Channel 4"), or a possessive ending ("Moody's").
_GLUED_TAIL = re.compile(r" \d{1,4}(?!\w|[.,:/-]\w)|['’]s(?![^\W_])")


_MEMO_SIZE = 200_000  # names remembered by lexicon_type before the memo starts over

KbLookup = Callable[[str], EntityType | None]


def _start_of(c: Candidate) -> int:
    return c.tokens[0].start


def _is_initial(tokens: Sequence[Token], i: int) -> bool:
    """Whether token i starts a sentence (or a clause after a colon, bullet or opening quote)."""
    j = i - 1
    while j >= 0 and tokens[j].text in OPENERS:
        j -= 1
    if j < 0:
        return True
    prev = tokens[j].text
    return prev in _SENTENCE_END or (prev in {"”", '"'} and j > 0 and tokens[j - 1].text == ".")


def _is_shouting(tokens: Sequence[Token]) -> bool:
    """Most words in capitals: a wire headline or a shouted line."""
    words = [t for t in tokens if t.name or (t.text[0].isalpha() and len(t.text) > 1)]
    if len(words) < 3:
        return False
    upper = sum(1 for t in words if t.text.isupper())
    return upper / len(words) >= 0.6


def _is_headline(tokens: Sequence[Token], known: Callable[[str], bool]) -> bool:
    """Title Case lines ("Putin Sets Accepting New Terms") capitalise ordinary words.

    Only words that could be written in lower case count: not function words, titles or words
    the gazetteers know, so a sentence full of names is not taken for a headline.
    """
    if len(tokens) > 12 and tokens[-1].text in {".", "”", '"'}:
        return False
    words = [t for t in tokens if t.is_word and t.text[0].isalpha() and len(t.text) > 2]
    words = [
        t
        for t in words
        if t.text.lower() not in lx.FUNCTION_WORDS
        and t.text not in lx.HONORIFICS
        and t.text not in lx.ORG_HEADS
        and not known(t.text)
    ]
    if len(words) < 3:
        return False
    caps = sum(1 for t in words if t.text[0].isupper())
    # headlines seldom end with a full stop; a sentence that does must be nearly all capitals
    return caps / len(words) >= (0.9 if tokens[-1].text == "." else 0.75)


class RuleTagger(FastPath):
    """Finds and types names in a text given its sentence spans; holds only read-only lexicons."""

    def __init__(self, kb_lookup: KbLookup | None = None) -> None:
        self.gz = lx.gazetteers()
        self.multi_default: EntityType | None = ORG  # measured best on WikiGold
        self.single_default: EntityType | None = None
        self.kb_lookup = kb_lookup
        self._lexicon_memo: dict[str, object] = {}

    # ------------------------------------------------------------------ lexicon lookups

    def lexicon_type(self, text: str) -> EntityType | None:
        """The type the lexicons (and the KB) give ``text``, if any; memoised (a pure cache)."""
        kind = self._lexicon_memo.get(text, UNSEEN)
        if kind is UNSEEN:
            if len(self._lexicon_memo) >= _MEMO_SIZE:
                self._lexicon_memo.clear()
            kind = self._lexicon_memo[text] = self._look_up(text)
        return kind  # type: ignore[return-value]

    def _look_up(self, text: str) -> EntityType | None:
        gz = self.gz
        if self.kb_lookup is not None:
            kind = self.kb_lookup(text)
            if kind is not None:
                # a place standing for an organisation ("Brussels" for the EU) is a place here
                return GPE if kind is ORG and text in gz.places else kind
        if text in gz.orgs or text in gz.orgs_folded:
            return ORG
        if text in gz.places:
            return GPE
        if text in gz.demonyms:
            return MISC
        if "-" in text:
            parts = text.split("-")
            if all(p in gz.demonyms or p in gz.places for p in parts if p):
                return MISC
        if len(text) > 3 and text.isupper():  # "LONDON 1996-08-30", "RUSSIAN FORCES"
            folded = text.title()
            if folded in gz.places:
                return GPE
            if folded in gz.demonyms:
                return MISC
        return None

    def glued_end(self, raw: str, s: int, e: int) -> int:
        """Where the name ``raw[s:e]`` really ends when a number or a possessive ending glued to
        it belongs to it: a known name ("S&P 500", "Moody's") or a broadcaster ("Channel 4");
        -1 when nothing follows that does (the common case: one character compared)."""
        c = raw[e : e + 1]
        if c != " " and c != "'" and c != "’":
            return -1
        m = _GLUED_TAIL.match(raw, e)
        if m is None:
            return -1
        end = m.end()
        if raw.startswith("The ", s):
            s += 4  # "The FTSE 100": the article is no part of the name
        if self.lexicon_type(raw[s:end]) is ORG:
            return end
        if c == " " and raw[max(s, raw.rfind(" ", s, e) + 1) : e] in _NUMBERED_HEADS:
            return end
        return -1

    def _known_word(self, word: str) -> bool:
        gz = self.gz
        return (
            word in gz.first_names or word in gz.places or word in gz.demonyms or (word in gz.orgs)
        )

    # ------------------------------------------------------------------ chunking

    def _chunks(self, raw: str, toks: list[Token]) -> list[tuple[int, int]]:
        """Maximal runs of capitalised words, joined by particles, connectors, possessives, and
        a number or possessive ending that belongs to the name ("S&P 500", "Moody's")."""
        out: list[tuple[int, int]] = []
        i, n = 0, len(toks)
        while i < n:
            if not toks[i].name:
                i += 1
                continue
            j = i + 1
            while j < n:
                t = toks[j]
                if t.name:
                    j += 1
                    continue
                nxt = toks[j + 1] if j + 1 < n else None
                if (
                    t.text == "of"
                    and nxt is not None
                    and nxt.text == "the"
                    and j + 2 < n
                    and toks[j + 2].name
                    and (toks[j - 1].text in lx.ORG_HEADS or toks[j - 1].text in lx.PLACE_HEADS)
                ):
                    j += 2  # "Organization of the Petroleum Exporting Countries"
                    continue
                if nxt is None or not nxt.name or nxt.text in lx.WEEKDAYS_MONTHS:
                    break
                low = t.text.lower()
                if (
                    t.text in lx.NAME_PARTICLES
                    or low in lx.ORG_CONNECTORS
                    or (t.text in POSSESSIVES and toks[j - 1].text in lx.POSSESSIVE_IN_NAME)
                    or (t.text in {"'", "’"} and toks[j - 1].text.endswith("s"))
                ):
                    j += 1
                    continue
                break
            if j < n and self.glued_end(raw, toks[i].start, toks[j - 1].end) == toks[j].end:
                j += 1
            out.append((i, j))
            i = j
        return out

    def _split_connectors(self, toks: list[Token], i: int, j: int) -> list[tuple[int, int]]:
        """Split "Russia and Ukraine" but keep "Bank of England", "Secretary of State"."""
        if j - i == 1 or all(t.name and t.text not in CAP_CONNECTORS for t in toks[i:j]):
            return [(i, j)]  # no connector: "&" and lower-case words are never name words
        parts: list[tuple[int, int]] = []
        start = i
        k = i
        while k < j:
            t = toks[k]
            if k == start and k + 1 < j and t.text in _NAME_ARTICLES and toks[k + 1].name:
                k += 1  # "Le Monde and Der Spiegel": a capitalised article opens the next name
                continue
            if t.text.lower() in lx.ORG_CONNECTORS and t.text not in lx.NAME_PARTICLES:
                left, right_start = (start, k), k + 1
                if t.text in _OF_FOR and right_start < j and toks[right_start].text in _THE:
                    right_start += 1  # "of the": one connector
                right_end = right_start
                while right_end < j and toks[right_end].text.lower() not in lx.ORG_CONNECTORS:
                    right_end += 1
                if self._keep_connector(toks, left, (right_start, right_end), t.text.lower()):
                    k = right_end
                    continue
                if left[1] > left[0]:
                    parts.append(left)
                start = k + 1
            k += 1
        if start < j:
            parts.append((start, j))
        return [p for p in parts if p[1] > p[0]]

    def _keep_connector(
        self, toks: list[Token], left: tuple[int, int], right: tuple[int, int], conn: str
    ) -> bool:
        if left[1] <= left[0] or right[1] <= right[0]:
            return False
        whole = " ".join(t.text for t in toks[left[0] : right[1]])
        if self.lexicon_type(whole) is not None:
            return True
        last_left = toks[left[1] - 1].text
        right_words = [t.text for t in toks[right[0] : right[1]]]
        if toks[right[0] - 1].text in _THE and right_words[-1] in lx.ORG_HEADS:
            return False  # "Group of the British Computer Society": two names
        if conn == "and":
            right_last = right_words[-1]
            if (
                len(right_words) <= 2
                and self._head_of(toks, left)
                and self.lexicon_type(" ".join(right_words)) is None
                and right_words[0] not in self.gz.first_names
            ):
                return True  # "Department of Energy and Mines": the body's second field
            if left[1] - left[0] > 1 and last_left in lx.ORG_HEADS:
                return False  # "Pelham Industries and Northgate Foods": two names
            left_text = " ".join(t.text for t in toks[left[0] : left[1]])
            # "Democratic and Republican Party", "England and Wales Cricket Board"
            return right_last in lx.ORG_HEADS and (
                self.lexicon_type(left_text) is None or right[1] - right[0] >= 3
            )
        if conn in {"the", "&"}:
            return conn == "&"
        if last_left in lx.ORG_HEADS or last_left in lx.PLACE_HEADS:
            return True
        if conn == "for" and left[1] - left[0] == 1 and last_left in _CAUSE_NOUNS:
            return True  # "Alternative for Germany", "Campaign for Nuclear Disarmament"
        return bool(last_left in lx.HONORIFICS and right_words[0] in lx.ROLE_FILLERS)

    @staticmethod
    def _head_of(toks: list[Token], part: tuple[int, int]) -> bool:
        """The words read "Head of ..." ("Ministry of Health", "Department of Energy")."""
        return any(
            toks[k].text == "of" and toks[k - 1].text in lx.ORG_HEADS
            for k in range(part[0] + 1, part[1] - 1)
        )

    # ------------------------------------------------------------------ one sentence

    def tag_sentence(self, raw: str, start: int, end: int) -> list[Candidate]:
        """Candidates in ``raw[start:end]``. Only windows around capitalised words are
        tokenised (most of a news sentence is lower case), unless the sentence is mostly
        capitalised, when the whole of it is needed to tell a headline."""
        text = raw[start:end]
        caps, words, numbered = name_starts(text)
        digits = numbered and cx.digit_names(raw, start, end)
        if digits:
            cands = [Candidate([Token(s, e, raw[s:e])], ORG, CUE) for s, e in digits]
            if caps:
                cands += self._tag_caps(raw, start, end, text, caps, words)
                cands.sort(key=_start_of)
            return cands
        if not caps:
            return []
        return self._tag_caps(raw, start, end, text, caps, words)

    def _tag_caps(
        self,
        raw: str,
        start: int,
        end: int,
        text: str,
        caps: list[int],
        words: list[str | None],
    ) -> list[Candidate]:
        """Candidates of the names the capitalised-word scan found in ``raw[start:end]``."""
        cands: list[Candidate] = []
        last = text[-1]  # a results line ends in a number or a bracket
        sports = ("-" in text and cx.match_report(raw, start, end)) or (
            (last.isdigit() or last == ")") and cx.results_line(raw, start, end)
        )
        if len(caps) * 2 >= text.count(" ") + 1:
            toks = tokenize_range(raw, start, end)
            if _is_shouting(toks):
                self._tag_shouting(raw, toks, cands)
                return cands
            headline = _is_headline(toks, self._known_word)
            self._tag_tokens(raw, toks, headline, cands, sports)
            return cands
        for w_start, w_end, first, count in name_windows(text, caps):
            known = self._fast_known(
                raw, start, caps, words, first, count, sports, end, start + w_start
            )
            if known is not None:
                cands += known
                continue
            if w_start > 0:
                toks = [_MID_SENTENCE]
                toks += tokenize_range(raw, start + w_start, start + w_end)
            else:
                toks = tokenize_range(raw, start, start + w_end)
            self._tag_tokens(raw, toks, False, cands, sports)
        return cands

    def _tag_shouting(self, raw: str, toks: list[Token], out: list[Candidate]) -> None:
        """An ALL-CAPS line ("SOCCER - JAPAN GET LUCKY WIN"): only words a lexicon knows in
        Title case, longest first; the rest is left to the document pass (weak)."""
        i, n = 0, len(toks)
        while i < n:
            if not toks[i].name:
                i += 1
                continue
            for k in (3, 2, 1):
                part = toks[i : i + k]
                if len(part) < k or not all(t.name for t in part):
                    continue
                words = [t.text for t in part]
                key = None
                kind = self.lexicon_type(" ".join(words))
                if kind is None:
                    key = " ".join(w.title() for w in words)
                    kind = self.lexicon_type(key)
                if kind is GPE and k == 1 and self.gz.places.get(words[0].title()) == "city":
                    kind = None  # "SURPRISE" is a town too: only if the article names it
                if kind is not None:
                    out.append(Candidate(part, kind, LEXICON, key=key))
                    i += k
                    break
            else:
                key = toks[i].text.title()
                out.append(Candidate([toks[i]], None, GUESS, weak=True, key=key))
                i += 1

    def _tag_tokens(
        self,
        raw: str,
        toks: list[Token],
        headline: bool,
        out: list[Candidate],
        sports: bool = False,
    ) -> None:
        for t in toks:  # "said The company": where the scan starts no name, no token does
            if t.name and t.text in SKIP_CAPS and LOWER_NEXT.match(raw, t.end) is not None:
                t.name = False
        for ci, cj in self._chunks(raw, toks):
            for pi, pj in self._split_connectors(toks, ci, cj):
                out.extend(self._type_part(raw, toks, pi, pj, headline, sports))

    def _type_part(
        self, raw: str, toks: list[Token], i: int, j: int, headline: bool, sports: bool = False
    ) -> list[Candidate]:
        out: list[Candidate] = []
        gz = self.gz
        # a common word opening the sentence is not part of the name ("The Kremlin", "But Biden")
        while (
            i < j
            and toks[i].text.lower() in lx.FUNCTION_WORDS
            and toks[i].text not in lx.ROLE_FILLERS
            and _is_initial(toks, i)
        ):
            i += 1
        if j - i > 1 and toks[i].text == "The":
            i += 1
        while i < j and toks[i].text in lx.WEEKDAYS_MONTHS:
            i += 1
        while j > i and toks[j - 1].text in lx.WEEKDAYS_MONTHS:
            j -= 1
        if i >= j:
            return out
        whole = raw[toks[i].start : toks[j - 1].end]
        kind = self.lexicon_type(whole)
        # "Pope Francis" may be known whole; the title is still not part of the name
        if kind is not None and not (kind is PER and toks[i].text in lx.HONORIFICS):
            return [self._known(raw, toks[i:j], kind, sports)]
        if j - i > 1 and toks[j - 2].text in _NUMBERED_HEADS and toks[j - 1].text.isdigit():
            return [Candidate(toks[i:j], ORG, CUE)]  # "Channel 4"
        if toks[j - 1].text in lx.ORG_HEADS and j - i > 1 and not headline:
            if i > 0 and _ORDINAL.match(toks[i - 1].text):
                i -= 1  # "3rd Armoured Brigade", "101st Airborne Division"
            return [Candidate(toks[i:j], ORG, CUE)]
        if j - i > 1 and any(t.text in lx.MISC_HEADS for t in toks[i + 1 : j]) and not headline:
            return [Candidate(toks[i:j], MISC, CUE)]
        if (
            j - i > 1
            and toks[i].text in cx.OPENING_ORG_NOUNS
            and not headline
            and _is_initial(toks, i)
        ):
            # "Chipmaker Tolvex said": the noun says what the name is and is no part of it
            rest = toks[i + 1 : j]
            kind = self.lexicon_type(raw[rest[0].start : rest[-1].end])
            return [self._known(raw, rest, kind, sports) if kind else Candidate(rest, ORG, CUE)]
        if j - i > 1 and not headline and self._team_name(raw, toks, i, j, sports):
            return [Candidate(toks[i:j], ORG, CUE)]  # "Dallas Cowboys", "Auckland Falcons"
        if MODEL_CODE.match(toks[i].text) or (j - i > 1 and toks[i].text == "Operation"):
            return [Candidate(toks[i:j], MISC, CUE)]  # "F-16", "MH17", "Operation Overlord"
        for k in range(i + 1, j - 1):  # "... People's Republic Russia recognised"
            t = toks[k].text
            if t in lx.PLACE_HEADS or t in lx.ORG_HEADS:
                rest = raw[toks[k + 1].start : toks[j - 1].end]
                kind = self.lexicon_type(rest)
                if kind is not None and not (kind is GPE and t in _CAMPUS_HEADS and k == j - 2):
                    return self._type_part(raw, toks, i, k + 1, headline, sports) + self._type_part(
                        raw, toks, k + 1, j, headline, sports
                    )
        # leading modifiers and titles: "US Secretary of State", "French President", "Gen."
        titled = False
        while i < j - 1:
            t = toks[i]
            # a known modifier right before a title: "French President", "South Korean Premier"
            for k in (2, 1):
                if i + k < j and toks[i + k].text in lx.HONORIFICS:
                    kind = self.lexicon_type(raw[t.start : toks[i + k - 1].end])
                    if kind is not None:
                        out.append(Candidate(toks[i : i + k], kind, LEXICON))
                        i += k
                        break
            else:
                # a title, possibly after role words: "President", "Home Affairs Minister"
                k = i
                while k < j - 1 and (
                    toks[k].text in lx.ROLE_FILLERS or toks[k].text in lx.HONORIFICS
                ):
                    k += 1
                if k > i and any(x.text in lx.HONORIFICS for x in toks[i:k]):
                    if toks[k].text in lx.ORG_HEADS and not titled:
                        return [Candidate(toks[i:j], ORG, CUE)]  # "Major League Baseball"
                    titled = True
                    i = k
                    continue  # "Former U.S. President ...": a modifier may follow
                break
        if i >= j:
            return out
        if titled and j - i == 1 and toks[i].text in lx.HONORIFICS:
            return out
        # "Ukraine Vladimir Putin": a known place/org glued to a first name
        for k in range(i + 1, j):
            if toks[k].text in gz.first_names:
                head = raw[toks[i].start : toks[k - 1].end]
                kind = self.lexicon_type(head)
                if kind not in (None, PER) and (kind is not GPE or gz.places.get(head) != "city"):
                    out.append(Candidate(toks[i:k], kind, LEXICON))
                    i = k
                break
        part = toks[i:j]
        text = raw[part[0].start : part[-1].end]
        kind = self.lexicon_type(text)
        if kind is not None:
            out.append(self._known(raw, part, kind, sports))
            return out
        initial = _is_initial(toks, i)
        typ, strength = self._guess(toks, i, j, titled)
        if (
            typ is PER
            and strength == CUE
            and j - i > 1
            and not titled
            and toks[i].text in gz.first_names
            and cx.company(raw, part[-1].end)
        ):
            typ = ORG  # "Novo Nordisk shares fell": a first name opens a company's name
        elif (
            typ is GPE
            and part[-1].text in _CLUB_PLACE_HEADS
            and (
                cx.team_role(raw, part[0].start, part[-1].end)
                or (sports and cx.team_evidence(raw, part[0].start, part[-1].end))
            )
        ):
            typ, strength = ORG, TEAM  # "drew 1-1 with Kilbride Town", "fans of Hull City"
        elif (
            sports
            and strength < CUE
            and (typ is None or typ is GPE)
            and cx.team_evidence(raw, part[0].start, part[-1].end)
        ):
            typ, strength = ORG, TEAM  # "drew 0-0 with Osasuna": no lexicon knows the club
        elif sports and strength < CUE and _is_team_plural(toks, i, j):
            typ, strength = ORG, TEAM  # "the Falcons beat the Saints 24-10"
        elif (
            strength < CUE
            and j < len(toks)
            and toks[j].text in lx.SPEECH_VERBS
            and _is_team_plural(toks, i, j)
        ):
            typ, strength = ORG, CONTEXT  # "the Teamsters said": a body speaks, peoples rarely
        if strength < CUE and not headline:
            typ, strength = self._around(raw, part[0].start, part[-1].end, typ, strength)
        weak = headline or (
            initial and j - i == 1 and strength < CUE and not _acronym_opener(raw, part[0])
        )
        if headline and j - i > 1 and strength < CUE:
            # Title Case: keep only the words with evidence of their own
            for t in part:
                k2 = self.lexicon_type(t.text)
                if k2 is not None:
                    out.append(Candidate([t], k2, LEXICON))
                elif t.text.lower() not in lx.FUNCTION_WORDS:
                    out.append(Candidate([t], None, GUESS, weak=True))
            return out
        nxt = toks[j].text if j < len(toks) else ""
        out.append(Candidate(part, typ, strength, weak=weak, speech=nxt in lx.SPEECH_VERBS))
        return out

    def _team_name(self, raw: str, toks: list[Token], i: int, j: int, sports: bool) -> bool:
        """A known place and a capitalised plural ("Dallas Cowboys", "St. Louis Cardinals"):
        how sports teams are named; not a place's own plural head ("Falkland Islands")."""
        last = toks[j - 1].text
        if len(last) < 4 or last[-1] != "s" or last[-2] in "su'’" or not last[1:].islower():
            return False
        one = last[:-1]
        if (
            last in lx.PLACE_HEADS
            or one in lx.PLACE_HEADS
            or last in lx.MISC_HEADS
            or one in lx.MISC_HEADS
            or last in self.gz.demonyms
            or self.lexicon_type(last) is not None
        ):
            return False
        if toks[i].text in lx.PLACE_PREFIXES and j - i > 2:
            return True  # "St. Louis Cardinals", "San Antonio Spurs"
        if self.lexicon_type(raw[toks[i].start : toks[j - 2].end]) is not GPE:
            return False
        # a first name that is also a city ("Sofia Morales") needs "the" or a match report
        return (
            j - i > 2
            or toks[i].text not in self.gz.first_names
            or (i > 0 and toks[i - 1].text in _THE)
            or (sports and cx.team_evidence(raw, toks[i].start, toks[j - 1].end))
        )

    def _known(
        self, raw: str, part: list[Token], kind: EntityType, sports: bool = False
    ) -> Candidate:
        """A name a lexicon knows; a city playing a match is its club ("Leeds beat Chelsea"),
        also when the lexicon knows its name as a surname ("lost at home to Bolton")."""
        if kind is GPE or (kind is PER and len(part) == 1):
            s, e = part[0].start, part[-1].end
            if self.gz.places.get(raw[s:e]) == "city":
                reading = cx.town_reading(raw, s, e, sports)
                if reading == "club":
                    return Candidate(part, ORG, TEAM)  # "Bolton" is a surname too
                if reading == "campus" and kind is GPE:  # the town stays a town elsewhere
                    return Candidate(part, ORG, LEXICON)
        return Candidate(part, kind, LEXICON)

    def _around(
        self, raw: str, s: int, e: int, typ: EntityType | None, strength: int
    ) -> tuple[EntityType | None, int]:
        """A name without a cue of its own: what the raw text around it says; a lone word no
        lexicon knows as a first name, speaking of a company's business, is the company."""
        kind = cx.around(raw, s, e)
        if kind is not None:
            return kind, CUE
        if (
            typ is PER
            and strength == CONTEXT
            and " " not in raw[s:e]
            and raw[s:e] not in self.gz.first_names
            and cx.company_talk(raw, e)
        ):
            return ORG, CONTEXT
        return typ, strength

    def _guess(
        self, toks: list[Token], i: int, j: int, titled: bool
    ) -> tuple[EntityType | None, int]:
        gz = self.gz
        part = toks[i:j]
        first, last = part[0].text, part[-1].text
        prev = toks[i - 1] if i > 0 else None
        nxt = toks[j] if j < len(toks) else None
        if last in lx.ORG_HEADS and len(part) > 1:
            return ORG, CUE
        if len(part) > 2 and part[-2].text in _CAMPUS_HEADS and last in gz.places:
            return ORG, CUE  # "Imperial College London"
        if nxt is not None and nxt.text in PLACE_SUFFIXES:
            return GPE, CUE  # "Houston-based"
        inner = {t.text for t in part[:-1]}
        if inner & {"of", "for"}:  # "Bank of England", "Gulf of Mexico"
            if inner & lx.ORG_HEADS or (first in _CAUSE_NOUNS and part[1].text == "for"):
                return ORG, CUE
            if inner & lx.PLACE_HEADS:
                return GPE, CUE
        if last in lx.PLACE_HEADS and len(part) > 1 and part[-2].text in lx.DISTRICT_BODIES:
            return ORG, CUE  # "Fairfield Unified School District"
        if titled and first in gz.first_names:
            return PER, CUE  # "Judge Helen Marsh": a surname may be a place's head word
        if last in lx.PLACE_HEADS or (first in lx.PLACE_PREFIXES and len(part) > 1):
            return GPE, CUE
        if titled:
            return PER, CUE
        if len(part) == 1 and first in lx.ORG_HEADS:
            return ORG, CONTEXT  # "the League", "the Party"
        if (
            len(part) > 1
            and first in lx.COMPASS
            and self.lexicon_type(" ".join(t.text for t in part[1:])) in (GPE, None)
        ):
            return GPE, CONTEXT
        role_before = prev is not None and prev.is_lower and prev.text.lower() in lx.ROLE_NOUNS
        if role_before and not any(t.is_upper for t in part):
            return PER, CUE
        if len(part) > 1 and (first in gz.first_names or _is_initial_token(first)):
            return PER, CUE
        if self._place_noun_follows(toks, j):
            return GPE, CONTEXT
        if len(part) == 1 and part[0].is_upper and len(last) <= 6:
            return ORG, CONTEXT
        if len(part) > 1 and any(t.is_upper for t in part):
            return ORG, GUESS  # an acronym in the name: "CBS Cable", "BBC Radio"
        if (
            len(part) > 1
            and gz.places.get(last) == "country"
            and first not in gz.first_names
            and first not in gz.demonyms
            and first not in lx.COMPASS
            and self.lexicon_type(first) is None
        ):
            return ORG, CONTEXT  # "Statistics Canada", "Telecom Italia": a body of the country
        if nxt is not None and nxt.text in lx.PERSON_VERBS_AFTER and len(part) <= 3:
            return PER, CONTEXT
        after = (
            toks[j + 1].text if nxt is not None and nxt.text == "," and j + 1 < len(toks) else ""
        )
        if (after.isdigit() and len(after) <= 2) or after in {"who", "whose"}:
            return PER, CONTEXT  # "John Smith, 45,", "Bola Tinubu, who won"
        if prev is not None and prev.text in lx.PLACE_PREPS and len(part) == 1:
            return GPE, GUESS
        if prev is not None and prev.text in {"in", "near", "outside"} and len(part) == 2:
            return GPE, GUESS
        if len(part) > 1 and any(t.is_upper for t in part):
            return ORG, GUESS
        if len(part) == 1 and first in gz.first_names and (prev is None or prev.text not in _DET):
            return PER, GUESS  # a first name alone: "Hayley joined the band"
        if len(part) == 1 and prev is not None and prev.text in lx.SPEECH_VERBS:
            return PER, GUESS  # "..., said Peskov"
        if len(part) in (2, 3):
            return self.multi_default, GUESS
        if len(part) > 3:
            return ORG, GUESS
        return None, GUESS

    def _place_noun_follows(self, toks: list[Token], j: int) -> bool:
        """ "the Donetsk region", "Kherson, Zaporizhzhia and Luhansk regions"."""
        n = len(toks)
        k = j
        while k < n:
            t = toks[k].text
            if t in {",", "and", "or"} or toks[k].name:
                k += 1
                continue
            return t in lx.PLACE_NOUNS_AFTER
        return False


def _is_team_plural(toks: list[Token], i: int, j: int) -> bool:
    """ "the Falcons": a lone capitalised plural after "the", as teams are named."""
    word = toks[i].text
    return (
        j - i == 1
        and i > 0
        and toks[i - 1].text in _THE
        and len(word) > 3
        and word[-1] == "s"
        and word[-2] not in "su"
        and word[1:].islower()
    )


def _acronym_opener(raw: str, tok: Token) -> bool:
    """ "FIFA opened ...": an acronym opening a sentence is no common word capitalised by its
    place (a wire slug such as "BRIEF-" is glued to a mark, so it is left out)."""
    return acronym_opener(raw, tok.text, tok.end)


def _is_initial_token(text: str) -> bool:
    return len(text) == 2 and text[0].isupper() and text[1] == "."


__all__ = ["CONTEXT", "CUE", "GUESS", "LEXICON", "TEAM", "Candidate", "RuleTagger", "resolve"]
