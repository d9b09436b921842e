"""Shared helpers for the scorers: gold loading, text normalisation, P/R/F1, running the pipeline.

The scorers themselves are pure functions of (gold rows, predicted Documents); running the
pipeline over a folder of gold documents lives here so every ``evaluate`` command does it the same
way and reports a crashing stage as a per-document error instead of stopping.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsgraph.model import Document, Failure, Record

# Every typographic quotation mark / apostrophe folded to its ASCII form.
_QUOTE_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‟": '"',
        "«": '"',
        "»": '"',
        "″": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "‛": "'",
        "′": "'",
        "`": "'",
        "´": "'",
    }
)
_WS = re.compile(r"\s+")
QUOTE_MARKS = frozenset("\"'“”„‟«»‘’‚‛`´″′")


def normalise(text: str | None) -> str | None:
    """Fold quote characters to ASCII and collapse whitespace: all the normalisation gold allows."""
    if text is None:
        return None
    return _WS.sub(" ", text.translate(_QUOTE_FOLD)).strip()


def fold_key(text: str) -> str:
    """A loose comparison key: normalised, case-folded, without surrounding quotes/punctuation."""
    return (normalise(text) or "").casefold().strip(" \"'.,;:!?…-—–")


@dataclass(frozen=True, slots=True)
class Rate:
    """A ratio kept as its counts so it can be summed and printed as ``n/d``."""

    num: int = 0
    den: int = 0

    @property
    def value(self) -> float | None:
        return self.num / self.den if self.den else None

    def __add__(self, other: Rate) -> Rate:
        return Rate(self.num + other.num, self.den + other.den)


@dataclass(frozen=True, slots=True)
class PRF:
    """Detection counts. Precision and recall keep separate numerators because a row by kind
    counts predictions by predicted kind and gold items by gold kind."""

    matched_pred: int = 0
    n_pred: int = 0
    matched_gold: int = 0
    n_gold: int = 0

    @property
    def precision(self) -> float | None:
        return self.matched_pred / self.n_pred if self.n_pred else None

    @property
    def recall(self) -> float | None:
        return self.matched_gold / self.n_gold if self.n_gold else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        if r == 0.0 and p is None:
            return 0.0  # gold items exist and nothing was predicted
        if p is None or r is None:
            return None
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "matched_pred": self.matched_pred,
            "n_pred": self.n_pred,
            "matched_gold": self.matched_gold,
            "n_gold": self.n_gold,
        }


def load_jsonl(path: str | Path) -> list[dict[str, Any]]:
    """Rows of a JSON Lines gold file; blank lines skipped, a bad line raises with its number."""
    rows: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{lineno}: bad JSON: {exc}") from exc
    return rows


def run_documents(docs_dir: str | Path, names: Iterable[str]) -> dict[str, Document | Failure]:
    """Run the pipeline on ``docs_dir/name`` for each name; a missing file or a stage that raises
    becomes a Failure for that document so one broken stage never hides the other scores."""
    # Imported here so importing the scorers does not pull in every stage.
    from newsgraph.pipeline import process_record

    out: dict[str, Document | Failure] = {}
    for name in dict.fromkeys(names):
        path = Path(docs_dir) / name
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            out[name] = Failure(name, f"cannot read {path}: {exc}")
            continue
        try:
            out[name] = process_record(Record(source=name, text=text))
        except Exception as exc:  # a stage bug must not stop the evaluation
            out[name] = Failure(name, f"pipeline raised {type(exc).__name__}: {exc}")
    return out


def fmt_ratio(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
