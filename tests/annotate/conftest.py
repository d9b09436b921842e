"""The rule-based recogniser the entity tests run, without the environment or the KB."""

from __future__ import annotations

import pytest

from newsgraph.annotate.ner import EntityRecognizer


@pytest.fixture(scope="module")
def rec() -> EntityRecognizer:
    return EntityRecognizer(env=False, use_kb=False)
