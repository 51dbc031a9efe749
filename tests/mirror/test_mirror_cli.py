"""``cablebase mirror`` as a user runs it: a file archive, two rendering processes, a report."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def cablebase(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cablebase", *args],
        capture_output=True,
        text=True,
        timeout=110,
        check=False,
    )


def test_mirror_command_renders_in_two_processes_and_reports_what_it_wrote(samples_dir, tmp_path):
    db, out = str(tmp_path / "archive.db"), tmp_path / "mirror"
    assert cablebase("ingest", "--db", db, str(samples_dir / "seeds")).returncode == 0
    first = cablebase("mirror", "--db", db, "--out", str(out), "--workers", "2", "--no-search")
    assert first.returncode == 0, first.stderr
    assert "files written" in first.stdout and "pages/s" in first.stdout
    pages = sorted(p.relative_to(out).as_posix() for p in (out / "cable").rglob("*.html"))
    assert pages == ["cable/2006/02/06MOSCOW1323.html", "cable/2006/02/06STATE27174.html"]
    again = cablebase("mirror", "--db", db, "--out", str(out), "--workers", "2", "--no-search")
    assert _row(again.stdout, "files written") == "0", again.stdout
    # nothing changed: only the home page, indexes and explainers were rendered again
    assert _row(again.stdout, "rendered").startswith("10 "), again.stdout
    assert (tmp_path / "mirror.manifest.json").is_file()  # beside the mirror, not in it
    assert not any(p.name.endswith(".json") for p in out.iterdir())
    full = cablebase("mirror", "--db", db, "--out", str(out), "--no-search", "--full")
    assert _row(full.stdout, "not rendered").startswith("0 "), full.stdout
    assert _row(full.stdout, "files written") == "0", full.stdout


def _row(table: str, name: str) -> str:
    """The value of a row of the command's report table."""
    rows = [line.split("│") for line in table.splitlines() if line.count("│") >= 3]
    return next(cells[2].strip() for cells in rows if cells[1].strip() == name)


def test_a_base_url_must_be_a_web_address(tmp_path):
    done = cablebase("mirror", "--db", str(tmp_path / "a.db"), "--out", "x", "--base-url", "ftp:x")
    assert done.returncode == 2 and "--base-url" in done.stderr
    assert not Path("x").exists()
