"""Rendered pages from the shared cache: fast, yet never older than what they show.

Each test changes the archive the way the real paths do (the admin approves with
a bulk ``update``, ingest writes rows in bulk), so no signal helps the cache:
the keys themselves must move.
"""

from __future__ import annotations

import re

import pytest
from django.test import Client
from django.utils import timezone

from cablebase.archive.models import Cable
from cablebase.parse.record import CableRecord, Paragraph, Source

pytestmark = pytest.mark.django_db

MOSCOW = "/cable/2006/02/06MOSCOW1323.html"
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


@pytest.fixture(autouse=True)
def empty_page_cache():
    from cablebase.reader.page_cache import page_cache

    page_cache().clear()
    yield
    page_cache().clear()


def test_the_second_visitor_gets_the_stored_page_byte_for_byte(archive):
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    one = first.get(MOSCOW)
    two = second.get(MOSCOW)
    assert one["X-Page-Cache"] == "miss" and two["X-Page-Cache"] == "hit"
    assert one.content == two.content  # no token on the page: the form has its own URL
    assert not TOKEN.search(two.content.decode())
    form = second.get("/cable/06MOSCOW1323/comment").content.decode()
    token = TOKEN.search(form).group(1)
    posted = second.post("/cable/06MOSCOW1323/comment", {"csrfmiddlewaretoken": token})
    assert posted.status_code != 403  # the form's page hands out a valid token


def test_an_approved_comment_shows_at_once(archive):
    from cablebase.discussion.models import Comment

    client = Client()
    client.get(MOSCOW)
    assert client.get(MOSCOW)["X-Page-Cache"] == "hit"
    comment = Comment.objects.create(cable=archive.moscow, name="Ann", body="Saltanov blinked.")
    assert "Saltanov blinked." not in client.get(MOSCOW).content.decode()  # still pending
    Comment.objects.filter(pk=comment.pk).update(status="approved")  # as the admin's action does
    page = client.get(MOSCOW)
    assert page["X-Page-Cache"] == "miss"
    assert "Saltanov blinked." in page.content.decode()
    Comment.objects.filter(pk=comment.pk).update(status="rejected")
    assert "Saltanov blinked." not in client.get(MOSCOW).content.decode()


def test_a_moderated_set_with_the_same_count_and_id_sum_is_not_the_stored_one(
    archive, admin_client
):
    """Approve 1 and 4, reject them, approve 2 and 3: as many comments, the same id sum."""
    from cablebase.discussion.models import Comment

    made = [
        Comment.objects.create(cable=archive.moscow, name="Ann", body=f"Remark number {n}.")
        for n in range(4)
    ]
    one, two, three, four = made
    assert one.pk + four.pk == two.pk + three.pk
    url = "/admin/discussion/comment/"

    def moderate(action: str, *comments: Comment) -> None:
        picked = [str(c.pk) for c in comments]
        admin_client.post(url, {"action": action, "_selected_action": picked})

    client = Client()
    moderate("approve", one, four)
    first = client.get(MOSCOW).content.decode()
    assert "Remark number 0." in first and "Remark number 3." in first
    moderate("reject", one, four)
    moderate("approve", two, three)
    page = client.get(MOSCOW).content.decode()
    assert "Remark number 1." in page and "Remark number 2." in page
    assert "Remark number 0." not in page and "Remark number 3." not in page


def test_a_new_version_of_the_cable_shows_at_once(archive):
    client = Client()
    assert "NEW SUBJECT OF THE TELEGRAM" not in client.get(MOSCOW).content.decode()
    Cable.objects.filter(pk=archive.moscow.pk).update(  # as ingest replaces the current text
        subject="NEW SUBJECT OF THE TELEGRAM", updated=timezone.now()
    )
    assert "NEW SUBJECT OF THE TELEGRAM" in client.get(MOSCOW).content.decode()


def test_a_browser_revalidates_with_its_etag(archive):
    client = Client()
    first = client.get(MOSCOW)
    again = client.get(MOSCOW, HTTP_IF_NONE_MATCH=first["ETag"])
    assert again.status_code == 304
    tag = client.get("/tag/PREL/")
    assert (
        tag["ETag"] and client.get("/tag/PREL/", HTTP_IF_NONE_MATCH=tag["ETag"]).status_code == 304
    )


def test_signed_in_visitors_get_the_same_stored_page(archive, admin_client):
    anonymous = Client().get(MOSCOW)
    signed_in = admin_client.get(MOSCOW)
    assert signed_in["X-Page-Cache"] == "hit" and signed_in.content == anonymous.content
    assert "cookie" not in signed_in.get("Vary", "").lower()
    unknown = Client().get(f"{MOSCOW}?utm_source=feed")  # an unknown parameter
    assert unknown.status_code == 200 and "X-Page-Cache" not in unknown


def test_a_tag_page_lists_a_cable_ingested_after_it_was_stored(archive):
    from cablebase.archive.ingest import store_records

    client = Client()
    assert client.get("/tag/PREL/")["X-Page-Cache"] == "miss"
    assert client.get("/tag/PREL/")["X-Page-Cache"] == "hit"
    record = CableRecord(
        reference_id="06ROME999",
        origin="Embassy Rome",
        origin_code="ROME",
        created="2006-03-01T10:00:00Z",
        released="2011-09-01T00:00:00Z",
        classification="SECRET",
        tags=["PREL"],
        subject="A NEWLY INGESTED CABLE",
        paragraphs=[Paragraph("1", "S", "Rome reports.")],
        body="1. (S) Rome reports.",
        source=Source("repost-text", "rome.txt", "cd" * 32),
    )
    store_records([record])
    page = client.get("/tag/PREL/")
    assert page["X-Page-Cache"] == "miss"
    assert "06ROME999" in page.content.decode()
    assert "06ROME999" in client.get("/").content.decode()


def test_the_home_page_draws_the_archive_over_time(archive):
    page = Client().get("/").content.decode()
    assert page.count('<svg class="chart"') == 2  # created and released per month
    assert "Cables created per month" in page and "Cables released per month" in page
    created = Cable.objects.filter(created__year=2006).count()
    row = re.search(r'<th scope="row">2006</th>(.*?)</tr>', page).group(1)
    assert re.findall(r"<td>([^<]*)</td>", row)[-1] == str(created)
    assert 'class="chart mix"' in page


def test_a_stored_page_keeps_every_header_and_sets_no_cookie(archive):
    first = Client().get(MOSCOW)
    again = Client().get(MOSCOW)
    assert again["X-Page-Cache"] == "hit" and again.content == first.content
    for name in ("Content-Security-Policy", "X-Frame-Options", "Referrer-Policy", "ETag"):
        assert again[name] == first[name], name
    assert "must-revalidate" in again["Cache-Control"]
    assert not again.cookies and "Set-Cookie" not in again.headers
    head = Client().head(MOSCOW)
    assert head.status_code == 200 and head["X-Page-Cache"] == "hit" and not head.content


def test_a_revalidation_is_answered_from_the_key_alone(archive):
    from cablebase.reader.page_cache import page_cache

    etag = Client().get(MOSCOW)["ETag"]
    page_cache().clear()  # the stored copy gone (evicted, another worker): the key remains
    again = Client().get(MOSCOW, HTTP_IF_NONE_MATCH=etag)
    assert again.status_code == 304 and again["ETag"] == etag


def test_a_rebuilt_search_index_changes_the_stored_cable_page(archive):
    from cablebase.archive.search import reindex

    client = Client()
    client.get(MOSCOW)
    assert client.get(MOSCOW)["X-Page-Cache"] == "hit"
    reindex()  # `cablebase reindex`: the "similar cables" list may have changed
    assert client.get(MOSCOW)["X-Page-Cache"] == "miss"
    assert client.get(MOSCOW)["X-Page-Cache"] == "hit"


@pytest.mark.parametrize(
    "path", ["/", "/origin/MOSCOW/", "/tag/PREL/", "/released/", "/date/2006/", "/classified/"]
)
def test_browse_tag_and_origin_pages_are_stored_too(archive, path):
    first, second = Client().get(path), Client().get(path)
    assert (first["X-Page-Cache"], second["X-Page-Cache"]) == ("miss", "hit")
    assert first.content == second.content
    assert Client().get(path + "?page=1")["X-Page-Cache"] == "miss"  # a page of its own


def test_clearing_the_cache_reaches_every_worker(tmp_path):
    """Two processes' caches on one directory: an admin edit clears them both."""
    from cablebase.reader.page_cache import Stored
    from cablebase.reader.page_store import PageFileCache

    one, other = (PageFileCache(str(tmp_path), {}) for _ in range(2))
    page = Stored(200, [("Content-Type", "text/html")], b"<p>stored</p>")
    one.set("page:k", page)
    assert other.get("page:k").body == b"<p>stored</p>"  # now in the other's memory too
    one.clear()
    assert other.get("page:k") is None
