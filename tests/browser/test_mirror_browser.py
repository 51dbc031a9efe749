"""A mirror served by ``python -m http.server``: read a cable, search in the browser, browse a tag.

Every request the page makes must stay on the mirror's own host: the mirror's
search is Pagefind's files, its pictures are inline SVG, nothing comes from afar.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest

from ..mirror.conftest import clear_archive, stage_samples
from ..mirror.crawl import broken_links

# The tests only read files; the mark makes pytest-django create the test database
# the session fixture ingests into (it sets up only databases that marked tests use).
pytestmark = pytest.mark.django_db


@pytest.fixture(scope="session")
def mirror_root(django_db_setup, django_db_blocker, samples_dir, tmp_path_factory) -> Path:
    """The samples ingested, mirrored (no ``--base-url``: a mirror on its own), then removed.

    Session-scoped and named first by every test, so it is built before chromium starts
    (Playwright's loop would otherwise hold the thread the database needs).
    """
    from concurrent.futures import ThreadPoolExecutor

    from cablebase.archive.ingest import ingest
    from cablebase.mirror.build import build_mirror

    folder = stage_samples(samples_dir, tmp_path_factory.mktemp("samples"))
    root = tmp_path_factory.mktemp("mirror")
    with django_db_blocker.unblock():
        clear_archive()
        with ThreadPoolExecutor(max_workers=2) as pool:
            assert ingest([folder], executor=pool).failed == 0
        report = build_mirror(root, workers=1)
        clear_archive()
    assert not report.failed, report.failed
    return root


@pytest.fixture(scope="module")
def served(mirror_root: Path) -> Iterator[str]:
    """The mirror on a plain static file server on loopback."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    server = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1"],
        cwd=mirror_root,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.05)
    yield url
    server.terminate()
    server.wait(timeout=5)


@pytest.fixture
def watched(page, served):
    """The page, with every request it makes recorded (and failed ones)."""
    requests: list[str] = []
    failures: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("response", lambda r: failures.append(r.url) if r.status >= 400 else None)
    yield page, requests, failures
    host = urlsplit(served).netloc
    strangers = [u for u in requests if urlsplit(u).scheme != "data" and urlsplit(u).netloc != host]
    assert strangers == [], "requests left the mirror's host"
    assert failures == [], "requests failed"


def test_a_cable_page_shows_its_paragraph_links(mirror_root, watched, served):
    page, requests, _ = watched
    page.goto(f"{served}/cable/2006/02/06MOSCOW1323.html")
    assert "06MOSCOW1323" in page.locator("h1").inner_text()
    pilcrow = page.locator("#par2 a.pilcrow")
    pilcrow.click()
    assert page.url.endswith("/cable/2006/02/06MOSCOW1323.html#par2")
    assert page.locator(".par:target").get_attribute("id") == "par2"
    assert page.locator("form[method=post]").count() == 0  # no live site to post to
    assert any(u.endswith("/static/reader/reader.css") for u in requests)


def test_search_a_word_in_the_browser_and_follow_a_hit(mirror_root, watched, served):
    page, requests, _ = watched
    page.goto(f"{served}/index.html")
    page.locator("#site-q").fill("Saltanov")
    page.locator("form.quick button").click()
    page.wait_for_url("**/search/index.html?q=Saltanov")
    hit = page.locator("a.pagefind-ui__result-link").first
    hit.wait_for()
    assert "06MOSCOW1323" in hit.inner_text()
    hit.click()
    page.wait_for_url("**/cable/2006/02/06MOSCOW1323.html*")
    assert "Saltanov" in page.locator("article.cable").inner_text()
    assert any("/pagefind/" in u for u in requests)


def test_browse_by_tag_to_a_cable(mirror_root, watched, served):
    page, _, _ = watched
    page.goto(f"{served}/")
    page.get_by_role("navigation", name="Site").get_by_role("link", name="Tags").click()
    page.locator("a[href='PREL/index.html']").first.click()
    assert page.locator("h1").inner_text() == "Tag PREL"
    assert page.locator("svg.chart").count() >= 1  # the tag's timeline, drawn without script
    first = page.locator("table.cables a").first
    reference = first.inner_text()
    first.click()
    assert reference in page.locator("h1").inner_text()


def test_the_mirror_has_no_broken_link(mirror_root):
    assert broken_links(mirror_root) == []


MIRROR_PAGES = {
    "home": "/index.html",
    "cable": "/cable/2006/02/06MOSCOW1323.html",
    "tag": "/tag/PREL/index.html",
    "search with hits": "/search/index.html?q=Saltanov",
}


@pytest.mark.parametrize("kind", sorted(MIRROR_PAGES))
def test_mirror_pages_meet_wcag_at_desktop_and_phone_width(mirror_root, served, browser, kind):
    """The mirror's pages, Pagefind's search UI included, pass axe-core at both widths."""
    from .audit import axe_violations, blocking, describe, page_width

    found = {}
    for viewport in ({"width": 1280, "height": 900}, {"width": 390, "height": 844}):
        page = browser.new_page(viewport=viewport)
        page.goto(served + MIRROR_PAGES[kind])
        if kind.startswith("search"):
            page.locator("a.pagefind-ui__result-link").first.wait_for()
        found[viewport["width"]] = blocking(axe_violations(page))
        assert page_width(page) <= viewport["width"], f"{kind} scrolls sideways"
        page.close()
    assert not any(found.values()), "\n".join(
        f"{width} px:\n{describe(v)}" for width, v in found.items() if v
    )
