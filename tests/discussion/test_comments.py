"""Posting comments: moderation, trusted accounts, paragraphs, limits, honeypot, CSRF."""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client
from django.urls import reverse

from cablebase.discussion.models import Comment, Status

from .helpers import render_blocks

pytestmark = pytest.mark.django_db


def post_url(cable) -> str:
    return reverse("discussion:post_comment", args=[cable.reference_id])


def valid(**overrides) -> dict:
    data = {
        "name": "Ann Reader",
        "email": "ann@example.org",
        "body": "The second paragraph contradicts the press release.",
        "paragraph": "",
        "website": "",
    }
    data.update(overrides)
    return data


def test_new_comment_is_pending_and_not_shown(client: Client, cable):
    response = client.post(post_url(cable), valid(), follow=False)
    assert response.status_code == 302
    assert response["Location"] == "/cable/06MOSCOW1323/comment#comment-status"
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert comment.ip_address == "127.0.0.1"
    html = render_blocks(cable)
    assert "contradicts the press release" not in html
    assert "No comments yet." in html
    assert "<span id='count'>0</span>" in html


def test_redirect_carries_awaiting_moderation_message(client: Client, cable):
    response = client.post(post_url(cable), valid(), follow=True)
    texts = [str(m) for m in response.context["messages"]]
    assert any("awaits moderation" in t for t in texts)


def test_approved_comment_is_shown_with_count(client: Client, cable):
    client.post(post_url(cable), valid())
    Comment.objects.update(status=Status.APPROVED)
    html = render_blocks(cable)
    assert "contradicts the press release" in html
    assert "Ann Reader" in html
    assert "ann@example.org" not in html  # e-mail addresses are never published
    assert "<span id='count'>1</span>" in html


def test_rejected_and_spam_stay_hidden(cable):
    for status in (Status.REJECTED, Status.SPAM, Status.PENDING):
        Comment.objects.create(cable=cable, name="X", body=f"secret {status}", status=status)
    html = render_blocks(cable)
    assert "secret" not in html


def test_paragraph_comment_links_to_its_anchor(client: Client, cable):
    client.post(post_url(cable), valid(paragraph="2", body="About paragraph two."))
    comment = Comment.objects.get()
    assert comment.paragraph == 2
    comment.status = Status.APPROVED
    comment.save()
    html = render_blocks(cable)
    assert 'href="#par2"' in html
    assert "About paragraph two." in html


def test_form_offers_each_paragraph_and_protections(client: Client, cable):
    response = client.get(post_url(cable))
    assert response.status_code == 200
    assert "csrftoken" in response.cookies  # the form's page is where the cookie is set
    assert "private" in response["Cache-Control"] and "no-store" in response["Cache-Control"]
    html = response.content.decode()
    assert 'name="csrfmiddlewaretoken"' in html
    assert 'name="website"' in html  # the honeypot
    # the cable's own numbers: the sub-head after 3 is part of 3, so "4. (U)" is ¶ 4
    assert '<option value="2">¶ 2 (#par2)</option>' in html
    assert '<option value="4">¶ 4 (#par4)</option>' in html
    assert html.count("<option ") == 5  # the whole cable and four paragraphs
    assert f'action="{reverse("discussion:post_comment", args=[cable.reference_id])}"' in html


def test_paragraph_that_does_not_exist_is_refused(client: Client, cable):
    response = client.post(post_url(cable), valid(paragraph="99"))
    assert response.status_code == 400
    assert "Select a valid choice" in response.content.decode()
    assert not Comment.objects.exists()


def test_trusted_group_member_skips_moderation(client: Client, cable):
    user = User.objects.create_user("trusty", "t@example.org", "pw")
    user.groups.add(Group.objects.get_or_create(name="trusted")[0])  # a migration creates it
    client.force_login(user)
    response = client.post(post_url(cable), {"body": "Published at once.", "paragraph": ""})
    comment = Comment.objects.get()
    assert comment.status == Status.APPROVED
    assert comment.user == user and comment.name == "trusty"
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert "Published at once." in render_blocks(cable)


def test_staff_skip_moderation_but_plain_accounts_do_not(client: Client, cable):
    plain = User.objects.create_user("plain", "p@example.org", "pw")
    client.force_login(plain)
    client.post(post_url(cable), {"body": "From a plain account."})
    assert Comment.objects.get().status == Status.PENDING
    staff = User.objects.create_user("staffer", "s@example.org", "pw", is_staff=True)
    client.force_login(staff)
    client.post(post_url(cable), {"body": "From staff."})
    assert Comment.objects.get(body="From staff.").status == Status.APPROVED


def test_honeypot_filled_is_silently_discarded(client: Client, cable):
    response = client.post(post_url(cable), valid(website="http://spam.example/"), follow=True)
    assert response.redirect_chain[-1][0].endswith("/comment#comment-status")
    assert "awaits moderation" in response.content.decode()
    assert not Comment.objects.exists()


def test_rate_limit_answers_429_with_a_clear_message(client: Client, cable, settings):
    settings.DISCUSSION_RATE_LIMIT = 3
    for _ in range(3):
        assert client.post(post_url(cable), valid()).status_code == 302
    response = client.post(post_url(cable), valid())
    assert response.status_code == 429
    text = response.content.decode()
    assert "Too many comments" in text and "at most 3 comments every 10 minutes" in text
    assert Comment.objects.count() == 3
    # Another address is not affected.
    other = Client(REMOTE_ADDR="10.0.0.9")
    assert other.post(post_url(cable), valid()).status_code == 302


def test_csrf_is_enforced(cable):
    client = Client(enforce_csrf_checks=True)
    response = client.post(post_url(cable), valid())
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_csrf_token_from_the_form_is_accepted(cable):
    client = Client(enforce_csrf_checks=True)
    page = client.get(post_url(cable)).content.decode()  # sets the cookie, holds the token
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
    response = client.post(post_url(cable), {**valid(), "csrfmiddlewaretoken": token})
    assert response.status_code == 302
    assert Comment.objects.count() == 1


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"body": "x" * 5001}, "too long: keep it under 5000 characters (it has 5001)"),
        ({"body": ""}, "Write a comment before posting."),
        ({"name": ""}, "This field is required."),
        ({"email": "not-an-address"}, "Enter a valid email address."),
        ({"name": "n" * 81}, "Ensure this value has at most 80 characters"),
    ],
)
def test_length_and_field_errors_are_shown(client: Client, cable, overrides, message):
    response = client.post(post_url(cable), valid(**overrides))
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Comment.objects.exists()


def test_get_shows_the_form_other_methods_are_refused_unknown_cable_is_404(client, cable):
    assert 'id="comment-form"' in client.get(post_url(cable)).content.decode()
    assert client.put(post_url(cable)).status_code == 405
    assert client.get(reverse("discussion:post_comment", args=["99NOWHERE1"])).status_code == 404
    response = client.post(reverse("discussion:post_comment", args=["99NOWHERE1"]), valid())
    assert response.status_code == 404


def test_paragraph_link_preselects_that_paragraph(client: Client, cable):
    html = client.get(post_url(cable), {"par": "2"}).content.decode()
    assert '<option value="2" selected>¶ 2 (#par2)</option>' in html
    for param in ("par", "paragraph"):
        for odd in ("²", "①", "-1", "x"):  # not ASCII digits: ignored, never a 500
            response = client.get(post_url(cable), {param: odd})
            assert response.status_code == 200
            assert "selected>¶" not in response.content.decode()


def test_attach_paragraph_counts_tag(cable):
    from django.template import Context, Template

    for paragraph in (2, 2, 3, None):
        Comment.objects.create(
            cable=cable, name="A", body="x", paragraph=paragraph, status=Status.APPROVED
        )
    Comment.objects.create(cable=cable, name="A", body="x", paragraph=1)  # pending
    paragraphs = list(cable.paragraphs.order_by("position"))
    Template("{% load discussion %}{% attach_paragraph_counts cable paragraphs %}").render(
        Context({"cable": cable, "paragraphs": paragraphs})
    )
    counts = {p.position: p.comment_count for p in paragraphs}
    assert counts[2] == 2 and counts[3] == 1
    assert counts[1] == 0  # its only comment is pending


def test_thanks_on_the_form_page_then_the_comment_on_the_cable_page(client: Client, cable):
    response = client.post(post_url(cable), valid(), follow=True)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you: your comment awaits moderation." in html
    assert 'href="/cable/2006/02/06MOSCOW1323.html#comments">Back to the cable' in html
    assert "awaits moderation" not in client.get(post_url(cable)).content.decode()  # once
    Comment.objects.update(status=Status.APPROVED)
    html = client.get("/cable/2006/02/06MOSCOW1323.html").content.decode()
    assert 'id="comments"' in html and 'id="trackbacks"' in html
    assert "contradicts the press release" in html


def test_account_name_cannot_be_overridden_by_the_form(client: Client, cable):
    user = User.objects.create_user("carol", "c@example.org", "pw", first_name="Carol")
    client.force_login(user)
    client.post(post_url(cable), {"body": "Hello.", "name": "The Moderators", "email": "x@y.z"})
    comment = Comment.objects.get()
    assert (comment.name, comment.email, comment.user) == ("Carol", "c@example.org", user)
