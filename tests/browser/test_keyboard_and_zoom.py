"""Keyboard and zoom: every control reached by Tab with a visible focus, the folded facets
opened and followed by keyboard, and the cable text readable at 200 % and 400 % zoom
(1280 px shown at 640 and 320 CSS px) without sideways scrolling."""

from __future__ import annotations

import pytest

from .audit import page_width
from .conftest import reader_helpers

CABLE = "/cable/2006/02/06MOSCOW1323.html"

# Every visible control, tagged in document order; the honeypot is out of the Tab order,
# and what a closed <details> holds is reached once its summary opens it.
TAG_CONTROLS = """() => {
  const all = document.querySelectorAll(
    'a[href], button, input:not([type=hidden]), select, textarea, summary');
  let n = 0;
  for (const el of all) {
    const r = el.getBoundingClientRect();
    const folded = el.closest('details:not([open])');
    if (folded && !(el.tagName === 'SUMMARY' && el.parentElement === folded)) continue;
    if (el.closest('[hidden], .honeypot') || el.tabIndex < 0 || r.width === 0 || r.height === 0
        || getComputedStyle(el).visibility === 'hidden') continue;
    el.dataset.kb = String(n++);
  }
  return n;
}"""
# What the focused control is, and whether its focus can be seen (outline or ring).
FOCUSED = """() => {
  const el = document.activeElement;
  const s = getComputedStyle(el);
  const ring = (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2)
    || s.boxShadow !== 'none';
  return {kb: el.dataset.kb ?? null, ring, what: el.outerHTML.slice(0, 80)};
}"""


@pytest.fixture
def archive(live_server, transactional_db, samples_dir, shared_corpus, tmp_path) -> str:
    from django.core.cache import cache

    cache.clear()
    reader_helpers(real=True).ingest_real_cables(samples_dir, shared_corpus, tmp_path)
    yield live_server.url
    cache.clear()


def tab_through(page) -> None:
    """Tab from the top to the end: every tagged control is reached, each with a ring."""
    count = page.evaluate(TAG_CONTROLS)
    assert count > 10
    reached: set[str] = set()
    page.evaluate("document.activeElement && document.activeElement.blur()")
    for _ in range(count + 5):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if focused["kb"] is not None:
            assert focused["ring"], f"no visible focus on {focused['what']}"
            reached.add(focused["kb"])
    missed = sorted(set(map(str, range(count))) - reached, key=int)
    names = [
        page.locator(f'[data-kb="{k}"]').evaluate("e => e.outerHTML.slice(0, 80)") for k in missed
    ]
    assert not missed, f"not reachable by Tab: {names}"


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("path", ["/", CABLE, "/search?q=hamas", "/tag/PREL/"])
def test_every_control_is_reached_by_tab_with_a_visible_focus(
    archive: str, browser, path: str, width: int
) -> None:
    context = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{archive}{path}")
        tab_through(page)
    finally:
        context.close()


def test_comment_form_is_opened_filled_and_posted_by_keyboard(archive: str, page) -> None:
    page.goto(f"{archive}{CABLE}")
    page.locator('a.comment-link[href*="?par=2#"]').focus()
    page.keyboard.press("Enter")
    page.locator("form#comment-form").wait_for()
    # focus lands on the paragraph choice, already set to ¶2
    assert page.evaluate("document.activeElement.id") == "id_paragraph"
    assert page.input_value("#id_paragraph") == "2"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_body"
    page.keyboard.type("Typed with the keyboard only.")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Post comment"
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Shift+Tab")
    assert page.evaluate("document.activeElement.id") == "id_email"
    page.keyboard.type("ann@example.org")
    page.keyboard.press("Shift+Tab")
    page.keyboard.type("Ann Reader")
    page.locator("#id_body").focus()
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    page.wait_for_url("**/comment#comment-status")
    assert "awaits moderation" in page.locator("#comment-status").inner_text()


def test_folded_facets_on_a_phone_open_and_follow_by_keyboard(archive: str, browser) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{archive}/search?q=hamas")
        # results come first: the first hit is on the first screen, the facets are folded
        first_hit = page.locator("ol.hits li").first.bounding_box()
        assert first_hit is not None and first_hit["y"] < 844
        facets = page.locator("details.facet-groups")
        assert facets.evaluate("d => d.open") is False
        assert page.locator("aside.facets a").first.is_hidden()
        page.locator("details.facet-groups > summary").focus()
        page.keyboard.press("Enter")
        assert facets.evaluate("d => d.open") is True
        page.keyboard.press("Tab")
        assert page.evaluate("document.activeElement.closest('aside.facets') !== null")
        page.keyboard.press("Enter")
        page.wait_for_url("**q=hamas+*")
        assert page.locator("ul.filters a").count() == 1
    finally:
        context.close()


@pytest.mark.parametrize("css_width", [640, 320], ids=["200%", "400%"])
@pytest.mark.parametrize("path", [CABLE, "/cable/2004/08/04RANGOON1100.html", "/search?q=hamas"])
def test_cable_text_reflows_at_200_and_400_percent_zoom(
    archive: str, browser, path: str, css_width: int
) -> None:
    """Zooming a 1280 px window to 200 % (400 %) leaves 640 (320) CSS px: nothing scrolls
    sideways, and no line of the telegram is cut off."""
    context = browser.new_context(viewport={"width": css_width, "height": 400})
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        page.goto(f"{archive}{path}")
        assert page_width(page) <= css_width
        overflowing = page.evaluate(
            "() => [...document.querySelectorAll('pre, .snippet')]"
            ".filter(p => p.scrollWidth > p.clientWidth + 1).length"
        )
        assert overflowing == 0
    finally:
        context.close()
