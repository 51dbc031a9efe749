"""Search over records built in code: the language, ranking, facets, snippets, pagination."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablebase.archive.ingest import store_records
from cablebase.archive.models import Cable
from cablebase.archive.search import QueryError, search

from .factory import make_record

pytestmark = pytest.mark.django_db


@pytest.fixture
def archive() -> None:
    store_records(
        [
            make_record(
                "06STATE27174",
                origin="Secretary of State",
                origin_code="STATE",
                created="2006-02-18T20:20:00Z",
                tags=["PREL"],
                subject="MESSAGE ON HOST COUNTRY MEETINGS WITH HAMAS",
                body="Posts should stress the Quartet principles to host governments.",
                signers=["RICE"],
            ),
            make_record(
                "06MOSCOW1323",
                created="2006-02-10T15:26:00Z",
                tags=["PGOV", "RS"],
                subject="",
                body="The MFA said that Hamas leaders will visit Moscow. Negotiations follow.",
                references=["06STATE27174"],
            ),
            make_record(
                "07PARIS100",
                origin="Embassy Paris",
                origin_code="PARIS",
                created="2007-05-01T10:00:00Z",
                classification="SECRET//NOFORN",
                precedence="PRIORITY",
                tags=["ETRD"],
                subject="WINE EXPORTS",
                body="Trade talk about wine and cheese; nothing on the Middle East.",
            ),
        ]
    )


def ids(result) -> list[str]:
    return [hit.reference_id for hit in result.hits]


def test_word_finds_both_and_subject_ranks_first(archive) -> None:
    result = search("Hamas")
    assert ids(result) == ["06STATE27174", "06MOSCOW1323"]
    assert result.total == 2
    snippet = result.hits[1].snippet
    assert [piece for piece, marked in snippet.parts() if marked] == ["Hamas"]


def test_phrase(archive) -> None:
    assert ids(search('"Quartet principles"')) == ["06STATE27174"]
    assert ids(search('"principles Quartet"')) == []


def test_or_not_prefix(archive) -> None:
    assert set(ids(search("wine OR Hamas"))) == {"06STATE27174", "06MOSCOW1323", "07PARIS100"}
    assert ids(search("Hamas -Quartet")) == ["06MOSCOW1323"]
    assert ids(search("Hamas NOT Quartet")) == ["06MOSCOW1323"]
    assert ids(search("negotiat*")) == ["06MOSCOW1323"]


def test_pure_filters(archive) -> None:
    assert ids(search("origin:Moscow class:confidential")) == ["06MOSCOW1323"]
    assert ids(search("origin:MOSCOW")) == ["06MOSCOW1323"]
    assert ids(search("class:secret")) == []  # exact: SECRET//NOFORN is its own value
    assert ids(search('class:"secret//noforn"')) == ["07PARIS100"]
    assert ids(search("class:secret*")) == ["07PARIS100"]  # the level and its variants
    assert ids(search("class:noforn")) == ["07PARIS100"]
    assert ids(search("tag:PREL from:2006-02-01 to:2006-02-28")) == ["06STATE27174"]
    assert ids(search("ref:06STATE27174")) == ["06MOSCOW1323"]
    assert ids(search("year:2007")) == ["07PARIS100"]
    assert ids(search("signer:rice")) == ["06STATE27174"]
    assert ids(search("subject:wine")) == ["07PARIS100"]
    assert ids(search("precedence:priority")) == ["07PARIS100"]
    assert ids(search("id:06moscow1323")) == ["06MOSCOW1323"]
    assert len(ids(search("caveat:sipdis"))) == 3


def test_facets_follow_the_query(archive) -> None:
    result = search("Hamas")
    assert dict(result.facets["origin"]) == {"Secretary of State": 1, "Embassy Moscow": 1}
    assert dict(result.facets["year"]) == {"2006": 2}
    assert dict(result.facets["tag"]) == {"PREL": 1, "PGOV": 1, "RS": 1}
    assert set(result.facets) == {"classification", "origin", "year", "tag", "precedence"}


def test_sort_and_pages(archive) -> None:
    assert ids(search("", sort="date")) == ["06MOSCOW1323", "06STATE27174", "07PARIS100"]
    assert ids(search("", sort="-date"))[0] == "07PARIS100"
    page2 = search("", sort="date", per_page=2, page=2)
    assert ids(page2) == ["07PARIS100"] and page2.pages == 2 and page2.total == 3
    assert ids(search("", page=9)) == []


def test_snippets_are_text_with_match_offsets(archive) -> None:
    """No markup leaves the archive: the text as stored, and where the matches are."""
    store_records([make_record("08X1", body="<script>alert(1)</script> Hamas & co")])
    snippet = next(h.snippet for h in search("Hamas").hits if h.reference_id == "08X1")
    assert snippet.text == "<script>alert(1)</script> Hamas & co"
    assert [snippet.text[a:b] for a, b in snippet.spans] == ["Hamas"]


@pytest.mark.parametrize(
    "hostile",
    [
        '"unbalanced',
        "*",
        "NEAR(hamas moscow)",
        "hamas NEAR/2 moscow",
        "body:hamas",
        "'; DROP TABLE cable; --",
        '" OR 1=1 --',
        "(((hamas",
        "hamas)",
        "^hamas",
        "hamas AND",
        "OR",
        "-",
        "from:yesterday",
        "year:20x6",
        "x" * 10_000,
        "a:b:c",
        "tag:",
        "{reference_id}: hamas",
        "hamas:*",
        "\x00",
        "ÆØÅ ünïcödé",
        "_",
    ],
)
def test_hostile_queries_never_reach_the_database_as_syntax(archive, hostile: str) -> None:
    try:
        result = search(hostile)
    except QueryError as exc:
        assert exc.message and 0 <= exc.position <= len(hostile)
    else:
        assert len(result.hits) <= result.total <= Cable.objects.count()


SOUP = st.lists(
    st.one_of(
        st.sampled_from(
            ['"', "(", ")", "-", "*", ":", " ", "OR", "NOT", "NEAR(", "^", "'", ";", "%", "_"]
        ),
        st.sampled_from(["hamas", "tag:", "origin:", "from:2006", "year:", "ref:", "Quartet"]),
        st.text(max_size=5),
    ),
    max_size=20,
).map("".join)


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=SOUP)
def test_any_query_gives_results_or_a_query_error(archive, text: str) -> None:
    try:
        result = search(text, facets=True)
    except QueryError as exc:
        assert exc.message
    else:
        assert result.total == len(result.hits) or result.total > result.per_page
