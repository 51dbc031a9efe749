"""The API's edges: every error is JSON, and HEAD answers like GET (CORS advertises it)."""

from __future__ import annotations

import json

import pytest
from django.test import Client

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "url", ["/api/nosuch", "/api/cables/", "/api/cables/06STATE27174/nosuch", "/api/stats/"]
)
def test_an_unknown_api_path_is_a_json_404(client: Client, url: str) -> None:
    response = client.get(url)
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert "No API endpoint at" in json.loads(response.content)["detail"]


def test_an_unknown_cable_keeps_its_own_json_404(client: Client) -> None:
    response = client.get("/api/cables/99NOWHERE1")
    assert response.status_code == 404
    assert json.loads(response.content) == {"detail": "No cable '99NOWHERE1' in this archive."}


def test_a_post_is_a_json_405_naming_the_allowed_method(client: Client) -> None:
    response = client.post("/api/stats", {})
    assert response.status_code == 405
    assert response["Content-Type"] == "application/json"
    assert response["Allow"] == "GET"
    assert json.loads(response.content)["detail"] == "POST is not allowed here; use GET."


@pytest.mark.parametrize("url", ["/api/stats", "/api/search?q=hamas", "/api/", "/api/nosuch"])
def test_head_answers_with_the_get_status_and_headers_and_no_body(client: Client, url: str) -> None:
    got = client.get(url)
    head = client.head(url)
    assert head.status_code == got.status_code
    assert head["Content-Type"] == got["Content-Type"]
    assert got["Content-Type"].startswith("application/json")
    assert head["Content-Length"] == str(len(got.content))
    assert head.content == b""
