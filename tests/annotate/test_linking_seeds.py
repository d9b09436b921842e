"""Speaker linking on the five seed articles against the gold quotations.

For every gold quotation with a speaker, the prediction it matches must carry the id of the
actor whose name is the gold speaker (or one of ``also``): the KB actor when the KB knows the name,
else the local actor of that full name.
"""

from __future__ import annotations

import pytest

from newsgraph.annotate.linking import local_actor_id
from newsgraph.evaluate.quotes import gold_from_row, locate_gold, match_spans
from newsgraph.kb import default_kb
from newsgraph.model import Document, EntityType, Record
from newsgraph.pipeline import process_record

TARGET = 0.95


@pytest.fixture(scope="module")
def seed_docs(seed_texts: dict[str, str]) -> dict[str, Document]:
    out = {}
    for name, text in seed_texts.items():
        doc = process_record(Record(source=name, text=text))
        assert isinstance(doc, Document), doc
        out[name] = doc
    return out


def _actor_ids(name: str) -> str:
    exact = [a for a in default_kb().by_alias(name, strict=True) if a.name == name]
    return exact[0].id if exact else local_actor_id(name)


def test_speaker_actor_accuracy_on_seeds(
    seed_docs: dict[str, Document], gold_quotes: list[dict]
) -> None:
    golds = [gold_from_row(r) for r in gold_quotes]
    right, total, wrong = 0, 0, []
    for name, doc in seed_docs.items():
        items = locate_gold(doc.article.text, [g for g in golds if g.doc == name])
        pairs = match_spans([g.span for g in items], [q.span for q in doc.quotes])
        for gi, pi in pairs:
            gold, pred = items[gi], doc.quotes[pi]
            if gold.speaker is None or gold.kind == "scare":
                continue
            wanted = {_actor_ids(n) for n in (gold.speaker, *gold.also)}
            total += 1
            if pred.speaker_actor_id in wanted:
                right += 1
            else:
                wrong.append((name, gold.quote[:40], gold.speaker, pred.speaker_actor_id))
    assert total >= 50  # the seeds have ~60 attributed quotations the quote stage finds
    assert right / total >= TARGET, wrong


def test_seed_speakers_carry_kb_names_and_link_evidence(seed_docs: dict[str, Document]) -> None:
    kb = default_kb()
    for doc in seed_docs.values():
        for q in doc.quotes:
            if q.speaker_actor_id is None or q.speaker_actor_id.startswith("local:"):
                continue
            actor = kb.get(q.speaker_actor_id)
            assert actor is not None
            assert q.speaker == actor.name
            assert ";link=" in q.evidence


def test_seed_person_mentions_are_linked(seed_docs: dict[str, Document]) -> None:
    """Every person the NER finds in the seeds is a KB actor or a local one."""
    people = [m for d in seed_docs.values() for m in d.mentions if m.type is EntityType.PERSON]
    assert people
    assert all(m.actor_id is not None for m in people), [m for m in people if not m.actor_id]
    peskov = [m for m in people if m.actor_id == "dmitry-peskov"]
    assert {m.link for m in peskov} >= {"alias", "coref"}
