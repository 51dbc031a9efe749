"""The reader in a real browser: paragraph permalinks and faceted search."""

from __future__ import annotations

import pytest

from ..sample_archive import store_sample_archive
from .conftest import reader_helpers


@pytest.fixture
def site(live_server, transactional_db) -> str:
    from django.core.cache import cache

    cache.clear()
    store_sample_archive()
    return live_server.url


def test_paragraph_permalink_lands_on_that_paragraph(site: str, page) -> None:
    page.goto(f"{site}/cable/2006/02/06MOSCOW1323.html")
    assert page.locator("table.meta").inner_text().count("06MOSCOW1323") == 1
    page.click('a.pilcrow[href="#par3"]')
    page.wait_for_url("**#par3")
    assert page.url.endswith("/cable/2006/02/06MOSCOW1323.html#par3")
    target = page.locator("#par3")
    assert page.evaluate("document.querySelector(':target').id") == "par3"
    assert "Quartet principles" in target.inner_text()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_permalink_opened_directly_shows_the_paragraph(site: str, page) -> None:
    page.set_viewport_size({"width": 390, "height": 500})  # a phone
    page.goto(f"{site}/cable/2006/02/06MOSCOW1323.html#par4")
    target = page.locator("#par4")
    assert "4. (U) In answer to a correspondent" in target.inner_text()
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < 500
    # the sub-head printed above "4." belongs to paragraph 3
    assert "MFA Statement" in page.locator("#par3").inner_text()


def test_an_old_fragment_past_the_last_number_finds_its_text(site: str, page) -> None:
    """Sub-heads counted once: old #par5 (the cable numbers to 4) now lies in ¶4."""
    from cablebase.archive.models import Paragraph

    Paragraph.objects.filter(cable__reference_id="06MOSCOW1323", position=3).update(
        legacy_span=2  # paragraph 3 and its sub-head were ¶3 and ¶4
    )
    page.goto(f"{site}/cable/2006/02/06MOSCOW1323.html#par5")
    page.wait_for_url("**#par4")
    assert page.evaluate("document.querySelector(':target').id") == "par4"
    box = page.locator("#par4").bounding_box()
    assert box is not None and 0 <= box["y"] < page.viewport_size["height"]


def test_skip_link_is_the_first_thing_the_keyboard_reaches(site: str, page) -> None:
    page.goto(f"{site}/")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    page.wait_for_url("**#main")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.fixture
def real_site(live_server, transactional_db, samples_dir, shared_corpus, tmp_path) -> str:
    from django.core.cache import cache

    cache.clear()
    reader_helpers(real=True).ingest_real_cables(samples_dir, shared_corpus, tmp_path)
    return live_server.url


def test_search_narrow_by_a_facet_then_remove_it(real_site: str, page) -> None:
    page.goto(f"{real_site}/")
    page.fill("#home-q", "hamas")
    page.press("#home-q", "Enter")
    page.wait_for_url("**/search?q=hamas*")
    results = page.locator("ol.hits")
    assert "06STATE27174" in results.inner_text()
    assert page.locator("mark").count() > 0
    page.locator("aside.facets a", has_text="Embassy Moscow").click()
    page.wait_for_url("**origin*")
    assert page.input_value("#q") == 'hamas origin:"Embassy Moscow"'
    assert "06MOSCOW1323" in results.inner_text()
    assert "06STATE27174" not in results.inner_text()
    page.locator("ul.filters a", has_text="Origin: Embassy Moscow").click()
    page.wait_for_load_state()
    assert page.input_value("#q") == "hamas"
    assert "06STATE27174" in page.locator("ol.hits").inner_text()


def test_bad_query_is_explained_in_the_page(real_site: str, page) -> None:
    response = page.goto(f'{real_site}/search?q="open+phrase')
    assert response is not None and response.status == 400
    assert "unbalanced quote" in page.locator("[role=alert]").inner_text()


def test_everything_above_works_without_javascript(real_site: str, browser) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{real_site}/search?q=hamas")
        page.locator("aside.facets a", has_text="Secretary of State").click()
        page.wait_for_url("**origin*")
        assert "06STATE27174" in page.locator("ol.hits").inner_text()
        page.locator("ol.hits a", has_text="06STATE27174").click()
        page.wait_for_url("**/cable/2006/02/06STATE27174.html")
        page.click('a.pilcrow[href="#par2"]')
        page.wait_for_url("**#par2")
        assert page.locator("#par2:target").count() == 1
        assert page.locator("button.copy-btn").first.is_hidden()  # copy buttons need JS
    finally:
        context.close()
