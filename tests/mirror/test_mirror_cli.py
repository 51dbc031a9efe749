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
    written = next(line for line in again.stdout.splitlines() if "files written" in line)
    assert written.split("│")[2].strip() == "0", again.stdout


def test_a_base_url_must_be_a_web_address(tmp_path):
    done = cablebase("mirror", "--db", str(tmp_path / "a.db"), "--out", "x", "--base-url", "ftp:x")
    assert done.returncode == 2 and "--base-url" in done.stderr
    assert not Path("x").exists()
