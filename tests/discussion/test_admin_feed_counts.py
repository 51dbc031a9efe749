"""The moderation queue in the admin, the comments feed and the comment counts."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from django.contrib.auth.models import User
from django.template import Context, Template
from django.test import Client
from django.urls import reverse

from cablebase.discussion.models import Comment, Status, Trackback

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def admin_client_logged_in() -> Client:
    User.objects.create_superuser("admin", "admin@example.org", "pw")
    client = Client()
    client.login(username="admin", password="pw")
    return client


def test_admin_lists_pending_with_count_and_filters(admin_client_logged_in, cable):
    for i in range(3):
        Comment.objects.create(cable=cable, name=f"N{i}", body=f"pending {i}")
    Comment.objects.create(cable=cable, name="Z", body="already fine", status=Status.APPROVED)
    url = reverse("admin:discussion_comment_changelist")
    response = admin_client_logged_in.get(url)
    assert response.status_code == 200
    text = response.content.decode()
    assert "3 awaiting moderation." in text
    assert "pending 0" in text and "already fine" in text
    filtered = admin_client_logged_in.get(url, {"status__exact": "approved"}).content.decode()
    assert "already fine" in filtered and "pending 0" not in filtered


def test_admin_bulk_approve_publishes(admin_client_logged_in, cable):
    ids = [Comment.objects.create(cable=cable, name="N", body=f"body {i}").pk for i in range(2)]
    response = admin_client_logged_in.post(
        reverse("admin:discussion_comment_changelist"),
        {"action": "approve", "_selected_action": [str(i) for i in ids]},
        follow=True,
    )
    assert response.status_code == 200
    assert "2 comments marked approved." in response.content.decode()
    assert set(Comment.objects.values_list("status", flat=True)) == {Status.APPROVED}


@pytest.mark.parametrize(("action", "status"), [("reject", "rejected"), ("mark_spam", "spam")])
def test_admin_bulk_reject_and_spam(admin_client_logged_in, cable, action, status):
    tb = Trackback.objects.create(cable=cable, url="http://a.example/")
    admin_client_logged_in.post(
        reverse("admin:discussion_trackback_changelist"),
        {"action": action, "_selected_action": [str(tb.pk)]},
    )
    tb.refresh_from_db()
    assert tb.status == status


def test_comments_feed_lists_approved_only(client: Client, cable):
    approved = Comment.objects.create(
        cable=cable, name="Ann", body="<b>approved</b> one", paragraph=2, status=Status.APPROVED
    )
    Comment.objects.create(cable=cable, name="Bob", body="still pending")
    response = client.get(reverse("discussion:comments_feed", args=[cable.reference_id]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.find(f"{ATOM}title").text == "Comments on 06MOSCOW1323"
    entries = root.findall(f"{ATOM}entry")
    assert len(entries) == 1
    entry = entries[0]
    assert entry.find(f"{ATOM}title").text == "Ann on ¶2"
    summary = entry.find(f"{ATOM}summary")
    assert summary.get("type") == "html"
    # A feed reader decodes this HTML: the commenter's tags are still escaped text in it.
    assert summary.text == "<p>&lt;b&gt;approved&lt;/b&gt; one</p>"
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/cable/2006/02/06MOSCOW1323.html#comment-{approved.pk}"


def test_comments_feed_unknown_cable_is_404(client: Client, db):
    assert client.get(reverse("discussion:comments_feed", args=["99NOWHERE1"])).status_code == 404


def test_counts_and_most_discussed(cable, other_cable):
    for _ in range(2):
        Comment.objects.create(cable=other_cable, name="A", body="x", status=Status.APPROVED)
    Comment.objects.create(cable=cable, name="A", body="x", status=Status.APPROVED)
    Comment.objects.create(cable=cable, name="A", body="x")  # pending: not counted
    counts = Comment.approved.per_cable([cable.pk, other_cable.pk, 999999])
    assert counts == {cable.pk: 1, other_cable.pk: 2, 999999: 0}
    assert Comment.approved.per_cable([]) == {}
    assert Comment.approved.most_discussed(5) == {other_cable.pk: 2, cable.pk: 1}
    html = Template("{% load discussion %}{% most_discussed 5 %}").render(Context({}))
    assert html.index("06STATE27174") < html.index("06MOSCOW1323")  # most comments first
    assert '<td class="num">2</td>' in html and '<td class="num">1</td>' in html
