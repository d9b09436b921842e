"""Linking one document: mentions in text order, then quote speakers.

:class:`DocumentLinker` keeps what the article has said so far: the names it linked, the people
in order of mention (for "he", "the spokesman"), the titles that introduced them and the states
it names (for "the Foreign Ministry").
"""

from __future__ import annotations

import bisect
import datetime as dt
import itertools
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from newsgraph.annotate.linking.lexicon import (
    APPOSITION_GAP,
    LINK_EVIDENCE,
    OFFICE_MATCH,
    OTHER_OFFICE,
    PERSON_KINDS,
    STATE_SIDES,
)
from newsgraph.annotate.linking.names import is_full_name, kinds_for, local_actor_id, same_person
from newsgraph.annotate.linking.roles import RoleHit, find_role_phrases
from newsgraph.model import Actor, Document, EntityType, Mention, Quote, Span

if TYPE_CHECKING:
    from newsgraph.annotate.linking import Linker


@dataclass(slots=True)
class Link:
    """How a mention links: never changed once made, so one link object can be shared."""

    actor: Actor | None
    actor_id: str
    name: str
    how: str


# Enum members as module constants: reading ``EntityType.PERSON`` costs a class look-up each time.
_PERSON, _ORG, _MISC = EntityType.PERSON, EntityType.ORG, EntityType.MISC
# ``names.kinds_for`` keyed by the members' identity (an enum member's hash is Python code).
_KINDS_BY_TYPE = {id(t): k for t in EntityType if (k := kinds_for(t)) is not None}


#: What a name mention means whatever the article says: the keys of its fullest form and of its
#: text, the candidates of each (the text's only when it differs), the link to its one candidate
#: as an alias, the link to its local actor when it is a person's full name the KB may not know,
#: and the keys a link of it is remembered under.
NameInfo = tuple[
    str,
    str,
    tuple[Actor, ...],
    tuple[Actor, ...] | None,
    Link | None,
    Link | None,
    tuple[str, ...],
]


def name_info(linker: Linker, full: str, text: str, type_id: int) -> NameInfo | None:
    """:data:`NameInfo` of a mention (``full``: its canonical form or text; ``type_id``: the
    ``id`` of its entity type), None for a type that names no actor."""
    kinds = _KINDS_BY_TYPE.get(type_id)
    if kinds is None:
        return None
    key = linker.key
    found = linker.candidates(full, kinds)
    alone = linker.candidates(text, kinds) if full != text else None
    alias = Link(found[0], found[0].id, found[0].name, "alias") if len(found) == 1 else None
    local = None
    if type_id == id(_PERSON) and is_full_name(full):
        local = Link(None, local_actor_id(full), full, "local")
    kf, kt = key(full), key(text)
    keys = (kf, kt) if text else (kf,) if full else ()
    return kf, kt, found, alone, alias, local, keys


def holds_office(linker: Linker, aid: str, date: dt.date | None, head: str, wanted: str) -> bool:
    """Whether a KB actor held, at a date, an office a bare role noun can mean ("spokesman" →
    a press secretary; "foreign minister" → not the deputy foreign minister)."""
    kb = linker.kb
    actor = kb.get(aid)
    if actor is None:
        return False
    special = OFFICE_MATCH.get(head)
    roles = kb.roles_on(aid, date) if date is not None else actor.roles
    for role in roles:
        office = role.role_key.split(":", 1)[-1].replace("_", " ")
        if special is not None:
            hay = f" {office} {linker.key(role.title)} "
            if any(f" {n} " in hay for n in special):
                return True
        elif office == wanted or (
            office.endswith(" " + wanted) and office.split()[0] not in OTHER_OFFICE
        ):
            return True
    return False


class DocumentLinker:
    """What linking one document knows so far: who was introduced, with which titles."""

    def __init__(self, linker: Linker, doc: Document) -> None:
        self.kb = linker.kb
        self.key = linker.key
        self._role_key = linker.role_key
        self.candidates = linker.candidates
        self.role_at = linker.role_at
        self.holds_office = linker.holds_office
        self.name_info = linker.name_info
        self.org_in = linker.org_in
        self.doc = doc
        self.text = doc.article.text
        self.date: dt.date | None = doc.article.published
        self.names: dict[str, Link] = {}  # norm(name) -> link made in this document
        # person actor ids, most recently mentioned last (a dict: ordered, O(1) membership)
        self.order: dict[str, None] = {}
        self.titles: dict[str, set[str]] = {}  # actor id -> office nouns it was introduced with
        # role key -> the actor ids the article introduced with that role ("Health Secretary X")
        self.titled: dict[str, list[str]] = {}
        self.states: dict[str, int] = {}  # ISO3 -> mentions of that state so far
        self.linked: list[tuple[Span, Link]] = []  # every linked mention (for quote speakers)
        self.speakers: dict[tuple[str | None, str | None], Link | None] = {}
        self.person_starts: list[int] = []  # starts of the person mentions role phrases meet
        self.person_reach: list[int] | None = None  # furthest end up to each (starts in order)

    # ------------------------------------------------------------------ names
    def _by_name(self, name: str, kinds: frozenset[str] | None) -> Actor | bool | None:
        """The one actor a name means (None: unknown; False: known but ambiguous)."""
        return self._one_of(self.candidates(name, kinds))

    def _one_of(self, found: tuple[Actor, ...]) -> Actor | bool | None:
        """The one actor of a name's candidates: the only one, else the only one the article
        has introduced (None: no candidate; False: ambiguous)."""
        if not found:
            return None
        if len(found) == 1:
            return found[0]
        seen = [a for a in found if a.id in self.titles or a.id in self.order]
        return seen[-1] if len(seen) == 1 else False

    def _remember(self, link: Link, keys: tuple[str, ...] = ()) -> None:
        """Record a link under the names' keys (the first link of a name stays), and who was
        mentioned last."""
        names = self.names
        for k in keys:
            if k not in names:
                names[k] = link
        actor = link.actor
        if actor is None or actor.kind == "person":
            order = self.order
            order.pop(link.actor_id, None)
            order[link.actor_id] = None
        elif actor.kind == "state" and actor.country:
            self.states[actor.country] = self.states.get(actor.country, 0) + 1

    def _link_name(self, m: Mention, info: NameInfo) -> Link | None:
        """The link of a name mention, from what the name means (``info``) and what the
        article has said so far."""
        kf, kt, found, found_alone, alias, local, _ = info
        names = self.names
        earlier = names.get(kf) or names.get(kt)
        actor = found[0] if len(found) == 1 else self._one_of(found)
        if (actor is None or actor is False) and found_alone is not None:
            alone = self._one_of(found_alone)
            if isinstance(alone, Actor) and same_person(kf, self.key(alone.name)):
                actor = alone  # a spelling the KB lacks ("Sergei" for "Sergey")
        if isinstance(actor, Actor):
            if (
                m.type is _PERSON  # a surname after the full name
                and earlier is not None
                and earlier.actor_id == actor.id
                and kt != self.key(earlier.name)
                and kt != self.key(actor.name)
            ):
                return Link(actor, actor.id, actor.name, "coref")
            if alias is not None and alias.actor is actor:
                return alias
            return Link(actor, actor.id, actor.name, "alias")
        if earlier is not None:
            return Link(earlier.actor, earlier.actor_id, earlier.name, "coref")
        if actor is None and m.type is _ORG:
            body = self._in_context(m.canonical or m.text)
            if body is not None:
                return Link(body, body.id, body.name, "coref")
        if actor is None and local is not None:
            return local
        return None

    # ------------------------------------------------------------------ roles
    def _role_hits(self) -> list[RoleHit]:
        return find_role_phrases(self.text, self.doc.sentences, self._role_key)

    def _role_actor(self, key: str) -> tuple[Actor | None, str]:
        """Who a role key meant in this article: at its date, else the only holder ever, else
        the one holder the article names."""
        actor, how, holders = self.role_at(key, self.date)
        if actor is not None:
            return actor, how
        named = [a for a in reversed(self.order) if a in holders]
        if named:
            return self.kb.get(named[0]), "coref"
        return None, ""

    def _bare_role_actor(self, head: str, phrase: str) -> str | None:
        """The person a bare role noun ("the spokesman", "the foreign minister") refers back to:
        the most recent one introduced with that title or holding such a role."""
        wanted = self.key(phrase) or head
        for aid in reversed(self.order):
            if head in self.titles.get(aid, ()) or self.holds_office(aid, self.date, head, wanted):
                return aid
        return None

    def _introduced_as(self, key: str) -> tuple[str, str] | None:
        """(actor id, name) of the person this article introduced with the role ``key``
        ("Health Secretary Marla Quince", "Marla Quince, the health secretary,"): a later "the
        health secretary" is that person, whoever the knowledge base says held the office then
        (an outlet's own country, an office the KB does not know, or a KB gap)."""
        ids = self.titled.get(key)
        if not ids:
            return None
        return ids[-1], self._name_of(ids[-1])

    def _name_of(self, aid: str) -> str:
        """An actor's name: the KB's, else the one this article linked it under."""
        known = self.kb.get(aid)
        if known is not None:
            return known.name
        return next((lk.name for lk in self.names.values() if lk.actor_id == aid), aid)

    def _note_title(self, aid: str, hit: RoleHit) -> None:
        """The article introduced ``aid`` with this role: a title before the name or an
        apposition after it (a role phrase linked by date introduces nobody)."""
        self.titles.setdefault(aid, set()).add(hit.head)
        if hit.role_key is not None:
            ids = self.titled.setdefault(hit.role_key, [])
            if aid in ids:
                ids.remove(aid)
            ids.append(aid)

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
        name_info = self.name_info
        hi = 0
        persons = [m for m in mentions if m.type is _PERSON]
        self.person_starts = starts = [p.span.start for p in persons]
        if starts == sorted(starts):  # the furthest end of the persons before each index
            self.person_reach = list(itertools.accumulate((p.span.end for p in persons), max))
        hit_starts = [h.span.start for h in hits] + [sys.maxsize]  # the last: no hit left
        next_hit = hit_starts[0]
        append, linked = out.append, self.linked
        for m in mentions:
            span, text = m.span, m.text
            if next_hit < span.start:  # role phrases before this mention come first
                while hit_starts[hi] < span.start:
                    self._emit_role(hits[hi], out, persons)
                    hi += 1
                next_hit = hit_starts[hi]
            info = name_info(m.canonical or text, text, id(m.type))
            link = None if info is None else self._link_name(m, info)
            if link is None:
                append(m)
                continue
            self._remember(link, info[6])
            linked.append((span, link))
            append(Mention(span, text, m.type, link.actor_id, link.how, link.name))
        for h in hits[hi:]:
            self._emit_role(h, out, persons)
        out.sort(key=lambda x: (x.span.start, -x.span.end))
        return tuple(out)

    def _split_titles(
        self, mentions: Sequence[Mention], hits: Sequence[RoleHit]
    ) -> Sequence[Mention]:
        """A mention that is a role title and a name ("UN Secretary-General Antonio Guterres",
        typed whatever the NER thought) becomes a person mention of the name alone, which the
        title before it then introduces."""
        starts = {h.span.start: h for h in hits if h.role_key is not None}
        if starts.keys().isdisjoint([m.span.start for m in mentions]):
            return mentions  # no mention starts with a title
        out = []
        for m in mentions:
            hit = starts.get(m.span.start)
            if hit is None or hit.span.end >= m.span.end or m.type is _MISC:
                out.append(m)
                continue
            rest = self.text[hit.span.end : m.span.end]
            name = rest.lstrip(" ,")
            if not (is_full_name(name) or isinstance(self._by_name(name, PERSON_KINDS), Actor)):
                out.append(m)
                continue
            start = m.span.end - len(name)
            out.append(Mention(Span(start, m.span.end), name, _PERSON, canonical=name))
        return out

    def _drop_role_words(
        self, mentions: Sequence[Mention], hits: Sequence[RoleHit]
    ) -> Sequence[Mention]:
        """Without "person" mentions that are words of a role phrase the KB reads ("State" in
        "US Secretary of State") and name nobody it knows."""
        spans = [h.span for h in hits if h.role_key is not None]
        if not spans:
            return mentions
        lo, hi = min(s.start for s in spans), max(s.end for s in spans)
        keep = []
        for m in mentions:
            if (
                m.type is _PERSON
                and lo <= m.span.start
                and m.span.end <= hi  # else no role phrase can hold it
                and any(s.contains(m.span) for s in spans)
                and self._by_name(m.text, PERSON_KINDS) is None
            ):
                continue
            keep.append(m)
        return keep

    def _emit_role(self, hit: RoleHit, out: list[Mention], persons: Sequence[Mention]) -> None:
        text = self.text
        # A title right before a name ("Kremlin spokesman Dmitry Peskov"): remember the title.
        j = bisect.bisect_left(self.person_starts, hit.span.end)
        if j < len(persons):
            gap = text[hit.span.end : persons[j].span.start]
            if APPOSITION_GAP.fullmatch(gap) and "," not in gap:
                self._pending_title(persons[j], hit)
                return
        reach = self.person_reach
        if reach is not None:  # the persons starting before the hit's end reach into it?
            if j and reach[j - 1] > hit.span.start:
                return
        elif any(p.span.overlaps(hit.span) for p in persons):
            return
        # "Peskov, the Kremlin spokesman, ...": the role phrase names the person before it.
        prev = persons[j - 1] if 0 < j <= len(persons) else None
        actor_id: str | None = None
        name = ""
        how = ""
        if prev is not None and APPOSITION_GAP.fullmatch(text[prev.span.end : hit.span.start]):
            gap = text[prev.span.end : hit.span.start]
            if "," in gap:
                link = self.names.get(self.key(prev.canonical or prev.text))
                if link is not None:
                    actor_id, name, how = link.actor_id, link.name, "coref"
                    self._note_title(actor_id, hit)
        if actor_id is None and hit.role_key is not None:
            introduced = self._introduced_as(hit.role_key)
            if introduced is not None:
                (actor_id, name), how = introduced, "coref"
            else:
                actor, how = self._role_actor(hit.role_key)
                if actor is not None:
                    actor_id, name = actor.id, actor.name
        if actor_id is None and hit.role_key is None:
            aid = self._bare_role_actor(hit.head, hit.text)
            if aid is not None:
                actor_id, name, how = aid, self._name_of(aid), "coref"
        if actor_id is None:
            return
        self.titles.setdefault(actor_id, set()).add(hit.head)
        link = Link(self.kb.get(actor_id), actor_id, name, how)
        self._remember(link)
        self.linked.append((hit.span, link))
        out.append(
            Mention(hit.span, hit.text, _PERSON, actor_id=actor_id, link=how, canonical=name)
        )

    def _pending_title(self, person: Mention, hit: RoleHit) -> None:
        """Record the office noun for the person the title introduces (linked just after)."""
        kinds = PERSON_KINDS
        full = person.canonical or person.text
        actor = self._by_name(full, kinds)
        aid = (
            actor.id
            if isinstance(actor, Actor)
            else (local_actor_id(full) if actor is None and is_full_name(full) else None)
        )
        if aid is not None:
            self._note_title(aid, hit)

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
        base = q.evidence  # linking twice must not stack
        if "link=" in base:
            base = LINK_EVIDENCE.sub("", base)
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

    def _speaker_link(self, q: Quote) -> Link | None:
        written = q.speaker_text or ""
        name = q.speaker or written
        # A role phrase as written is read at the article's date ("the Russian president").
        key = self._role_key(written) if written else None
        if key is not None:
            introduced = self._introduced_as(key)
            if introduced is not None:
                aid, known_as = introduced
                return Link(self.kb.get(aid), aid, known_as, "coref")
            found, how = self._role_actor(key)
            if found is not None:
                return Link(found, found.id, found.name, how)
        target = self.names.get(self.key(name))
        if target is None:
            actor = self._by_name(name, None)
            if isinstance(actor, Actor):
                target = Link(actor, actor.id, actor.name, "alias")
            else:
                found = self._in_context(name) or self._side_state(name)
                if found is None:
                    return None
                target = Link(found, found.id, found.name, "coref")
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
                return Link(organ, organ.id, organ.name, "coref")
        return Link(target.actor, target.actor_id, target.name, how)

    def _in_context(self, name: str) -> Actor | None:
        """An organisation named without its country ("the Foreign Ministry") read with the
        countries the article names most ("Russian Foreign Ministry")."""
        if not name or not name[0].isupper() or not self.states:
            return None
        ranked = sorted(self.states, key=lambda c: -self.states[c])[:2]
        for code in ranked:
            found = self.org_in(code, name)
            if found is not None:
                return found
        return None

    def _side_state(self, name: str) -> Actor | None:
        """ "the Russian side", "Ukrainian authorities": the state, as a speaker."""
        words = name.split()
        if len(words) < 2 or words[-1].lower() not in STATE_SIDES:
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
