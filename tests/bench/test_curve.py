"""The scale curve's chart and table, drawn from a real run's JSON (the 250,000-cable run)."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench import chart, curve
from bench.run import RESULTS

pytestmark = pytest.mark.timeout(60)


def test_table_and_chart_from_a_real_run(tmp_path: Path) -> None:
    pytest.importorskip("matplotlib")
    point = chart.load_point(RESULTS / "full-250k.json")
    assert point.cables == 250_000
    ours, base = point.figures["ingest SQLite cables/s"]
    assert 100 < ours < base  # the bare FTS5 insert is the faster of the two
    md = chart.table([point])
    assert "| ingest SQLite cables/s |" in md and "250,000: cablebase | baseline" in md
    svg = tmp_path / "curve.svg"
    chart.draw([point], svg)
    text = svg.read_text()
    assert text.startswith("<?xml") and "<svg" in text and "throughput" in text


def test_sizes_are_checked(capsys: pytest.CaptureFixture) -> None:
    with pytest.raises(SystemExit):
        curve.main(["--sizes", "10", "--chart-only"])
    assert "at least 100 cables" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        curve.main(["--sizes", "lots"])
    assert "comma-separated numbers" in capsys.readouterr().err


def test_search_side_by_side_of_two_runs() -> None:
    toy = RESULTS / "curve-toy-25000.json"
    md = chart.search_side_by_side([("old", toy), ("again", toy)])
    lines = md.splitlines()
    assert lines[0] == "| search, real-use queries | old | again |"
    hit = next(ln for ln in lines if ln.startswith("| share of the archive hit"))
    assert "%" in hit  # the old corpus: most queries hit about half the archive
    assert any(ln.startswith("| bare tantivy p50 / p95 / p99 ms | ") for ln in lines)
