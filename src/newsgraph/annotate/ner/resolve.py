"""The document pass: one type per name, where the evidence was strongest.

A name keeps the type it was given where the evidence was best ("Peskov" after "Kremlin
spokesman Dmitry Peskov"), surnames become their persons, a club's short name its club, and
weak candidates (sentence openers, headline words) need support elsewhere in the article.
"""

from __future__ import annotations

import re

from newsgraph.annotate.ner import lexicons as lx
from newsgraph.annotate.ner.candidates import CUE, LEXICON, ORG, PER, Candidate
from newsgraph.model import EntityType


def resolve(
    raw: str, cands: list[Candidate], default_single: EntityType | None
) -> list[tuple[Candidate, EntityType, str | None]]:
    """The document pass: one type per name (strongest evidence wins), surnames become persons,
    weak candidates need support elsewhere; returns (candidate, type, canonical person name)."""
    best: dict[str, tuple[int, EntityType]] = {}
    surnames: dict[str, str] = {}
    org_firsts: set[str] = set()  # "Bayern" after "Bayern Munich"
    texts = [c.key or raw[c.tokens[0].start : c.tokens[-1].end] for c in cands]
    for c, text in zip(cands, texts, strict=True):
        if c.weak or c.type is None:
            continue
        known = best.get(text)
        if known is None or known[0] < c.strength:
            best[text] = (c.strength, c.type)
        if c.type is PER and len(c.tokens) > 1 and c.strength >= CUE:
            for tok in c.tokens[1:]:
                if tok.is_cap and len(text) > len(surnames.get(tok.text, "")):
                    surnames[tok.text] = text
        elif c.type is ORG and c.strength >= CUE and len(c.tokens) > 1 and c.tokens[1].name:
            word = c.tokens[0].text
            if word not in _NOT_SHORT_FORMS and not word.isupper():
                org_firsts.add(word)
    if "(" in raw:
        _share_acronym_types(raw, cands, texts, best)
    paired = _paired_with_orgs(raw, cands, texts, best) if " and " in raw else ()
    out: list[tuple[Candidate, EntityType, str | None]] = []
    for k, (c, text) in enumerate(zip(cands, texts, strict=True)):
        typ, strength = c.type, c.strength if c.type is not None else 0
        known = best.get(text)
        if k in paired and (known is None or known[0] < CUE):
            typ, strength = ORG, CUE
        elif known is not None and (known[0] > strength or c.weak):
            typ, strength = known[1], known[0]
        elif len(c.tokens) == 1 and text in surnames and (strength < LEXICON or c.weak):
            typ, strength = PER, CUE
        elif len(c.tokens) == 1 and text in org_firsts and (strength < LEXICON or c.weak):
            typ, strength = ORG, CUE
        elif c.weak and not (c.speech and not text.endswith("s") and text not in lx.GENERIC_HEADS):
            continue
        if typ is None:
            if default_single is None:
                continue
            typ = default_single
        canonical = None
        if typ is PER:
            last = c.key or c.tokens[-1].text
            canonical = surnames.get(last, text) if len(c.tokens) == 1 else text
        out.append((c, typ, canonical))
    return out


def _paired_with_orgs(
    raw: str, cands: list[Candidate], texts: list[str], best: dict[str, tuple[int, EntityType]]
) -> set[int]:
    """ "Petrobras and Equinor signed", "MIT and Stanford": a lone word no rule could type,
    joined by "and" to an organisation with evidence (there or elsewhere in the article), is
    one too (read from the text between the two candidates, so only neighbours count)."""
    out: set[int] = set()
    for k in range(1, len(cands)):
        a, b = cands[k - 1], cands[k]
        if raw[a.tokens[-1].end : b.tokens[0].start] != " and ":
            continue
        if _untyped_word(a) and (_evident_org(b) or _known_org(best.get(texts[k]))):
            out.add(k - 1)
        elif (
            _untyped_word(b)
            and (_evident_org(a) or _known_org(best.get(texts[k - 1])))
            and not any(t.is_lower for t in a.tokens)
        ):
            out.add(k)  # not "Ministry of Education and Culture": one name split at "and"
    return out


def _known_org(known: tuple[int, EntityType] | None) -> bool:
    """The document pass has an organisation with evidence under this name."""
    return known is not None and known[1] is ORG and known[0] >= CUE


def _untyped_word(c: Candidate) -> bool:
    return len(c.tokens) == 1 and (c.type is None or c.weak or c.strength < CUE)


def _evident_org(c: Candidate) -> bool:
    return c.type is ORG and c.strength >= CUE and not c.weak


# first words of organisation names that are not the organisation on their own
_NOT_SHORT_FORMS = (
    lx.ORG_HEADS | lx.HONORIFICS | lx.ROLE_FILLERS | lx.COMPASS | lx.PLACE_PREFIXES | {"the", "The"}
)
_ACRONYM_AFTER = re.compile(r"\s?\(\s?$")


def _share_acronym_types(
    raw: str, cands: list[Candidate], texts: list[str], best: dict[str, tuple[int, EntityType]]
) -> None:
    """ "Organization of the Petroleum Exporting Countries (OPEC)": the long name and the
    acronym in brackets after it are one entity; the better evidence types both."""
    for k in range(1, len(cands)):
        b = cands[k].tokens
        if len(b) != 1 or raw[b[0].end : b[0].end + 1] != ")":
            continue  # the common case first: no single word closing a bracket
        a = cands[k - 1].tokens
        acronym = texts[k]
        if (
            len(a) < 2
            or not acronym.isupper()
            or _ACRONYM_AFTER.match(raw, a[-1].end, b[0].start) is None
        ):
            continue
        long_known, short_known = best.get(texts[k - 1]), best.get(acronym)
        if long_known is None or short_known is None:
            kept = long_known or short_known
        else:
            kept = long_known if long_known[0] >= short_known[0] else short_known
        if kept is not None:
            best[texts[k - 1]] = best[acronym] = kept
