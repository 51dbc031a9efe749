"""Hostile comments render as inert text; links are safe and marked user-generated."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from cablebase.discussion.models import Comment, Status
from cablebase.discussion.text import render_plain_text

from .helpers import render_blocks

HOSTILE = [
    "<script>window.__xss = 1</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(document.cookie)",
    "click javascript:alert(1)//example.com please",
    "data:text/html,<script>alert(1)</script>",
    '<a href="javascript:alert(1)">x</a>',
]


@pytest.mark.django_db
def test_hostile_comments_are_inert_in_the_page(cable):
    for text in HOSTILE:
        Comment.objects.create(
            cable=cable, name="<b>Mallory</b>", body=text, status=Status.APPROVED
        )
    html = render_blocks(cable)
    assert "<script>" not in html
    assert "<img" not in html
    assert "<svg" not in html
    assert "onerror=alert" in html  # still there, as text ...
    assert "&lt;img src=x onerror=alert(1)&gt;" in html  # ... escaped
    assert "&lt;script&gt;window.__xss = 1&lt;/script&gt;" in html
    assert "&quot;&gt;&lt;svg onload=alert(1)&gt;" in html
    assert 'href="javascript' not in html.lower()
    assert 'href="data:' not in html.lower()
    assert "&lt;b&gt;Mallory&lt;/b&gt;" in html


@pytest.mark.django_db
def test_urls_become_nofollow_ugc_links(cable):
    body = "See https://example.org/a?b=1&c=2, and www.example.com."
    Comment.objects.create(cable=cable, name="A", body=body, status=Status.APPROVED)
    html = render_blocks(cable)
    assert (
        '<a href="https://example.org/a?b=1&amp;c=2" rel="nofollow ugc noopener">'
        "https://example.org/a?b=1&amp;c=2</a>," in html
    )
    assert '<a href="http://www.example.com" rel="nofollow ugc noopener">' in html


def test_email_addresses_are_not_linked():
    assert render_plain_text("mail me: a@example.org") == "<p>mail me: a@example.org</p>"


def test_paragraphs_and_line_breaks_are_kept():
    assert render_plain_text("one\ntwo\n\nthree") == "<p>one<br>two</p>\n<p>three</p>"


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=200))
def test_any_text_yields_no_markup_but_our_links(text):
    html = str(render_plain_text(text))
    stripped = html
    for allowed in ("<p>", "</p>", "<br>", "</a>"):
        stripped = stripped.replace(allowed, "")
    import re

    stripped = re.sub(r'<a href="https?://[^"<>]*" rel="nofollow ugc noopener">', "", stripped)
    assert "<" not in stripped
    assert ">" not in stripped.replace("&gt;", "")


@given(
    st.sampled_from(["javascript", "JavaScript", "data", "vbscript", "file"]),
    st.text(alphabet="abc()/:.;,=%", max_size=30),
)
def test_other_schemes_never_become_links(scheme, rest):
    html = str(render_plain_text(f"{scheme}:{rest}.com"))
    assert "<a " not in html
