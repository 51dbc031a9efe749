"""A cable whose source holds control characters: every feed and page stays valid XML.

Real cables carry stray ``\\x0b`` and ``\\x01``. The archive keeps them (it stores what
its source said), and before the fix one such cable made every Atom feed listing it
answer 500: Django's feed writer refuses characters XML 1.0 forbids.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from xml.etree import ElementTree

import pytest
from django.core.cache import cache
from django.test import Client

from cablebase.archive.ingest import ingest
from cablebase.archive.models import Cable, IngestRun, Quarantine, SourceFile, Tag

pytestmark = pytest.mark.django_db
REF = "06MADRID3104"
FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
ATOM = "{http://www.w3.org/2005/Atom}"


def _clear() -> None:
    Cable.objects.all().delete()
    Tag.objects.all().delete()
    SourceFile.objects.all().delete()
    Quarantine.objects.all().delete()
    IngestRun.objects.all().delete()
    cache.clear()


@pytest.fixture(scope="module")
def dirty_cable(
    django_db_setup: None, django_db_blocker, samples_dir: Path, tmp_path_factory
) -> Iterator[None]:
    """The real 06MADRID3104 page with \\x0b and \\x01 in its subject and first paragraph."""
    page = (samples_dir / "cablegate-2010-pages" / f"{REF}.html").read_text(encoding="utf-8")
    page = page.replace("SUBJECT: SPAIN/CIA FLIGHTS", "SUBJECT: SPAIN/CIA\x0b FLIGHTS\x01", 1)
    page = page.replace("The Mallorcan", "The\x0b Mallorcan\x01", 1)
    folder = tmp_path_factory.mktemp("dirty")
    (folder / f"{REF}.html").write_text(page, encoding="utf-8")
    with django_db_blocker.unblock():
        _clear()
        with ThreadPoolExecutor(max_workers=1) as pool:
            report = ingest([folder], executor=pool)
        assert report.failed == 0, report.errors
    yield
    with django_db_blocker.unblock():
        _clear()


def test_the_archive_keeps_the_characters_its_source_had(dirty_cable) -> None:
    cable = Cable.objects.get(reference_id=REF)
    assert "\x01" in cable.subject
    assert "The\x0b Mallorcan\x01" in cable.body


@pytest.mark.parametrize(
    "url",
    [
        "/feeds/latest/",
        "/feeds/origin/MADRID/",
        "/feeds/tag/PTER/",
        "/feeds/search/?q=Mallorcan",
        "/feeds/search/?q=%0BMallorcan%01",  # the feed's title repeats the query
    ],
)
def test_every_cable_feed_lists_the_cable_as_valid_xml(
    dirty_cable, client: Client, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert not FORBIDDEN.search(response.content)
    feed = ElementTree.fromstring(response.content)  # raises on invalid XML
    titles = [e.findtext(f"{ATOM}title") for e in feed.iter(f"{ATOM}entry")]
    assert f"{REF}: SPAIN/CIA FLIGHTS: PLAINTIFFS DEMAND 13 USG OFFICIALS BE NAMED AS SUSPECTS" in (
        titles
    )


@pytest.mark.parametrize(
    "url",
    [
        f"/cable/2006/12/{REF}.html",
        "/search?q=Mallorcan",
        "/origin/MADRID/",
        "/tag/PTER/",
        "/date/2006/12/",
        "/",
    ],
)
def test_pages_show_the_cable_without_control_characters(
    dirty_cable, client: Client, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert not FORBIDDEN.search(response.content)
    assert b"SPAIN/CIA FLIGHTS: PLAINTIFFS" in response.content


def test_the_cable_page_keeps_the_text_around_the_dropped_characters(
    dirty_cable, client: Client
) -> None:
    body = client.get(f"/cable/2006/12/{REF}.html").content.decode()
    assert "The Mallorcan &quot;Free Association of Attorneys&quot;" in body or (
        'The Mallorcan "Free Association of Attorneys"' in body
    )
