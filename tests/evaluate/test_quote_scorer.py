"""The quote scorer's arithmetic on hand-made gold and predictions whose scores we know."""

from __future__ import annotations

import pytest
from evaluate_builders import document, quote
from hypothesis import given, settings
from hypothesis import strategies as st

from newsgraph.evaluate.quotes import GoldQuote, locate_gold, match_spans, score_quotes
from newsgraph.model import Failure, QuoteKind, Span

TEXT = (
    "Peace talks stall as Moscow digs in\n"
    "\n"
    'Kremlin spokesman Dmitry Peskov said on Monday the talks were "difficult".\n'
    "“We cannot talk about progress,” Peskov told reporters.\n"
    "“There is no progress at all.”\n"
    "He called the plan “a big mistake” and said the West would pay.\n"
    "Critics call it a “sham” vote.\n"
)
DOC = "a.txt"


def gold(quote_: str, kind: str, speaker: str | None, also: tuple[str, ...] = ()) -> dict:
    return {"doc": DOC, "quote": quote_, "kind": kind, "speaker": speaker, "also": list(also)}


GOLD = [
    gold("We cannot talk about progress,", "direct", "Dmitry Peskov"),
    gold("There is no progress at all.", "continuation", "Dmitry Peskov"),
    gold("a big mistake", "partial", "Dmitry Peskov"),
    gold("difficult", "partial", "Dmitry Peskov", also=("Kremlin",)),
    gold("sham", "scare", None),
]


def predictions() -> dict:
    q = QuoteKind
    return {
        DOC: document(
            TEXT,
            [
                quote(TEXT, "We cannot talk about progress,", q.DIRECT, "Dmitry Peskov"),
                quote(TEXT, "There is no progress at all.", q.CONTINUATION, "Joe Biden"),
                quote(TEXT, "a big mistake", q.PARTIAL, "dmitry  PESKOV"),
                quote(TEXT, "sham", q.SCARE, "Peskov"),
                quote(TEXT, "Peace talks stall", q.DIRECT, "Dmitry Peskov"),  # false positive
                quote(TEXT, "the West would pay", q.INDIRECT, "Dmitry Peskov"),
            ],
        )
    }


def test_detection_precision_recall_by_kind() -> None:
    s = score_quotes(GOLD, predictions())
    overall = s.detection["all"]
    assert (overall.matched_pred, overall.n_pred) == (4, 5)  # indirect left out
    assert (overall.matched_gold, overall.n_gold) == (4, 5)  # "difficult" missed
    assert overall.precision == pytest.approx(0.8)
    assert overall.f1 == pytest.approx(0.8)
    target = s.detection["direct+continuation"]
    assert target.precision == pytest.approx(2 / 3)  # the headline predicted as direct
    assert target.recall == 1.0
    assert target.f1 == pytest.approx(0.8)
    partial = s.detection["partial"]
    assert (partial.precision, partial.recall) == (1.0, 0.5)
    assert s.detection["heading"].precision is None and s.detection["heading"].f1 is None
    assert s.indirect_predictions == 1
    assert [m["quote"] for m in s.misses] == ["difficult"]
    assert [f["text"] for f in s.false_positives] == ["Peace talks stall"]
    assert s.by_doc[DOC] == {"gold": 5, "matched": 4, "false_positives": 1, "speaker_ok": 2}


def test_speaker_accuracy_by_kind() -> None:
    s = score_quotes(GOLD, predictions())
    assert (s.speaker["all"].num, s.speaker["all"].den) == (2, 4)
    assert s.speaker["direct+continuation"].value == 0.5
    assert s.speaker["partial"].value == 1.0  # case and spacing do not matter
    assert s.speaker["scare"].value == 0.0  # a scare quote must get no speaker
    wrong = {w["gold_quote"]: w["speaker"] for w in s.wrong_speakers}
    assert wrong == {"There is no progress at all.": "Joe Biden", "sham": "Peskov"}
    assert not s.target_met


def test_also_speakers_and_speakerless_scare_are_right() -> None:
    q = QuoteKind
    docs = {
        DOC: document(
            TEXT,
            [
                quote(TEXT, "difficult", q.PARTIAL, "the kremlin"),
                quote(TEXT, "difficult", q.PARTIAL, "kremlin"),  # duplicate: one-to-one
                quote(TEXT, "sham", q.SCARE, None),
            ],
        )
    }
    s = score_quotes(GOLD, docs)
    assert s.speaker["partial"].value == 0.0  # "the kremlin" is not "Kremlin"
    assert s.detection["partial"].matched_pred == 1 and s.detection["partial"].n_pred == 2
    assert s.speaker["scare"].value == 1.0
    docs[DOC] = document(TEXT, [quote(TEXT, "difficult", q.PARTIAL, "kremlin")])
    assert score_quotes(GOLD, docs).speaker["partial"].value == 1.0


def test_perfect_prediction_meets_target() -> None:
    q = QuoteKind
    docs = {
        DOC: document(
            TEXT,
            [
                quote(TEXT, "We cannot talk about progress,", q.DIRECT, "Dmitry Peskov"),
                quote(TEXT, "There is no progress at all", q.CONTINUATION, "Dmitry Peskov"),
                quote(TEXT, "a big mistake", q.PARTIAL, "Dmitry Peskov"),
                quote(TEXT, "difficult", q.PARTIAL, "Kremlin"),
                quote(TEXT, "sham", q.SCARE),
            ],
        )
    }
    s = score_quotes(GOLD, docs)
    assert s.detection["all"].f1 == 1.0
    assert s.speaker["all"].value == 1.0
    assert s.target_met
    assert not (s.misses or s.false_positives or s.wrong_speakers)


def test_failed_document_counts_every_gold_item_as_missed() -> None:
    s = score_quotes(GOLD, {DOC: Failure(DOC, "boom")})
    assert s.failures == {DOC: "boom"}
    assert s.detection["all"].recall == 0.0 and s.detection["all"].precision is None
    assert s.detection["all"].f1 == 0.0  # nothing predicted against gold: F1 is 0, not undefined
    assert len(s.misses) == len(GOLD)
    assert score_quotes(GOLD, {}).failures == {DOC: "not processed"}


HEADLINE = (
    "Peskov: ‘No progress yet’\n"
    "\n"
    "“No progress yet,” Peskov said. He called it “destructive”.\n"
    "“The line is destructive and dangerous,” he added.\n"
)


def test_repeated_gold_words_are_located_apart_and_repeats_not_penalised() -> None:
    rows = [
        {"doc": DOC, "quote": "No progress yet’", "kind": "heading", "speaker": "Dmitry Peskov"},
        {"doc": DOC, "quote": "destructive", "kind": "partial", "speaker": "Dmitry Peskov"},
        {
            "doc": DOC,
            "quote": "The line is destructive and dangerous,",
            "kind": "direct",
            "speaker": "Dmitry Peskov",
        },
    ]
    located = locate_gold(
        HEADLINE, [GoldQuote(DOC, r["quote"], r["kind"], r["speaker"]) for r in rows]
    )
    spans = {g.quote: g.span for g in located}
    assert spans["No progress yet’"] == Span(9, 25)  # in the headline, where the ’ closes it
    # "destructive" is placed on its own quoted occurrence, not inside the longer quotation
    assert HEADLINE[spans["destructive"].start - 1] == "“"
    assert not spans["destructive"].overlaps(spans["The line is destructive and dangerous,"])

    q = QuoteKind
    docs = {
        DOC: document(
            HEADLINE,
            [
                quote(HEADLINE, "No progress yet", q.HEADING, "Dmitry Peskov"),
                quote(HEADLINE, "No progress yet,", q.DIRECT, "Dmitry Peskov"),  # the repeat
                quote(HEADLINE, "destructive", q.PARTIAL, "Dmitry Peskov"),
                quote(HEADLINE, "The line is destructive and dangerous,", q.DIRECT, "Peskov"),
            ],
        )
    }
    s = score_quotes(rows, docs)
    assert s.repeats == 1
    assert s.repeat_items[0]["text"] == "No progress yet,"
    assert s.detection["all"].precision == 1.0 and s.detection["all"].recall == 1.0
    assert s.speaker["direct"].value == 0.0  # "Peskov" is not the canonical "Dmitry Peskov"


def test_unlocatable_gold_is_reported_and_missed() -> None:
    rows = [{"doc": DOC, "quote": "never said this", "kind": "direct", "speaker": "X"}]
    s = score_quotes(rows, {DOC: document(TEXT, [])})
    assert s.unlocated == [{"doc": DOC, "kind": "direct", "quote": "never said this"}]
    assert s.detection["direct"].recall == 0.0


def test_match_prefers_the_largest_overlap_and_is_one_to_one() -> None:
    gold_spans = [Span(0, 100), Span(200, 210)]
    pred = [Span(0, 30), Span(20, 100), Span(150, 202), Span(205, 215)]
    pairs = match_spans(gold_spans, pred)
    assert pairs == [(0, 1), (1, 3)]  # (150, 202) shares 2 chars: below half of the shorter span
    assert match_spans([Span(0, 10)], [Span(8, 30)]) == []
    assert match_spans([Span(0, 10)], [Span(8, 30)], min_overlap=0.1) == [(0, 0)]


spans = st.tuples(st.integers(0, 200), st.integers(1, 60)).map(lambda t: Span(t[0], t[0] + t[1]))


@settings(max_examples=60, deadline=None)
@given(st.lists(spans, max_size=8), st.lists(spans, max_size=8))
def test_matching_is_one_to_one_on_overlapping_pairs(g: list[Span], p: list[Span]) -> None:
    pairs = match_spans(g, p)
    assert len({gi for gi, _ in pairs}) == len(pairs) == len({pi for _, pi in pairs})
    assert all(g[gi].overlaps(p[pi]) for gi, pi in pairs)


words = st.text(alphabet="abcde “”’ ,.", min_size=1, max_size=12)


@settings(max_examples=60, deadline=None)
@given(st.lists(words, min_size=1, max_size=6), st.data())
def test_gold_predicted_exactly_scores_perfectly(chunks: list[str], data: st.DataObject) -> None:
    # Disjoint quotations separated by a marker that never occurs inside them.
    text = "|".join(chunks)
    rows, preds, pos = [], [], 0
    for i, chunk in enumerate(chunks):
        if chunk.strip() and chunk not in text[:pos] and text.count(chunk) == 1:
            kind = data.draw(st.sampled_from(["direct", "continuation", "partial", "heading"]))
            rows.append({"doc": DOC, "quote": chunk, "kind": kind, "speaker": f"S{i}"})
            preds.append(
                quote(text, chunk, QuoteKind(kind), f"s{i}")  # speaker case does not matter
            )
        pos += len(chunk) + 1
    s = score_quotes(rows, {DOC: document(text, preds)})
    assert s.unlocated == []
    if rows:
        assert s.detection["all"].f1 == 1.0
        assert s.speaker["all"].value == 1.0
    for g in locate_gold(text, [GoldQuote(DOC, r["quote"], r["kind"], None) for r in rows]):
        assert g.span is not None and g.span.of(text) == g.quote
