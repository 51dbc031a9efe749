"""Every kind of page, at desktop and phone width: WCAG 2.2 AA (axe-core), no sideways
scrolling, no Content-Security-Policy refusal and no request to another host.

One test per page kind drives chromium through both widths: axe-core must find no
violation of serious or critical impact; the page must fit a 390 px (and 360 px) screen.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable

import pytest

from .audit import Watch, axe_violations, blocking, by_rule, describe, page_width
from .conftest import reader_helpers

DESKTOP = {"width": 1280, "height": 900}
PHONES = ({"width": 390, "height": 844}, {"width": 360, "height": 740})
CABLE = "/cable/2006/02/06MOSCOW1323.html"
STAFF = ("moderator", "correct-horse-battery")


@pytest.fixture
def archive(live_server, transactional_db, samples_dir, shared_corpus, tmp_path) -> str:
    """The real sample cables, one approved comment and trackback, a pending one, staff."""
    from django.contrib.auth.models import User
    from django.core.cache import cache

    from cablebase.archive.models import Cable
    from cablebase.discussion.models import Comment, Status, Trackback

    cache.clear()
    reader_helpers(real=True).ingest_real_cables(samples_dir, shared_corpus, tmp_path)
    cable = Cable.objects.get(reference_id="06MOSCOW1323")
    for status in (Status.APPROVED, Status.PENDING):
        Comment.objects.create(
            cable=cable,
            paragraph=2,
            name="Ann Reader",
            email="ann@example.org",
            body=f"A {status} remark, with a link: https://example.org/analysis",
            status=status,
        )
    Trackback.objects.create(
        cable=cable,
        url="https://blog.example.org/moscow",
        title="Moscow and Hamas",
        blog_name="A blog",
        excerpt="What the cable says about the visit.",
        status=Status.APPROVED,
    )
    User.objects.create_superuser(STAFF[0], "mod@example.org", STAFF[1])
    yield live_server.url
    cache.clear()


def log_in(page, site: str) -> None:
    page.goto(f"{site}/admin/login/")
    page.fill("#id_username", STAFF[0])
    page.fill("#id_password", STAFF[1])
    page.click("input[type=submit]")
    page.wait_for_url(f"{site}/admin/")


def comment_form_in_cable_page(page, site: str) -> None:
    """The cable page after "Comment on ¶2": the form loaded into it by reader.js."""
    page.goto(f"{site}{CABLE}")
    page.click('a.comment-link[href*="?par=2#"]')
    page.locator("form#comment-form").wait_for()


def comment_errors(page, site: str) -> None:
    """Post the comment form empty: the page that explains what to correct."""
    comment_form_in_cable_page(page, site)
    page.locator("form#comment-form").get_by_role("button", name="Post comment").click()
    page.wait_for_selector("form#comment-form .error")


def comment_thanks(page, site: str) -> None:
    """The form's page after a comment was posted: the thanks, and the form again."""
    page.goto(f"{site}/cable/06MOSCOW1323/comment")
    form = page.locator("form#comment-form")
    form.locator("#id_name").fill("Ann Reader")
    form.locator("#id_email").fill("ann@example.org")
    form.locator("#id_body").fill("A remark on the whole cable.")
    form.get_by_role("button", name="Post comment").click()
    page.wait_for_selector("#comment-status [role=status]")


def staff_comment(page, site: str) -> None:
    from cablebase.discussion.models import Comment

    log_in(page, site)
    page.goto(f"{site}/admin/discussion/comment/{Comment.objects.first().pk}/change/")


def swagger(page, site: str) -> None:
    page.goto(f"{site}/api/docs")
    page.wait_for_selector("#swagger-ui .opblock", timeout=15_000)


def visit(path: str) -> Callable:
    def go(page, site: str) -> None:
        page.goto(f"{site}{path}")

    return go


def staff_visit(path: str) -> Callable:
    def go(page, site: str) -> None:
        log_in(page, site)
        page.goto(f"{site}{path}")

    return go


PAGE_KINDS: dict[str, Callable] = {
    "home": visit("/"),
    "cable": visit(CABLE),
    "cable with versions": visit("/cable/2004/08/04RANGOON1100.html"),
    "cable permalink to a paragraph": visit(f"{CABLE}#par2"),
    "search with facets": visit("/search?q=hamas"),
    "search with a filter on": visit('/search?q=hamas+origin:"Embassy+Moscow"'),
    "search query error": visit('/search?q="open'),
    "releases": visit("/released/"),
    "release day": visit("/released/2010-11-28/"),
    "dates": visit("/date/"),
    "month": visit("/date/2006/02/"),
    "origins": visit("/origin/"),
    "origin": visit("/origin/MOSCOW/"),
    "classifications": visit("/classified/"),
    "classification level": visit("/classified/confidential/"),
    "tags": visit("/tag/"),
    "tag": visit("/tag/PREL/"),
    "explainer": visit("/classification/"),
    "not found": visit("/no/such/page"),
    "no such cable": visit("/cable/2006/02/06NOSUCH1.html"),
    "comment form": visit("/cable/06MOSCOW1323/comment?par=2"),
    "comment form in the cable page": comment_form_in_cable_page,
    "comment form errors": comment_errors,
    "comment thanks": comment_thanks,
    "staff login": visit("/admin/login/"),
    "staff comment list": staff_visit("/admin/discussion/comment/"),
    "staff trackback list": staff_visit("/admin/discussion/trackback/"),
    "staff comment": staff_comment,
    "API docs": swagger,
}


@pytest.mark.parametrize("kind", list(PAGE_KINDS))
def test_page_kind_meets_wcag_at_desktop_and_phone_width(archive: str, browser, kind) -> None:
    context = browser.new_context(viewport=DESKTOP)
    try:
        page = context.new_page()
        page.set_default_timeout(10_000)
        watch = Watch(archive).attach(page)
        PAGE_KINDS[kind](page, archive)
        found = {"1280 px": axe_violations(page)}
        widths = {}
        for phone in PHONES:
            page.set_viewport_size(phone)
            widths[phone["width"]] = page_width(page)
        page.set_viewport_size(PHONES[0])
        found["390 px"] = axe_violations(page)
        record(kind, found, widths)
        for phone, width in widths.items():
            assert width <= phone, f"{kind}: {width} px wide on a {phone} px phone"
        found = {w: blocking(v) for w, v in found.items()}
        report = "\n".join(f"at {w}:\n{describe(v)}" for w, v in found.items() if v)
        assert not report, f"{kind}: serious or critical WCAG violations\n{report}"
        assert not watch.csp, f"{kind}: the Content-Security-Policy refused {watch.csp}"
        assert not watch.foreign, f"{kind}: requests to other hosts {watch.foreign}"
        assert not watch.errors, f"{kind}: script errors {watch.errors}"
    finally:
        context.close()


def record(kind: str, found: dict[str, list[dict]], widths: dict[int, int]) -> None:
    """Append every violation (any impact) to $CABLEBASE_AXE_REPORT, one JSON line a page."""
    path = os.environ.get("CABLEBASE_AXE_REPORT")
    if path:
        with open(path, "a", encoding="utf-8") as out:
            for width, violations in found.items():
                line = {"kind": kind, "width": width, "rules": by_rule(violations)}
                out.write(json.dumps(line | {"page_widths": widths}) + "\n")
