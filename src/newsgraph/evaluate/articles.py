"""Score the cleaner against gold: metadata exact match, non-body line P/R, heading recall.

Gold rows follow seeds.articles.jsonl: title, publisher, authors, published (ISO date or null),
not_body (texts of lines that are not article body) and headings (sub-heading lines). Lines are
compared on the raw text's own lines (stripped), so the score does not depend on how the cleaner
cuts its line spans: a raw line takes the role of the predicted line(s) covering it, and a raw line
no predicted line covers counts as non-body (it is not in the body either way).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluate.common import Rate, normalise
from newsgraph.model import Article, Document, Failure, LineRole, Span

FIELDS = ("title", "authors", "publisher", "published")
BODY_ROLES = frozenset({LineRole.BODY, LineRole.HEADING})
# Title and dek are article content the gold does not list as junk: a line the cleaner gives one
# of these roles is neither right nor wrong for non-body precision (unless gold lists it as junk).
NEUTRAL_ROLES = frozenset({LineRole.TITLE, LineRole.DEK})
_LINE = re.compile(r"[^\n]+")


@dataclass(frozen=True, slots=True)
class RawLine:
    span: Span
    text: str  # stripped
    roles: frozenset[LineRole]  # roles of the predicted lines covering it (empty: none)

    @property
    def non_body(self) -> bool:
        return not (self.roles & BODY_ROLES)


def raw_lines(article: Article) -> list[RawLine]:
    """Non-blank lines of the raw text with the predicted roles that cover them."""
    text = article.text
    pred = sorted(article.lines, key=lambda ln: ln.span.start)
    out: list[RawLine] = []
    j = 0
    for m in _LINE.finditer(text):
        stripped = m.group().strip()
        if not stripped:
            continue
        lead = len(m.group()) - len(m.group().lstrip())
        span = Span(m.start() + lead, m.start() + lead + len(stripped))
        while j < len(pred) and pred[j].span.end <= span.start:
            j += 1
        roles = set()
        k = j
        while k < len(pred) and pred[k].span.start < span.end:
            if pred[k].span.overlaps(span):
                roles.add(pred[k].role)
            k += 1
        out.append(RawLine(span, stripped, frozenset(roles)))
    return out


def _norm_field(name: str, value: Any) -> Any:
    if name == "authors":
        return sorted((normalise(str(a)) or "").casefold() for a in value or ())
    if name == "published":
        if value is None:
            return None
        return (value.isoformat() if hasattr(value, "isoformat") else str(value))[:10]
    return normalise(value) if isinstance(value, str) else value


def _predicted_field(article: Article, name: str) -> Any:
    return getattr(article, name)


def _find_lines(lines: list[RawLine], wanted: str) -> list[int]:
    """Indexes of raw lines whose text is ``wanted``; exact first, then quote/space-normalised,
    then (for a gold string that is only part of a line) lines containing it."""
    exact = [i for i, ln in enumerate(lines) if ln.text == wanted]
    if exact:
        return exact
    key = normalise(wanted)
    loose = [i for i, ln in enumerate(lines) if normalise(ln.text) == key]
    if loose:
        return loose
    return [i for i, ln in enumerate(lines) if key and key in (normalise(ln.text) or "")]


@dataclass
class ArticleScores:
    """Everything ``evaluate articles`` prints; ``as_dict`` is its JSON form."""

    fields: dict[str, Rate]
    not_body_precision: Rate
    not_body_recall: Rate
    headings_recall: Rate
    headings_precision: Rate
    neutral_lines: int = 0
    field_errors: list[dict[str, Any]] = field(default_factory=list)
    missed_not_body: list[dict[str, Any]] = field(default_factory=list)
    wrong_not_body: list[dict[str, Any]] = field(default_factory=list)
    missed_headings: list[dict[str, Any]] = field(default_factory=list)
    unlocated: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    documents: int = 0

    def as_dict(self, errors: bool = True) -> dict[str, Any]:
        def rate(r: Rate) -> dict[str, Any]:
            return {"value": r.value, "num": r.num, "den": r.den}

        p, r = self.not_body_precision.value, self.not_body_recall.value
        f1 = 2 * p * r / (p + r) if p is not None and r is not None and p + r else None
        out: dict[str, Any] = {
            "documents": self.documents,
            "fields": {name: rate(v) for name, v in self.fields.items()},
            "not_body": {
                "precision": rate(self.not_body_precision),
                "recall": rate(self.not_body_recall),
                "f1": f1,
                "neutral_title_dek_lines": self.neutral_lines,
            },
            "headings": {
                "recall": rate(self.headings_recall),
                "precision": rate(self.headings_precision),
            },
            "failures": self.failures,
            "unlocated_gold_lines": self.unlocated,
        }
        if errors:
            out["errors"] = {
                "fields": self.field_errors,
                "missed_not_body": self.missed_not_body,
                "wrong_not_body": self.wrong_not_body,
                "missed_headings": self.missed_headings,
            }
        return out


def score_articles(
    gold_rows: Iterable[Mapping[str, Any]], docs: Mapping[str, Document | Failure]
) -> ArticleScores:
    """Score the cleaned articles in ``docs`` (doc name -> Document or Failure) against gold."""
    rows = list(gold_rows)
    fields = {name: Rate() for name in FIELDS}
    nb_p = nb_r = hd_r = hd_p = Rate()
    res = ArticleScores(fields, nb_p, nb_r, hd_r, hd_p, documents=len(rows))

    for row in rows:
        doc = str(row["doc"])
        result = docs.get(doc) or Failure(doc, "not processed")
        gold_nb = list(row.get("not_body") or ())
        gold_hd = list(row.get("headings") or ())
        if isinstance(result, Failure):
            res.failures[doc] = result.error
            for name in FIELDS:
                fields[name] += Rate(0, 1)
            nb_r += Rate(0, len(gold_nb))
            hd_r += Rate(0, len(gold_hd))
            continue
        article = result.article if isinstance(result, Document) else result

        for name in FIELDS:
            want = _norm_field(name, row.get(name))
            got = _norm_field(name, _predicted_field(article, name))
            ok = want == got
            fields[name] += Rate(int(ok), 1)
            if not ok:
                res.field_errors.append(
                    {"doc": doc, "field": name, "gold": row.get(name), "pred": _jsonable(got)}
                )

        lines = raw_lines(article)
        junk: set[int] = set()
        for wanted in gold_nb:
            found = _find_lines(lines, wanted)
            if not found:
                res.unlocated.append({"doc": doc, "kind": "not_body", "line": wanted})
                nb_r += Rate(0, 1)
                res.missed_not_body.append({"doc": doc, "line": wanted, "roles": []})
            junk.update(found)
        for i in sorted(junk):
            ln = lines[i]
            nb_r += Rate(int(ln.non_body), 1)
            if not ln.non_body:
                res.missed_not_body.append(
                    {"doc": doc, "line": ln.text, "roles": sorted(map(str, ln.roles))}
                )
        for i, ln in enumerate(lines):
            if not ln.non_body:
                continue
            if i not in junk and ln.roles and ln.roles <= NEUTRAL_ROLES:
                res.neutral_lines += 1
                continue
            nb_p += Rate(int(i in junk), 1)
            if i not in junk:
                res.wrong_not_body.append(
                    {"doc": doc, "line": ln.text, "roles": sorted(map(str, ln.roles))}
                )

        heads: set[int] = set()
        for wanted in gold_hd:
            found = _find_lines(lines, wanted)
            if not found:
                res.unlocated.append({"doc": doc, "kind": "heading", "line": wanted})
            hit = any(LineRole.HEADING in lines[i].roles for i in found)
            hd_r += Rate(int(hit), 1)
            heads.update(found)
            if not hit:
                roles = sorted({str(r) for i in found for r in lines[i].roles})
                res.missed_headings.append({"doc": doc, "line": wanted, "roles": roles})
        for i, ln in enumerate(lines):
            if LineRole.HEADING in ln.roles:
                hd_p += Rate(int(i in heads), 1)

    res.fields = fields
    res.not_body_precision, res.not_body_recall = nb_p, nb_r
    res.headings_recall, res.headings_precision = hd_r, hd_p
    return res


def _jsonable(value: Any) -> Any:
    return value if value is None or isinstance(value, str | int | float | list) else str(value)
