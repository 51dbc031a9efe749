"""A small cable built through the ORM, and a clean rate-limit cache for every test."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from django.core.cache import cache

from cablebase.archive.models import Cable, Paragraph

PARAGRAPHS = [
    ("1", "C", "On February 10 Ambassador Burns met Deputy Foreign Minister Saltanov."),
    ("2", "C", "Saltanov said Russia would press Hamas to recognise Israel."),
    ("", "", "MFA Statement on Hamas Invitation"),
]


def make_cable(reference_id: str = "06MOSCOW1323", created: datetime | None = None) -> Cable:
    created = created or datetime(2006, 2, 10, 15, 26, tzinfo=UTC)
    cable = Cable.objects.create(
        reference_id=reference_id,
        origin="Embassy Moscow",
        origin_code="MOSCOW",
        created=created,
        year=created.year,
        classification="CONFIDENTIAL",
        subject="RUSSIA AND THE HAMAS VISIT",
        body="\n\n".join(text for _, _, text in PARAGRAPHS),
        content_hash=f"hash-{reference_id}",
    )
    for position, (number, marking, text) in enumerate(PARAGRAPHS, start=1):
        Paragraph.objects.create(
            cable=cable, position=position, number=number, marking=marking, text=text
        )
    return cable


@pytest.fixture(autouse=True)
def _clean_cache():
    """The rate limit lives in the cache; each test starts with a fresh allowance."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def cable(db) -> Cable:
    return make_cable()


@pytest.fixture
def other_cable(db) -> Cable:
    return make_cable("06STATE27174", datetime(2006, 2, 18, 20, 20, tzinfo=UTC))
