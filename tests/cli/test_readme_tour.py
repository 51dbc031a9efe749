"""The README's tour, run as written against a fresh archive: every ``$ cablebase`` line.

A newcomer copies these lines one by one; each must work on a fresh clone (no file
that does not ship, no example that finds nothing), exit 0 and print something.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.reader.test_site_cmds import _cablebase, _fetch, _free_port, _stop, _wait_for


def tour_commands() -> list[list[str]]:
    """The ``$ cablebase ...`` lines of the README's console blocks, in order."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    lines = []
    for block in re.findall(r"```console\n(.*?)```", readme, re.DOTALL):
        for line in block.splitlines():
            if line.startswith("$ cablebase "):
                lines.append(shlex.split(line[2:], comments=True)[1:])
    return lines


def test_the_tour_has_every_command() -> None:
    used = {args[0] for args in tour_commands()}
    assert {"parse", "ingest", "quarantine", "stats", "search", "show", "export"} <= used
    assert "serve" in used


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_the_readme_tour_runs_as_written(tmp_path: Path) -> None:
    (tmp_path / "samples").symlink_to(ROOT / "samples")  # a fresh clone: samples/, nothing else
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CABLEBASE_DATABASE_URL", None)
    for args in tour_commands():
        shown = "cablebase " + shlex.join(args)
        if args[0] == "serve":
            _serve(tmp_path, args, shown)
            continue
        result = subprocess.run(
            [sys.executable, "-m", "cablebase", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        assert result.returncode == 0, f"{shown}: exit {result.returncode}\n{result.stderr}"
        assert (result.stdout + result.stderr).strip(), f"{shown}: printed nothing"
        if args[0] == "search" and "--json" not in args:
            assert not result.stdout.startswith("0 cables"), f"{shown}: found nothing"
    assert (tmp_path / "secret-2009.parquet").stat().st_size > 0


def _serve(cwd: Path, args: list[str], shown: str) -> None:
    """``serve`` runs until stopped: start it on a free port, fetch the home page, stop it."""
    if "--port" in args:
        args = list(args)
        args[args.index("--port") + 1] = str(_free_port())
    port = args[args.index("--port") + 1]
    proc = _cablebase(*args, cwd=cwd)
    try:
        _wait_for(f"http://127.0.0.1:{port}/", proc)
        status, page = _fetch(f"http://127.0.0.1:{port}/")
        assert status == 200 and "cables" in page, shown
    finally:
        out = _stop(proc)
    assert "Serving cablebase" in out, out
