"""Fixtures every test area shares: where the real cables are, backend marking."""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("CABLEBASE_SHARED", ROOT.parent / "shared")).resolve()
DB_FIXTURES = {"db", "transactional_db", "live_server"}


def pytest_configure(config: pytest.Config) -> None:
    """Search indexes of fixtures built before any test go to a throwaway directory."""
    os.environ.setdefault("CABLEBASE_INDEX", tempfile.mkdtemp(prefix="cablebase-test-index-"))


@pytest.fixture(autouse=True)
def _own_search_index(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Iterator[None]:
    """Each test gets a fresh search index directory; it catches up from the store.

    A test's rolled-back transaction takes its cables out of the store but not out
    of an index on disk, so indexes are never shared between tests.
    """
    monkeypatch.setenv("CABLEBASE_INDEX", str(tmp_path_factory.mktemp("index")))
    index = sys.modules.get("cablebase.archive.search.index")
    if index is not None:
        index.forget_engines()
    yield
    index = sys.modules.get("cablebase.archive.search.index")
    if index is not None:
        index.set_index_dir(None)  # a command's --index
        index.forget_engines()


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Mark every test that touches the database, so the PostgreSQL run selects exactly those."""
    for item in items:
        uses_db = item.get_closest_marker("django_db") is not None or bool(
            DB_FIXTURES & set(getattr(item, "fixturenames", ()))
        )
        if uses_db:
            item.add_marker(pytest.mark.backend)


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    return SAMPLES


@pytest.fixture(scope="session")
def shared_corpus() -> Path:
    """``../shared/corpus``: the real cable-viewer pages CI has beside the checkout."""
    corpus = SHARED / "corpus"
    if not corpus.is_dir():
        pytest.fail(f"shared corpus not found at {corpus} (set CABLEBASE_SHARED)")
    return corpus


@pytest.fixture(scope="session")
def db_vendor() -> str:
    from django.db import connection

    return connection.vendor
