"""Quotations and their speakers.

Contract: ``extract_quotes(article, sentences, mentions) -> tuple[Quote, ...]`` sorted by span.

Body paragraphs are read in order, sentence by sentence, keeping a small discourse state (who the
text is about, the last speaker, the last organisation) so that "he said" and "the spokesman"
resolve to the right person. Headings are read last: their speaker is whoever says the same words
in the body. Modules: ``marks`` (quotation marks), ``lexicon`` (speech verbs, roles), ``phrases``
(tokens, cues, speaker phrases), ``people`` (names and roles of the article), ``resolve``
(speaker resolution), ``attribution`` (cue/speaker patterns in a sentence), ``indirect``
(reported speech), ``paragraphs`` (the per-paragraph walk and headings).
"""

from __future__ import annotations

from newsgraph.extract.quotes.paragraphs import QuoteWalker
from newsgraph.model import Article, Mention, Quote, Span


def extract_quotes(
    article: Article, sentences: tuple[Span, ...], mentions: tuple[Mention, ...]
) -> tuple[Quote, ...]:
    """All quotations of the article (direct, partial, continuation, heading, scare, indirect)."""
    return QuoteWalker(article, sentences, mentions).run()
