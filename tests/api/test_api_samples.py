"""The API over the bundled sample cables, ingested the way a new user does."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import pytest
from django.test import Client

from cablebase.parse.record import RECORD_FIELDS

pytestmark = pytest.mark.django_db


@pytest.fixture
def samples_archive(db, samples_dir):
    from cablebase.archive.ingest import ingest

    with ThreadPoolExecutor(max_workers=1) as pool:
        report = ingest([samples_dir / "seeds", samples_dir / "wikileaks-html"], executor=pool)
    assert report.new == 4, report.errors
    return report


def test_seed_record_matches_the_spec(client: Client, samples_archive):
    record = client.get("/api/cables/06MOSCOW1323").json()
    assert set(record) == set(RECORD_FIELDS)
    assert record["origin"] == "Embassy Moscow"
    assert record["created"] == "2006-02-10T15:26:00Z"
    assert record["released"] == "2011-08-30T01:44:00Z"
    assert record["classification"] == "CONFIDENTIAL"
    assert record["transmission_id"] == "RUEHMO #1323/01 0411526"
    assert record["sections"] == 2
    assert record["reasons"] == ["1.4(b)", "1.4(d)"]
    assert record["classified_by"]["name"] == "William J. Burns"
    assert record["source"]["format"] == "repost-text"
    state = client.get("/api/cables/06STATE27174").json()
    assert state["signers"] == ["RICE"] and state["tags"] == ["PREL"]
    assert [p["marking"] for p in state["paragraphs"]] == ["C", "U", "U"]


def test_sample_paragraphs_and_search(client: Client, samples_archive):
    paras = client.get("/api/cables/06MOSCOW1323/paragraphs").json()["paragraphs"]
    assert [p["number"] for p in paras[:7]] == [str(n) for n in range(1, 8)]
    assert all(p["marking"] == "C" for p in paras[:7])
    data = client.get("/api/search", {"q": "hamas", "sort": "date"}).json()
    ids = [h["reference_id"] for h in data["hits"]]
    assert "06MOSCOW1323" in ids and "06STATE27174" in ids
    assert data["total"] == len(ids)
    stats = client.get("/api/stats").json()
    assert stats["cables"] == 4


def test_sample_versions_and_references(client: Client, samples_archive):
    versions = client.get("/api/cables/08TRIPOLI220/versions").json()["versions"]
    assert len(versions) == 1 and versions[0]["current"] is True
    assert versions[0]["source"]["format"] == "wikileaks-html"
    refs = client.get("/api/cables/08TRIPOLI220/references").json()
    assert refs["reference_id"] == "08TRIPOLI220"
    assert all(r["resolved"] is (r["url"] is not None) for r in refs["references"])
