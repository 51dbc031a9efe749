"""The search page on real cables: results, snippets, facets as filters, sort, errors."""

from __future__ import annotations

import re
from html import unescape

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


def _links(page: str) -> list[str]:
    return [unescape(h) for h in re.findall(r'href="([^"]+)"', page)]


def test_search_lists_hits_with_highlighted_snippets(real_archive, client: Client) -> None:
    response = client.get("/search", {"q": "hamas"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "06MOSCOW1323" in page and "06STATE27174" in page
    assert re.search(r"<mark>hamas</mark>", page, re.IGNORECASE)
    assert re.search(r"\d+ cables? found", page)


def test_facet_links_add_and_remove_field_terms(real_archive, client: Client) -> None:
    page = client.get("/search", {"q": "hamas"}).content.decode()
    narrow = [h for h in _links(page) if "origin%3A" in h or "origin:" in unescape(h)]
    assert narrow, "an origin facet to click"
    target = next(h for h in narrow if "Moscow" in h)
    narrowed = client.get(target).content.decode()
    assert "06MOSCOW1323" in narrowed and "06STATE27174" not in narrowed
    removes = [h for h in _links(narrowed) if h.startswith("/search?q=hamas") and "origin" not in h]
    assert removes, "a link that removes the filter"
    assert "06STATE27174" in client.get(removes[0]).content.decode()


def test_filters_combine(real_archive, client: Client) -> None:
    page = client.get(
        "/search", {"q": 'hamas tag:PREL classification:"CONFIDENTIAL"'}
    ).content.decode()
    assert "Tag: PREL ✕" in page and "Classification: CONFIDENTIAL ✕" in page


def test_sort_and_alternate_formats_are_linked(real_archive, client: Client) -> None:
    page = client.get("/search", {"q": "hamas", "sort": "-date"}).content.decode()
    assert 'href="/feeds/search/?q=hamas&amp;sort=-date"' in page
    assert 'href="/api/search?q=hamas&amp;sort=-date"' in page
    assert '<strong aria-current="true">Newest first</strong>' in page


def test_search_feed_holds_the_matches(real_archive, client: Client) -> None:
    response = client.get("/feeds/search/", {"q": "hamas"})
    assert response.status_code == 200
    assert "06MOSCOW1323" in response.content.decode()


@pytest.mark.parametrize("query", ['"unbalanced phrase', "nosuchfield:value", "origin:", "( hamas"])
def test_bad_queries_are_explained_with_400(real_archive, client: Client, query: str) -> None:
    response = client.get("/search", {"q": query})
    assert response.status_code == 400
    page = response.content.decode()
    assert "The query could not be understood" in page
    assert 'role="alert"' in page


def test_empty_query_shows_the_form(real_archive, client: Client) -> None:
    response = client.get("/search")
    assert response.status_code == 200
    assert '<label for="q">Query</label>' in response.content.decode()


def test_page_past_the_end_shows_the_last_page(real_archive, client: Client) -> None:
    """Like Django's Paginator.get_page: an out-of-range page number shows the last page."""
    response = client.get("/search", {"q": "hamas", "page": "999"})
    assert response.status_code == 200
    assert "06MOSCOW1323" in response.content.decode()
    assert client.get("/search", {"q": "hamas", "page": "x"}).status_code == 200


def test_snippet_text_is_escaped_and_only_the_matches_are_marked(db, client: Client) -> None:
    from cablebase.archive.ingest import store_records

    from ..archive.factory import make_record

    store_records(
        [make_record("09HOSTILE1", body='Zorblat <script>alert("x")</script> & <b>zorblats</b>.')]
    )
    page = client.get("/search", {"q": "zorblat"}).content.decode()
    snippet = re.search(r'<p class="snippet">(.*?)</p>', page, re.S).group(1)
    assert "<script>" not in snippet and "&lt;script&gt;alert(&quot;x&quot;)" in snippet
    assert "&amp; &lt;b&gt;<mark>zorblats</mark>&lt;/b&gt;" in snippet
    assert re.findall(r"<mark>(.*?)</mark>", snippet) == ["Zorblat", "zorblats"]
