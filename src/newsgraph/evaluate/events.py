"""Score event extraction against gold sentences (format: tests/fixtures/events/README.md).

Each gold row is a short text with its publication date and the events it states. The text runs
through the whole pipeline; predicted and gold events of a row are matched one to one.
Two scores: **type** (same PLOVER type and negation) and **full** (type, negation, actor and
recipient right). An actor matches when one name contains the other (case and "the" aside, by
whole words), when both resolve to the same KB actor, or when the gold names a state and the
predicted actor belongs to that country (PLOVER codes actors at country level). A gold event
without a recipient needs a prediction without one.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from newsgraph.evaluate.common import PRF, fold_key
from newsgraph.kb import KnowledgeBase, default_kb
from newsgraph.model import Document, Event

_ARTICLE = re.compile(r"^(?:the|a|an)\s+|['’]s\b|[^\w\s]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class GoldEvent:
    type: str
    actor: str
    recipient: str | None = None
    mode: str = ""
    negated: bool = False
    hypothetical: bool = False


@dataclass(frozen=True, slots=True)
class GoldSentence:
    text: str
    published: dt.date | None
    events: tuple[GoldEvent, ...]


def gold_from_row(row: Mapping[str, Any]) -> GoldSentence:
    """One JSON Lines row → a GoldSentence (ValueError on a malformed row)."""
    if not isinstance(row.get("text"), str):
        raise ValueError("gold row without a text")
    pub = row.get("published")
    published = dt.date.fromisoformat(pub) if pub else None
    events = tuple(
        GoldEvent(
            type=str(e["type"]).upper(),
            actor=str(e["actor"]),
            recipient=e.get("recipient") or None,
            mode=e.get("mode") or "",
            negated=bool(e.get("negated", False)),
            hypothetical=bool(e.get("hypothetical", False)),
        )
        for e in row.get("events") or ()
    )
    return GoldSentence(row["text"], published, events)


def _words(text: str) -> str:
    return " " + " ".join(_ARTICLE.sub(" ", fold_key(text)).split()) + " "


class _Matcher:
    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb

    def party(
        self,
        gold: str | None,
        text: str | None,
        actor_id: str | None,
        country: str | None,
        on: dt.date | None,
    ) -> bool:
        if gold is None or text is None:
            return gold is None and text is None
        g, p = _words(gold), _words(text)
        if g.strip() and p.strip() and (g in p or p in g):
            return True
        actor = self.kb.resolve(gold, on)
        if actor is None:
            return False
        if actor_id is not None and actor.id == actor_id:
            return True
        return actor.kind == "state" and country is not None and actor.country == country

    def full(self, g: GoldEvent, e: Event, on: dt.date | None) -> bool:
        return self.party(g.actor, e.actor_text, e.actor_id, e.actor_country, on) and self.party(
            g.recipient, e.recipient_text, e.recipient_id, e.recipient_country, on
        )


def _same_type(g: GoldEvent, e: Event) -> bool:
    return g.type == e.type and g.negated == e.negated


@dataclass(slots=True)
class EventScores:
    """Type and full (type + actor + recipient) P/R/F1, per type too, with the errors listed."""

    type: PRF = field(default_factory=PRF)
    full: PRF = field(default_factory=PRF)
    by_type: dict[str, PRF] = field(default_factory=dict)
    sentences: int = 0
    errors: list[dict[str, Any]] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        return {
            "sentences": self.sentences,
            "type": self.type.as_dict(),
            "full": self.full.as_dict(),
            "by_type": {k: v.as_dict() for k, v in sorted(self.by_type.items())},
        }


def _add(a: PRF, mp: int, np_: int, mg: int, ng: int) -> PRF:
    return PRF(a.matched_pred + mp, a.n_pred + np_, a.matched_gold + mg, a.n_gold + ng)


def _match(gold: Sequence[GoldEvent], pred: Sequence[Event], ok: Any) -> tuple[set[int], set[int]]:
    """Greedy one-to-one matching; returns matched gold and predicted indexes."""
    mg: set[int] = set()
    mp: set[int] = set()
    for gi, g in enumerate(gold):
        for pi, e in enumerate(pred):
            if pi not in mp and ok(g, e):
                mg.add(gi)
                mp.add(pi)
                break
    return mg, mp


def score_events(
    gold: Iterable[GoldSentence], predicted: Iterable[Document], kb: KnowledgeBase | None = None
) -> EventScores:
    """Score the documents predicted for the gold sentences (same order)."""
    matcher = _Matcher(kb if kb is not None else default_kb())
    scores = EventScores()
    for gs, doc in zip(gold, predicted, strict=True):
        scores.sentences += 1
        pred = list(doc.events)
        tg, tp = _match(gs.events, pred, _same_type)
        on = gs.published
        fg, fp = _match(
            gs.events,
            pred,
            lambda g, e, on=on: _same_type(g, e) and matcher.full(g, e, on),
        )
        scores.type = _add(scores.type, len(tp), len(pred), len(tg), len(gs.events))
        scores.full = _add(scores.full, len(fp), len(pred), len(fg), len(gs.events))
        for i, g in enumerate(gs.events):
            cur = scores.by_type.get(g.type, PRF())
            scores.by_type[g.type] = _add(cur, 0, 0, int(i in tg), 1)
        for i, e in enumerate(pred):
            cur = scores.by_type.get(e.type, PRF())
            scores.by_type[e.type] = _add(cur, int(i in tp), 1, 0, 0)
        if len(fg) < len(gs.events) or len(fp) < len(pred):
            scores.errors.append(
                {
                    "text": gs.text,
                    "missed": [g.__repr__() for i, g in enumerate(gs.events) if i not in fg],
                    "wrong": [_pred_repr(e) for i, e in enumerate(pred) if i not in fp],
                }
            )
    return scores


def _pred_repr(e: Event) -> str:
    neg = "-" if e.negated else ""
    return f"{neg}{e.type}/{e.mode} {e.actor_text!r} > {e.recipient_text!r}"


def predict(gold: Iterable[GoldSentence]) -> list[Document]:
    """Run the pipeline on each gold text (events included)."""
    from newsgraph.extract.events import with_events
    from newsgraph.pipeline import process

    docs: list[Document] = []
    for gs in gold:
        meta: dict[str, Any] = {"published": gs.published.isoformat()} if gs.published else {}
        doc = process(gs.text, source="<gold>", **meta)
        docs.append(doc if doc.events else with_events(doc))
    return docs
