"""What the entity tests share: short type names and the recogniser's output as {text: type}."""

from __future__ import annotations

import re

from newsgraph.annotate.ner import EntityRecognizer
from newsgraph.model import EntityType, Span

PER, ORG, GPE, MISC = EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.MISC


def lines_of(text: str) -> list[Span]:
    """Every non-blank line of ``text`` as a span (what the cleaner hands the recogniser)."""
    return [Span(m.start(), m.end()) for m in re.finditer(r"[^\n]*\S[^\n]*", text)]


def found(rec: EntityRecognizer, text: str) -> dict[str, EntityType]:
    return {m.text: m.type for m in rec.recognize(text, lines_of(text))}
