"""The corpus generator: deterministic per seed, all four formats, truth in the record shape."""

from __future__ import annotations

import gzip
import hashlib
import json
from pathlib import Path

import pytest

from bench.generate import FORMATS, generate, main
from cablebase.parse.record import RECORD_FIELDS, CableRecord


def _digest(root: Path) -> dict[str, str]:
    return {
        str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("corpus")
    generate(300, 7, out, workers=1)
    return out


def _truth(corpus: Path) -> list[dict]:
    with gzip.open(corpus / "truth.jsonl.gz", "rt", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


def test_same_seed_same_bytes_whatever_the_workers(corpus: Path, tmp_path: Path) -> None:
    generate(300, 7, tmp_path / "again", workers=2)
    assert _digest(corpus) == _digest(tmp_path / "again")


def test_other_seed_other_corpus(corpus: Path, tmp_path: Path) -> None:
    generate(300, 8, tmp_path / "other", workers=1)
    assert _digest(corpus)["truth.jsonl.gz"] != _digest(tmp_path / "other")["truth.jsonl.gz"]


def test_four_formats_written_and_counted(corpus: Path) -> None:
    manifest = json.loads((corpus / "manifest.json").read_text())
    assert manifest["seed"] == 7 and manifest["cables"] == 300
    assert set(manifest["counts"]) == set(FORMATS)
    assert sum(manifest["counts"].values()) == 300
    assert all(manifest["counts"][f] > 0 for f in FORMATS)
    assert (corpus / manifest["csv_files"][0]).stat().st_size == manifest["bytes"]["cables-csv"]


def test_truth_is_in_the_record_shape(corpus: Path) -> None:
    records = _truth(corpus)
    assert len(records) == 300
    for data in records:
        assert tuple(data) == RECORD_FIELDS
        assert CableRecord.from_dict(data).to_dict() == data
        assert (corpus / data["source"]["path"]).exists()
        assert "SYNTHETIC CABLE" in data["body"]


def test_truth_identifiers_are_canonical(corpus: Path) -> None:
    import re

    for data in _truth(corpus):
        assert re.fullmatch(r"\d\d[A-Z]+[1-9]\d*", data["reference_id"])
        for ref in data["references"]:
            if ref["kind"] == "cable":
                assert re.fullmatch(r"\d\d[A-Z]+[1-9]\d*", ref["reference_id"])
        assert all(re.fullmatch(r"1\.[45]\([a-h]\)", r) for r in data["reasons"])
        if data["declassify_on"]:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d", data["declassify_on"])


def test_references_cite_cables_of_the_corpus(corpus: Path) -> None:
    records = _truth(corpus)
    ids = {d["reference_id"] for d in records}
    cited = [r["reference_id"] for d in records for r in d["references"] if r["reference_id"]]
    assert cited and any(c in ids for c in cited)


def test_bad_arguments_are_usage_errors(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["--cables", "10", "--out", str(tmp_path / "x"), "--formats", "pdf"])
    assert exc.value.code == 2
    assert "unknown format(s) pdf" in capsys.readouterr().err
