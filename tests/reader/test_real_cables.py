"""Real sample cables, ingested, as a visitor sees them."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_seed_cable_page_is_faithful_and_anchored(real_archive, client: Client) -> None:
    page = client.get("/cable/2006/02/06MOSCOW1323.html").content.decode()
    assert "Embassy Moscow" in page and "2011-08-30 01:44" in page
    # the telegram's own line breaks survive inside the paragraph blocks
    assert "1. (C)  On February 10 Ambassador Burns called on DFM\nSaltanov" in page
    for position in range(1, 8):
        assert f'href="#par{position}"' in page
    assert 'href="/classification/#reason-b"' in page
    assert "MOSCOW 00001323" not in page  # page-break lines are not text
    assert "Leave a Reply" not in page  # nor the repost's site chrome


def test_tags_of_a_real_cable_link_to_their_meaning(real_archive, client: Client) -> None:
    page = client.get("/cable/2008/03/08TRIPOLI220.html").content.decode()
    assert 'href="/tag/PHUM/"' in page
    assert "Human Rights" in page
    tag = client.get("/tag/LY/").content.decode()
    assert "Libya" in tag and "08TRIPOLI220" in tag


def test_references_and_cited_by_between_real_cables(real_archive, client: Client) -> None:
    page = client.get("/cable/07MADRID173", follow=True).content.decode()
    assert re.search(r'href="/cable/2006/\d\d/06MADRID3104.html"', page)
    assert "Cited by" in page and "08MADRID1280" in page


def test_revised_cable_shows_both_versions_and_a_diff(real_archive, client: Client) -> None:
    page = client.get("/cable/2004/08/04RANGOON1100.html").content.decode()
    assert "Older versions" in page
    assert "Version 1 → version 2" in page
    assert "<del>-" in page or "<ins>+" in page


def test_home_counts_the_real_archive(real_archive, client: Client) -> None:
    page = client.get("/").content.decode()
    assert re.search(r"<strong>8</strong> cables from <strong>\d+</strong> origins", page)
