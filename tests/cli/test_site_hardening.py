"""``serve`` and ``demo`` on a busy port, on a missing archive, and ``demo`` run twice."""

from __future__ import annotations

import os
import shutil
import socket
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest

from tests.reader.test_site_cmds import _cablebase, _fetch, _free_port, _stop, _wait_for


@pytest.fixture
def busy_port() -> Iterator[int]:
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        yield holder.getsockname()[1]


@pytest.mark.timeout(60)
def test_serve_on_a_busy_port_says_so_and_exits_2(tmp_path: Path, busy_port: int) -> None:
    (tmp_path / "a.db").touch()
    proc = _cablebase("serve", "--db", "a.db", "--port", str(busy_port), cwd=tmp_path)
    out = proc.communicate(timeout=50)[0]
    assert proc.returncode == 2
    assert f"port {busy_port} on 127.0.0.1 is in use" in out
    assert "Serving" not in out


@pytest.mark.timeout(60)
def test_demo_on_a_busy_port_fails_before_ingesting(
    tmp_path: Path, busy_port: int, samples_dir: Path
) -> None:
    proc = _cablebase(
        "demo", "--db", "demo.db", "--samples", str(samples_dir / "seeds"),
        "--port", str(busy_port), cwd=tmp_path,
    )  # fmt: skip
    out = proc.communicate(timeout=50)[0]
    assert proc.returncode == 2
    assert "is in use" in out and "PORT=" in out
    assert "Ingesting" not in out and not (tmp_path / "demo.db").exists()


@pytest.mark.timeout(60)
def test_serve_refuses_a_missing_archive(tmp_path: Path) -> None:
    proc = _cablebase("serve", "--db", "nosuch.db", "--port", str(_free_port()), cwd=tmp_path)
    out = proc.communicate(timeout=50)[0]
    assert proc.returncode == 2
    assert "no archive at nosuch.db" in out
    assert not (tmp_path / "nosuch.db").exists()


def _add_admin_and_comment(db: Path) -> None:
    """What a demo user does between runs: create an account, post a comment."""
    code = (
        "from cablebase.django_setup import setup; setup();"
        "from django.contrib.auth.models import User;"
        "from cablebase.archive.models import Cable;"
        "from cablebase.discussion.models import Comment;"
        "User.objects.create_superuser('admin', 'a@example.org', 'pw');"
        "Comment.objects.create(cable=Cable.objects.get(reference_id='06MOSCOW1323'),"
        " name='reader', body='kept?', status='approved')"
    )
    env = {**os.environ, "CABLEBASE_DATABASE_URL": f"sqlite:///{db}"}
    subprocess.run([sys.executable, "-c", code], env=env, check=True, timeout=60)


def _run_demo(tmp_path: Path, samples: Path) -> str:
    port = _free_port()
    proc = _cablebase(
        "demo", "--db", "demo.db", "--samples", str(samples), "--port", str(port), cwd=tmp_path
    )
    try:
        _wait_for(f"http://127.0.0.1:{port}/", proc)
        assert _fetch(f"http://127.0.0.1:{port}/")[0] == 200
    finally:
        out = _stop(proc)
    return out


@pytest.mark.slow
@pytest.mark.timeout(180)
def test_demo_run_again_keeps_accounts_and_comments(tmp_path: Path, samples_dir: Path) -> None:
    samples = tmp_path / "samples"
    shutil.copytree(samples_dir / "seeds", samples / "seeds")
    db = tmp_path / "demo.db"
    assert "2 cables stored" in _run_demo(tmp_path, samples)
    _add_admin_and_comment(db)
    shutil.copytree(samples_dir / "wikileaks-html", samples / "wikileaks-html")

    out = _run_demo(tmp_path, samples)
    assert "2 cables stored, 2 already there" in out
    with closing(sqlite3.connect(db)) as conn:
        assert conn.execute("SELECT username FROM auth_user").fetchall() == [("admin",)]
        assert conn.execute("SELECT body FROM discussion_comment").fetchall() == [("kept?",)]
        assert conn.execute("SELECT count(*) FROM cable").fetchone()[0] == 4
