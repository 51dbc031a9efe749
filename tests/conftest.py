"""Fixtures every test area shares: where the real cables are, backend marking."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
SHARED = Path(os.environ.get("CABLEBASE_SHARED", ROOT.parent / "shared")).resolve()
DB_FIXTURES = {"db", "transactional_db", "live_server"}


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
