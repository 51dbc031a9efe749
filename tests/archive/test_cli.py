"""The archive commands, run through ``cablebase.cli.main`` as a user would."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from cablebase.cli import main

pytestmark = pytest.mark.django_db


@pytest.fixture
def stored(seeds: Path, capsys) -> None:
    assert main(["ingest", "--workers", "0", str(seeds)]) == 0
    capsys.readouterr()


def test_ingest_prints_the_run_table(seeds: Path, capsys) -> None:
    assert main(["ingest", "--workers", "0", str(seeds)]) == 0
    out = capsys.readouterr().out
    assert "new" in out and "unchanged" in out and "new versions" in out
    assert main(["ingest", "--workers", "0", "--json", str(seeds)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["new"], report["unchanged"]) == (0, 2)


def test_ingest_missing_path_is_a_usage_error(tmp_path: Path, capsys) -> None:
    assert main(["ingest", str(tmp_path / "nope")]) == 2
    assert "nope: no such file or directory" in capsys.readouterr().err


def test_ingest_with_junk_exits_1_and_quarantine_lists_it(tmp_path: Path, capsys) -> None:
    (tmp_path / "junk.bin").write_bytes(b"garbage\x00" * 50)
    assert main(["ingest", "--workers", "0", str(tmp_path / "junk.bin")]) == 1
    capsys.readouterr()
    assert main(["quarantine", "--json"]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert len(entries) == 1 and entries[0]["path"].endswith("junk.bin") and entries[0]["reason"]
    assert main(["quarantine"]) == 0
    assert "junk.bin" in capsys.readouterr().out


def test_search_json_and_facets(stored, capsys) -> None:
    assert main(["search", "Hamas", "--json", "--facets"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["total"] == 2 and out["hits"][0]["reference_id"] == "06STATE27174"
    marked = {h["snippet"][a:b].lower() for h in out["hits"] for a, b in h["highlights"]}
    assert marked == {"hamas"}  # text plus offsets, no markup
    assert set(out["facets"]) == {"classification", "origin", "year", "tag", "precedence"}


def test_search_text_output(stored, capsys) -> None:
    assert main(["search", "origin:Moscow", "--facets"]) == 0
    out = capsys.readouterr().out
    assert "06MOSCOW1323" in out and "Embassy Moscow" in out and "classification" in out


def test_similar_and_reindex(stored, capsys, tmp_path: Path) -> None:
    index = tmp_path / "elsewhere.index"
    assert main(["reindex", "--index", str(index)]) == 0
    assert "2 cables indexed" in capsys.readouterr().err and (index / "meta.json").exists()
    assert main(["similar", "06moscow1323", "--json", "--index", str(index)]) == 0
    assert [s["reference_id"] for s in json.loads(capsys.readouterr().out)] == ["06STATE27174"]
    assert main(["similar", "99NOWHERE1"]) == 2
    assert "no such cable" in capsys.readouterr().err


def test_unusable_index_is_explained(stored, capsys, tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("not an index")
    assert main(["search", "hamas", "--index", str(tmp_path)]) == 2
    assert "not a cablebase search index" in capsys.readouterr().err


def test_bad_query_is_explained(stored, capsys) -> None:
    assert main(["search", '"Hamas']) == 2
    err = capsys.readouterr().err
    assert "unbalanced quote" in err and "^" in err


def test_no_hits_exit_1(stored, capsys) -> None:
    assert main(["search", "zzzznothing"]) == 1
    assert "0 cables" in capsys.readouterr().out


def test_show(stored, capsys) -> None:
    assert main(["show", "06moscow1323", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert record["reference_id"] == "06MOSCOW1323" and record["origin"] == "Embassy Moscow"
    assert main(["show", "06MOSCOW1323"]) == 0
    assert "Embassy Moscow" in capsys.readouterr().out
    assert main(["show", "99NOWHERE1"]) == 1
    assert "no such cable" in capsys.readouterr().err


def test_export_formats(stored, tmp_path: Path, capsys) -> None:
    jsonl = tmp_path / "all.jsonl"
    assert main(["export", "--format", "jsonl", "--out", str(jsonl)]) == 0
    records = [json.loads(line) for line in jsonl.read_text().splitlines()]
    assert [r["reference_id"] for r in records] == ["06MOSCOW1323", "06STATE27174"]
    assert records[0]["paragraphs"] and records[0]["classified_by"]

    out_csv = tmp_path / "moscow.csv"
    assert main(["export", "origin:Moscow", "--format", "csv", "--out", str(out_csv)]) == 0
    rows = list(csv.reader(out_csv.open(newline="")))
    assert len(rows) == 1 and len(rows[0]) == 8
    number, date, ref_id, origin, classification, _refs, _header, body = rows[0]
    assert (number, date, ref_id) == ("1", "02/10/2006 15:26", "06MOSCOW1323")
    assert origin == "Embassy Moscow" and classification == "CONFIDENTIAL" and body

    parquet = tmp_path / "all.parquet"
    assert main(["export", "--format", "parquet", "--out", str(parquet)]) == 0
    table = pq.read_table(parquet)
    assert table.num_rows == 2 and "reference_id" in table.column_names
    assert main(["export", "class:", "--format", "jsonl", "--out", str(jsonl)]) == 2


def test_stats(stored, capsys) -> None:
    assert main(["stats", "--json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["cables"] == 2 and stats["by_classification"] == {"CONFIDENTIAL": 2}
    assert stats["first_created"] == "2006-02-10T15:26:00Z"
    assert main(["stats"]) == 0
    assert "cables" in capsys.readouterr().out


def test_ingest_without_source_bytes(seeds: Path, capsys) -> None:
    from cablebase.archive.models import SourceFile

    assert main(["ingest", "--workers", "0", "--quiet", "--no-source-bytes", str(seeds)]) == 0
    assert SourceFile.objects.count() == 2
    assert all(s.content is None and s.size > 0 for s in SourceFile.objects.all())
