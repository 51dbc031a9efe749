"""Ingest real cables: samples, archives, idempotency, versions, quarantine."""

from __future__ import annotations

import bz2
import gzip
import shutil
import zipfile
from pathlib import Path

import pytest

from cablebase.archive.ingest import ingest
from cablebase.archive.models import Cable, CableVersion, IngestRun, Quarantine, SourceFile

pytestmark = pytest.mark.django_db

SAMPLE_CABLES = 2 + 2 + 415 + 36  # seeds, wikileaks-html, 2010 pages, bulk-csv


def test_samples_ingest_then_rerun_is_unchanged(samples_dir: Path, inline) -> None:
    report = ingest([samples_dir], executor=inline, batch_size=100)
    assert (report.new, report.failed, report.new_versions) == (SAMPLE_CABLES, 0, 0)
    assert Cable.objects.count() == SAMPLE_CABLES
    moscow = Cable.objects.get(reference_id="06MOSCOW1323")
    assert moscow.origin == "Embassy Moscow" and moscow.classification == "CONFIDENTIAL"
    assert moscow.paragraphs.count() == 7  # the cable numbers seven paragraphs
    assert moscow.versions.get().record["reference_id"] == "06MOSCOW1323"
    run = IngestRun.objects.get(pk=report.run_id)
    assert run.status == "completed" and run.new == SAMPLE_CABLES

    again = ingest([samples_dir], executor=inline)
    assert (again.new, again.unchanged, again.new_versions, again.failed) == (
        0,
        SAMPLE_CABLES,
        0,
        0,
    )
    assert CableVersion.objects.count() == SAMPLE_CABLES


def test_junk_lands_in_quarantine_and_the_rest_ingests(tmp_path: Path, seeds: Path, inline) -> None:
    shutil.copy(seeds / "000_068168b0c6d62cf7.txt", tmp_path / "cable.txt")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01 this is not a cable at all \xff" * 20)
    report = ingest([tmp_path], executor=inline)
    assert (report.new, report.failed) == (1, 1)
    entry = Quarantine.objects.get()
    assert entry.path.endswith("junk.txt") and entry.reason and len(entry.sha256) == 64
    assert "junk.txt" in report.errors[0]
    again = ingest([tmp_path], executor=inline)  # a known failure is not quarantined twice
    assert (again.new, again.unchanged) == (0, 1)
    assert Quarantine.objects.count() == 1


def test_compressed_and_zipped_inputs(tmp_path: Path, samples_dir: Path, inline) -> None:
    seed = (samples_dir / "seeds" / "003_7a1b52288a90354e.txt").read_bytes()
    (tmp_path / "moscow.txt.gz").write_bytes(gzip.compress(seed))
    pages = sorted((samples_dir / "cablegate-2010-pages").glob("*.html"))[:3]
    (tmp_path / "one.html.bz2").write_bytes(bz2.compress(pages[0].read_bytes()))
    with zipfile.ZipFile(tmp_path / "pages.zip", "w") as archive:
        for page in pages[1:]:
            archive.write(page, f"cable/{page.name}")
    report = ingest([tmp_path], executor=inline)
    assert (report.new, report.failed, report.files) == (4, 0, 3)
    member = SourceFile.objects.get(path__endswith=f"pages.zip!cable/{pages[1].name}")
    assert member.complete and member.content == pages[1].read_bytes()
    assert SourceFile.objects.get(path__endswith="pages.zip").complete
    again = ingest([tmp_path], executor=inline)
    assert (again.new, again.unchanged) == (0, 4)


def test_process_pool_is_the_default(seeds: Path) -> None:
    report = ingest([seeds])
    assert (report.new, report.failed) == (2, 0)
    assert set(Cable.objects.values_list("reference_id", flat=True)) == {
        "06STATE27174",
        "06MOSCOW1323",
    }


def test_missing_input_is_reported_not_raised(tmp_path: Path, inline) -> None:
    report = ingest([tmp_path / "nowhere.txt"], executor=inline)
    assert report.failed == 1 and "cannot read" in report.errors[0]


@pytest.mark.slow
def test_2011_zip_after_2010_pages_makes_new_versions(
    samples_dir: Path, shared_corpus: Path, inline
) -> None:
    ingest([samples_dir / "cablegate-2010-pages"], executor=inline, batch_size=250)
    report = ingest([shared_corpus / "cablegate-2011-04-pages.zip"], executor=inline)
    assert report.failed == 0
    assert report.new_versions > 0
    assert report.new + report.unchanged + report.new_versions == 2179
    revised = Cable.objects.filter(version_count__gt=1)
    assert revised.count() == report.new_versions
    cable = revised.first()
    first, current = cable.versions.order_by("number")[:2]
    assert first.content_hash != current.content_hash
    assert cable.content_hash == current.content_hash
    assert first.record["body"]  # the older text is kept whole
    again = ingest([shared_corpus / "cablegate-2011-04-pages.zip"], executor=inline)
    assert (again.new, again.new_versions, again.unchanged) == (0, 0, 2179)


def test_bulk_csv_round_trip_with_a_bad_row(tmp_path: Path, samples_dir: Path, inline) -> None:
    from cablebase.archive.export import export

    ingest([samples_dir / "seeds", samples_dir / "wikileaks-html"], executor=inline)
    original = dict(Cable.objects.values_list("reference_id", "content_hash"))
    out = tmp_path / "cables.csv"
    assert export(None, "csv", out) == 4
    with out.open("a", encoding="utf-8") as handle:
        handle.write('5,"02/10/2006 15:26","06BAD1"\n')  # three columns of eight
    Cable.objects.all().delete()
    SourceFile.objects.all().delete()

    report = ingest([out], executor=inline, batch_size=2)
    assert (report.new, report.failed) == (4, 1)
    assert set(Cable.objects.values_list("reference_id", flat=True)) == set(original)
    bad = Quarantine.objects.get()
    last_line = len(out.read_text(encoding="utf-8").splitlines())
    assert bad.line == last_line and bad.path.endswith("cables.csv")  # the bad row's line

    (tmp_path / "cables.csv.gz").write_bytes(gzip.compress(out.read_bytes()))
    out.unlink()
    again = ingest([tmp_path], executor=inline)
    assert (again.new, again.unchanged, again.new_versions) == (0, 4, 0)
    assert Quarantine.objects.count() == 1
