"""Pure helpers: facet terms in queries, page windows, a cable's address."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from cablebase.reader.facets import active_filters, add_filter, remove_filter
from cablebase.reader.listing import level_slug
from cablebase.reader.views.search import page_window

values = st.text(
    alphabet=st.characters(whitelist_categories=("Lu", "Nd"), whitelist_characters="/ -."),
    min_size=1,
).filter(lambda v: v.strip() == v and '"' not in v and v)


def test_add_then_remove_a_filter_gives_the_query_back() -> None:
    q = add_filter("hamas", "classification", "SECRET//NOFORN")
    assert q == 'hamas classification:"SECRET//NOFORN"'
    assert active_filters(q) == [("classification", "SECRET//NOFORN")]
    assert remove_filter(q, "classification", "SECRET//NOFORN") == "hamas"


def test_only_filters_every_hit_meets_are_active() -> None:
    """Read from the query's syntax tree: a filter under OR or NOT narrows nothing."""
    assert active_filters("hamas tag:prel") == [("tag", "PREL")]
    assert active_filters("hamas OR tag:PREL") == []
    assert active_filters("hamas -tag:PREL") == []
    assert active_filters('x class:"secret//noforn"') == [("classification", "SECRET//NOFORN")]


def test_a_filter_added_to_an_or_query_narrows_all_of_it() -> None:
    assert add_filter("hamas OR fatah", "tag", "PREL") == "(hamas OR fatah) tag:PREL"
    assert remove_filter("(hamas OR fatah) tag:PREL", "tag", "PREL") == "(hamas OR fatah)"


@given(
    words=st.lists(st.sampled_from(["hamas", "russia", '"quartet principles"']), max_size=3),
    value=values,
)
def test_filters_round_trip(words: list[str], value: str) -> None:
    base = " ".join(words)
    q = add_filter(add_filter(base, "origin", value), "year", "2006")
    assert ("origin", value) in active_filters(q)
    assert remove_filter(remove_filter(q, "origin", value), "year", "2006") == base


def test_level_slug() -> None:
    assert level_slug("SECRET//NOFORN") == "secret-noforn"
    assert level_slug("UNCLASSIFIED//FOR OFFICIAL USE ONLY") == "unclassified-for-official-use-only"


def test_page_window_keeps_first_last_and_neighbours() -> None:
    assert page_window(1, 1) == [1]
    assert page_window(5, 20) == [1, None, 3, 4, 5, 6, 7, None, 20]
    assert page_window(2, 4) == [1, 2, 3, 4]


def test_cable_url_uses_the_viewer_scheme_or_the_short_address() -> None:
    from datetime import UTC, datetime

    from cablebase.archive.models import Cable

    created = datetime(2006, 2, 10, 15, 26, tzinfo=UTC)
    dated = Cable(reference_id="06MOSCOW1323", created=created)
    assert dated.get_absolute_url() == "/cable/2006/02/06MOSCOW1323.html"
    assert Cable(reference_id="66BUENOSAIRES2481").get_absolute_url() == "/cable/66BUENOSAIRES2481"
