"""Atom feeds of new releases, per origin and per tag."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_latest_releases_feed_is_atom_with_cable_links(archive, client: Client) -> None:
    response = client.get("/feeds/latest/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    body = response.content.decode()
    assert "<title>06MOSCOW1323: RUSSIA AND THE HAMAS VISIT</title>" in body
    assert "http://testserver/cable/2006/02/06MOSCOW1323.html" in body


def test_origin_feed_holds_only_that_origin(archive, client: Client) -> None:
    body = client.get("/feeds/origin/MOSCOW/").content.decode()
    assert "06MOSCOW1323" in body and "06STATE27174" not in body


def test_tag_feed_names_the_tag_and_its_meaning(archive, client: Client) -> None:
    body = client.get("/feeds/tag/KPAL/").content.decode()
    assert "cables tagged KPAL (Palestinian Affairs)" in body
    assert "06MOSCOW1323" in body and "06STATE27174" not in body


@pytest.mark.parametrize(
    "url", ["/feeds/origin/NOWHERE/", "/feeds/tag/NOSUCHTAG/", "/feeds/search/"]
)
def test_feeds_for_unknown_things_are_404(archive, client: Client, url: str) -> None:
    assert client.get(url).status_code == 404
