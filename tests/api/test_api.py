"""Every endpoint of ``/api/``: shapes, errors, CORS and the OpenAPI schema."""

from __future__ import annotations

from dataclasses import fields

import pytest
from django.test import Client

from cablebase.archive.models import Cable
from cablebase.discussion.models import Comment, Status
from cablebase.parse.record import RECORD_FIELDS, CableRecord

pytestmark = pytest.mark.django_db

SPEC_FIELDS = [
    "reference_id", "origin", "origin_code", "created", "released", "classification",
    "caveats", "precedence", "dtg", "transmission_id", "sender", "recipients",
    "info_recipients", "sections", "eo", "declassify_on", "declassify_rule", "tags",
    "subject", "classified_by", "reasons", "references", "summary", "paragraphs",
    "signers", "header", "body", "source",
]  # fmt: skip


def test_cable_record_has_the_spec_shape(client: Client, archive):
    response = client.get("/api/cables/06MOSCOW1323")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    record = response.json()
    assert list(record)[: len(SPEC_FIELDS)] == SPEC_FIELDS
    assert set(record) == set(RECORD_FIELDS)  # the spec's fields plus partial/warnings
    assert record["reference_id"] == "06MOSCOW1323"
    assert record["created"] == "2006-02-10T15:26:00Z"
    assert record["released"] == "2011-08-30T01:44:00Z"
    assert record["tags"] == ["PREL", "KPAL", "RS"]
    assert record["classified_by"] == {
        "name": "William J. Burns",
        "title": "Ambassador",
        "text": "Ambassador William J. Burns.  Reasons: 1.4(B/D).",
    }
    assert record["references"][0] == {
        "label": "A",
        "kind": "cable",
        "reference_id": "06STATE27174",
        "text": "STATE 27174",
    }
    # the sub-head after paragraph 3 is a block of it: the cable's "4. (U)" is paragraph 4
    assert record["paragraphs"][2]["text"].endswith("\n\nMFA Statement on Hamas Invitation")
    assert record["paragraphs"][3] == {
        "number": "4",
        "marking": "U",
        "text": "In answer to a correspondent, the MFA said Hamas had won the elections.",
    }
    assert record["recipients"][0]["name"] == "SECSTATE WASHDC"
    assert record["declassify_on"] == "2016-02-10"
    assert record["subject"] == "RUSSIA AND THE HAMAS VISIT"


def test_lowercase_id_finds_the_cable(client: Client, archive):
    assert client.get("/api/cables/06moscow1323").json()["reference_id"] == "06MOSCOW1323"


@pytest.mark.parametrize("suffix", ["", "/paragraphs", "/references", "/versions", "/comments"])
def test_unknown_cable_is_404_with_a_message(client: Client, archive, suffix):
    response = client.get(f"/api/cables/99NOWHERE1{suffix}")
    assert response.status_code == 404
    assert response.json() == {"detail": "No cable '99NOWHERE1' in this archive."}


def test_paragraphs_have_positions_and_permalinks(client: Client, archive):
    data = client.get("/api/cables/06MOSCOW1323/paragraphs").json()
    assert data["reference_id"] == "06MOSCOW1323"
    paras = data["paragraphs"]
    assert [p["position"] for p in paras] == [1, 2, 3, 4]
    assert paras[1]["number"] == "2" and paras[1]["marking"] == "C"
    assert paras[1]["anchor"] == "par2"
    assert paras[1]["url"] == "/cable/2006/02/06MOSCOW1323.html#par2"


def test_references_resolved_and_citing(client: Client, archive):
    data = client.get("/api/cables/06MOSCOW1323/references").json()
    refs = {r["reference_id"]: r for r in data["references"]}
    assert refs["06STATE27174"]["resolved"] is True
    assert refs["06STATE27174"]["api_url"] == "/api/cables/06STATE27174"
    assert refs["06STATE27174"]["url"] == "/cable/2006/02/06STATE27174.html"
    assert refs["05MOSCOW999"]["resolved"] is False
    assert refs["05MOSCOW999"]["url"] is None
    cited = client.get("/api/cables/06STATE27174/references").json()
    assert [c["reference_id"] for c in cited["cited_by"]] == ["06MOSCOW1323"]
    assert cited["cited_by"][0]["subject"] == "RUSSIA AND THE HAMAS VISIT"


def test_versions_oldest_first_with_current_flag(client: Client, archive):
    data = client.get("/api/cables/06MOSCOW1323/versions").json()
    versions = data["versions"]
    assert [v["number"] for v in versions] == [1, 2]
    assert [v["current"] for v in versions] == [False, True]
    assert versions[0]["content_hash"] != versions[1]["content_hash"]
    assert versions[1]["source"]["format"] == "repost-text"
    assert len(client.get("/api/cables/06STATE27174/versions").json()["versions"]) == 1


def test_comments_approved_only_without_emails(client: Client, archive):
    cable = Cable.objects.get(reference_id="06MOSCOW1323")
    Comment.objects.create(
        cable=cable,
        name="Ann",
        email="ann@example.org",
        body="<b>ok</b>",
        paragraph=2,
        status=Status.APPROVED,
    )
    Comment.objects.create(cable=cable, name="Bob", body="pending one")
    data = client.get("/api/cables/06MOSCOW1323/comments").json()
    assert data["count"] == 1
    (comment,) = data["comments"]
    assert comment["name"] == "Ann" and comment["body"] == "<b>ok</b>"
    assert comment["paragraph"] == 2
    assert comment["url"] == f"/cable/2006/02/06MOSCOW1323.html#comment-{comment['id']}"
    assert "email" not in comment and "ann@example.org" not in str(data)


def test_search_hits_facets_and_pagination(client: Client, archive):
    data = client.get("/api/search", {"q": "hamas", "per_page": 1, "sort": "-date"}).json()
    assert data["total"] == 2 and data["pages"] == 2 and data["page"] == 1
    assert [h["reference_id"] for h in data["hits"]] == ["06STATE27174"]
    hit = data["hits"][0]
    assert hit["url"] == "/cable/2006/02/06STATE27174.html"
    assert hit["api_url"] == "/api/cables/06STATE27174"
    assert [hit["snippet"][a:b] for a, b in hit["highlights"]] == ["Hamas", "Hamas"]
    assert data["next"].startswith("/api/search?q=hamas&page=2")
    assert data["previous"] is None
    facets = data["facets"]
    assert facets["origin"] == [
        {"value": "Embassy Moscow", "count": 1},
        {"value": "Secretary of State", "count": 1},
    ]
    assert {"value": "PREL", "count": 2} in facets["tag"]
    assert set(facets) == {"classification", "origin", "year", "tag", "precedence"}
    page2 = client.get(data["next"]).json()
    assert [h["reference_id"] for h in page2["hits"]] == ["06MOSCOW1323"]
    assert page2["previous"] is not None and page2["next"] is None


def test_search_with_field_filter(client: Client, archive):
    data = client.get("/api/search", {"q": "hamas origin:MOSCOW"}).json()
    assert [h["reference_id"] for h in data["hits"]] == ["06MOSCOW1323"]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"q": "hamas", "origin": "STATE"}, ["06STATE27174"]),
        ({"tag": "KPAL"}, ["06MOSCOW1323"]),
        ({"q": "hamas", "classification": "SECRET"}, ["06STATE27174"]),
        ({"year": 2006, "sort": "date"}, ["06MOSCOW1323", "06STATE27174"]),
        ({"origin": "Embassy Moscow"}, ["06MOSCOW1323"]),
        ({"q": "recognise OR deliver", "origin": "STATE"}, ["06STATE27174"]),
    ],
)
def test_search_filter_parameters(client: Client, archive, params, expected):
    data = client.get("/api/search", params).json()
    assert [h["reference_id"] for h in data["hits"]] == expected


def test_malformed_query_is_400_with_the_message(client: Client, archive):
    response = client.get("/api/search", {"q": '"unclosed phrase'})
    assert response.status_code == 400
    body = response.json()
    assert body["detail"].startswith("Malformed query: ")
    assert "quote" in body["detail"]  # the parser's own words, e.g. "unbalanced quote"
    assert body["position"] == 0


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ({"q": "x", "per_page": 1000}, "per_page: Input should be less than or equal to 100"),
        ({"q": "x", "page": 0}, "page: Input should be greater than or equal to 1"),
        ({"q": "x", "sort": "sideways"}, "sort: Input should be 'relevance', 'date' or '-date'"),
        ({"q": "x", "page": "two"}, "page: Input should be a valid integer"),
    ],
)
def test_bad_parameters_are_400_naming_the_parameter(client: Client, archive, params, problem):
    response = client.get("/api/search", params)
    assert response.status_code == 400
    assert problem in response.json()["detail"]


def test_stats(client: Client, archive):
    data = client.get("/api/stats").json()
    assert data["cables"] == 3
    assert data["versions"] == 4
    assert data["first_created"] == "2006-02-10T15:26:00Z"
    assert data["by_classification"] == {"CONFIDENTIAL": 1, "SECRET": 1, "SECRET//NOFORN": 1}


@pytest.mark.parametrize(
    "path",
    [
        "/api/stats",
        "/api/search?q=hamas",
        "/api/cables/06MOSCOW1323",
        "/api/cables/99NO1",
        "/api/openapi.json",
    ],
)
def test_cors_header_on_every_get(client: Client, archive, path):
    assert (
        client.get(path, HTTP_ORIGIN="https://elsewhere.example")["Access-Control-Allow-Origin"]
        == "*"
    )


def test_cors_preflight(client: Client, db):
    response = client.options(
        "/api/search",
        HTTP_ORIGIN="https://elsewhere.example",
        HTTP_ACCESS_CONTROL_REQUEST_METHOD="GET",
        HTTP_ACCESS_CONTROL_REQUEST_HEADERS="accept",
    )
    assert response.status_code == 200  # django-cors-headers answers preflight with 200
    assert response["Access-Control-Allow-Origin"] == "*"
    assert "GET" in response["Access-Control-Allow-Methods"]
    assert "POST" not in response["Access-Control-Allow-Methods"]
    assert response["Access-Control-Max-Age"] == "86400"


def test_cors_only_on_the_api(client: Client, db):
    home = client.get("/", HTTP_ORIGIN="https://elsewhere.example")
    assert home.status_code == 200
    assert "Access-Control-Allow-Origin" not in home


def test_api_is_read_only(client: Client, archive):
    assert client.post("/api/cables/06MOSCOW1323", {}).status_code == 405
    assert client.delete("/api/cables/06MOSCOW1323").status_code == 405
    assert Cable.objects.count() == 3


def test_similar_cables(client: Client, archive):
    data = client.get("/api/cables/06moscow1323/similar").json()
    assert data["reference_id"] == "06MOSCOW1323"
    assert [s["reference_id"] for s in data["similar"]] == ["06STATE27174"]
    assert data["similar"][0]["score"] > 0 and data["similar"][0]["api_url"]
    assert client.get("/api/cables/99NOWHERE1/similar").status_code == 404


def test_openapi_lists_every_endpoint(client: Client, db):
    schema = client.get("/api/openapi.json").json()
    assert schema["info"]["title"] == "cablebase API"
    assert set(schema["paths"]) >= {
        "/api/search",
        "/api/stats",
        "/api/cables/{reference_id}",
        "/api/cables/{reference_id}/paragraphs",
        "/api/cables/{reference_id}/references",
        "/api/cables/{reference_id}/versions",
        "/api/cables/{reference_id}/comments",
        "/api/cables/{reference_id}/similar",
    }
    assert all(set(ops) == {"get"} for ops in schema["paths"].values())
    record = schema["components"]["schemas"]["CableRecord"]["properties"]
    assert set(SPEC_FIELDS) <= set(record)
    assert set(record) == {f.name for f in fields(CableRecord)}  # derived, never retyped


def test_docs_page(client: Client, db):
    response = client.get("/api/docs")
    assert response.status_code == 200
    assert b"openapi.json" in response.content


def test_api_root_points_to_the_docs(client: Client, db):
    data = client.get("/api/").json()
    assert data["docs"] == "/api/docs" and "/api/cables/{reference_id}" in data["endpoints"]
