"""Who can do or undergo an event in a sentence: actor chunks built from the entity mentions plus
general English nouns for collective actors ("police", "Russian troops", "the foreign minister").

A chunk joins adjacent mentions and title words ("US President Joe Biden" is one chunk whose head
is "Joe Biden") and resolves to a KB actor: the mention's ``actor_id`` when linking found one,
else ``KnowledgeBase.resolve`` on the chunk, then on its head; a demonym gives the country when
nothing else does ("Turkish banks" → TUR, business).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Collection
from dataclasses import dataclass, field
from functools import lru_cache

from newsgraph.extract.events.lexicon import VERB_HEADS
from newsgraph.kb import KnowledgeBase
from newsgraph.model import EntityType, Mention, Span

TOKEN_RE = re.compile(r"\d+(?:[.,]\d+)*|\w+(?:-\w+)*|['’]\w+|[^\w\s]")


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Capitalised words that belong to the name of an office in front of a person's name.
_TITLES = _words(
    "president prime minister foreign defence defense chancellor secretary general spokesman"
    " spokeswoman spokesperson leader king queen prince princess senator ambassador envoy"
    " commander chief deputy vice state interior finance economy health justice mayor governor"
    " gen. col. adm. sen. rep. dr. mr. mrs. ms. pope sheikh emir sultan premier head director"
    " ceo chairman chairwoman speaker lt. maj. capt. sgt. supreme opposition official officials"
    " of the affairs trade energy home attorney gov. pres. federal national security adviser"
    " advisor council army navy air force forces police ministry office"
)
# Nouns that name a collective or office-holding actor without a proper name, with a sector.
_COMMON: dict[str, str] = {}
for _sector, _names in {
    "police": "police policemen officers officer gendarmes guard guards agents investigators"
    " detectives",
    "military": "troops soldiers forces force army military navy marines paratroopers warplanes"
    " jets military's artillery commanders generals airforce missiles missile drones drone rockets"
    " warships tanks bombers aircraft helicopters coastguard",
    "government": "government authorities officials ministry ministers regime administration"
    " aide aides adviser advisers advisor advisors agency agencies commission watchdog regulator"
    " ministries rulers mediators mediator negotiators presidency"
    " cabinet president minister spokesman spokeswoman spokesperson chancellor premier embassy"
    " diplomats ambassador envoy kremlin leader leaders junta prosecutors prosecutor"
    " counterpart counterparts countries nations allies partners governments powers states"
    " mayor mayors governor governors envoys chief chiefs spokesmen commissioner ombudsman"
    " donors creditors authority office",
    "legislature": "parliament lawmakers legislators senators congress senate assembly",
    "judiciary": "court judge judges tribunal",
    "civil society": "protesters protestors demonstrators activists students residents"
    " villagers workers union unions campaigners crowds crowd farmers doctors teachers miners"
    " nurses citizens rioters looters delegations delegation supporters mourners citizen"
    " dockworkers truckers journalists lawyers retirees pensioners medics pilots drivers"
    " employees fans settlers refugees migrants youths monks voters opponents critics"
    " dissidents hardliners loyalists nationalists islamists tribesmen families relatives"
    " parents journalist activist student dissident lawyer survivors victims civilians"
    " worshippers pilgrims reporters bloggers politicians politician candidate candidates"
    " winner sailors fishermen group groups members",
    "politics": "parties party",
    "armed group": "rebels militants insurgents separatists gunmen fighters militia militias"
    " jihadists guerrillas hackers terrorists extremists pirates smugglers traffickers criminals"
    " gangs gang",
    "business": "bank banks company companies firm firms lenders exporters",
    "opposition": "opposition",
    "international": "un nato eu peacekeepers inspectors monitors observers",
}.items():
    for _w in _names.split():
        _COMMON[_w] = _sector
_PLACE_NOUNS = _words(
    "region province district state county city town village oblast governorate prefecture"
    " municipality area"
)
_PLACE_TYPES = frozenset({EntityType.GPE})
_MODIFIERS = _words(
    "the a an its their his her our my your security armed riot government opposition special"
    " federal"
    " state local national central pro-russian pro-government rebel anti-government border"
    " interior foreign defence defense top senior military naval air israeli-backed"
    " thousands hundreds dozens of striking angry masked unidentified former ex acting interim"
    " incoming outgoing late"
)
# Lower-case adjectives of kind that may precede a collective noun ("separatist forces",
# "paramilitary troops", "Iran-backed militias"): recognised by their ending.
_KIND_SUFFIXES = ("ist", "ary", "ian", "ese", "ic", "al", "-backed", "-led", "-linked", "-aligned")
_PRONOUNS = frozenset({"he", "she", "they", "we", "i", "it"})
_POSSESSIVE = frozenset({"'s", "’s", "'", "’"})
# Sentence-initial words that are never a name the recogniser missed: not worth a KB look-up.
_NOT_A_NAME = _words(
    "the a an this that these those it its he she they we i his her their our in on at for but"
    " and or as after before when while if since however meanwhile also there what who one two"
    " some many most all more other such no not last earlier later both each"
)
COMMON_ACTOR_NOUNS = frozenset(_COMMON)
_STARTERS = COMMON_ACTOR_NOUNS | _PRONOUNS
# Words after a name that show it is not the head of its phrase ("Saudi prisoners" is about
# prisoners, "the NATO accession treaty" about a treaty): anything lower-case but these.
_NOT_A_NOUN = _words(
    "of in at on to for with from by and or but nor as that which who whom whose than into"
    " against over under after before during since amid about near said says told added would"
    " will could should might may can must has have had is are was were be been being did does do"
    " last next this early late overnight yesterday today earlier later again also too the a an"
    " 's ’s not never said says if unless when while because although though whether where"
    " so then until once since outside inside near across through around throughout within"
    " along toward towards via amid despite without between among beyond upon onto ahead"
    " following including alongside instead abroad home together guilty dead responsible"
    " offline liable innocent",
)


@dataclass(slots=True)
class Chunk:
    """An actor-like phrase in a sentence, with the token range it covers and its resolution.

    Not frozen: many are built per sentence (a frozen init costs a call per field), and
    :func:`resolve_chunk` fills the resolution in place, once, when an event needs it."""

    span: Span
    text: str
    first: int  # index of its first token in the sentence's token list
    last: int  # index of its last token
    actor_id: str | None = None
    country: str | None = None
    sector: str = ""
    pronoun: str | None = None  # "he", "we" ... for pronoun chunks (resolved by the extractor)
    possessive: bool = False  # followed by 's
    modifier: bool = False  # followed by a lower-case noun it modifies ("Saudi prisoners")
    named: bool = False  # holds an entity mention (not only a common noun)
    adjectival: bool = False  # only a demonym ("German", "the Russian"): owner of a noun at most
    # How to resolve it, done only for chunks an event uses (see resolve_chunk):
    key: str = ""  # the text to look up ("US President Joe Biden")
    head: str | None = None  # the name of its head mention ("Joe Biden")
    names: list[str] = field(default_factory=list)  # the texts of its mentions, for a country
    common: str | None = None  # its collective noun ("police"), for a sector
    owner: Chunk | None = None  # the possessor merged into it ("Myanmar" of "Myanmar's military")
    resolved: bool = True


def resolve_chunk(
    c: Chunk,
    kb: KnowledgeBase,
    cache: dict[str, tuple[str | None, str | None, str]],
    published: dt.date | None,
) -> Chunk:
    """``c`` with its KB actor, country and sector (filled in place, once): the mention's
    actor when linking found one, else the chunk text's, else its head's; a country from any
    of its names."""
    if c.resolved:
        return c
    actor_id = c.actor_id
    country: str | None = None
    sector = ""
    for cand in (c.key, c.head) if c.head is not None else (c.key,):
        aid, ctry, sec = _resolve(kb, cache, cand, published)
        if actor_id is None and aid is not None:
            actor_id = aid
        if aid is not None and aid == actor_id:
            country, sector = ctry, sec
            break
        country = country or ctry
    if country is None:
        for name in c.names:
            ctry = _resolve(kb, cache, name, published)[1]
            if ctry:
                country = ctry
                break
    if c.common is not None and (not sector or actor_id is None):
        sector = _COMMON[c.common]
    if c.owner is not None and (country is None or not sector):
        own = resolve_chunk(c.owner, kb, cache, published)
        country, sector = country or own.country, sector or own.sector
    c.actor_id, c.country, c.sector, c.owner, c.resolved = actor_id, country, sector, None, True
    return c


def _resolve(
    kb: KnowledgeBase,
    cache: dict[str, tuple[str | None, str | None, str]],
    text: str,
    on: dt.date | None,
) -> tuple[str | None, str | None, str]:
    hit = cache.get(text)
    if hit is None:
        hit = cache[text] = resolve_cached(kb, text, on)
    return hit


def resolve_cached(
    kb: KnowledgeBase, text: str, on: dt.date | None
) -> tuple[str | None, str | None, str]:
    """(actor id, country, sector) for a name or role phrase on a day; memoised across
    articles (the KB is read-only, so this is a pure function of its arguments). Only role
    phrases ("the Kremlin spokesman") depend on the day: names are memoised without it."""
    hit = _undated(kb, text)
    return hit if hit is not None else _dated(kb, text, on)


@lru_cache(maxsize=65536)
def _undated(kb: KnowledgeBase, text: str) -> tuple[str | None, str | None, str] | None:
    if kb.role_key(text) is not None:
        return None
    return _dated(kb, text, None)


@lru_cache(maxsize=32768)
def _dated(kb: KnowledgeBase, text: str, on: dt.date | None) -> tuple[str | None, str | None, str]:
    actor = kb.resolve(text, on)
    if actor is not None:
        return (actor.id, actor.country, actor.sector)
    return (None, kb.country_code(text), "")


def find_chunks(
    text: str,
    tokens: list[tuple[int, int]],
    mentions: list[Mention],
    kb: KnowledgeBase,
    published: dt.date | None,
    cache: dict[str, tuple[str | None, str | None, str]],
    lows: list[str] | None = None,
    verbs: Collection[int] = (),
) -> list[Chunk]:
    """Actor chunks over ``tokens`` (spans into ``text``; ``lows`` their lower-cased words),
    left to right. ``verbs``: token indexes of trigger verbs, whose capitalised neighbour on
    the left is a name even when the recogniser left it out ("Thousands of Serbs protested")."""
    n = len(tokens)
    if lows is None:
        lows = [text[s:e].lower() for s, e in tokens]
    if n and lows[0] not in _NOT_A_NAME and (not mentions or mentions[0].span.start > tokens[0][0]):
        first_name = _known_first_word(text, tokens[0], kb, published)
        if first_name is not None:  # a sentence-initial name the recogniser left out
            mentions = [first_name, *mentions]
    missed = [_unknown_name(text, tokens, lows, v - 1, mentions) for v in verbs if v > 0]
    if n > 1 and _PLURAL_HINT in text[tokens[1][0] : tokens[-1][1]]:
        missed += [
            _plural_demonym(text, m.span(), kb, mentions)
            for m in _PLURAL_NAME.finditer(text, tokens[1][0], tokens[-1][1])
        ]
    if any(missed):
        mentions = sorted([*mentions, *filter(None, missed)], key=lambda m: m.span.start)
    verb_at = set(verbs)
    owner: list[int] = [-1] * n  # token -> index of the mention covering it
    for mi, m in enumerate(mentions):
        a = bisect_left(tokens, (m.span.start,))
        while a < n and tokens[a][1] <= m.span.end:
            owner[a] = mi
            a += 1
    candidates = [i for i, w in enumerate(lows) if owner[i] >= 0 or w in _STARTERS]

    def _continues(k: int) -> bool:
        lw = lows[k]
        return owner[k] >= 0 or lw in _COMMON or (text[tokens[k][0]].isupper() and lw in _TITLES)

    chunks: list[Chunk] = []
    i = 0
    for cand in candidates:
        if cand < i:
            continue
        i = cand
        s, e = tokens[i]
        low = lows[i]
        if owner[i] < 0 and low in _PRONOUNS:
            chunks.append(Chunk(Span(s, e), text[s:e], i, i, pronoun=low))
            i += 1
            continue
        # Grow right over mentions, title words and collective nouns.
        j = i
        heads: list[int] = []
        common: str | None = None
        nation = False
        while j < n:
            lw = lows[j]
            if owner[j] >= 0:
                heads.append(owner[j])
            elif lw in _COMMON:
                common = lw
            elif lw == "of" and j > i and j + 1 < n and text[tokens[j + 1][0]].isupper():
                pass  # "Secretary of State Antony Blinken"
            elif (
                lw == "people"
                and heads
                and owner[j - 1] >= 0
                and mentions[owner[j - 1]].type is EntityType.MISC
            ):
                nation = True  # "the Armenian people": a nation, not any people
            elif (
                lw in _PLACE_NOUNS
                and heads
                and owner[j - 1] >= 0
                and mentions[owner[j - 1]].type in _PLACE_TYPES
            ):
                pass  # "the Lviv region", "Herat province": the place, not a modifier
            elif not (
                lw in _TITLES
                and (j > i or text[tokens[j][0]].isupper())  # "the Iraqi prime minister"
                and j + 1 < n
                and _continues(j + 1)
            ):
                break
            j += 1
        last = j - 1
        if last < i:
            i += 1
            continue  # not reached: a candidate always covers itself
        # Grow left over modifiers ("the", "security", "Russian" already a mention).
        first = i
        heads_unknown = False
        floor = chunks[-1].last + 1 if chunks else 0
        while first > floor:
            low_prev = lows[first - 1]
            upper = text[tokens[first - 1][0]].isupper()
            if low_prev in _MODIFIERS or (upper and low_prev in _TITLES):
                first -= 1
            elif low_prev in _NUMBER_WORDS or (low_prev[:1].isdigit() and len(low_prev) != 4):
                first -= 1  # "two Danish diplomats", "10,000 Haitians" (not a year)
            elif (
                not heads
                and first == i
                and (first - 1 > floor or (first == 1 and low_prev not in _NOT_A_NAME))
                and upper
                and low_prev.replace("-", "").isalpha()
                and low_prev not in _CALENDAR
                and owner[first - 1] < 0
            ):
                first -= 1  # a name the recogniser missed: "Tigrayan forces", "Houthi rebels"
                heads_unknown = True
            elif (
                not heads
                and first == i
                and low_prev.endswith(_KIND_SUFFIXES)
                and owner[i] < 0
                and text[tokens[first - 1][0] : tokens[first - 1][1]].islower()
            ):
                first -= 1  # "separatist forces", "Iran-backed militias": a kind of the noun
            elif (
                low_prev == "of"
                and first - 1 > floor
                and text[tokens[first - 2][0]].isupper()
                and lows[first - 2] in _TITLES
            ):
                first -= 1  # "Secretary of State Antony Blinken"
            else:
                break
        while first < i and lows[first] == "of":
            first += 1
        merged: Chunk | None = None
        if owner[i] < 0 and first > floor and lows[first - 1] not in _NO_GROWTH:
            first, merged = _grow_noun_phrase(text, tokens, lows, first, floor, chunks)
            if merged is not None:
                chunks.pop()
        if first > floor and (lows[first] in _NUMBER_WORDS or lows[first][:1].isdigit()):
            first = _quantified(lows, first, floor)
        span = Span(tokens[first][0], tokens[last][1])
        chunk_text = span.of(text)
        nxt = lows[last + 1] if last + 1 < n else ""
        possessive = nxt in _POSSESSIVE
        head_m = _head(mentions, heads) if heads else None
        modifier = (
            nxt.isalpha()
            and nxt not in _NOT_A_NOUN
            and not nxt.endswith(("ed", "ly"))  # "rebels released", "Iran reportedly"
            and (nxt not in VERB_HEADS or last + 1 not in verb_at)
            and text[tokens[last + 1][0] : tokens[last + 1][1]].islower()
        )
        chunks.append(
            Chunk(
                span,
                chunk_text,
                first,
                last,
                head_m.actor_id if head_m is not None else None,
                None,
                "",
                None,
                possessive,
                modifier,
                bool(heads) or heads_unknown,
                common is None
                and not nation
                and not possessive
                and bool(heads)
                and all(
                    mentions[h].type is EntityType.MISC and not mentions[h].text.endswith("s")
                    for h in heads
                ),  # "Serbs", "Israelis" are groups; "Serbian" only describes
                key=chunk_text,
                head=(head_m.canonical or head_m.text) if head_m is not None else None,
                names=[mentions[h].text for h in heads],
                common=common,
                owner=merged,
                resolved=False,
            )
        )
        if merged is not None:
            chunks[-1].named = True
            chunks[-1].names = merged.names
        i = last + 1
    return _merge_possessors(text, chunks)


def _grow_noun_phrase(
    text: str,
    tokens: list[tuple[int, int]],
    lows: list[str],
    first: int,
    floor: int,
    chunks: list[Chunk],
) -> tuple[int, Chunk | None]:
    """The first token of the noun phrase that a collective noun at ``first`` heads, grown left
    over lower-case modifiers and a count ("earthquake survivors", "120 wounded civilians",
    "a Venezuelan oil firm"), and the demonym or name chunk absorbed on the way, if any.
    The growth is kept only when something that opens a noun phrase comes before it (a
    determiner, a preposition, a number, a verb, punctuation, the sentence start): after a
    noun, the word taken for a modifier is a verb ("Protesters want officials ...")."""
    k = first
    while (
        k > floor
        and first - k < 3
        and lows[k - 1] not in _NUMBER_WORDS
        and _modifier_word(text, tokens, lows, k - 1)
    ):
        k -= 1
    grown = k
    while k > floor and (lows[k - 1] in _NUMBER_WORDS or lows[k - 1][:1].isdigit()):
        k -= 1
    while k > floor and lows[k - 1] in _DETERMINERS:
        k -= 1
    if k == first:
        return first, None
    if k < grown:
        return k, None  # a count or a determiner opens the phrase
    prev = chunks[-1] if chunks else None
    if k == floor and prev is not None and prev.last + 1 == k:
        if (prev.modifier or prev.adjectival) and prev.named and not prev.possessive:
            return prev.first, prev  # "a Venezuelan oil firm": the demonym names its country
        if not prev.possessive:
            return first, None  # after a noun: the modifier was a verb
        return k, None
    return (k, None) if k == 0 or _opens_phrase(text, tokens, lows, k - 1) else (first, None)


def _quantified(lows: list[str], first: int, floor: int) -> int:
    """A count's quantifier: "more than 200 opposition activists", "at least 30 people"."""
    if first - 2 >= floor and (lows[first - 2], lows[first - 1]) in _QUANTIFIER_PAIRS:
        return first - 2
    return first - 1 if lows[first - 1] in _QUANTIFIERS else first


def _modifier_word(text: str, tokens: list[tuple[int, int]], lows: list[str], k: int) -> bool:
    """Whether the word at ``k`` can modify a noun after it: a lower-case noun or adjective
    ("oil", "wounded", "opposition"); a verb form only right after a determiner or a number."""
    w = lows[k]
    if not text[tokens[k][0]].islower() or not w.replace("-", "").isalpha():
        return False
    if w in _NOT_A_NOUN or w in _NP_BREAK or w.endswith("ly") or w in _PRONOUNS:
        return False
    if w in VERB_HEADS or w.endswith("ed"):
        before = lows[k - 1] if k > 0 else ""
        return (
            before in _DETERMINERS
            or before in _NUMBER_WORDS
            or before[:1].isdigit()
            or before in _POSSESSIVE  # "Georgia's ruling party"
        )
    return True


def _opens_phrase(text: str, tokens: list[tuple[int, int]], lows: list[str], k: int) -> bool:
    """Whether the token at ``k`` can come right before a noun phrase."""
    w = lows[k]
    if not w[:1].isalnum():
        return w not in ("-", "/")  # punctuation, "'s"
    return (
        w in _DETERMINERS
        or w in _NOT_A_NOUN
        or w in _NUMBER_WORDS
        or w[:1].isdigit()
        or w in VERB_HEADS
        or w in _SPEECH_VERBS
        or (w.endswith("ed") and text[tokens[k][0]].islower())
    )


_NUMBER_WORDS = _words(
    "two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty"
    " fifty hundred hundreds thousand thousands million millions dozens dozen several"
)
_QUANTIFIER_PAIRS = frozenset(
    {("more", "than"), ("fewer", "than"), ("less", "than"), ("at", "least"), ("up", "to")}
)
_QUANTIFIERS = _words("nearly almost about around some over roughly approximately")
_DETERMINERS = _words("a an the this these those its their his her our my your any every all")
_NP_BREAK = _words(
    "who which that what whose where when while there here not no than more most very so such"
    " also still just even only both either neither each other another own same some many"
    " against according including despite ago least fewer less"
)
_SPEECH_VERBS = _words("said says say told tells urged asked")
# Words before a noun phrase that it cannot grow over (checked before calling the grower).
_NO_GROWTH = (_NOT_A_NOUN | _NP_BREAK | _PRONOUNS | _POSSESSIVE | frozenset(',.;:()"“”')) - (
    _NUMBER_WORDS | _DETERMINERS
)


def _merge_possessors(text: str, chunks: list[Chunk]) -> list[Chunk]:
    """ "Myanmar's military", "Russia's foreign minister Sergei Lavrov", "Russia's Krasnodar
    region": a named possessor and the actor or place right after it are one chunk, named by
    what is possessed, of the possessor's country when that one has none."""
    out: list[Chunk] = []
    for c in chunks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.possessive
            and prev.named
            and not c.adjectival
            and not c.modifier  # "Israel's military operation" is about an operation
            and c.pronoun is None
            and c.first == prev.last + 2
        ):
            c.span = Span(prev.span.start, c.span.end)
            c.text, c.first, c.named, c.owner = c.span.of(text), prev.first, True, prev
            out[-1] = c
            continue
        out.append(c)
    return out


_KIND_TYPE = {"person": EntityType.PERSON, "organisation": EntityType.ORG, "state": EntityType.GPE}


def _known_first_word(
    text: str, token: tuple[int, int], kb: KnowledgeBase, published: dt.date | None
) -> Mention | None:
    """A capitalised first word the KB knows as a name ("Erdogan hosted ...")."""
    word = text[token[0] : token[1]]
    if len(word) < 3 or not word[0].isupper() or not word.isalpha() or word.lower() in _TITLES:
        return None
    actor_id = resolve_cached(kb, word, published)[0]
    if actor_id is None:
        return None
    actor = kb.get(actor_id)
    etype = _KIND_TYPE.get(actor.kind, EntityType.ORG) if actor else EntityType.ORG
    return Mention(Span(*token), word, etype, actor_id)


# Plural demonyms the recogniser misses mostly end so ("Haitians", "Afghans"): a substring
# test (fast) before the regex scan (slow, per character) and the KB.
_PLURAL_HINT = "ans"
_PLURAL_NAME = re.compile(r"\b[A-Z][a-z]{2,}ans\b")


def _plural_demonym(
    text: str, token: tuple[int, int], kb: KnowledgeBase, mentions: list[Mention]
) -> Mention | None:
    """ "deported 10,000 Haitians": a people the recogniser left out, of the country its
    singular names (kept as the mention's canonical form, for the chunk's country)."""
    s, e = token
    word = text[s:e]
    if any(m.span.start < e and s < m.span.end for m in mentions):
        return None
    if resolve_cached(kb, word[:-1], None)[1] is None:
        return None
    return Mention(Span(s, e), word, EntityType.MISC, canonical=word[:-1])


def _unknown_name(
    text: str, tokens: list[tuple[int, int]], lows: list[str], i: int, mentions: list[Mention]
) -> Mention | None:
    """A capitalised word right before a trigger verb that no mention covers: a name."""
    s, e = tokens[i]
    w = lows[i]
    if (
        not text[s].isupper()
        or not w.isalpha()
        or len(w) < 3
        or w in _TITLES
        or w in _NOT_A_NAME
        or w in _STARTERS
        or w in _CALENDAR
        or any(m.span.start < e and s < m.span.end for m in mentions)
    ):
        return None
    return Mention(Span(s, e), text[s:e], EntityType.ORG)


_CALENDAR = _words(
    "monday tuesday wednesday thursday friday saturday sunday january february march april may"
    " june july august september october november december"
)


def _head(mentions: list[Mention], heads: list[int]) -> Mention | None:
    """The mention that names who the chunk is: a person or organisation before a place."""
    best: Mention | None = None
    for h in heads:
        m = mentions[h]
        strong = m.type in (EntityType.PERSON, EntityType.ORG)
        if strong or best is None or best.type not in (EntityType.PERSON, EntityType.ORG):
            best = m
    return best
