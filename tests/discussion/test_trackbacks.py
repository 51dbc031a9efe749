"""The Trackback protocol endpoint: XML answers, moderation, listing under the comments."""

from __future__ import annotations

import pytest
from django.test import Client
from django.urls import reverse

from cablebase.discussion.models import Status, Trackback

from .helpers import render_blocks

pytestmark = pytest.mark.django_db


def ping_url(cable) -> str:
    return reverse("discussion:trackback", args=[cable.reference_id])


def test_successful_ping_answers_error_0_and_waits_for_moderation(cable):
    client = Client(enforce_csrf_checks=True)  # blogs have no CSRF token; the endpoint is exempt
    response = client.post(
        ping_url(cable),
        {
            "url": "https://blog.example.net/2011/moscow",
            "title": "What Burns told Saltanov",
            "excerpt": "A close reading of the cable.",
            "blog_name": "Cable Notes",
        },
    )
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/xml")
    assert b"<response>\n<error>0</error>\n</response>" in response.content
    tb = Trackback.objects.get()
    assert tb.status == Status.PENDING
    assert "What Burns told Saltanov" not in render_blocks(cable)
    tb.status = Status.APPROVED
    tb.save()
    html = render_blocks(cable)
    assert "What Burns told Saltanov" in html
    assert 'href="https://blog.example.net/2011/moscow" rel="nofollow ugc noopener"' in html
    assert "Cable Notes" in html


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "no url"}, "The 'url' parameter is required."),
        ({"url": "javascript:alert(1)"}, "'url' must be an http or https URL"),
        ({"url": "https://e.example/", "title": "t" * 300}, "'title' is too long"),
    ],
)
def test_bad_ping_answers_error_1_with_message(client: Client, cable, data, message):
    response = client.post(ping_url(cable), data)
    assert response["Content-Type"].startswith("text/xml")
    body = response.content.decode()
    assert "<error>1</error>" in body
    assert message in body
    assert not Trackback.objects.exists()


def test_get_and_unknown_cable_answer_in_xml(client: Client, cable):
    response = client.get(ping_url(cable))
    assert response.status_code == 405
    assert "<error>1</error>" in response.content.decode()
    response = client.post(
        reverse("discussion:trackback", args=["99NOWHERE1"]), {"url": "http://a.example/"}
    )
    assert response.status_code == 404
    assert "No cable 99NOWHERE1" in response.content.decode()


def test_repeated_ping_is_stored_once(client: Client, cable):
    for _ in range(2):
        response = client.post(ping_url(cable), {"url": "http://a.example/post"})
        assert b"<error>0</error>" in response.content
    assert Trackback.objects.count() == 1
    assert Trackback.objects.get().title == "http://a.example/post"


def test_hostile_trackback_is_inert(cable):
    Trackback.objects.create(
        cable=cable,
        url="http://a.example/",
        title="<script>alert(1)</script>",
        excerpt="<img src=x onerror=alert(1)>",
        blog_name='"><svg onload=alert(1)>',
        status=Status.APPROVED,
    )
    html = render_blocks(cable)
    assert "<script>alert" not in html and "<img" not in html and "<svg" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_page_offers_trackback_autodiscovery(cable):
    html = render_blocks(cable)
    assert 'trackback:ping="http://testserver/cable/06MOSCOW1323/trackback"' in html
    assert 'dc:identifier="http://testserver/cable/2006/02/06MOSCOW1323.html"' in html
