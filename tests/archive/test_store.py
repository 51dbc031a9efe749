"""Storing records: new cables, unchanged re-ingests, versions, citations both ways."""

from __future__ import annotations

import pytest

from cablebase.archive.ingest import store_records
from cablebase.archive.models import Cable, CableReference, CableVersion, Tag
from cablebase.archive.record_rows import record_from_cable

from .factory import make_record

pytestmark = pytest.mark.django_db


def test_store_new_cable_keeps_every_field() -> None:
    record = make_record(references=["06STATE27174"])
    report = store_records([record])
    assert (report.new, report.unchanged, report.new_versions) == (1, 0, 0)
    cable = Cable.objects.get(reference_id="06MOSCOW1323")
    assert cable.origin == "Embassy Moscow" and cable.year == 2006
    assert cable.classified_by_name == "William J. Burns"
    assert [t.code for t in cable.tags.order_by("cabletag__position")] == ["PREL", "KPAL"]
    assert cable.paragraphs.count() == 1
    back = record_from_cable(cable)
    assert back.to_dict() | {"source": None} == record.to_dict() | {"source": None}


def test_same_record_twice_is_unchanged() -> None:
    store_records([make_record()])
    report = store_records([make_record()])
    assert (report.new, report.unchanged, report.new_versions) == (0, 1, 0)
    assert Cable.objects.count() == 1 and CableVersion.objects.count() == 1


def test_changed_text_becomes_a_new_current_version() -> None:
    store_records([make_record(released="2010-11-28T00:00:00Z", body="Old text.")])
    report = store_records([make_record(released="2011-04-25T00:00:00Z", body="Revised text.")])
    assert report.new_versions == 1
    cable = Cable.objects.get()
    assert cable.body == "Revised text." and cable.version_count == 2
    old, new = cable.versions.order_by("number")
    assert old.record["body"] == "Old text." and new.number == 2


def test_an_older_release_arriving_later_is_kept_but_not_current() -> None:
    store_records([make_record(released="2011-04-25T00:00:00Z", body="Revised text.")])
    store_records([make_record(released="2010-11-28T00:00:00Z", body="Old text.")])
    cable = Cable.objects.get()
    assert cable.body == "Revised text." and cable.versions.count() == 2


def test_versions_inside_one_batch() -> None:
    report = store_records([make_record(body="A."), make_record(body="A."), make_record(body="B.")])
    # The second "A." was not in the archive before this run: new to it, not "unchanged".
    assert (report.new, report.unchanged, report.new_versions) == (2, 0, 1)
    again = store_records([make_record(body="A."), make_record(body="B.")])
    assert (again.new, again.unchanged, again.new_versions) == (0, 2, 0)


def test_citations_resolve_in_both_directions() -> None:
    store_records([make_record("06MOSCOW1323", references=["06STATE27174"])])
    ref = CableReference.objects.get()
    assert ref.cited_cable is None
    store_records([make_record("06STATE27174", origin="Secretary of State", origin_code="STATE")])
    ref.refresh_from_db()
    assert ref.cited_cable.reference_id == "06STATE27174"
    store_records([make_record("06TELAVIV1", references=["06STATE27174"])])
    cited = Cable.objects.get(reference_id="06STATE27174")
    assert sorted(r.citing.reference_id for r in cited.cited_by.all()) == [
        "06MOSCOW1323",
        "06TELAVIV1",
    ]


def test_tags_are_shared_and_described() -> None:
    store_records([make_record("06A1", tags=["PREL"]), make_record("06A2", tags=["PREL", "IS"])])
    assert Tag.objects.count() == 2
    assert Tag.objects.get(code="PREL").cables.count() == 2


def test_text_that_bulk_loading_must_escape_comes_back_byte_for_byte() -> None:
    """PostgreSQL takes the rows by COPY, whose text format gives backslash, tab, newline and
    ``\\N`` (its null) a meaning of their own: a cable quoting them must not change."""
    body = "1. (C) Path C:\\TEMP\\N and a tab\there.\r\n\n2. (U) \\N alone; Ω, 中文, “quotes”."
    record = make_record(body=body, subject="A\\B\tC \\N", summary="\\.")
    store_records([record])
    cable = Cable.objects.get(reference_id="06MOSCOW1323")
    assert cable.body == body and cable.subject == "A\\B\tC \\N" and cable.summary == "\\."
    assert [p.text for p in cable.paragraphs.order_by("position")] == [
        p.text for p in record.paragraphs
    ]
    assert cable.versions.get().record["body"] == body
    back = record_from_cable(cable)
    assert back.to_dict() | {"source": None} == record.to_dict() | {"source": None}
