"""Older versions on the cable page: a readable diff, and bounded whatever the cable's size.

A 30 MB cable with two versions once took a worker to 4.8 GB on its page: difflib held
both texts and compared them. Versions too large are now named as such, never loaded.
"""

from __future__ import annotations

import tracemalloc

import pytest
from django.test import Client

from cablebase.parse.record import CableRecord, Paragraph, Source
from cablebase.reader.views import cable as cable_view

pytestmark = pytest.mark.django_db

PATH = "/cable/2007/05/07LARGEPOST77.html"


def _record(lines: list[str], version: int) -> CableRecord:
    body = "1. (U) " + "\n".join(lines) + "\n"
    return CableRecord(
        reference_id="07LARGEPOST77",
        origin="Embassy Largepost",
        origin_code="LARGEPOST",
        created="2007-05-02T10:00:00Z",
        released="2011-08-30T00:00:00Z",
        classification="UNCLASSIFIED",
        tags=["PREL"],
        subject="A VERY LONG REPORTING CABLE",
        paragraphs=[Paragraph("1", "U", " ".join(lines))],
        body=body,
        source=Source("repost-text", f"large-{version}.txt", f"{version:02d}" * 32),
    )


def _store_two_versions(line_count: int, width: int) -> None:
    from cablebase.archive.ingest import store_records

    first = [f"line {n:06d} of the first text ".ljust(width, "a") for n in range(line_count)]
    second = [f"line {n:06d} of the second text ".ljust(width, "b") for n in range(line_count)]
    assert store_records([_record(first, 1)]).new == 1
    assert store_records([_record(second, 2)]).new_versions == 1


def test_versions_too_large_to_compare_are_named_and_never_loaded() -> None:
    from cablebase.archive.models import Cable

    _store_two_versions(line_count=12_000, width=100)  # 1.2 MB of text a version
    cable = Cable.objects.get(reference_id="07LARGEPOST77")
    tracemalloc.start()
    try:
        pairs = cable_view.version_diffs(cable)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, f"{peak:,} bytes held to compare two 1.2 MB versions"
    assert [p.get("too_large") for p in pairs] == [True]
    page = Client().get(PATH).content.decode()
    assert "Older versions" in page
    assert "too large to compare on this page" in page
    assert 'href="/api/cables/07LARGEPOST77/versions"' in page


def test_a_long_diff_is_cut_and_says_so() -> None:
    _store_two_versions(line_count=3_000, width=40)  # 120 KB a version, every line changed
    page = Client().get(PATH).content.decode()
    shown = page.count('<span class="add">') + page.count('<span class="del">')
    assert 0 < shown <= cable_view.DIFF_MAX_LINES
    assert f"The first {cable_view.DIFF_MAX_LINES} lines of the changes are shown" in page
    assert "too large to compare" not in page
