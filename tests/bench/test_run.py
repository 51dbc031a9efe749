"""The runner: argument handling, and the accuracy stage on a small generated corpus."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.generate import generate
from bench.run import parse_args
from bench.stages import accuracy, inputs, parse
from bench.stages.search import load_queries


def test_quick_needs_no_corpus_but_a_full_run_does(capsys: pytest.CaptureFixture) -> None:
    args = parse_args(["--quick"])
    assert args.sample == 5000
    assert args.stages == ["parse", "accuracy", "ingest", "index", "search", "web"]
    with pytest.raises(SystemExit):
        parse_args([])
    assert "--corpus is required" in capsys.readouterr().err


def test_unknown_stage_and_missing_corpus_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    with pytest.raises(SystemExit):
        parse_args(["--quick", "--stages", "parse,nope"])
    assert "unknown stage(s) nope" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse_args(["--corpus", str(tmp_path)])
    assert "no manifest.json" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parse_args(["--quick", "--queries", str(tmp_path / "nope.txt")])
    assert "no such query file" in capsys.readouterr().err


def test_the_old_query_set_still_loads_for_the_old_corpus() -> None:
    from bench.stages.search import QUERIES

    old = load_queries(QUERIES.with_name("queries-toy.txt"))
    assert len(old) >= 50 and any(q.text == "clergy" for q in old)


def test_query_set_is_of_real_use_with_pathological_queries_apart() -> None:
    queries = load_queries()
    assert len(queries) >= 50
    kinds = {q.kind for q in queries}
    assert {"name", "place", "topic", "phrase", "bool", "field", "mixed", "deep", "sort"} <= kinds
    assert any(q.page > 1 for q in queries) and any(q.sort != "relevance" for q in queries)
    texts = {q.text for q in queries}
    assert {"Saltanov", "Kadyrov"} <= texts
    bad = [q.text for q in queries if q.pathological]
    assert "the" in bad and any(t.startswith('"') for t in bad) and len(bad) <= 5


def test_parser_accuracy_on_a_small_generated_corpus(tmp_path: Path) -> None:
    parser = pytest.importorskip("cablebase.parse")
    generate(120, 3, tmp_path / "c", workers=1)
    sample = inputs.sample(tmp_path / "c", 120, tmp_path / "w")
    records, errors = parse.parse_all(parser, sample)
    truth = {t["reference_id"]: t for t in inputs.truth(tmp_path / "c")}
    result = accuracy.run(records, truth, errors)
    by_field = result.details["by_field"]
    assert result.details["cables"] == 120
    # identifiers and dates are what the archive keys on: the parser must get them right
    for name in ("reference_id", "origin_code", "created", "classification"):
        assert by_field[name]["all"] >= 0.95, (name, result.details["examples"].get(name))
