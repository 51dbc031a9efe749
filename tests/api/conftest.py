"""A small archive stored through the archive's own ``store_records``.

Two cables shaped like the spec's seed records (06MOSCOW1323 cites 06STATE27174,
which is stored, and 05MOSCOW999, which is not); 06MOSCOW1323 arrives twice with
different text, so it has two versions.
"""

from __future__ import annotations

import pytest
from django.core.cache import cache

from .records import moscow, state


@pytest.fixture(autouse=True)
def _clean_cache():
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def archive(db):
    """The small archive; returns the store reports (first ingest, then the revision)."""
    from cablebase.archive.ingest import store_records

    first = store_records([state(), moscow()])
    second = store_records([moscow(" (revised)")])
    assert (first.new, second.new_versions) == (2, 1), (first.errors, second.errors)
    return first, second
