"""The query language: what it accepts, how it reports mistakes, and that it never crashes."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from cablebase.archive.query import (
    And,
    Field,
    Not,
    Or,
    Phrase,
    Query,
    QueryError,
    Term,
    parse_query,
)


def test_words_are_anded() -> None:
    assert parse_query("hamas moscow").root == And((Term("hamas"), Term("moscow")))


def test_phrase_or_not_prefix_fields() -> None:
    root = parse_query('"Quartet principles" OR negotiat* -Paris origin:Moscow').root
    assert root == Or(
        (
            Phrase(("Quartet", "principles")),
            And((Term("negotiat", prefix=True), Not(Term("Paris")), Field("origin", "Moscow"))),
        )
    )


def test_parentheses_and_quoted_field_values() -> None:
    root = parse_query('(hamas OR fatah) origin:"Embassy Moscow"').root
    assert root == And((Or((Term("hamas"), Term("fatah"))), Field("origin", "Embassy Moscow")))


def test_ids_and_tags_are_upper_cased() -> None:
    assert parse_query("ref:06state27174").root == Field("ref", "06STATE27174")
    assert parse_query("tag:prel").root == Field("tag", "PREL")


def test_exact_forms_are_asked_with_equals_or_quotes() -> None:
    assert parse_query("=negotiation").root == Term("negotiation", exact=True)
    assert parse_query('"negotiation"').root == Term("negotiation", exact=True)
    assert parse_query("negotiation").root == Term("negotiation")
    assert parse_query("-=talks").root == Not(Term("talks", exact=True))


def test_classification_prefix_and_upper_case() -> None:
    assert parse_query("class:secret*").root == Field("class", "SECRET", prefix=True)
    assert parse_query('class:"secret//noforn"').root == Field("class", "SECRET//NOFORN")


def test_fields_know_where_they_stand() -> None:
    """Facet links cut a filter out of the text by its span."""
    text = 'hamas origin:"Embassy Moscow" tag:prel'
    spans = [n.span for n in parse_query(text).root.children if isinstance(n, Field)]
    assert [text[a:b] for a, b in spans] == ['origin:"Embassy Moscow"', "tag:prel"]


def test_empty_query_means_everything() -> None:
    assert parse_query("   ").root is None


@pytest.mark.parametrize(
    ("text", "message", "position"),
    [
        ('hamas "quartet', "unbalanced quote", 6),
        ("(hamas", "never closed", 0),
        ("hamas)", "without a matching (", 5),
        ("hamas OR", "OR needs a term", 6),
        ("NOT", "needs a term after it", 0),
        ("from:yesterday", "not a date", 0),
        ("to:2006-02-30", "not a valid date", 0),
        ("year:06", "year: expects", 0),
        ("colour:red", "unknown filter colour:", 0),
        ("tag:", "needs a value", 0),
        ("*", "a * must follow", 0),
        ("precedence:urgent", "precedence: must be one of", 0),
        ("talks =negotiat*", "=word asks for one exact form", 6),
    ],
)
def test_mistakes_are_explained(text: str, message: str, position: int) -> None:
    with pytest.raises(QueryError) as info:
        parse_query(text)
    assert message in info.value.message
    assert info.value.position == position


def test_overlong_query() -> None:
    with pytest.raises(QueryError, match="too long"):
        parse_query("x" * 10_000)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_any_string_gives_a_query_or_a_query_error(text: str) -> None:
    try:
        result = parse_query(text)
    except QueryError as exc:
        assert isinstance(exc.message, str) and exc.message
        assert 0 <= exc.position <= max(len(text), 1000)
    else:
        assert isinstance(result, Query)


ALPHABET = st.sampled_from(
    ['"', "(", ")", "-", "*", ":", " ", "OR", "NOT", "AND", "tag:", "from:", "hamas", "x", "2006"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(ALPHABET, max_size=30).map("".join))
def test_syntax_soup_gives_a_query_or_a_query_error(text: str) -> None:
    try:
        result = parse_query(text)
    except QueryError as exc:
        assert exc.message
    else:
        assert result.text == text
