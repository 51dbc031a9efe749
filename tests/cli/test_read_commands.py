"""Commands that read: a mistyped archive path is refused; ``show`` and ``stats`` say all."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cablebase.cli import main

READ_COMMANDS = [
    ["search", "iran"],
    ["show", "06MOSCOW1323"],
    ["stats"],
    ["quarantine"],
    ["export", "--out", "out.jsonl"],
    ["mirror", "--out", "site"],
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda c: c[0])
def test_a_missing_archive_is_refused_not_created(tmp_path: Path, command: list[str]) -> None:
    env = {**os.environ}
    env.pop("CABLEBASE_DATABASE_URL", None)
    result = subprocess.run(
        [sys.executable, "-m", "cablebase", *command, "--db", "nosuch.db"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=100,
    )
    assert result.returncode == 2, result.stderr
    assert "no archive at nosuch.db" in result.stderr
    assert "cablebase ingest" in result.stderr  # how to make one
    assert list(tmp_path.iterdir()) == []


@pytest.fixture
def stored(samples_dir: Path, capsys) -> None:
    sources = [samples_dir / "seeds", samples_dir / "cablegate-2010-pages"]
    assert main(["ingest", "--workers", "0", "--quiet", *map(str, sources)]) == 0
    capsys.readouterr()


@pytest.mark.django_db
def test_show_prints_classified_by_reasons_and_declassification(stored, capsys) -> None:
    assert main(["show", "06STATE27174"]) == 0
    out = capsys.readouterr().out
    assert re.search(r"classified by\s+WELCH, A/S", out)
    assert re.search(r"reasons\s+1\.4\(b\), 1\.4\(d\)", out)
    assert re.search(r"declassify\s+2016-02-16", out)


@pytest.mark.django_db
def test_stats_shows_every_year(capsys) -> None:
    from cablebase.archive.ingest import store_records
    from tests.archive.factory import make_record

    # 25 years, the biggest last, as in Cablegate (2008-2010 hold most cables)
    records = [
        make_record(f"{year % 100:02d}MOSCOW{n}", created=f"{year}-03-01T10:00:00Z")
        for year in range(1986, 2011)
        for n in range(1, 2 + (year - 1980) // 10)
    ]
    store_records(records)
    assert main(["stats", "--json"]) == 0
    years = json.loads(capsys.readouterr().out)["by_year"]
    assert len(years) == 25
    assert main(["stats"]) == 0
    out = capsys.readouterr().out
    for year, count in years.items():
        assert re.search(rf"\b{year}: {count}\b", out), year
