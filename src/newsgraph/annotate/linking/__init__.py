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

Modules: ``roles`` (role phrases in the text), ``document`` (one article: mentions, then quote
speakers), ``names`` (local ids, full names), ``lexicon`` (word lists).

Role phrases are not always entity mentions, so they are found here: every office noun of the
text ("president", "spokesman", "minister" ...) with the words around it that can belong to a role
("Ukraine's foreign", "of State") is read by the knowledge base's role phrases. A resolved role
phrase that is not a title right before a name becomes a PERSON mention of its own.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable
from dataclasses import replace

from newsgraph.annotate.linking.document import DocumentLinker, NameInfo, holds_office, name_info
from newsgraph.annotate.linking.lexicon import ORG_KINDS
from newsgraph.annotate.linking.names import LOCAL_PREFIX, local_actor_id
from newsgraph.kb import KnowledgeBase, default_kb, norm
from newsgraph.model import Actor, Document


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
        # Keyed by (role key or actor id, article date): the KB's part of reading a role.
        self.role_at: Callable[[str, dt.date | None], tuple[Actor | None, str, frozenset[str]]] = (
            functools.lru_cache(maxsize=1 << 14)(self._role_at)
        )
        self.holds_office: Callable[[str, dt.date | None, str, str], bool] = functools.lru_cache(
            maxsize=1 << 16
        )(functools.partial(holds_office, self))
        self.country_code: Callable[[str], str | None] = functools.lru_cache(maxsize=1 << 14)(
            self.kb.country_code
        )
        self.org_in: Callable[[str, str], Actor | None] = functools.lru_cache(maxsize=1 << 14)(
            self._org_in
        )
        # Keyed by (fullest form, text, id of the entity type) of a mention.
        self.name_info: Callable[[str, str, int], NameInfo | None] = functools.lru_cache(
            maxsize=1 << 16
        )(functools.partial(name_info, self))

    def _candidates(self, name: str, kinds: frozenset[str] | None) -> tuple[Actor, ...]:
        """Actors a name can mean, best first; a single one when the name is an actor's own."""
        found = self.kb.by_alias(name, strict=True)
        if not found:  # titles dropped ("Russian President Vladimir Putin")
            found = self.kb.by_alias(name)
            codes = {self.country_code(t) for t in self.key(name).split()} if found else set()
            codes.discard(None)
            if codes:  # "Iranian State Department" is no US body
                found = [a for a in found if a.kind == "person" or a.country in codes]
        if kinds is not None:
            found = [a for a in found if a.kind in kinds]
        if len(found) > 1 and self.key(found[0].name) == self.key(name):
            return (found[0],)
        return tuple(found)

    def _org_in(self, code: str, name: str) -> Actor | None:
        """The one organisation a name without its country ("Foreign Ministry") is in a
        country ("Russian Foreign Ministry"), else None."""
        country = self.kb.countries.get(code)
        if country is None:
            return None
        for form in (*country.adjectives[:2], *country.names[:1]):
            found = self.candidates(f"{form} {name}", ORG_KINDS)
            if len(found) == 1 and found[0].kind == "organisation":
                return found[0]
        return None

    def _role_at(self, key: str, date: dt.date | None) -> tuple[Actor | None, str, frozenset[str]]:
        """Who held a role key at a date (and how we know), else everyone who may have held it
        then: the KB's half of reading a role, the article's names decide the rest."""
        if date is not None:
            actor = self.kb.by_role(key, date)
            if actor is not None:
                return actor, "role@date", frozenset()
            return (
                None,
                "",
                frozenset(t.actor_id for t in self.kb.tenures(key) if t.holds(date, certain=False)),
            )
        holders = frozenset(t.actor_id for t in self.kb.tenures(key))
        if len(holders) == 1:
            return self.kb.get(next(iter(holders))), "role", holders
        return None, "", holders

    # ------------------------------------------------------------------ entry point
    def link(self, doc: Document) -> Document:
        """The document with linked mentions (role phrases added) and quote speakers."""
        state = DocumentLinker(self, doc)
        mentions = state.link_mentions()
        quotes = tuple(state.link_quote(q) for q in doc.quotes)
        return replace(doc, mentions=mentions, quotes=quotes)


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
    phrase ("Peskov", "Dmitry Peskov", "Kremlin spokesman" → ["dmitry-peskov"]); for a full name
    the KB does not know, the local id it would have. Query with ``speaker_actor_id IN ids`` OR
    the existing name match."""
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
    "default_linker",
    "link_all",
    "link_document",
    "local_actor_id",
    "resolve_speaker_filter",
]
