"""Entity scorer: CoNLL gold files, the recognizer run on detokenised text, seqeval P/R/F1.

Reads both layouts in use: ``token LABEL`` (WikiGold, IO tags) and CoNLL-2003's
``token POS chunk LABEL`` (IOB1/BIO tags); the label is always the last column. Each
``-DOCSTART-`` group is recognised as one document so in-document consistency works as in news.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsgraph.model import EntityType, Mention, Span

TYPE_MAP: dict[EntityType, str] = {
    EntityType.PERSON: "PER",
    EntityType.ORG: "ORG",
    EntityType.GPE: "LOC",
    EntityType.MISC: "MISC",
}
TYPES = ("PER", "ORG", "LOC", "MISC")
DOCSTART = "-DOCSTART-"

Sentence = list[tuple[str, str]]  # (token, label)


@dataclass(slots=True)
class ConllDoc:
    sentences: list[Sentence] = field(default_factory=list)


def parse_conll(text: str) -> list[ConllDoc]:
    """Documents of sentences of (token, label); a file without -DOCSTART- is one document."""
    docs: list[ConllDoc] = [ConllDoc()]
    sent: Sentence = []

    def flush() -> None:
        nonlocal sent
        if sent:
            docs[-1].sentences.append(sent)
            sent = []

    for line in text.splitlines():
        cols = line.split()
        if not cols:
            flush()
            continue
        if cols[0] == DOCSTART:
            flush()
            if docs[-1].sentences:
                docs.append(ConllDoc())
            continue
        label = cols[-1] if len(cols) > 1 else "O"
        sent.append((cols[0], label))
    flush()
    return [d for d in docs if d.sentences]


def read_conll(path: Path) -> list[ConllDoc]:
    return parse_conll(path.read_text(encoding="utf-8"))


def format_conll(docs: Iterable[ConllDoc]) -> str:
    """Inverse of :func:`parse_conll` in the two-column layout."""
    out: list[str] = []
    for doc in docs:
        out.append(f"{DOCSTART} O\n")
        for sent in doc.sentences:
            out.extend(f"{tok} {label}" for tok, label in sent)
            out.append("")
    return "\n".join(out) + "\n"


def detect_scheme(docs: Sequence[ConllDoc]) -> str:
    """``BIO`` when any label begins an entity with ``B-``, else ``IO``."""
    for doc in docs:
        for sent in doc.sentences:
            if any(label.startswith("B-") for _, label in sent):
                return "BIO"
    return "IO"


_NO_SPACE_BEFORE = frozenset(
    {
        ",",
        ".",
        ":",
        ";",
        "!",
        "?",
        ")",
        "]",
        "}",
        "%",
        "'s",
        "'S",
        "n't",
        "'re",
        "'ve",
        "'ll",
        "'d",
        "'m",
        "''",
        "'",
    }
)
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "``", "#"})


def detokenise(tokens: Sequence[str]) -> tuple[str, list[Span]]:
    """Text a news reader would see, with each token's span in it."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    prev = ""
    for i, tok in enumerate(tokens):
        if i and tok not in _NO_SPACE_BEFORE and prev not in _NO_SPACE_AFTER:
            parts.append(" ")
            pos += 1
        spans.append(Span(pos, pos + len(tok)))
        parts.append(tok)
        pos += len(tok)
        prev = tok
    return "".join(parts), spans


def doc_text(doc: ConllDoc) -> tuple[str, list[Span], list[list[Span]]]:
    """The document's text (one sentence a line), sentence spans and token spans."""
    text_parts: list[str] = []
    sent_spans: list[Span] = []
    tok_spans: list[list[Span]] = []
    pos = 0
    for sent in doc.sentences:
        s_text, spans = detokenise([t for t, _ in sent])
        sent_spans.append(Span(pos, pos + len(s_text)))
        tok_spans.append([Span(pos + s.start, pos + s.end) for s in spans])
        text_parts.append(s_text)
        pos += len(s_text) + 1
    return "\n".join(text_parts), sent_spans, tok_spans


def labels_for(mentions: Sequence[Mention], token_spans: Sequence[Span], scheme: str) -> list[str]:
    """Token labels for one sentence: a token takes the type of the mention it overlaps."""
    labels = ["O"] * len(token_spans)
    for m in mentions:
        tag = TYPE_MAP[m.type]
        first = True
        for k, ts in enumerate(token_spans):
            if labels[k] == "O" and ts.overlaps(m.span):
                labels[k] = f"B-{tag}" if first and scheme == "BIO" else f"I-{tag}"
                first = False
    return labels


def normalise_gold(labels: Sequence[str], scheme: str) -> list[str]:
    """IOB1 (CoNLL-2003: I- opens an entity unless it follows the same type) → BIO."""
    if scheme != "BIO":
        return list(labels)
    out: list[str] = []
    prev = "O"
    for lab in labels:
        if lab.startswith("I-") and prev[2:] != lab[2:]:
            lab = "B-" + lab[2:]
        out.append(lab)
        prev = lab
    return out


@dataclass(frozen=True, slots=True)
class TypeScore:
    precision: float
    recall: float
    f1: float
    support: int


@dataclass(frozen=True, slots=True)
class EntityScores:
    scheme: str
    documents: int
    sentences: int
    tokens: int
    by_type: dict[str, TypeScore]
    micro: TypeScore
    seconds: float = 0.0

    def as_dict(self) -> dict[str, Any]:
        def row(s: TypeScore) -> dict[str, Any]:
            return {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "support": s.support,
            }

        return {
            "scheme": self.scheme,
            "documents": self.documents,
            "sentences": self.sentences,
            "tokens": self.tokens,
            "by_type": {k: row(v) for k, v in self.by_type.items()},
            "micro": row(self.micro),
            "seconds": round(self.seconds, 3),
        }


def score_labels(gold: list[list[str]], pred: list[list[str]], scheme: str) -> EntityScores:
    """Entity-level P/R/F1 per type and micro overall, as seqeval computes them."""
    from seqeval.metrics import classification_report

    report = classification_report(gold, pred, output_dict=True, zero_division=0)
    by_type = {
        k: TypeScore(
            float(v["precision"]), float(v["recall"]), float(v["f1-score"]), int(v["support"])
        )
        for k, v in report.items()
        if k in TYPES or not k.endswith("avg")
    }
    m = report["micro avg"]
    micro = TypeScore(
        float(m["precision"]), float(m["recall"]), float(m["f1-score"]), int(m["support"])
    )
    return EntityScores(
        scheme=scheme,
        documents=0,
        sentences=len(gold),
        tokens=sum(len(s) for s in gold),
        by_type=dict(sorted(by_type.items())),
        micro=micro,
    )


def evaluate_docs(docs: Sequence[ConllDoc], recognizer: Any | None = None) -> EntityScores:
    """Run the recognizer on each document and score it against the gold labels."""
    import time

    if recognizer is None:
        from newsgraph.annotate.ner import default_recognizer

        recognizer = default_recognizer()
    scheme = detect_scheme(docs)
    gold: list[list[str]] = []
    pred: list[list[str]] = []
    t0 = time.perf_counter()
    for doc in docs:
        text, sent_spans, tok_spans = doc_text(doc)
        mentions = recognizer.recognize(text, sent_spans)
        for sent, s_span, spans in zip(doc.sentences, sent_spans, tok_spans, strict=True):
            inside = [m for m in mentions if s_span.contains(m.span)]
            pred.append(labels_for(inside, spans, scheme))
            gold.append(normalise_gold([lab for _, lab in sent], scheme))
    seconds = time.perf_counter() - t0
    scores = score_labels(gold, pred, scheme)
    return EntityScores(
        scheme=scores.scheme,
        documents=len(docs),
        sentences=scores.sentences,
        tokens=scores.tokens,
        by_type=scores.by_type,
        micro=scores.micro,
        seconds=seconds,
    )
