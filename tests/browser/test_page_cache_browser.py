"""Readers get the stored cable page until a moderator approves a comment, then the new page.

The site runs with its shared page cache (files, as under ``cablebase serve``): the
reader's visits are answered from it, and the approval (the admin's bulk action)
must change the page all the same.
"""

from __future__ import annotations

import pytest

from ..sample_archive import store_sample_archive
from .test_discussion_browser import CABLE_PATH, approve_all_in_admin, post_comment


@pytest.fixture
def site(live_server, transactional_db) -> str:
    from django.contrib.auth.models import User
    from django.core.cache import cache

    from cablebase.reader.page_cache import page_cache

    cache.clear()
    page_cache().clear()
    store_sample_archive()
    User.objects.create_superuser("moderator", "mod@example.org", "correct-horse-battery")
    yield live_server.url
    page_cache().clear()


def test_an_approved_comment_replaces_the_stored_page(site: str, browser) -> None:
    path = CABLE_PATH
    reader = browser.new_context().new_page()
    moderator = browser.new_context().new_page()
    first = reader.goto(f"{site}{path}")
    other = browser.new_context().new_page()
    second = other.goto(f"{site}{path}")  # another reader, no cookies: a plain 200
    assert (first.headers["x-page-cache"], second.headers["x-page-cache"]) == ("miss", "hit")
    other.context.close()
    post_comment(reader, site, "The stored page must not hide this.")
    reader.goto(f"{site}{path}")
    assert reader.locator("li.comment").count() == 0  # pending: nobody sees it yet

    approve_all_in_admin(moderator, site)
    answer = reader.goto(f"{site}{path}")
    assert answer.status == 200
    assert "The stored page must not hide this." in reader.locator("li.comment").inner_text()
    reader.context.close()
    moderator.context.close()
