"""Ingest defects found by hostile use: impossible CSV dates, a fresh archive's report, ANALYZE."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from cablebase.archive.export import export
from cablebase.archive.ingest import ingest
from cablebase.archive.models import Cable, Quarantine, SourceFile

pytestmark = pytest.mark.django_db


def _csv_with(tmp_path: Path, samples_dir: Path, inline, date: str) -> tuple[Path, int]:
    """The seeds as bulk CSV, plus one row of 06BOGUS1 dated ``date`` (and its line)."""
    ingest([samples_dir / "seeds"], executor=inline)
    out = tmp_path / "cables.csv"
    assert export(None, "csv", out) == 2
    line = len(out.read_text(encoding="utf-8").splitlines()) + 1
    with out.open("a", encoding="utf-8") as handle:
        handle.write(f'3,"{date}","06BOGUS1","Embassy Nowhere","SECRET","","HEADER","Body."\n')
    Cable.objects.all().delete()
    SourceFile.objects.all().delete()
    return out, line


@pytest.mark.parametrize("date", ["13/45/2006 25:61", "02/30/2006 10:00", "01/01/2006 24:00"])
def test_an_impossible_csv_date_is_quarantined_with_its_reason(
    tmp_path: Path, samples_dir: Path, inline, date: str
) -> None:
    out, line = _csv_with(tmp_path, samples_dir, inline, date)
    report = ingest([out], executor=inline)
    assert (report.new, report.failed) == (2, 1)
    assert not Cable.objects.filter(reference_id="06BOGUS1").exists()
    entry = Quarantine.objects.get()
    assert entry.line == line and entry.path.endswith("cables.csv")
    assert "date" in entry.reason and date in entry.reason
    assert date in report.errors[0]


def test_a_fresh_archive_reports_every_record_new(samples_dir: Path, tmp_path: Path, inline):
    """The same cable in two inputs of the first run is new to the archive, not "unchanged"."""
    twice = tmp_path / "twice"
    twice.mkdir()
    shutil.copy(samples_dir / "seeds" / "000_068168b0c6d62cf7.txt", twice / "a.txt")
    # another file (a trailing newline more) holding the same cable text
    (twice / "b.txt").write_bytes((twice / "a.txt").read_bytes() + b"\n")
    report = ingest([twice], executor=inline, batch_size=1)
    assert (report.new, report.unchanged, report.failed) == (2, 0, 0)
    assert Cable.objects.count() == 1
    again = ingest([twice], executor=inline)
    assert (again.new, again.unchanged) == (0, 2)


def test_a_large_ingest_refreshes_postgresql_statistics(samples_dir: Path, inline, db_vendor):
    if db_vendor != "postgresql":
        pytest.skip("planner statistics: PostgreSQL only")
    from django.db import connection

    def estimated(table: str) -> float:
        with connection.cursor() as cursor:
            cursor.execute("SELECT reltuples FROM pg_class WHERE relname = %s", [table])
            return cursor.fetchone()[0]

    ingest([samples_dir / "seeds", samples_dir / "wikileaks-html"], executor=inline)
    assert estimated("cable") == 4  # never analyzed: -1
    assert estimated("paragraph") > 4
