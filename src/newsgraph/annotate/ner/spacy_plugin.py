"""Optional: a user-installed spaCy pipeline's entities merged with the rules' mentions.

spaCy is not a dependency of newsgraph: it is imported only when a model is asked for. On an
overlap spaCy's span and type win, unless the rule mention came from a lexicon or a cue (a title,
an organisation head, the knowledge base), which the statistical model is more often wrong about.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from newsgraph.model import EntityType, Mention, Span

SPACY_TYPES: dict[str, EntityType] = {
    "PERSON": EntityType.PERSON,
    "PER": EntityType.PERSON,
    "ORG": EntityType.ORG,
    "GPE": EntityType.GPE,
    "LOC": EntityType.GPE,
    "FAC": EntityType.GPE,
    "NORP": EntityType.MISC,
    "MISC": EntityType.MISC,
    "EVENT": EntityType.MISC,
    "PRODUCT": EntityType.MISC,
    "WORK_OF_ART": EntityType.MISC,
    "LAW": EntityType.MISC,
    "LANGUAGE": EntityType.MISC,
}


def load_spacy(name_or_path: str) -> Any:
    """Load a spaCy pipeline with an ``ner`` component; clear errors when that is impossible."""
    try:
        import spacy
    except ImportError as exc:
        raise ImportError(
            f"the spaCy model {name_or_path!r} was asked for (NEWSGRAPH_SPACY_MODEL or "
            "spacy_model) but spaCy is not installed: pip install spacy"
        ) from exc
    try:
        nlp = spacy.load(name_or_path)
    except OSError as exc:
        raise OSError(f"cannot load spaCy model {name_or_path!r}: {exc}") from exc
    if "ner" not in nlp.pipe_names:
        raise OSError(f"spaCy model {name_or_path!r} has no 'ner' component: {nlp.pipe_names}")
    return nlp


def spacy_mentions(nlp: Any, text: str, sentences: Sequence[Span]) -> list[Mention]:
    """spaCy's entities in each sentence, as mentions into ``text`` (unknown labels skipped)."""
    out: list[Mention] = []
    for s in sentences:
        doc = nlp(text[s.start : s.end])
        for ent in doc.ents:
            typ = SPACY_TYPES.get(ent.label_)
            if typ is None:
                continue
            span = Span(s.start + ent.start_char, s.start + ent.end_char)
            out.append(Mention(span=span, text=span.of(text), type=typ))
    return out


def merge(
    rule_mentions: Sequence[tuple[Mention, bool]], model_mentions: Sequence[Mention]
) -> tuple[Mention, ...]:
    """Rules' mentions (with "is from a lexicon/cue") and the model's, without overlaps."""
    kept: list[Mention] = [m for m, strong in rule_mentions if strong]
    for m in model_mentions:
        if not any(k.span.overlaps(m.span) for k in kept):
            kept.append(m)
    for m, strong in rule_mentions:
        if not strong and not any(k.span.overlaps(m.span) for k in kept):
            kept.append(m)
    return tuple(sorted(kept, key=lambda m: (m.span.start, m.span.end)))


def merge_spacy(
    nlp: Any,
    text: str,
    sentences: Sequence[Span],
    rule_mentions: Sequence[tuple[Mention, bool, bool]],
) -> tuple[Mention, ...]:
    pairs = [(m, strong) for m, strong, _ in rule_mentions]
    return merge(pairs, spacy_mentions(nlp, text, sentences))
