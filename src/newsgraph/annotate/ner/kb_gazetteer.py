"""The actor knowledge base as a gazetteer, when it is installed (an optional import)."""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache
from typing import Any

from newsgraph.model import EntityType

_KINDS = {
    "person": EntityType.PERSON,
    "per": EntityType.PERSON,
    "organisation": EntityType.ORG,
    "organization": EntityType.ORG,
    "org": EntityType.ORG,
    "state": EntityType.GPE,
    "country": EntityType.GPE,
    "gpe": EntityType.GPE,
    "place": EntityType.GPE,
}


def _kind_of(actor: Any) -> EntityType | None:
    kind = getattr(actor, "kind", None)
    kind = getattr(kind, "value", kind)
    return _KINDS.get(str(kind).lower()) if kind is not None else None


def _aliases(actor: Any) -> tuple[str, ...]:
    aliases = getattr(actor, "aliases", ())
    return tuple(aliases) if isinstance(aliases, list | tuple | set | frozenset) else ()


def kb_lookup() -> Callable[[str], EntityType | None] | None:
    """``text -> type`` from the KB's aliases, or None when the KB is missing or fails to load."""
    try:
        from newsgraph.kb import default_kb  # type: ignore[attr-defined]

        kb = default_kb()
    except Exception:  # the KB is optional: NER works without it
        return None

    @lru_cache(maxsize=65536)
    def lookup(text: str) -> EntityType | None:
        try:
            actors = kb.by_alias(text)
        except Exception:
            return None
        # the KB's look-up forgives titles ("French President X" finds X); a gazetteer must not
        exact = [a for a in actors if text == getattr(a, "name", None) or text in _aliases(a)]
        kinds = {k for k in map(_kind_of, exact) if k is not None}
        return kinds.pop() if len(kinds) == 1 else None

    return lookup
