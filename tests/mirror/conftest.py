"""A small real archive (the seeds, the WikiLeaks pages, a dozen 2010 viewer pages), mirrored once.

The mirror is built through the site (Django's test client) into a temporary
directory with its Pagefind index; the tests read its files, serve it with
``python -m http.server`` and drive chromium over it.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest

PAGES_2010 = 12  # the first viewer pages of samples/cablegate-2010-pages, by name
BASE_URL = "https://cables.example.org"


@dataclass
class Mirrored:
    root: Path
    report: object  # cablebase.mirror.build.Report


def clear_archive() -> None:
    from django.core.cache import cache

    from cablebase.archive.models import Cable, IngestRun, Quarantine, SourceFile, Tag

    Cable.objects.all().delete()
    Tag.objects.all().delete()
    SourceFile.objects.all().delete()
    Quarantine.objects.all().delete()
    IngestRun.objects.all().delete()
    cache.clear()


def stage_samples(samples: Path, into: Path) -> Path:
    into.mkdir(parents=True, exist_ok=True)
    for folder in ("seeds", "wikileaks-html"):
        for path in (samples / folder).iterdir():
            shutil.copy(path, into / path.name)
    for path in sorted((samples / "cablegate-2010-pages").glob("*.html"))[:PAGES_2010]:
        shutil.copy(path, into / path.name)
    return into


@pytest.fixture(scope="module")
def sample_archive(
    django_db_setup, django_db_blocker, samples_dir, tmp_path_factory
) -> Iterator[None]:
    from cablebase.archive.ingest import ingest

    folder = stage_samples(samples_dir, tmp_path_factory.mktemp("samples"))
    with django_db_blocker.unblock():
        clear_archive()
        with ThreadPoolExecutor(max_workers=2) as pool:
            report = ingest([folder], executor=pool)
        assert report.failed == 0, report.errors
    yield
    with django_db_blocker.unblock():
        clear_archive()


@pytest.fixture(scope="module")
def mirrored(sample_archive, django_db_blocker, tmp_path_factory) -> Mirrored:
    """The samples mirrored with ``--base-url`` (comment forms become links to it)."""
    from cablebase.mirror.build import build_mirror

    root = tmp_path_factory.mktemp("mirror")
    with django_db_blocker.unblock():
        report = build_mirror(root, base_url=BASE_URL, workers=1)
    assert not report.failed, report.failed
    return Mirrored(root, report)
