"""The walk over an article: paragraphs, sentences, continuation and headings.

One ``QuoteWalker`` per article (it holds that article's discourse state only; nothing global).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from operator import attrgetter

from newsgraph.extract.quotes.attribution import (
    Attribution,
    after,
    before,
    clause_start,
    cue_before,
    end_attribution,
    is_pure_lead,
    is_pure_tail,
    sentence_tokens,
    subject_of,
)
from newsgraph.extract.quotes.indirect import find_according, find_indirect
from newsgraph.extract.quotes.interview import answer_spans, interviewee
from newsgraph.extract.quotes.lexicon import (
    CONJUNCTIONS,
    CUE_FORMS,
    DETERMINERS,
    has_cue_word,
    headline_verb,
)
from newsgraph.extract.quotes.marks import Segment, double_marks, find_segments, nested_segments
from newsgraph.extract.quotes.people import (
    CAP_RUN,
    LastNameHits,
    build_people,
    keeps_offsets,
    name_part,
    person_name,
    strip_possessive,
)
from newsgraph.extract.quotes.phrases import (
    END,
    LOW,
    PREPOSITIONS,
    START,
    TEXT,
    Phrase,
    Tok,
    clause_subject,
    cue_at,
    cue_candidates,
    is_cap,
    np_after,
    np_before,
    tokenize,
)
from newsgraph.extract.quotes.resolve import Discourse, Speaker, resolve
from newsgraph.model import (
    Article,
    EntityType,
    Line,
    LineRole,
    Mention,
    Quote,
    QuoteKind,
    Span,
)

# enum members as module constants: reading ``QuoteKind.DIRECT`` is a class look-up through the
# enum's metaclass, several times slower than a global (and these are read for every quotation)
DIRECT, PARTIAL, INDIRECT = QuoteKind.DIRECT, QuoteKind.PARTIAL, QuoteKind.INDIRECT
CONTINUATION, HEADING, SCARE = QuoteKind.CONTINUATION, QuoteKind.HEADING, QuoteKind.SCARE
BODY = LineRole.BODY
PERSON, GPE = EntityType.PERSON, EntityType.GPE
_START_END = attrgetter("start", "end")  # sort key of spans and drafts
_SPAN_START = attrgetter("span.start")
CONTENT_ROLES = frozenset((LineRole.TITLE, LineRole.DEK, LineRole.HEADING, LineRole.BODY))
_WORD = re.compile(r"\w+")
_LONG_WORD = re.compile(r"\w{3,}")
_NEXT_LOWER = re.compile(r" ([a-z][\w’'-]*)")
# a literal first character lets the engine skip ahead to it (a character class does not)
_SINGLE_OPENER = re.compile(r"'(?<!\w')(?=\w)")
_CURLY_OPENER = re.compile(r"‘(?<!\w‘)(?=\w)")
_QUESTION_LINE = re.compile(r"Q(?<![^\n]Q)(?:uestion)?\s?[:.–—-]")
# "The words came from X", "Those remarks were those of X", "So said X"
_NAMED_AFTER = re.compile(
    r"(?:(?:The|Those|These|That|This|Such|Her|His|Their) (?:\w+ )?"
    r"(?:words?|comments?|remarks?|warning|plea|admission|claim|message|verdict|assessment|view|"
    r"statement|quote|quip|line|observation|sentiments?) "
    r"(?:came|come|comes|were|was|are|is) (?:from|those of|by|the words of) |So (?:said|says) )"
)
# a comma closing the subject's name, then an aside or the verb: "X, who …", "X, 47, was …"
_ASIDE_AFTER_NAME = re.compile(r",(?: \d+,)? ([a-z][\w’'-]*)")
_NOT_AFTER_SUBJECT = PREPOSITIONS | CONJUNCTIONS | DETERMINERS | frozenset(("and", "or", "which"))
_OPENERS = frozenset(("but", "and", "meanwhile", "however", "later", "then", "yet", "still"))
_TERMINAL_PUNCT = frozenset(".!?…:;,")
_CLOSERS = frozenset("”’\"')]")
SHORT_WORDS = 4  # a quoted term of up to this many words may be a scare quote
# matches when a text has more than SHORT_WORDS words (without counting them all)
_MORE_THAN_SHORT = re.compile(rf"\W*(?:\w+\W+){{{SHORT_WORDS}}}\w")
_STOP = frozenset(
    [
        "the",
        "and",
        "for",
        "that",
        "this",
        "with",
        "from",
        "are",
        "was",
        "were",
        "will",
        "not",
        "but",
        "have",
        "has",
        "had",
        "our",
        "its",
        "their",
        "his",
        "her",
        "they",
        "them",
        "who",
        "which",
        "what",
        "been",
        "also",
        "into",
        "than",
        "then",
        "there",
        "these",
        "those",
        "such",
    ]
)

# a tokenised sentence: tokens (each quotation one sentinel), the sentinels' indexes, the
# quotations, and the indexes of the tokens spelt like a speech verb (``cue_candidates``)
Tokens = tuple[list[Tok], list[int], list[Segment], list[int]]

CONFIDENCE = {
    "cue-then-speaker": 0.9,
    "speaker-then-cue": 0.9,
    "speaker-cue-colon": 0.85,
    "according-to": 0.75,
    "cue-in-sentence": 0.7,
    "end-of-sentence": 0.65,
    "clause-subject": 0.55,
    "indirect": 0.6,
}


@dataclass(slots=True)
class Draft:
    start: int
    end: int
    kind: QuoteKind
    speaker: Speaker | None = None
    canonical: str | None = None
    cue: Span | None = None
    confidence: float = 0.0
    evidence: str = ""
    unclosed: bool = False

    def attribute(self, sp: Speaker | None, cue: Span | None, rule: str) -> None:
        self.speaker = sp
        self.canonical = sp.canonical if sp else None
        self.cue = cue
        penalty = 0.0 if sp is None or sp.how in ("name", "org", "document", "state") else 0.1
        self.confidence = max(0.1, CONFIDENCE.get(rule, 0.5) - penalty)
        self.evidence = rule if sp is None else f"{rule}/{sp.how}"

    def borrow(self, other: Draft, rule: str, kind: QuoteKind | None = None) -> None:
        self.speaker, self.canonical = other.speaker, other.canonical
        self.confidence = min(0.7, other.confidence)
        self.evidence = rule
        if kind is not None:
            self.kind = kind

    def quote(self, text: str) -> Quote:
        sp = self.speaker
        return Quote(
            span=Span(self.start, self.end),
            text=text[self.start : self.end],
            kind=self.kind,
            cue=self.cue,
            speaker_span=sp.span if sp else None,
            speaker_text=sp.text if sp else None,
            speaker=self.canonical,
            confidence=round(self.confidence, 2),
            evidence=self.evidence,
        )


class QuoteWalker:
    """Extracts the quotations of one article."""

    def __init__(
        self, article: Article, sentences: tuple[Span, ...], mentions: tuple[Mention, ...]
    ) -> None:
        self.text = article.text
        self.lines = [ln for ln in article.lines if ln.role in CONTENT_ROLES]
        self.sentences = sorted(sentences, key=_START_END)
        self._sentence_starts = [x.start for x in self.sentences]
        body = [(ln.span.start, ln.span.end) for ln in self.lines if ln.role == BODY]
        self.people = build_people(self.text, body, mentions)
        self._last_names = tuple(self.people.by_last)
        self._name_hits: LastNameHits | None = None  # built on first need
        self._persons = sorted(
            (m for m in mentions if m.type == PERSON), key=_SPAN_START
        )
        self._person_starts = [m.span.start for m in self._persons]
        self._mentions = mentions
        self._lone_names: dict[str, tuple[str, bool]] | None = None  # built on first need
        self.state = Discourse(self.people)
        self.drafts: list[Draft] = []
        self.drafts_in_sentence: list[Draft] = []
        self._person_cache: dict[str, str | None] = {}
        self._words_cache: dict[int, set[str]] = {}
        self._low: str | None = None  # the text lower-cased, on first need
        self._interviewee: str | None = None

    # ------------------------------------------------------------------ the walk
    def run(self) -> tuple[Quote, ...]:
        text = self.text
        parsed = []
        marks = double_marks(text)
        for ln in self.lines:
            segs = find_segments(text, ln.span.start, ln.span.end, marks)
            if ln.role != BODY:
                parsed.append((ln, segs, [], []))  # titles and headings are read apart
                continue
            sents = self._sentences_of(ln)
            toks = [self._tokens(s, segs) for s in sents]
            parsed.append((ln, segs, sents, toks))
        self.state.find_main_speaker = lambda: self._main_speaker(parsed)
        headings: list[tuple[Line, list[Segment]]] = []
        prev: Draft | None = None  # last attribution of the previous body paragraph
        chain: list[Draft] = []  # open multi-paragraph quotations waiting for their cue
        for ln, segs, sents, toks in parsed:
            if ln.role != BODY or self._heading_like(ln, segs):
                if segs:
                    headings.append((ln, segs))
                prev = None
                continue
            drafts, last_att = self._paragraph(sents, segs, toks)
            quotes = [d for d in drafts if d.kind != INDIRECT]
            whole = (
                bool(segs)
                and segs[0].mark_start == ln.span.start
                and last_att is None
                and not any(c.isalnum() for c in text[segs[-1].mark_end : ln.span.end])
            )
            if whole:
                if quotes[-1].unclosed:
                    for d in quotes:
                        d.kind = CONTINUATION
                    chain.extend(quotes)
                    continue
                if prev is not None:
                    for d in quotes:
                        if d.kind == DIRECT:
                            d.borrow(prev, "continuation", CONTINUATION)
                    for d in chain:
                        d.borrow(prev, "continuation")
                    chain = []
                    continue
            if chain:
                first = next((d for d in quotes if d.speaker is not None), None)
                source = (
                    first if first is not None and segs[0].mark_start == ln.span.start else prev
                )
                for d in chain:
                    if source is not None:
                        d.borrow(source, "multi-paragraph")
                chain = []
            prev = last_att
        self._interview_answers()
        self._nested_quotes()
        for ln, segs in headings:
            self._heading(ln, segs)
        # the callback closes over this walker, which holds the state: drop it so the walker's
        # thousands of tokens are freed by reference counting, not left to the cyclic GC
        self.state.find_main_speaker = None
        return tuple(d.quote(text) for d in sorted(self.drafts, key=_START_END))

    def _nested_quotes(self) -> None:
        """Quotations inside quotations: the inner words are those of whoever the outer speaker
        says spoke them ("my chair said: ‘…’" → the chair; "I said: ‘…’" → the outer speaker)."""
        text = self.text
        openers = [m.start() for m in _SINGLE_OPENER.finditer(text)]
        if "‘" in text:
            openers = sorted(openers + [m.start() for m in _CURLY_OPENER.finditer(text)])
        if not openers:
            return  # no single mark opening a word anywhere: nothing nested (most articles)
        for outer in list(self.drafts):
            if outer.kind not in (DIRECT, CONTINUATION):
                continue
            k = bisect_left(openers, outer.start)
            if k == len(openers) or openers[k] >= outer.end:
                continue
            for g in nested_segments(text, outer.start, outer.end):
                if _MORE_THAN_SHORT.match(text, g.start, g.end) is None:
                    continue  # a quoted term inside a quotation: no quotation of its own
                d = Draft(g.start, g.end, DIRECT)
                toks = tokenize(text, max(outer.start, g.mark_start - 200), g.mark_start)
                att = before(toks, 0, len(toks)) if toks else None
                if att is not None and toks[att.phrase.first][LOW] not in ("i", "we"):
                    self._apply(d, toks, att, att.phrase.first)
                    d.evidence = "nested/" + d.evidence
                elif outer.speaker is not None:
                    d.borrow(outer, "nested")
                self.drafts.append(d)

    def _interview_answers(self) -> None:
        """ "A: …" lines of a question-and-answer interview: the interviewee's words."""
        if not _QUESTION_LINE.search(self.text):
            return  # no line opens with a question marker (most articles)
        lines = [(ln.span.start, ln.span.end) for ln in self.lines if ln.role == LineRole.BODY]
        answers = answer_spans(self.text, lines)
        if not answers:
            return
        who = interviewee(self.text, list(self.people.full_names))
        if who is None:
            return
        self._interviewee = who
        for mark, a, b in answers:
            d = Draft(a, b, DIRECT)
            sp = Speaker(Span(mark, mark + 1), who, who, "interview", True)
            d.attribute(sp, None, "interview-answer")
            self.drafts.append(d)

    def _sentences_of(self, ln: Line) -> list[Span]:
        s = self.sentences
        i = bisect_left(self._sentence_starts, ln.span.start)
        out = []
        while i < len(s) and s[i].start < ln.span.end:
            out.append(s[i])
            i += 1
        return out or [ln.span]

    def _tokens(self, sent: Span, segs: list[Segment]) -> Tokens | None:
        """Tokens of a sentence with quotations or speech verbs; None for the others (speed)."""
        inside = [g for g in segs if sent.start <= g.mark_start < sent.end] if segs else segs
        if not inside and not has_cue_word(self.text, sent.start, sent.end):
            return None
        end = sent.end
        if inside and inside[-1].mark_end > end:
            # the quotation runs over the splitter's sentence end ("… wants» declared X."): the
            # sentence goes on to the end of the one where the quotation closes
            end = inside[-1].mark_end
            k = bisect_left(self._sentence_starts, end) - 1
            if k >= 0 and self.sentences[k].start < end < self.sentences[k].end:
                end = self.sentences[k].end
            inside = [g for g in segs if sent.start <= g.mark_start < end]
        toks, where = sentence_tokens(self.text, sent.start, end, inside)
        return toks, where, inside, cue_candidates(toks)

    def _according_tokens(self, sent: Span) -> Tokens | None:
        """Tokens of a sentence without quotations or speech verbs that says "according to"."""
        if self.text.find("ccording to", sent.start, sent.end) < 0:
            return None
        toks = tokenize(self.text, sent.start, sent.end)
        return toks, [], [], cue_candidates(toks)

    def _main_speaker(self, parsed: list) -> str | None:
        """The person most often named next to a speech verb (for "the spokesman" fallbacks)."""
        counts: Counter[str] = Counter()
        for ln, _segs, _sents, toks_list in parsed:
            if ln.role != BODY:
                continue
            for item in toks_list:
                if item is None:
                    continue
                toks = item[0]
                for k in item[3]:
                    if cue_at(toks, k) is not None:
                        for ph in (_name_before(toks, k), np_after(toks, k + 1)):
                            name = self._person_of(toks, ph)
                            if name:
                                counts[name] += 1
        if counts:
            return counts.most_common(1)[0][0]
        if self.people.full_names:
            return self.people.full_names.most_common(1)[0][0]
        return None

    def _person_of(self, toks: list[Tok], ph: Phrase | None) -> str | None:
        if ph is None or not is_cap(toks[ph.last]):
            return None
        words = [strip_possessive(t[TEXT]) for t in toks[ph.first : ph.last + 1] if is_cap(t)]
        name = self.people.canonical(words[-3:])
        return name if self.people.is_person(name) else None

    # ------------------------------------------------------------------ one paragraph
    def _paragraph(
        self, sents: list[Span], segs: list[Segment], toks_list: list
    ) -> tuple[list[Draft], Draft | None]:
        drafts: list[Draft] = []
        last_att: Draft | None = None
        covered = -1  # end of the last sentence read together with the one before it
        for sent, item in zip(sents, toks_list, strict=True):
            if sent.start < covered:
                continue
            if item is not None and item[0] and item[0][-1][END] > sent.end:
                covered = item[0][-1][END]
            last = drafts[-1] if drafts else None
            if (
                last is not None
                and last.speaker is None
                and last.kind == DIRECT
                and self._named_after(sent, last)
            ):
                last_att = last
                continue
            if item is None:
                item = self._according_tokens(sent)
                if item is None:
                    self._topic_of(sent)
                    continue
            toks, where, inside, cands = item
            sentence_drafts: list[tuple[int, Draft]] = []
            has_direct = False
            self.drafts_in_sentence = []
            for qi, (g, q) in enumerate(zip(inside, where, strict=True)):
                d = self._quote_in_sentence(toks, where, qi, g, q, cands)
                self.drafts_in_sentence.append(d)
                has_direct = has_direct or d.kind == DIRECT
                sentence_drafts.append((q, d))
            if not has_direct:
                rep = find_indirect(toks, cands)
                if rep is None and not inside:
                    rep = find_according(toks)
                if rep is not None:
                    d = Draft(rep.start, rep.end, INDIRECT)
                    self._apply(d, toks, rep.att, rep.att.phrase.first)
                    sentence_drafts.append((rep.att.phrase.first, d))
            self._update_discourse(sent, sentence_drafts)
            for _pos, d in sentence_drafts:
                drafts.append(d)
                if d.speaker is None or d.canonical is None or d.kind == SCARE:
                    continue
                # a paragraph's speaker: its last full attribution, else its last partial one
                if d.kind != PARTIAL or last_att is None or last_att.kind == d.kind:
                    last_att = d
        # direct quotations without a cue of their own take the paragraph's speaker
        attributed = [d for d in drafts if d.kind == DIRECT and d.speaker is not None]
        for d in drafts:
            if d.kind == DIRECT and d.speaker is None and attributed:
                later = [a for a in attributed if a.start > d.start]
                d.borrow(later[0] if later else attributed[-1], "same-paragraph")
        self.drafts.extend(drafts)
        return drafts, last_att

    def _named_after(self, sent: Span, d: Draft) -> bool:
        """ "“…” The words came from Dr Ruiz, who …": a sentence naming the speaker of the
        quotation before it; ``d`` takes that speaker."""
        m = _NAMED_AFTER.match(self.text, sent.start, sent.end)
        if m is None:
            return False
        toks = tokenize(self.text, m.end(), sent.end)
        ph = np_after(toks, 0)
        if ph is None or (not is_cap(toks[ph.first]) and toks[ph.first][LOW] not in ("the", "a")):
            return False
        self._apply(d, toks, Attribution(None, None, ph, "named-after"), 0)
        if d.speaker is not None:
            self.state.attributed(d.speaker, main=True)
        return True

    def _quote_in_sentence(
        self, toks: list[Tok], where: list[int], qi: int, g: Segment, q: int, cands: list[int]
    ) -> Draft:
        lo = where[qi - 1] + 1 if qi else 0
        for k in range(q - 1, lo - 1, -1):
            if toks[k][TEXT] in ".!?":
                lo = k + 1  # a sentence end the splitter kept (after "Co."): start afresh
                break
        stop = where[qi + 1] if qi + 1 < len(where) else len(toks)
        d = Draft(g.start, g.end, DIRECT, unclosed=not g.closed)
        lead = is_pure_lead(toks, lo, q)
        if qi and lead and lo < q and self.drafts_in_sentence:
            # "“A” and “B”": the second quotation shares the first one's kind and speaker
            prev = self.drafts_in_sentence[-1]
            d.kind = prev.kind
            if prev.speaker is not None:
                d.borrow(prev, prev.evidence)
            return d
        # each pattern is read only when the decision needs it (they are pure: same result)
        post = after(toks, q + 1, stop)
        pre = None if lead and post is not None else before(toks, lo, q)
        if (lead or pre is not None) and (post is not None or is_pure_tail(toks, q, stop)):
            att = post or pre
            if att is not None:
                self._apply(d, toks, att, q)
            else:
                d.confidence, d.evidence = 0.4, "no-cue"
            return d
        if lead and self.text[g.start : g.end].rstrip()[-1:] in ",!?":
            # a whole quoted sentence whose attribution we could not read: still direct
            att = end_attribution(toks, q, cands[bisect_right(cands, q) :])
            if att is not None:
                self._apply(d, toks, att, q)
            else:
                d.confidence, d.evidence = 0.4, "no-cue"
            return d
        d.kind = PARTIAL
        short = _MORE_THAN_SHORT.match(self.text, g.start, g.end) is None
        att = post
        if att is None:
            cue = cue_before(toks, q, short=short)
            if cue is not None:
                if cue.base == "according to":
                    ph = np_after(toks, cue.verb + 1)
                else:
                    ph = subject_of(toks, cue)
                if ph is not None:
                    span = (toks[cue.first][START], toks[cue.verb][END])
                    att = Attribution(cue, span, ph, "cue-in-sentence")
        if att is None and not short:
            att = end_attribution(toks, q, cands[bisect_right(cands, q) :])
            if att is not None:
                att = att._replace(rule="end-of-sentence")
        if att is None and not short:
            ph = clause_subject(toks, clause_start(toks, q))
            if ph is not None and ph.last < q:
                att = Attribution(None, None, ph, "clause-subject")
        if att is None:
            if short:
                d.kind, d.confidence, d.evidence = SCARE, 0.6, "short-term-no-cue"
            else:
                d.confidence, d.evidence = 0.3, "no-cue"
            return d
        self._apply(d, toks, att, q)
        return d

    def _apply(self, d: Draft, toks: list[Tok], att: Attribution, at: int) -> None:
        hint = self._subject_hint(toks, att.phrase.first)
        sp = resolve(self.text, toks, att.phrase, self.state, subject_hint=hint)
        if sp.how == "org":
            if self._persons:
                self._person_from_mentions(sp)
            if sp.how == "org":
                self._lone_word(sp)
        generic = (sp.how in ("common", "role-text") and not sp.role) or (
            sp.how == "role" and sp.canonical is None
        )
        if generic and d.kind == PARTIAL and self.state.last_speaker is not None:
            sp.canonical = self.state.last_speaker  # "the two leaders assessed that “…”"
            sp.how = "common-last-speaker"
            sp.person = self.people.is_person(sp.canonical)
        cue = Span(*att.cue_span) if att.cue_span else None
        d.attribute(sp, cue, att.rule)

    def _lone_word(self, sp: Speaker) -> None:
        """A lone capitalised word as speaker ("Smirnov said", "Moscow said") that the article
        never spells out in full: a person when the entity stage tagged that word as a person
        elsewhere in the article, a place (a state speaking) when it tagged it as a place."""
        word = strip_possessive(sp.text)
        if not word[:1].isupper() or " " in word or (word.isupper() and len(word) > 1):
            return
        if self._lone_names is None:
            self._lone_names = _lone_names(self._mentions)
        found = self._lone_names.get(word)
        if found is None:
            return
        name, person = found
        if person:
            sp.canonical, sp.how, sp.person = person_name(name), "name-entity", True
        else:
            sp.canonical, sp.how = word, "state"  # kept as written: "Moscow", not "Russia"

    def _person_from_mentions(self, sp: Speaker) -> None:
        """A name we could not place ("Peskov" alone) that the entity stage tagged as a person."""
        k = bisect_left(self._person_starts, sp.span.start)
        if k < len(self._persons) and self._persons[k].span.start < sp.span.end:
            m = self._persons[k]
            sp.canonical = person_name(m.canonical or m.text)
            sp.how, sp.person = "name-entity", True

    def _subject_hint(self, toks: list[Tok], upto: int) -> str | None:
        """A person named as a clause subject earlier in the same sentence, before any cue.

        "It should be reminded that Biden distinguished himself after he claimed ..." → he = Biden;
        but "Denouncing the statement by X about ..., he said" → no hint (X is no subject).
        """
        t0 = toks[upto] if upto < len(toks) else None
        if t0 is None or t0[LOW] not in ("he", "she"):
            return None
        found = None
        k = 0
        while k < upto:
            t = toks[k]
            if t[LOW] in CUE_FORMS and cue_at(toks, k) is not None:
                return found
            if is_cap(t) and t[TEXT][0].isalpha():
                j = k
                while j + 1 < upto and is_cap(toks[j + 1]):
                    j += 1
                nxt = toks[j + 1] if j + 1 < len(toks) else None
                words = [strip_possessive(x[TEXT]) for x in toks[k : j + 1]]
                if (
                    nxt is not None
                    and nxt[TEXT][0].islower()
                    and nxt[LOW] not in PREPOSITIONS
                    and nxt[LOW] not in ("and", "or")
                    and not toks[j][TEXT].endswith(("’s", "'s"))
                ):
                    name = self.people.canonical(words[-3:])
                    if self.people.is_person(name):
                        found = name
                k = j + 1
                continue
            k += 1
        return found

    def _update_discourse(self, sent: Span, drafts: list[tuple[int, Draft]]) -> None:
        atts = [
            d
            for _pos, d in drafts
            if d.speaker is not None and d.canonical is not None and d.kind != SCARE
        ]
        if len(atts) > 1:
            atts.sort(key=_speaker_start)
        person = False
        for n, d in enumerate(atts):
            if d.speaker is not None:
                self.state.attributed(d.speaker, main=n == 0)
                person = person or d.speaker.person
        if not person:
            self._topic_of(sent)

    def _topic_of(self, sent: Span) -> None:
        """A sentence without a person quoted: the person it is about becomes the topic."""
        name = self._topic_from_text(sent.start, sent.end)
        if name is not None:
            self.state.topic_person = name
            self.state.note_person(name)

    def _topic_from_text(self, start: int, end: int) -> str | None:
        """The first known person standing as a subject: at the start, or before a verb-like word.

        "It should be reminded that Biden distinguished himself" → Biden; "the statement by X
        about Y" → nobody (X is followed by a preposition).
        """
        text = self.text
        # a known person's last name must occur in the sentence (most sentences: none does)
        if self._name_hits is None:
            self._name_hits = LastNameHits(text, self._last_names, self._lower())
        if not self._name_hits.within(start, end):
            return None
        cache = self._person_cache
        for m in CAP_RUN.finditer(text, start, end):
            run = m.group()
            if run in cache:
                name = cache[run]
            else:
                name = None
                if not run.endswith(("’s", "'s", "s’", "s'")):
                    words = name_part(run.split())
                    found = self.people.canonical(words[-3:]) if words else None
                    name = found if self.people.is_person(found) else None
                cache[run] = name
            if name is None:
                continue
            lead = text[start : m.start()].strip(" ,").lower() if m.start() - start < 16 else "-"
            if not lead or lead in _OPENERS:
                return name
            nxt = _NEXT_LOWER.match(text, m.end())
            if nxt and nxt.group(1) not in PREPOSITIONS and nxt.group(1) not in ("and", "or"):
                return name
            aside = _ASIDE_AFTER_NAME.match(text, m.end())
            if (
                aside is not None
                and aside.group(1) not in _NOT_AFTER_SUBJECT
                and text.count(" ", start, m.start()) < 6
                and not _in_opening_phrase(text, start, m.start())
            ):
                return name  # "Rovers defender Liam Okoro, who …", "butcher Alan Prentice, was"
        return None

    # ------------------------------------------------------------------ headings
    def _heading_like(self, ln: Line, segs: list[Segment]) -> bool:
        """A body line that reads as a sub-heading: short and without final punctuation."""
        if not segs:
            return False
        text = self.text
        last = segs[-1]
        inner = text[last.start : last.end].rstrip()
        if inner and inner[-1] in ".!?…,;:":
            return False
        # no terminal punctuation before the closing marks and spaces the line ends with
        k = ln.span.end
        while k > ln.span.start and (text[k - 1].isspace() or text[k - 1] in _CLOSERS):
            k -= 1
        if k > ln.span.start and text[k - 1] in _TERMINAL_PUNCT:
            return False
        return len(text[ln.span.start : ln.span.end].split()) <= 25

    def _heading(self, ln: Line, segs: list[Segment]) -> None:
        text = self.text
        for g in segs:
            d = Draft(g.start, g.end, HEADING)
            words = len(_WORD.findall(text, g.start, g.end))
            tail = text[g.mark_end : ln.span.end].strip(" .!?”’\"'")
            head = text[ln.span.start : g.mark_start].rstrip()
            standalone = not tail or head.endswith(":") or not head
            if words <= SHORT_WORDS and not standalone:
                sp = self._headline_speaker(ln.span.start, g.mark_start)
                if sp is not None:  # "Minister warns of ‘crisis’": the subject's word
                    d.speaker, d.canonical = sp, sp.canonical
                    d.confidence, d.evidence = 0.5, "heading-cue"
                else:
                    d.kind, d.confidence = SCARE, 0.6
                    d.evidence = "short-term-in-heading"
                self.drafts.append(d)
                continue
            src = self._same_words_in_body(g)
            if src is not None:
                d.borrow(src, "heading-same-words")
                d.confidence = min(0.75, src.confidence)
            else:
                sp = self._named_in_heading(ln, g) or self._headline_speaker(
                    ln.span.start, g.mark_start
                )
                if sp is None and self._interviewee is not None:
                    who = self._interviewee  # "Interview: “…”": the interviewee's words
                    sp = Speaker(Span(g.start, g.start), who, who, "interview", True)
                if sp is not None:
                    d.speaker, d.canonical = sp, sp.canonical
                    d.confidence, d.evidence = 0.6, "heading-named-speaker"
                else:
                    d.confidence, d.evidence = 0.4, "heading-no-speaker"
            self.drafts.append(d)

    def _headline_speaker(self, start: int, mark: int) -> Speaker | None:
        """The subject of a headline speech verb right before a quoted term ("Uzbek minister
        warns of ‘crisis’", "Boss slams ‘joke’ decision"), resolved like a body speaker."""
        toks = tokenize(self.text, max(start, mark - 120), mark)
        for k in range(len(toks) - 1, max(-1, len(toks) - 4), -1):
            if headline_verb(toks[k][LOW]):
                ph = np_before(toks, k)
                if ph is None:
                    return None
                sp = resolve(self.text, toks, ph, self.state)
                return sp if sp.person or sp.how == "role" else None
        return None

    def _same_words_in_body(self, g: Segment) -> Draft | None:
        want = _content_words(self.text[g.start : g.end])
        if not want:
            return None
        best, best_score = None, 0.5
        for d in self.drafts:
            if d.canonical is None or d.kind in (SCARE, HEADING):
                continue
            have = self._words_cache.get(d.start)
            if have is None:
                have = self._words_cache[d.start] = self._words_of(d.start, d.end)
            score = len(want.intersection(have)) / len(want)
            if score > best_score or (
                score == best_score and best is not None and best.kind == INDIRECT
            ):
                best, best_score = d, score
        return best

    def _words_of(self, start: int, end: int) -> set[str]:
        """The lower-cased words of 3 letters or more in ``text[start:end]`` (stop words too: the
        heading's words they are compared with have none), read from the article lower-cased once
        when that keeps offsets."""
        low = self._lower()
        if keeps_offsets(self.text, low):
            return set(_LONG_WORD.findall(low, start, end))
        return set(_LONG_WORD.findall(self.text[start:end].lower()))

    def _lower(self) -> str:
        """The article's text lower-cased (once: for last names and heading words)."""
        if self._low is None:
            self._low = self.text.lower()
        return self._low

    def _named_in_heading(self, ln: Line, g: Segment) -> Speaker | None:
        toks = tokenize(self.text, ln.span.start, g.mark_start)
        caps: list[Tok] = []
        for t in toks:
            if is_cap(t):
                caps.append(t)
            elif caps:
                break
        if not caps:
            return None
        words = [strip_possessive(t[TEXT]) for t in caps]
        name = self.people.canonical(words[-3:])
        if not self.people.is_person(name):
            return None
        span = Span(caps[0][START], caps[-1][END])
        return Speaker(span, span.of(self.text), name, "name", True)


def _lone_names(mentions: tuple[Mention, ...]) -> dict[str, tuple[str, bool]]:
    """One-word names the entity stage tagged: word -> (canonical person or the word, person?).

    A person's last word counts too ("Smirnov" of "Ivan Smirnov"); a person wins over a place.
    """
    out: dict[str, tuple[str, bool]] = {}
    for m in mentions:
        if m.type == PERSON:
            words = m.text.split()
            last = strip_possessive(words[-1]) if words else ""
            if last:
                name = m.canonical or m.text
                known = out.get(last)
                if known is None or not known[1] or len(name) > len(known[0]):
                    out[last] = (name, True)
        elif m.type == GPE and " " not in m.text:
            out.setdefault(strip_possessive(m.text), (m.text, False))
    return out


def _speaker_start(d: Draft) -> int:
    return d.speaker.span.start if d.speaker else 0


def _content_words(s: str) -> set[str]:
    return set(_LONG_WORD.findall(s.lower())) - _STOP


def _name_before(toks: list[Tok], k: int) -> Phrase | None:
    j = k - 1
    while j >= 0 and toks[j][TEXT][0].islower() and toks[j][LOW].endswith("ly"):
        j -= 1
    if j < 0 or not is_cap(toks[j]):
        return None
    first = j
    while first > 0 and is_cap(toks[first - 1]):
        first -= 1
    return Phrase(first, j, toks[first][START], toks[j][END])


_FIRST_WORD = re.compile(r"\W*(\w+)")


def _in_opening_phrase(text: str, start: int, at: int) -> bool:
    """The name at ``at`` is inside a sentence's opening phrase ("Speaking for the developer,
    Harcourt Living, ..."; "In Leeds, X, ..."): a comma before it, after a participle or a
    preposition (not "Her neighbour, butcher Alan Prentice, was")."""
    if text.find(",", start, at) < 0:
        return False
    first = _FIRST_WORD.match(text, start, at)
    if first is None:
        return False
    word = first.group(1).lower()
    return word.endswith("ing") or word in PREPOSITIONS
