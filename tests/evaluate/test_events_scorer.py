"""The event scorer: matching rules, the gold format, and the figures on our own gold sets."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import load_commands
from newsgraph.evaluate.common import load_jsonl
from newsgraph.evaluate.events import gold_from_row, predict, score_events
from newsgraph.model import Article, Document, Event, Span

GOLD_DIR = Path(__file__).parent.parent / "fixtures" / "events"


def ev(etype: str, actor: str, recipient: str | None = None, **kw: object) -> Event:
    return Event(
        type=etype,
        trigger=Span(0, 1),
        sentence=Span(0, 1),
        actor_text=actor,
        recipient_text=recipient,
        **kw,  # type: ignore[arg-type]
    )


def docs_with(*events: tuple[Event, ...]) -> list[Document]:
    art = Article(id="x", text="x", source="<t>")
    return [Document(article=art, events=e) for e in events]


def gold(text: str, *events: dict[str, object]) -> dict[str, object]:
    return {"text": text, "published": "2023-03-10", "events": list(events)}


def test_exact_prediction_scores_one() -> None:
    g = [gold_from_row(gold("s", {"type": "REJECT", "actor": "Moscow", "recipient": "Joe Biden"}))]
    s = score_events(g, docs_with((ev("REJECT", "Moscow", "US President Joe Biden"),)))
    assert s.type.f1 == 1.0 and s.full.f1 == 1.0


def test_country_level_actor_and_kb_identity_match() -> None:
    row = gold("s", {"type": "ACCUSE", "actor": "Russia", "recipient": "Kyiv"})
    pred = ev("ACCUSE", "the Kremlin", "Ukraine", actor_country="RUS", recipient_id="state-UKR")
    s = score_events([gold_from_row(row)], docs_with((pred,)))
    assert s.full.f1 == 1.0


def test_wrong_recipient_counts_for_type_only() -> None:
    row = gold("s", {"type": "SANCTION", "actor": "EU", "recipient": "Iran"})
    s = score_events([gold_from_row(row)], docs_with((ev("SANCTION", "EU", "Syria"),)))
    assert s.type.f1 == 1.0 and s.full.f1 == 0.0
    assert s.errors and s.errors[0]["wrong"]


def test_missing_recipient_must_be_missing() -> None:
    row = gold("s", {"type": "PROTEST", "actor": "farmers"})
    s = score_events([gold_from_row(row)], docs_with((ev("PROTEST", "Farmers", "police"),)))
    assert s.full.f1 == 0.0


def test_negation_is_part_of_the_type() -> None:
    row = gold("s", {"type": "CONSULT", "actor": "Iran", "recipient": "US", "negated": True})
    s = score_events([gold_from_row(row)], docs_with((ev("CONSULT", "Iran", "US"),)))
    assert s.type.matched_gold == 0 and s.type.n_pred == 1


def test_no_event_sentence_penalises_predictions() -> None:
    s = score_events([gold_from_row(gold("s"))], docs_with((ev("AID", "Japan"),)))
    assert s.type.precision == 0.0 and s.type.n_gold == 0


def test_gold_rows_parse_and_reject_bad_ones() -> None:
    g = gold_from_row({"text": "t", "published": None, "events": [{"type": "aid", "actor": "X"}]})
    assert g.published is None and g.events[0].type == "AID"
    with pytest.raises(ValueError):
        gold_from_row({"events": []})
    assert gold_from_row(gold("t")).published == dt.date(2023, 3, 10)


def test_gold_sets_cover_every_type_and_no_event_sentences() -> None:
    types: set[str] = set()
    empty = negated = 0
    rows = [
        r for n in ("dev", "dev2", "dev3", "heldout") for r in load_jsonl(GOLD_DIR / f"{n}.jsonl")
    ]
    for row in rows:
        g = gold_from_row(row)
        types.update(e.type for e in g.events)
        empty += not g.events
        negated += any(e.negated for e in g.events)
        for e in g.events:
            assert e.actor in g.text and (e.recipient is None or e.recipient in g.text)
    assert len(rows) >= 200 and len(types) == 16 and empty >= 10 and negated >= 5


@pytest.mark.parametrize(
    ("name", "type_f1", "full_f1"),
    [("dev", 0.9, 0.8), ("dev2", 0.9, 0.75), ("dev3", 0.9, 0.75), ("heldout", 0.8, 0.6)],
)
def test_figures_on_our_gold(name: str, type_f1: float, full_f1: float) -> None:
    rows = [gold_from_row(r) for r in load_jsonl(GOLD_DIR / f"{name}.jsonl")]
    s = score_events(rows, predict(rows))
    print(name, s.as_dict()["type"], s.as_dict()["full"])
    assert (s.type.f1 or 0) >= type_f1 and (s.full.f1 or 0) >= full_f1


def test_cli_evaluate_events(tmp_path: Path) -> None:
    path = tmp_path / "g.jsonl"
    rows = [
        gold("Lithuania expelled the Russian ambassador.", {
            "type": "SANCTION", "actor": "Lithuania", "recipient": "the Russian ambassador",
        }),
        gold("The museum will reopen in September."),
    ]  # fmt: skip
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    res = CliRunner().invoke(
        load_commands(), ["evaluate", "events", "--gold", str(path), "--format", "json"]
    )
    assert res.exit_code == 0, res.output
    out = json.loads(res.output)
    assert out["sentences"] == 2 and out["full"]["f1"] == 1.0
    res = CliRunner().invoke(load_commands(), ["evaluate", "events", "--gold", "nope.jsonl"])
    assert res.exit_code == 2
