"""The optional spaCy plug-in: loading a user's pipeline and merging its entities with the rules.

The model is a tiny one this test trains itself (no download); skipped when spaCy is missing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from newsgraph.annotate.ner import SPACY_ENV, EntityRecognizer, default_recognizer
from newsgraph.annotate.ner.spacy_plugin import merge
from newsgraph.model import EntityType, Mention, Span

PER, ORG, GPE, MISC = EntityType.PERSON, EntityType.ORG, EntityType.GPE, EntityType.MISC

TRAIN = [
    ("Workers at Glimmerco went on strike.", [(11, 20, "ORG")]),
    ("Glimmerco said profits rose.", [(0, 9, "ORG")]),
    ("Shares in Glimmerco fell sharply.", [(10, 19, "ORG")]),
    ("The strike at Glimmerco ended.", [(14, 23, "ORG")]),
]


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spacy = pytest.importorskip("spacy", reason="spaCy is an optional dev dependency")
    from spacy.training import Example

    nlp = spacy.blank("en")
    ner = nlp.add_pipe("ner")
    ner.add_label("ORG")
    examples = [Example.from_dict(nlp.make_doc(t), {"entities": e}) for t, e in TRAIN]
    spacy.util.fix_random_seed(0)
    optimizer = nlp.initialize(lambda: examples)
    for _ in range(30):
        nlp.update(examples, sgd=optimizer, drop=0.0)
    path = tmp_path_factory.mktemp("spacy") / "tiny"
    nlp.to_disk(path)
    return path


def test_loads_model_by_argument_and_finds_its_entities(tiny_model: Path) -> None:
    rec = EntityRecognizer(str(tiny_model), env=False, use_kb=False)
    text = "Workers at Glimmerco went on strike."
    got = {(m.text, m.type) for m in rec.recognize(text, [Span(0, len(text))])}
    assert ("Glimmerco", ORG) in got


def test_env_variable_selects_the_model(tiny_model: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(SPACY_ENV, str(tiny_model))
    assert EntityRecognizer(use_kb=False).spacy_model == str(tiny_model)
    assert default_recognizer().spacy_model == str(tiny_model)
    monkeypatch.delenv(SPACY_ENV)
    assert default_recognizer().spacy_model is None


def test_missing_model_is_a_clear_error(tmp_path: Path) -> None:
    pytest.importorskip("spacy")
    with pytest.raises(OSError, match="cannot load spaCy model"):
        EntityRecognizer(str(tmp_path / "nope"), env=False)


def test_missing_spacy_is_a_clear_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "spacy", None)
    with pytest.raises(ImportError, match="pip install spacy"):
        EntityRecognizer("en_core_web_sm", env=False)


def _m(start: int, end: int, typ: EntityType, text: str = "x") -> Mention:
    return Mention(span=Span(start, end), text=text, type=typ)


def test_merge_model_wins_over_guesses_but_not_over_cues() -> None:
    rules = [
        (_m(0, 10, PER), True),  # from a title cue: kept
        (_m(20, 30, ORG), False),  # a guess: the model's overlapping entity replaces it
        (_m(40, 45, GPE), False),  # a guess nobody contradicts: kept
    ]
    model = [_m(2, 8, ORG), _m(20, 33, PER), _m(50, 55, MISC)]
    merged = merge(rules, model)
    assert [(m.span.start, m.span.end, m.type) for m in merged] == [
        (0, 10, PER),
        (20, 33, PER),
        (40, 45, GPE),
        (50, 55, MISC),
    ]
