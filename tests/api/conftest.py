"""The sample archive (``tests/sample_archive.py``) for every API test, and a clean cache."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from ..sample_archive import SampleArchive, store_sample_archive


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def archive(db) -> SampleArchive:
    return store_sample_archive()
