"""Score predicted quotations against gold: detection P/R/F1 and speaker accuracy, by kind.

Gold rows (seeds.quotes.jsonl format) give the quoted words as an exact substring of the article;
we locate each one, then match predictions to gold one-to-one by character overlap, best overlap
first. Indirect-speech predictions are left out of matching and precision (gold does not annotate
reported speech) and counted apart. A prediction that matches nothing but repeats the words of a
gold quotation at another place in the same article (a headline quote repeated in the body, a scare
term used twice) is counted apart as a repeat, not as a false positive: gold marks one occurrence.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluate.common import PRF, QUOTE_MARKS, Rate, fold_key, normalise
from newsgraph.model import Document, Failure, Quote, QuoteKind, Span

KINDS = ("direct", "continuation", "partial", "heading", "scare")
# Rows of the report: name -> the kinds it covers. The target row is "direct+continuation".
ROWS: dict[str, frozenset[str]] = {
    "all": frozenset(KINDS),
    "direct+continuation": frozenset({"direct", "continuation"}),
    **{k: frozenset({k}) for k in KINDS},
}
TARGET_ROW = "direct+continuation"
TARGET_F1 = 0.90
TARGET_SPEAKER = 0.95


@dataclass(frozen=True, slots=True)
class GoldQuote:
    doc: str
    quote: str
    kind: str
    speaker: str | None
    also: tuple[str, ...] = ()
    span: Span | None = None  # where the words were found in the article; None if not found


def gold_from_row(row: Mapping[str, Any]) -> GoldQuote:
    return GoldQuote(
        doc=str(row["doc"]),
        quote=str(row["quote"]),
        kind=str(row.get("kind") or "direct"),
        speaker=row.get("speaker"),
        also=tuple(row.get("also") or ()),
    )


def _occurrences(text: str, needle: str) -> list[int]:
    found, i = [], text.find(needle)
    while i >= 0 and needle:
        found.append(i)
        i = text.find(needle, i + 1)
    return found


def _quote_adjacent(text: str, start: int, end: int) -> bool:
    """True when the words sit right inside quotation marks (or end with one)."""
    before = text[start - 1] if start > 0 else ""
    after = text[end] if end < len(text) else ""
    return before in QUOTE_MARKS or after in QUOTE_MARKS or text[end - 1] in QUOTE_MARKS


def locate_gold(text: str, items: Iterable[GoldQuote]) -> list[GoldQuote]:
    """Give each gold item a span in ``text``.

    A gold string can occur more than once (a scare term used twice, a phrase inside a longer
    quotation). Longer items are placed first; each item then takes the first occurrence that does
    not overlap an already placed item, preferring occurrences right inside quotation marks.
    Returns the items in their input order.
    """
    items = list(items)
    placed: list[Span] = []
    spans: dict[int, Span] = {}
    for idx in sorted(range(len(items)), key=lambda i: -len(items[i].quote)):
        q = items[idx].quote
        best: tuple[bool, bool, int] | None = None
        for start in _occurrences(text, q):
            span = Span(start, start + len(q))
            key = (
                any(span.overlaps(p) for p in placed),
                not _quote_adjacent(text, span.start, span.end),
                start,
            )
            if best is None or key < best:
                best = key
        if best is not None:
            span = Span(best[2], best[2] + len(q))
            placed.append(span)
            spans[idx] = span
    return [
        GoldQuote(g.doc, g.quote, g.kind, g.speaker, g.also, spans.get(i))
        for i, g in enumerate(items)
    ]


def overlap(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def match_spans(
    gold: Sequence[Span | None], pred: Sequence[Span], min_overlap: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one (gold index, pred index) pairs, best overlap first.

    A pair qualifies when the shared characters cover at least ``min_overlap`` of the shorter
    span (gold quotes are sometimes the leading part of a long quotation, so the shorter side
    decides). Ties are broken by the tighter pair (smaller union), then by position.
    """
    candidates: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        if g is None:
            continue
        for pi, p in enumerate(pred):
            shared = overlap(g, p)
            if shared and shared >= min_overlap * min(len(g), len(p)):
                union = max(g.end, p.end) - min(g.start, p.start)
                candidates.append((-shared, union, gi, pi))
    candidates.sort()
    used_g: set[int] = set()
    used_p: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, _, gi, pi in candidates:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            pairs.append((gi, pi))
    return sorted(pairs)


def speaker_correct(gold: GoldQuote, pred: Quote) -> bool:
    """Predicted canonical speaker equals gold speaker or one of ``also`` (case-insensitive);
    a scare (speaker-less) gold item is right only when the prediction has no speaker."""
    if gold.speaker is None or gold.kind == "scare":
        return not pred.speaker
    if not pred.speaker:
        return False
    said = (normalise(pred.speaker) or "").casefold()
    return any(said == (normalise(s) or "").casefold() for s in (gold.speaker, *gold.also) if s)


@dataclass
class QuoteScores:
    """Everything ``evaluate quotes`` prints; ``as_dict`` is its JSON form."""

    detection: dict[str, PRF]
    speaker: dict[str, Rate]
    indirect_predictions: int = 0
    repeats: int = 0
    kind_confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    misses: list[dict[str, Any]] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    wrong_speakers: list[dict[str, Any]] = field(default_factory=list)
    repeat_items: list[dict[str, Any]] = field(default_factory=list)
    unlocated: list[dict[str, Any]] = field(default_factory=list)
    failures: dict[str, str] = field(default_factory=dict)
    documents: int = 0
    by_doc: dict[str, dict[str, int]] = field(default_factory=dict)

    @property
    def target_met(self) -> bool:
        prf, spk = self.detection[TARGET_ROW], self.speaker[TARGET_ROW]
        return (prf.f1 or 0.0) >= TARGET_F1 and (spk.value or 0.0) >= TARGET_SPEAKER

    def as_dict(self, errors: bool = True) -> dict[str, Any]:
        rows = {
            name: {
                **self.detection[name].as_dict(),
                "speaker_accuracy": self.speaker[name].value,
                "speaker_correct": self.speaker[name].num,
                "speaker_total": self.speaker[name].den,
            }
            for name in ROWS
        }
        out: dict[str, Any] = {
            "documents": self.documents,
            "rows": rows,
            "target": {
                "row": TARGET_ROW,
                "f1": TARGET_F1,
                "speaker_accuracy": TARGET_SPEAKER,
                "met": self.target_met,
            },
            "indirect_predictions": self.indirect_predictions,
            "repeats": self.repeats,
            "kind_confusion": [
                {"gold": g, "pred": p, "count": n}
                for (g, p), n in sorted(self.kind_confusion.items())
            ],
            "failures": self.failures,
            "unlocated_gold": self.unlocated,
            "by_doc": self.by_doc,
        }
        if errors:
            out["errors"] = {
                "misses": self.misses,
                "false_positives": self.false_positives,
                "wrong_speakers": self.wrong_speakers,
                "repeats": self.repeat_items,
            }
        return out


def _pred_item(doc: str, q: Quote) -> dict[str, Any]:
    return {
        "doc": doc,
        "kind": str(q.kind),
        "start": q.span.start,
        "end": q.span.end,
        "text": q.text,
        "speaker": q.speaker,
        "speaker_text": q.speaker_text,
        "evidence": q.evidence,
    }


def score_quotes(
    gold_rows: Iterable[Mapping[str, Any]],
    docs: Mapping[str, Document | Failure],
    *,
    min_overlap: float = 0.5,
) -> QuoteScores:
    """Score the predictions in ``docs`` (doc name -> Document, or Failure when the pipeline
    failed on it) against ``gold_rows``. Only documents named in the gold are scored."""
    by_doc: dict[str, list[GoldQuote]] = {}
    for row in gold_rows:
        g = gold_from_row(row)
        by_doc.setdefault(g.doc, []).append(g)

    det = {name: [0, 0, 0, 0] for name in ROWS}  # matched_pred, n_pred, matched_gold, n_gold
    spk = {name: [0, 0] for name in ROWS}
    res = QuoteScores(detection={}, speaker={}, documents=len(by_doc))

    for doc, items in by_doc.items():
        result = docs.get(doc)
        if result is None:
            result = Failure(doc, "not processed")
        if isinstance(result, Failure):
            res.failures[doc] = result.error
            text, preds = "", []
        else:
            text = result.article.text
            preds = list(result.quotes)
        gold = locate_gold(text, items) if text else items
        for g in gold:
            if g.span is None and text:
                res.unlocated.append({"doc": doc, "kind": g.kind, "quote": g.quote})
        res.indirect_predictions += sum(q.kind == QuoteKind.INDIRECT for q in preds)
        preds = [q for q in preds if q.kind != QuoteKind.INDIRECT]
        pairs = match_spans([g.span for g in gold], [q.span for q in preds], min_overlap)
        gold_hit = {gi: pi for gi, pi in pairs}
        pred_hit = {pi for _, pi in pairs}
        gold_keys = {fold_key(g.quote) for g in gold}
        counts = res.by_doc.setdefault(
            doc, {"gold": len(gold), "matched": len(pairs), "false_positives": 0, "speaker_ok": 0}
        )

        for gi, g in enumerate(gold):
            pi = gold_hit.get(gi)
            for name, kinds in ROWS.items():
                if g.kind in kinds:
                    det[name][3] += 1
                    if pi is not None:
                        det[name][2] += 1
            if pi is None:
                res.misses.append(
                    {
                        "doc": doc,
                        "kind": g.kind,
                        "quote": g.quote,
                        "speaker": g.speaker,
                        "start": g.span.start if g.span else None,
                    }
                )
                continue
            q = preds[pi]
            res.kind_confusion[(g.kind, str(q.kind))] += 1
            ok = speaker_correct(g, q)
            counts["speaker_ok"] += ok
            for name, kinds in ROWS.items():
                if g.kind in kinds:
                    spk[name][1] += 1
                    spk[name][0] += ok
            if not ok:
                res.wrong_speakers.append(
                    {
                        **_pred_item(doc, q),
                        "gold_kind": g.kind,
                        "gold_quote": g.quote,
                        "gold_speaker": g.speaker,
                        "gold_also": list(g.also),
                    }
                )

        for pi, q in enumerate(preds):
            matched = pi in pred_hit
            if (
                not matched
                and fold_key(q.text) in gold_keys
                and not any(g.span and g.span.overlaps(q.span) for g in gold)
            ):
                res.repeats += 1  # the same words as a gold quotation, somewhere else
                res.repeat_items.append(_pred_item(doc, q))
                continue
            for name, kinds in ROWS.items():
                if str(q.kind) in kinds:
                    det[name][1] += 1
                    det[name][0] += matched
            if not matched:
                counts["false_positives"] += 1
                res.false_positives.append(_pred_item(doc, q))

    res.detection = {name: PRF(*c) for name, c in det.items()}
    res.speaker = {name: Rate(*c) for name, c in spk.items()}
    return res
