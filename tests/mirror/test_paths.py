"""Mirror file names for the site's addresses, and relative links that lead back to them."""

from __future__ import annotations

import posixpath

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablebase.mirror.paths import file_for, relative_link


@pytest.mark.parametrize(
    ("address", "file"),
    [
        ("/", "index.html"),
        ("/cable/2006/02/06MOSCOW1323.html", "cable/2006/02/06MOSCOW1323.html"),
        ("/cable/66BUENOSAIRES2481", "cable/66BUENOSAIRES2481/index.html"),
        ("/tag/PREL/", "tag/PREL/index.html"),
        ("/tag/PREL/?page=1", "tag/PREL/index.html"),
        ("/tag/PREL/?page=3", "tag/PREL/index-3.html"),
        ("/date/2006/02/", "date/2006/02/index.html"),
        ("/feeds/latest/", "feeds/latest/index.xml"),
        ("/feeds/tag/PREL/", "feeds/tag/PREL/index.xml"),
        ("/api/cables/06MOSCOW1323", "api/cables/06MOSCOW1323.json"),
        ("/search", "search/index.html"),
        ("/search?q=hamas", "search/index.html"),
        ("/static/reader/reader.css", "static/reader/reader.css"),
    ],
)
def test_site_addresses_become_files(address, file):
    assert file_for(address) == file


@pytest.mark.parametrize(
    "address",
    [
        "/admin/",
        "/api/docs",
        "/api/search?q=x",
        "/cable/06MOSCOW1323/comment",
        "/cable/2006/02/06MOSCOW1323.html?paragraph=2",
        "/tag/PREL/?page=2&sort=date",
        "/feeds/search/?q=x",
        "https://example.org/tag/PREL/",
        "tag/PREL/",
    ],
)
def test_what_the_mirror_does_not_hold_has_no_file(address):
    assert file_for(address) is None


def test_links_are_relative_and_keep_anchor_and_search_words():
    page = "cable/2006/02/06MOSCOW1323.html"
    assert relative_link(page, "/tag/PREL/") == "../../../tag/PREL/index.html"
    assert relative_link(page, "/classification/#reason-b") == (
        "../../../classification/index.html#reason-b"
    )
    assert relative_link(page, "/search?q=hamas&sort=date") == "../../../search/index.html?q=hamas"
    assert relative_link("index.html", "/cable/2006/02/X1.html") == "cable/2006/02/X1.html"
    assert relative_link("tag/PREL/index.html", "/tag/PREL/?page=2") == "index-2.html"


segment = st.from_regex(r"[A-Za-z0-9_-]{1,12}", fullmatch=True)
addresses = st.one_of(
    st.builds(lambda s: f"/tag/{s}/", segment),
    st.builds(lambda s, n: f"/origin/{s}/?page={n}", segment, st.integers(1, 99)),
    st.builds(
        lambda y, m, s: f"/cable/{y}/{m:02d}/{s}.html",
        st.integers(1960, 2011),
        st.integers(1, 12),
        segment,
    ),
    st.builds(lambda s: f"/cable/{s}", segment.filter(lambda s: len(s) >= 3)),
    st.builds(lambda s: f"/api/cables/{s}", segment.filter(lambda s: len(s) >= 3)),
    st.builds(lambda s: f"/feeds/origin/{s}/", segment),
    st.just("/"),
)


@settings(suppress_health_check=[HealthCheck.too_slow])  # the machine is shared and loaded
@given(addresses, addresses)
def test_a_relative_link_from_any_file_leads_to_the_target_file(source, target):
    here = file_for(source)
    link = relative_link(here, target)
    assert link is not None and not link.startswith("/")
    landed = posixpath.normpath(posixpath.join(posixpath.dirname(here), link.split("#")[0]))
    assert landed == file_for(target)
