"""Fixtures for the API and page tests: a store filled with :mod:`serve_samples`."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_samples import TOKEN, sample_docs

from newsgraph.serve import create_app
from newsgraph.store import Store, open_store


@pytest.fixture()
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "serve.db")
    s.write(sample_docs())
    yield s
    s.close()


@pytest.fixture()
def client(store: Store) -> Iterator[TestClient]:
    with TestClient(create_app(store, token=TOKEN)) as c:
        yield c


@pytest.fixture()
def ids(store: Store) -> dict[str, str]:
    """Article ids by source file name."""
    return {a.source: a.id for a in store.articles(limit=None)}
