"""bench/parse.py prints machine-readable JSON with a same-run baseline."""

from __future__ import annotations

import json

import pytest

from bench.parse import main


def test_bench_reports_parse_and_baseline(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--set", "seeds", "--copies", "20", "--repeat", "1"]) == 0
    report = json.loads(capsys.readouterr().out)
    seeds = report["sets"]["seeds"]
    assert seeds["cables"] == 20
    for label in ("baseline", "parse"):
        assert seeds[label]["cables_per_s"] > 0
        assert seeds[label]["mb_per_s"] > 0
        assert seeds[label]["cpu_cables_per_s"] > 0
