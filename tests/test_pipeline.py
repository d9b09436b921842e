"""The pipeline entry points: stage profiles, failures, the one-call API."""

from __future__ import annotations

import pickle

import pytest

import newsgraph
from newsgraph.model import Record
from newsgraph.pipeline import PROFILES, Stages, process_record, processor

ARTICLE = """Minister rejects talks offer

By Jane Roe

Foreign Minister Anna Berg said on Monday her government would not join the talks.

"We will not sit at that table," Berg told reporters in Oslo.
"""


def test_turning_off_a_stage_turns_off_what_depends_on_it() -> None:
    assert Stages(entities=False) == Stages(entities=False, linking=False, events=False)
    assert Stages(linking=False) == Stages(linking=False, events=False)
    assert Stages(events=False).linking


def test_quotes_profile_still_finds_speakers_without_entities() -> None:
    doc = newsgraph.process(ARTICLE, stages=PROFILES["quotes"])
    assert doc.mentions == () and doc.events == ()
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert direct and direct[0].speaker == "Anna Berg"
    assert direct[0].speaker_actor_id is None


def test_full_profile_links_speakers() -> None:
    doc = newsgraph.process(ARTICLE, published="2024-03-04")
    direct = [q for q in doc.quotes if q.kind == "direct"]
    assert direct[0].speaker == "Anna Berg"
    assert direct[0].speaker_actor_id  # a local actor when the knowledge base does not know her
    assert doc.mentions


def test_processor_is_picklable_for_worker_processes() -> None:
    for name in PROFILES:
        fn = pickle.loads(pickle.dumps(processor(name)))
        out = fn(Record(source="a.txt", text=ARTICLE))
        assert out.article.title == "Minister rejects talks offer"


def test_bad_records_become_failures_and_process_raises() -> None:
    failure = process_record(Record(source="x.txt", text=None, error="binary file"))
    assert failure.error == "binary file"
    with pytest.raises(ValueError, match="x"):
        newsgraph.process("   \n  ", source="x")


@pytest.mark.parametrize("profile", sorted(PROFILES))
def test_processing_leaves_no_reference_cycles(profile: str, seed_texts: dict[str, str]) -> None:
    """Batch ingest runs the cyclic collector only between batches (newsgraph.batch): a stage that
    leaves cycles behind would make memory grow with the batch. This once failed on a closure in
    the quotation walker that kept ~500 objects per article alive until a collection."""
    import gc

    process = processor(profile)
    records = [Record(source=name, text=text) for name, text in sorted(seed_texts.items())]
    process(records[0])  # load lexicons and the knowledge base outside the measured part
    gc.collect()
    was_enabled = gc.isenabled()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for record in records:
            process(record)
        gc.collect()
        leftovers = [type(obj).__name__ for obj in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert leftovers == []
