"""kill -9 of an ingest leaves no process behind: parse workers, forkserver, resource tracker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest


def _children(pid: int) -> list[int]:
    found = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry))
    return found


def descendants(pid: int) -> set[int]:
    found: set[int] = set()
    todo = [pid]
    while todo:
        kids = _children(todo.pop())
        found.update(kids)
        todo.extend(kids)
    return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


@pytest.mark.slow
@pytest.mark.timeout(120)
@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_kill_9_of_an_ingest_ends_its_whole_process_pool(
    tmp_path: Path, shared_corpus: Path
) -> None:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CABLEBASE_DATABASE_URL", None)
    command = [sys.executable, "-m", "cablebase", "ingest", "--workers", "2", "--quiet"]
    command += ["--db", str(tmp_path / "a.db"), str(shared_corpus / "cablegate-2011-04-pages.zip")]
    proc = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    pool: set[int] = set()
    try:
        deadline = time.monotonic() + 90
        # forkserver + resource tracker + 2 workers, all started
        while len(pool) < 4 and proc.poll() is None and time.monotonic() < deadline:
            time.sleep(0.2)
            pool = descendants(proc.pid)
        assert proc.poll() is None, "the ingest finished before it could be killed"
        assert len(pool) >= 4, pool
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        deadline = time.monotonic() + 10
        while any(alive(p) for p in pool) and time.monotonic() < deadline:
            time.sleep(0.2)
        left = {p: Path(f"/proc/{p}/cmdline").read_bytes()[:80] for p in pool if alive(p)}
        assert not left, f"still running after the ingest was killed: {left}"
    finally:  # never leave a stray process, whatever failed
        if proc.poll() is None:
            pool |= descendants(proc.pid)
            proc.kill()
            proc.wait()
        for pid in pool:
            if alive(pid):
                os.kill(pid, signal.SIGKILL)
