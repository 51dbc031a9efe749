"""The tantivy index behind search: word forms, exact facets, similar cables, staying in step.

Runs on both stores (the ``backend`` mark comes from the database fixture).
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cablebase.archive.ingest import store_records
from cablebase.archive.models import Cable
from cablebase.archive.search import (
    FACETS,
    QueryError,
    SearchIndexError,
    reindex,
    search,
    similar,
)
from cablebase.archive.search.index import STATE_FILE, engine, forget_engines, index_dir
from cablebase.reader.facets import add_filter

from .factory import make_record

pytestmark = pytest.mark.django_db


def ids(query: str, **kwargs) -> list[str]:
    return [h.reference_id for h in search(query, per_page=200, **kwargs).hits]


@pytest.fixture
def archive() -> None:
    store_records(
        [
            make_record(
                "06STATE1",
                origin="Secretary of State",
                origin_code="STATE",
                classification="SECRET",
                tags=["PREL", "KPAL"],
                subject="NEGOTIATIONS WITH HAMAS",
                body="The negotiations on the Quartet principles continue in Cairo.",
            ),
            make_record(
                "06STATE2",
                origin="Secretary of State",
                origin_code="STATE",
                classification="SECRET//NOFORN",
                tags=["PREL"],
                subject="A NEGOTIATION",
                body="One negotiation only, and a negotiator who negotiated.",
            ),
            make_record(
                "06MOSCOW3",
                classification="SECRET//NOFORN",
                created="2006-03-01T00:00:00Z",
                tags=["PGOV", "RS"],
                body="Gas prices and pipelines; Gazprom negotiates with Ukraine over gas.",
            ),
            make_record(
                "07MOSCOW4",
                classification="CONFIDENTIAL",
                created="2007-01-05T00:00:00Z",
                precedence="ROUTINE",
                tags=["PGOV", "RS", "ENRG"],
                body="Gazprom raises gas prices for Ukraine; the pipelines through Ukraine.",
            ),
        ]
    )


def test_word_forms_meet_and_exact_forms_can_be_asked_for(archive) -> None:
    # negotiations, negotiates: one English stem
    assert set(ids("negotiation")) == {"06STATE1", "06STATE2", "06MOSCOW3"}
    assert ids("=negotiation") == ["06STATE2"]
    assert ids('"negotiation"') == ["06STATE2"]  # a quoted word is exact too
    assert set(ids("negotiat*")) == {"06STATE1", "06STATE2", "06MOSCOW3"}
    assert ids('"quartet principles"') == ["06STATE1"]
    assert ids('"principles quartet"') == []


def test_date_bounds_at_the_ends_of_the_calendar(archive) -> None:
    assert len(ids("to:9999")) == 4 and len(ids("from:0001-01-01")) == 4
    assert ids("from:2007-01-05 to:2007-01-05") == ["07MOSCOW4"]


def test_words_are_anded_not_ored(archive) -> None:
    assert set(ids("gas ukraine")) == {"06MOSCOW3", "07MOSCOW4"}
    assert ids("gas ukraine routine") == []


def test_every_facet_count_is_what_its_link_finds(archive) -> None:
    for query in ("", "gas", "prel", "negotiation OR gazprom"):
        result = search(query)
        assert set(result.facets) == set(FACETS)
        for facet, values in result.facets.items():
            assert values, facet
            for value, count in values:
                narrowed = search(add_filter(query, facet, value), facets=False)
                assert narrowed.total == count, (query, facet, value)


def test_a_bare_level_is_exact_and_variants_are_their_own_values(archive) -> None:
    counts = dict(search("").facets["classification"])
    assert counts == {"SECRET//NOFORN": 2, "SECRET": 1, "CONFIDENTIAL": 1}
    assert ids("class:secret") == ["06STATE1"]
    assert set(ids("class:secret*")) == {"06STATE1", "06STATE2", "06MOSCOW3"}
    assert set(ids("class:noforn")) == {"06STATE2", "06MOSCOW3"}


def test_similar_cables_share_their_subject(archive) -> None:
    moscow = Cable.objects.get(reference_id="06MOSCOW3")
    found = [s.reference_id for s in similar(moscow)]
    assert found[0] == "07MOSCOW4"
    assert "06MOSCOW3" not in found


def test_similar_after_texts_were_replaced(archive) -> None:
    """Replaced documents count in term statistics until merged away: no panic on them."""
    for ref in ("06STATE1", "06STATE2", "06MOSCOW3"):
        store_records([make_record(ref, body="Revised: gas pipelines and gas prices.")])
    found = [s.reference_id for s in similar(Cable.objects.get(reference_id="07MOSCOW4"))]
    assert len(found) == 3 and "07MOSCOW4" not in found


def test_similar_cables_tied_in_score_come_in_id_order_in_any_build(archive) -> None:
    """Twins score the same; their order must not depend on where the index put them."""
    text = dict(subject="WHEAT HARVEST IN KANSAS", body="Wheat harvest, wheat prices, silos.")
    store_records([make_record(f"09TWIN{n}", **text) for n in range(1, 6)])
    store_records([make_record("09WHEAT0", **text)])
    # a new version of the first twin (same words): the index holds it last now
    store_records([make_record("09TWIN1", classification="CONFIDENTIAL", **text)])
    wheat = Cable.objects.get(reference_id="09WHEAT0")
    twins = Cable.objects.filter(reference_id__startswith="09TWIN").order_by("pk")
    expected = [c.reference_id for c in twins][:3]
    incremental = [s.reference_id for s in similar(wheat, limit=3)]
    reindex()
    forget_engines()
    rebuilt = [s.reference_id for s in similar(wheat, limit=3)]
    assert incremental == rebuilt == expected


def test_totals_are_exact_and_deep_pages_sorted_by_date(archive) -> None:
    before = search("hamas").total
    store_records(
        [
            make_record(f"08BULK{n}", created=f"2008-01-{1 + n % 28:02d}T{n % 24:02d}:00:00Z")
            for n in range(250)
        ]
    )
    assert search("hamas").total == before + 250  # the factory's body mentions Hamas
    pages = [search("id:08BULK*", sort="date", per_page=20, page=p) for p in range(1, 14)]
    assert pages[0].total == 250 and pages[0].pages == 13
    listed = [h.cable.created for page in pages for h in page.hits]
    assert len(listed) == 250 and listed == sorted(listed)
    assert search("id:08BULK*", page=100).hits == []


def test_filter_cables_for_exports(archive) -> None:
    from cablebase.archive.search import filter_cables

    assert sorted(c.reference_id for c in filter_cables("gas")) == ["06MOSCOW3", "07MOSCOW4"]
    assert filter_cables("").count() == 4
    assert not filter_cables("zzznothing").exists()


def test_incremental_and_rebuilt_indexes_agree(archive) -> None:
    store_records([make_record("06STATE2", body="A revised text about gas and Hamas.")])
    queries = ["gas", "hamas", "negotiation", "tag:PREL", "", "class:secret*", "gas -ukraine"]
    before = {q: _summary(q) for q in queries}
    reindex()
    assert {q: _summary(q) for q in queries} == before
    assert "06STATE2" in ids("revised")


def _summary(query: str) -> tuple:
    result = search(query, per_page=200)
    return result.total, sorted(h.reference_id for h in result.hits), result.facets


def test_deleted_index_is_rebuilt_on_the_next_search(archive) -> None:
    path = index_dir()
    assert search("gas").total == 2
    forget_engines()
    for child in path.iterdir():
        child.unlink()
    assert search("gas").total == 2


def test_corrupt_or_older_index_is_rebuilt(archive) -> None:
    path = index_dir()
    assert search("gas").total == 2
    forget_engines()
    (path / "meta.json").write_text("{ not json")
    assert search("gas").total == 2
    forget_engines()
    state = json.loads((path / STATE_FILE).read_text())
    (path / STATE_FILE).write_text(json.dumps(state | {"schema": 0}))
    assert search("gas").total == 2
    assert json.loads((path / STATE_FILE).read_text())["schema"] > 0


def test_a_directory_of_other_files_is_refused(tmp_path: Path, monkeypatch, archive) -> None:
    (tmp_path / "notes.txt").write_text("mine")
    monkeypatch.setenv("CABLEBASE_INDEX", str(tmp_path))
    forget_engines()
    with pytest.raises(SearchIndexError, match="not a cablebase search index"):
        search("gas")
    assert (tmp_path / "notes.txt").read_text() == "mine"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_read_only_index_directory_is_explained(tmp_path: Path, monkeypatch, archive) -> None:
    locked = tmp_path / "ro"
    locked.mkdir()
    locked.chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("CABLEBASE_INDEX", str(locked))
    forget_engines()
    try:
        with pytest.raises(SearchIndexError, match="not writable"):
            search("gas")
    finally:
        locked.chmod(stat.S_IRWXU)


def test_rows_changed_behind_the_index_are_caught_up(archive) -> None:
    """Rows deleted or added without the ingest's hook: the next search follows the store."""
    assert search("gas").total == 2
    Cable.objects.filter(reference_id="07MOSCOW4").delete()
    assert search("gas").total == 1
    assert engine().is_current()


SOUP = st.lists(
    st.one_of(
        st.sampled_from(
            ['"', "(", ")", "-", "*", ":", " ", "OR", "AND", "NOT", "=", "|", "^", "~", "\\"]
        ),
        st.sampled_from(
            ["gas", "tag:", "class:", "origin:", "year:2006", "ref:", "id:0*", "subject:", "="]
        ),
        st.text(max_size=6),
    ),
    max_size=24,
).map("".join)


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=SOUP, sort=st.sampled_from(["relevance", "date", "-date"]), page=st.integers(1, 3))
def test_any_query_gives_hits_or_a_positioned_error(archive, text: str, sort: str, page: int):
    try:
        result = search(text, sort=sort, page=page, per_page=2)
    except QueryError as exc:
        assert exc.message and 0 <= exc.position <= len(text)
    else:
        assert result.total >= len(result.hits)
        assert len(result.hits) == max(0, min(2, result.total - 2 * (page - 1)))
        assert sum(n for _, n in result.facets["classification"]) == result.total
        for hit in result.hits:
            assert all(0 <= a < b <= len(hit.snippet.text) for a, b in hit.snippet.spans)
