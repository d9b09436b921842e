"""Mentions built without the dataclass ``__init__``: an article yields some forty of them, and
the frozen dataclasses' generated ``__init__`` (one ``object.__setattr__`` per field, and
``Span.__post_init__``'s check) costs about twice what setting the slots directly does.

Only used while :class:`~newsgraph.model.Mention` and :class:`~newsgraph.model.Span` have the
fields read here; any other shape of the model falls back to the constructors (checked once,
at import), so a field added to the model can never be left unset.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import fields

from newsgraph.model import EntityType, Mention, Span

_MENTION_FIELDS = ("span", "text", "type", "actor_id", "link", "canonical")
_SPAN_FIELDS = ("start", "end")

MentionMaker = Callable[[str, int, int, EntityType, "str | None"], Mention]


def _by_constructor(text: str, s: int, e: int, typ: EntityType, canonical: str | None) -> Mention:
    """``Mention(Span(s, e), text[s:e], typ, canonical=canonical)``, spelled out."""
    return Mention(Span(s, e), text[s:e], typ, None, None, canonical)


def _slot_maker() -> MentionMaker | None:
    """The direct maker, or None when the model's shape is not the one it was written for."""
    if (
        tuple(f.name for f in fields(Mention)) != _MENTION_FIELDS
        or tuple(f.name for f in fields(Span)) != _SPAN_FIELDS
        or hasattr(Mention, "__post_init__")
        or not hasattr(Mention, "__slots__")
        or not hasattr(Span, "__slots__")
    ):
        return None
    new = object.__new__
    start, end = Span.start.__set__, Span.end.__set__  # type: ignore[attr-defined]
    m_span, m_text, m_type, m_actor, m_link, m_canonical = (
        getattr(Mention, name).__set__ for name in _MENTION_FIELDS
    )

    def make(text: str, s: int, e: int, typ: EntityType, canonical: str | None) -> Mention:
        """The mention of ``text[s:e]`` (``0 <= s < e``: a span ``Span`` would accept)."""
        span = new(Span)
        start(span, s)
        end(span, e)
        m = new(Mention)
        m_span(m, span)
        m_text(m, text[s:e])
        m_type(m, typ)
        m_actor(m, None)
        m_link(m, None)
        m_canonical(m, canonical)
        return m

    return make


new_mention: MentionMaker = _slot_maker() or _by_constructor
