"""The cable page: what a reader sees and can follow on it."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db

MOSCOW = "/cable/2006/02/06MOSCOW1323.html"


@pytest.fixture
def page(archive, client: Client) -> str:
    response = client.get(MOSCOW)
    assert response.status_code == 200
    return response.content.decode()


def test_metadata_table_shows_the_publisher_fields(page: str) -> None:
    for label in ("Reference ID", "Created", "Released", "Classification", "Origin"):
        assert f">{label}</th>" in page
    assert "2006-02-10 15:26" in page
    assert "2011-08-30 01:44" in page
    assert ">CONFIDENTIAL</a>" in page
    assert 'href="/origin/MOSCOW/">Embassy Moscow</a>' in page


def test_every_paragraph_has_an_anchor_and_a_visible_permalink(page: str) -> None:
    for position in range(1, 5):
        assert f'id="par{position}"' in page
        assert re.search(rf'<a class="pilcrow" href="#par{position}"[^>]*>¶</a>', page)
    assert "2. (C) Saltanov said Russia would press Hamas" in page


def test_header_and_text_are_shown_in_monospace_blocks(page: str) -> None:
    assert '<pre class="text">VZCZCXRO4024' in page
    assert "E.O. 12958: DECL: 02/10/2016\nTAGS: " in page  # the text header, before ¶1
    assert '<pre class="text tail">BURNS</pre>' in page


def test_tags_link_to_pages_that_explain_them(archive, client: Client, page: str) -> None:
    assert 'href="/tag/KPAL/"' in page
    tag_page = client.get("/tag/KPAL/").content.decode()
    assert "Palestinian Affairs" in tag_page
    assert "program tag" in tag_page
    assert "06MOSCOW1323" in tag_page


def test_reasons_link_to_the_explainer_sections(client: Client, page: str) -> None:
    assert 'href="/classification/#reason-b"' in page
    assert 'href="/classification/#reason-d"' in page
    explainer = client.get("/classification/").content.decode()
    assert 'id="reason-b"' in explainer and "Foreign government information" in explainer
    assert 'id="reason-h"' in explainer and "Weapons of mass destruction" in explainer
    assert "1.5" in explainer  # the 1995 numbering


def test_references_link_to_stored_cables_and_mark_missing_ones(page: str) -> None:
    assert 'href="/cable/2006/02/06STATE27174.html">06STATE27174</a>' in page
    assert re.search(r"05MOSCOW999</span> <span class=\"badge\">not in the archive", page)


def test_cited_by_lists_the_citing_cable(archive, client: Client) -> None:
    page = client.get("/cable/2006/02/06STATE27174.html").content.decode()
    assert "Cited by" in page
    assert 'href="/cable/2006/02/06MOSCOW1323.html">06MOSCOW1323</a>' in page


def test_similar_cables_are_listed(page: str) -> None:
    """The other Hamas cable shares the most distinctive words with this one."""
    similar = page.split('id="similar-h"', 1)[1].split("</section>", 1)[0]
    assert 'href="/cable/2006/02/06STATE27174.html">06STATE27174</a>' in similar
    assert "06MOSCOW1323" not in similar


def test_older_versions_show_a_readable_diff(page: str) -> None:
    assert "Older versions" in page
    assert "Version 1 → version 2" in page
    assert "<del>-2. (C) Saltanov said Russia would urge Hamas to accept Israel</del>" in page
    assert "<ins>+2. (C) Saltanov said Russia would press Hamas to recognise Israel</ins>" in page


def test_share_block_has_hashtags_citation_bibtex_and_json_link(page: str) -> None:
    assert 'value="#cablegate #06MOSCOW1323"' in page
    assert (
        "Embassy Moscow, “RUSSIA AND THE HAMAS VISIT”, cable 06MOSCOW1323, 10 February 2006" in page
    )
    assert "@misc{cable06MOSCOW1323," in page
    assert "http://testserver/cable/2006/02/06MOSCOW1323.html" in page
    assert 'href="/api/cables/06MOSCOW1323"' in page


def test_short_address_redirects_to_the_dated_one(archive, client: Client) -> None:
    response = client.get("/cable/06MOSCOW1323")
    assert response.status_code == 301
    assert response["Location"] == MOSCOW


def test_wrong_month_redirects_to_the_canonical_address(archive, client: Client) -> None:
    response = client.get("/cable/2006/03/06MOSCOW1323.html")
    assert response.status_code == 301
    assert response["Location"] == MOSCOW


def test_undated_cable_is_shown_at_its_short_address(archive, client: Client) -> None:
    response = client.get("/cable/66BUENOSAIRES2481")
    assert response.status_code == 200
    assert "Text of an undated cable." in response.content.decode()


def test_unknown_cable_is_a_404_that_suggests_a_search(archive, client: Client) -> None:
    response = client.get("/cable/2009/01/09NOWHERE1.html")
    assert response.status_code == 404
    body = response.content.decode()
    assert "No cable 09NOWHERE1" in body
    assert 'href="/search?q=09NOWHERE1"' in body


def test_conditional_get_answers_304(archive, client: Client) -> None:
    first = client.get(MOSCOW)
    assert first["ETag"] and first["Last-Modified"]
    assert "must-revalidate" in first["Cache-Control"]
    assert client.get(MOSCOW, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304
    assert client.get(MOSCOW, HTTP_IF_MODIFIED_SINCE=first["Last-Modified"]).status_code == 304
    assert client.get(MOSCOW, HTTP_IF_NONE_MATCH='"stale"').status_code == 200


def test_cable_page_query_count_does_not_grow_with_paragraphs(
    archive, client: Client, django_assert_max_num_queries
) -> None:
    client.get(MOSCOW)  # the search index catches up with the store once
    # cable, 4 lists, versions, discussion; the index's freshness check, similar cables
    with django_assert_max_num_queries(11):
        client.get(MOSCOW)


def test_an_approved_comment_changes_the_etag(archive, client: Client) -> None:
    from cablebase.discussion.models import Comment

    first = client.get(MOSCOW)
    comment = Comment.objects.create(cable=archive.moscow, name="Ann", body="Worth reading.")
    assert client.get(MOSCOW, HTTP_IF_NONE_MATCH=first["ETag"]).status_code == 304  # pending
    comment.status = "approved"
    comment.save()
    fresh = client.get(MOSCOW, HTTP_IF_NONE_MATCH=first["ETag"])
    assert fresh.status_code == 200
    assert "Worth reading." in fresh.content.decode()


def test_discussion_blocks_are_on_the_page(page: str) -> None:
    # the form itself (and its CSRF token) lives at its own URL; the page links to it
    assert 'href="/cable/06MOSCOW1323/comment#comment-form"' in page
    assert 'id="comment-form"' not in page and "csrfmiddlewaretoken" not in page
    assert "Trackback" in page or "trackback" in page


def test_most_discussed_lists_commented_cables(archive, client: Client) -> None:
    from cablebase.discussion.models import Comment

    Comment.objects.create(cable=archive.state, name="Bo", body="Hm.", status="approved")
    page = client.get("/").content.decode()
    section = page[page.index('id="discussed-h"') :]
    assert "06STATE27174" in section


def test_each_paragraph_links_to_a_comment_on_it(archive, client: Client) -> None:
    from cablebase.discussion.models import Comment

    Comment.objects.create(
        cable=archive.moscow, paragraph=2, name="Cy", body="On ¶2.", status="approved"
    )
    page = client.get(MOSCOW).content.decode()
    form = "/cable/06MOSCOW1323/comment"
    assert f'href="{form}?par=3#comment-form">Comment on ¶3</a>' in page
    assert f'href="{form}?par=2#comment-form">1 comment · Comment on ¶2</a>' in page


def test_tags_line_in_the_text_links_each_code(page: str) -> None:
    assert (
        'TAGS: <a href="/tag/PREL/">PREL</a>, <a href="/tag/KPAL/">KPAL</a>, '
        '<a href="/tag/RS/">RS</a>' in page
    )
