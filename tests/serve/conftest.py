"""Fixtures for the API and page tests: a store filled with :mod:`serve_samples`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from serve_samples import TOKEN, sample_docs

from newsgraph.serve import create_app
from newsgraph.store import Store, open_store


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample store built once; each test gets its own copy to read or write."""
    path = tmp_path_factory.mktemp("serve") / "template.db"
    s = open_store(path)
    s.write(sample_docs())
    s.close()
    return path


@pytest.fixture()
def store(sample_db: Path, tmp_path: Path) -> Iterator[Store]:
    copy = tmp_path / "serve.db"
    shutil.copyfile(sample_db, copy)
    s = open_store(copy)
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
