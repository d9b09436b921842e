"""Event extraction: trigger look-up, a light clause parse, actors from the mentions in its slots.

For each sentence: tokens are looked up in the trigger lexicon (one dict probe per word); for a
trigger, the clause around it is bounded by punctuation, subordinators and speech verbs; the
subject is the nearest actor chunk on its left not governed by a preposition (or the quote's
speaker when the trigger sits in a quotation without its own subject), the recipient the first
actor chunk on its right that a preposition does not make a place or a time. Passives swap the
two ("was arrested by"). Governing verbs ("refused to", "called on X to", "threatened to",
"agreed to") take the act they govern as their content: "refused to meet" is REJECT, not CONSULT.
Negation and modality come from the words between subject and trigger.
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from operator import attrgetter

from newsgraph.extract.events.actors import COMMON_ACTOR_NOUNS as _COMMON_ACTOR_NOUNS
from newsgraph.extract.events.actors import TOKEN_RE, Chunk, find_chunks, resolve_chunk
from newsgraph.extract.events.contexts import contexts_for
from newsgraph.extract.events.dates import find_dates, may_hold_date, pick_date
from newsgraph.extract.events.inflect import IRREGULAR
from newsgraph.extract.events.lexicon import (
    HEAD_RE,
    NEEDS_RECIPIENT,
    TRIGGERS,
    VERB_HEADS,
    Trigger,
)
from newsgraph.kb import KnowledgeBase
from newsgraph.model import Article, EntityType, Event, Mention, Quote, QuoteKind, Span


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


_BOUNDARY = _set(
    "but while whereas although though because after before when since as which who whom where"
    " that if unless ; : — – ( ) until whether so whose"
)
_SPEECH = _set(
    "said says say told tells added adds stated announced noted insisted claimed stressed"
    " according wrote writes explained argued suggested believes believed thinks"
)
_PREP = _set(
    "of in at with to from for on by about against near over under after into between during"
    " than like including via through amid despite across around inside outside within among"
    " toward towards upon beyond"
)
_RIGHT_OK = _set("with to against on for of into toward towards upon between at")
_PLACE_PREP = _set("in at near from inside outside across around throughout within")
_NEG = _set(
    "not n't 't n’t ’t never no neither nor without cannot didn don doesn won can couldn wouldn"
    " isn aren wasn weren hasn haven hadn shouldn"
)
# Verbs that make a noun an act that happened: "held talks", "launched an attack".
_LIGHT = _set(
    "hold holds held holding launch launched launches launching carry carried carries carrying"
    " conduct conducted conducts conducting stage staged stages staging begin began begun begins"
    " start started starts starting complete completed make made makes making"
    " join joined joins resume resumed resumes continue continued continues open opened opens"
    " announce announced announces order ordered orders approve approved approves lead led leads"
    " mount mounted mounts unleash unleashed intensify intensified intensifies step stepped"
    " escalate escalated renew renewed impose imposed imposes took take takes taking"
    " agree agreed agrees sign signed signs end ended ends halt halted consider considers"
    " considering considered propose proposed proposes seek seeks sought offer offered offers"
    " outline outlined outlines unveil unveiled unveils prepare prepared prepares draft drafted"
)
_HYPO = _set("would could might may should if unless prepared ready willing possibly consider"
             " considering considers could")  # fmt: skip
_FUT = _set("will 'll shall plans plan planned planning intends intend intended going set"
            " expected due scheduled aims aim")  # fmt: skip
_BE = _set("was were been being is are be got gets")
_ADVERB_OK = _set("also reportedly allegedly already then later now just recently once again")
_CONDITIONAL = _set("if unless event")
_RELATIVE_PRONOUNS = _set("who which")
_SUBORDINATORS = _set(
    "since after before when while although though because as if unless until whereas once"
)
_DETERMINERS = _set("a an the this that these those its their his her our my your any every")
# Before a verb form, these show it is used as a noun or a participle of another clause.
_VERB_OK_BEFORE = _BE | _set(
    "and or not n't 't also , to has have had will would could should might may can must did"
    " does do never already reportedly allegedly jointly then later again ( \" “ ” '"
)
_COMPLEMENT = _set("to for of from by")
_RELATIVE = _set(
    "who which that whom whose then later jointly together recently also yesterday today"
    " tonight overnight earlier meanwhile monday tuesday wednesday thursday friday saturday"
    " sunday week month year weekend"
)
_CYBER = _set("hackers hacker cyberattack cyberattacks websites website servers networks")
_TENTATIVE = _set("if could prepared ready willing might")
_PHONE = _set("phone telephone videoconference video")
_IRREGULAR_PAST = frozenset(form for forms in IRREGULAR.values() for form in forms)
_INSTRUMENTS = frozenset({"military", "police"})
_MOVES_FORCES = frozenset({"AID", "MOBILIZE", "RETREAT", "COOPERATE", "SANCTION"})
# Forces and weapons moved, sent or fired are what an act uses, not whom it is directed at.
_INSTRUMENT_WORDS = _set(
    "troops soldiers forces missiles missile drones drone rockets warships tanks bombers jets"
    " warplanes artillery marines paratroopers delegation delegations mission missions"
)
_WEAPON_WORDS = _set(
    "missiles missile drones drone rockets warships tanks bombers jets warplanes artillery"
)
_ENVOY_WORDS = _set("delegation delegations mission missions")
_REFLEXIVE = ("its ", "their ", "his ", "her ", "our ")
_OBJECT_TYPES = frozenset({"COERCE", "ASSAULT", "SANCTION", "REQUEST"})
_GENERIC = _set(
    "people persons others more dozens hundreds thousands millions some many several all"
    " one two three four five six seven eight nine ten"
)
_QUANTIFIERS = _set("more than at least about around nearly some over almost up to")
_NP_STOP = (
    _PREP
    | _BOUNDARY
    | _SPEECH
    | _set(
        "and or to , . ; : ! ? who which that whose after before over amid as",
    )
)
_CONFLICT = frozenset({"ASSAULT", "COERCE", "SANCTION", "MOBILIZE", "THREATEN", "PROTEST"})
_SYMMETRIC = frozenset({"CONSULT", "AGREE", "COOPERATE"})
_YIELD_WORDS = _set(
    "release freeing free ceasefire truce withdraw withdrawal withdrawing lift lifting end ending"
    " halt stop pull return hand"
)
_MEET_WORDS = _set("talks negotiations meeting meet summit dialogue negotiate")
# Refusing these is declining to talk, not rejecting anything: "declined to comment".
_COMMENT_VERBS = _set(
    "comment elaborate confirm disclose say respond answer give speak reveal identify name"
    " specify discuss be provide"
)
_ASSIST_WORDS = _set("help aid assistance weapons arms support funding supplies ammunition")
_FORCE_WORDS = _set(
    "force weapons nuclear military retaliate retaliation respond response consequences punish"
    " strike strikes attack war"
)
_REFRAIN = _set("refrain refrains refrained refraining abstain abstains abstained abstaining")
_SCORE_RE = re.compile(r"(?<![\d.])\d{1,2}[-–]\d{1,2}(?!\d|\.\d)")
_TROOP_WORDS = _set(
    "troops soldiers forces marines paratroopers reinforcements warships battalions units"
)
_TERRITORY_WORDS = _set("annex seize occupy capture take")
_OBJECT_PRONOUNS = _set("them him her it")
_RELATION_WORDS = _set("ties relations talks embassy diplomatic")


@dataclass(slots=True)
class _Found:
    trig: Trigger
    first: int  # token index of the head
    last: int  # token index of the last token of the phrase
    end: int  # char end of the phrase


@dataclass(frozen=True, slots=True)
class _Party:
    text: str
    span: Span
    actor_id: str | None
    country: str | None
    sector: str

    @property
    def key(self) -> str:
        return self.actor_id or self.country or self.text.lower()


_SPAN = re.Match.span
_START = attrgetter("span.start")
_PERSON = EntityType.PERSON
_INDIRECT = QuoteKind.INDIRECT


def _party(c: Chunk) -> _Party:
    return _Party(c.text, c.span, c.actor_id, c.country, c.sector)


def _trigger_offsets(
    text: str, bounds: tuple[int, int], low: str | None = None
) -> list[int] | None:
    """Offsets in ``text[bounds[0]:bounds[1]]`` where a trigger phrase (head and any tail it
    needs) starts, found in one pass over ``low`` (``text`` lower-cased); None when case
    folding moved offsets (rare letters)."""
    lo, hi = bounds
    if low is None:
        low = text.lower()
    if len(low) != len(text):
        return None
    out: list[int] = []
    for m in HEAD_RE.finditer(low, lo, hi):
        word = m.group()
        tails = _TAILS.get(word)
        if tails is not None and tails.match(low, m.end()) is None:
            continue
        at = m.start()
        after_det = _AFTER_DETERMINER.get(word, _ANY)
        if (
            after_det is not _ANY
            and at > 1
            and low[at - 1] == " "
            and low[low.rfind(" ", 0, at - 1) + 1 : at - 1] in _DETERMINERS
            and (after_det is None or after_det.match(low, m.end()) is None)
        ):
            continue  # "the meeting" (not "the meeting with"): after a determiner, no act
        out.append(at)
    return out


# Head words with a passive-only reading ("was sent to"): in the passive, only that one.
_PASSIVE_HEADS = frozenset(k for k, v in TRIGGERS.items() if any(t.passive_only for t in v))

# Head words that are only verb forms: after a determiner they are nouns and trigger nothing.
_VERB_ONLY = frozenset(
    k for k, v in TRIGGERS.items() if all(t.verbal_head and not t.nominal for t in v)
)


def _with_triggers(
    sentences: tuple[Span, ...], offsets: list[int] | None
) -> Iterator[tuple[Span, int]]:
    """The sentences holding a trigger offset, each with the index of its first offset (all
    sentences, index 0, when offsets are unknown)."""
    if offsets is None:
        yield from ((sent, 0) for sent in sentences)
        return
    starts = [sent.start for sent in sentences]
    at = 0
    n = len(offsets)
    while at < n:
        k = bisect_right(starts, offsets[at]) - 1
        sent = sentences[k]
        if k >= 0 and offsets[at] < sent.end:
            yield sent, at
        # the first offset past this sentence
        at = bisect_left(offsets, sent.end if k >= 0 else starts[0], at + 1)


# Head words whose noun readings all need a tail ("meeting with", "visit to"), the others being
# verb forms: after a determiner, only those tails can make them a trigger (see _triggers).
_NOUN_TAILS = {
    k: re.compile("|".join(f"(?:{t.tail.pattern})" for t in v if t.nominal), re.IGNORECASE)
    for k, v in TRIGGERS.items()
    if any(t.nominal for t in v)
    and all((t.nominal and t.tail is not None) or (t.verbal_head and not t.nominal) for t in v)
}

# What may follow a head word after a determiner: nothing (a verb form only), or a noun tail.
_AFTER_DETERMINER: dict[str, re.Pattern[str] | None] = {
    **dict.fromkeys(_VERB_ONLY),
    **_NOUN_TAILS,
}
_ANY = re.compile("")  # (a head word that a determiner does not rule out)

# For head words that are a trigger only with a tail ("talks with", "under ... pressure"): all
# their tails as one pattern.
_TAILS = {
    k: re.compile("|".join(f"(?:{t.tail.pattern})" for t in v if t.tail), re.IGNORECASE)
    for k, v in TRIGGERS.items()
    if all(t.tail is not None for t in v)
}


class EventExtractor:
    """Finds events in a document's sentences; holds only read-only resources (the KB)."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    # ------------------------------------------------------------------ article level

    def extract(
        self,
        article: Article,
        sentences: tuple[Span, ...],
        mentions: tuple[Mention, ...],
        quotes: tuple[Quote, ...],
    ) -> tuple[Event, ...]:
        text = article.text
        published = article.published
        if not sentences:
            return ()
        # Most sentences hold no trigger: find them on characters before tokenising any.
        low_text = text.lower()
        offsets = _trigger_offsets(text, (sentences[0].start, sentences[-1].end), low_text)
        if offsets is not None and not offsets:
            return ()
        cache: dict[str, tuple[str | None, str | None, str]] = {}
        quoted = [q for q in quotes if q.kind is not QuoteKind.SCARE]
        out: list[Event] = []
        ordered = sorted(mentions, key=_START)
        starts = list(map(_START, ordered))
        persons = [m for m in ordered if m.type is _PERSON]
        person_starts = list(map(_START, persons))
        for sent, at in _with_triggers(sentences, offsets):
            base = sent.start
            tokens = list(map(_SPAN, TOKEN_RE.finditer(text, base, sent.end)))
            if offsets is None:
                lows = [text[s0:e0].lower() for s0, e0 in tokens]
                heads: Iterable[int] = range(len(tokens))
            else:
                lows = [low_text[s0:e0] for s0, e0 in tokens]
                upto = bisect_left(offsets, sent.end, at)
                heads = [bisect_left(tokens, (o,)) for o in offsets[at:upto]]
            sm = ordered[bisect_left(starts, base) : bisect_left(starts, sent.end)]
            found = self._triggers(text, tokens, lows, heads, sm)
            if not found:
                continue
            verbs = [f.first for f in found if f.trig.verbal_head]
            chunks = find_chunks(text, tokens, sm, self.kb, published, cache, lows, verbs)
            p = bisect_left(person_starts, base) - 1
            last_person = persons[p] if p >= 0 else None
            out.extend(
                self._sentence(
                    text,
                    sent,
                    tokens,
                    lows,
                    found,
                    chunks,
                    quoted,
                    published,
                    cache,
                    lambda m=last_person: self._person(m, published, cache),
                )
            )
        return tuple(out)

    def _person(
        self,
        m: Mention | None,
        published: dt.date | None,
        cache: dict[str, tuple[str | None, str | None, str]],
    ) -> _Party | None:
        """The last person named before a sentence, for "he"/"she" in it."""
        if m is None:
            return None
        name = m.canonical or m.text
        hit = cache.get(name)
        if hit is None:
            actor = self.kb.resolve(name, published)
            hit = (actor.id, actor.country, actor.sector) if actor else (None, None, "")
            cache[name] = hit
        return _Party(name, m.span, m.actor_id or hit[0], hit[1], hit[2])

    # ------------------------------------------------------------------ triggers

    def _triggers(
        self,
        text: str,
        tokens: list[tuple[int, int]],
        lows: list[str],
        heads: Iterable[int],
        mentions: list[Mention],
    ) -> list[_Found]:
        """The trigger phrases starting at the token indexes ``heads``, left to right, with what
        can be decided before chunking: a verb form read as a noun ("the meeting", "Russia's
        press") becomes the noun's trigger or none; a capitalised word inside a name
        ("International Monetary Fund") and a passive with no "by" agent trigger nothing."""
        found: list[_Found] = []
        i = 0
        n = len(tokens)
        mention_ends = {m.span.end for m in mentions}
        for i0 in heads:
            if i0 < i or i0 >= n:
                continue
            i = i0
            cands = TRIGGERS.get(lows[i])
            if cands is None:
                i += 1
                continue
            s, e = tokens[i]
            if (s > 0 and text[s - 1] == "-") or (  # "Russian-backed", "US-led"
                text[s].isupper() and any(m.span.start <= s and e <= m.span.end for m in mentions)
            ):
                i += 1
                continue
            hit: _Found | None = None
            if lows[i] in _PASSIVE_HEADS:
                # "aid was delivered to X by Y": the passive reading first, else none of it
                pas = _passive(lows, i, None)
                cands = tuple(t for t in cands if t.passive_only) if pas else cands
            for trig in cands:
                if trig.passive_only and not _passive(lows, i, None):
                    continue
                if trig.tail is None:
                    hit = _Found(trig, i, i, e)
                    break
                m = trig.tail.match(text, e)
                if m is not None:
                    end = m.end()
                    last = i
                    while last + 1 < n and tokens[last + 1][1] <= end:
                        last += 1
                    hit = _Found(trig, i, last, end)
                    break
            if (
                hit is not None
                and hit.trig.verbal_head
                and lows[i].endswith("s")
                and i + 1 < n
                and lows[i + 1] in ("were", "are", "have")
            ):
                hit = None  # "medical supplies were sent": a plural noun before its verb
            if hit is not None and hit.trig.verbal_head and not hit.trig.nominal:
                if i > 0 and (
                    lows[i - 1] in _DETERMINERS
                    or (not hit.trig.governs and _noun_after(text, tokens, lows, i, mention_ends))
                ):
                    hit = _nominal_alternative(text, tokens, hit)  # "the meeting", "a visit"
                elif (
                    hit.trig.type == "CONSULT"
                    and hit.trig.phrase.startswith("call~")
                    and _PHONE.isdisjoint(lows)
                ):
                    hit = None  # "called the accident a tragedy": naming, not phoning
            if (
                hit is not None
                and (hit.trig.nominal or hit.trig.swap)
                and not (found and (found[-1].trig.governs or found[-1].trig.mode == "deny"))
                and _idle_noun(text, tokens, lows, hit)
            ):
                hit = None  # (what a governing verb governs stays: "refused to return to talks")
            if (
                hit is not None
                and not hit.trig.nominal
                and not hit.trig.governs
                and not (found and (found[-1].trig.governs or found[-1].trig.mode == "deny"))
                and "by" not in lows[i + 1 :]
                and _passive(lows, i, None)
            ):
                hit = None  # "the issue was discussed": no agent, no actor (see _by_agent)
            if hit is None:
                i += 1
                continue
            found.append(hit)
            i = hit.last + 1 if not hit.trig.governs else i + 1
        return found

    # ------------------------------------------------------------------ sentence level

    def _sentence(
        self,
        text: str,
        sent: Span,
        tokens: list[tuple[int, int]],
        lows: list[str],
        found: list[_Found],
        chunks: list[Chunk],
        quotes: list[Quote],
        published: dt.date | None,
        cache: dict[str, tuple[str | None, str | None, str]],
        last_person: Callable[[], _Party | None],
    ) -> list[Event]:
        events: list[Event] = []
        last_actor: tuple[int, _Party] | None = None  # the previous event's trigger and actor
        last_recipient: _Party | None = None
        seen: set[tuple[str, str, bool]] = set()
        kb = self.kb

        def res(c: Chunk) -> Chunk:
            return resolve_chunk(c, kb, cache, published)

        consumed: set[int] = set()
        chunk_end = {c.last for c in chunks if not c.adjectival}  # "Israeli airstrikes": a noun
        stext = sent.of(text)
        dated: list = []  # the sentence's dates and contexts, found for its first event
        conditional = not _CONDITIONAL.isdisjoint(lows) and (
            "if" in lows or "unless" in lows or "event of" in stext.lower()
        )
        reported = not _SPEECH.isdisjoint(lows)
        for idx, f in enumerate(found):
            if idx in consumed:
                continue
            trig = f.trig
            etype, mode = trig.type, trig.mode
            inner: _Found | None = None
            quote = _quote_at(quotes, tokens[f.first][0])
            start = _clause_start(lows, f.first)
            if quote is not None:
                start = max(start, _token_at(tokens, quote.span.start))
            if trig.nominal and idx > 0 and _same_clause(lows, found[idx - 1], f, start):
                continue  # the object of the act before it: "rejected calls for talks"
            if trig.governs or (etype == "REJECT" and mode == "deny"):
                inner_idx = self._inner(found, idx, lows, tokens)
                if inner_idx is not None:
                    inner = found[inner_idx]
                    consumed.add(inner_idx)
                decided = _govern(trig, inner, lows, f)
                if decided is None:
                    continue
                etype, mode = decided
            if (
                trig.verbal_head
                and not trig.nominal
                and (
                    not _verb_reading(lows, f.first, chunk_end)
                    or (  # "a missile strike by the army": a present form before "by" is a noun
                        lows[f.last + 1 : f.last + 2] == ["by"]
                        and not lows[f.first].endswith("ed")
                        and lows[f.first] not in _IRREGULAR_PAST
                    )
                )
            ):
                # "a state visit", "anti-war protests": a noun, which may name an act itself
                alt = _nominal_alternative(text, tokens, f)
                if alt is None:
                    continue
                f = alt
                trig, etype, mode = alt.trig, alt.trig.type, alt.trig.mode
                if idx > 0 and _same_clause(lows, found[idx - 1], f, start):
                    continue
            if (
                not trig.governs
                and f.first > 0
                and lows[f.first - 1] in _COMPLEMENT
                and idx > 0
                and _same_clause(lows, found[idx - 1], f, start)
                and not (etype == "PROTEST" and lows[f.first - 1] == "to")
            ):
                continue  # "sanctioned firms for supplying drones", "talks to restore ties"
                # (but "occupied buildings to protest the war": the act was a protest)
            if (
                etype == "REQUEST"
                and lows[f.first - 1 : f.first] == ["to"]
                and idx > 0
                and found[idx - 1].trig.type == "PROTEST"
                and _same_clause(lows, found[idx - 1], f, start)
            ):
                continue  # "marched to demand higher pay": what the protest demands
            if (
                etype == "REQUEST"
                and lows[f.first - 1 : f.first] == [","]
                and lows[f.first].endswith("ing")
                and any(g.trig.type == "PROTEST" for g in found[:idx])
            ):
                continue  # "blocked roads, demanding his resignation": the protest's demand
            if (
                etype in _SYMMETRIC
                and lows[f.first - 1 : f.first] == ["to"]
                and any(g.trig.type == etype for g in found[:idx])
            ):
                continue  # "met X ... to discuss Y": the meeting's purpose, not a second one
            if start > 0 and lows[start - 1] in ("if", "unless"):
                continue  # the condition of another event, not an event reported
            subj = _subject(chunks, lows, start, f.first)
            obj: Chunk | None = None
            if trig.nominal:
                subj, obj, how = _nominal_parties(chunks, lows, start, f.first, subj)
                if how == "clause" and _LIGHT.isdisjoint(lows[start : f.first]):
                    continue  # a noun mentioned, not an act reported: "a timetable for talks"
            passive = not trig.nominal and _passive(lows, f.first, subj)
            right_from = f.first + 1 if inner is None else inner.first + 1
            if etype == "REQUEST" and inner is not None:
                right_from = f.first + 1
            inside = inner.last if inner is not None else f.last
            places = mode == "visit" or passive or etype == "ASSAULT"
            gap_np: _Party | None = None
            if (
                "..." in trig.phrase
                and _wants_object(etype, mode)
                and inner is None
                and not trig.swap
            ):
                inside_chunk = _recipient(chunks, lows, f.first + 1, places, f.last, etype)
                if inside_chunk is not None and inside_chunk.last <= f.last:
                    obj = obj or inside_chunk
                else:
                    gap_np = _noun_phrase(text, tokens, lows, f.first + 1, etype)
            if etype == "REQUEST":
                recip_chunk = _object(chunks, lows, f.last + 1)
                if recip_chunk is None and inner is None:
                    recip_chunk = _to_party(chunks, lows, f.last + 1, "from")  # "sought help from"
            elif gap_np is not None and obj is None:
                recip_chunk = None
            else:
                recip_chunk = obj or _recipient(
                    chunks, lows, right_from, places, inside, etype, lenient=trig.swap
                )
            if inner is not None and recip_chunk is None and etype != "REQUEST":
                recip_chunk = _recipient(chunks, lows, f.first + 1, False, f.last, etype)
            if (
                etype == "REJECT"
                and trig.governs
                and (inner is None or inner.trig.mode == "release")
            ):  # "refused to release (pardon) the president": no party refused, no captive
                recip_chunk = None
            elif mode == "deny" and "".join(lows[f.last + 1 : f.last + 2]).endswith("ing"):
                recip_chunk = None  # "denied supporting the rebels": the act denied, no party
            elif trig.phrase.startswith(("extradite~", "hand~ over")):
                recip_chunk = _to_party(chunks, lows, f.last + 1)  # the person handed over: none
            elif recip_chunk is not None and recip_chunk.common is not None:
                recip_chunk = _apposed_name(chunks, lows, recip_chunk) or recip_chunk
            actor: _Party | None = None
            recipient: _Party | None = None
            by_agent = _by_agent(chunks, lows, f.first + 1) if passive else None
            if passive:
                actor = _party(res(by_agent)) if by_agent is not None else None
                recipient = _party(res(subj)) if subj is not None and subj.pronoun is None else None
                if subj is None and _wants_object(etype, mode):
                    recipient = _noun_phrase_before(text, tokens, lows, start, f.first)
                if trig.passive_only:  # "aid was sent to X by Y": X, never the thing sent
                    moved = recip_chunk is not by_agent and recip_chunk is not None
                    recipient = _party(res(recip_chunk)) if moved else None
                    if not _TROOP_WORDS.isdisjoint(lows[start : f.first]):
                        etype, mode = "MOBILIZE", "troops"  # "troops were sent to the border"
                if trig.swap and actor is not None and recipient is not None:
                    actor, recipient = recipient, actor  # "X was hosted by Y": X visits Y
            else:
                speaker = _speaker_before(chunks, lows, start) if subj is not None else None
                if subj is None or (not subj.named and subj.pronoun is None):
                    subj = _author_of(chunks, lows, subj, start, f.first) or subj
                actor = self._who(subj, quote, last_person, published, cache, speaker, res)
                if subj is not None and actor is not None and actor.country is None:
                    actor = _owned_by(actor, subj, chunks, speaker, res)
                elif quote is not None and actor is not None and quote.kind is not _INDIRECT:
                    actor = self._voice(actor, quote, published, cache)
                if trig.swap and etype == "AID":
                    recip_chunk = _object(chunks, lows, f.last + 1)  # "a loan from the IMF"
                recipient = _party(res(recip_chunk)) if recip_chunk is not None else gap_np
                if recipient is None and _wants_object(etype, mode) and not trig.swap:
                    np_from = f.first + 1 if "..." in trig.phrase else f.last + 1
                    recipient = _noun_phrase(text, tokens, lows, np_from, etype)
                if recipient is None and etype == "AID":
                    to = _to_party(chunks, lows, f.last + 1)
                    recipient = _party(res(to)) if to is not None else None
                elif recipient is None and _owner_first(etype, lows, f.last):
                    of = _to_party(chunks, lows, f.last + 1, "of", 4)
                    recipient = _party(res(of)) if of is not None else None
                elif recipient is None and _traded(etype, lows, inside):
                    frm = _to_party(chunks, lows, inside + 1, "from", 12)
                    recipient = _party(res(frm)) if frm is not None else None
                if trig.swap:
                    if recipient is None:
                        continue  # "has been under pressure", "hosted a dinner": no agent named
                    actor, recipient = recipient, actor
            partner = _conjunct(chunks, lows, subj) if subj is not None and not passive else None
            co_actor: _Party | None = None
            if partner is not None:
                if trig.phrase.startswith(_RECIPROCAL) and not trig.nominal:
                    recipient = None  # "X and Y clashed near Z": each other, not the place
                if recipient is None and etype in _SYMMETRIC | {"ASSAULT", "SUPPORT"}:
                    actor, recipient = _party(res(partner)), _party(res(subj))
                elif actor is not None and subj is not None and actor.span == subj.span:
                    actor = _party(res(partner))
                    if recipient is not None and etype not in _SYMMETRIC:
                        co_actor = _party(res(subj))  # "Britain and Canada sanctioned": both
            coordinated = ""  # a second act of the same kind keeps its own recipient
            if (
                not passive
                and last_actor is not None
                and lows[f.first - 1] == "and"
                and subj is not None
                and subj.first > last_actor[0]
            ):
                actor = last_actor[1]  # "X expelled the envoy and cut ties": X cut them
                coordinated = recipient.key if recipient is not None else ""
            elif (
                not passive
                and last_actor is not None
                and lows[f.first - 1] == ","
                and lows[f.first].endswith("ing")
                and (subj is None or subj.first > last_actor[0])
            ):
                # "X expelled three diplomats, accusing them of ...": X accuses, and "them"
                # are the diplomats (a participle clause shares the main clause's subject)
                actor = last_actor[1]
                if recipient is not None and recipient.text.lower() in _OBJECT_PRONOUNS:
                    recipient = last_recipient
            if actor is None:
                continue
            if recipient is not None and recipient.key == actor.key:
                recipient = None
            neg, hypo, fut = _modality(lows, subj, f.first, start, reported)
            if etype == "RETREAT" and fut and not hypo and not neg and mode != "release":
                etype, mode = "CONCEDE", ""  # PLOVER: an announced future retreat concedes
            if conditional and etype in _CONFLICT - {"THREATEN", "PROTEST"} and not neg:
                mode = _threat_mode(etype, mode, lows, f)
                etype, hypo = "THREATEN", True
            if trig.phrase.startswith("call~") and etype == "CONSULT" and not _phone(lows):
                continue  # "called the accident a big problem": naming, not phoning
            if mode == "beat" and _SCORE_RE.search(stext):
                continue  # "Madrid beat Valencia 3-1": a match result
            if (
                etype == "ASSAULT"
                and trig.phrase.startswith("strike~")
                and actor.sector == "civil society"
                and recipient is None
            ):
                etype, mode = "PROTEST", "strike"  # "teachers will strike next week"
            if etype == "ASSAULT" and not _CYBER.isdisjoint(lows):
                etype, mode = "COERCE", "cyber"
            if etype == "ASSAULT" and trig.phrase == "occupy~" and actor.sector == "civil society":
                etype, mode = "PROTEST", "obstruct"  # students occupying a campus protest
                recipient = None  # (the place occupied is nobody)
            if etype == "CONSULT" and mode == "" and _phone(lows):
                mode = "phone"
            conf = 0.75
            if trig.nominal:
                conf -= 0.1
            if etype in NEEDS_RECIPIENT and recipient is None:
                conf -= 0.2
            if quote is not None and subj is None:
                conf -= 0.1
            trigger_span = Span(tokens[f.first][0], f.end)
            if not dated:
                dated.append(find_dates(stext, published) if may_hold_date(lows, stext) else [])
                dated.append(contexts_for(lows))
            date, date_text = pick_date(
                dated[0],
                published,
                tokens[f.first][0] - sent.start,
                tokens[start][0] - sent.start,
                fut and not neg,
            )
            last_actor = (f.first, actor)
            last_recipient = recipient
            for who in (actor, co_actor):
                if who is None:
                    continue
                key = (etype, who.key + coordinated, neg)
                if key in seen:
                    continue  # one event of a kind per actor and sentence: the first, most specific
                seen.add(key)
                unknown = who.actor_id is None and who.country is None
                events.append(
                    Event(
                        type=etype,
                        mode=mode,
                        trigger=trigger_span,
                        sentence=sent,
                        actor_text=who.text,
                        actor_span=who.span,
                        actor_id=who.actor_id,
                        actor_country=who.country,
                        actor_sector=who.sector,
                        recipient_text=recipient.text if recipient else None,
                        recipient_span=recipient.span if recipient else None,
                        recipient_id=recipient.actor_id if recipient else None,
                        recipient_country=recipient.country if recipient else None,
                        recipient_sector=recipient.sector if recipient else "",
                        contexts=dated[1],
                        quote=quote.span if quote is not None else None,
                        date=date,
                        date_text=date_text,
                        negated=neg,
                        hypothetical=hypo and not neg,
                        future=fut and not neg,
                        confidence=round(max(conf - 0.15 * unknown, 0.1), 2),
                        evidence=f"{trig.type}:{trig.phrase}" + (" passive" if passive else ""),
                    )
                )
        return events

    def _inner(
        self, found: list[_Found], idx: int, lows: list[str], tokens: list[tuple[int, int]]
    ) -> int | None:
        """The trigger a governing verb governs: the next one within a few words, same clause."""
        f = found[idx]
        for j in range(idx + 1, len(found)):
            g = found[j]
            if g.first - f.last > 8:
                return None
            if any(lows[k] in _BOUNDARY for k in range(f.last + 1, g.first)):
                return None
            return j
        return None

    def _who(
        self,
        subj: Chunk | None,
        quote: Quote | None,
        last_person: Callable[[], _Party | None],
        published: dt.date | None,
        cache: dict[str, tuple[str | None, str | None, str]],
        speaker: Chunk | None = None,
        res: Callable[[Chunk], Chunk] = lambda c: c,
    ) -> _Party | None:
        """The actor: the subject chunk, with pronouns resolved (we/I → the quote's speaker,
        a pronoun after "X said" → X, he/she → the last person named); with no subject inside
        a quotation, its speaker."""
        if subj is not None and subj.pronoun is None:
            return _party(res(subj))
        pron = subj.pronoun if subj is not None else None
        if pron is not None and speaker is not None and speaker.pronoun is None:
            return _party(res(speaker))
        if quote is not None and pron in ("we", "i"):
            return self._speaker(quote, published, cache)
        if pron in ("he", "she"):
            if quote is not None and quote.kind is QuoteKind.INDIRECT:
                sp = self._speaker(quote, published, cache)
                if sp is not None:
                    return sp
            return last_person()
        return None

    def _voice(
        self,
        actor: _Party,
        quote: Quote,
        published: dt.date | None,
        cache: dict[str, tuple[str | None, str | None, str]],
    ) -> _Party:
        """ "France stands with X," Macron said: a state named in its own leader's quotation
        speaks through that speaker, who is the actor."""
        if actor.actor_id != f"state-{actor.country}":
            return actor
        sp = self._speaker(quote, published, cache)
        return sp if sp is not None and sp.country == actor.country else actor

    def _speaker(
        self,
        quote: Quote,
        published: dt.date | None,
        cache: dict[str, tuple[str | None, str | None, str]],
    ) -> _Party | None:
        name = quote.speaker or quote.speaker_text
        if not name or quote.speaker_span is None:
            return None
        hit = cache.get(name)
        if hit is None:
            actor = self.kb.resolve(name, published)
            hit = (actor.id, actor.country, actor.sector) if actor else (None, None, "")
            cache[name] = hit
        actor_id = quote.speaker_actor_id or hit[0]
        return _Party(name, quote.speaker_span, actor_id, hit[1], hit[2])


# ---------------------------------------------------------------------- clause helpers


def _token_at(tokens: list[tuple[int, int]], pos: int) -> int:
    for i, (s, _e) in enumerate(tokens):
        if s >= pos:
            return i
    return len(tokens)


def _quote_at(quotes: list[Quote], pos: int) -> Quote | None:
    for q in quotes:
        if q.span.start <= pos < q.span.end:
            return q
    return None


def _clause_start(lows: list[str], head: int) -> int:
    """First token of the clause holding token ``head`` (scanning left to a boundary). A
    relative clause closed by a comma before the trigger is stepped over ("Zelensky, who met
    Biden on Tuesday, urged ..."); a fronted subordinate clause ends at its comma ("Since the
    invasion, Western countries have imposed ...")."""
    for k in range(head - 1, -1, -1):
        w = lows[k]
        if w in _RELATIVE_PRONOUNS and "," in lows[k + 1 : head]:
            continue
        if w in _BOUNDARY or w in _SPEECH:
            return k + 1
        if w == "and" and k > 0 and lows[k - 1] == ",":
            return k + 1
        if w == ",":
            j = k - 1
            while j >= 0 and lows[j] not in _BOUNDARY and lows[j] not in _SPEECH and lows[j] != ",":
                j -= 1
            if j >= 0 and lows[j] in _SUBORDINATORS:
                return k + 1
    return 0


def _relative_spans(lows: list[str], start: int, head: int) -> list[tuple[int, int]]:
    """Token ranges of relative clauses ("who ... ,") between ``start`` and ``head``."""
    spans: list[tuple[int, int]] = []
    for k in range(start, head):
        if lows[k] in _RELATIVE_PRONOUNS:
            for m in range(k + 1, head):
                if lows[m] == ",":
                    spans.append((k, m))
                    break
    return spans


def _owned_by(
    actor: _Party,
    subj: Chunk,
    chunks: list[Chunk],
    speaker: Chunk | None,
    res: Callable[[Chunk], Chunk],
) -> _Party:
    """ "Russia said its forces captured ...": "its forces" are of the country named before."""
    if subj.named or not subj.text.lower().startswith(_REFLEXIVE):
        return actor
    owner = res(speaker) if speaker is not None else None
    if owner is None:
        named = (res(c) for c in reversed(chunks) if c.last < subj.first and c.named)
        owner = next((c for c in named if c.country), None)
    if owner is None or owner.country is None:
        return actor
    return _Party(actor.text, actor.span, None, owner.country, actor.sector or owner.sector)


def _apposition_spans(
    chunks: list[Chunk], lows: list[str], start: int, head: int
) -> list[tuple[int, int]]:
    """Token ranges of appositions after a name, up to the verb: in "Antony Blinken, the US
    secretary of state, criticised ..." the subject is the name, not a chunk inside the role."""
    ends = {c.last for c in chunks if c.first >= start}
    spans: list[tuple[int, int]] = []
    for k in range(start + 1, head - 1):
        if lows[k] != "," or k - 1 not in ends or lows[k + 1] not in ("a", "an", "the"):
            continue
        for m in range(k + 2, head):
            w = lows[m]
            if w == ",":
                if all(x in _ADVERB_OK or x.endswith("ly") for x in lows[m + 1 : head]):
                    spans.append((k, m))
                break
            if w in _BOUNDARY or w in _SPEECH:
                break
    return spans


def _subject(chunks: list[Chunk], lows: list[str], start: int, head: int) -> Chunk | None:
    best: Chunk | None = None
    skip = _relative_spans(lows, start, head)
    if "," in lows[start:head]:
        skip += _apposition_spans(chunks, lows, start, head)
    for c in chunks:
        if c.last >= head:
            break
        if c.first < start or c.adjectival or (c.modifier and not c.named):
            continue
        if any(a < c.first < b for a, b in skip):
            continue
        if (
            c.first > 0
            and (
                lows[c.first - 1] in _PREP
                or (lows[c.first - 1] in _PAST_TO_PREP and _word_before(lows, c.first) in _PREP)
            )
            and not (c.last + 1 == head and _word_before(lows, c.first) in _SUBORDINATORS)
        ):
            continue  # (but "after soldiers detained ...": a clause's subject)
        best = c
    if best is None and start > 0 and lows[start - 1] in _RELATIVE_PRONOUNS:
        # "Zelensky, who met Biden ...": the relative pronoun stands for the chunk before it
        for c in chunks:
            if c.last < start - 1 and not c.adjectival and c.pronoun is None:
                best = c
        return best
    if best is None and head > 0 and lows[head - 1] == "to":
        # An infinitive's subject is its controller: "the decision of Turkish banks to stop".
        for c in chunks:
            if c.last >= head:
                break
            if c.first >= start and not c.adjectival and c.pronoun is None:
                best = c
    return best


def _nominal_alternative(text: str, tokens: list[tuple[int, int]], f: _Found) -> _Found | None:
    """The noun reading of a trigger word read as a verb first ("missile strikes on")."""
    s, e = tokens[f.first]
    for trig in TRIGGERS.get(text[s:e].lower(), ()):
        if not trig.nominal:
            continue
        m = trig.tail.match(text, e) if trig.tail is not None else None
        if trig.tail is None or m is not None:
            end = m.end() if m is not None else e
            last = f.first
            while last + 1 < len(tokens) and tokens[last + 1][1] <= end:
                last += 1
            return _Found(trig, f.first, last, end)
    return None


def _postmodified(lows: list[str], head: int, chunk_end: set[int]) -> bool:
    """ "Families of the hostages appealed": a subject with its prepositional phrase."""
    for k in range(head - 2, max(head - 5, 0), -1):
        w = lows[k]
        if w in ("of", "in", "from") and k - 1 in chunk_end:
            return True
        if not w.isalpha() or w in _BOUNDARY:
            return False
        if w in VERB_HEADS and lows[k - 1] not in _DETERMINERS:
            return False  # another verb (but "the detained sailors" is a noun phrase)
    return False


def _idle_noun(text: str, tokens: list[tuple[int, int]], lows: list[str], f: _Found) -> bool:
    """Whether an act named by a noun can have no actor, known before chunking: no verb in the
    sentence makes it happen ("held", "launched" ...), no word just before it can be its owner
    ("Russia's", "Israeli", "police"), no "between" pair follows (see :func:`_nominal_parties`),
    and "under pressure" names no one applying it."""
    i = f.first
    if f.trig.swap:
        return f.trig.type == "COERCE" and f.last == i + 1 and lows[i + 2 : i + 3] != ["from"]
    if "between" in lows[i + 1 : i + 3] or not _LIGHT.isdisjoint(lows[:i]):
        return False
    for k in range(max(i - 3, 0), i):
        w = lows[k]
        if not text[tokens[k][0]].islower() or w in _CHUNK_LAST or w in ("'s", "’s", "'", "’"):
            return False
    return True


_POSSESSIVE = _set("'s ’s")
# Lower-case words that can end an actor chunk (besides names): the verb after them is finite.
_CHUNK_LAST = _COMMON_ACTOR_NOUNS | _set("he she they we i it of")


def _noun_after(
    text: str, tokens: list[tuple[int, int]], lows: list[str], i: int, mention_ends: set[int]
) -> bool:
    """Whether an -s, -ing or base verb form at ``i`` reads as a noun whatever the chunks are
    ("local election tests"): after a lower-case word that no actor chunk can end with, no
    auxiliary, no adverb (what :func:`_verb_reading` decides, known before chunking)."""
    word = lows[i]
    if word.endswith("ed") or word in _IRREGULAR_PAST:
        return False
    prev = lows[i - 1]
    if prev in _POSSESSIVE:
        return True  # "Russia's press"
    if prev == "from" and i > 1 and lows[i - 2] in _REFRAIN:
        return False  # "refrained from attacking": a verb, the act not done
    ps, pe = tokens[i - 1]
    return (
        text[ps].islower()
        and pe not in mention_ends
        and prev not in _CHUNK_LAST
        and prev not in _VERB_OK_BEFORE
        and not prev.endswith("ly")
    )


def _verb_reading(lows: list[str], head: int, chunk_end: set[int]) -> bool:
    """Whether the word at ``head`` reads as a finite verb: not after a determiner, and an -s or
    -ing form only after a subject, an auxiliary or a conjunction."""
    if head == 0:
        return True
    prev = lows[head - 1]
    if prev in _DETERMINERS:
        return False
    if prev == "from" and head > 1 and lows[head - 2] in _REFRAIN:
        return True  # "refrained from criticising": the act not done
    word = lows[head]
    if (
        head > 1
        and lows[head - 2] in _DETERMINERS
        and head - 1 not in chunk_end
        and not word.endswith("ed")
        and word not in _IRREGULAR_PAST
    ):
        return False  # "this cowardly attack", "the deadly strikes" (but "a man attacked")
    if word.endswith("ed") and head - 1 not in chunk_end and prev.isalpha():
        # "a man convicted of ...": a participle after a plain noun, not a finite verb
        return (
            _postmodified(lows, head, chunk_end)
            or prev in _VERB_OK_BEFORE
            or prev in _RELATIVE
            or prev.endswith("ly")
            or not (prev not in _PREP and prev not in _BOUNDARY and prev not in _SPEECH)
        )
    if not word.endswith("ed") and word not in _IRREGULAR_PAST:
        return head - 1 in chunk_end or prev in _VERB_OK_BEFORE or prev.endswith("ly")
    return True


def _speaker_before(chunks: list[Chunk], lows: list[str], start: int) -> Chunk | None:
    """In "Iran said it would ...", the chunk before the speech verb that opens the clause."""
    if start == 0 or (lows[start - 1] not in _SPEECH and lows[start - 1] != "that"):
        return None
    best = None
    for c in chunks:
        if c.last < start - 1 and (best is None or c.first == 0 or lows[c.first - 1] not in _PREP):
            best = c  # "Police in Kashmir said they ...": the police, not the place
    return best


def _object(chunks: list[Chunk], lows: list[str], start: int) -> Chunk | None:
    """The chunk right after a verb ("urged Western allies to", "called on both sides")."""
    for c in chunks:
        if (
            start <= c.first <= start + 2
            and c.pronoun is None
            and all(w in _DETERMINERS or w in ("on", "upon") for w in lows[start : c.first])
        ):
            return c
    return None


_PERSON_NOUNS = _set(
    "man men woman women child children person persons suspect suspects side sides citizen"
    " citizens national nationals official officials student students family families group"
    " groups party parties company companies firm firms bank banks organisation organisations"
    " organization organizations agency agencies union unions government governments president"
    " minister deputy lawmakers candidate candidates priest bishop civilians civilian crew"
    " staff tourist tourists villagers residents soldiers prisoners detainees hostages"
    " journalists journalist women girls boys alliance bloc coalition council committee"
    " commission assembly league federation movement network ministry department authority"
    " authorities institution institutions diplomat diplomats envoy envoys spy spies judge"
    " chief king queen prince cleric imam rabbi monk nun head heads leader leaders"
    " representative representatives"
)
_PERSON_SUFFIXES = (
    "ist", "ists", "er", "ers", "ian", "ians", "ant", "ants", "ee", "ees", "or", "ors", "at", "ats",
)  # fmt: skip
_NOT_PERSON_ER = _set(
    "number numbers water border borders order orders power powers matter matters paper papers"
    " letter letters center centers centre centres member cancer summer winter chamber ever"
    " never other others together however further computer computers headquarters waters"
    " barrier barriers corner layer layers filter register quarter quarters offer offers"
    " floor floors door doors factor factors sector sectors corridor corridors error errors"
    " motor mirror terror horror honour honor major minor colour color labour labor vendor"
    " threat threats boat boats seat seats format flat heat combat tanker tankers container"
    " containers carrier carriers"
)


def _personish(head: str) -> bool:
    """Whether a noun names people or a body of them: the only plain objects kept as
    recipients ("arrested two journalists", not "raided the home")."""
    if head in _INSTRUMENT_WORDS or head in _NOT_PERSON_ER:
        return False
    if head in _PERSON_NOUNS or head in _COMMON_ACTOR_NOUNS:
        return True
    return head.endswith(_PERSON_SUFFIXES)


def _wants_object(etype: str, mode: str) -> bool:
    return etype in _OBJECT_TYPES or (etype == "ACCUSE" and mode == "allege")


def _noun_phrase(
    text: str, tokens: list[tuple[int, int]], lows: list[str], start: int, etype: str
) -> _Party | None:
    """A plain noun phrase object when no named actor is there: "arrested two journalists"."""
    n = len(lows)
    k = start
    if etype == "ASSAULT" and k < n and lows[k] in ("at", "on", "against"):
        k += 1
    while k < n and lows[k] in _QUANTIFIERS and (lows[k] != "to" or lows[k - 1] == "up"):
        k += 1  # "up to 30 people" (but "to disperse the protesters" is a purpose)
    first = k
    if k < n and lows[k] in ("its", "their", "his", "her", "our"):
        return None  # its own troops, their participation
    while k < n and k - first < 6 and lows[k] not in _NP_STOP:
        if not (lows[k].isalnum() or "-" in lows[k]) or (k > first and lows[k].endswith("ed")):
            break
        k += 1
    if k == first:
        return None
    last = k - 1
    head = lows[last]
    if (
        not head.isalpha()
        or head in _DETERMINERS
        or head in _GENERIC
        or head in TRIGGERS
        or (text[tokens[last][0]].isupper() and last == first)
        or not (
            _personish(head)
            or _accused(etype, lows, k)
            or (etype == "ASSAULT" and text[tokens[first][0]].isupper())  # "Russian positions"
        )
        or head in _INSTRUMENT_WORDS
    ):
        return None
    if etype == "REQUEST" and (k >= n or lows[k] != "to"):
        return None
    span = Span(tokens[first][0], tokens[last][1])
    return _Party(span.of(text), span, None, None, "")


def _accused(etype: str, lows: list[str], k: int) -> bool:
    """ "accused Chinese coast guard vessels of ...": whatever is accused of something."""
    return etype == "ACCUSE" and lows[k : k + 1] == ["of"]


def _noun_phrase_before(
    text: str, tokens: list[tuple[int, int]], lows: list[str], start: int, head: int
) -> _Party | None:
    """The plain noun subject of a passive: "The journalist was arrested by ..."."""
    k = head - 1
    while k >= start and (lows[k] in _BE or lows[k] in _ADVERB_OK or lows[k].endswith("ly")):
        k -= 1
    last = k
    while k >= start and k > last - 5 and lows[k].isalnum() and lows[k] not in _NP_STOP:
        k -= 1
    first = k + 1
    if last < first or not lows[last].isalpha() or lows[last] in _GENERIC:
        return None
    span = Span(tokens[first][0], tokens[last][1])
    return _Party(span.of(text), span, None, None, "")


def _same_clause(lows: list[str], prev: _Found, f: _Found, start: int) -> bool:
    return (
        prev.first >= start
        and f.first - prev.last <= 8
        and _BOUNDARY.isdisjoint(lows[prev.last + 1 : f.first])
    )


def _nominal_parties(
    chunks: list[Chunk], lows: list[str], start: int, head: int, nearest: Chunk | None
) -> tuple[Chunk | None, Chunk | None, str]:
    """For an act named by a noun: its owner ("Russia's invasion", "Russian strikes") or the
    clause subject; a chunk between that subject and the noun is the verb's object (the
    recipient: "Putin told Scholz in a phone call")."""
    if lows[head + 1 : head + 2] == ["between"] or lows[head + 2 : head + 3] == ["between"]:
        pair = [c for c in chunks if c.first > head and c.pronoun is None][:2]
        if len(pair) == 2 and lows[pair[0].last + 1] in ("and", "&"):
            return pair[0], pair[1], "between"  # "talks between Russia and the US"
    if lows[head + 1 : head + 2] == ["by"]:
        agent = next((c for c in chunks if c.first == head + 2 and c.pronoun is None), None)
        if agent is not None:
            return agent, None, "owner"  # "a missile strike by the army"
    for c in chunks:
        if c.last >= head or c.first < start:
            continue
        gap = lows[c.last + 1 : head]
        if c.possessive:
            gap = gap[1:]
        if (
            len(gap) <= 2
            and all(w.isalpha() and w.islower() for w in gap)
            and (c.possessive or c.adjectival or not gap)
        ):
            return c, None, "owner"  # "Russia's missile strikes", "Israeli airstrikes"
    free = [
        c
        for c in chunks
        if start <= c.first
        and c.last < head
        and not c.adjectival
        and not (c.first > 0 and lows[c.first - 1] in _PREP)
    ]
    if not free:
        return nearest, None, "clause"
    subj = free[0]
    obj = next(
        (
            c
            for c in chunks
            if subj.last < c.first and c.last < head and lows[c.first - 1] not in _PLACE_PREP
        ),
        None,
    )
    return subj, obj, "clause"


def _recipient(
    chunks: list[Chunk],
    lows: list[str],
    start: int,
    places: bool,
    inside: int = -1,
    etype: str = "",
    lenient: bool = False,
) -> Chunk | None:
    """The first actor chunk from token ``start`` in the clause that a preposition does not make
    a place, a time or a topic; chunks inside the trigger phrase (up to ``inside``) always count."""
    n = len(lows)
    k = start
    for c in chunks:
        if c.first < start:
            continue
        while k < c.first:
            w = lows[k]
            if (k > inside and w in _BOUNDARY) or w in _SPEECH or w in (",", ".", "and", "or"):
                return None
            if (
                k - 1 > inside
                and w in VERB_HEADS
                and w.endswith(("ed", "ing"))
                and lows[k - 1] not in _DETERMINERS
            ):
                return None  # "executed a man convicted of attacking ...": another act's
            if k > inside and w == "to" and etype not in _GOVERNED and _infinitive(lows, k):
                return None  # "rallied ... to demand a return to Rakhine": a purpose's
            k += 1
        prev = lows[c.first - 1] if c.first > 0 else ""
        if prev in _PAST_TO_PREP:
            prev = _word_before(lows, c.first)
        if prev == "by" and (c.first - 2 <= inside or not _authored(lows, c.first - 2)):
            return None  # the agent of a passive trigger or of another act, not the party
        if (
            c.last > inside
            and prev in _PREP
            and not _aimed(
                _governing_prep(lows, _phrase_start(lows, c.first), start),
                places,
                etype,
                _after_object(lows, c, start),
            )
            and not (etype == "PROTEST" and lows[c.last + 1 : c.last + 2] in _SEAT_AFTER)
        ):
            k = c.last + 1
            continue
        if c.pronoun is not None:
            return None
        if etype == "MOBILIZE" and prev not in _PREP:
            k = c.last + 1
            continue  # "mobilised thousands of fighters": what is moved, not whom it aims at
        if not _FEATURES.isdisjoint(lows[c.first : c.last + 1]) and lows[c.last] not in _BODIES:
            if etype == "MOBILIZE":
                return None  # "jets near the Taiwan Strait": a place, not whom it aims at
            k = c.last + 1
            continue  # "a ship in the Red Sea": a place is nobody (but the "Black Sea Fleet")
        nxt = lows[c.last + 1] if c.last + 1 < n else ""
        stance = (
            c.modifier
            and c.named
            and not c.adjectival
            and _stance(lows[c.last + 1 : c.last + 3], etype)
        )  # "rejected a UN proposal" (but "withdrew the foreign agents bill": a bill)
        if (c.last > inside or not lenient) and (
            (c.modifier and not stance)
            or (c.adjectival and not stance)
            or (c.text.lower().startswith(_REFLEXIVE) and not c.named)
            or (
                not c.named
                and prev not in _DETERMINERS
                and prev not in _PREP
                and not (prev[:1].isdigit())
                and c.text[:1].islower()
                and " " not in c.text
                and not (etype == "ACCUSE" and _personish(lows[c.last]))
            )
            or _instrument(c, etype)
        ):
            k = c.last + 1
            continue
        if nxt in _SPEECH:
            return None
        if prev == "at":  # "filed a complaint at the WTO against China": the forum is no party
            return _against(chunks, lows, c.last + 1) or c
        return c
    return None


def _against(chunks: list[Chunk], lows: list[str], start: int) -> Chunk | None:
    """The chunk right after a nearby "against" in the same clause."""
    for k in range(start, min(len(lows), start + 4)):
        if lows[k] == "against":
            return next((c for c in chunks if c.first == k + 1), None)
        if lows[k] in _BOUNDARY or lows[k] == ",":
            return None
    return None


# Nouns after a name that make it the party concerned: "rejected a UN proposal", "protested
# against EU policy"; and, for protests, where a body sits: "outside the Shell headquarters".
_STANCE_NOUNS = _set(
    "proposal proposals plan plans policy policies resolution resolutions demand demands offer"
    " offers decision decisions law laws bill measures initiative conditions terms request"
    " requests ultimatum ruling reform reforms accusations accusation claims claim allegations"
    " position stance move moves"
)
_SEAT_NOUNS = _set("embassy consulate headquarters offices office mission")
_SEAT_AFTER = [[w] for w in _SEAT_NOUNS]  # "outside the EU headquarters": the EU is protested
# Where forces are moved or massed near is whom the show of force aims at; where they are sent
# to or withdrawn from is a destination or a place, not a party.
_AIMED_AT = _set("near around off against toward towards at on")


def _after_object(lows: list[str], c: Chunk, start: int) -> bool:
    """Whether the preposition before ``c`` follows an object ("blocked an aid package for
    Ukraine"), not the act itself ("expressed its support for Ukraine")."""
    k = _phrase_start(lows, c.first) - 2  # the word before the preposition
    return k >= start and lows[k] not in TRIGGERS


def _authored(lows: list[str], k: int) -> bool:
    """ "the conditions set by X", "a plan put forward by X": a stance and its author."""
    return any(lows[j] in _STANCE_NOUNS for j in range(k, max(k - 4, -1), -1))


def _stance(after: list[str], etype: str) -> bool:
    """Whether the words after a name make it the party concerned ("EU farm policy")."""
    for w in after:
        if w in _STANCE_NOUNS or (etype == "PROTEST" and w in _SEAT_NOUNS):
            return True
        if not w.isalpha() or w in _PREP:
            return False
    return False


def _governing_prep(lows: list[str], first: int, start: int) -> str:
    """The preposition a chunk hangs on: "from" in "withdrew from the village of Robotyne"."""
    prev = lows[first - 1] if first > 0 else ""
    if prev not in ("of", "in"):
        return prev
    for k in range(first - 2, start - 1, -1):
        w = lows[k]
        if w in _PREP and w != "of":
            if w == "to" and _infinitive(lows, k):
                return prev  # "threatened to launch an operation in Karabakh"
            # "aid to besieged areas in Tigray": the place the act is aimed in
            return w if prev == "of" or w in _AIMED_IN else prev
        if not w.isalpha() or w in _BOUNDARY:
            break
    return prev


_AIMED_IN = _set("to on against at into")
_FEATURES = _set("strait sea gulf river bay coast ocean channel border borders waters")
_BODIES = _set("fleet command forces force guard navy")


def _infinitive(lows: list[str], k: int) -> bool:
    """Whether "to" at ``k`` opens an infinitive ("to launch"), not a phrase ("to besieged
    areas"): a bare verb form of a trigger follows."""
    nxt = lows[k + 1] if k + 1 < len(lows) else ""
    return nxt in VERB_HEADS and not nxt.endswith(("ed", "s", "ing"))


def _aimed(prep: str, places: bool, etype: str, after_object: bool) -> bool:
    """Whether a chunk governed by ``prep`` can be the recipient of an ``etype`` event."""
    if etype == "MOBILIZE":
        return prep in _AIMED_AT
    if etype == "RETREAT" and prep == "from":
        return False
    if prep == "for" and after_object and etype not in ("AID", "REQUEST"):
        return False  # "blocked an aid package for Ukraine": the topic, not the party
    if prep == "by":
        return after_object  # "the conditions set by regional leaders" (checked by the caller)
    return prep in _RIGHT_OK or (places and prep in _PLACE_PREP)


def _instrument(c: Chunk, etype: str) -> bool:
    """Weapons are what an act uses; forces too when they are moved, sent or withdrawn."""
    head = c.text.lower().rsplit(" ", 1)[-1]
    if head in _WEAPON_WORDS:
        return True
    if head in _ENVOY_WORDS:
        return not c.named or etype in _MOVES_FORCES  # "sent a delegation to Minsk"
    return head in _INSTRUMENT_WORDS and etype in _MOVES_FORCES


def _author_of(
    chunks: list[Chunk], lows: list[str], subj: Chunk | None, start: int, head: int
) -> Chunk | None:
    """ "A drone strike by the army hit ...": the agent of a subject that names an act (with
    no subject chunk, of an act noun: "an attack by gunmen killed ...")."""
    for c in chunks:
        if c.first < start + 2 or c.last >= head or lows[c.first - 1] != "by":
            continue
        if subj is None:
            return c if lows[c.first - 2] in TRIGGERS else None
        if subj.last < c.first:
            gap = lows[subj.last + 1 : c.first - 1]
            return c if len(gap) <= 2 and all(w.isalpha() for w in gap) else None
    return None


def _phrase_start(lows: list[str], first: int) -> int:
    """Where a chunk's phrase starts, past a determiner and compass adjectives before it
    ("its northern Shan state", "the western Lviv region"): the word before is its head's."""
    k = first
    while k > 1:
        if lows[k - 1] in _DETERMINERS or lows[k - 1].endswith(_COMPASS):
            k -= 1
        elif lows[k - 1] in _POSSESSIVE and k > 2:
            k -= 2  # "in Myanmar's northern Shan state"
        else:
            break
    return k


def _word_before(lows: list[str], first: int) -> str:
    k = _phrase_start(lows, first)
    return lows[k - 1] if k > 0 else ""


_RECIPROCAL = ("clash~", "exchange~ fire")  # acts done to each other by coordinated parties
_GOVERNED = frozenset({"THREATEN", "REQUEST", "AGREE", "REJECT", "CONCEDE"})
# Words a chunk's preposition may stand before: determiners, compass words, a possessive.
_PAST_TO_PREP = (
    _DETERMINERS
    | _POSSESSIVE
    | _set("northern southern eastern western central north-eastern north-western south-eastern")
    | _set("south-western")
)
_COMPASS = ("northern", "southern", "eastern", "western", "central")


def _apposed_name(chunks: list[Chunk], lows: list[str], c: Chunk) -> Chunk | None:
    """ "his French counterpart, Emmanuel Macron,": the name set beside a role noun."""
    if lows[c.last + 1 : c.last + 2] != [","]:
        return None
    for d in chunks:
        if d.first == c.last + 2:
            after = lows[d.last + 1] if d.last + 1 < len(lows) else "."
            ok = d.named and d.head is not None and after in (",", ".", ";")
            return d if ok else None
    return None


def _by_agent(chunks: list[Chunk], lows: list[str], start: int) -> Chunk | None:
    for c in chunks:
        if c.first < start or c.first == 0:
            continue
        if any(lows[k] in _BOUNDARY for k in range(start, c.first)):
            return None
        if lows[c.first - 1] == "by":
            return c
    return None


def _to_party(
    chunks: list[Chunk], lows: list[str], start: int, prep: str = "to", reach: int = 10
) -> Chunk | None:
    """The party after ``prep`` past the things an act moves: "airlifted food and tents to
    survivors", "sought help from the UN"."""
    for k in range(start, min(len(lows), start + reach)):
        w = lows[k]
        if w in _BOUNDARY or w in _SPEECH:
            return None
        if w == prep:
            c = _object(chunks, lows, k + 1)
            return c if c is not None and not c.adjectival else None
    return None


# Nouns whose "of X" names the party acted on: "froze the assets of X", "demanded the
# resignation of X" (not "the release of X": captives are no party).
_OWNED = _set("assets accounts funds property resignation dismissal removal ouster impeachment")


# Trade nouns whose "from X" names the state a trade measure hits: "tariffs on steel from
# Mexico", "banned seafood imports from Japan", "vehicles imported from China".
_TRADE = _set("imports import imported exports goods products tariffs tariff duties levies quotas")
_TRADE_TYPES = frozenset({"SANCTION", "THREATEN"})


def _traded(etype: str, lows: list[str], last: int) -> bool:
    """Whether a trade measure's object follows the word at ``last``."""
    return etype in _TRADE_TYPES and not _TRADE.isdisjoint(lows[last - 1 : last + 10])


def _owner_first(etype: str, lows: list[str], last: int) -> bool:
    """Whether an act's party may follow as "of X" right after the word at ``last`` or the noun
    after it."""
    if etype not in ("SANCTION", "REQUEST"):
        return False
    near = lows[last : last + 3]
    return not _OWNED.isdisjoint(near)


def _passive(lows: list[str], head: int, subj: Chunk | None) -> bool:
    word = lows[head]
    if not (word.endswith(("ed", "en")) or word in ("held", "met", "struck", "shot", "sent")):
        return False
    k = head - 1
    while k >= 0 and (lows[k] in _ADVERB_OK or lows[k].endswith("ly")):
        k -= 1
    return k >= 0 and lows[k] in _BE


def _conjunct(chunks: list[Chunk], lows: list[str], subj: Chunk) -> Chunk | None:
    """ "X and Y met": the chunk joined to the subject by "and"."""
    for c in chunks:
        if c.last >= subj.first - 1 or lows[c.last + 1] not in ("and", "&"):
            continue
        if c.last + 2 == subj.first:
            return c
        gap = lows[c.last + 2 : subj.first]
        if (
            0 < len(gap) <= 2
            and gap[0] in _DETERMINERS
            and all(w.isalpha() and w not in _NP_STOP for w in gap)
        ):
            return c  # "Sudan's army and the paramilitary Rapid Support Forces agreed"
    return None


def _modality(
    lows: list[str], subj: Chunk | None, head: int, start: int, reported: bool
) -> tuple[bool, bool, bool]:
    lo = subj.last + 1 if subj is not None and subj.last < head else max(start, head - 5)
    lo = max(lo, head - 7)
    window = lows[lo:head]
    neg = (
        not _NEG.isdisjoint(window)
        or "refused" in window
        or "failed" in window
        or not _REFRAIN.isdisjoint(window)
    )
    if "longer" in window and "no" in window:
        neg = True
    hypo = not _HYPO.isdisjoint(window)
    fut = not _FUT.isdisjoint(window)
    if "to" in window and not _BE.isdisjoint(window) and not hypo:
        fut = True
    firm = _TENTATIVE.isdisjoint(lows)
    if hypo and reported and "would" in window and firm:
        hypo, fut = False, True
    return neg, hypo, fut


def _phone(lows: list[str]) -> bool:
    return not _PHONE.isdisjoint(lows)


def _inner_mode(inner: _Found | None, lows: list[str], f: _Found) -> str:
    words = set(lows[f.last + 1 : f.last + 12])
    if inner is not None:
        t = inner.trig.type
        if t == "CONSULT":
            return "meet"
        if t in ("AID", "COOPERATE"):
            return "assist"
        if t in ("RETREAT", "CONCEDE"):
            return "yield"
    if words & _YIELD_WORDS:
        return "yield"
    if words & _MEET_WORDS:
        return "meet"
    if words & _ASSIST_WORDS:
        return "assist"
    return "change"


def _threat_mode(etype: str, mode: str, lows: list[str], f: _Found) -> str:
    words = set(lows[f.first : f.last + 8])
    if words & _TERRITORY_WORDS and etype == "ASSAULT":
        return "territory"
    if etype == "ASSAULT" or etype == "MOBILIZE":
        return "violence"
    if etype == "COERCE":
        return {"arrest": "arrest", "ban": "ban", "deport": "expel"}.get(mode, "restrict")
    if etype == "SANCTION":
        if mode == "expel":
            return "expel"
        return "relations" if words & _RELATION_WORDS else "restrict"
    return ""


def _govern(
    trig: Trigger, inner: _Found | None, lows: list[str], f: _Found
) -> tuple[str, str] | None:
    """The (type, mode) a governing phrase codes, given the act it governs (or None)."""
    t = trig.type
    it = inner.trig.type if inner is not None else None
    if t == "REQUEST":
        if lows[f.last + 1 : f.last + 4] == ["not", "to", "be"]:
            return None  # "a source who asked not to be named"
        return "REQUEST", _inner_mode(inner, lows, f)
    if t == "REJECT":
        if trig.mode == "deny":
            return "REJECT", "deny"
        to_at = f.last if lows[f.last] == "to" else f.last + 1
        if inner is None and lows[to_at : to_at + 1] == ["to"]:
            if lows[to_at + 1 : to_at + 2] and lows[to_at + 1] not in _COMMENT_VERBS:
                return "REJECT", _inner_mode(inner, lows, f)  # "refused to release him"
            return None  # "declined to comment"
        return "REJECT", _inner_mode(inner, lows, f)
    if t == "AGREE":
        head = trig.phrase.split()[0]
        if it in ("RETREAT", "CONCEDE"):
            return "CONCEDE", ""
        if it in _CONFLICT and it != "PROTEST" and inner is not None:
            return "THREATEN", _threat_mode(it, inner.trig.mode, lows, inner)
        if inner is None and head == "vow~":
            return None
        return "AGREE", ""
    if t == "THREATEN":
        if inner is None:
            if trig.phrase.startswith("warn~"):
                said = set(lows[f.last : f.last + 10])
                return ("THREATEN", "violence") if said & _FORCE_WORDS else None
            return "THREATEN", ""
        if it in _CONFLICT:
            return "THREATEN", _threat_mode(it, inner.trig.mode, lows, inner)
        if trig.phrase.startswith("vow~") and it is not None:
            return ("CONCEDE", "") if it in ("RETREAT", "CONCEDE") else ("AGREE", "")
        return None if trig.phrase.startswith("warn~") else ("THREATEN", "")
    return t, trig.mode
