"""Home and browse pages: totals, counts, the lists a visitor walks through."""

from __future__ import annotations

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def test_home_shows_totals_and_latest_releases(archive, client: Client) -> None:
    page = client.get("/").content.decode()
    assert "<strong>3</strong> cables from <strong>3</strong> origins" in page
    assert "Latest releases" in page
    assert 'href="/cable/2006/02/06MOSCOW1323.html">06MOSCOW1323</a>' in page
    assert "Most discussed" in page
    assert 'href="#main"' in page  # skip link


def test_side_navigation_counts_release_days_years_levels_origins(archive, client: Client) -> None:
    page = client.get("/").content.decode()
    assert 'href="/released/2011-08-30/">2011/08/30</a> <span class="n">2</span>' in page
    assert 'href="/date/2006/">All of 2006</a> <span class="n">2</span>' in page
    assert 'href="/date/2006/02/">2006/02</a> <span class="n">2</span>' in page
    assert 'href="/classified/secret-noforn/">SECRET//NOFORN</a> <span class="n">1</span>' in page
    assert 'href="/origin/MOSCOW/">Embassy Moscow</a> <span class="n">1</span>' in page


@pytest.mark.parametrize(
    ("url", "present", "absent"),
    [
        ("/released/2011-08-30/", "06STATE27174", "66BUENOSAIRES2481"),
        ("/date/2006/", "06MOSCOW1323", "66BUENOSAIRES2481"),
        ("/date/2006/02/", "06STATE27174", "66BUENOSAIRES2481"),
        ("/origin/MOSCOW/", "06MOSCOW1323", "06STATE27174"),
        ("/classified/confidential/", "06MOSCOW1323", "66BUENOSAIRES2481"),
        ("/classified/secret-noforn/", "66BUENOSAIRES2481", "06MOSCOW1323"),
        ("/tag/PREL/", "06STATE27174", "66BUENOSAIRES2481"),
    ],
)
def test_browse_lists_hold_exactly_their_cables(
    archive, client: Client, url, present, absent
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    page = response.content.decode()
    assert f">{present}</a>" in page
    assert f">{absent}</a>" not in page


@pytest.mark.parametrize("url", ["/released/", "/date/", "/origin/", "/classified/", "/tag/"])
def test_browse_indexes_list_their_groups(archive, client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert '<span class="n">' in response.content.decode()


def test_tag_index_groups_by_kind_with_descriptions(archive, client: Client) -> None:
    page = client.get("/tag/").content.decode()
    assert "<h2>Country</h2>" in page
    assert "Russia" in page


@pytest.mark.parametrize(
    "url",
    [
        "/origin/NOWHERE/",
        "/tag/NOSUCHTAG/",
        "/classified/ultra-secret/",
        "/date/2006/13/",
        "/released/2011-02-30/",
    ],
)
def test_unknown_browse_targets_are_404(archive, client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert "Search" in response.content.decode()


def test_unknown_address_is_a_404_page_with_a_search_box(archive, client: Client) -> None:
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    assert '<input id="nf-q" type="search" name="q">' in response.content.decode()


def test_a_tag_with_a_slash_has_its_page_and_its_cables_theirs(archive, client: Client) -> None:
    """Real Cablegate tags such as UNGA/C-6 (a UN committee): their cables answered 500."""
    from cablebase.archive.ingest import store_records
    from cablebase.parse.record import CableRecord, Paragraph, Source

    record = CableRecord(
        reference_id="09USUNNEWYORK999",
        origin="USUN New York",
        origin_code="USUNNEWYORK",
        created="2009-10-20T12:00:00Z",
        released="2011-08-30T00:00:00Z",
        classification="UNCLASSIFIED",
        tags=["PREL", "UNGA/C-6"],
        subject="SIXTH COMMITTEE DEBATE",
        paragraphs=[Paragraph("1", "U", "The Sixth Committee met.")],
        body="TAGS: PREL, UNGA/C-6\nSUBJECT: SIXTH COMMITTEE DEBATE\n\n"
        "1. (U) The Sixth Committee met.",
        source=Source("repost-text", "usun.txt", "ef" * 32),
    )
    assert store_records([record]).new == 1
    page = client.get("/cable/2009/10/09USUNNEWYORK999.html")
    assert page.status_code == 200
    assert page.content.decode().count('href="/tag/UNGA/C-6/"') == 2  # the list and the TAGS line
    tag = client.get("/tag/UNGA/C-6/")
    assert tag.status_code == 200 and "09USUNNEWYORK999" in tag.content.decode()
    assert client.get("/feeds/tag/UNGA/C-6/").status_code == 200
