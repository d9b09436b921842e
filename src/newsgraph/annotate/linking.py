"""Actor linking: mentions and quote speakers → knowledge-base actors (or local actors).

A pure function of the article, its mentions and quotes, and the knowledge base. How each link was
made is kept in ``Mention.link`` (and ``;link=...`` in ``Quote.evidence``):

- ``alias``: the name (or the fullest form of it in the article) is a known name of one actor;
- ``role@date``: a role phrase ("the Russian president") read at the article's date;
- ``role``: a role phrase in an undated article whose role only one actor ever held;
- ``coref``: a surname, role noun or pronoun resolved to someone the article introduced before
  ("Kremlin spokesman Dmitry Peskov ... Peskov ... the spokesman");
- ``local``: a person the knowledge base does not know, as ``local:<slug of the full name>`` —
  a pure function of the name, so different articles agree on the id.

Role phrases are not always entity mentions, so they are found here: every office noun of the
text ("president", "spokesman", "minister" ...) with the words around it that can belong to a role
("Ukraine's foreign", "of State") is read by the knowledge base's role phrases. A resolved role
phrase that is not a title right before a name becomes a PERSON mention of its own.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace

from newsgraph.kb import KnowledgeBase, default_kb, norm
from newsgraph.kb.normalize import fold
from newsgraph.model import Actor, Document, EntityType, Mention, Quote, Span

LOCAL_PREFIX = "local:"


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


# Office nouns: a role phrase ends with one of these (or continues "of/for ..." after it).
_OFFICE_NOUNS = _words(
    """
    president premier minister secretary spokesman spokeswoman spokesperson chancellor leader
    chief governor mayor ambassador envoy diplomat representative general director commander
    king queen prince pope speaker ceo adviser advisor negotiator prosecutor chairman chairwoman
    head boss monarch emir sultan ayatollah patriarch taoiseach pm
    """
)
_OFFICE_SET = frozenset(_OFFICE_NOUNS)
# Those that refer back to a person on their own ("the spokesman said"); others ("general",
# "head", "leader", "chief") are as often adjectives or everyday nouns.
_BARE_OFFICES = frozenset(
    _words(
        """
        president premier minister secretary spokesman spokeswoman spokesperson chancellor
        governor mayor ambassador envoy diplomat pope prosecutor chairman chairwoman ceo
        negotiator taoiseach pm
        """
    )
)
_TOKEN = re.compile(r"\w(?:[\w'’\-]|\.(?=\w))*\.?")
_POSSESSIVE = re.compile(r"['’]s?$")
_APPOSITION_GAP = re.compile(r"[\s,]*")  # between a title and the name it belongs to
# Lower-case words inside full names ("Ursula von der Leyen", "Mohammed bin Salman").
_NAME_PARTICLES = frozenset(_words("van von der den de da del di du dos das bin ibn al el la le"))
_SLUG = re.compile(r"[^a-z0-9]+")
_LINK_EVIDENCE = re.compile(r";?link=[\w@]+$")

# Lower-case words that may sit inside a role phrase before its office noun.
_MODIFIERS = frozenset(
    _words(
        """
        foreign defence defense deputy press prime vice first top interior finance presidential
        government ministry affairs state national security acting former chief supreme military
        army armed forces justice health economy economic trade energy education culture
        environment agriculture transport labour labor home external general executive senior
        special crown grand opposition party
        """
    )
)
# Words that may continue a role phrase after its office noun ("President of Russia",
# "spokesman for the Kremlin", "Secretary of State").
_CONTINUATION = frozenset({"of", "for", "to", "the", "and", "on"})
_MAX_BEFORE = 4
_MAX_AFTER = 5
_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their"})

# Office noun → words that must occur in an actor's role (office key or title) for a bare
# role noun ("the spokesman", "the diplomat") to refer back to that actor.
_OFFICE_MATCH: dict[str, tuple[str, ...]] = {
    "spokesman": ("spokesperson", "press secretary", "spokesman", "spokeswoman"),
    "spokeswoman": ("spokesperson", "press secretary", "spokesman", "spokeswoman"),
    "spokesperson": ("spokesperson", "press secretary", "spokesman", "spokeswoman"),
    "diplomat": (
        "foreign minister",
        "ambassador",
        "envoy",
        "diplomat",
        "deputy foreign",
        "secretary of state",
        "mfa",
        "foreign affairs",
    ),
    "premier": ("prime minister", "premier"),
    "pm": ("prime minister",),
    "boss": ("chief", "head", "director", "leader", "ceo"),
}

# "the minister" is not the prime minister, "the president" not the vice president.
_OTHER_OFFICE = frozenset({"prime", "vice", "deputy", "acting", "first", "former"})

# "<Russian> side" speaking for a state.
_STATE_SIDES = frozenset({"side", "authorities", "leadership", "officials"})

_PERSON_KINDS = frozenset({"person"})
_ORG_KINDS = frozenset({"organisation", "state"})
_STATE_KINDS = frozenset({"state", "organisation"})


def local_actor_id(name: str) -> str:
    """The id of a person the knowledge base does not know: ``local:<slug>`` of the full name
    ("Alexei Polishchuk" → "local:alexei-polishchuk"), identical in every article."""
    slug = _SLUG.sub("-", fold(name).replace("’", "").replace("'", "")).strip("-")
    return LOCAL_PREFIX + slug


def _office_nouns(text: str) -> list[tuple[int, int]]:
    """Start/end of every office noun as a whole word, in text order (``str.find`` per noun on
    the lower-cased text: far cheaper than one case-insensitive alternation over the text)."""
    low = text.lower()
    n = len(low)
    found: list[tuple[int, int]] = []
    for word in _OFFICE_NOUNS:
        i = low.find(word)
        while i >= 0:
            end = i + len(word)
            if (i == 0 or not low[i - 1].isalnum()) and (end == n or not low[end].isalnum()):
                found.append((i, end))
            i = low.find(word, end)
    found.sort()
    return found


def _is_full_name(name: str) -> bool:
    """Two or more capitalised words (particles allowed between): who may become a local actor."""
    words = name.split()
    if len(words) < 2 or not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(w[0].isupper() or w in _NAME_PARTICLES for w in words[1:-1])


def _same_person(name: str, kb_name: str) -> bool:
    """Whether an article's full name can be a KB person known by the same surname: the same
    surname and first names starting alike ("sergei lavrov" / "sergey lavrov"), so that
    "Pablo Castillo" does not become "Pedro Castillo" through the bare surname."""
    a, b = name.split(), kb_name.split()
    if len(a) < 2 or len(b) < 2:
        return True  # no first name to disagree on
    return a[-1] == b[-1] and a[0][:3] == b[0][:3]


def _kinds_for(etype: EntityType) -> frozenset[str] | None:
    if etype is EntityType.PERSON:
        return _PERSON_KINDS
    if etype is EntityType.ORG:
        return _ORG_KINDS
    if etype is EntityType.GPE:
        return _STATE_KINDS
    return None  # MISC ("Russian", "Western"): adjectives and events are not actors


@dataclass(slots=True)
class _Hit:
    """A role phrase found in the text."""

    span: Span
    text: str
    head: str  # the office noun, lower case
    role_key: str | None


@dataclass(slots=True)
class _Link:
    actor: Actor | None
    actor_id: str
    name: str
    how: str


class Linker:
    """Links one document at a time; holds only the (read-only) knowledge base."""

    def __init__(self, kb: KnowledgeBase | None = None) -> None:
        self.kb = kb if kb is not None else default_kb()
        # Memos of pure look-ups (same answers, bounded size): names and role phrases recur
        # across articles, and the KB's normalisation is most of the cost of a look-up.
        self.key: Callable[[str], str] = functools.lru_cache(maxsize=1 << 16)(norm)
        self.role_key: Callable[[str], str | None] = functools.lru_cache(maxsize=1 << 14)(
            self.kb.role_key
        )
        self.candidates: Callable[[str, frozenset[str] | None], tuple[Actor, ...]] = (
            functools.lru_cache(maxsize=1 << 16)(self._candidates)
        )

    def _candidates(self, name: str, kinds: frozenset[str] | None) -> tuple[Actor, ...]:
        """Actors a name can mean, best first; a single one when the name is an actor's own."""
        found = self.kb.by_alias(name, strict=True)
        if not found:  # titles dropped ("Russian President Vladimir Putin")
            found = self.kb.by_alias(name)
            codes = {self.kb.country_code(t) for t in self.key(name).split()} - {None}
            if codes:  # "Iranian State Department" is no US body
                found = [a for a in found if a.kind == "person" or a.country in codes]
        if kinds is not None:
            found = [a for a in found if a.kind in kinds]
        if len(found) > 1 and self.key(found[0].name) == self.key(name):
            return (found[0],)
        return tuple(found)

    # ------------------------------------------------------------------ entry point
    def link(self, doc: Document) -> Document:
        """The document with linked mentions (role phrases added) and quote speakers."""
        state = _DocState(self, doc)
        mentions = state.link_mentions()
        quotes = tuple(state.link_quote(q) for q in doc.quotes)
        return replace(doc, mentions=mentions, quotes=quotes)


class _DocState:
    """What linking one document knows so far: who was introduced, with which titles."""

    def __init__(self, linker: Linker, doc: Document) -> None:
        self.kb = linker.kb
        self.key = linker.key
        self._role_key = linker.role_key
        self.candidates = linker.candidates
        self.doc = doc
        self.text = doc.article.text
        self.date: dt.date | None = doc.article.published
        self.names: dict[str, _Link] = {}  # norm(name) -> link made in this document
        self.order: list[str] = []  # person actor ids, most recently mentioned last
        self.titles: dict[str, set[str]] = {}  # actor id -> office nouns it was introduced with
        self.states: dict[str, int] = {}  # ISO3 -> mentions of that state so far
        self.linked: list[tuple[Span, _Link]] = []  # every linked mention (for quote speakers)
        self.speakers: dict[tuple[str | None, str | None], _Link | None] = {}

    # ------------------------------------------------------------------ names
    def _by_name(self, name: str, kinds: frozenset[str] | None) -> Actor | bool | None:
        """The one actor a name means (None: unknown; False: known but ambiguous)."""
        found = self.candidates(name, kinds)
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        seen = [a for a in found if a.id in self.titles or a.id in self.order]
        return seen[-1] if len(seen) == 1 else False

    def _remember(self, link: _Link, *names: str) -> None:
        for n in names:
            if n:
                self.names.setdefault(self.key(n), link)
        if link.actor is not None and link.actor.kind == "state" and link.actor.country:
            self.states[link.actor.country] = self.states.get(link.actor.country, 0) + 1
        if link.actor is None or link.actor.kind == "person":
            if link.actor_id in self.order:
                self.order.remove(link.actor_id)
            self.order.append(link.actor_id)

    def _link_name(self, m: Mention) -> _Link | None:
        kinds = _kinds_for(m.type)
        if kinds is None:
            return None
        full = m.canonical or m.text
        earlier = self.names.get(self.key(full)) or self.names.get(self.key(m.text))
        actor = self._by_name(full, kinds)
        if (actor is None or actor is False) and full != m.text:
            alone = self._by_name(m.text, kinds)
            if isinstance(alone, Actor) and _same_person(self.key(full), self.key(alone.name)):
                actor = alone  # a spelling the KB lacks ("Sergei" for "Sergey")
        if isinstance(actor, Actor):
            how = "alias"
            if (
                m.type is EntityType.PERSON  # a surname after the full name
                and earlier is not None
                and earlier.actor_id == actor.id
                and self.key(m.text) != self.key(earlier.name)
                and self.key(m.text) != self.key(actor.name)
            ):
                how = "coref"
            return _Link(actor, actor.id, actor.name, how)
        if earlier is not None:
            return _Link(earlier.actor, earlier.actor_id, earlier.name, "coref")
        if actor is None and m.type is EntityType.ORG:
            body = self._in_context(full)
            if body is not None:
                return _Link(body, body.id, body.name, "coref")
        if actor is None and m.type is EntityType.PERSON and _is_full_name(full):
            return _Link(None, local_actor_id(full), full, "local")
        return None

    # ------------------------------------------------------------------ roles
    def _role_hits(self) -> list[_Hit]:
        """Role phrases of the text, one per office noun (the longest reading the KB knows)."""
        hits: list[_Hit] = []
        sents = self.doc.sentences
        starts = [s.start for s in sents]
        text = self.text
        for hs, he in _office_nouns(text):
            i = bisect.bisect_right(starts, hs) - 1
            if i < 0 or sents[i].end < he:
                continue
            if hits and hits[-1].span.end > hs:
                continue  # this office noun is part of the previous phrase
            if text.startswith(("'s ", "’s ", "' ", "’ "), he):
                continue  # a possessor: "the president's spokesman" is about the spokesman
            hit = self._read_role(sents[i], hs, he)
            if hit is not None:
                hits.append(hit)
        return hits

    def _read_role(self, sent: Span, hs: int, he: int) -> _Hit | None:
        text = self.text
        lo = max(sent.start, hs - 60)
        before = [m for m in _TOKEN.finditer(text, lo, hs) if m.end() <= hs]
        # Walk back over words that can belong to a role phrase.
        left: list[re.Match[str]] = []
        for tok in reversed(before[-_MAX_BEFORE:]):
            gap = text[tok.end() : (left[0].start() if left else hs)]
            if gap.strip(" -"):
                break  # punctuation between: another phrase
            word = tok.group()
            low = _POSSESSIVE.sub("", word.lower())
            if low in _DETERMINERS:
                break
            if not (word[0].isupper() or low in _MODIFIERS or low in _OFFICE_SET):
                break
            left.insert(0, tok)
        det = before[len(before) - len(left) - 1] if len(before) > len(left) else None
        definite = (
            det is not None
            and det.group().lower() in _DETERMINERS
            and not text[det.end() : (left[0].start() if left else hs)].strip()
        )
        # Read forward over "of Russia", "for the Kremlin", "of State".
        right: list[re.Match[str]] = []
        hi = min(sent.end, he + 60)
        after = list(_TOKEN.finditer(text, he, hi))[:_MAX_AFTER]
        if after and after[0].group().lower() in ("of", "for", "to"):
            prev_end = he
            for tok in after:
                if text[prev_end : tok.start()].strip():
                    break
                word = tok.group()
                if not (word[0].isupper() or word.lower() in _CONTINUATION):
                    break
                right.append(tok)
                prev_end = tok.end()
            while right and right[-1].group().lower() in _CONTINUATION:
                right.pop()
        head = _POSSESSIVE.sub("", text[hs:he]).lower()
        # Longest reading first: fewer words on the right, then fewer on the left.
        ends = [t.end() for t in reversed(right)] + [he]
        starts = [t.start() for t in left] + [hs]
        for end in ends:
            for start in starts:
                if start == hs and end == he and not definite:
                    continue  # a bare office noun is read only as "the <noun>"
                phrase = text[start:end].rstrip(".")
                key = self._role_key(phrase)
                if key is not None:
                    return _Hit(Span(start, start + len(phrase)), phrase, head, key)
        if not definite or head not in _BARE_OFFICES:
            return None  # "the general public", "the head teacher" name nobody
        start = left[0].start() if left else hs
        return _Hit(Span(start, he), text[start:he], head, None)

    def _role_actor(self, key: str) -> tuple[Actor | None, str]:
        """Who a role key meant in this article: at its date, else the only holder ever, else
        the one holder the article names."""
        if self.date is not None:
            actor = self.kb.by_role(key, self.date)
            if actor is not None:
                return actor, "role@date"
            holders = {
                t.actor_id for t in self.kb.tenures(key) if t.holds(self.date, certain=False)
            }
        else:
            holders = {t.actor_id for t in self.kb.tenures(key)}
            if len(holders) == 1:
                return self.kb.get(next(iter(holders))), "role"
        named = [a for a in reversed(self.order) if a in holders]
        if named:
            return self.kb.get(named[0]), "coref"
        return None, ""

    def _bare_role_actor(self, head: str, phrase: str) -> str | None:
        """The person a bare role noun ("the spokesman", "the foreign minister") refers back to:
        the most recent one introduced with that title or holding such a role."""
        special = _OFFICE_MATCH.get(head)
        wanted = self.key(phrase) or head
        for aid in reversed(self.order):
            if head in self.titles.get(aid, ()):
                return aid
            actor = self.kb.get(aid)
            if actor is None:
                continue
            roles = self.kb.roles_on(aid, self.date) if self.date is not None else actor.roles
            for role in roles:
                office = role.role_key.split(":", 1)[-1].replace("_", " ")
                if special is not None:
                    hay = f" {office} {self.key(role.title)} "
                    if any(f" {n} " in hay for n in special):
                        return aid
                elif office == wanted or (
                    office.endswith(" " + wanted) and office.split()[0] not in _OTHER_OFFICE
                ):
                    return aid
        return None

    # ------------------------------------------------------------------ mentions
    def link_mentions(self) -> tuple[Mention, ...]:
        hits = self._role_hits()
        if any(m.link is not None for m in self.doc.mentions):  # linked before: redo role phrases
            found = {h.span for h in hits}
            mentions = tuple(m for m in self.doc.mentions if m.link is None or m.span not in found)
        else:
            mentions = self.doc.mentions
        if hits:
            mentions = self._split_titles(self._drop_role_words(mentions, hits), hits)
        out: list[Mention] = []
        hi = 0
        persons = [m for m in mentions if m.type is EntityType.PERSON]
        for m in mentions:
            while hi < len(hits) and hits[hi].span.start < m.span.start:
                self._emit_role(hits[hi], out, persons)
                hi += 1
            link = self._link_name(m)
            if link is None:
                out.append(m)
                continue
            self._remember(link, m.canonical or "", m.text)
            self.linked.append((m.span, link))
            out.append(Mention(m.span, m.text, m.type, link.actor_id, link.how, link.name))
        for h in hits[hi:]:
            self._emit_role(h, out, persons)
        out.sort(key=lambda x: (x.span.start, -x.span.end))
        return tuple(out)

    def _split_titles(self, mentions: Sequence[Mention], hits: Sequence[_Hit]) -> Sequence[Mention]:
        """A mention that is a role title and a name ("UN Secretary-General Antonio Guterres",
        typed whatever the NER thought) becomes a person mention of the name alone, which the
        title before it then introduces."""
        starts = {h.span.start: h for h in hits if h.role_key is not None}
        out = []
        for m in mentions:
            hit = starts.get(m.span.start)
            if hit is None or hit.span.end >= m.span.end or m.type is EntityType.MISC:
                out.append(m)
                continue
            rest = self.text[hit.span.end : m.span.end]
            name = rest.lstrip(" ,")
            if not (_is_full_name(name) or isinstance(self._by_name(name, _PERSON_KINDS), Actor)):
                out.append(m)
                continue
            start = m.span.end - len(name)
            out.append(Mention(Span(start, m.span.end), name, EntityType.PERSON, canonical=name))
        return out

    def _drop_role_words(
        self, mentions: Sequence[Mention], hits: Sequence[_Hit]
    ) -> Sequence[Mention]:
        """Without "person" mentions that are words of a role phrase the KB reads ("State" in
        "US Secretary of State") and name nobody it knows."""
        spans = [h.span for h in hits if h.role_key is not None]
        if not spans:
            return mentions
        keep = []
        for m in mentions:
            if (
                m.type is EntityType.PERSON
                and any(s.contains(m.span) for s in spans)
                and self._by_name(m.text, _PERSON_KINDS) is None
            ):
                continue
            keep.append(m)
        return keep

    def _emit_role(self, hit: _Hit, out: list[Mention], persons: Sequence[Mention]) -> None:
        text = self.text
        # A title right before a name ("Kremlin spokesman Dmitry Peskov"): remember the title.
        j = bisect.bisect_left([p.span.start for p in persons], hit.span.end)
        if j < len(persons):
            gap = text[hit.span.end : persons[j].span.start]
            if _APPOSITION_GAP.fullmatch(gap) and "," not in gap:
                self._pending_title(persons[j], hit)
                return
        if any(p.span.overlaps(hit.span) for p in persons):
            return
        # "Peskov, the Kremlin spokesman, ...": the role phrase names the person before it.
        prev = persons[j - 1] if 0 < j <= len(persons) else None
        actor_id: str | None = None
        name = ""
        how = ""
        if prev is not None and _APPOSITION_GAP.fullmatch(text[prev.span.end : hit.span.start]):
            gap = text[prev.span.end : hit.span.start]
            if "," in gap:
                link = self.names.get(self.key(prev.canonical or prev.text))
                if link is not None:
                    actor_id, name, how = link.actor_id, link.name, "coref"
        if actor_id is None and hit.role_key is not None:
            actor, how = self._role_actor(hit.role_key)
            if actor is not None:
                actor_id, name = actor.id, actor.name
        if actor_id is None and hit.role_key is None:
            aid = self._bare_role_actor(hit.head, hit.text)
            if aid is not None:
                actor_id, how = aid, "coref"
                known = self.kb.get(aid)
                name = (
                    known.name
                    if known
                    else next((lk.name for lk in self.names.values() if lk.actor_id == aid), aid)
                )
        if actor_id is None:
            return
        self.titles.setdefault(actor_id, set()).add(hit.head)
        link = _Link(self.kb.get(actor_id), actor_id, name, how)
        self._remember(link)
        self.linked.append((hit.span, link))
        out.append(
            Mention(
                hit.span, hit.text, EntityType.PERSON, actor_id=actor_id, link=how, canonical=name
            )
        )

    def _pending_title(self, person: Mention, hit: _Hit) -> None:
        """Record the office noun for the person the title introduces (linked just after)."""
        kinds = _PERSON_KINDS
        full = person.canonical or person.text
        actor = self._by_name(full, kinds)
        aid = (
            actor.id
            if isinstance(actor, Actor)
            else (local_actor_id(full) if actor is None and _is_full_name(full) else None)
        )
        if aid is not None:
            self.titles.setdefault(aid, set()).add(hit.head)

    # ------------------------------------------------------------------ quotes
    def link_quote(self, q: Quote) -> Quote:
        if not q.speaker and not q.speaker_text:
            return q
        # Mentions are all linked by now, so the same speaker reads the same way every time.
        memo = (q.speaker, q.speaker_text)
        if memo in self.speakers:
            link = self.speakers[memo]
        else:
            link = self.speakers[memo] = self._speaker_link(q)
        if link is None:
            return q
        base = _LINK_EVIDENCE.sub("", q.evidence)  # linking twice must not stack
        evidence = f"{base};link={link.how}" if base else f"link={link.how}"
        return Quote(
            q.span,
            q.text,
            q.kind,
            q.cue,
            q.speaker_span,
            q.speaker_text,
            link.name,
            link.actor_id,
            q.confidence,
            evidence,
        )

    def _speaker_link(self, q: Quote) -> _Link | None:
        written = q.speaker_text or ""
        name = q.speaker or written
        # A role phrase as written is read at the article's date ("the Russian president").
        key = self._role_key(written) if written else None
        if key is not None:
            found, how = self._role_actor(key)
            if found is not None:
                return _Link(found, found.id, found.name, how)
        target = self.names.get(self.key(name))
        if target is None:
            actor = self._by_name(name, None)
            if isinstance(actor, Actor):
                target = _Link(actor, actor.id, actor.name, "alias")
            else:
                found = self._in_context(name) or self._side_state(name)
                if found is None:
                    return None
                target = _Link(found, found.id, found.name, "coref")
        wkey = self.key(written)
        as_written = self.names.get(wkey)
        if as_written is not None and as_written.actor_id == target.actor_id:
            how = as_written.how
        elif not wkey or wkey == self.key(name):
            how = target.how
        elif self._by_name(written, None) is target.actor and target.actor is not None:
            how = "alias"  # a title and the name ("Ukrainian President Volodymyr Zelenskiy")
        else:
            how = "coref"  # a pronoun or a description the quote stage resolved
        if target.actor is not None and target.actor.kind == "state":
            organ = self._government_of(target.actor.country)
            if organ is not None:
                return _Link(organ, organ.id, organ.name, "coref")
        return _Link(target.actor, target.actor_id, target.name, how)

    def _in_context(self, name: str) -> Actor | None:
        """An organisation named without its country ("the Foreign Ministry") read with the
        countries the article names most ("Russian Foreign Ministry")."""
        if not name or not name[0].isupper() or not self.states:
            return None
        ranked = sorted(self.states, key=lambda c: -self.states[c])[:2]
        for code in ranked:
            country = self.kb.countries.get(code)
            if country is None:
                continue
            for form in (*country.adjectives[:2], *country.names[:1]):
                found = self.candidates(f"{form} {name}", _ORG_KINDS)
                if len(found) == 1 and found[0].kind == "organisation":
                    return found[0]
        return None

    def _side_state(self, name: str) -> Actor | None:
        """ "the Russian side", "Ukrainian authorities": the state, as a speaker."""
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in _STATE_SIDES:
            return None
        code = self.kb.country_code(" ".join(words[:-1]))
        return self.kb.state(code) if code else None

    def _government_of(self, country: str | None) -> Actor | None:
        """The government body of a state the article names most ("Moscow said" in a story
        about a Kremlin statement is the Kremlin speaking), or None."""
        if country is None:
            return None
        counts: dict[str, int] = {}
        for _, link in self.linked:
            a = link.actor
            if (
                a is not None
                and a.kind == "organisation"
                and a.country == country
                and (a.sector == "government")
            ):
                counts[a.id] = counts.get(a.id, 0) + 1
        if not counts:
            return None
        return self.kb.get(max(counts, key=lambda k: counts[k]))


@functools.cache
def default_linker() -> Linker:
    """The linker over the bundled knowledge base, built once per process (read-only data
    plus memos of pure look-ups, so sharing it keeps the pipeline a pure function)."""
    return Linker()


def link_document(doc: Document, kb: KnowledgeBase | None = None) -> Document:
    """Link one document's mentions and quote speakers to actors (see module docstring)."""
    return (default_linker() if kb is None else Linker(kb)).link(doc)


def resolve_speaker_filter(name: str, kb: KnowledgeBase | None = None) -> list[str]:
    """Actor ids a ``--speaker`` filter means: the KB's matches for a name, an alias or a role
    phrase ("Peskov", "Dmitry Peskov", "Kremlin spokesman" → ["dmitry-peskov", ...]), plus the
    local id the name would have. Query with ``speaker_actor_id IN ids`` OR the name match."""
    kb = kb if kb is not None else default_kb()
    text = " ".join(name.split())
    if not text:
        return []
    ids: list[str] = []
    found = kb.by_alias(text)
    key = kb.role_key(text)
    if key is not None:
        found = [*found, *kb.holders(key), *(kb.get(t.actor_id) for t in kb.tenures(key))]
    if not found:
        found = kb.search(text)
    for actor in found:
        if actor is not None and actor.id not in ids:
            ids.append(actor.id)
    if not ids and key is None and len(text.split()) > 1:
        ids.append(local_actor_id(text))  # someone the KB does not know, by full name
    return ids


def link_all(docs: Iterable[Document], kb: KnowledgeBase | None = None) -> list[Document]:
    """Link several documents with one linker."""
    linker = Linker(kb)
    return [linker.link(d) for d in docs]


__all__ = [
    "LOCAL_PREFIX",
    "Linker",
    "link_all",
    "link_document",
    "local_actor_id",
    "resolve_speaker_filter",
]
