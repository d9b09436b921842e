"""Safe highlighted HTML from untrusted article text and character spans.

Article text comes from the web and may hold markup meant to run in a reader's browser. Every
piece of text is escaped with markupsafe *segment by segment* and only our own tags are added
around the escaped pieces, so the result can be marked safe without ever trusting the input.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, Protocol, TypeVar

from markupsafe import Markup, escape

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s+|\n\s*")


@dataclass(frozen=True, slots=True)
class Mark:
    """A quotation to highlight: half-open ``[start, end)`` and who said it (or None)."""

    start: int
    end: int
    speaker: str | None = None
    kind: str = "direct"


@dataclass(frozen=True, slots=True)
class Tag:
    """A lighter annotation inside the text (an entity mention), drawn inside marks."""

    start: int
    end: int
    label: str = ""


class _Spanned(Protocol):
    start: int
    end: int


S = TypeVar("S", bound=_Spanned)


class SpanIndex(Generic[S]):
    """Marks or tags found by position, so a page of many lines does not scan every quotation
    for every line (a long scraped text can have thousands of both)."""

    def __init__(self, items: Sequence[S]) -> None:
        self._items = sorted(items, key=lambda m: (m.start, m.end))
        self._starts = [m.start for m in self._items]
        self._longest = max((m.end - m.start for m in self._items), default=0)

    def overlapping(self, lo: int, hi: int) -> list[S]:
        """The items overlapping ``[lo, hi)``."""
        first = bisect.bisect_left(self._starts, lo - self._longest)
        last = bisect.bisect_left(self._starts, hi)
        return [m for m in self._items[first:last] if m.end > lo]


def _clip_marks(marks: Sequence[Mark], lo: int, hi: int) -> list[tuple[int, int, Mark]]:
    """Marks cut to ``[lo, hi)`` and to each other: overlaps go to the earlier, longer mark."""
    out: list[tuple[int, int, Mark]] = []
    cursor = lo
    for m in sorted(marks, key=lambda m: (m.start, -m.end)):
        a, b = max(m.start, cursor, lo), min(m.end, hi)
        if a < b:
            out.append((a, b, m))
            cursor = b
    return out


def _tagged(text: str, a: int, b: int, tags: Sequence[tuple[int, int, Tag]]) -> Markup:
    """Escaped ``text[a:b]`` with the tags that fall inside it wrapped in ``<span>``."""
    parts: list[str] = []
    pos = a
    for ta, tb, tag in tags:
        ta, tb = max(ta, pos), min(tb, b)
        if ta >= tb:
            continue
        parts.append(escape(text[pos:ta]))
        parts.append(
            Markup('<span class="mention" title="{}">{}</span>').format(tag.label, text[ta:tb])
        )
        pos = tb
    parts.append(escape(text[pos:b]))
    return Markup("").join(parts)


def highlight(
    text: str,
    marks: Sequence[Mark],
    *,
    start: int = 0,
    end: int | None = None,
    tags: Sequence[Tag] = (),
    labels: bool = True,
) -> Markup:
    """HTML for ``text[start:end]`` with each quotation in ``<mark>`` and its speaker named.

    The speaker is in the mark's ``title`` (shown on hover) and, when ``labels`` is true and the
    quotation ends inside this stretch, in a visible label right after it. Marks and tags may run
    past the stretch (a quotation over several lines): they are clipped to it.
    """
    hi = len(text) if end is None else min(end, len(text))
    lo = max(0, min(start, hi))
    clipped = _clip_marks(marks, lo, hi)
    tag_list: list[tuple[int, int, Tag]] = []
    tcursor = lo
    for t in sorted(tags, key=lambda t: (t.start, -t.end)):
        a, b = max(t.start, tcursor, lo), min(t.end, hi)
        if a < b:
            tag_list.append((a, b, t))
            tcursor = b
    parts: list[Markup] = []
    pos = lo
    for a, b, m in clipped:
        parts.append(_tagged(text, pos, a, tag_list))
        who = m.speaker or ("scare quote" if m.kind == "scare" else "unattributed")
        parts.append(
            Markup('<mark class="q q-{}" title="{}">{}</mark>').format(
                m.kind, f"{who} ({m.kind})", _tagged(text, a, b, tag_list)
            )
        )
        if labels and m.end <= hi:
            parts.append(Markup('<span class="who">{}</span>').format(who))
        pos = b
    parts.append(_tagged(text, pos, hi, tag_list))
    return Markup("").join(parts)


def sentence_bounds(text: str, start: int, end: int, *, limit: int = 400) -> tuple[int, int]:
    """The sentence around ``[start, end)``: from the previous sentence end or line break to the
    next one, at most ``limit`` characters either side, so a list can show quotes in context."""
    lo = max(0, start - limit)
    a = lo
    for m in _SENTENCE_END.finditer(text, lo, start):
        a = m.end()
    if a == lo and lo > 0:  # no boundary found within the window: start at a word
        space = text.find(" ", lo, start)
        a = space + 1 if space >= 0 else lo
    hi = min(len(text), end + limit)
    from_ = end - 1 if end > start and text[end - 1] in ".!?" else end
    m = _SENTENCE_END.search(text, from_, hi)
    if m:
        b = m.start() + len(m.group().rstrip())
    else:
        b = hi
        if hi < len(text):
            space = text.rfind(" ", end, hi)
            b = space if space >= 0 else hi
    # Closing quotation marks right after the quote belong to the sentence.
    return a, max(b, end)
