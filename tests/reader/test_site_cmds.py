"""``cablebase demo`` and ``cablebase serve`` as a newcomer runs them: real server, real port."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

STARTUP_LIMIT_S = 60


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _fetch(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def _wait_for(url: str, proc: subprocess.Popen) -> None:
    deadline = time.monotonic() + STARTUP_LIMIT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            out = proc.stdout.read() if proc.stdout else ""
            pytest.fail(f"server exited with {proc.returncode}:\n{out}")
        try:
            _fetch(url)
            return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"server did not answer at {url}")


def _cablebase(*args: str, cwd: Path) -> subprocess.Popen:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    env.pop("CABLEBASE_DATABASE_URL", None)
    return subprocess.Popen(
        [sys.executable, "-m", "cablebase", *args],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def _stop(proc: subprocess.Popen) -> str:
    if proc.poll() is None:
        os.killpg(proc.pid, signal.SIGTERM)
    try:
        out, _ = proc.communicate(timeout=20)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
    return out or ""


@pytest.mark.slow
def test_demo_ingests_the_samples_and_serves_them(tmp_path: Path, samples_dir: Path) -> None:
    samples = tmp_path / "samples"
    shutil.copytree(samples_dir / "seeds", samples / "seeds")
    shutil.copytree(samples_dir / "wikileaks-html", samples / "wikileaks-html")
    port = _free_port()
    proc = _cablebase(
        "demo", "--db", "demo.db", "--samples", str(samples), "--port", str(port), cwd=tmp_path
    )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_for(f"{base}/", proc)
        status, home = _fetch(f"{base}/")
        assert status == 200
        assert "<strong>4</strong> cables from" in home
        status, page = _fetch(f"{base}/cable/06MOSCOW1323")  # redirect followed
        assert status == 200 and 'id="par1"' in page
        status, css = _fetch(f"{base}/static/reader/reader.css")  # whitenoise
        assert status == 200 and ".par:target" in css
    finally:
        out = _stop(proc)
    assert "4 cables stored" in out
    assert (tmp_path / "demo.db").exists()


def test_serve_names_a_bad_database_url(tmp_path: Path) -> None:
    proc = _cablebase("serve", "--db", "postgresql://", "--port", str(_free_port()), cwd=tmp_path)
    out = proc.communicate(timeout=60)[0]  # it must exit by itself, never start serving
    assert proc.returncode == 2
    assert "cannot open the archive postgresql://" in out


def test_demo_never_deletes_an_archive_it_did_not_make(tmp_path: Path) -> None:
    import sqlite3

    precious = tmp_path / "cablebase.db"
    with sqlite3.connect(precious) as conn:
        conn.execute("CREATE TABLE ingest_run (command TEXT)")
        conn.execute("INSERT INTO ingest_run VALUES ('cablebase ingest /data')")
    proc = _cablebase("demo", "--db", str(precious), "--port", str(_free_port()), cwd=tmp_path)
    out = proc.communicate(timeout=60)[0]
    assert proc.returncode == 2
    assert "is not a demo archive" in out
    assert precious.stat().st_size > 0
