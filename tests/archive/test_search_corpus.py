"""The issue's searches over the real sample cables, on whichever backend runs the tests.

The same expectations hold on SQLite FTS5 and PostgreSQL: the suite runs twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.db.models import Count

from cablebase.archive.ingest import ingest
from cablebase.archive.models import (
    Cable,
    CableReference,
    IngestRun,
    Quarantine,
    SourceFile,
    Tag,
    tags_prefetch,
)
from cablebase.archive.pipeline import InlineExecutor
from cablebase.archive.search import QueryError, search

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def corpus(django_db_setup, django_db_blocker, samples_dir: Path) -> Iterator[None]:
    """The samples ingested once for the module, removed afterwards."""
    with django_db_blocker.unblock():
        ingest([samples_dir], executor=InlineExecutor(), batch_size=200)
        yield
        Cable.objects.all().delete()
        for model in (Tag, SourceFile, Quarantine, IngestRun):
            model.objects.all().delete()


def everything(query: str, **kwargs) -> tuple[int, list[str], dict]:
    result = search(query, per_page=200, **kwargs)
    return result.total, [h.reference_id for h in result.hits], result.facets


def containing(pattern: str) -> set[str]:
    """An oracle independent of both engines: a regex over the stored text fields."""
    regex = re.compile(pattern, re.IGNORECASE)
    return {
        cable.reference_id
        for cable in Cable.objects.prefetch_related(tags_prefetch())
        if regex.search(cable.subject)
        or regex.search(" ".join(cable.tag_list))
        or regex.search(cable.body)
    }


def test_hamas(corpus) -> None:
    total, ids, facets = everything("Hamas")
    assert set(ids) == containing(r"(?<![^\W_])hamas(?![^\W_])")
    assert total == len(ids) >= 20
    assert {"06STATE27174", "06MOSCOW1323"} <= set(ids)
    assert ids[0] == "06STATE27174"  # "Hamas" in its subject weighs more
    assert sum(n for _, n in facets["classification"]) == total


def test_quartet_principles_phrase(corpus) -> None:
    total, ids, _ = everything('"Quartet principles"')
    assert total == len(ids) and set(ids) == containing(r"\bquartet\W+principles\b")
    assert {"06STATE27174", "09PARIS410"} <= set(ids)


def test_origin_and_classification_filters(corpus) -> None:
    total, ids, facets = everything("origin:Moscow class:confidential")
    assert total == MOSCOW_CONFIDENTIAL and "06MOSCOW1323" in ids
    assert [o for o, _ in facets["origin"]] == ["Embassy Moscow"]
    assert {c for c, _ in facets["classification"]} <= {"CONFIDENTIAL", "CONFIDENTIAL//NOFORN"}


def test_tag_and_date_range(corpus) -> None:
    total, ids, facets = everything("tag:PREL from:2006-02-01 to:2006-02-28")
    assert total == PREL_FEB_2006 and "06STATE27174" in ids
    assert facets["year"] == [("2006", total)]
    assert ("PREL", total) in facets["tag"]


def test_ref_finds_citing_cables(corpus) -> None:
    assert everything("ref:06STATE27174")[0] == 0  # no sample cites it
    cited = (
        CableReference.objects.filter(cited_cable__isnull=False)
        .values_list("cited_id")
        .annotate(n=Count("id"))
        .order_by("-n", "cited_id")
        .first()[0]
    )
    total, ids, _ = everything(f"ref:{cited.lower()}")
    citing = {r.citing.reference_id for r in Cable.objects.get(reference_id=cited).cited_by.all()}
    assert total >= 1 and set(ids) == citing


def test_sorting_by_date(corpus) -> None:
    _, ids, _ = everything("Hamas", sort="date")
    created = [Cable.objects.get(reference_id=i).created for i in ids]
    assert created == sorted(created)


@pytest.mark.parametrize(
    "hostile", ['"Hamas', "NEAR(Hamas Fatah)", "Hamas*)", "1' OR '1'='1", "x" * 10_000, "*"]
)
def test_hostile_queries(corpus, hostile: str) -> None:
    try:
        result = search(hostile)
    except QueryError as exc:
        assert exc.message
    else:
        assert len(result.hits) <= result.total <= Cable.objects.count()


# Measured once and identical on SQLite and PostgreSQL.
MOSCOW_CONFIDENTIAL = 13
PREL_FEB_2006 = 3
