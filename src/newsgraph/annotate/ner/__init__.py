"""Named-entity recognition by rules and shipped word lists, with an optional spaCy model.

:class:`EntityRecognizer` is the entry point; ``find_mentions`` in ``annotate.entities`` uses a
shared default instance (its state is read-only lexicons, so sharing it keeps the pipeline pure).
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from typing import Any

from newsgraph.annotate.ner.candidates import CUE, LEXICON
from newsgraph.annotate.ner.kb_gazetteer import kb_lookup
from newsgraph.annotate.ner.mentions import new_mention
from newsgraph.annotate.ner.resolve import resolve
from newsgraph.annotate.ner.rules import RuleTagger
from newsgraph.model import EntityType, Mention, Span

SPACY_ENV = "NEWSGRAPH_SPACY_MODEL"


class EntityRecognizer:
    """Rules plus, when a spaCy pipeline is named, its NER merged in.

    ``spacy_model`` is a package name or path of a user-installed spaCy pipeline; when None the
    ``NEWSGRAPH_SPACY_MODEL`` environment variable is read; an empty value means rules only.
    ``use_kb`` uses the actor knowledge base's aliases as a gazetteer when it is installed.
    """

    def __init__(
        self, spacy_model: str | None = None, *, use_kb: bool = True, env: bool = True
    ) -> None:
        self.rules = RuleTagger(kb_lookup() if use_kb else None)
        name = (
            spacy_model if spacy_model is not None else (os.environ.get(SPACY_ENV) if env else None)
        )
        self.spacy_model = name or None
        self._nlp: Any = None
        if self.spacy_model:
            from newsgraph.annotate.ner.spacy_plugin import load_spacy

            self._nlp = load_spacy(self.spacy_model)

    def recognize(self, text: str, sentences: Sequence[Span]) -> tuple[Mention, ...]:
        """Mentions in ``text`` within the given sentence spans, in text order."""
        cands = []
        tag = self.rules.tag_sentence
        for s in sentences:
            cands += tag(text, s.start, s.end)
        resolved = resolve(text, cands, self.rules.single_default)
        if self._nlp is None:
            make = new_mention
            return tuple(
                [
                    make(text, c.tokens[0].start, c.tokens[-1].end, typ, canonical)
                    for c, typ, canonical in resolved
                ]
            )
        mentions = [
            (
                Mention(
                    span=Span(c.start, c.end),
                    text=text[c.start : c.end],
                    type=typ,
                    canonical=canonical,
                ),
                c.strength >= CUE,
                c.strength >= LEXICON,
            )
            for c, typ, canonical in resolved
        ]
        from newsgraph.annotate.ner.spacy_plugin import merge_spacy

        return merge_spacy(self._nlp, text, sentences, mentions)


_DEFAULT: dict[str | None, EntityRecognizer] = {}


def default_recognizer() -> EntityRecognizer:
    """One recognizer per process and spaCy setting (lexicons are loaded once)."""
    key = os.environ.get(SPACY_ENV) or None
    rec = _DEFAULT.get(key)
    if rec is None:
        rec = _DEFAULT[key] = EntityRecognizer(key, env=False)
    return rec


__all__ = ["SPACY_ENV", "EntityRecognizer", "EntityType", "default_recognizer"]
