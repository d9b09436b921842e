"""Score predicted quotations against the seeds' gold (match by character overlap in the same doc).

Gold gives each quotation as an exact substring; where it occurs several times, any occurrence
matches. Indirect predictions are not scored (gold does not annotate indirect speech). A prediction
that matches no gold item but repeats a matched gold quotation's words (a sub-heading repeating a
body quotation) is counted as a repeat, not a false positive.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field

from newsgraph.model import Quote, QuoteKind

_NORM = re.compile(r"[^\w]+")


def _norm(s: str) -> str:
    return _NORM.sub(" ", s.lower()).strip()


@dataclass
class KindScore:
    gold: int = 0
    found: int = 0  # gold items matched by a prediction
    predicted: int = 0  # predictions of this kind (not repeats)
    correct_pred: int = 0  # predictions of this kind that matched some gold item
    speaker_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct_pred / self.predicted if self.predicted else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def speaker_accuracy(self) -> float:
        return self.speaker_ok / self.found if self.found else 1.0


def score(
    texts: dict[str, str], predictions: dict[str, tuple[Quote, ...]], gold: list[dict]
) -> dict[str, KindScore]:
    """Per gold kind scores, plus "direct+continuation" and "all"."""
    scores: dict[str, KindScore] = defaultdict(KindScore)
    by_doc: dict[str, list[dict]] = defaultdict(list)
    for g in gold:
        by_doc[g["doc"]].append(g)
    for doc, items in by_doc.items():
        text = texts[doc]
        preds = [q for q in predictions[doc] if q.kind != QuoteKind.INDIRECT]
        used: dict[int, dict] = {}
        for g in items:
            occ = [(m.start(), m.end()) for m in re.finditer(re.escape(g["quote"]), text)]
            cands = [
                (i, q)
                for i, q in enumerate(preds)
                if i not in used and any(q.span.start < b and a < q.span.end for a, b in occ)
            ]
            kinds = _groups(g["kind"])
            for k in kinds:
                scores[k].gold += 1
            if not cands:
                for k in kinds:
                    scores[k].misses.append(f"{doc} MISSED {g['kind']}: {g['quote'][:60]!r}")
                continue
            cands.sort(key=lambda c: (c[1].kind.value != g["kind"], -_overlap(c[1], occ)))
            i, q = cands[0]
            used[i] = g
            ok_speakers = {g["speaker"], *g.get("also", [])}
            speaker_ok = q.speaker in ok_speakers if g["speaker"] else q.speaker is None
            for k in kinds:
                scores[k].found += 1
                scores[k].speaker_ok += speaker_ok
                if not speaker_ok:
                    scores[k].misses.append(
                        f"{doc} SPEAKER {g['kind']}: {g['quote'][:50]!r} gold={g['speaker']} "
                        f"pred={q.speaker} ({q.speaker_text}, {q.evidence})"
                    )
        matched_words = [_norm(g["quote"]) for g in used.values()]
        for i, q in enumerate(preds):
            kinds = _groups(q.kind.value)
            if i not in used and any(
                _norm(q.text) in w or w in _norm(q.text) for w in matched_words
            ):
                continue  # a repeat of a matched quotation
            for k in kinds:
                scores[k].predicted += 1
                if i in used:
                    scores[k].correct_pred += 1
                elif k != "all":
                    scores[k].misses.append(f"{doc} EXTRA {q.kind.value}: {q.text[:60]!r}")
    return dict(scores)


def _groups(kind: str) -> list[str]:
    out = [kind, "all"]
    if kind in ("direct", "continuation"):
        out.append("direct+continuation")
    return out


def _overlap(q: Quote, occ: list[tuple[int, int]]) -> int:
    return max(min(q.span.end, b) - max(q.span.start, a) for a, b in occ)
