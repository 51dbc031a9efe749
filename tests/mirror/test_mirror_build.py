"""``cablebase mirror``: the site as files at the viewer's addresses, linked for a file server."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from cablebase.mirror.paths import file_for

from .conftest import BASE_URL
from .crawl import broken_links

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def test_every_cable_is_a_page_at_its_viewer_address_and_a_json_record(mirrored):
    from cablebase.archive.models import Cable

    cables = list(Cable.objects.all())
    assert len(cables) >= 14
    for cable in cables:
        page = mirrored.root / file_for(cable.get_absolute_url())
        assert cable.reference_id in page.read_text(encoding="utf-8")
        record = json.loads((mirrored.root / f"api/cables/{cable.reference_id}.json").read_text())
        assert record["reference_id"] == cable.reference_id
    moscow = mirrored.root / "cable/2006/02/06MOSCOW1323.html"
    text = moscow.read_text(encoding="utf-8")
    assert 'id="par1"' in text and 'href="#par1"' in text
    assert mirrored.report.tally.kinds["cable pages"] == len(cables)


def test_cable_pages_and_records_are_what_the_site_serves(mirrored):
    """The mirror renders cables in batches from bulk-loaded rows; the site one by one.
    Each page, rewritten for the mirror, and each JSON record must be the same bytes."""
    from django.test import Client

    from cablebase.archive.models import Cable
    from cablebase.mirror.build import ORIGIN
    from cablebase.mirror.rewrite import Site, page_text

    client, site = Client(), Site(ORIGIN, BASE_URL)
    cables = list(Cable.objects.order_by("reference_id"))
    assert len(cables) >= 14
    for cable in cables:
        address = cable.get_absolute_url()
        target = file_for(address)
        served = client.get(address).content.decode()
        assert (mirrored.root / target).read_text(encoding="utf-8") == page_text(
            served, target, address, site
        ).text, address
        record = client.get(f"/api/cables/{cable.reference_id}").content
        assert (mirrored.root / f"api/cables/{cable.reference_id}.json").read_bytes() == record


def test_browse_pages_explainers_and_search_page_exist(mirrored):
    from cablebase.archive.models import Cable

    cable = Cable.objects.exclude(origin_code="").exclude(released=None).first()
    root = mirrored.root
    for name in (
        "index.html",
        "classification/index.html",
        "search/index.html",
        "tag/index.html",
        "origin/index.html",
        "released/index.html",
        "date/index.html",
        "classified/index.html",
        f"origin/{cable.origin_code}/index.html",
        f"released/{cable.released:%Y-%m-%d}/index.html",
        f"date/{cable.created:%Y}/{cable.created:%m}/index.html",
        "tag/PREL/index.html",
        "static/reader/reader.css",
        "static/mirror/search.js",
        "pagefind/pagefind-ui.js",
    ):
        assert (root / name).is_file(), name
    search = (root / "search/index.html").read_text(encoding="utf-8")
    assert 'id="pagefind-search"' in search and "../pagefind/pagefind-ui.js" in search


def test_no_link_in_the_mirror_is_broken(mirrored):
    assert broken_links(mirrored.root) == []


def test_pages_name_no_render_host_and_post_no_form(mirrored):
    moscow = (mirrored.root / "cable/2006/02/06MOSCOW1323.html").read_text(encoding="utf-8")
    assert "testserver" not in moscow
    assert 'method="post"' not in moscow and "csrfmiddlewaretoken" not in moscow
    # the comment form lives at its own URL on the live site
    assert f'href="{BASE_URL}/cable/06MOSCOW1323/comment#comment-form"' in moscow
    assert f'<link rel="canonical" href="{BASE_URL}/cable/2006/02/06MOSCOW1323.html">' in moscow
    assert "data-pagefind-body" in moscow


def test_feeds_are_atom_pointing_at_the_live_site(mirrored):
    feed = ET.parse(mirrored.root / "feeds/latest/index.xml").getroot()
    links = [link.get("href") for link in feed.iter(f"{ATOM}link")]
    entries = list(feed.iter(f"{ATOM}entry"))
    assert entries and links
    assert all(href.startswith(BASE_URL) for href in links), links


def test_the_timeline_is_in_the_mirror_as_svg(mirrored):
    home = (mirrored.root / "index.html").read_text(encoding="utf-8")
    assert '<svg class="chart"' in home and "Cables created per month" in home
    tag = (mirrored.root / "tag/PREL/index.html").read_text(encoding="utf-8")
    assert "Classification mix" in tag


def test_a_second_run_rewrites_nothing_and_a_comment_rewrites_only_its_pages(mirrored):
    """Runs last: it approves a comment in the module's archive."""
    from cablebase.archive.models import Cable
    from cablebase.discussion.models import Comment
    from cablebase.mirror.build import build_mirror

    first = mirrored.report.tally
    again = build_mirror(mirrored.root, base_url=BASE_URL, workers=1).tally
    assert again.written == 0 and again.removed == 0
    assert again.unchanged == first.written + first.unchanged

    cable = Cable.objects.get(reference_id="06MOSCOW1323")
    Comment.objects.create(cable=cable, name="Ann", body="Saltanov again.", status="approved")
    third = build_mirror(mirrored.root, base_url=BASE_URL, workers=1).tally
    page = (mirrored.root / "cable/2006/02/06MOSCOW1323.html").read_text(encoding="utf-8")
    assert "Saltanov again." in page
    # the cable page, lists showing its comment count, the Pagefind fragment of the page
    assert 1 <= third.written <= 0.05 * (third.written + third.unchanged), third
