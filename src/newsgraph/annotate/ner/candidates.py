"""A name found in one sentence, before the document pass, and how sure its type is."""

from __future__ import annotations

from dataclasses import dataclass

from newsgraph.annotate.ner.tokens import Token
from newsgraph.model import EntityType

PER, ORG, GPE, MISC = EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.MISC

# How sure a type is; the document pass lets stronger evidence win for the same name.
GUESS, CONTEXT, CUE, LEXICON = 1, 2, 3, 4
TEAM = 5  # a city playing a match ("Leeds beat Chelsea 2-1") is its club, all through the report


@dataclass(slots=True)
class Candidate:
    """A name found in one sentence, before the document pass."""

    tokens: list[Token]
    type: EntityType | None
    strength: int
    weak: bool = False  # needs support elsewhere in the document (sentence start, headline)
    speech: bool = False  # followed by a speech verb ("Peskov said")
    key: str | None = None  # the name as the document pass compares it ("JAPAN" → "Japan")

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    def text(self, raw: str) -> str:
        return self.key or raw[self.start : self.end]
