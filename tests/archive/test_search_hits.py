"""Hits served from the index: the same cables, fields and snippets as the store gives,
word forms found at query time, and nothing withheld leaking when the index lags.

Real cables from ``samples/`` (the 2010 viewer's pages and the seeds), on whichever
backend runs the tests.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from cablebase.archive.ingest import ingest, store_records
from cablebase.archive.models import Cable, IngestRun, Quarantine, SourceFile, Tag, tags_prefetch
from cablebase.archive.pipeline import InlineExecutor
from cablebase.archive.search import IndexBusy, matching_ids, search
from cablebase.archive.search.index import Engine, engine
from cablebase.archive.search.schema import stem_of, words

from .factory import make_record

pytestmark = pytest.mark.django_db

QUERIES = [
    "Hamas",
    "negotiation",
    "election",
    '"prime minister"',
    "minist*",
    "origin:Moscow",
    "tag:PREL",
    "",
    "sanctions -Iran",
]


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker, samples_dir: Path) -> Iterator[None]:
    with django_db_blocker.unblock():
        ingest([samples_dir], executor=InlineExecutor(), batch_size=200)
        yield
        Cable.objects.all().delete()
        for model in (Tag, SourceFile, Quarantine, IngestRun):
            model.objects.all().delete()


@pytest.fixture
def index_busy(monkeypatch: pytest.MonkeyPatch) -> None:
    """Another process holds the index's writer: searches cannot catch up themselves."""

    def busy(self, progress=None):
        raise IndexBusy("busy in a test")

    engine().catch_up()
    monkeypatch.setattr(Engine, "catch_up", busy)


def _page(query: str, **kwargs) -> list[tuple]:
    result = search(query, per_page=200, **kwargs)
    return [(result.total, result.pages)] + [
        (h.reference_id, h.snippet, _fields(h.cable)) for h in result.hits
    ]


def _fields(cable) -> tuple:
    return (
        cable.pk,
        cable.reference_id,
        cable.subject,
        cable.origin,
        cable.origin_code,
        cable.classification,
        cable.precedence,
        cable.year,
        cable.created,
        cable.released,
        cable.updated,
        list(cable.tag_list),
        cable.get_absolute_url(),
    )


def test_hits_from_the_index_are_the_stores_cables(corpus) -> None:
    shown = 0
    stored = {c.pk: c for c in Cable.objects.prefetch_related(tags_prefetch())}
    for query in QUERIES:
        for hit in search(query, per_page=200).hits:
            assert _fields(hit.cable) == _fields(stored[hit.cable.pk]), (query, hit.reference_id)
            shown += 1
    assert shown > 500


def test_a_busy_index_gives_the_same_page_from_the_store(corpus, monkeypatch) -> None:
    from_index = {q: _page(q) for q in QUERIES}
    monkeypatch.setattr(Engine, "ensure_current", lambda self: False)
    assert {q: _page(q) for q in QUERIES} == from_index


def test_a_search_on_a_current_index_asks_the_store_one_question(corpus) -> None:
    search("hamas")
    with CaptureQueriesContext(connection) as queries:
        result = search("hamas", per_page=50)
    assert result.total >= 20 and len(result.hits) == min(50, result.total)
    assert len(queries.captured_queries) == 1  # how far the store has got; no row per hit


def test_a_search_page_reads_the_stores_marks_once(corpus) -> None:
    """A page past the end searches twice (the last page is shown); the store is asked once."""
    client = Client()
    search("hamas")  # the test's fresh index is built here, not during the request
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/search", {"q": "hamas", "page": "999"})
    assert response.status_code == 200 and "cables found" in response.content.decode()
    marks = [q for q in queries.captured_queries if "max(id)" in q["sql"].lower()]
    assert len(marks) == 1


def _stemmed_oracle(word: str) -> set[int]:
    """The cables a stemmed copy of the text would find: any word with the word's stem in
    the subject or body, or the word itself in the reference id or tags."""
    stem = stem_of(word)
    found = set()
    for pk, ref, subject, body, tag in Cable.objects.values_list(
        "pk", "reference_id", "subject", "body", "cabletag__tag__code"
    ):
        exact = words(ref) + words(tag or "")
        if word in exact or stem in {stem_of(w) for w in words(f"{subject}\n{body}")}:
            found.add(pk)
    return found


@pytest.mark.parametrize(
    "word", ["negotiation", "elections", "policy", "dying", "minister", "happy", "russian"]
)
def test_word_forms_find_what_a_stemmed_index_would(corpus, word: str) -> None:
    found = matching_ids(word)
    assert found and set(found) == _stemmed_oracle(word)


def test_a_prefix_with_many_words_is_exact() -> None:
    store_records(
        [make_record(f"09ZETA{n}", body=f"The zetaword{n} and zeta{n}.") for n in range(90)]
    )
    assert search("zetaword*").total == 90  # more than the 64 terms listed one by one
    assert search("zetaword1*").total == 11  # a few: listed
    assert search("id:09ZETA*").total == 90
    assert search("id:09ZETA8*").total == 11


def test_pages_past_the_end_near_and_far(corpus) -> None:
    everything = search("", per_page=200).total
    for page in (everything // 200 + 2, 100_000):  # one query, then a count first
        result = search("", page=page, per_page=200)
        assert result.hits == [] and result.total == everything
