"""The sample archive (``tests/sample_archive.py``), stored once per test module."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.cache import cache

from ..sample_archive import SampleArchive, clear_archive, store_sample_archive

STATIC_ROOT_WARNING = "ignore:No directory at:UserWarning"  # no collectstatic in tests


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(str(item.fspath)).is_relative_to(here):
            item.add_marker(pytest.mark.filterwarnings(STATIC_ROOT_WARNING))


@pytest.fixture(scope="module")
def archive(django_db_setup: None, django_db_blocker) -> Iterator[SampleArchive]:
    with django_db_blocker.unblock():
        clear_archive()
        cache.clear()
        data = store_sample_archive()
    yield data
    with django_db_blocker.unblock():
        clear_archive()
        cache.clear()


@pytest.fixture(scope="module")
def real_archive(
    django_db_setup: None, django_db_blocker, samples_dir, shared_corpus, tmp_path_factory
) -> Iterator[None]:
    """The real sample cables of ``tests/reader/real.py``, ingested once per module."""
    from .real import ingest_real_cables

    with django_db_blocker.unblock():
        clear_archive()
        cache.clear()
        ingest_real_cables(samples_dir, shared_corpus, tmp_path_factory.mktemp("real"))
    yield
    with django_db_blocker.unblock():
        clear_archive()
        cache.clear()
