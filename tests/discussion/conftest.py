"""The sample archive's cables to discuss, and a clean rate-limit cache for every test."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from cablebase.archive.models import Cable

from ..sample_archive import SampleArchive, store_sample_archive


@pytest.fixture(autouse=True)
def _clean_cache():
    """The rate limit lives in the cache; each test starts with a fresh allowance."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def sample(db) -> SampleArchive:
    return store_sample_archive()


@pytest.fixture
def cable(sample: SampleArchive) -> Cable:
    return sample.moscow


@pytest.fixture
def other_cable(sample: SampleArchive) -> Cable:
    return sample.state
