"""Records for the scale tests: the seed articles, short news stories and broken inputs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from newsgraph.model import Record

SEEDS = Path(__file__).parents[1] / "fixtures" / "seeds"

STORY = """Port strike ends after pay deal
HAMBURG (Reuters) — Dock workers in Hamburg returned to work on Tuesday after their union
accepted a pay offer, ending a strike that had stranded dozens of container ships.
"This is a fair deal for everyone who keeps the port running," union leader Anna Weber told
reporters outside the terminal.
The port authority said on Tuesday that the backlog would take a week to clear.
"""


def story(i: int) -> Record:
    """A short news article, different for each ``i`` (so each has its own id)."""
    extra = f"Officials counted {i + 12} ships waiting in the Elbe estuary on Tuesday evening.\n"
    return Record(f"wire/story-{i:03d}.txt", STORY + extra)


@pytest.fixture(scope="session")
def make_story() -> Callable[[int], Record]:
    return story


@pytest.fixture(scope="session")
def mixed_records() -> list[Record]:
    """Seeds, stories and records that must fail, interleaved."""
    records = [Record(str(p), p.read_text(encoding="utf-8")) for p in sorted(SEEDS.glob("*.txt"))]
    records += [story(i) for i in range(20)]
    records.insert(3, Record("broken/empty.txt", None, error="empty file"))
    records.insert(9, Record("broken/blank.txt", "   \n\n"))
    return records
