"""The discussion in a real browser: post, approve in the admin, see it; hostile text stays text."""

from __future__ import annotations

import pytest

from ..sample_archive import store_sample_archive

CABLE_PATH = "/cable/2006/02/06MOSCOW1323.html"


@pytest.fixture
def site(live_server, transactional_db) -> str:
    from django.contrib.auth.models import User
    from django.core.cache import cache

    cache.clear()
    store_sample_archive()
    User.objects.create_superuser("moderator", "mod@example.org", "correct-horse-battery")
    yield live_server.url
    cache.clear()


def post_comment(page, site: str, body: str, paragraph: str | None = None) -> None:
    """From the cable page: open the form (loaded into the page, or on its own page
    without JavaScript), fill it in, post; land on the thanks."""
    page.goto(f"{site}{CABLE_PATH}")
    if paragraph:
        page.click(f'a.comment-link[href*="?par={paragraph}#"]')
    else:
        page.get_by_role("link", name="Leave a comment").click()
    form = page.locator("form#comment-form")
    form.locator("#id_name").fill("Ann Reader")
    form.locator("#id_email").fill("ann@example.org")
    if paragraph:  # the link chose it
        assert form.locator("#id_paragraph").input_value() == paragraph
    form.locator("#id_body").fill(body)
    form.get_by_role("button", name="Post comment").click()
    page.wait_for_url("**/cable/06MOSCOW1323/comment#comment-status")


def approve_all_in_admin(page, site: str) -> None:
    page.goto(f"{site}/admin/")
    page.fill("#id_username", "moderator")
    page.fill("#id_password", "correct-horse-battery")
    page.click("input[type=submit]")
    page.goto(f"{site}/admin/discussion/comment/?status__exact=pending")
    assert "awaiting moderation" in page.content()
    page.check("#action-toggle")
    page.select_option("select[name=action]", "approve")
    page.click("button[name=index]")
    page.wait_for_selector("text=marked approved")


def test_comment_appears_after_approval_in_the_admin(site: str, page) -> None:
    post_comment(page, site, "Saltanov's line here contradicts the MFA statement.", "2")
    assert "awaits moderation" in page.locator("#comment-status").inner_text()
    page.get_by_role("link", name="Back to the cable").click()
    assert page.locator("li.comment").count() == 0
    post_comment(page, site, "A second thought on the whole cable.")
    assert "awaits moderation" in page.locator("#comment-status").inner_text()  # shown again
    approve_all_in_admin(page, site)
    page.goto(f"{site}{CABLE_PATH}")
    comments = page.locator("li.comment")
    assert comments.count() == 2
    assert "contradicts the MFA statement" in comments.nth(0).inner_text()
    assert "A second thought" in comments.nth(1).inner_text()
    page.click('li.comment a.comment-paragraph[href="#par2"]')
    page.wait_for_url("**#par2")
    assert page.evaluate("document.querySelector(':target').id") == "par2"


HOSTILE = (
    "<script>window.__xss = 1</script> "
    '<img src=x onerror="window.__xss = 2"> '
    '"><svg onload="window.__xss = 3"> '
    "javascript:window.__xss=4"
)


def test_hostile_comment_stays_inert_text(site: str, page) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    post_comment(page, site, HOSTILE)
    approve_all_in_admin(page, site)
    page.goto(f"{site}{CABLE_PATH}")
    body = page.locator("li.comment .comment-body")
    assert body.inner_text().strip() == HOSTILE
    assert body.locator("script, img, svg").count() == 0
    assert body.locator("a").count() == 0  # javascript: never becomes a link
    page.wait_for_timeout(200)  # give any injected handler the chance it must not get
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []


@pytest.mark.parametrize("javascript", [True, False], ids=["js-on", "js-off"])
def test_posting_a_comment_works_with_and_without_javascript(site: str, browser, javascript):
    """With JavaScript the form is loaded into the cable page; without, it has its own page.
    Either way the CSRF cookie comes with the form, never with the cable page."""
    context = browser.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        response = page.goto(f"{site}{CABLE_PATH}")
        assert response is not None and "set-cookie" not in response.headers
        assert context.cookies() == []
        page.click('a.comment-link[href*="?par=2#"]')
        form = page.locator("form#comment-form")
        form.wait_for()
        on_cable_page = page.url.startswith(f"{site}{CABLE_PATH}")
        assert on_cable_page is javascript
        assert [c["name"] for c in context.cookies()] == ["csrftoken"]
        assert form.locator("#id_paragraph").input_value() == "2"
        form.locator("#id_name").fill("Ann Reader")
        form.locator("#id_email").fill("ann@example.org")
        form.locator("#id_body").fill(f"Posted with JavaScript {'on' if javascript else 'off'}.")
        form.get_by_role("button", name="Post comment").click()
        page.wait_for_url("**/cable/06MOSCOW1323/comment#comment-status")
        assert "awaits moderation" in page.locator("#comment-status").inner_text()
    finally:
        context.close()
    from cablebase.discussion.models import Comment

    comment = Comment.objects.get()
    assert (comment.paragraph, comment.status) == (2, "pending")
    assert comment.body == f"Posted with JavaScript {'on' if javascript else 'off'}."
