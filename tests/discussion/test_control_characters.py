"""Control characters: refused in every field a visitor or a blog sends, dropped on output.

Before the fix a trackback with ``%00`` in its title was stored and its NUL bytes
written into the cable page (on PostgreSQL the same ping was a 500), and one approved
comment with a ``\\x0b`` made its cable's comments feed answer 500 for good.
"""

from __future__ import annotations

import re
from xml.etree import ElementTree

import pytest
from django.test import Client
from django.urls import reverse

from cablebase.discussion.models import Comment, Status, Trackback

pytestmark = pytest.mark.django_db
CONTROLS = ["\x00", "\x01", "\x0b", "\x1b", "\x7f", "\x85"]
FORBIDDEN = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
PAGE = "/cable/2006/02/06MOSCOW1323.html"


def comment(**overrides: str) -> dict[str, str]:
    data = {"name": "Ann Reader", "email": "ann@example.org", "body": "A fair reading."}
    return {**data, "paragraph": "", "website": "", **overrides}


def ping(**overrides: str) -> dict[str, str]:
    data = {"url": "https://blog.example.net/p", "title": "On the cable", "blog_name": "Notes"}
    return {**data, "excerpt": "A close reading.", **overrides}


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("field", ["name", "email", "body"])
def test_a_comment_with_a_control_character_is_refused(
    client: Client, cable, field: str, char: str
) -> None:
    value = comment()[field]
    value = value.replace("@", f"{char}@") if field == "email" else f"{value[:3]}{char}{value[3:]}"
    response = client.post(
        reverse("discussion:post_comment", args=[cable.reference_id]), comment(**{field: value})
    )
    assert response.status_code == 400
    assert not Comment.objects.exists()
    if char != "\x00" and field != "email":  # Django's own messages come first for those
        assert b"Remove the control character" in response.content


def test_line_breaks_and_tabs_in_a_comment_body_are_text(client: Client, cable) -> None:
    body = "First line.\r\n\tIndented second line.\n\nA new paragraph."
    response = client.post(
        reverse("discussion:post_comment", args=[cable.reference_id]), comment(body=body)
    )
    assert response.status_code == 302
    assert Comment.objects.get().body == body


@pytest.mark.parametrize("char", CONTROLS, ids=lambda c: f"U+{ord(c):04X}")
@pytest.mark.parametrize("field", ["url", "title", "excerpt", "blog_name"])
def test_a_ping_with_a_control_character_in_any_field_is_refused(
    client: Client, cable, field: str, char: str
) -> None:
    data = ping()
    data[field] = data[field][:10] + char + data[field][10:]
    response = client.post(reverse("discussion:trackback", args=[cable.reference_id]), data)
    body = response.content.decode()
    assert "<error>1</error>" in body
    assert f"'{field}' holds the control character U+{ord(char):04X}" in body
    assert not Trackback.objects.exists()


def test_a_percent_encoded_nul_never_reaches_the_store_or_the_page(client: Client, cable) -> None:
    """The exact ping of the hostile run: ``%00`` in the form-encoded title and URL."""
    response = client.post(
        reverse("discussion:trackback", args=[cable.reference_id]),
        "url=https%3A%2F%2Fblog.example.net%2F%00x&title=A%00B&blog_name=N",
        content_type="application/x-www-form-urlencoded",
    )
    assert b"<error>1</error>" in response.content
    assert not Trackback.objects.exists()
    assert b"\x00" not in client.get(PAGE).content


@pytest.fixture
def stored_with_controls(cable):
    """Rows stored before the fix (or by an admin): approved, with control characters.

    No NUL among them: PostgreSQL never stored one (the ping was a 500 there).
    """
    Comment.objects.create(
        cable=cable,
        name="Old\x01 Reader",
        email="old@example.org",
        body="Vertical\x0btab and\x1b escape.",
        status=Status.APPROVED,
    )
    Trackback.objects.create(
        cable=cable,
        url="https://blog.example.net/old",
        title="Old\x1f ping",
        blog_name="Old\x0b blog",
        status=Status.APPROVED,
    )
    return cable


def test_the_comments_feed_stays_valid_xml(client: Client, stored_with_controls) -> None:
    url = reverse("discussion:comments_feed", args=[stored_with_controls.reference_id])
    response = client.get(url)
    assert response.status_code == 200
    assert not FORBIDDEN.search(response.content)
    feed = ElementTree.fromstring(response.content)
    entry = feed.find("{http://www.w3.org/2005/Atom}entry")
    assert entry.findtext("{http://www.w3.org/2005/Atom}title") == "Old Reader"
    assert "Verticaltab and escape." in entry.findtext("{http://www.w3.org/2005/Atom}summary")


def test_the_cable_page_shows_them_without_control_characters(
    client: Client, stored_with_controls
) -> None:
    response = client.get(PAGE)
    assert response.status_code == 200
    assert not FORBIDDEN.search(response.content)
    assert b"Old Reader" in response.content and b"Old ping" in response.content
