"""Addresses a fuzzer or a typo produces: client errors (400/404/redirect), never a 500."""

from __future__ import annotations

import re

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db
CABLE = "/cable/2006/02/06STATE27174.html"
COMMENT_FORM = "/cable/06STATE27174/comment"


@pytest.mark.parametrize(
    "url",
    [
        "/date/0000/",
        "/date/0000/01/",
        "/date/9999/",
        "/date/9999/12/",
        "/date/2006/00/",
        "/date/2006/13/",
        "/released/9999-12-31/",
        "/released/0000-01-01/",
        "/released/0000-00-00/",
        "/released/2010-02-30/",
    ],
)
def test_impossible_dates_are_404(archive, client: Client, url: str) -> None:
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("url", ["/date/0001/", "/date/9998/12/", "/released/0001-01-01/"])
def test_the_first_and_last_years_python_can_bound_are_empty_pages(
    archive, client: Client, url: str
) -> None:
    response = client.get(url)
    assert response.status_code == 200
    assert b"06STATE27174" not in response.content


@pytest.mark.parametrize("value", ["\u00b2", "\u2460", "\u0663", "-1", "9" * 30, ""])
def test_a_paragraph_that_is_no_ascii_number_leaves_the_form_unselected(
    archive, client: Client, value: str
) -> None:
    assert client.get(CABLE, {"paragraph": value}).status_code == 200
    # the comment form lives at its own URL, where ?paragraph= preselects a paragraph
    response = client.get(COMMENT_FORM, {"paragraph": value})
    assert response.status_code == 200
    assert b"On paragraph" in response.content  # the comment form is there
    assert not re.search(rb'<option value="\d+" selected>', response.content)


def test_an_ascii_paragraph_number_still_preselects_it(archive, client: Client) -> None:
    response = client.get(COMMENT_FORM, {"par": "2"})
    assert b'<option value="2" selected>' in response.content


@pytest.mark.parametrize("value", ["\u00b2", "\u2460", "\u0663", "-1", "9" * 30, "", "x"])
def test_a_new_paragraph_that_is_no_ascii_number_leaves_the_form_unselected(
    archive, client: Client, value: str
) -> None:
    response = client.get(COMMENT_FORM, {"par": value})
    assert response.status_code == 200
    assert not re.search(rb'<option value="\d+" selected>', response.content)


@pytest.mark.parametrize("query", ['"', "(", "origin:"])
def test_a_malformed_search_feed_query_is_a_400_with_the_error(
    archive, client: Client, query: str
) -> None:
    response = client.get("/feeds/search/", {"q": query})
    assert response.status_code == 400
    assert response["Content-Type"].startswith("text/plain")
    assert response.content.decode().startswith("Malformed query:")


def test_search_with_a_slash_redirects_keeping_the_query(archive, client: Client) -> None:
    response = client.get("/search/", {"q": "hamas", "sort": "-date"})
    assert response.status_code == 301
    assert response["Location"] == "/search?q=hamas&sort=-date"
    assert client.get(response["Location"]).status_code == 200
